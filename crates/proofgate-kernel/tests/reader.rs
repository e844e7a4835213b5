//! The export reader's contract: the first record is the meta line of
//! format 3.1.0; anything else it cannot use (empty input, no meta line,
//! another version, a line that is not UTF-8) is refused as unusable
//! (declined, not rejected), naming the 1-based line.

use proofgate_kernel::{CheckFailure, ExportErrorKind, Kernel, Limits, check_export};

const META: &str = "{\"meta\":{\"format\":{\"version\":\"3.1.0\"}}}\n";
const AXIOM: &str = "{\"in\":1,\"str\":{\"pre\":0,\"str\":\"A\"}}\n{\"ie\":0,\"sort\":0}\n\
{\"axiom\":{\"name\":1,\"levelParams\":[],\"type\":0,\"isUnsafe\":false}}\n";

fn check(bytes: &[u8]) -> Result<usize, (usize, ExportErrorKind, bool)> {
    let mut k = Kernel::new();
    match check_export(&mut k, bytes, Limits::DEFAULT) {
        Ok(r) => Ok(r.declarations),
        Err(CheckFailure::Export(e)) => {
            let declined = e.is_unsupported();
            Err((e.line, e.kind, declined))
        }
        Err(other) => panic!("expected a reader error, got {other}"),
    }
}

fn meta(version: &str) -> String {
    format!("{{\"meta\":{{\"format\":{{\"version\":{version}}}}}}}\n")
}

#[test]
fn a_well_formed_file_is_read() {
    assert!(matches!(check(format!("{META}{AXIOM}").as_bytes()), Ok(1)));
    // Meta line only: a valid export with no declarations.
    assert!(matches!(check(META.as_bytes()), Ok(0)));
}

#[test]
fn an_empty_file_is_declined_at_line_1() {
    for input in ["", "\n", "  \n\n"] {
        match check(input.as_bytes()) {
            Err((1, ExportErrorKind::Empty, true)) => {}
            other => panic!("{input:?}: {other:?}"),
        }
    }
}

#[test]
fn a_file_without_meta_line_is_declined_at_its_first_record() {
    match check(AXIOM.as_bytes()) {
        Err((1, ExportErrorKind::MissingMeta, true)) => {}
        other => panic!("{other:?}"),
    }
    // Blank lines before the first record do not count as records.
    match check(format!("\n\n{AXIOM}").as_bytes()) {
        Err((3, ExportErrorKind::MissingMeta, true)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn only_format_3_1_0_is_read() {
    for v in [
        "\"3.0.0\"",
        "\"3.2.0\"",
        "\"3.1.1\"",
        "\"3.1\"",
        "\"4.0.0\"",
        "\"\"",
        "3.1",
        "null",
    ] {
        match check(format!("{}{AXIOM}", meta(v)).as_bytes()) {
            Err((1, ExportErrorKind::UnsupportedVersion(_), true)) => {}
            other => panic!("version {v}: {other:?}"),
        }
    }
    match check(format!("{{\"meta\":{{}}}}\n{AXIOM}").as_bytes()) {
        Err((1, ExportErrorKind::UnsupportedVersion(_), true)) => {}
        other => panic!("no version: {other:?}"),
    }
}

#[test]
fn a_second_meta_line_is_malformed() {
    match check(format!("{META}{AXIOM}{META}").as_bytes()) {
        Err((5, ExportErrorKind::MisplacedMeta, false)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_utf8_is_reported_on_its_own_line() {
    // Line 1 itself.
    let mut first = b"{\"meta\":\xff}\n".to_vec();
    first.extend_from_slice(AXIOM.as_bytes());
    match check(&first) {
        Err((1, ExportErrorKind::InvalidUtf8 { offset: 8 }, true)) => {}
        other => panic!("{other:?}"),
    }
    // Line 3 (a name string), and a last line without a newline.
    let mut mid = META.as_bytes().to_vec();
    mid.extend_from_slice(b"{\"in\":1,\"str\":{\"pre\":0,\"str\":\"A\"}}\n");
    mid.extend_from_slice(b"{\"in\":2,\"str\":{\"pre\":0,\"str\":\"\xc3\x28\"}}\n");
    match check(&mid) {
        Err((3, ExportErrorKind::InvalidUtf8 { .. }, true)) => {}
        other => panic!("{other:?}"),
    }
    let mut last = META.as_bytes().to_vec();
    last.extend_from_slice(b"{\"in\":1,\"str\":{\"pre\":0,\"str\":\"\xe2\x82\"}}");
    match check(&last) {
        Err((2, ExportErrorKind::InvalidUtf8 { .. }, true)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_json_of_a_known_format_is_rejected_not_declined() {
    match check(format!("{META}{{\"ie\":1,").as_bytes()) {
        Err((2, ExportErrorKind::Json(_), false)) => {}
        other => panic!("{other:?}"),
    }
}
