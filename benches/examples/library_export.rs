//! Writes a library-sized Lean export (issue 21): Init.Prelude as layer 0,
//! then `LAYERS` renamed copies of its definitions and theorems stacked on
//! it, deterministic for a seed, to standard output. Never committed: make
//! it where it is measured.
//!
//! ```sh
//! cargo run --release -p proofgate-benches --example library_export -- 132 7 > lib.ndjson
//! proofgate check lib.ndjson --stats
//! ```
//!
//! Layer k (k ≥ 1) re-declares every definition and theorem of the prelude
//! as `L<k>.<name>`, with its terms rewritten to the layer's own copies.
//! What the kernel treats by name (`Nat.add`, `String.ofList`, ...), every
//! inductive block, quotient, axiom and opaque constant is declared once,
//! in layer 0, and shared: a library declares its types once and builds on
//! them. Dependencies cross layers: in layer k ≥ 2, about a third of the
//! references to theorems (chosen by the seed) name layer k-1's copy, whose
//! statement mentions layer k-1's definitions; the kernel accepts it only by
//! unfolding both layers' definitions to the shared types, as it would
//! across the modules of a library. So the file has Init.Prelude's mix of
//! structural recursion, inductive types, structures and theorems by
//! `Eq.refl`, recursors and rewriting, at about 1,763 + 1,624·LAYERS
//! declarations (132 layers: 216,145 declarations and 301 MB, each term
//! and name written once, as lean4export writes them).
//!
//! Reads `good/init-prelude.ndjson` from the corpus (`PROOFGATE_LEAN_EXPORTS`,
//! `../shared/lean-exports`, `target/lean-exports`).

#[path = "../../crates/proofgate-kernel/tests/support/corpus.rs"]
mod corpus;

use serde_json::{Map, Value, json};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufWriter, Write};

/// The constants the kernel reads by name stay in layer 0 with their
/// blocks (their constructors and recursors are declared by those blocks).
fn name_keyed(name: &str) -> bool {
    proofgate_kernel::NAME_KEYED_CONSTANTS.contains(&name)
}

/// splitmix64: a seeded, dependency-free stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// One line of the prelude, parsed.
enum Line {
    Name(u64, Value),
    Level,
    Expr(u64, Map<String, Value>),
    Decl(Map<String, Value>),
    Other,
}

/// The constant a declaration line declares (blocks: `None`, shared).
fn declared(decl: &Map<String, Value>) -> Option<(&'static str, u64)> {
    for kind in ["def", "thm"] {
        if let Some(v) = decl.get(kind) {
            return v.get("name").and_then(Value::as_u64).map(|n| (kind, n));
        }
    }
    None
}

struct Writer<W: Write> {
    out: W,
    next_name: u64,
    next_expr: u64,
}

impl<W: Write> Writer<W> {
    fn line(&mut self, v: &Value) {
        serde_json::to_writer(&mut self.out, v).expect("write");
        self.out.write_all(b"\n").expect("write");
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let layers: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(132);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let Some(path) = corpus::file_or_skip("good/init-prelude.ndjson", "library_export") else {
        eprintln!("library_export: no Lean export corpus, so no Init.Prelude to build on");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).expect("open Init.Prelude");
    let mut lines = Vec::new();
    let mut name_text: HashMap<u64, String> = HashMap::from([(0, String::new())]);
    let (mut max_name, mut max_expr) = (0u64, 0u64);
    for raw in std::io::BufReader::new(file).lines() {
        let v: Value = serde_json::from_str(&raw.expect("read")).expect("json");
        let Value::Object(o) = v else { continue };
        let line = if let Some(i) = o.get("in").and_then(Value::as_u64) {
            let part = o.get("str").or_else(|| o.get("num")).expect("name part");
            let pre = part["pre"].as_u64().expect("pre");
            let last = part
                .get("str")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| part["i"].to_string());
            let pre_text = &name_text[&pre];
            let text = if pre_text.is_empty() {
                last
            } else {
                format!("{pre_text}.{last}")
            };
            name_text.insert(i, text);
            max_name = max_name.max(i);
            Line::Name(i, Value::Object(o))
        } else if o.contains_key("il") {
            Line::Level
        } else if let Some(i) = o.get("ie").and_then(Value::as_u64) {
            max_expr = max_expr.max(i);
            Line::Expr(i, o)
        } else if o.contains_key("meta") {
            Line::Other
        } else {
            Line::Decl(o)
        };
        lines.push(line);
    }
    // Which constants each layer re-declares, and which of them are theorems.
    let mut renamed: HashSet<u64> = HashSet::new();
    let mut theorems: HashSet<u64> = HashSet::new();
    for l in &lines {
        if let Line::Decl(d) = l
            && let Some((kind, n)) = declared(d)
            && !name_keyed(&name_text[&n])
        {
            renamed.insert(n);
            if kind == "thm" {
                theorems.insert(n);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut w = Writer {
        out: BufWriter::with_capacity(1 << 20, stdout.lock()),
        next_name: max_name + 1,
        next_expr: max_expr + 1,
    };
    // Layer 0: the prelude itself.
    let file = std::fs::File::open(&path).expect("open Init.Prelude");
    for raw in std::io::BufReader::new(file).lines() {
        w.out
            .write_all(raw.expect("read").as_bytes())
            .expect("write");
        w.out.write_all(b"\n").expect("write");
    }
    let name_lines: HashMap<u64, &Value> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Name(i, v) => Some((*i, v)),
            _ => None,
        })
        .collect();
    let mut renamed_in_order: Vec<u64> = renamed.iter().copied().collect();
    renamed_in_order.sort_unstable();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for l in &lines {
        if let Line::Expr(i, o) = l {
            let mut o = o.clone();
            o.remove("ie");
            seen.insert(serde_json::to_string(&o).expect("json"), *i);
        }
    }
    let mut rng = Rng(seed);
    let mut prev: HashMap<u64, u64> = HashMap::new();
    for k in 1..=layers {
        // `L<k>` and, for each renamed constant, `L<k>.<its name>`.
        let layer_root = w.next_name;
        w.next_name += 1;
        w.line(&json!({"in": layer_root, "str": {"pre": 0, "str": format!("L{k}")}}));
        // Only the names the layer declares (and their prefixes) are
        // written again; binder names stay layer 0's.
        let mut prefixed: HashMap<u64, u64> = HashMap::from([(0, layer_root)]);
        let mut this: HashMap<u64, u64> = HashMap::new();
        for &n in &renamed_in_order {
            let id = prefix_name(n, &name_lines, &mut prefixed, &mut w);
            this.insert(n, id);
        }
        // The layer's terms: every expression again, constants renamed, and
        // each written once in the whole file as lean4export writes them
        // (a term naming nothing renamed is layer 0's own).
        let redirect = |n: u64, rng: &mut Rng| -> u64 {
            match (theorems.contains(&n), prev.get(&n)) {
                (true, Some(&p)) if rng.next().is_multiple_of(3) => p,
                _ => this.get(&n).copied().unwrap_or(n),
            }
        };
        let mut ids: HashMap<u64, u64> = HashMap::new();
        for l in &lines {
            if let Line::Expr(i, o) = l {
                let mut o = o.clone();
                o.remove("ie");
                for (key, v) in o.iter_mut() {
                    rewrite_refs(key, v, &ids, &mut |n| redirect(n, &mut rng));
                }
                let body = serde_json::to_string(&o).expect("json");
                let id = match seen.get(&body) {
                    Some(&id) => id,
                    None => {
                        let id = w.next_expr;
                        w.next_expr += 1;
                        o.insert("ie".into(), json!(id));
                        w.line(&Value::Object(o));
                        seen.insert(body, id);
                        id
                    }
                };
                ids.insert(*i, id);
            }
        }
        for l in &lines {
            if let Line::Decl(d) = l
                && let Some((kind, n)) = declared(d)
                && renamed.contains(&n)
            {
                let mut body = d[kind].clone();
                body["name"] = json!(this[&n]);
                for key in ["type", "value"] {
                    if let Some(e) = body.get(key).and_then(Value::as_u64) {
                        body[key] = json!(ids[&e]);
                    }
                }
                if let Some(all) = body.get_mut("all").and_then(Value::as_array_mut) {
                    for a in all.iter_mut() {
                        let m = a.as_u64().expect("name");
                        *a = json!(this.get(&m).copied().unwrap_or(m));
                    }
                }
                let mut line = Map::new();
                line.insert(kind.into(), body);
                w.line(&Value::Object(line));
            }
        }
        prev = this;
    }
    w.out.flush().expect("flush");
}

/// The id of `L<k>.<name n>` (the layer's root is `prefixed[0]`), writing
/// the name lines it needs.
fn prefix_name<W: Write>(
    n: u64,
    name_lines: &HashMap<u64, &Value>,
    prefixed: &mut HashMap<u64, u64>,
    w: &mut Writer<W>,
) -> u64 {
    if let Some(&id) = prefixed.get(&n) {
        return id;
    }
    let v = name_lines[&n];
    let kind = if v.get("str").is_some() { "str" } else { "num" };
    let mut part = v[kind].clone();
    let pre = prefix_name(part["pre"].as_u64().expect("pre"), name_lines, prefixed, w);
    part["pre"] = json!(pre);
    let id = w.next_name;
    w.next_name += 1;
    let mut line = Map::new();
    line.insert("in".into(), json!(id));
    line.insert(kind.into(), part);
    w.line(&Value::Object(line));
    prefixed.insert(n, id);
    id
}

/// Rewrites the expression ids inside one field of an expression line to
/// the layer's (`ids`), and constant names by `rename`.
fn rewrite_refs(
    key: &str,
    v: &mut Value,
    ids: &HashMap<u64, u64>,
    rename: &mut dyn FnMut(u64) -> u64,
) {
    let Value::Object(inner) = v else { return };
    for (k, f) in inner.iter_mut() {
        match (key, k.as_str()) {
            ("const", "name") => {
                let n = f.as_u64().expect("name");
                *f = json!(rename(n));
            }
            (_, "fn" | "arg" | "type" | "body" | "value" | "struct" | "expr") => {
                if let Some(e) = f.as_u64() {
                    *f = json!(ids[&e]);
                }
            }
            _ => {}
        }
    }
}
