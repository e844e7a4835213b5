//! The judge pins what literals and built-in rules mean (issue 19): the
//! constants the kernel reads by name come from the challenge only, the
//! dependency walk follows what literals expand into, and a challenge must
//! declare whatever its statements use. One case per attack found by the
//! red team; each was accepted with no axioms before.

use proofgate_core::export_builder::ExportBuilder;
use proofgate_core::judge::{JudgeConfig, JudgeError, JudgeReport, Rejection, judge};
use proofgate_core::term::{Hints, SourceDecl};
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{Declaration, DefinitionSafety, ExprId, LevelId, ReducibilityHints};

fn ind(name: &str, ty: &str, ctors: &[(&str, &str)]) -> SourceDecl {
    SourceDecl::Inductive {
        level_params: vec![],
        num_params: 0,
        name: name.into(),
        ty: ty.into(),
        ctors: ctors
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect(),
    }
}

fn thm(name: &str, ty: &str, value: &str) -> SourceDecl {
    SourceDecl::Theorem {
        level_params: vec![],
        name: name.into(),
        ty: ty.into(),
        value: value.into(),
    }
}

fn def(name: &str, ty: &str, value: &str) -> SourceDecl {
    SourceDecl::Def {
        level_params: vec![],
        name: name.into(),
        ty: ty.into(),
        value: value.into(),
        hints: Hints::Regular(1),
    }
}

/// `List`, as Init.Prelude declares it.
fn list() -> SourceDecl {
    SourceDecl::Inductive {
        level_params: vec!["u".into()],
        num_params: 1,
        name: "List".into(),
        ty: "(α : Sort (u+1)) -> Sort (u+1)".into(),
        ctors: vec![
            ("List.nil".into(), "{α : Sort (u+1)} -> List.{u} α".into()),
            (
                "List.cons".into(),
                "{α : Sort (u+1)} -> α -> List.{u} α -> List.{u} α".into(),
            ),
        ],
    }
}

/// `Nat`, `Eq`, `False`, `True` and `sorryAx`: enough to state `False`.
fn minimal() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.declare(&ind(
        "Nat",
        "Type",
        &[("Nat.zero", "Nat"), ("Nat.succ", "Nat -> Nat")],
    ))
    .unwrap();
    b.declare(&SourceDecl::Inductive {
        level_params: vec!["u".into()],
        num_params: 2,
        name: "Eq".into(),
        ty: "{α : Sort u} -> α -> α -> Prop".into(),
        ctors: vec![(
            "Eq.refl".into(),
            "{α : Sort u} -> (a : α) -> Eq.{u} α a a".into(),
        )],
    })
    .unwrap();
    b.declare(&ind("False", "Prop", &[])).unwrap();
    b.declare(&ind("True", "Prop", &[("True.intro", "True")]))
        .unwrap();
    b.declare(&SourceDecl::Axiom {
        level_params: vec!["u".into()],
        name: "sorryAx".into(),
        ty: "(α : Sort u) -> Nat -> α".into(),
    })
    .unwrap();
    b
}

fn run(
    challenge: &ExportBuilder,
    solution: &ExportBuilder,
    theorem: &str,
) -> Result<JudgeReport, JudgeError> {
    let (c, s) = (
        challenge.to_ndjson().unwrap(),
        solution.to_ndjson().unwrap(),
    );
    judge(
        &c[..],
        &s[..],
        &[theorem.to_owned()],
        &JudgeConfig::default(),
    )
}

fn rejection(r: &JudgeReport) -> Rejection {
    r.verdicts[0]
        .outcome
        .clone()
        .expect_err("the attack must be rejected")
}

#[test]
fn a_solution_only_nat_add_is_refused_even_when_it_adds() {
    // The challenge states `False` and declares no `Nat.add`; the solution
    // brings one. Bogus, the kernel refuses it at its definition;
    // honest, the judge still refuses it: literals mean what the trusted
    // side's constants say.
    let mut c = minimal();
    c.declare(&thm("bad", "False", "sorryAx.{0} False 0"))
        .unwrap();
    for (label, value) in [
        ("bogus", "fun (a : Nat) (b : Nat) => Nat.zero"),
        (
            "honest",
            "fun (n : Nat) (m : Nat) => Nat.rec.{1} (fun (x : Nat) => Nat) n (fun (k : Nat) (ih : Nat) => Nat.succ ih) m",
        ),
    ] {
        let mut s = minimal();
        for d in [
            def("Nat.add", "Nat -> Nat -> Nat", value),
            thm("bad", "False", "sorryAx.{0} False 0"),
        ] {
            let d = d.to_declaration(s.store_mut()).unwrap();
            s.unchecked(d);
        }
        let r = run(&c, &s, "bad").expect("usable");
        let why = rejection(&r);
        match label {
            "bogus" => assert!(
                matches!(&why, Rejection::SolutionRejected { declaration, error } if declaration == "Nat.add" && error.rule() == "decl.primitive-equation"),
                "{label}: {why}"
            ),
            _ => assert!(
                matches!(&why, Rejection::NameKeyedFromSolution { name } if name == "Nat.add"),
                "{label}: {why}"
            ),
        }
    }
}

#[test]
fn a_solution_only_nat_gcd_against_a_prelude_challenge_is_refused() {
    // The gate's Lean prelude has no `Nat.gcd`: a solution's own
    // `Nat.gcd := fun _ _ => 0` used to be computed by the extension
    // (`gcd 1 1 = 1`) while unfolding said 0.
    let mut c = ExportBuilder::with_lean_prelude().unwrap();
    c.declare(&thm("goal", "Eq.{1} Nat 1 1", "Eq.refl.{1} Nat 1"))
        .unwrap();
    let mut s = ExportBuilder::with_lean_prelude().unwrap();
    s.declare(&def(
        "Nat.gcd",
        "Nat -> Nat -> Nat",
        "fun (a : Nat) (b : Nat) => 0",
    ))
    .expect("accepted by the kernel: gcd is not computed, so nothing to check");
    s.declare(&thm("goal", "Eq.{1} Nat 1 1", "Eq.refl.{1} Nat 1"))
        .unwrap();
    let r = run(&c, &s, "goal").expect("usable");
    let why = rejection(&r);
    assert!(
        matches!(&why, Rejection::NameKeyedFromSolution { name } if name == "Nat.gcd"),
        "{why}"
    );
    // And the gcd the extension would have computed is not computed.
    let mut s = ExportBuilder::with_lean_prelude().unwrap();
    s.declare(&def(
        "Nat.gcd",
        "Nat -> Nat -> Nat",
        "fun (a : Nat) (b : Nat) => 0",
    ))
    .unwrap();
    assert!(
        s.declare(&thm("g", "Eq.{1} Nat (Nat.gcd 1 1) 1", "Eq.refl.{1} Nat 1"))
            .is_err()
    );
}

/// `Eq.{1} String "x" "x"`-style statements: a literal names no constant.
fn literal_statement(b: &mut ExportBuilder, string: ExprId) -> ExprId {
    let st = b.store_mut();
    let (eq, s) = (st.names.dotted("Eq"), st.names.dotted("String"));
    let one = st.levels.succ(LevelId::ZERO);
    let eq = st.cnst(eq, &[one]);
    let s = st.cnst(s, &[]);
    st.apps(eq, &[s, string, string])
}

#[test]
fn a_literal_in_a_statement_needs_its_constants_declared_by_the_challenge() {
    // The challenge declares `String` and `Char` but not `String.ofList`:
    // the solution could give the literal any meaning. Unusable input.
    let mut c = minimal();
    c.declare(&ind("Char", "Type", &[("Char.mk", "Nat -> Char")]))
        .unwrap();
    c.declare(&ind("String", "Type", &[("String.mk", "Nat -> String")]))
        .unwrap();
    let lit = c.store_mut().str_lit("ab");
    let expansion = proofgate_kernel::literal_constants(&c.store_mut().node(lit));
    let ty = literal_statement(&mut c, lit);
    let name = c.name("goal");
    let value = c.term(&[], "sorryAx.{0} False 0").unwrap();
    c.unchecked(Declaration::Theorem {
        header: DeclHeader {
            name,
            level_params: vec![],
            ty,
        },
        value,
    });
    let err = run(&c, &c, "goal").expect_err("unusable");
    assert!(
        matches!(&err, JudgeError::UndeclaredInChallenge(n) if expansion.contains(&n.as_str()) && n != "String"),
        "{err}"
    );
}

#[test]
fn a_statement_constant_the_challenge_does_not_declare_is_unusable_input() {
    // `theorem thm : Foo` without `Foo`: the solution could supply any
    // `Foo`, say `inductive Foo : Prop | mk`.
    let mut c = minimal();
    let name = c.name("thm");
    let ty = c.term(&[], "Foo").unwrap_or_else(|_| {
        let st = c.store_mut();
        let foo = st.names.dotted("Foo");
        st.cnst(foo, &[])
    });
    let value = c.term(&[], "sorryAx.{0} False 0").unwrap();
    c.unchecked(Declaration::Theorem {
        header: DeclHeader {
            name,
            level_params: vec![],
            ty,
        },
        value,
    });
    let mut s = minimal();
    s.declare(&ind("Foo", "Prop", &[("Foo.mk", "Foo")]))
        .unwrap();
    s.declare(&thm("thm", "Foo", "Foo.mk")).unwrap();
    let err = run(&c, &s, "thm").expect_err("unusable");
    assert!(
        matches!(&err, JudgeError::UndeclaredInChallenge(n) if n == "Foo"),
        "{err}"
    );
}

#[test]
fn an_empty_string_with_an_axiom_of_list_cannot_prove_false() {
    // The solution makes `String` empty and `String.ofList` an axiom (or an
    // unsafe definition), then eliminates the literal "x" into `False`.
    // The literal's expansion names no constant, so the axiom walk never
    // reached `String.ofList`; now the kernel expands literals only into
    // verified definitions or constructors, and the judge takes `String`
    // from the challenge only.
    let mut c = minimal();
    c.declare(&thm("bad", "False", "sorryAx.{0} False 0"))
        .unwrap();
    for unsafe_def in [false, true] {
        let mut s = minimal();
        s.declare(&list()).unwrap();
        s.declare(&ind("Char", "Type", &[("Char.mk", "Nat -> Char")]))
            .unwrap();
        s.declare(&def(
            "Char.ofNat",
            "Nat -> Char",
            "fun (n : Nat) => Char.mk n",
        ))
        .unwrap();
        s.declare(&ind("String", "Type", &[])).unwrap();
        let name = s.name("String.ofList");
        let ty = s.term(&[], "List.{0} Char -> String").unwrap();
        if unsafe_def {
            let value = s
                .term(&[], "fun (l : List.{0} Char) => String.ofList l")
                .unwrap();
            s.unchecked(Declaration::Definition {
                header: DeclHeader {
                    name,
                    level_params: vec![],
                    ty,
                },
                value,
                hints: ReducibilityHints::Opaque,
                safety: DefinitionSafety::Unsafe,
            });
        } else {
            s.unchecked(Declaration::Axiom {
                header: DeclHeader {
                    name,
                    level_params: vec![],
                    ty,
                },
                is_unsafe: false,
            });
        }
        let x = s.store_mut().str_lit("x");
        let goal = s.name("bad");
        let st = s.store_mut();
        let (rec, string, fls) = (
            st.names.dotted("String.rec"),
            st.names.dotted("String"),
            st.names.dotted("False"),
        );
        let rec = st.cnst(rec, &[LevelId::ZERO]);
        let string = st.cnst(string, &[]);
        let fls = st.cnst(fls, &[]);
        let motive = st.lam(string, fls);
        let value = st.apps(rec, &[motive, x]);
        s.unchecked(Declaration::Theorem {
            header: DeclHeader {
                name: goal,
                level_params: vec![],
                ty: fls,
            },
            value,
        });
        let r = run(&c, &s, "bad").expect("usable");
        let why = rejection(&r);
        assert!(
            matches!(
                &why,
                Rejection::SolutionRejected { .. } | Rejection::NameKeyedFromSolution { .. }
            ),
            "unsafe: {unsafe_def}: {why}"
        );
        // The kernel alone already refuses the literal (no verified
        // `String.ofList`), so the solution does not check.
        assert!(
            matches!(&why, Rejection::SolutionRejected { declaration, .. } if declaration == "bad"),
            "unsafe: {unsafe_def}: {why}"
        );
    }
}

#[test]
fn the_axiom_walk_follows_what_a_literal_expands_into() {
    // `String.ofList` defined through an axiom, declared by the challenge:
    // a proof about the literal "x" depends on that axiom although no
    // constant of the proof names it.
    let build = |proof: bool| {
        let mut b = minimal();
        b.declare(&list()).unwrap();
        b.declare(&ind("Char", "Type", &[("Char.mk", "Nat -> Char")]))
            .unwrap();
        b.declare(&def(
            "Char.ofNat",
            "Nat -> Char",
            "fun (n : Nat) => Char.mk n",
        ))
        .unwrap();
        b.declare(&ind(
            "String",
            "Type",
            &[("String.mk", "List.{0} Char -> String")],
        ))
        .unwrap();
        b.declare(&SourceDecl::Axiom {
            level_params: vec![],
            name: "Hidden.ax".into(),
            ty: "List.{0} Char -> String".into(),
        })
        .unwrap();
        b.declare(&def(
            "String.ofList",
            "List.{0} Char -> String",
            "fun (l : List.{0} Char) => Hidden.ax l",
        ))
        .unwrap();
        let x = b.store_mut().str_lit("x");
        let ty = literal_statement(&mut b, x);
        let value = if proof {
            let st = b.store_mut();
            let (refl, s) = (st.names.dotted("Eq.refl"), st.names.dotted("String"));
            let one = st.levels.succ(LevelId::ZERO);
            let refl = st.cnst(refl, &[one]);
            let s = st.cnst(s, &[]);
            st.apps(refl, &[s, x])
        } else {
            b.term(&[], "sorryAx.{0} False 0").unwrap()
        };
        let name = b.name("goal");
        let d = Declaration::Theorem {
            header: DeclHeader {
                name,
                level_params: vec![],
                ty,
            },
            value,
        };
        if proof {
            b.checked(d).expect("the kernel accepts it");
        } else {
            b.unchecked(d);
        }
        b
    };
    let r = run(&build(false), &build(true), "goal").expect("usable");
    let why = rejection(&r);
    assert!(
        matches!(&why, Rejection::DisallowedAxioms { axioms } if axioms == &["Hidden.ax".to_owned()]),
        "{why}"
    );
}
