//! The perf-trap generators' way of building an export: terms interned in a
//! kernel `TermStore` (hash-consed, as Lean's exporter shares subterms: a
//! term whose tree is exponential stays a linear file), declarations as the
//! kernel's own `Declaration`s, and the file written by the kernel's
//! `ExportWriter`, the one writer of the export format in Rust. Nothing is
//! checked here: a trap may be built to be rejected or to exhaust a limit,
//! so declarations go to the file exactly as written (inductive blocks with
//! the data they claim; without a recursor the reader's kernel derives it).

use proofgate_kernel::declaration::ClaimedInductive;
use proofgate_kernel::{
    ConstantInfo, ConstantKind, DeclHeader, Declaration, DefinitionSafety,
    ExportWriter as KernelWriter, ExprId, ExprNode, InductiveBlock, InductiveType, LevelId, NameId,
    ReducibilityHints, TermStore, UBig,
};

/// An expression of the export being written.
pub type E = ExprId;
/// A level.
pub type L = LevelId;
/// A name.
pub type N = NameId;

/// Builds an export, declaration by declaration.
#[derive(Default)]
pub struct ExportWriter {
    st: TermStore,
    decls: Vec<Declaration>,
}

impl ExportWriter {
    /// An empty export.
    pub fn new() -> ExportWriter {
        ExportWriter::default()
    }

    /// The file's bytes, written by the kernel's export writer.
    pub fn finish(self) -> Vec<u8> {
        let mut w = KernelWriter::new(Vec::new()).expect("write to memory");
        for d in &self.decls {
            w.write_declaration(&self.st, d, None)
                .expect("every block carries its claimed data");
        }
        w.finish().expect("write to memory")
    }

    /// The store the terms live in (for kernel data built by hand, such as
    /// a recursor's rules).
    pub fn store(&mut self) -> &mut TermStore {
        &mut self.st
    }

    /// A dotted name (`Nat.succ`).
    pub fn name(&mut self, dotted: &str) -> N {
        self.st.names.dotted(dotted)
    }

    /// `succ l`.
    pub fn succ(&mut self, l: L) -> L {
        self.st.levels.succ(l)
    }

    /// A universe parameter.
    pub fn param(&mut self, name: &str) -> L {
        let n = self.name(name);
        self.st.levels.param(n)
    }

    /// A bound variable.
    pub fn bvar(&mut self, i: u32) -> E {
        self.st.bvar(i)
    }

    /// `Sort l`.
    pub fn sort(&mut self, l: L) -> E {
        self.st.sort(l)
    }

    /// `Type`.
    pub fn type0(&mut self) -> E {
        let one = self.st.levels.succ(LevelId::ZERO);
        self.st.sort(one)
    }

    /// `Prop`.
    pub fn prop(&mut self) -> E {
        self.st.sort(LevelId::ZERO)
    }

    /// A constant at universe levels `us`.
    pub fn cnst(&mut self, name: &str, us: &[L]) -> E {
        let n = self.name(name);
        self.st.cnst(n, us)
    }

    /// `f a`.
    pub fn app(&mut self, f: E, a: E) -> E {
        self.st.app(f, a)
    }

    /// `f a₁ … aₙ`.
    pub fn apps(&mut self, f: E, args: &[E]) -> E {
        self.st.apps(f, args)
    }

    /// `fun (x : ty) => body`.
    pub fn lam(&mut self, ty: E, body: E) -> E {
        self.st.lam(ty, body)
    }

    /// `(x : ty) → body`.
    pub fn pi(&mut self, ty: E, body: E) -> E {
        self.st.pi(ty, body)
    }

    /// `let x : ty := value; body`.
    pub fn let_(&mut self, ty: E, value: E, body: E) -> E {
        self.st.mk(ExprNode::Let(ty, value, body))
    }

    /// A Nat literal.
    pub fn nat(&mut self, decimal: &str) -> E {
        let n: UBig = decimal.parse().expect("a decimal literal");
        self.st.nat_lit(n)
    }

    /// A String literal.
    pub fn str(&mut self, text: &str) -> E {
        self.st.str_lit(text)
    }

    fn names(&mut self, names: &[&str]) -> Vec<N> {
        names.iter().map(|n| self.name(n)).collect()
    }

    /// A block of one inductive type `name : ty` with `num_params`
    /// parameters and `num_indices` indices, its constructors (name, type,
    /// fields) and the recursors the export claims (none: the reading kernel
    /// derives it).
    #[allow(clippy::too_many_arguments)]
    pub fn inductive(
        &mut self,
        name: &str,
        lparams: &[&str],
        ty: E,
        (num_params, num_indices): (u32, u32),
        is_rec: bool,
        ctors: &[(&str, E, u32)],
        recs: Vec<ConstantInfo>,
    ) {
        let n = self.name(name);
        let ps = self.names(lparams);
        let ctor_names: Vec<N> = ctors.iter().map(|c| self.name(c.0)).collect();
        let claimed = ClaimedInductive {
            types: vec![ConstantInfo {
                name: n,
                level_params: ps.clone(),
                ty,
                kind: ConstantKind::Inductive {
                    num_params,
                    num_indices,
                    all: vec![n],
                    ctors: ctor_names.clone(),
                    num_nested: 0,
                    is_rec,
                    is_reflexive: false,
                    is_unsafe: false,
                },
            }],
            ctors: ctors
                .iter()
                .zip(&ctor_names)
                .enumerate()
                .map(|(i, ((_, cty, fields), cn))| ConstantInfo {
                    name: *cn,
                    level_params: ps.clone(),
                    ty: *cty,
                    kind: ConstantKind::Constructor {
                        induct: n,
                        cidx: i as u32,
                        num_params,
                        num_fields: *fields,
                        is_unsafe: false,
                    },
                })
                .collect(),
            recs,
        };
        self.decls.push(Declaration::Inductive(InductiveBlock {
            level_params: ps,
            num_params,
            types: vec![InductiveType {
                name: n,
                ty,
                ctors: ctors
                    .iter()
                    .zip(&ctor_names)
                    .map(|((_, cty, _), cn)| (*cn, *cty))
                    .collect(),
            }],
            is_unsafe: false,
            claimed: Some(claimed),
        }));
    }

    fn header(&mut self, name: &str, lparams: &[&str], ty: E) -> DeclHeader {
        DeclHeader {
            name: self.name(name),
            level_params: self.names(lparams),
            ty,
        }
    }

    /// `axiom name : ty`.
    pub fn axiom(&mut self, name: &str, lparams: &[&str], ty: E) {
        let header = self.header(name, lparams, ty);
        self.decls.push(Declaration::Axiom {
            header,
            is_unsafe: false,
        });
    }

    /// `def name : ty := value` with regular height `height`.
    pub fn def(&mut self, name: &str, lparams: &[&str], ty: E, value: E, height: u32) {
        let header = self.header(name, lparams, ty);
        self.decls.push(Declaration::Definition {
            header,
            value,
            hints: ReducibilityHints::Regular(height),
            safety: DefinitionSafety::Safe,
        });
    }

    /// `theorem name : ty := value`.
    pub fn thm(&mut self, name: &str, ty: E, value: E) {
        let header = self.header(name, &[], ty);
        self.decls.push(Declaration::Theorem { header, value });
    }
}
