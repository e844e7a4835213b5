//! The barrier's policies, brought to proofgate's gate through the gate's
//! general requirements (feature `gate`): each policy leaf becomes a
//! registered invariant, a `Bool` function of the evidence
//! `(hosts, ready, failed)` that the kernel evaluates, and `Both` becomes a
//! `Composite`. The gate itself knows nothing of the barrier, so a program
//! that gates embeddings links no barrier code.
//!
//! Two forms of the same policy, with the same verdicts: [`PolicyForm::Bool`]
//! states it with the `Bool` functions of `lean/` (`Proofgate.Barrier.*`,
//! fewest kernel steps); [`PolicyForm::Decide`] with Lean's own decision
//! procedures (`decide (t ≤ ready)` through `Nat.decLe`, `Nat.decEq`), for
//! when the proposition itself (`LE.le`, `Eq`) must appear in the obligation.

use crate::controller::ConvergeAuthority;
use crate::{Evidence, Policy};
use proofgate_core::term::{Hints, SourceDecl};
use proofgate_core::{
    GateError, GateSubject, ProofEnvironment, ProofGate, ProofRequirement, Proved,
};
use std::collections::HashMap;

/// The first invariant id the barrier registers; it takes the ids after it,
/// one per distinct policy leaf and form.
pub const FIRST_POLICY_INVARIANT: u32 = 0x4241_0000;

/// How a policy is stated to the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyForm {
    /// With the `Bool` functions `Proofgate.Barrier.*`.
    Bool,
    /// With `Decidable.decide` over `≤` and `=` on `Nat`.
    Decide,
}

/// The Lean definitions the `Bool` form applies (`Policy.holds` of `lean/`
/// for each policy, on the counts the gate sees).
fn base_definitions() -> Vec<SourceDecl> {
    let def = |name: &str, ty: &str, value: &str| SourceDecl::Def {
        level_params: vec![],
        name: name.into(),
        ty: ty.into(),
        value: value.into(),
        hints: Hints::Regular(3),
    };
    vec![
        def(
            "Proofgate.Barrier.strictAll",
            "Nat -> Nat -> Bool",
            "fun (hosts : Nat) (ready : Nat) => Nat.beq ready hosts",
        ),
        def(
            "Proofgate.Barrier.atLeast",
            "Nat -> Nat -> Bool",
            "fun (t : Nat) (ready : Nat) => Nat.ble t ready",
        ),
        def(
            "Proofgate.Barrier.percent",
            "Nat -> Nat -> Nat -> Bool",
            "fun (p : Nat) (hosts : Nat) (ready : Nat) => Nat.ble (Nat.mul p hosts) (Nat.mul 100 ready)",
        ),
        def(
            "Proofgate.Barrier.maxFailures",
            "Nat -> Nat -> Bool",
            "fun (k : Nat) (failed : Nat) => Nat.ble failed k",
        ),
    ]
}

/// `decide (a ≤ b) = true` as the body of a leaf.
fn decide_le(a: &str, b: &str) -> String {
    format!("Decidable.decide (LE.le.{{0}} Nat instLENat {a} {b}) (Nat.decLe {a} {b})")
}

/// The body of a leaf's invariant, over `hosts`, `ready` and `failed`.
fn leaf_body(leaf: &Policy, form: PolicyForm) -> String {
    match (form, leaf) {
        (PolicyForm::Bool, Policy::StrictAll) => "Proofgate.Barrier.strictAll hosts ready".into(),
        (PolicyForm::Bool, Policy::AtLeast(t)) => format!("Proofgate.Barrier.atLeast {t} ready"),
        (PolicyForm::Bool, Policy::Percent(p)) => {
            format!("Proofgate.Barrier.percent {p} hosts ready")
        }
        (PolicyForm::Bool, Policy::MaxFailures(k)) => {
            format!("Proofgate.Barrier.maxFailures {k} failed")
        }
        (PolicyForm::Decide, Policy::StrictAll) => {
            "Decidable.decide (Eq.{1} Nat ready hosts) (Nat.decEq ready hosts)".into()
        }
        (PolicyForm::Decide, Policy::AtLeast(t)) => decide_le(&t.to_string(), "ready"),
        (PolicyForm::Decide, Policy::Percent(p)) => {
            decide_le(&format!("(Nat.mul {p} hosts)"), "(Nat.mul 100 ready)")
        }
        (PolicyForm::Decide, Policy::MaxFailures(k)) => decide_le("failed", &k.to_string()),
        (_, Policy::Both(..)) => unreachable!("a conjunction is a Composite, not a leaf"),
    }
}

/// A policy leaf in words, for the gate's refusals.
fn describe(leaf: &Policy) -> String {
    match leaf {
        Policy::StrictAll => "every host ready".into(),
        Policy::AtLeast(t) => format!("at least {t} hosts ready"),
        Policy::Percent(p) => format!("at least {p}% of the hosts ready"),
        Policy::MaxFailures(k) => format!("at most {k} hosts failed"),
        Policy::Both(a, b) => format!("{} and {}", describe(a), describe(b)),
    }
}

/// The policies registered in one proof environment, as invariants.
#[derive(Debug, Default)]
pub struct PolicyInvariants {
    ids: HashMap<(Policy, PolicyForm), u32>,
    declared: bool,
}

impl PolicyInvariants {
    /// None registered yet (they are declared in `env` on first use).
    pub fn new() -> Self {
        Self::default()
    }

    /// The gate requirement of `policy` in `form`, declaring and registering
    /// (kernel-checked) the invariants of its leaves the first time. Always
    /// use it with the same environment.
    pub fn requirement(
        &mut self,
        env: &mut ProofEnvironment,
        policy: &Policy,
        form: PolicyForm,
    ) -> Result<ProofRequirement, GateError> {
        Ok(match policy {
            Policy::Both(a, b) => ProofRequirement::Composite(vec![
                self.requirement(env, a, form)?,
                self.requirement(env, b, form)?,
            ]),
            leaf => ProofRequirement::InvariantPreserved {
                invariant_id: self.leaf(env, leaf, form)?,
            },
        })
    }

    fn leaf(
        &mut self,
        env: &mut ProofEnvironment,
        leaf: &Policy,
        form: PolicyForm,
    ) -> Result<u32, GateError> {
        if let Some(id) = self.ids.get(&(leaf.clone(), form)) {
            return Ok(*id);
        }
        if !self.declared {
            for d in base_definitions() {
                env.declare(&d)?;
            }
            self.declared = true;
        }
        let id = FIRST_POLICY_INVARIANT + self.ids.len() as u32;
        let name = format!("Proofgate.Barrier.policy{}", id - FIRST_POLICY_INVARIANT);
        env.declare(&SourceDecl::Def {
            level_params: vec![],
            name: name.clone(),
            ty: "Nat -> Nat -> Nat -> Bool".into(),
            value: format!(
                "fun (hosts : Nat) (ready : Nat) (failed : Nat) => {}",
                leaf_body(leaf, form)
            ),
            hints: Hints::Regular(4),
        })?;
        env.register_invariant(id, &name, 3)?;
        env.describe_invariant(id, format!("{} (hosts, ready, failed)", describe(leaf)))?;
        self.ids.insert((leaf.clone(), form), id);
        Ok(id)
    }
}

/// Evidence is the subject of every policy invariant: `(hosts, ready,
/// failed)`.
impl GateSubject for Evidence {
    fn invariant_arguments(&self, _invariant_id: u32) -> Option<Vec<u64>> {
        Some(vec![self.hosts, self.ready, self.failed])
    }
}

/// Receives every accepted proof; an error refuses the Converge.
pub type ProvedSink<'a> = dyn FnMut(&Proved) -> Result<(), String> + 'a;

/// A [`ConvergeAuthority`] backed by the gate: every Converge the barrier
/// engine decides must first pass a [`ProofGate`] whose requirement is the
/// run's policy, proved by the kernel on the current evidence; every
/// accepted proof (tier and attestation) goes to a sink (for example the
/// ledger).
pub struct GatedAuthority<'a> {
    env: ProofEnvironment,
    policies: PolicyInvariants,
    sink: Option<Box<ProvedSink<'a>>>,
    converges: u64,
}

impl<'a> GatedAuthority<'a> {
    /// An authority checking in `env`.
    pub fn new(env: ProofEnvironment) -> Self {
        GatedAuthority {
            env,
            policies: PolicyInvariants::new(),
            sink: None,
            converges: 0,
        }
    }

    /// Sends every accepted proof to `sink`; a sink error refuses the Converge.
    pub fn with_sink(mut self, sink: impl FnMut(&Proved) -> Result<(), String> + 'a) -> Self {
        self.sink = Some(Box::new(sink));
        self
    }

    /// The environment (tier counts, cache statistics).
    pub fn env(&self) -> &ProofEnvironment {
        &self.env
    }

    /// Converges authorised.
    pub fn converges(&self) -> u64 {
        self.converges
    }
}

impl ConvergeAuthority for GatedAuthority<'_> {
    fn authorise(&mut self, policy: &Policy, evidence: &Evidence) -> Result<(), String> {
        let requirement = self
            .policies
            .requirement(&mut self.env, policy, PolicyForm::Bool)
            .map_err(|e| e.to_string())?;
        let gate = ProofGate::new(*evidence, requirement);
        let (_, proved) = gate.into_proved(&mut self.env).map_err(|e| e.to_string())?;
        if let Some(sink) = &mut self.sink {
            sink(&proved)?;
        }
        self.converges += 1;
        Ok(())
    }
}
