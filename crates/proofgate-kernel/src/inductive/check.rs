//! Well-formedness of an inductive block: parameters agree, each type ends
//! in the same sort, constructors take the parameters and return the type,
//! fields fit the universe and occur strictly positively.

use super::annotation::local_for;
use super::{Block, TypeFacts, err};
use crate::expr::{ExprId, ExprNode};
use crate::name::NameId;
use crate::rule::InductiveRule;
use crate::tc::{TcResult, TypeChecker};

pub(crate) fn check_types(tc: &mut TypeChecker<'_>, blk: &mut Block) -> TcResult<()> {
    let first_aux = blk.num_orig;
    for idx in 0..blk.types.len() {
        let t0 = blk.types[idx].ty;
        if idx < first_aux {
            let s = tc.infer(t0)?;
            tc.ensure_sort(s)?;
        }
        let mut t = t0;
        let mut i = 0;
        let mut nind = 0;
        loop {
            if !matches!(tc.st.node(t), ExprNode::Pi(..)) {
                t = tc.whnf(t)?;
            }
            let ExprNode::Pi(d, b) = tc.st.node(t) else {
                break;
            };
            if i < blk.nparams {
                if idx == 0 && blk.params.len() < blk.nparams {
                    let x = local_for(tc, d);
                    blk.params.push(x);
                } else {
                    let pt = tc.fvar_type(blk.params[i]).expect("param is a variable");
                    if !tc.is_def_eq(d, pt)? {
                        return err(InductiveRule::ParamsDiffer);
                    }
                }
                t = tc.inst(b, &[blk.params[i]])?;
                i += 1;
            } else {
                let x = local_for(tc, d);
                t = tc.inst(b, &[x])?;
                nind += 1;
            }
        }
        if i != blk.nparams {
            return err(InductiveRule::ParamCount);
        }
        let ExprNode::Sort(l) = tc.st.node(t) else {
            return err(InductiveRule::NotASort);
        };
        if idx == 0 {
            blk.result_level = l;
            blk.is_prop = tc.is_prop_level(l);
        } else if !tc.st.levels.is_equiv(l, blk.result_level, &tc.st.names) {
            return err(InductiveRule::UniverseDiffers);
        }
        let konst = tc.st.cnst(blk.types[idx].name, &blk.levels);
        blk.facts.push(TypeFacts {
            konst,
            nindices: nind,
            nfields: Vec::new(),
        });
    }
    Ok(())
}

/// Makes the block's types (auxiliary ones included) known to the checks of
/// its constructors, before their recursion flags are known.
pub(crate) fn declare_types(tc: &mut TypeChecker<'_>, blk: &Block, num_nested: usize) {
    let all = blk.names();
    for (i, t) in blk.types.iter().enumerate() {
        let c = blk.type_constant(t, i, &all, num_nested, (false, false));
        tc.ws.pending.insert(t.name, c);
    }
}

/// Whether a constant of the block occurs in `e`.
pub(crate) fn has_ind_occ(tc: &TypeChecker<'_>, blk: &Block, e: ExprId) -> bool {
    let names = blk.names();
    tc.st.mentions_const(e, &|n: NameId| names.contains(&n))
}

/// `I params indices` for a type of the block: returns its position.
pub(crate) fn valid_ind_app(tc: &TypeChecker<'_>, blk: &Block, e: ExprId) -> Option<usize> {
    let (h, args) = tc.st.spine(e);
    let idx = blk.facts.iter().position(|f| f.konst == h)?;
    if args.len() != blk.nparams + blk.facts[idx].nindices {
        return None;
    }
    if args[..blk.nparams] != blk.params[..] {
        return None;
    }
    // The block's types may not occur in the indices of its own occurrences.
    if args[blk.nparams..].iter().any(|a| has_ind_occ(tc, blk, *a)) {
        return None;
    }
    Some(idx)
}

fn check_positivity(tc: &mut TypeChecker<'_>, blk: &Block, t: ExprId) -> TcResult<()> {
    let t = tc.whnf(t)?;
    if !has_ind_occ(tc, blk, t) {
        return Ok(());
    }
    match tc.st.node(t) {
        ExprNode::Pi(d, b) => {
            if has_ind_occ(tc, blk, d) {
                return err(InductiveRule::NonPositive);
            }
            let x = local_for(tc, d);
            let body = tc.inst(b, &[x])?;
            check_positivity(tc, blk, body)
        }
        _ if valid_ind_app(tc, blk, t).is_some() => Ok(()),
        _ => err(InductiveRule::InvalidOccurrence),
    }
}

pub(crate) fn check_ctors(tc: &mut TypeChecker<'_>, blk: &mut Block) -> TcResult<()> {
    for idx in 0..blk.types.len() {
        let mut nf = Vec::new();
        for j in 0..blk.types[idx].ctors.len() {
            let cty = blk.types[idx].ctors[j].1;
            let s = tc.infer(cty)?;
            tc.ensure_sort(s)?;
            let mut t = cty;
            let mut i = 0;
            while let ExprNode::Pi(d, b) = tc.st.node(t) {
                if i < blk.nparams {
                    let pt = tc.fvar_type(blk.params[i]).expect("param is a variable");
                    if !tc.is_def_eq(d, pt)? {
                        return err(InductiveRule::CtorParams);
                    }
                    t = tc.inst(b, &[blk.params[i]])?;
                } else {
                    let s = tc.infer(d)?;
                    let s = tc.ensure_sort(s)?;
                    let l = tc.sort_level(s);
                    if !(blk.is_prop || tc.st.levels.is_geq(blk.result_level, l, &tc.st.names)) {
                        return err(InductiveRule::FieldUniverse);
                    }
                    if !blk.is_unsafe {
                        check_positivity(tc, blk, d)?;
                    }
                    let x = local_for(tc, d);
                    t = tc.inst(b, &[x])?;
                }
                i += 1;
            }
            if i < blk.nparams {
                return err(InductiveRule::CtorTooFewArgs);
            }
            if valid_ind_app(tc, blk, t) != Some(idx) {
                return err(InductiveRule::CtorResult);
            }
            nf.push(i - blk.nparams);
        }
        blk.facts[idx].nfields = nf;
    }
    Ok(())
}

/// Lean's `is_rec` (a block type occurs in a field) and `is_reflexive`
/// (a field is a function into the block).
pub(crate) fn rec_flags(tc: &mut TypeChecker<'_>, blk: &Block) -> TcResult<(bool, bool)> {
    let (mut rec, mut refl) = (false, false);
    for t in &blk.types {
        for (_, cty) in &t.ctors {
            let mut e = *cty;
            while let ExprNode::Pi(d, b) = tc.st.node(e) {
                if has_ind_occ(tc, blk, d) {
                    rec = true;
                    if matches!(tc.st.node(d), ExprNode::Pi(..)) {
                        refl = true;
                    }
                }
                let x = local_for(tc, d);
                e = tc.inst(b, &[x])?;
            }
        }
    }
    Ok((rec, refl))
}

/// Makes the block's constructors known (for deriving the recursors) and
/// records the recursion flags on its types.
pub(crate) fn declare_ctors(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    num_nested: usize,
    flags: (bool, bool),
) {
    let all = blk.names();
    for (i, t) in blk.types.iter().enumerate() {
        let c = blk.type_constant(t, i, &all, num_nested, flags);
        tc.ws.pending.insert(t.name, c);
        for c in blk.ctor_constants(t, i) {
            tc.ws.pending.insert(c.name, c);
        }
    }
}
