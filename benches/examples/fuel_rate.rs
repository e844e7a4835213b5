//! Prices a unit of fuel on this machine: runs checks whose cost is mostly
//! steps or mostly term work, from tiny inputs, and issue 19's resource
//! shapes (big literal operations, a string literal's expansion, a deep
//! definitional equality), and prints time and peak memory per unit of
//! fuel used (the constants `BENCHMARKING.md` states). Peak memory is the
//! process's (`VmHWM`), so each class runs after the cheaper ones and only
//! its growth counts; the literal classes also print the bytes the store's
//! literal tables peaked at.
//!
//! ```text
//! cargo run --release -p proofgate-benches --example fuel_rate
//! ```
#![forbid(unsafe_code)]

use proofgate_benches::resource_shapes;
use proofgate_benches::traps::unary_sum;
use proofgate_kernel::DeclHeader;
use proofgate_kernel::{Declaration, Kernel, LevelId, Limits, check_export, run_with_kernel_stack};
use std::time::Instant;

/// Peak resident memory so far, in bytes (Linux `VmHWM`).
fn vm_hwm() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn report(what: &str, secs: f64, fuel: u64, bytes: u64) {
    println!(
        "{what:40} fuel {fuel:>10}  {:>8.1} ns/unit  {:>6.1} bytes/unit (peak RSS growth {} KiB)",
        secs * 1e9 / fuel as f64,
        bytes as f64 / fuel as f64,
        bytes / 1024
    );
}

/// `(fun x0 ... xk => D_k) a ... a` (see the kernel's `tests/fuel_bounds.rs`):
/// almost all of its cost is term work.
fn work_heavy(k: u32) {
    let mut kern = Kernel::new();
    let st = kern.store_mut();
    let (an, xn) = (st.names.dotted("A"), st.names.dotted("a"));
    let one = st.levels.succ(LevelId::ZERO);
    let ty = st.sort(one);
    let a_ty = st.cnst(an, &[]);
    kern.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: an,
            level_params: vec![],
            ty,
        },
        is_unsafe: false,
    })
    .expect("A");
    kern.add_declaration(&Declaration::Axiom {
        header: DeclHeader {
            name: xn,
            level_params: vec![],
            ty: a_ty,
        },
        is_unsafe: false,
    })
    .expect("a");
    let st = kern.store_mut();
    let a = st.cnst(xn, &[]);
    let mut s = a;
    for i in 0..=k {
        let b = st.bvar(i);
        s = st.app(s, b);
    }
    let mut d = s;
    for _ in 0..k {
        let body = st.app(d, s);
        d = st.lam(a_ty, body);
    }
    let mut f = d;
    for _ in 0..=k {
        f = st.lam(a_ty, f);
    }
    let args = vec![a; k as usize + 1];
    let e = st.apps(f, &args);
    // A budget the one beta run cannot finish in (k^2/2 new terms): the
    // check is stopped out of fuel, so no result is copied out of it
    // (unmetered) and the figures are the metered work alone. (The term is
    // not well-typed, so it is reduced, never inferred.)
    let before = vm_hwm();
    let t = Instant::now();
    let fuel = 20_000;
    let r = kern.whnf(
        e,
        Limits {
            fuel,
            ..Limits::DEEP
        },
    );
    let secs = t.elapsed().as_secs_f64();
    let used = match r {
        Ok((_, rep)) => rep.steps,
        Err(proofgate_kernel::KernelError::OutOfFuel { used, .. }) => used,
        Err(e) => panic!("{e}"),
    };
    report(
        &format!("term work: quadratic redex k = {k}"),
        secs,
        used,
        vm_hwm() - before,
    );
}

fn step_heavy(k: usize) {
    let bytes = unary_sum(k);
    let before = vm_hwm();
    let t = Instant::now();
    let r = check_export(&mut Kernel::new(), &bytes[..], Limits::DEEP).expect("accepted");
    let secs = t.elapsed().as_secs_f64();
    report(
        &format!("steps: unary 2^{k} through Nat.rec"),
        secs,
        r.steps,
        vm_hwm() - before,
    );
}

/// Checks `bytes` at the command line's limits with `fuel` per
/// declaration and prices what it used: every declaration's fuel, the last
/// one's whole budget if it ran out, or `floor` (the least fuel its work
/// certainly cost) if it ended in another verdict.
fn shape(what: &str, bytes: &[u8], fuel: u64, floor: u64) {
    let mut kern = Kernel::new();
    let before = vm_hwm();
    let t = Instant::now();
    let limits = Limits {
        fuel,
        ..Limits::DEEP
    };
    let r = check_export(&mut kern, bytes, limits);
    let secs = t.elapsed().as_secs_f64();
    let (used, outcome) = match &r {
        Ok(rep) => (rep.steps, "accepted".to_string()),
        Err(proofgate_kernel::CheckFailure::Rejected { error, .. }) => {
            let last = match error {
                proofgate_kernel::KernelError::OutOfFuel { .. } => fuel,
                _ => floor,
            };
            (kern.total_steps() + last, error.rule().to_string())
        }
        Err(e) => panic!("{e}"),
    };
    report(
        &format!("{what} ({outcome})"),
        secs,
        used,
        vm_hwm() - before,
    );
    println!(
        "{:40} literal tables peaked at {} KiB",
        "",
        kern.store().literal_peak_bytes() / 1024
    );
}

fn main() {
    run_with_kernel_stack(|| {
        for k in [1_000, 4_000] {
            work_heavy(k);
        }
        for k in [12, 16] {
            step_heavy(k);
        }
        let fuel = Limits::DEFAULT.fuel;
        // Stopped out of fuel before the depth limit (about ten steps a
        // level): the whole budget, used.
        shape(
            "deep defeq: f 10^6 = 10^6 by offsets",
            &resource_shapes::deep_offset(1_000_000),
            500_000,
            0,
        );
        // Rejected ("a…a" is not ""), after an expansion of 4 terms a
        // character: at least 2^22 / 16 units.
        shape(
            "string expansion: 2^20 chars vs \"\"",
            &resource_shapes::string_against_empty(1 << 20),
            fuel,
            (4 << 20) / 16,
        );
        shape(
            "big literals: 20 theorems 2^(2^22-i)",
            &resource_shapes::pow_theorems(20),
            fuel,
            0,
        );
        shape(
            "big literals: 2 MB shifts, one theorem",
            &resource_shapes::shift_left_sum(1_000),
            fuel,
            0,
        );
    });
}
