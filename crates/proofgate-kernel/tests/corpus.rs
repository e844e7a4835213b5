//! Checks every file of the external Lean export corpus (found as
//! `support/corpus.rs` says): each file under `good/` must be accepted, each
//! under `bad/` rejected. Prints a per-file table and fails on any wrong
//! verdict. A missing corpus skips with a loud line, or fails under
//! `PROOFGATE_REQUIRE_CORPUS=1`.

#[path = "support/corpus.rs"]
mod corpus;

use proofgate_kernel::{
    CheckFailure, Kernel, LevelId, Limits, check_export, run_with_kernel_stack,
};
use std::fs::File;
use std::io::BufReader;

#[test]
fn corpus_verdicts() {
    let Some(dir) = corpus::dir_or_skip("corpus_verdicts") else {
        return;
    };
    let files = corpus::ndjson_files(&dir);
    assert!(
        !files.is_empty(),
        "no .ndjson files under {}",
        dir.display()
    );
    let rows = run_with_kernel_stack(move || {
        let mut rows = Vec::new();
        for f in &files {
            let rel = f.strip_prefix(&dir).unwrap_or(f).display().to_string();
            let expect_good = rel.starts_with("good");
            let mut kernel = Kernel::new();
            let file = File::open(f).expect("open corpus file");
            let r = check_export(&mut kernel, BufReader::new(file), Limits::DEFAULT);
            let (verdict, detail) = match &r {
                Ok(rep) => (
                    "accepted",
                    format!("{} declarations, {} steps", rep.declarations, rep.steps),
                ),
                Err(CheckFailure::Export(e)) if e.is_unsupported() => ("declined", e.to_string()),
                Err(e) => ("rejected", e.to_string()),
            };
            let ok = if expect_good {
                verdict == "accepted"
            } else {
                verdict == "rejected"
            };
            rows.push((rel, verdict, ok, detail));
        }
        rows
    });
    let mut wrong = 0;
    println!("{:<55} {:<9} {:<5} detail", "file", "verdict", "ok");
    for (rel, verdict, ok, detail) in &rows {
        if !ok {
            wrong += 1;
        }
        let short: String = detail.chars().take(110).collect();
        println!(
            "{rel:<55} {verdict:<9} {:<5} {short}",
            if *ok { "yes" } else { "NO" }
        );
    }
    println!("{} files, {} wrong verdicts", rows.len(), wrong);
    assert_eq!(
        wrong, 0,
        "{wrong} corpus files got the wrong verdict (see table above)"
    );
}

/// With the real `Init.Prelude` loaded: the Nat literal extension agrees with
/// arbitrary-precision arithmetic on every operation the prelude defines, a
/// literal is `Nat.succ` of its predecessor, and a string literal is its
/// `String.ofList` expansion.
#[test]
fn literal_extensions_on_the_real_prelude() {
    use proofgate_kernel::UBig;
    let Some(path) = corpus::file_or_skip(
        "good/init-prelude.ndjson",
        "literal_extensions_on_the_real_prelude",
    ) else {
        return;
    };
    run_with_kernel_stack(move || {
        let mut k = Kernel::new();
        check_export(
            &mut k,
            BufReader::new(File::open(&path).unwrap()),
            Limits::DEFAULT,
        )
        .expect("prelude accepted");
        let big = |s: &str| s.parse::<UBig>().unwrap();
        let a = big("123456789012345678901234567890");
        let b = big("987654321098765432109876543210");
        let two = UBig::from(2u32);
        let cases: Vec<(&str, UBig, UBig, UBig)> = vec![
            ("Nat.add", a.clone(), b.clone(), &a + &b),
            ("Nat.sub", b.clone(), a.clone(), &b - &a),
            ("Nat.sub", a.clone(), b.clone(), UBig::ZERO),
            ("Nat.mul", a.clone(), b.clone(), &a * &b),
            ("Nat.div", b.clone(), a.clone(), &b / &a),
            ("Nat.mod", b.clone(), a.clone(), &b % &a),
            ("Nat.div", a.clone(), UBig::ZERO, UBig::ZERO),
            ("Nat.mod", a.clone(), UBig::ZERO, a.clone()),
            (
                "Nat.gcd",
                UBig::from(462u32),
                UBig::from(1071u32),
                UBig::from(21u32),
            ),
            ("Nat.land", a.clone(), b.clone(), &a & &b),
            ("Nat.lor", a.clone(), b.clone(), &a | &b),
            ("Nat.xor", a.clone(), b.clone(), &a ^ &b),
            ("Nat.shiftLeft", a.clone(), UBig::from(70u32), &a << 70usize),
            (
                "Nat.shiftRight",
                b.clone(),
                UBig::from(33u32),
                &b >> 33usize,
            ),
            ("Nat.pow", two.clone(), UBig::from(200u32), two.pow(200)),
        ];
        let mut checked = 0;
        for (op, x, y, want) in cases {
            let st = k.store_mut();
            let name = st.names.dotted(op);
            if k.env().get(name).is_none() {
                continue;
            }
            let st = k.store_mut();
            let f = st.cnst(name, &[]);
            let (x, y) = (st.nat_lit(x), st.nat_lit(y));
            let e = st.apps(f, &[x, y]);
            let good = st.nat_lit(want.clone());
            let bad = st.nat_lit(want + 1u32);
            let nat_name = st.names.dotted("Nat");
            let nat = st.cnst(nat_name, &[]);
            k.check_term(e, nat, &[], Limits::DEFAULT)
                .unwrap_or_else(|err| panic!("{op}: {err}"));
            assert!(k.is_def_eq(e, good, Limits::DEFAULT).unwrap().0, "{op}");
            assert!(!k.is_def_eq(e, bad, Limits::DEFAULT).unwrap().0, "{op}");
            checked += 1;
        }
        assert!(
            checked >= 6,
            "the prelude should define the basic Nat operations ({checked} found)"
        );
        // Nat.beq / Nat.ble give Bool constructors.
        let st = k.store_mut();
        let (beq, tru, fls) = (
            st.names.dotted("Nat.beq"),
            st.names.dotted("Bool.true"),
            st.names.dotted("Bool.false"),
        );
        let beq = st.cnst(beq, &[]);
        let (x, y) = (st.nat_lit(a.clone()), st.nat_lit(a.clone()));
        let z = st.nat_lit(b.clone());
        let eq_ab = st.apps(beq, &[x, y]);
        let ne_ab = st.apps(beq, &[x, z]);
        let (t, f) = (st.cnst(tru, &[]), st.cnst(fls, &[]));
        assert!(k.is_def_eq(eq_ab, t, Limits::DEFAULT).unwrap().0);
        assert!(k.is_def_eq(ne_ab, f, Limits::DEFAULT).unwrap().0);
        // 5 = Nat.succ 4, and not Nat.succ 5.
        let st = k.store_mut();
        let succ_name = st.names.dotted("Nat.succ");
        let succ = st.cnst(succ_name, &[]);
        let (four, five) = (st.nat_lit(4u32.into()), st.nat_lit(5u32.into()));
        let s4 = st.app(succ, four);
        let s5 = st.app(succ, five);
        assert!(k.is_def_eq(five, s4, Limits::DEFAULT).unwrap().0);
        assert!(!k.is_def_eq(five, s5, Limits::DEFAULT).unwrap().0);
        // "hi" = String.ofList [Char.ofNat 104, Char.ofNat 105].
        let st = k.store_mut();
        let n = |st: &mut proofgate_kernel::TermStore, s: &str| st.names.dotted(s);
        let (of_list, cons, nil, of_nat, ch) = (
            n(st, "String.ofList"),
            n(st, "List.cons"),
            n(st, "List.nil"),
            n(st, "Char.ofNat"),
            n(st, "Char"),
        );
        let z = LevelId::ZERO;
        let ch = st.cnst(ch, &[]);
        let (cons, nil, of_nat, of_list) = (
            st.cnst(cons, &[z]),
            st.cnst(nil, &[z]),
            st.cnst(of_nat, &[]),
            st.cnst(of_list, &[]),
        );
        let mut list = st.app(nil, ch);
        for c in "hi".chars().rev() {
            let code = st.nat_lit(UBig::from(c as u32));
            let c = st.app(of_nat, code);
            list = st.apps(cons, &[ch, c, list]);
        }
        let expanded = st.app(of_list, list);
        let lit = st.str_lit("hi");
        let other = st.str_lit("ho");
        assert!(k.is_def_eq(lit, expanded, Limits::DEFAULT).unwrap().0);
        assert!(!k.is_def_eq(other, expanded, Limits::DEFAULT).unwrap().0);
    });
}
