//! Fuel and depth limits turn pathological input into errors: no hang, no
//! stack overflow (these tests run on the default 2 MiB test thread stack).

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    CheckFailure, Declaration, DefinitionSafety, ExprNode, Kernel, KernelError, LevelId, Limits,
    ReducibilityHints, check_export,
};
use std::fmt::Write as _;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

#[test]
fn term_nested_100k_deep_from_an_export_is_an_error() {
    // `deep : Type → Type := fun x => f (f (... (f x)))`, 100,000 applications.
    let mut s = String::from("{\"meta\":{\"format\":{\"version\":\"3.1.0\"}}}\n");
    s.push_str("{\"in\":1,\"str\":{\"pre\":0,\"str\":\"f\"}}\n{\"in\":2,\"str\":{\"pre\":0,\"str\":\"deep\"}}\n");
    s.push_str("{\"il\":1,\"succ\":0}\n{\"ie\":0,\"sort\":1}\n");
    s.push_str(
        "{\"ie\":1,\"forallE\":{\"name\":1,\"type\":0,\"body\":0,\"binderInfo\":\"default\"}}\n",
    );
    s.push_str("{\"axiom\":{\"name\":1,\"levelParams\":[],\"type\":1,\"isUnsafe\":false}}\n");
    s.push_str("{\"ie\":2,\"const\":{\"name\":1,\"us\":[]}}\n{\"ie\":3,\"bvar\":0}\n");
    let depth = 100_000;
    for i in 0..depth {
        let arg = if i == 0 { 3 } else { 3 + i };
        let _ = writeln!(s, "{{\"ie\":{},\"app\":{{\"fn\":2,\"arg\":{arg}}}}}", 4 + i);
    }
    let body = 3 + depth;
    let _ = writeln!(
        s,
        "{{\"ie\":{},\"lam\":{{\"name\":1,\"type\":0,\"body\":{body},\"binderInfo\":\"default\"}}}}",
        body + 1
    );
    let _ = writeln!(
        s,
        "{{\"def\":{{\"name\":2,\"levelParams\":[],\"type\":1,\"value\":{},\"hints\":\"opaque\",\"safety\":\"safe\",\"all\":[2]}}}}",
        body + 1
    );
    let mut k = Kernel::new();
    let err = check_export(&mut k, s.as_bytes(), Limits::DEFAULT).expect_err("too deep");
    match err {
        CheckFailure::Rejected {
            error: KernelError::TermTooDeep { depth, limit },
            ..
        } => {
            assert!(depth > limit);
        }
        other => panic!("expected a depth error, got {other}"),
    }
}

#[test]
fn deep_term_through_the_api_is_an_error() {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let ty = st.sort(LevelId::ZERO);
    let mut e = st.sort(LevelId::ZERO);
    for _ in 0..100_000 {
        e = st.lam(ty, e);
    }
    let r = k.infer(e, &[], Limits::DEFAULT);
    assert!(matches!(r, Err(KernelError::TermTooDeep { .. })), "{r:?}");
}

#[test]
fn running_out_of_fuel_says_how_much_was_used() {
    let f =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/accept/nat_literals_gmp.ndjson");
    let mut k = Kernel::new();
    let r = check_export(
        &mut k,
        BufReader::new(File::open(f).unwrap()),
        Limits::with_fuel(20),
    );
    match r {
        Err(CheckFailure::Rejected {
            error: KernelError::OutOfFuel { used, limit, .. },
            ..
        }) => {
            assert_eq!(limit, 20);
            assert_eq!(used, 20);
        }
        other => panic!("expected fuel exhaustion, got {other:?}"),
    }
}

#[test]
fn non_terminating_reduction_runs_out_of_fuel() {
    // An unsafe `loop : Type → Type := fun x => loop x`, then a definitional
    // check that keeps unfolding it: must stop at the budget, not hang.
    let mut k = Kernel::new();
    let st = k.store_mut();
    let lp = st.names.dotted("loop");
    let one = st.levels.succ(LevelId::ZERO);
    let ty1 = st.sort(one);
    let arrow = st.pi(ty1, ty1);
    let me = st.cnst(lp, &[]);
    let b0 = st.bvar(0);
    let call = st.app(me, b0);
    let value = st.lam(ty1, call);
    let decl = Declaration::Definition {
        header: DeclHeader {
            name: lp,
            level_params: vec![],
            ty: arrow,
        },
        value,
        hints: ReducibilityHints::Regular(1),
        safety: DefinitionSafety::Unsafe,
    };
    k.add_declaration(&decl)
        .expect("unsafe definitions may recurse");
    let st = k.store_mut();
    let prop = st.sort(LevelId::ZERO);
    let looping = st.app(me, prop);
    let r = k.whnf(
        looping,
        Limits {
            fuel: 10_000,
            ..Limits::DEFAULT
        },
    );
    assert!(
        matches!(
            r,
            Err(KernelError::OutOfFuel { limit: 10_000, .. } | KernelError::RecursionLimit { .. })
        ),
        "{r:?}"
    );
    assert!(matches!(k.store().node(looping), ExprNode::App(..)));
}

#[test]
fn universe_level_nested_100k_deep_is_an_error() {
    let mut k = Kernel::new();
    let st = k.store_mut();
    let mut l = LevelId::ZERO;
    for _ in 0..100_000 {
        l = st.levels.succ(l);
    }
    let ty = st.sort(l);
    let name = st.names.dotted("tooHigh");
    let decl = Declaration::Axiom {
        header: DeclHeader {
            name,
            level_params: vec![],
            ty,
        },
        is_unsafe: false,
    };
    let r = k.add_declaration(&decl);
    assert!(matches!(r, Err(KernelError::TermTooDeep { .. })), "{r:?}");
}
