//! The built-in prelude against Lean's own `Init.Prelude` export: every
//! built-in declaration carrying a Lean name must intern to exactly Lean's
//! terms (same hash-consed type and value), and an environment loaded from
//! the export must check the gate's obligations too.

mod policies;

use policies::PolicyEnv;
use proofgate_barrier::{Evidence, Policy};
use proofgate_core::canonical::TermDigests;
use proofgate_core::lean_prelude::lean_declarations;
use proofgate_core::term::SourceDecl;
use proofgate_core::{ProofEnvironment, ProofTier};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    ConstantKind, Declaration, Kernel, Limits, check_export, run_with_kernel_stack,
};

#[path = "../../proofgate-kernel/tests/support/corpus.rs"]
mod corpus;

/// A kernel holding Lean's `Init.Prelude`, or `None` when the corpus is
/// absent (skipped loudly, or a failure under `PROOFGATE_REQUIRE_CORPUS=1`).
fn lean_kernel(test: &str) -> Option<Kernel> {
    let path = corpus::file_or_skip("good/init-prelude.ndjson", test)?;
    let mut k = Kernel::new();
    let file = std::fs::File::open(path).unwrap();
    check_export(&mut k, std::io::BufReader::new(file), Limits::DEFAULT)
        .expect("Lean's Init.Prelude checks");
    Some(k)
}

#[test]
fn every_builtin_lean_declaration_is_identical_to_leans() {
    run_with_kernel_stack(|| {
        let Some(mut k) = lean_kernel("every_builtin_lean_declaration_is_identical_to_leans")
        else {
            return;
        };
        let mut compared = 0;
        for decl in lean_declarations() {
            // Interned into the store holding Lean's terms: equal structure
            // means equal ids.
            let d = decl.to_declaration(k.store_mut()).unwrap();
            let mut check = |name, ty, value: Option<_>| {
                let n = proofgate_core::term::name_of(k.store_mut(), name);
                let lean = k
                    .env()
                    .get(n)
                    .unwrap_or_else(|| panic!("Lean has no '{name}'"));
                assert_eq!(lean.ty, ty, "type of '{name}' differs from Lean's");
                if let Some(v) = value {
                    match &lean.kind {
                        ConstantKind::Definition { value, .. }
                        | ConstantKind::Theorem { value } => {
                            assert_eq!(*value, v, "value of '{name}' differs from Lean's")
                        }
                        other => panic!("'{name}' has no value in Lean: {other:?}"),
                    }
                }
                compared += 1;
            };
            match (&decl, &d) {
                (
                    SourceDecl::Def { name, .. },
                    Declaration::Definition {
                        header: DeclHeader { ty, .. },
                        value,
                        ..
                    },
                )
                | (
                    SourceDecl::Theorem { name, .. },
                    Declaration::Theorem {
                        header: DeclHeader { ty, .. },
                        value,
                        ..
                    },
                ) => check(name.as_str(), *ty, Some(*value)),
                (SourceDecl::Inductive { name, ctors, .. }, Declaration::Inductive(b)) => {
                    check(name.as_str(), b.types[0].ty, None);
                    for ((cname, _), (_, cty)) in ctors.iter().zip(&b.types[0].ctors) {
                        check(cname.as_str(), *cty, None);
                    }
                }
                _ => unreachable!(),
            }
        }
        assert!(compared >= 100, "compared {compared} constants");
    });
}

/// The recursors the kernel derives for the built-in inductives equal
/// Lean's (compared by canonical digest across the two stores).
#[test]
fn derived_recursors_match_leans() {
    run_with_kernel_stack(|| {
        let Some(mut lean) = lean_kernel("derived_recursors_match_leans") else {
            return;
        };
        let mut ours = ProofEnvironment::new().unwrap();
        let (mut dl, mut dou) = (TermDigests::default(), TermDigests::default());
        let mut compared = 0;
        for decl in lean_declarations() {
            let SourceDecl::Inductive { name, .. } = decl else {
                continue;
            };
            let rec = format!("{name}.rec");
            let nl = lean.store_mut().names.dotted(&rec);
            let no = ours.store_mut().names.dotted(&rec);
            let a = lean
                .env()
                .get(nl)
                .cloned()
                .unwrap_or_else(|| panic!("Lean has no '{rec}'"));
            let b = ours
                .kernel()
                .env()
                .get(no)
                .cloned()
                .unwrap_or_else(|| panic!("no '{rec}'"));
            assert_eq!(
                dl.digest(lean.store(), a.ty),
                dou.digest(ours.store(), b.ty),
                "type of '{rec}' differs from Lean's"
            );
            let (
                ConstantKind::Recursor { rules: ra, .. },
                ConstantKind::Recursor { rules: rb, .. },
            ) = (&a.kind, &b.kind)
            else {
                panic!("'{rec}' is not a recursor");
            };
            assert_eq!(ra.len(), rb.len(), "rules of '{rec}'");
            for (x, y) in ra.iter().zip(rb) {
                assert_eq!(
                    dl.digest(lean.store(), x.rhs),
                    dou.digest(ours.store(), y.rhs),
                    "a rule of '{rec}' differs from Lean's"
                );
            }
            compared += 1;
        }
        assert!(compared >= 16, "compared {compared} recursors");
    });
}

#[test]
fn policy_obligations_check_in_an_environment_loaded_from_lean() {
    run_with_kernel_stack(|| {
        let Some(path) = corpus::file_or_skip(
            "good/init-prelude.ndjson",
            "policy_obligations_check_in_an_environment_loaded_from_lean",
        ) else {
            return;
        };
        let mut pe = PolicyEnv::new(ProofEnvironment::from_export_path(path).unwrap());
        let ev = Evidence {
            hosts: 1_000_000,
            ready: 999_999,
            failed: 1,
            provisioning: 0,
        };
        for (policy, holds) in [
            (Policy::Percent(99), true),
            (Policy::Percent(100), false),
            (Policy::AtLeast(999_999), true),
            (Policy::StrictAll, false),
            (
                Policy::both(Policy::MaxFailures(1), Policy::AtLeast(10)),
                true,
            ),
        ] {
            let (b, d) = (pe.policy(&policy), pe.decided(&policy));
            let r = pe.env.prove(&b, &ev);
            assert_eq!(r.is_ok(), holds, "{policy:?}: {r:?}");
            if let Ok(p) = r {
                assert_eq!(p.tier, ProofTier::Standard);
            }
            // The decide form needs only Lean's own declarations.
            let d = pe.env.prove(&d, &ev);
            assert_eq!(d.is_ok(), holds, "decide form of {policy:?}: {d:?}");
        }
        // Lean's own environment hashes differently from the built-in one.
        let mut builtin = ProofEnvironment::new().unwrap();
        assert_ne!(pe.env.environment_hash(), builtin.environment_hash());
    });
}
