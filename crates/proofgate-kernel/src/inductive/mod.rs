//! Inductive declarations (after Lean 4's `inductive.cpp`): well-formedness
//! of a (mutual, possibly nested) block in `check.rs`, elimination of nested
//! occurrences through auxiliary types in `nested.rs`, recursor derivation in
//! `recursor.rs`. The derived constants are compared with any exported copy
//! (`compare.rs`), so forged rules, flags or counts are rejected.

mod annotation;
mod check;
mod compare;
mod nested;
mod recursor;

use crate::declaration::{ConstantInfo, ConstantKind, InductiveBlock, InductiveType};
use crate::error::KernelError;
use crate::expr::ExprId;
use crate::level::LevelId;
use crate::name::NameId;
use crate::rule::InductiveRule;
use crate::tc::{TcResult, TypeChecker};

/// Working state for one block (expanded with auxiliary nested types).
/// The pipeline in [`check_block`] fills it step by step: `nested`
/// (auxiliary types), `check_types` (parameters, `facts`, result level),
/// `check_ctors` (field counts), `rec_flags`, then `recursor::derive`.
pub(crate) struct Block {
    /// Universe parameters, and the same as levels.
    pub lparams: Vec<NameId>,
    pub levels: Vec<LevelId>,
    pub nparams: usize,
    /// The types: the declared ones first (`num_orig`), then auxiliary ones
    /// standing for nested occurrences; constructor types are rewritten to
    /// refer to the auxiliary types.
    pub types: Vec<InductiveType>,
    pub num_orig: usize,
    /// The parameters as locals, shared by every type and constructor.
    pub params: Vec<ExprId>,
    /// What the checks learned about each type, by position in `types`.
    pub facts: Vec<TypeFacts>,
    /// The sort every type of the block ends in.
    pub result_level: LevelId,
    /// The block's types are propositions (`result_level` is zero for every
    /// instantiation; decided once, by `TypeChecker::is_prop_level`).
    pub is_prop: bool,
    pub is_unsafe: bool,
}

/// What the checks learn about one type of a block.
pub(crate) struct TypeFacts {
    /// The type at the block's universe levels (`T.{us}`).
    pub konst: ExprId,
    pub nindices: usize,
    /// Field count of each constructor (set by `check_ctors`).
    pub nfields: Vec<usize>,
}

impl Block {
    pub fn names(&self) -> Vec<NameId> {
        self.types.iter().map(|t| t.name).collect()
    }

    /// The constant of the `i`-th type, as `t` (the block's own entry, or the
    /// original declaration for the block's output) declares it. The one
    /// place an inductive's data is assembled, for the block's own checks and
    /// for the environment alike.
    pub fn type_constant(
        &self,
        t: &InductiveType,
        i: usize,
        all: &[NameId],
        num_nested: usize,
        (is_rec, is_reflexive): (bool, bool),
    ) -> ConstantInfo {
        ConstantInfo {
            name: t.name,
            level_params: self.lparams.clone(),
            ty: t.ty,
            kind: ConstantKind::Inductive {
                num_params: self.nparams as u32,
                num_indices: self.facts[i].nindices as u32,
                all: all.to_vec(),
                ctors: t.ctors.iter().map(|c| c.0).collect(),
                num_nested: num_nested as u32,
                is_rec,
                is_reflexive,
                is_unsafe: self.is_unsafe,
            },
        }
    }

    /// The constructors of the `i`-th type, as `t` declares them.
    pub fn ctor_constants(&self, t: &InductiveType, i: usize) -> Vec<ConstantInfo> {
        t.ctors
            .iter()
            .enumerate()
            .map(|(j, (c, cty))| ConstantInfo {
                name: *c,
                level_params: self.lparams.clone(),
                ty: *cty,
                kind: ConstantKind::Constructor {
                    induct: t.name,
                    cidx: j as u32,
                    num_params: self.nparams as u32,
                    num_fields: self.facts[i].nfields[j] as u32,
                    is_unsafe: self.is_unsafe,
                },
            })
            .collect()
    }
}

fn closed(tc: &TypeChecker<'_>, e: ExprId) -> TcResult<()> {
    tc.guard_depth(e)?;
    if tc.st.lbr(e) > 0 || tc.st.has_fvar(e) {
        return err(InductiveRule::OpenType);
    }
    Ok(())
}

pub(crate) fn err<T>(rule: InductiveRule) -> TcResult<T> {
    Err(KernelError::Inductive(rule))
}

/// Checks a block and returns its constants: types, constructors, recursors.
pub(crate) fn check_block(
    tc: &mut TypeChecker<'_>,
    b: &InductiveBlock,
) -> TcResult<Vec<ConstantInfo>> {
    if b.types.is_empty() {
        return err(InductiveRule::EmptyBlock);
    }
    // Every name the block introduces must be new and distinct.
    let mut seen: Vec<NameId> = Vec::new();
    let mut intro = |tc: &TypeChecker<'_>, n: NameId| -> TcResult<()> {
        if seen.contains(&n) || tc.lookup(n).is_some() {
            return Err(KernelError::AlreadyDeclared(tc.name(n)));
        }
        seen.push(n);
        Ok(())
    };
    for t in &b.types {
        intro(tc, t.name)?;
        for (c, _) in &t.ctors {
            intro(tc, *c)?;
        }
    }
    for t in &b.types {
        let rec = tc.st.names.str(t.name, "rec");
        intro(tc, rec)?;
    }
    if let Some(cl) = &b.claimed {
        for r in &cl.recs {
            if tc.lookup(r.name).is_some() {
                return Err(KernelError::AlreadyDeclared(tc.name(r.name)));
            }
        }
    }
    for t in &b.types {
        closed(tc, t.ty)?;
        for (_, ct) in &t.ctors {
            closed(tc, *ct)?;
        }
    }
    let levels: Vec<LevelId> = b
        .level_params
        .iter()
        .map(|p| tc.st.levels.param(*p))
        .collect();
    let mut blk = Block {
        lparams: b.level_params.clone(),
        levels,
        nparams: b.num_params as usize,
        types: b.types.clone(),
        num_orig: b.types.len(),
        params: Vec::new(),
        facts: Vec::new(),
        result_level: LevelId::ZERO,
        is_prop: false,
        is_unsafe: b.is_unsafe,
    };
    let aux = nested::eliminate(tc, &mut blk)?;
    check::check_types(tc, &mut blk)?;
    check::declare_types(tc, &blk, aux.len());
    check::check_ctors(tc, &mut blk)?;
    let flags = check::rec_flags(tc, &blk)?;
    check::declare_ctors(tc, &blk, aux.len(), flags);
    let claimed_level = b.claimed.as_ref().and_then(|cl| {
        cl.recs
            .iter()
            .map(|r| &r.level_params)
            .find(|ps| ps.len() == b.level_params.len() + 1 && ps[1..] == b.level_params[..])
            .map(|ps| ps[0])
    });
    let mut recs = recursor::derive(tc, &blk, claimed_level)?;
    // K on a proposition without constructors is vacuous (there is no
    // constructor to rewrite a major premise to); some exporters set it.
    if blk.types.len() == 1 && blk.types[0].ctors.is_empty() && blk.is_prop {
        let claimed_k = b.claimed.as_ref().is_some_and(|cl| {
            cl.recs
                .iter()
                .any(|r| matches!(r.kind, ConstantKind::Recursor { k: true, .. }))
        });
        for r in &mut recs {
            if let ConstantKind::Recursor { k, .. } = &mut r.kind {
                *k = claimed_k;
            }
        }
    }
    let recs = nested::restore_recursors(tc, &blk, &aux, recs)?;
    // The environment gets the declared types and constructors (not their
    // rewritten auxiliary-form copies), with the facts the checks derived.
    let all: Vec<NameId> = b.types.iter().map(|t| t.name).collect();
    let mut out: Vec<ConstantInfo> = b
        .types
        .iter()
        .enumerate()
        .map(|(i, t)| blk.type_constant(t, i, &all, aux.len(), flags))
        .collect();
    for (i, t) in b.types.iter().enumerate() {
        out.extend(blk.ctor_constants(t, i));
    }
    out.extend(recs);
    // Every constant the block adds is new, including those only the kernel
    // names (a nested block's auxiliary recursors `T.rec_1`, ...): a user
    // constant of that name must make the block fail, not be shadowed.
    for (i, c) in out.iter().enumerate() {
        if tc.env.get_before(c.name, tc.horizon).is_some()
            || out[..i].iter().any(|p| p.name == c.name)
        {
            return Err(KernelError::AlreadyDeclared(tc.name(c.name)));
        }
    }
    match &b.claimed {
        Some(cl) => compare::compare(tc, cl, out),
        None => Ok(out),
    }
}
