//! Compares the kernel's derivation with the exported copy of a block.
//!
//! Counts, flags, names and universe parameters must be identical. Types and
//! rule right-hand sides must be identical or definitionally equal (Lean's
//! elaborator may, e.g., keep `outParam (Type w)` in one place and `Type w`
//! in another); the exported copy is then kept, as terms elsewhere in the
//! export refer to it.

use crate::declaration::{ClaimedInductive, ConstantInfo, ConstantKind};
use crate::error::KernelError;
use crate::expr::ExprId;
use crate::tc::{TcResult, TypeChecker};

fn mismatch(tc: &TypeChecker<'_>, what: &str, c: &ConstantInfo) -> KernelError {
    KernelError::ClaimMismatch {
        what: what.into(),
        name: tc.name(c.name),
    }
}

fn same_term(tc: &mut TypeChecker<'_>, a: ExprId, b: ExprId) -> TcResult<bool> {
    Ok(a == b || tc.is_def_eq(a, b)?)
}

fn strip(kind: &ConstantKind) -> ConstantKind {
    match kind {
        ConstantKind::Recursor {
            all,
            num_params,
            num_indices,
            num_motives,
            num_minors,
            k,
            is_unsafe,
            ..
        } => ConstantKind::Recursor {
            all: all.clone(),
            num_params: *num_params,
            num_indices: *num_indices,
            num_motives: *num_motives,
            num_minors: *num_minors,
            rules: Vec::new(),
            k: *k,
            is_unsafe: *is_unsafe,
        },
        other => other.clone(),
    }
}

/// Every claimed constant must be derived, identically up to definitional
/// equality of terms. Returns the constants to add (claimed copies where
/// there are any; recursors an export leaves out are the derived ones, as
/// Lean's kernel derives them from the types and constructors alone).
pub(crate) fn compare(
    tc: &mut TypeChecker<'_>,
    claimed: &ClaimedInductive,
    derived: Vec<ConstantInfo>,
) -> TcResult<Vec<ConstantInfo>> {
    let mut out = Vec::with_capacity(derived.len());
    let all_claims: Vec<&ConstantInfo> = claimed
        .types
        .iter()
        .chain(&claimed.ctors)
        .chain(&claimed.recs)
        .collect();
    for c in &all_claims {
        if !derived.iter().any(|d| d.name == c.name) {
            return Err(mismatch(
                tc,
                "constant (the kernel derives no such constant)",
                c,
            ));
        }
    }
    for d in derived {
        let Some(c) = all_claims.iter().find(|c| c.name == d.name) else {
            out.push(d);
            continue;
        };
        if c.level_params != d.level_params {
            return Err(mismatch(tc, "universe parameters", c));
        }
        if !same_term(tc, c.ty, d.ty)? {
            if std::env::var_os("PROOFGATE_KERNEL_DEBUG").is_some() {
                eprintln!("claimed: {}", tc.st.term_string(c.ty, 40));
                eprintln!("derived: {}", tc.st.term_string(d.ty, 40));
            }
            return Err(mismatch(tc, "type", c));
        }
        let (ck, dk) = (strip(&c.kind), strip(&d.kind));
        if ck != dk {
            let what = match (&ck, &dk) {
                (ConstantKind::Recursor { k: a, .. }, ConstantKind::Recursor { k: b, .. })
                    if a != b =>
                {
                    "k flag"
                }
                (ConstantKind::Recursor { .. }, _) => "recursor data",
                (ConstantKind::Constructor { .. }, _) => "constructor data",
                _ => "inductive data",
            };
            return Err(mismatch(tc, what, c));
        }
        if let (
            ConstantKind::Recursor { rules: cr, .. },
            ConstantKind::Recursor { rules: dr, .. },
        ) = (&c.kind, &d.kind)
        {
            if cr.len() != dr.len() {
                return Err(mismatch(tc, "number of recursor rules", c));
            }
            for (a, b) in cr.iter().zip(dr) {
                if a.ctor != b.ctor || a.nfields != b.nfields || !same_term(tc, a.rhs, b.rhs)? {
                    return Err(mismatch(tc, "recursor rules", c));
                }
            }
        }
        out.push((*c).clone());
    }
    Ok(out)
}
