//! Every recursive path of the checker counts against the depth limit, so
//! no input overflows the stack: definitional equality through a string
//! literal's expansion, through the `Nat` offset rule, and through a
//! literal computed by lazy delta reduction each end in a verdict or a
//! limit, never a crash. The inputs extend the kernel's own export fixtures
//! (`tests/fixtures/accept/`, honest `Nat`, `Eq`, `List`, `Char`, `String`
//! and `Nat.add`), read as exports.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, ExprId, Kernel, KernelError, LevelId, Limits, check_export, run_with_kernel_stack,
};

/// A kernel holding the declarations of the fixture `accept/<name>`.
fn fixture_kernel(name: &str) -> Kernel {
    let path = format!(
        "{}/tests/fixtures/accept/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture");
    let mut k = Kernel::new();
    check_export(&mut k, &bytes[..], Limits::DEFAULT).expect("fixture accepted");
    k
}

fn c(k: &mut Kernel, name: &str, ls: &[LevelId]) -> ExprId {
    let st = k.store_mut();
    let n = st.names.dotted(name);
    st.cnst(n, ls)
}

fn theorem(k: &mut Kernel, name: &str, ty: ExprId, value: ExprId) -> Declaration {
    Declaration::Theorem {
        header: DeclHeader {
            name: k.store_mut().names.dotted(name),
            level_params: vec![],
            ty,
        },
        value,
    }
}

/// `theorem name : @Eq.{1} α a b := @Eq.refl.{1} α a`.
fn eq_refl_theorem(k: &mut Kernel, name: &str, alpha: ExprId, a: ExprId, b: ExprId) -> Declaration {
    let one = k.store_mut().levels.succ(LevelId::ZERO);
    let eq = c(k, "Eq", &[one]);
    let refl = c(k, "Eq.refl", &[one]);
    let st = k.store_mut();
    let ty = st.apps(eq, &[alpha, a, b]);
    let value = st.apps(refl, &[alpha, a]);
    theorem(k, name, ty, value)
}

/// `"a…a" = String.ofList []` (`chars` characters) by `Eq.refl`.
fn string_against_empty(k: &mut Kernel, chars: usize) -> Declaration {
    let string = c(k, "String", &[]);
    let ch = c(k, "Char", &[]);
    let nil = c(k, "List.nil", &[LevelId::ZERO]);
    let of_list = c(k, "String.ofList", &[]);
    let st = k.store_mut();
    let lit = st.str_lit(&"a".repeat(chars));
    let empty = st.app(nil, ch);
    let rhs = st.app(of_list, empty);
    eq_refl_theorem(k, "bigString", string, lit, rhs)
}

/// Characters the kernel expands at most (`literal.rs`).
const MAX_EXPANDED: usize = 1 << 20;

#[test]
fn a_string_literal_over_the_expansion_cap_is_declined_not_a_stack_overflow() {
    // The red team's 1 MB input: the literal came back unexpanded and the
    // same pair was compared again, forever (a stack overflow in 0.8 s).
    // Run on the test thread's own small stack: no deep recursion at all.
    let mut k = fixture_kernel("accept_string_literals.ndjson");
    let d = string_against_empty(&mut k, MAX_EXPANDED + 1);
    let r = k.check_with_fuel(&d, Limits::DEFAULT);
    match r {
        Err(KernelError::StringTooLongToExpand { chars, limit }) => {
            assert_eq!((chars, limit), (MAX_EXPANDED + 1, MAX_EXPANDED));
        }
        other => panic!("expected a declined expansion, got {other:?}"),
    }
    assert_eq!(
        KernelError::StringTooLongToExpand { chars: 2, limit: 1 }.rule(),
        "limit.string-expansion"
    );
}

#[test]
fn an_expansion_too_deep_or_too_dear_is_stopped_before_it_is_built() {
    // At the cap the expansion nests 2^20 `List.cons`: deeper than any
    // traversal, so it is declined before a term of it is made (it was
    // built, about 4·2^20 terms, and then found too deep).
    let mut k = fixture_kernel("accept_string_literals.ndjson");
    let d = string_against_empty(&mut k, MAX_EXPANDED);
    let r = k.check_with_fuel(&d, Limits::DEFAULT);
    assert!(matches!(r, Err(KernelError::TermTooDeep { .. })), "{r:?}");
    assert!(
        k.store().scratch_peak() < 10_000,
        "{}",
        k.store().scratch_peak()
    );
    // 3,000 characters fit the depth but not 600 units of fuel (about
    // four terms a character, 16 terms a unit): refused before building.
    let mut k = fixture_kernel("accept_string_literals.ndjson");
    let d = string_against_empty(&mut k, 3_000);
    let r = k.check_with_fuel(&d, Limits::with_fuel(600));
    assert!(
        matches!(r, Err(KernelError::OutOfFuel { limit: 600, .. })),
        "{r:?}"
    );
    assert!(
        k.store().scratch_peak() < 2_000,
        "{}",
        k.store().scratch_peak()
    );
}

#[test]
fn a_string_literal_against_string_of_list_without_the_string_rule_is_decided() {
    // `String : Type` but `String.ofList : Nat → String`, and no `Char` or
    // `List`: literals have a type, but the string rule is off, so the
    // literal is never expanded and the rule must not apply (it used to
    // ask about the same pair again, forever).
    let mut k = fixture_kernel("nat_literals_gmp.ndjson");
    let nat = c(&mut k, "Nat", &[]);
    let string = c(&mut k, "String", &[]);
    let st = k.store_mut();
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let of_list_ty = st.pi(nat, string);
    for (name, ty) in [("String", ty), ("String.ofList", of_list_ty)] {
        let name = k.store_mut().names.dotted(name);
        k.add_declaration(&Declaration::Axiom {
            header: DeclHeader {
                name,
                level_params: vec![],
                ty,
            },
            is_unsafe: false,
        })
        .expect("axiom");
    }
    let of_list = c(&mut k, "String.ofList", &[]);
    let zero = c(&mut k, "Nat.zero", &[]);
    let st = k.store_mut();
    let lit = st.str_lit("ab");
    let rhs = st.app(of_list, zero);
    let r = k.is_def_eq(lit, rhs, Limits::DEFAULT);
    assert!(
        matches!(&r, Ok((false, _))) || matches!(&r, Err(e) if !e.rule().starts_with("limit.")),
        "{r:?}"
    );
}

/// `def f (n : Nat) : Nat := Nat.rec 0 (fun _ ih => Nat.succ ih) n`, the
/// identity by recursion, and `theorem : f n = n` by `Eq.refl`.
fn identity_by_recursion(k: &mut Kernel, n: u64) -> Declaration {
    let one = k.store_mut().levels.succ(LevelId::ZERO);
    let nat = c(k, "Nat", &[]);
    let zero = c(k, "Nat.zero", &[]);
    let succ = c(k, "Nat.succ", &[]);
    let rec = c(k, "Nat.rec", &[one]);
    let st = k.store_mut();
    let (b0, b1) = (st.bvar(0), st.bvar(1));
    let motive = st.lam(nat, nat);
    let step = {
        let s = st.app(succ, b0);
        let ih = st.lam(nat, s);
        st.lam(nat, ih)
    };
    let _ = b1;
    let body = st.apps(rec, &[motive, zero, step, b0]);
    let value = st.lam(nat, body);
    let ty = st.pi(nat, nat);
    let f_name = st.names.dotted("f");
    k.add_declaration(&Declaration::Definition {
        header: DeclHeader {
            name: f_name,
            level_params: vec![],
            ty,
        },
        value,
        hints: proofgate_kernel::ReducibilityHints::Regular(1),
        safety: proofgate_kernel::DefinitionSafety::Safe,
    })
    .expect("f");
    let f = c(k, "f", &[]);
    let st = k.store_mut();
    let lit = st.nat_lit(n.into());
    let lhs = st.app(f, lit);
    eq_refl_theorem(k, "fIsId", nat, lhs, lit)
}

/// [`Limits::DEEP`]'s recursion depth, or a fifth of it in a debug build.
const DEEP_RECURSION: u32 = if cfg!(debug_assertions) {
    Limits::DEEP.max_recursion / 5
} else {
    Limits::DEEP.max_recursion
};

#[test]
fn the_offset_rule_counts_against_the_depth_limit() {
    // `f 10^6 = 10^6`: each `Nat.succ` peeled by the offset rule is one
    // more nested comparison (it was uncounted: 626 MB and "peak recursion
    // 7" before a stack overflow).
    let (r, deep) = run_with_kernel_stack(|| {
        let mut k = fixture_kernel("nat_literals_gmp.ndjson");
        let d = identity_by_recursion(&mut k, 1_000_000);
        let r = k.check_with_fuel(&d, Limits::DEFAULT);
        // The command line's depths: the limit is reached well inside the
        // kernel stack (a debug build's frames are several times larger:
        // a fifth of the depth there).
        let deep_limits = Limits {
            max_recursion: DEEP_RECURSION,
            ..Limits::DEEP
        };
        let deep = k.check_with_fuel(&d, deep_limits);
        (r, deep)
    });
    assert!(
        matches!(r, Err(KernelError::RecursionLimit { limit: 1_000 })),
        "{r:?}"
    );
    assert!(
        matches!(
            deep,
            Err(KernelError::RecursionLimit {
                limit: DEEP_RECURSION
            } | KernelError::OutOfFuel { .. })
        ),
        "{deep:?}"
    );
}

#[test]
fn the_offset_rule_within_the_limit_still_decides() {
    let r = run_with_kernel_stack(|| {
        let mut k = fixture_kernel("nat_literals_gmp.ndjson");
        let d = identity_by_recursion(&mut k, 300);
        k.check_with_fuel(&d, Limits::DEFAULT)
    });
    let rep = r.expect("f 300 = 300");
    assert!(rep.peak_recursion > 300, "{}", rep.peak_recursion);
}

#[test]
fn a_literal_computed_by_lazy_delta_counts_its_comparison_as_one_level() {
    // `Nat.add 2 3 ≡ Nat.succ (Nat.add 2 2)`: lazy delta computes the left
    // side (one level), the offset rule peels the `succ` (another), and
    // the right side's sum is computed (a third). Each is a nested
    // comparison counted against the limit: one level less and the same
    // question is a limit, not an answer.
    let mut k = fixture_kernel("nat_literals_gmp.ndjson");
    let add = c(&mut k, "Nat.add", &[]);
    let succ = c(&mut k, "Nat.succ", &[]);
    let st = k.store_mut();
    let (two, three) = (st.nat_lit(2u32.into()), st.nat_lit(3u32.into()));
    let lhs = st.apps(add, &[two, three]);
    let inner = st.apps(add, &[two, two]);
    let rhs = st.app(succ, inner);
    let (eq, rep) = k.is_def_eq(lhs, rhs, Limits::DEFAULT).expect("decided");
    assert!(eq);
    let peak = rep.peak_recursion;
    assert!(peak >= 4, "peak recursion {peak}");
    let tight = Limits {
        max_recursion: peak - 1,
        ..Limits::DEFAULT
    };
    let r = k.is_def_eq(lhs, rhs, tight);
    assert!(
        matches!(r, Err(KernelError::RecursionLimit { .. })),
        "{r:?}"
    );
}
