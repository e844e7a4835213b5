//! Primitives are checked when they are added (`primitive.rs`): a bogus
//! definition of any operation the literal extension computes is rejected
//! at its definition; an axiom (or opaque constant) with a primitive's name
//! is accepted and never computed; honest definitions are computed.
//! Lean's own definitions (Init.Prelude's) are the controls in
//! `tests/corpus.rs` and the gate's prelude tests.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{Declaration, DefinitionSafety, ExprId, Kernel, Limits};

#[path = "support/nat.rs"]
mod nat;
use nat::{Def, define, define_value, kernel_with, nat_kernel, nat_types, op};

/// Each checked operation, after the ones its equations name.
const CHAIN: &[&str] = &[
    "Nat.pred",
    "Nat.add",
    "Nat.sub",
    "Nat.mul",
    "Nat.pow",
    "Nat.shiftLeft",
];

fn lit(k: &mut Kernel, n: u32) -> ExprId {
    k.store_mut().nat_lit(n.into())
}

#[test]
fn a_bogus_definition_of_each_checked_primitive_is_rejected_where_it_is_defined() {
    for (i, name) in CHAIN.iter().enumerate() {
        let mut k = kernel_with(&CHAIN[..i]);
        let e = define(&mut k, name, Def::Zero).expect_err(name);
        assert_eq!(e.rule(), "decl.primitive-equation", "{name}: {e}");
        let n = k.store_mut().names.dotted(name);
        assert!(!k.env().contains(n), "{name} must not be added");
    }
}

#[test]
fn honest_definitions_are_verified_and_computed() {
    let mut k = kernel_with(CHAIN);
    for name in CHAIN {
        let n = k.store_mut().names.dotted(name);
        assert!(k.env().is_verified_primitive(n), "{name}");
    }
    let cases: &[(&str, u32, u32, u32)] = &[
        ("Nat.add", 2, 2, 4),
        ("Nat.sub", 2, 5, 0),
        ("Nat.mul", 6, 7, 42),
        ("Nat.pow", 3, 4, 81),
        ("Nat.shiftLeft", 3, 5, 96),
    ];
    for &(name, a, b, want) in cases {
        let (a, b) = (lit(&mut k, a), lit(&mut k, b));
        let e = op(&mut k, name, a, b);
        let (w, rep) = k.whnf(e, Limits::with_fuel(1_000)).expect(name);
        assert_eq!(w, lit(&mut k, want), "{name}");
        // Computed, not unfolded: one step for the operation.
        assert!(rep.steps <= 4, "{name}: {} steps", rep.steps);
    }
}

/// Declares `name : Nat → Nat → Nat` as an axiom, or as an opaque
/// constant with an honest-looking value.
fn declare_opaque_or_axiom(k: &mut Kernel, name: &str, axiom: bool) {
    let (_, _, nnn) = nat_types(k);
    let n = k.store_mut().names.dotted(name);
    let decl = if axiom {
        Declaration::Axiom {
            header: DeclHeader {
                name: n,
                level_params: vec![],
                ty: nnn,
            },
            is_unsafe: false,
        }
    } else {
        let value = nat::value(k, "Nat.add", Def::Honest);
        Declaration::Opaque {
            header: DeclHeader {
                name: n,
                level_params: vec![],
                ty: nnn,
            },
            value,
            is_unsafe: false,
        }
    };
    k.add_declaration(&decl).expect(name);
}

#[test]
fn an_axiom_or_opaque_constant_named_like_a_primitive_is_never_computed() {
    let ops = [
        "Nat.add",
        "Nat.sub",
        "Nat.mul",
        "Nat.div",
        "Nat.mod",
        "Nat.gcd",
        "Nat.land",
        "Nat.lor",
        "Nat.xor",
        "Nat.shiftLeft",
        "Nat.shiftRight",
        "Nat.pow",
    ];
    for axiom in [true, false] {
        let mut k = nat_kernel();
        for name in ops {
            declare_opaque_or_axiom(&mut k, name, axiom);
            let (a, b) = (lit(&mut k, 6), lit(&mut k, 3));
            let e = op(&mut k, name, a, b);
            let (w, _) = k.whnf(e, Limits::with_fuel(1_000)).expect(name);
            assert_eq!(w, e, "{name} (axiom: {axiom}) must stay stuck");
        }
    }
}

#[test]
fn a_bogus_definition_of_an_unchecked_operation_is_accepted_and_only_unfolds() {
    // `div`, `mod`, `gcd`, ... have no equation check: any definition is
    // accepted, and the extension never computes it, so literals agree
    // with unfolding (here: always 0).
    for name in [
        "Nat.div",
        "Nat.mod",
        "Nat.gcd",
        "Nat.land",
        "Nat.shiftRight",
    ] {
        let mut k = nat_kernel();
        let value = nat::value(&mut k, "Nat.add", Def::Zero);
        define_value(&mut k, name, value, DefinitionSafety::Safe, &[]).expect(name);
        let n = k.store_mut().names.dotted(name);
        assert!(!k.env().is_verified_primitive(n), "{name}");
        let (a, b) = (lit(&mut k, 6), lit(&mut k, 3));
        let e = op(&mut k, name, a, b);
        let (w, _) = k.whnf(e, Limits::with_fuel(1_000)).expect(name);
        let zero = k.store_mut().names.dotted("Nat.zero");
        let zero = k.store_mut().cnst(zero, &[]);
        assert_eq!(w, zero, "{name}: unfolded, not computed");
    }
}

#[test]
fn an_unsafe_or_partial_definition_named_like_a_primitive_is_never_computed() {
    for safety in [DefinitionSafety::Unsafe, DefinitionSafety::Partial] {
        let mut k = nat_kernel();
        let value = nat::value(&mut k, "Nat.add", Def::Zero);
        define_value(&mut k, "Nat.add", value, safety, &[])
            .expect("not a primitive: accepted like any other");
        let n = k.store_mut().names.dotted("Nat.add");
        assert!(!k.env().is_verified_primitive(n));
    }
}

#[test]
fn an_equation_naming_an_unverified_primitive_is_refused() {
    // `Nat.mul`'s equations use `Nat.add`; an axiom `Nat.add` makes them
    // unverifiable (the extension would compute `mul` while `add` stays
    // stuck), so the honest `Nat.mul` is refused.
    let mut k = nat_kernel();
    declare_opaque_or_axiom(&mut k, "Nat.add", true);
    let e = define(&mut k, "Nat.mul", Def::Honest).expect_err("mul over an axiom add");
    assert_eq!(e.rule(), "decl.primitive-equation", "{e}");
}

#[test]
fn a_primitive_with_universe_parameters_is_refused() {
    let mut k = nat_kernel();
    let value = nat::value(&mut k, "Nat.add", Def::Honest);
    let e =
        define_value(&mut k, "Nat.add", value, DefinitionSafety::Safe, &["u"]).expect_err("levels");
    assert_eq!(e.rule(), "decl.primitive-equation", "{e}");
}

#[path = "support/corpus.rs"]
mod corpus;

/// Lean's own definitions pass their equations: with Init.Prelude checked,
/// every primitive it defines (structural or fuel-based recursion as Lean
/// elaborates it) is verified, and the string literal's constants with it.
#[test]
fn init_prelude_primitives_are_verified() {
    let Some(path) = corpus::file_or_skip(
        "good/init-prelude.ndjson",
        "init_prelude_primitives_are_verified",
    ) else {
        return;
    };
    let mut k = Kernel::new();
    let file = std::fs::File::open(&path).expect("open");
    proofgate_kernel::run_with_kernel_stack(|| {
        proofgate_kernel::check_export(&mut k, std::io::BufReader::new(file), Limits::DEFAULT)
            .expect("Init.Prelude checks");
        for name in [
            "Nat.pred",
            "Nat.add",
            "Nat.sub",
            "Nat.mul",
            "Nat.pow",
            "Nat.beq",
            "Nat.ble",
            "Char.ofNat",
            "String.ofList",
        ] {
            let n = k.store_mut().names.dotted(name);
            assert!(k.env().is_verified_primitive(n), "{name}");
        }
    });
}
