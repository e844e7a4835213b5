//! A string literal over the expansion cap against Init.Prelude's own
//! `String.ofList` (found in review; `depth_limits.rs` covers the same rule
//! with the fixtures' constructor-shaped `String`). Aborted the process on
//! 0529d7c; now declined (`limit.string-expansion`).

#[path = "support/corpus.rs"]
mod corpus;

use proofgate_kernel::DeclHeader;
use proofgate_kernel::export::ExportReader;
use proofgate_kernel::{Declaration, DefinitionSafety, Kernel, LevelId, Limits, ReducibilityHints};

/// A string literal longer than the expansion cap (2^20 bytes) compared
/// with `String.ofList l`: `string_lit_to_ctor` returns the literal
/// unchanged and `try_string_lit_expansion` calls `is_def_eq_core` on the
/// very same pair again, with no recursion guard or fuel in between, until
/// the native stack overflows and the process aborts (no verdict). Same
/// code in 0529d7c; a declaration in an export reaches it.
#[test]
fn a_long_string_literal_against_of_list_is_a_verdict_not_a_stack_overflow() {
    let Some(prelude) = corpus::file_or_skip(
        "good/init-prelude.ndjson",
        "a_long_string_literal_against_of_list_is_a_verdict_not_a_stack_overflow",
    ) else {
        return;
    };
    let input = std::io::BufReader::new(std::fs::File::open(prelude).expect("prelude"));
    let mut k = Kernel::new();
    let mut reader = ExportReader::new(input);
    let mut decls = Vec::new();
    while let Some(decl) = reader.next_declaration(k.store_mut()) {
        let decl = decl.expect("read");
        k.add_declaration(&decl).expect("prelude");
        decls.push(decl);
    }
    let st = k.store_mut();
    let big = st.str_lit(&"a".repeat((1 << 20) + 1));
    let c = |st: &mut proofgate_kernel::TermStore, n: &str, ls: &[LevelId]| {
        let n = st.names.dotted(n);
        st.cnst(n, ls)
    };
    let one = st.levels.succ(LevelId::ZERO);
    let string = c(st, "String", &[]);
    let ch = c(st, "Char", &[]);
    let nil = c(st, "List.nil", &[LevelId::ZERO]);
    let nil = st.app(nil, ch);
    let of_list = c(st, "String.ofList", &[]);
    let empty = st.app(of_list, nil);
    let eq = c(st, "Eq", &[one]);
    let ty = st.apps(eq, &[string, big, empty]);
    let refl = c(st, "Eq.refl", &[one]);
    let value = st.apps(refl, &[string, big]);
    let name = st.names.dotted("long_literal_is_empty");
    let decl = Declaration::Definition {
        header: DeclHeader {
            name,
            level_params: vec![],
            ty,
        },
        value,
        hints: ReducibilityHints::Regular(1),
        safety: DefinitionSafety::Safe,
    };
    // `STRING_EXPANSION_WRITE_EXPORT=path`: the prelude and this declaration as an
    // export, for `proofgate check`.
    if let Some(path) = std::env::var_os("STRING_EXPANSION_WRITE_EXPORT") {
        let out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
        let mut w = proofgate_kernel::ExportWriter::new(out).expect("writer");
        for d in decls.iter().chain([&decl]) {
            w.write_declaration(k.store(), d, Some(k.env()))
                .expect("write");
        }
        w.finish().expect("finish");
    }
    let r = k.check_with_fuel(&decl, Limits::DEFAULT);
    assert!(r.is_err(), "accepted a false equation");
}
