//! Recursor derivation: the elimination universe (large elimination only
//! for non-propositions and syntactic subsingletons), motives, minor
//! premises, recursor types, computation rules and the K flag.

use super::annotation::local_for;
use super::check::valid_ind_app;
use super::{Block, err};
use crate::declaration::{ConstantInfo, ConstantKind, RecursorRule};
use crate::expr::{ExprId, ExprNode};
use crate::level::LevelId;
use crate::name::NameId;
use crate::rule::InductiveRule;
use crate::tc::{TcResult, TypeChecker};

/// Lean's `elim_only_at_universe_zero`.
fn elim_only_at_zero(tc: &mut TypeChecker<'_>, blk: &Block) -> TcResult<bool> {
    if tc.st.levels.is_not_zero(blk.result_level) {
        return Ok(false);
    }
    if blk.types.len() > 1 {
        return Ok(true);
    }
    let ctors = &blk.types[0].ctors;
    if ctors.len() > 1 {
        return Ok(true);
    }
    let Some(&(_, cty)) = ctors.first() else {
        return Ok(false);
    };
    let mut t = cty;
    let mut i = 0;
    let mut to_check = Vec::new();
    while let ExprNode::Pi(d, b) = tc.st.node(t) {
        let x = if i < blk.nparams {
            blk.params[i]
        } else {
            local_for(tc, d)
        };
        if i >= blk.nparams {
            let s = tc.infer(d)?;
            let s = tc.ensure_sort(s)?;
            if !tc.is_prop_level(tc.sort_level(s)) {
                to_check.push(x);
            }
        }
        t = tc.inst(b, &[x])?;
        i += 1;
    }
    let (_, args) = tc.st.spine(t);
    Ok(to_check.iter().any(|x| !args.contains(x)))
}

/// The name of the recursor of the `i`-th type of the (expanded) block.
pub(crate) fn rec_name(tc: &mut TypeChecker<'_>, blk: &Block, i: usize) -> NameId {
    if i < blk.num_orig {
        tc.st.names.str(blk.types[i].name, "rec")
    } else {
        let base = tc.st.names.str(blk.types[0].name, "rec");
        tc.st
            .names
            .append_after(base, &format!("_{}", i - blk.num_orig + 1))
    }
}

struct CtorInfo {
    fields: Vec<ExprId>,
    /// (recursive field, its binders, target type index, target indices)
    recs: Vec<(ExprId, Vec<ExprId>, usize, Vec<ExprId>)>,
    target: usize,
    indices: Vec<ExprId>,
}

fn ctor_info(tc: &mut TypeChecker<'_>, blk: &Block, cty: ExprId) -> TcResult<CtorInfo> {
    let mut t = cty;
    let mut i = 0;
    let mut fields = Vec::new();
    let mut recs = Vec::new();
    while let ExprNode::Pi(d, b) = tc.st.node(t) {
        if i < blk.nparams {
            t = tc.inst(b, &[blk.params[i]])?;
        } else {
            let x = local_for(tc, d);
            fields.push(x);
            // Is this a recursive field? (after whnf, under its binders)
            let mut u = tc.whnf(d)?;
            let mut xs = Vec::new();
            while let ExprNode::Pi(d2, b2) = tc.st.node(u) {
                let y = local_for(tc, d2);
                xs.push(y);
                let ub = tc.inst(b2, &[y])?;
                u = tc.whnf(ub)?;
            }
            if let Some(k) = valid_ind_app(tc, blk, u) {
                let (_, args) = tc.st.spine(u);
                recs.push((x, xs, k, args[blk.nparams..].to_vec()));
            }
            t = tc.inst(b, &[x])?;
        }
        i += 1;
    }
    let Some(target) = valid_ind_app(tc, blk, t) else {
        return err(InductiveRule::CtorResult);
    };
    let (_, args) = tc.st.spine(t);
    Ok(CtorInfo {
        fields,
        recs,
        target,
        indices: args[blk.nparams..].to_vec(),
    })
}

/// Derives the recursors of the (expanded) block, in aux form.
///
/// `claimed_motive_level` is the name an export gives the motive's universe;
/// it is used when it is a fresh name (the name carries no meaning, and
/// exporters differ on it), otherwise Lean's own choice (`u`, `u_1`, ...).
pub(crate) fn derive(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    claimed_motive_level: Option<NameId>,
) -> TcResult<Vec<ConstantInfo>> {
    let zero_only = elim_only_at_zero(tc, blk)?;
    let mut rec_lparams = blk.lparams.clone();
    let elim_level = if zero_only {
        LevelId::ZERO
    } else if let Some(u) = claimed_motive_level.filter(|u| !blk.lparams.contains(u)) {
        rec_lparams.insert(0, u);
        tc.st.levels.param(u)
    } else {
        let base = tc.st.names.str(NameId::ANONYMOUS, "u");
        let mut u = base;
        let mut i = 1;
        while blk.lparams.contains(&u) {
            u = tc.st.names.append_after(base, &format!("_{i}"));
            i += 1;
        }
        rec_lparams.insert(0, u);
        tc.st.levels.param(u)
    };
    let mut rec_levels = blk.levels.clone();
    if !zero_only {
        rec_levels.insert(0, elim_level);
    }
    let k_target = blk.types.len() == 1
        && blk.is_prop
        && blk.types[0].ctors.len() == 1
        && blk.nfields[0][0] == 0;
    let n = blk.types.len();
    // Motives, majors and indices of each type.
    let mut motives = Vec::new();
    let mut majors = Vec::new();
    let mut indices = Vec::new();
    for d in 0..n {
        let mut t = tc.inst(blk.types[d].ty, &[])?;
        let mut idx = Vec::new();
        let mut i = 0;
        loop {
            if !matches!(tc.st.node(t), ExprNode::Pi(..)) {
                t = tc.whnf(t)?;
            }
            let ExprNode::Pi(dom, b) = tc.st.node(t) else {
                break;
            };
            let x = if i < blk.nparams {
                blk.params[i]
            } else {
                let y = local_for(tc, dom);
                idx.push(y);
                y
            };
            t = tc.inst(b, &[x])?;
            i += 1;
        }
        let head = tc.st.apps(blk.consts[d], &blk.params);
        let major_ty = tc.st.apps(head, &idx);
        let major = tc.fvar(major_ty);
        let sort = tc.st.sort(elim_level);
        let mut xs = idx.clone();
        xs.push(major);
        let motive_ty = tc.close_pi(&xs, sort)?;
        let motive = tc.fvar(motive_ty);
        motives.push(motive);
        majors.push(major);
        indices.push(idx);
    }
    // Minor premises, in constructor order across the block.
    let mut minors = Vec::new();
    let mut infos = Vec::new();
    for d in 0..n {
        for j in 0..blk.types[d].ctors.len() {
            let (cname, cty) = blk.types[d].ctors[j];
            let info = ctor_info(tc, blk, cty)?;
            let mut ihs = Vec::new();
            for (u, xs, k, its) in &info.recs {
                let ua = tc.st.apps(*u, xs);
                let c = tc.st.apps(motives[*k], its);
                let c = tc.st.app(c, ua);
                let ih_ty = tc.close_pi(xs, c)?;
                ihs.push(tc.fvar(ih_ty));
            }
            let ctor = tc.st.cnst(cname, &blk.levels);
            let intro = tc.st.apps(ctor, &blk.params);
            let intro = tc.st.apps(intro, &info.fields);
            let c = tc.st.apps(motives[info.target], &info.indices);
            let c = tc.st.app(c, intro);
            let mut binders = info.fields.clone();
            binders.extend(&ihs);
            let minor_ty = tc.close_pi(&binders, c)?;
            minors.push(tc.fvar(minor_ty));
            infos.push((d, cname, info));
        }
    }
    let rec_names: Vec<NameId> = (0..n).map(|d| rec_name(tc, blk, d)).collect();
    let all: Vec<NameId> = blk.types[..blk.num_orig].iter().map(|t| t.name).collect();
    let mut out = Vec::new();
    for d in 0..n {
        let mut xs = indices[d].clone();
        xs.push(majors[d]);
        let c = tc.st.apps(motives[d], &xs);
        let mut binders = blk.params.clone();
        binders.extend(&motives);
        binders.extend(&minors);
        binders.extend(&xs);
        let rec_ty = tc.close_pi(&binders, c)?;
        let mut rules = Vec::new();
        for (m, (cd, cname, info)) in infos.iter().enumerate() {
            if *cd != d {
                continue;
            }
            let mut vs = Vec::new();
            for (u, ys, k, its) in &info.recs {
                let r = tc.st.cnst(rec_names[*k], &rec_levels);
                let r = tc.st.apps(r, &blk.params);
                let r = tc.st.apps(r, &motives);
                let r = tc.st.apps(r, &minors);
                let r = tc.st.apps(r, its);
                let ua = tc.st.apps(*u, ys);
                let r = tc.st.app(r, ua);
                vs.push(tc.close_lambda(ys, r)?);
            }
            let app = tc.st.apps(minors[m], &info.fields);
            let app = tc.st.apps(app, &vs);
            let mut bs = blk.params.clone();
            bs.extend(&motives);
            bs.extend(&minors);
            bs.extend(&info.fields);
            let rhs = tc.close_lambda(&bs, app)?;
            rules.push(RecursorRule {
                ctor: *cname,
                nfields: info.fields.len() as u32,
                rhs,
            });
        }
        out.push(ConstantInfo {
            name: rec_names[d],
            level_params: rec_lparams.clone(),
            ty: rec_ty,
            kind: ConstantKind::Recursor {
                all: all.clone(),
                num_params: blk.nparams as u32,
                num_indices: blk.nindices[d] as u32,
                num_motives: n as u32,
                num_minors: minors.len() as u32,
                rules,
                k: k_target,
                is_unsafe: blk.is_unsafe,
            },
        });
    }
    Ok(out)
}
