//! The compiled route (`environment/compiled.rs`) against the kernel: every
//! verdict a registered invariant's residual program gives equals the
//! kernel's on the same obligation, and every acceptance issues the receipt
//! the kernel route would. Random `Bool`-valued functions over `Nat`
//! arguments (arithmetic, comparisons, `&&`, `||`, `!`, `if` on `Bool`,
//! `decide (a ≤ b)`, and matches on a `Nat` the stager must refuse) are
//! declared, registered and compared at the edges and at random values.
//! `PROOFGATE_LONG_DIFFERENTIAL=1` runs at least 100,000 comparisons.
//! The barrier's policies on the compiled route: `gate_compiled_policies.rs`.

use proofgate_core::term::{Hints, SourceDecl};
use proofgate_core::{GateSubject, ProofEnvironment, ProofRequirement, TierConfig};

/// Values every function is tried at: the edges of the machine words the
/// numbers are given in, and their neighbours (sums and products of them
/// cross 2^64 and 2^128 inside the residual).
const EDGES: [u64; 9] = [
    0,
    1,
    2,
    3,
    1 << 32,
    (1 << 32) + 1,
    1 << 63,
    u64::MAX - 1,
    u64::MAX,
];

/// splitmix64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// A number: an edge, a small one, or any.
    fn value(&mut self) -> u64 {
        match self.below(3) {
            0 => EDGES[self.below(EDGES.len() as u64) as usize],
            1 => self.below(20),
            _ => self.next(),
        }
    }
}

const MOTIVE: &str = "(fun (_ : Bool) => Bool)";

/// A `Nat` expression over `x0 … x{arity-1}`.
fn nat_expr(r: &mut Rng, arity: u64, depth: u32) -> String {
    match if depth == 0 { r.below(2) } else { r.below(5) } {
        0 => format!("x{}", r.below(arity)),
        1 => match r.below(3) {
            0 => r.below(10).to_string(),
            1 => EDGES[r.below(EDGES.len() as u64) as usize].to_string(),
            _ => r.next().to_string(),
        },
        2 => format!(
            "(Nat.add {} {})",
            nat_expr(r, arity, depth - 1),
            nat_expr(r, arity, depth - 1)
        ),
        3 => format!(
            "(Nat.mul {} {})",
            nat_expr(r, arity, depth - 1),
            nat_expr(r, arity, depth - 1)
        ),
        _ => format!("(Nat.succ {})", nat_expr(r, arity, depth - 1)),
    }
}

/// A `Bool` expression over `x0 … x{arity-1}`.
fn bool_expr(r: &mut Rng, arity: u64, depth: u32) -> String {
    let leaf = depth == 0;
    match if leaf { r.below(3) } else { r.below(10) } {
        0 => format!(
            "(Nat.ble {} {})",
            nat_expr(r, arity, 2),
            nat_expr(r, arity, 2)
        ),
        1 => format!(
            "(Nat.beq {} {})",
            nat_expr(r, arity, 2),
            nat_expr(r, arity, 2)
        ),
        2 => {
            let (a, b) = (nat_expr(r, arity, 1), nat_expr(r, arity, 1));
            format!("(Decidable.decide (LE.le.{{0}} Nat instLENat {a} {b}) (Nat.decLe {a} {b}))")
        }
        // p && q, p || q, !p, if c then p else q: `Bool.casesOn`, as Lean
        // elaborates them.
        3 | 4 => format!(
            "(Bool.casesOn.{{1}} {MOTIVE} {} Bool.false {})",
            bool_expr(r, arity, depth - 1),
            bool_expr(r, arity, depth - 1)
        ),
        5 | 6 => format!(
            "(Bool.casesOn.{{1}} {MOTIVE} {} {} Bool.true)",
            bool_expr(r, arity, depth - 1),
            bool_expr(r, arity, depth - 1)
        ),
        7 => format!(
            "(Bool.casesOn.{{1}} {MOTIVE} {} Bool.true Bool.false)",
            bool_expr(r, arity, depth - 1)
        ),
        8 => format!(
            "(Bool.casesOn.{{1}} {MOTIVE} {} {} {})",
            bool_expr(r, arity, depth - 1),
            bool_expr(r, arity, depth - 1),
            bool_expr(r, arity, depth - 1)
        ),
        // A match on an argument: stuck on `Nat.rec` over a variable, so
        // not staged; the kernel keeps answering.
        _ => format!(
            "(Nat.casesOn.{{1}} (fun (_ : Nat) => Bool) x{} {} (fun (k : Nat) => {}))",
            r.below(arity),
            bool_expr(r, arity, depth - 1),
            bool_expr(r, arity, depth - 1)
        ),
    }
}

/// A subject giving each invariant the same arguments.
struct Args(Vec<u64>);

impl GateSubject for Args {
    fn invariant_arguments(&self, _: u32) -> Option<Vec<u64>> {
        Some(self.0.clone())
    }
}

/// An environment whose kernel has ample fuel, auditing every compiled
/// acceptance.
fn environment() -> ProofEnvironment {
    let mut env = ProofEnvironment::new().expect("prelude");
    env.set_config(TierConfig {
        standard_fuel: 1_000_000,
        deep_fuel: 10_000_000,
        audit_every: 1,
        ..TierConfig::default()
    });
    env
}

/// The kernel's verdict on invariant `id` at `args`: its obligation built
/// and checked, no residual involved.
fn kernel_verdict(env: &mut ProofEnvironment, id: u32, args: &[u64]) -> bool {
    let req = ProofRequirement::InvariantPreserved { invariant_id: id };
    let ob = env
        .obligation(&req, &Args(args.to_vec()))
        .expect("obligation");
    match env.verify_uncached(&ob) {
        Ok(_) => true,
        Err(f) => {
            assert!(
                f.decided(),
                "the kernel did not decide {args:?}: {}",
                f.reason
            );
            false
        }
    }
}

/// Declares and registers `functions` random predicates, compares each at
/// the edges and `per_function` random points; returns (comparisons,
/// functions staged).
fn differential(seed: u64, functions: u32, per_function: u32) -> (u64, u32) {
    let mut env = environment();
    let mut r = Rng(seed);
    let (mut compared, mut staged) = (0u64, 0u32);
    for i in 0..functions {
        let arity = 1 + r.below(3);
        let depth = 1 + r.below(3) as u32;
        let body = bool_expr(&mut r, arity, depth);
        let binders: String = (0..arity).map(|k| format!("(x{k} : Nat) ")).collect();
        let name = format!("Test.random{i}");
        let decl = SourceDecl::Def {
            level_params: vec![],
            name: name.clone(),
            ty: format!("{}Bool", "Nat -> ".repeat(arity as usize)),
            value: format!("fun {binders}=> {body}"),
            hints: Hints::Regular(1),
        };
        if std::env::var_os("PROOFGATE_TRACE").is_some() {
            eprintln!("{name} := {body}");
        }
        env.declare(&decl)
            .unwrap_or_else(|e| panic!("{name} := {body}: {e}"));
        let id = 1_000 + i;
        env.register_invariant(id, &name, arity as usize)
            .expect("register");
        if env.compiled_route(id).is_err() {
            continue;
        }
        staged += 1;
        let mut points: Vec<Vec<u64>> = EDGES.iter().map(|&e| vec![e; arity as usize]).collect();
        points.extend((0..per_function).map(|_| (0..arity).map(|_| r.value()).collect()));
        for args in points {
            let Some(compiled) = env.compiled_verdict(id, &args) else {
                continue;
            };
            let kernel = kernel_verdict(&mut env, id, &args);
            assert_eq!(
                compiled, kernel,
                "{name} := {body} at {args:?}: compiled {compiled}, kernel {kernel}"
            );
            // The whole path: the compiled route's answer (audited by the
            // kernel at every acceptance) is the kernel's.
            let req = ProofRequirement::InvariantPreserved { invariant_id: id };
            let proved = env.prove(&req, &Args(args.clone()));
            assert_eq!(proved.is_ok(), kernel, "{name} at {args:?}: {proved:?}");
            compared += 1;
        }
    }
    (compared, staged)
}

#[test]
fn random_predicates_compiled_verdicts_equal_the_kernels() {
    let (compared, staged) = differential(0x5eed, 60, 40);
    eprintln!("{staged} of 60 random predicates staged, {compared} comparisons");
    assert!(staged >= 30, "only {staged} of 60 functions staged");
    assert!(compared >= 1_500, "only {compared} comparisons");
}

#[test]
fn long_differential_run_behind_a_flag() {
    if std::env::var_os("PROOFGATE_LONG_DIFFERENTIAL").is_none() {
        eprintln!(
            "long_differential_run_behind_a_flag: set PROOFGATE_LONG_DIFFERENTIAL=1 to run it"
        );
        return;
    }
    let mut total = 0;
    let mut seed = 1;
    while total < 100_000 {
        let (compared, _) = differential(seed, 200, 100);
        total += compared;
        seed += 1;
    }
    eprintln!("long differential run: {total} comparisons, 0 disagreements");
}
