//! The format writes no `null`, and the reader's three paths (the byte
//! scanner, the typed parser, the general path) must read a file one way:
//! serde's typed parser reads a `null` as an absent key, so
//! `{"ie":0,"bvar":null,"sort":1}` was `Sort 1` there and an error on the
//! general path (issue 19, item 7). Every path now refuses a `null` in any
//! position, naming the line.

use proofgate_kernel::{CheckFailure, ExportErrorKind, Kernel, Limits, check_export};

const META: &str = "{\"meta\":{\"format\":{\"version\":\"3.1.0\"}}}";

/// Names 1 (`A`) and 2 (`x`), levels 1 (`1`) and 2 (`u`), exprs 0
/// (`Sort 0`), 1 (`Sort 1`), 2 (`#0`): the lines under test refer to these.
const TABLES: [&str; 7] = [
    "{\"in\":1,\"str\":{\"pre\":0,\"str\":\"A\"}}",
    "{\"in\":2,\"str\":{\"pre\":0,\"str\":\"x\"}}",
    "{\"il\":1,\"succ\":0}",
    "{\"il\":2,\"param\":2}",
    "{\"ie\":0,\"sort\":0}",
    "{\"ie\":1,\"sort\":1}",
    "{\"ie\":2,\"bvar\":0}",
];

/// Each line holds one `null`; without it, it is a well-formed line.
const WITH_NULL: &[(&str, &str)] = &[
    // Index keys.
    ("in", "{\"in\":null,\"str\":{\"pre\":0,\"str\":\"B\"}}"),
    ("il", "{\"il\":null,\"succ\":0}"),
    ("ie", "{\"ie\":null,\"sort\":0}"),
    // Tags, alone or beside the tag a reader would otherwise read.
    ("bvar", "{\"ie\":9,\"bvar\":null,\"sort\":1}"),
    ("bvar", "{\"bvar\":null,\"ie\":9,\"sort\":1}"),
    ("mdata", "{\"ie\":9,\"mdata\":null,\"sort\":1}"),
    ("sort", "{\"ie\":9,\"sort\":null}"),
    (
        "num",
        "{\"in\":3,\"num\":null,\"str\":{\"pre\":0,\"str\":\"B\"}}",
    ),
    ("succ", "{\"il\":3,\"succ\":null}"),
    ("imax", "{\"il\":3,\"imax\":null,\"max\":[1,2]}"),
    ("param", "{\"il\":3,\"param\":null,\"succ\":1}"),
    // Fields inside a tag.
    ("pre", "{\"in\":3,\"str\":{\"pre\":null,\"str\":\"B\"}}"),
    ("str", "{\"in\":3,\"str\":{\"pre\":0,\"str\":null}}"),
    ("i", "{\"in\":3,\"num\":{\"i\":null,\"pre\":0}}"),
    ("max", "{\"il\":3,\"max\":[1,null]}"),
    ("us", "{\"ie\":9,\"const\":{\"name\":1,\"us\":[null]}}"),
    ("fn", "{\"app\":{\"arg\":0,\"fn\":null},\"ie\":9}"),
    (
        "extra",
        "{\"app\":{\"arg\":0,\"extra\":null,\"fn\":1},\"ie\":9}",
    ),
    // The byte scanner's shapes, and the same with a null it cannot scan.
    (
        "body",
        "{\"forallE\":{\"binderInfo\":\"default\",\"body\":null,\"name\":2,\"type\":0},\"ie\":9}",
    ),
    (
        "binderInfo",
        "{\"ie\":9,\"lam\":{\"binderInfo\":null,\"body\":2,\"name\":2,\"type\":0}}",
    ),
    (
        "type",
        "{\"forallE\":{\"binderInfo\":\"default\",\"body\":2,\"name\":2,\"type\":null},\"ie\":9}",
    ),
    (
        "value",
        "{\"ie\":9,\"letE\":{\"body\":2,\"name\":2,\"nondep\":false,\"type\":0,\"value\":null}}",
    ),
    (
        "idx",
        "{\"ie\":9,\"proj\":{\"idx\":null,\"struct\":2,\"typeName\":1}}",
    ),
    ("natVal", "{\"ie\":9,\"natVal\":null}"),
    ("strVal", "{\"ie\":9,\"strVal\":null}"),
    // Declarations (the general path only).
    (
        "isUnsafe",
        "{\"axiom\":{\"isUnsafe\":null,\"levelParams\":[],\"name\":1,\"type\":1}}",
    ),
    (
        "levelParams",
        "{\"axiom\":{\"isUnsafe\":false,\"levelParams\":[null],\"name\":1,\"type\":1}}",
    ),
    (
        "name",
        "{\"axiom\":{\"isUnsafe\":false,\"levelParams\":[],\"name\":null,\"type\":1}}",
    ),
];

fn read(lines: &[&str]) -> Result<usize, (usize, ExportErrorKind)> {
    let text = lines.join("\n") + "\n";
    let mut k = Kernel::new();
    match check_export(&mut k, text.as_bytes(), Limits::DEFAULT) {
        Ok(r) => Ok(r.declarations),
        Err(CheckFailure::Export(e)) => Err((e.line, e.kind)),
        Err(other) => panic!("expected a reader error, got {other}"),
    }
}

#[test]
fn a_null_in_any_position_is_refused_naming_its_line() {
    for &(key, line) in WITH_NULL {
        let mut lines = vec![META];
        lines.extend(TABLES);
        lines.push(line);
        let at = lines.len();
        // A declaration after it, so a line read past would be noticed.
        lines.push("{\"axiom\":{\"isUnsafe\":false,\"levelParams\":[],\"name\":2,\"type\":1}}");
        match read(&lines) {
            Err((l, ExportErrorKind::Invalid(m))) if l == at => {
                assert_eq!(m, format!("field '{key}' is null"), "{line}");
            }
            other => panic!("{line}: expected line {at} refused, got {other:?}"),
        }
    }
}

#[test]
fn the_same_lines_without_their_null_are_read() {
    // The control: each line with its null field removed (or replaced by
    // an index) is well formed, so the refusal above is the null's.
    let fixed = |line: &str| {
        line.replace(",\"extra\":null", "")
            .replace("\"mdata\":null,", "")
            .replace("\"bvar\":null,", "")
            .replace("\"num\":null,", "")
            .replace("\"imax\":null,", "")
            .replace("\"param\":null,", "")
            .replace("null", "1")
            .replace("\"binderInfo\":1", "\"binderInfo\":\"default\"")
            .replace("\"isUnsafe\":1", "\"isUnsafe\":false")
            .replace("\"str\":1", "\"str\":\"B\"")
            .replace("\"natVal\":1", "\"natVal\":\"1\"")
            .replace("\"strVal\":1", "\"strVal\":\"s\"")
            .replace("\"idx\":1", "\"idx\":0")
            .replace("\"levelParams\":[1]", "\"levelParams\":[2]")
    };
    for &(_, line) in WITH_NULL {
        let line = fixed(line);
        // Index keys and tags that were null become a fresh index or a
        // plain reference; a dangling reference is not what is tested.
        let mut lines = vec![META];
        lines.extend(TABLES);
        lines.push(&line);
        match read(&lines) {
            Ok(_) => {}
            Err((_, ExportErrorKind::Duplicate { .. })) => {}
            Err(e) => panic!("{line}: {e:?}"),
        }
    }
}
