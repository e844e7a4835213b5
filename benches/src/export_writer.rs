//! A writer of Lean export files (NDJSON 3.1.0), so the perf-trap
//! generators produce exactly what the kernel reads from a real export,
//! parser included. Expressions are hash-consed here as the exporter does:
//! a subterm built twice is written once and referenced by index, so a term
//! whose tree is exponential stays a linear file.

use std::collections::HashMap;
use std::fmt::Write;

/// An expression index of the export being written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct E(u32);

/// A level index (`0` is `zero`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct L(u32);

/// A name index (`0` is anonymous).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct N(u32);

impl L {
    /// `zero`.
    pub const ZERO: L = L(0);
}

impl E {
    /// The index written in the file.
    pub fn index(self) -> u32 {
        self.0
    }
}

impl N {
    /// The index written in the file.
    pub fn index(self) -> u32 {
        self.0
    }
}

/// Builds an export line by line.
pub struct ExportWriter {
    out: String,
    names: HashMap<String, N>,
    levels: HashMap<String, L>,
    exprs: HashMap<String, E>,
}

impl Default for ExportWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl ExportWriter {
    /// An export with only its metadata line.
    pub fn new() -> ExportWriter {
        ExportWriter {
            out: String::from("{\"meta\":{\"format\":{\"version\":\"3.1.0\"}}}\n"),
            names: HashMap::new(),
            levels: HashMap::new(),
            exprs: HashMap::new(),
        }
    }

    /// The file's bytes.
    pub fn finish(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    /// A dotted name (`Nat.succ`).
    pub fn name(&mut self, dotted: &str) -> N {
        if let Some(&n) = self.names.get(dotted) {
            return n;
        }
        let (pre, last) = match dotted.rsplit_once('.') {
            Some((p, l)) => (self.name(p), l),
            None => (N(0), dotted),
        };
        let n = N(self.names.len() as u32 + 1);
        writeln!(
            self.out,
            "{{\"in\":{},\"str\":{{\"pre\":{},\"str\":\"{}\"}}}}",
            n.0, pre.0, last
        )
        .expect("write to string");
        self.names.insert(dotted.to_string(), n);
        n
    }

    fn level(&mut self, key: String) -> L {
        if let Some(&l) = self.levels.get(&key) {
            return l;
        }
        let l = L(self.levels.len() as u32 + 1);
        writeln!(self.out, "{{\"il\":{},{}}}", l.0, key).expect("write to string");
        self.levels.insert(key, l);
        l
    }

    /// `succ l`.
    pub fn succ(&mut self, l: L) -> L {
        self.level(format!("\"succ\":{}", l.0))
    }

    /// A universe parameter.
    pub fn param(&mut self, name: &str) -> L {
        let n = self.name(name);
        self.level(format!("\"param\":{}", n.0))
    }

    fn expr(&mut self, body: String) -> E {
        if let Some(&e) = self.exprs.get(&body) {
            return e;
        }
        let e = E(self.exprs.len() as u32);
        writeln!(self.out, "{{\"ie\":{},{}}}", e.0, body).expect("write to string");
        self.exprs.insert(body, e);
        e
    }

    /// `#i`.
    pub fn bvar(&mut self, i: u32) -> E {
        self.expr(format!("\"bvar\":{i}"))
    }

    /// `Sort l`.
    pub fn sort(&mut self, l: L) -> E {
        self.expr(format!("\"sort\":{}", l.0))
    }

    /// `Type`.
    pub fn type0(&mut self) -> E {
        let one = self.succ(L::ZERO);
        self.sort(one)
    }

    /// `Prop`.
    pub fn prop(&mut self) -> E {
        self.sort(L::ZERO)
    }

    /// A constant at levels.
    pub fn cnst(&mut self, name: &str, us: &[L]) -> E {
        let n = self.name(name);
        let us: Vec<String> = us.iter().map(|l| l.0.to_string()).collect();
        self.expr(format!(
            "\"const\":{{\"name\":{},\"us\":[{}]}}",
            n.0,
            us.join(",")
        ))
    }

    /// `f a`.
    pub fn app(&mut self, f: E, a: E) -> E {
        self.expr(format!("\"app\":{{\"fn\":{},\"arg\":{}}}", f.0, a.0))
    }

    /// `f a1 ... an`.
    pub fn apps(&mut self, mut f: E, args: &[E]) -> E {
        for &a in args {
            f = self.app(f, a);
        }
        f
    }

    fn binder(&mut self, kind: &str, ty: E, body: E) -> E {
        let x = self.name("x");
        self.expr(format!(
            "\"{kind}\":{{\"name\":{},\"type\":{},\"body\":{},\"binderInfo\":\"default\"}}",
            x.0, ty.0, body.0
        ))
    }

    /// `fun (x : ty) => body`.
    pub fn lam(&mut self, ty: E, body: E) -> E {
        self.binder("lam", ty, body)
    }

    /// `(x : ty) → body`.
    pub fn pi(&mut self, ty: E, body: E) -> E {
        self.binder("forallE", ty, body)
    }

    /// `let x : ty := value; body`.
    pub fn let_(&mut self, ty: E, value: E, body: E) -> E {
        let x = self.name("x");
        self.expr(format!(
            "\"letE\":{{\"name\":{},\"type\":{},\"value\":{},\"body\":{},\"nondep\":false}}",
            x.0, ty.0, value.0, body.0
        ))
    }

    /// A Nat literal.
    pub fn nat(&mut self, decimal: &str) -> E {
        self.expr(format!("\"natVal\":\"{decimal}\""))
    }

    /// A String literal (`text` written as is: no character that JSON
    /// escapes).
    pub fn str(&mut self, text: &str) -> E {
        assert!(!text.contains(['"', '\\']) && !text.chars().any(char::is_control));
        self.expr(format!("\"strVal\":\"{text}\""))
    }

    /// A block of one inductive type `name : ty` with `num_params`
    /// parameters and `num_indices` indices, and its constructors (name,
    /// type, fields). No recursor is written: the kernel derives it.
    pub fn inductive(
        &mut self,
        name: &str,
        lparams: &[&str],
        ty: E,
        (num_params, num_indices): (u32, u32),
        is_rec: bool,
        ctors: &[(&str, E, u32)],
    ) {
        let n = self.name(name);
        let ps = self.names_json(lparams);
        let ctor_names: Vec<String> = ctors.iter().map(|c| self.name(c.0).0.to_string()).collect();
        let ctor_json: Vec<String> = ctors
            .iter()
            .enumerate()
            .map(|(i, (_, cty, fields))| {
                format!(
                    "{{\"name\":{},\"levelParams\":{ps},\"type\":{},\"induct\":{},\"cidx\":{i},\"numParams\":{num_params},\"numFields\":{fields},\"isUnsafe\":false}}",
                    ctor_names[i], cty.0, n.0
                )
            })
            .collect();
        writeln!(
            self.out,
            "{{\"inductive\":{{\"types\":[{{\"name\":{},\"levelParams\":{ps},\"type\":{},\"numParams\":{num_params},\"numIndices\":{num_indices},\"all\":[{}],\"ctors\":[{}],\"numNested\":0,\"isRec\":{is_rec},\"isReflexive\":false,\"isUnsafe\":false}}],\"ctors\":[{}],\"recs\":[]}}}}",
            n.0,
            ty.0,
            n.0,
            ctor_names.join(","),
            ctor_json.join(",")
        )
        .expect("write to string");
    }

    fn names_json(&mut self, names: &[&str]) -> String {
        let ids: Vec<String> = names.iter().map(|n| self.name(n).0.to_string()).collect();
        format!("[{}]", ids.join(","))
    }

    /// `axiom name : ty`.
    pub fn axiom(&mut self, name: &str, lparams: &[&str], ty: E) {
        let n = self.name(name);
        let ps = self.names_json(lparams);
        writeln!(
            self.out,
            "{{\"axiom\":{{\"name\":{},\"levelParams\":{ps},\"type\":{},\"isUnsafe\":false}}}}",
            n.0, ty.0
        )
        .expect("write to string");
    }

    /// `def name : ty := value` with regular height `height`.
    pub fn def(&mut self, name: &str, lparams: &[&str], ty: E, value: E, height: u32) {
        let n = self.name(name);
        let ps = self.names_json(lparams);
        writeln!(
            self.out,
            "{{\"def\":{{\"name\":{},\"levelParams\":{ps},\"type\":{},\"value\":{},\"hints\":{{\"regular\":{height}}},\"safety\":\"safe\",\"all\":[{}]}}}}",
            n.0, ty.0, value.0, n.0
        )
        .expect("write to string");
    }

    /// `theorem name : ty := value`.
    pub fn thm(&mut self, name: &str, ty: E, value: E) {
        let n = self.name(name);
        writeln!(
            self.out,
            "{{\"thm\":{{\"name\":{},\"levelParams\":[],\"type\":{},\"value\":{},\"all\":[{}]}}}}",
            n.0, ty.0, value.0, n.0
        )
        .expect("write to string");
    }

    /// A raw declaration line (an inductive block).
    pub fn raw(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }
}
