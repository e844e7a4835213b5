//! Nested inductives (`inductive T | node : List T → T`): each occurrence of
//! an existing inductive `J As` whose parameters mention the block becomes an
//! auxiliary type of the block (as Lean's `elim_nested_inductive` does), the
//! expanded block is checked as a mutual one, and the recursors are then
//! translated back (`restore`), auxiliary recursors named `rec_1`, `rec_2`...

use super::annotation::local_for;
use super::{Block, err};
use crate::declaration::{ConstantInfo, ConstantKind, InductiveType};
use crate::error::KernelError;
use crate::expr::{ExprId, ExprNode};
use crate::name::NameId;
use crate::rule::InductiveRule;
use crate::tc::{TcResult, TypeChecker};
use rustc_hash::FxHashMap;

/// One auxiliary type: its name, the nested occurrence `J As` it stands for
/// (over the block's parameter variables), and its constructors' originals.
pub(crate) struct Aux {
    pub name: NameId,
    pub nested: ExprId,
    pub ctors: Vec<(NameId, NameId)>,
}

fn instantiate_pi_params(
    tc: &mut TypeChecker<'_>,
    mut e: ExprId,
    args: &[ExprId],
) -> TcResult<ExprId> {
    for _ in 0..args.len() {
        let ExprNode::Pi(_, b) = tc.st.node(e) else {
            return err(InductiveRule::NestedOccurrence);
        };
        e = b;
    }
    tc.inst(e, args)
}

struct Elim<'b> {
    blk: &'b mut Block,
    aux: Vec<Aux>,
}

impl Elim<'_> {
    fn replace_if_nested(
        &mut self,
        tc: &mut TypeChecker<'_>,
        e: ExprId,
    ) -> TcResult<Option<ExprId>> {
        let (f, args) = tc.st.spine(e);
        let ExprNode::Const(i_name, ls) = tc.st.node(f) else {
            return Ok(None);
        };
        let Some(info) = tc.env.get_before(i_name, tc.horizon) else {
            return Ok(None);
        };
        let ConstantKind::Inductive {
            num_params, all, ..
        } = &info.kind
        else {
            return Ok(None);
        };
        let np = *num_params as usize;
        let j_all = all.clone();
        if args.len() < np {
            return Ok(None);
        }
        let names: Vec<NameId> = self.blk.names();
        let nested = args[..np]
            .iter()
            .any(|a| tc.st.mentions_const(*a, &|n| names.contains(&n)));
        if !nested {
            return Ok(None);
        }
        if args[..np].iter().any(|a| tc.st.lbr(*a) > 0) {
            return err(InductiveRule::NestedLocals);
        }
        let i_as = tc.st.apps(f, &args[..np]);
        let levels = self.blk.levels.clone();
        let params = self.blk.params.clone();
        if let Some(a) = self.aux.iter().find(|a| a.nested == i_as) {
            let c = tc.st.cnst(a.name, &levels);
            let r = tc.st.apps(c, &params);
            return Ok(Some(tc.st.apps(r, &args[np..])));
        }
        let mut result = None;
        let ls_vec = tc.st.levels_of(ls).to_vec();
        for j in j_all {
            let Some(jinfo) = tc.env.get_before(j, tc.horizon) else {
                return err(InductiveRule::NestedNotInductive);
            };
            let ConstantKind::Inductive { ctors: jctors, .. } = &jinfo.kind else {
                return err(InductiveRule::NestedNotInductive);
            };
            let (jty, jlp, jctors) = (jinfo.ty, jinfo.level_params.clone(), jctors.clone());
            if jlp.len() != ls_vec.len() {
                return err(InductiveRule::NestedLevels);
            }
            let base = tc.st.names.str(self.blk.types[0].name, "_nested");
            let aux_name = tc.st.names.num(base, self.aux.len() as u64 + 1);
            let jc = tc.st.cnst(j, &ls_vec);
            let j_as = tc.st.apps(jc, &args[..np]);
            let ty = tc.st.instantiate_lparams(jty, &jlp, &ls_vec);
            let ty = instantiate_pi_params(tc, ty, &args[..np])?;
            let ty = tc.close_pi(&params, ty)?;
            let mut ctors = Vec::new();
            let mut map = Vec::new();
            for c in jctors {
                let Some(cinfo) = tc.env.get_before(c, tc.horizon) else {
                    return err(InductiveRule::NestedCtor);
                };
                let cty = cinfo.ty;
                let cname = tc.st.names.replace_prefix(c, j, aux_name);
                let t = tc.st.instantiate_lparams(cty, &jlp, &ls_vec);
                let t = instantiate_pi_params(tc, t, &args[..np])?;
                let t = tc.close_pi(&params, t)?;
                ctors.push((cname, t));
                map.push((cname, c));
            }
            self.aux.push(Aux {
                name: aux_name,
                nested: j_as,
                ctors: map,
            });
            self.blk.types.push(InductiveType {
                name: aux_name,
                ty,
                ctors,
            });
            if j == i_name {
                let c = tc.st.cnst(aux_name, &levels);
                let r = tc.st.apps(c, &params);
                result = Some(tc.st.apps(r, &args[np..]));
            }
        }
        Ok(result)
    }

    fn replace_all(
        &mut self,
        tc: &mut TypeChecker<'_>,
        e: ExprId,
        memo: &mut FxHashMap<ExprId, ExprId>,
    ) -> TcResult<ExprId> {
        if let Some(&r) = memo.get(&e) {
            return Ok(r);
        }
        let r = if let Some(r) = self.replace_if_nested(tc, e)? {
            r
        } else {
            match tc.st.node(e) {
                ExprNode::App(a, b) => {
                    let (a2, b2) = (
                        self.replace_all(tc, a, memo)?,
                        self.replace_all(tc, b, memo)?,
                    );
                    tc.st.app(a2, b2)
                }
                ExprNode::Lam(a, b) => {
                    let (a2, b2) = (
                        self.replace_all(tc, a, memo)?,
                        self.replace_all(tc, b, memo)?,
                    );
                    tc.st.lam(a2, b2)
                }
                ExprNode::Pi(a, b) => {
                    let (a2, b2) = (
                        self.replace_all(tc, a, memo)?,
                        self.replace_all(tc, b, memo)?,
                    );
                    tc.st.pi(a2, b2)
                }
                ExprNode::Let(t, v, b) => {
                    let t2 = self.replace_all(tc, t, memo)?;
                    let v2 = self.replace_all(tc, v, memo)?;
                    let b2 = self.replace_all(tc, b, memo)?;
                    tc.st.mk(ExprNode::Let(t2, v2, b2))
                }
                ExprNode::Proj(n, i, s) => {
                    let s2 = self.replace_all(tc, s, memo)?;
                    tc.st.mk(ExprNode::Proj(n, i, s2))
                }
                _ => e,
            }
        };
        memo.insert(e, r);
        Ok(r)
    }
}

/// Expands nested occurrences into auxiliary types appended to the block;
/// also creates the block's parameter variables.
pub(crate) fn eliminate(tc: &mut TypeChecker<'_>, blk: &mut Block) -> TcResult<Vec<Aux>> {
    let mut t = blk.types[0].ty;
    for _ in 0..blk.nparams {
        let ExprNode::Pi(d, b) = tc.st.node(t) else {
            return err(InductiveRule::ParamCount);
        };
        let d = tc.inst(d, &blk.params)?;
        let x = local_for(tc, d);
        blk.params.push(x);
        t = b;
    }
    let mut el = Elim {
        blk,
        aux: Vec::new(),
    };
    let mut i = 0;
    while i < el.blk.types.len() {
        for j in 0..el.blk.types[i].ctors.len() {
            let cty = el.blk.types[i].ctors[j].1;
            let params = el.blk.params.clone();
            let Ok(body) = instantiate_pi_params(tc, cty, &params) else {
                continue;
            };
            let mut memo = FxHashMap::default();
            let replaced = el.replace_all(tc, body, &mut memo)?;
            if replaced != body {
                el.blk.types[i].ctors[j].1 = tc.close_pi(&params, replaced)?;
            }
        }
        i += 1;
    }
    Ok(el.aux)
}

fn restore(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    aux: &[Aux],
    e: ExprId,
    pi: bool,
) -> TcResult<ExprId> {
    let mut t = e;
    for _ in 0..blk.nparams {
        match tc.st.node(t) {
            ExprNode::Pi(_, b) | ExprNode::Lam(_, b) => t = b,
            _ => return Err(KernelError::Internal("recursor without parameters")),
        }
    }
    let body = tc.inst(t, &blk.params)?;
    let mut memo = FxHashMap::default();
    let r = restore_in(tc, blk, aux, body, &mut memo)?;
    if pi {
        tc.close_pi(&blk.params, r)
    } else {
        tc.close_lambda(&blk.params, r)
    }
}

fn restore_in(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    aux: &[Aux],
    e: ExprId,
    memo: &mut FxHashMap<ExprId, ExprId>,
) -> TcResult<ExprId> {
    if let Some(&r) = memo.get(&e) {
        return Ok(r);
    }
    let (h, args) = tc.st.spine(e);
    let mut r = None;
    if let ExprNode::Const(n, _) = tc.st.node(h)
        && args.len() >= blk.nparams
    {
        let np = blk.nparams;
        if let Some(a) = aux.iter().find(|a| a.name == n) {
            let mut rest = Vec::new();
            for &x in &args[np..] {
                rest.push(restore_in(tc, blk, aux, x, memo)?);
            }
            r = Some(tc.st.apps(a.nested, &rest));
        } else if let Some((a, jc)) = aux
            .iter()
            .find_map(|a| a.ctors.iter().find(|c| c.0 == n).map(|c| (a, c.1)))
        {
            let (jh, jargs) = tc.st.spine(a.nested);
            let ExprNode::Const(_, jls) = tc.st.node(jh) else {
                return Err(KernelError::Internal(
                    "nested occurrence without a constant head",
                ));
            };
            let c = tc.st.mk(ExprNode::Const(jc, jls));
            let mut out = tc.st.apps(c, &jargs);
            for &x in &args[np..] {
                let x2 = restore_in(tc, blk, aux, x, memo)?;
                out = tc.st.app(out, x2);
            }
            r = Some(out);
        }
    }
    let r = match r {
        Some(r) => r,
        None => match tc.st.node(e) {
            ExprNode::App(a, b) => {
                let (a2, b2) = (
                    restore_in(tc, blk, aux, a, memo)?,
                    restore_in(tc, blk, aux, b, memo)?,
                );
                tc.st.app(a2, b2)
            }
            ExprNode::Lam(a, b) => {
                let (a2, b2) = (
                    restore_in(tc, blk, aux, a, memo)?,
                    restore_in(tc, blk, aux, b, memo)?,
                );
                tc.st.lam(a2, b2)
            }
            ExprNode::Pi(a, b) => {
                let (a2, b2) = (
                    restore_in(tc, blk, aux, a, memo)?,
                    restore_in(tc, blk, aux, b, memo)?,
                );
                tc.st.pi(a2, b2)
            }
            ExprNode::Let(x, v, b) => {
                let x2 = restore_in(tc, blk, aux, x, memo)?;
                let v2 = restore_in(tc, blk, aux, v, memo)?;
                let b2 = restore_in(tc, blk, aux, b, memo)?;
                tc.st.mk(ExprNode::Let(x2, v2, b2))
            }
            ExprNode::Proj(n, i, s) => {
                let s2 = restore_in(tc, blk, aux, s, memo)?;
                tc.st.mk(ExprNode::Proj(n, i, s2))
            }
            _ => e,
        },
    };
    memo.insert(e, r);
    Ok(r)
}

/// Translates recursors of the expanded block back to nested form.
pub(crate) fn restore_recursors(
    tc: &mut TypeChecker<'_>,
    blk: &Block,
    aux: &[Aux],
    recs: Vec<ConstantInfo>,
) -> TcResult<Vec<ConstantInfo>> {
    if aux.is_empty() {
        return Ok(recs);
    }
    let mut out = Vec::new();
    for mut r in recs {
        r.ty = restore(tc, blk, aux, r.ty, true)?;
        if let ConstantKind::Recursor { rules, .. } = &mut r.kind {
            for rule in rules.iter_mut() {
                rule.rhs = restore(tc, blk, aux, rule.rhs, false)?;
                if let Some(jc) = aux
                    .iter()
                    .find_map(|a| a.ctors.iter().find(|c| c.0 == rule.ctor).map(|c| c.1))
                {
                    rule.ctor = jc;
                }
            }
        }
        out.push(r);
    }
    Ok(out)
}
