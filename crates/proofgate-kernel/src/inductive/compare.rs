//! Compares the kernel's derivation with the exported copy of a block.
//!
//! The environment always receives the kernel's own constants. An exported
//! copy is accepted only when it *is* the derivation: the same counts, flags
//! and names, and terms that are identical after a consistent renaming of the
//! constant's universe parameters (binder names are not part of a term, so
//! they may differ freely). Definitional equality is not enough: a recursor
//! that eliminates only into `Prop` has proof-valued rule bodies, and proof
//! irrelevance makes any two proofs of the same proposition "equal", so a
//! forged rule or an ill-typed recursor type would pass
//! (`tests/fixtures/reject/forged_rule_*`, `forged_rec_type_*`).

use crate::declaration::{ClaimedInductive, ConstantInfo, ConstantKind};
use crate::error::KernelError;
use crate::name::NameId;
use crate::rule::ClaimPart;
use crate::tc::{Levels, TcResult, TypeChecker};

fn mismatch(tc: &TypeChecker<'_>, what: ClaimPart, c: &ConstantInfo) -> KernelError {
    KernelError::ClaimMismatch {
        what,
        name: tc.name(c.name),
    }
}

/// The kind with its rules removed, so flags and counts compare on their own.
fn strip(kind: &ConstantKind) -> ConstantKind {
    let mut k = kind.clone();
    if let ConstantKind::Recursor { rules, .. } = &mut k {
        rules.clear();
    }
    k
}

/// `d` with its universe parameters renamed to `names` (same length, all
/// distinct: the caller checks), so it can be compared with a copy that
/// chose other names.
fn rename_levels(tc: &mut TypeChecker<'_>, d: ConstantInfo, names: &[NameId]) -> ConstantInfo {
    if d.level_params == names {
        return d;
    }
    let to: Levels = names.iter().map(|n| tc.st.levels.param(*n)).collect();
    let from = d.level_params;
    let mut kind = d.kind;
    if let ConstantKind::Recursor { rules, .. } = &mut kind {
        for r in rules {
            r.rhs = tc.st.instantiate_lparams(r.rhs, &from, &to);
        }
    }
    ConstantInfo {
        name: d.name,
        level_params: names.to_vec(),
        ty: tc.st.instantiate_lparams(d.ty, &from, &to),
        kind,
    }
}

/// Every claimed constant must be one the kernel derives, and identical to
/// it up to binder names and a renaming of universe parameters. Returns the
/// derived constants (renamed to the claimed parameter names where a claim
/// exists, so later terms of the export that instantiate them agree), never
/// the claimed copies; recursors an export leaves out are derived all the same.
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
    for (i, c) in all_claims.iter().enumerate() {
        if !derived.iter().any(|d| d.name == c.name) {
            return Err(mismatch(tc, ClaimPart::NotDerived, c));
        }
        if all_claims[..i].iter().any(|p| p.name == c.name) {
            return Err(KernelError::AlreadyDeclared(tc.name(c.name)));
        }
    }
    for d in derived {
        let Some(c) = all_claims.iter().find(|c| c.name == d.name) else {
            out.push(d);
            continue;
        };
        // Types and constructors are the block's input: their parameters are
        // the block's. Only a recursor's may be renamed (exporters name the
        // motive's universe as they like).
        let renamable = matches!(d.kind, ConstantKind::Recursor { .. });
        let distinct = c
            .level_params
            .iter()
            .enumerate()
            .all(|(i, p)| !c.level_params[..i].contains(p));
        if c.level_params.len() != d.level_params.len()
            || !distinct
            || (!renamable && c.level_params != d.level_params)
        {
            return Err(mismatch(tc, ClaimPart::UniverseParams, c));
        }
        let d = rename_levels(tc, d, &c.level_params);
        if c.ty != d.ty {
            if std::env::var_os("PROOFGATE_KERNEL_DEBUG").is_some() {
                eprintln!("claimed: {}", tc.st.term_string(c.ty, 40));
                eprintln!("derived: {}", tc.st.term_string(d.ty, 40));
            }
            return Err(mismatch(tc, ClaimPart::Type, c));
        }
        let (ck, dk) = (strip(&c.kind), strip(&d.kind));
        if ck != dk {
            let what = match (&ck, &dk) {
                (ConstantKind::Recursor { k: a, .. }, ConstantKind::Recursor { k: b, .. })
                    if a != b =>
                {
                    ClaimPart::KFlag
                }
                (ConstantKind::Recursor { .. }, _) => ClaimPart::RecursorData,
                (ConstantKind::Constructor { .. }, _) => ClaimPart::ConstructorData,
                _ => ClaimPart::InductiveData,
            };
            return Err(mismatch(tc, what, c));
        }
        if let (
            ConstantKind::Recursor { rules: cr, .. },
            ConstantKind::Recursor { rules: dr, .. },
        ) = (&c.kind, &d.kind)
        {
            if cr.len() != dr.len() {
                return Err(mismatch(tc, ClaimPart::RuleCount, c));
            }
            if cr
                .iter()
                .zip(dr)
                .any(|(a, b)| a.ctor != b.ctor || a.nfields != b.nfields || a.rhs != b.rhs)
            {
                return Err(mismatch(tc, ClaimPart::Rules, c));
            }
        }
        out.push(d);
    }
    Ok(out)
}
