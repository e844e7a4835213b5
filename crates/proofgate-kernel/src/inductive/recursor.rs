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

/// A constructor's fields, opened as locals, and where it lands.
struct CtorInfo {
    fields: Vec<ExprId>,
    /// The fields that are (functions into) a type of the block.
    recs: Vec<RecField>,
    /// The block type the constructor builds, and at which indices.
    target: usize,
    indices: Vec<ExprId>,
}

/// A recursive field `u : (ys) → T_k params its`, which gets an induction
/// hypothesis `(ys) → motive_k its (u ys)`.
struct RecField {
    field: ExprId,
    binders: Vec<ExprId>,
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
                recs.push(RecField {
                    field: x,
                    binders: xs,
                    target: k,
                    indices: args[blk.nparams..].to_vec(),
                });
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

/// The universe a block's recursors eliminate into: `0` when only
/// propositions may be produced, otherwise a fresh parameter placed first
/// in the recursor's universe parameters.
struct Elimination {
    level: LevelId,
    /// The recursor's universe parameters.
    lparams: Vec<NameId>,
    /// The levels a recursor refers to itself (and its siblings) with.
    levels: Vec<LevelId>,
}

/// Picks the elimination universe (`claimed_motive_level` is the name an
/// export gives the motive's universe; it is used when it is a fresh name, as
/// the name carries no meaning and exporters differ on it, otherwise Lean's
/// own choice `u`, `u_1`, ...).
fn elimination(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    claimed_motive_level: Option<NameId>,
) -> TcResult<Elimination> {
    let mut lparams = blk.lparams.clone();
    let mut levels = blk.levels.clone();
    if elim_only_at_zero(tc, blk)? {
        return Ok(Elimination {
            level: LevelId::ZERO,
            lparams,
            levels,
        });
    }
    let u = match claimed_motive_level.filter(|u| !blk.lparams.contains(u)) {
        Some(u) => u,
        None => {
            let base = tc.st.names.str(NameId::ANONYMOUS, "u");
            let mut u = base;
            let mut i = 1;
            while blk.lparams.contains(&u) {
                u = tc.st.names.append_after(base, &format!("_{i}"));
                i += 1;
            }
            u
        }
    };
    lparams.insert(0, u);
    let level = tc.st.levels.param(u);
    levels.insert(0, level);
    Ok(Elimination {
        level,
        lparams,
        levels,
    })
}

/// The motive, major premise and index locals of one type of the block.
struct Motive {
    motive: ExprId,
    major: ExprId,
    indices: Vec<ExprId>,
}

/// `motive : (indices) → (major : T params indices) → Sort elim` for type `d`.
fn motive(tc: &mut TypeChecker<'_>, blk: &Block, d: usize, elim: LevelId) -> TcResult<Motive> {
    let mut t = tc.inst(blk.types[d].ty, &[])?;
    let mut indices = Vec::new();
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
            indices.push(y);
            y
        };
        t = tc.inst(b, &[x])?;
        i += 1;
    }
    let head = tc.st.apps(blk.facts[d].konst, &blk.params);
    let major_ty = tc.st.apps(head, &indices);
    let major = tc.fvar(major_ty);
    let sort = tc.st.sort(elim);
    let mut xs = indices.clone();
    xs.push(major);
    let motive_ty = tc.close_pi(&xs, sort)?;
    Ok(Motive {
        motive: tc.fvar(motive_ty),
        major,
        indices,
    })
}

/// One minor premise: the constructor it is for and its analysed type.
struct Minor {
    ty: usize,
    ctor: NameId,
    local: ExprId,
    info: CtorInfo,
}

/// Minor premises, in constructor order across the block: for each
/// constructor, `(fields) → (induction hypotheses) → motive indices (c params fields)`.
fn minor_premises(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    motives: &[ExprId],
) -> TcResult<Vec<Minor>> {
    let mut minors = Vec::new();
    for d in 0..blk.types.len() {
        for j in 0..blk.types[d].ctors.len() {
            let (cname, cty) = blk.types[d].ctors[j];
            let info = ctor_info(tc, blk, cty)?;
            let mut ihs = Vec::new();
            for r in &info.recs {
                let ua = tc.st.apps(r.field, &r.binders);
                let c = tc.st.apps(motives[r.target], &r.indices);
                let c = tc.st.app(c, ua);
                let ih_ty = tc.close_pi(&r.binders, c)?;
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
            minors.push(Minor {
                ty: d,
                ctor: cname,
                local: tc.fvar(minor_ty),
                info,
            });
        }
    }
    Ok(minors)
}

/// The computation rule of minor premise `m`:
/// `fun params motives minors fields => minor fields (rec ... recursive fields)`.
fn rule(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    rec_names: &[NameId],
    rec_levels: &[LevelId],
    motives: &[ExprId],
    minors: &[ExprId],
    m: &Minor,
) -> TcResult<RecursorRule> {
    let mut vs = Vec::new();
    for f in &m.info.recs {
        let r = tc.st.cnst(rec_names[f.target], rec_levels);
        let r = tc.st.apps(r, &blk.params);
        let r = tc.st.apps(r, motives);
        let r = tc.st.apps(r, minors);
        let r = tc.st.apps(r, &f.indices);
        let ua = tc.st.apps(f.field, &f.binders);
        let r = tc.st.app(r, ua);
        vs.push(tc.close_lambda(&f.binders, r)?);
    }
    let app = tc.st.apps(m.local, &m.info.fields);
    let app = tc.st.apps(app, &vs);
    let mut bs = blk.params.clone();
    bs.extend(motives);
    bs.extend(minors);
    bs.extend(&m.info.fields);
    Ok(RecursorRule {
        ctor: m.ctor,
        nfields: m.info.fields.len() as u32,
        rhs: tc.close_lambda(&bs, app)?,
    })
}

/// Derives the recursors of the (expanded) block, in aux form: the
/// elimination universe, a motive per type, the minor premises, then for
/// each type its recursor type and rules.
pub(crate) fn derive(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    claimed_motive_level: Option<NameId>,
) -> TcResult<Vec<ConstantInfo>> {
    let elim = elimination(tc, blk, claimed_motive_level)?;
    // The K rule: a Prop with one constructor and no fields.
    let k_target = blk.types.len() == 1
        && blk.is_prop
        && blk.types[0].ctors.len() == 1
        && blk.facts[0].nfields[0] == 0;
    let n = blk.types.len();
    let ms: Vec<Motive> = (0..n)
        .map(|d| motive(tc, blk, d, elim.level))
        .collect::<TcResult<_>>()?;
    let motives: Vec<ExprId> = ms.iter().map(|m| m.motive).collect();
    let minors = minor_premises(tc, blk, &motives)?;
    let minor_locals: Vec<ExprId> = minors.iter().map(|m| m.local).collect();
    let rec_names: Vec<NameId> = (0..n).map(|d| rec_name(tc, blk, d)).collect();
    let all: Vec<NameId> = blk.types[..blk.num_orig].iter().map(|t| t.name).collect();
    let mut out = Vec::new();
    for (d, m) in ms.iter().enumerate() {
        let mut xs = m.indices.clone();
        xs.push(m.major);
        let c = tc.st.apps(m.motive, &xs);
        let mut binders = blk.params.clone();
        binders.extend(&motives);
        binders.extend(&minor_locals);
        binders.extend(&xs);
        let rec_ty = tc.close_pi(&binders, c)?;
        let rules = minors
            .iter()
            .filter(|mi| mi.ty == d)
            .map(|mi| {
                rule(
                    tc,
                    blk,
                    &rec_names,
                    &elim.levels,
                    &motives,
                    &minor_locals,
                    mi,
                )
            })
            .collect::<TcResult<Vec<_>>>()?;
        out.push(ConstantInfo {
            name: rec_names[d],
            level_params: elim.lparams.clone(),
            ty: rec_ty,
            kind: ConstantKind::Recursor {
                all: all.clone(),
                num_params: blk.nparams as u32,
                num_indices: blk.facts[d].nindices as u32,
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
