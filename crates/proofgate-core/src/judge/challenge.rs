//! The trusted side: the constants a challenge declares, and the rule that
//! the solution keeps each of them identical.
//!
//! The challenge is read into the solution's term store, so "identical" is
//! equality of hash-consed ids: same kind, universe parameters, type and
//! value, and for inductive blocks the same derived data (the export's copy,
//! which the kernel compared with its own derivation when it checked the
//! solution).

use super::verdict::{Difference, Rejection};
use proofgate_kernel::{
    ConstantInfo, ConstantKind, Declaration, Environment, ExprId, NameId, TermStore,
};
use rustc_hash::FxHashMap;

/// One constant of the challenge.
#[derive(Clone, Debug)]
struct Entry {
    info: ConstantInfo,
    /// Only name, universe parameters and type are known (an inductive
    /// block written without its derived data).
    header_only: bool,
}

/// The constants of a trusted export, by name.
#[derive(Debug, Default)]
pub struct Challenge {
    entries: Vec<Entry>,
    by_name: FxHashMap<NameId, usize>,
}

impl Challenge {
    /// Adds the constants a declaration introduces; `Err` names a constant
    /// declared twice.
    pub(crate) fn add(&mut self, decl: &Declaration) -> Result<(), NameId> {
        for e in entries_of(decl) {
            let n = e.info.name;
            if self.by_name.insert(n, self.entries.len()).is_some() {
                return Err(n);
            }
            self.entries.push(e);
        }
        Ok(())
    }

    /// Number of constants.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the challenge declares nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The constant named `n`.
    pub fn get(&self, n: NameId) -> Option<&ConstantInfo> {
        self.by_name.get(&n).map(|&i| &self.entries[i].info)
    }

    /// Whether the challenge declares an axiom named `n`.
    pub fn declares_axiom(&self, n: NameId) -> bool {
        matches!(self.get(n), Some(c) if matches!(c.kind, ConstantKind::Axiom { .. }))
    }

    /// The first constant that `roots` (statements) reach, through the
    /// types and values of the challenge's own constants and through what
    /// literals expand into, that the challenge does not declare: whatever a
    /// statement means must be fixed by the trusted side.
    pub(crate) fn first_undeclared(&self, st: &TermStore, roots: &[ExprId]) -> Option<NameId> {
        let mut missing = None;
        super::closure::walk(st, roots, &|n| self.get(n), false, &mut |n, c| {
            if c.is_none() && missing.is_none() {
                missing = Some(n);
            }
        });
        missing
    }

    /// The first constant the kernel reads by name that `env` (the
    /// solution's) declares and the challenge does not.
    pub(crate) fn first_name_keyed_from_solution(
        &self,
        st: &TermStore,
        env: &Environment,
    ) -> Option<Rejection> {
        proofgate_kernel::NAME_KEYED_CONSTANTS
            .iter()
            .filter_map(|s| st.names.find_dotted(s))
            .find(|n| env.contains(*n) && self.get(*n).is_none())
            .map(|n| Rejection::NameKeyedFromSolution {
                name: st.names.display(n),
            })
    }

    /// The first constant, other than `skip`, that `env` lacks or holds
    /// differently.
    pub(crate) fn first_change(
        &self,
        st: &TermStore,
        env: &Environment,
        skip: &[NameId],
    ) -> Option<Rejection> {
        for e in &self.entries {
            let n = e.info.name;
            if skip.contains(&n) {
                continue;
            }
            let Some(s) = env.get(n) else {
                return Some(Rejection::ChallengeConstantMissing {
                    name: st.names.display(n),
                });
            };
            if let Some(difference) = difference(&e.info, s, e.header_only) {
                return Some(Rejection::ChallengeConstantChanged {
                    name: st.names.display(n),
                    difference,
                });
            }
        }
        None
    }
}

/// How `s` differs from the challenge's `c`, the most telling difference
/// first.
pub(crate) fn difference(
    c: &ConstantInfo,
    s: &ConstantInfo,
    header_only: bool,
) -> Option<Difference> {
    if std::mem::discriminant(&c.kind) != std::mem::discriminant(&s.kind) {
        return Some(Difference::Kind);
    }
    if c.level_params != s.level_params {
        return Some(Difference::LevelParams);
    }
    if c.ty != s.ty {
        return Some(Difference::Type);
    }
    if header_only {
        return None;
    }
    let value = |k: &ConstantKind| match k {
        ConstantKind::Definition { value, .. }
        | ConstantKind::Theorem { value }
        | ConstantKind::Opaque { value, .. } => Some(vec![*value]),
        ConstantKind::Recursor { rules, .. } => Some(rules.iter().map(|r| r.rhs).collect()),
        _ => None,
    };
    if value(&c.kind) != value(&s.kind) {
        return Some(Difference::Value);
    }
    (c.kind != s.kind).then_some(Difference::Flags)
}

fn entries_of(decl: &Declaration) -> Vec<Entry> {
    if let Some(info) = decl.constant() {
        return vec![Entry {
            info,
            header_only: false,
        }];
    }
    let Declaration::Inductive(b) = decl else {
        return Vec::new(); // unreachable: every other declaration has its constant
    };
    match &b.claimed {
        Some(c) => c
            .types
            .iter()
            .chain(&c.ctors)
            .chain(&c.recs)
            .map(|info| Entry {
                info: info.clone(),
                header_only: false,
            })
            .collect(),
        None => {
            // Without derived data only the headers can be compared; the
            // kind tag still says "inductive" or "constructor".
            let mut out = Vec::new();
            for t in &b.types {
                let header = |name, ty, kind| Entry {
                    info: ConstantInfo {
                        name,
                        level_params: b.level_params.clone(),
                        ty,
                        kind,
                    },
                    header_only: true,
                };
                out.push(header(
                    t.name,
                    t.ty,
                    ConstantKind::Inductive {
                        num_params: b.num_params,
                        num_indices: 0,
                        all: Vec::new(),
                        ctors: t.ctors.iter().map(|c| c.0).collect(),
                        num_nested: 0,
                        is_rec: false,
                        is_reflexive: false,
                        is_unsafe: b.is_unsafe,
                    },
                ));
                for (i, (c, ct)) in t.ctors.iter().enumerate() {
                    out.push(header(
                        *c,
                        *ct,
                        ConstantKind::Constructor {
                            induct: t.name,
                            cidx: i as u32,
                            num_params: b.num_params,
                            num_fields: 0,
                            is_unsafe: b.is_unsafe,
                        },
                    ));
                }
            }
            out
        }
    }
}
