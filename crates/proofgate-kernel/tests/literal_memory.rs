//! Fuel bounds the memory literals take: a `Nat` literal computed during a
//! check lives in that check's scratch literal table, paid for by its size
//! as term work, and is dropped when the check ends unless its result keeps
//! it; each value is stored once. Measured with the store's own count of
//! the bytes its literal tables hold (`TermStore::literal_bytes`), so the
//! bounds are deterministic. The red team's shapes: many 2 MB shifts in one
//! theorem, and theorem after theorem computing `2 ^ (2^22 − i)`.

use proofgate_kernel::DeclHeader;
use proofgate_kernel::{
    Declaration, DefinitionSafety, ExprId, Kernel, KernelError, LevelId, Limits, ReducibilityHints,
    check_export,
};

/// Bytes of literal a unit of fuel may buy: a computed literal's words
/// past the first are term work (16 units a unit of fuel), 8 bytes each,
/// so 128; twice that leaves room for the table slots and the operands.
const LITERAL_BYTES_PER_FUEL: u64 = 256;

/// `Nat`, `Eq`, `Bool`, `Nat.add` and `Nat.mul` (the fixture
/// `accept/nat_literals_gmp.ndjson`), then `Nat.pow` and `Nat.shiftLeft`
/// as honest definitions by `Nat.rec`.
fn kernel() -> Kernel {
    let path = format!(
        "{}/tests/fixtures/accept/nat_literals_gmp.ndjson",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture");
    let mut k = Kernel::new();
    check_export(&mut k, &bytes[..], Limits::DEFAULT).expect("fixture accepted");
    let one = k.store_mut().levels.succ(LevelId::ZERO);
    let nat = c(&mut k, "Nat", &[]);
    let rec = c(&mut k, "Nat.rec", &[one]);
    let mul = c(&mut k, "Nat.mul", &[]);
    let st = k.store_mut();
    let (b0, b1, b3) = (st.bvar(0), st.bvar(1), st.bvar(3));
    let nat_nat = st.pi(nat, nat);
    let nat2 = st.pi(nat, nat_nat);
    // Nat.pow m n := Nat.rec 1 (fun _ ih => Nat.mul ih m) n
    let pow = {
        let motive = st.lam(nat, nat);
        let s = st.apps(mul, &[b0, b3]);
        let ih = st.lam(nat, s);
        let step = st.lam(nat, ih);
        let lit1 = st.nat_lit(1u32.into());
        let body = st.apps(rec, &[motive, lit1, step, b0]);
        let n = st.lam(nat, body);
        st.lam(nat, n)
    };
    // Nat.shiftLeft n m := Nat.rec (fun n => n) (fun _ ih n => ih (2 * n)) m n
    let shift_left = {
        let motive = st.lam(nat, nat_nat);
        let base = st.lam(nat, b0);
        let two = st.nat_lit(2u32.into());
        let doubled = st.apps(mul, &[two, b0]);
        let call = st.app(b1, doubled);
        let x = st.lam(nat, call);
        let ih = st.lam(nat_nat, x);
        let step = st.lam(nat, ih);
        let body = st.apps(rec, &[motive, base, step, b0, b1]);
        let m = st.lam(nat, body);
        st.lam(nat, m)
    };
    for (name, value) in [("Nat.pow", pow), ("Nat.shiftLeft", shift_left)] {
        let name = k.store_mut().names.dotted(name);
        k.add_declaration(&Declaration::Definition {
            header: DeclHeader {
                name,
                level_params: vec![],
                ty: nat2,
            },
            value,
            hints: ReducibilityHints::Regular(3),
            safety: DefinitionSafety::Safe,
        })
        .expect("definition");
    }
    k
}

fn c(k: &mut Kernel, name: &str, ls: &[LevelId]) -> ExprId {
    let st = k.store_mut();
    let n = st.names.dotted(name);
    st.cnst(n, ls)
}

fn lit(k: &mut Kernel, n: u64) -> ExprId {
    k.store_mut().nat_lit(n.into())
}

/// `theorem name : @Eq.{1} Nat a b := @Eq.refl.{1} Nat a`.
fn eq_refl(k: &mut Kernel, name: &str, a: ExprId, b: ExprId) -> Declaration {
    let one = k.store_mut().levels.succ(LevelId::ZERO);
    let nat = c(k, "Nat", &[]);
    let eq = c(k, "Eq", &[one]);
    let refl = c(k, "Eq.refl", &[one]);
    let st = k.store_mut();
    Declaration::Theorem {
        header: DeclHeader {
            name: st.names.dotted(name),
            level_params: vec![],
            ty: st.apps(eq, &[nat, a, b]),
        },
        value: st.apps(refl, &[nat, a]),
    }
}

#[test]
fn shifts_of_two_megabytes_in_one_theorem_hold_memory_bounded_by_its_fuel() {
    // `Σ 1 <<< (2^24 − i) = Σ 2 <<< (2^24 − i − 1)`, i < 100: every shift
    // and partial sum a 2 MB number. Each shift was charged about 2,050
    // steps, so 10^5 fuel bought dozens of them, each kept twice for the
    // life of the process (k = 300: 1.2 GiB).
    let mut k = kernel();
    let shl = c(&mut k, "Nat.shiftLeft", &[]);
    let add = c(&mut k, "Nat.add", &[]);
    let (one, two) = (lit(&mut k, 1), lit(&mut k, 2));
    let (mut lhs, mut rhs) = (lit(&mut k, 0), lit(&mut k, 0));
    for i in 0..100u64 {
        let s = (1u64 << 24) - i;
        let (a, b) = (lit(&mut k, s), lit(&mut k, s - 1));
        let st = k.store_mut();
        let l = st.apps(shl, &[one, a]);
        let r = st.apps(shl, &[two, b]);
        lhs = st.apps(add, &[lhs, l]);
        rhs = st.apps(add, &[rhs, r]);
    }
    let d = eq_refl(&mut k, "shiftLeftSum", lhs, rhs);
    let before = k.store().literal_bytes();
    let fuel = 100_000;
    let r = k.check_with_fuel(&d, Limits::with_fuel(fuel));
    assert!(matches!(r, Err(KernelError::OutOfFuel { .. })), "{r:?}");
    let peak = k.store().literal_peak_bytes() - before;
    assert!(
        peak <= LITERAL_BYTES_PER_FUEL * fuel,
        "literal tables peaked {peak} bytes above the input's for {fuel} fuel"
    );
    // Nothing computed outlives the check.
    assert_eq!(k.store().literal_bytes(), before);
}

#[test]
fn theorems_computing_big_powers_keep_no_literal_after_their_check() {
    // `2 ^ (2^22 − i) = 2 ^ (2^22 − i − 1) * 2`: each theorem computes two
    // numbers of 512 KB, none needed once it is checked (200 of them ended
    // at 215 MB resident).
    let mut k = kernel();
    let pow = c(&mut k, "Nat.pow", &[]);
    let mul = c(&mut k, "Nat.mul", &[]);
    let two = lit(&mut k, 2);
    let mut decls = Vec::new();
    for i in 0..20u64 {
        let e = (1u64 << 22) - i;
        let (a, b) = (lit(&mut k, e), lit(&mut k, e - 1));
        let st = k.store_mut();
        let l = st.apps(pow, &[two, a]);
        let p = st.apps(pow, &[two, b]);
        let r = st.apps(mul, &[p, two]);
        decls.push(eq_refl(&mut k, &format!("pow{i}"), l, r));
    }
    let before = k.store().literal_bytes();
    let peak_before = k.store().literal_peak_bytes();
    for d in &decls {
        k.add_declaration(d).expect("2^(n+1) = 2^n * 2");
    }
    assert_eq!(
        k.store().literal_bytes(),
        before,
        "no computed literal kept"
    );
    // One theorem's two 512 KB numbers at a time, not twenty theorems'.
    let peak = k.store().literal_peak_bytes().max(peak_before) - before;
    assert!(peak <= 2 * (1 << 20) + 4096, "peak {peak} bytes");
}
