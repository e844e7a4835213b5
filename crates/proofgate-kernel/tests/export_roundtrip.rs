//! The export writer is the inverse of the reader: over every file of the
//! Lean export corpus (`../shared/lean-exports`, or
//! `$PROOFGATE_LEAN_EXPORTS`), reading, writing and reading again into the
//! same store gives identical hash-consed declarations, and writing those
//! again gives the same bytes. Files the reader refuses (some `bad/` cases)
//! are round-tripped up to the refused line. Where the corpus is found, and
//! what happens without it: `support/corpus.rs`.

#[path = "support/corpus.rs"]
mod corpus;

use proofgate_kernel::{Declaration, ExportReader, ExportWriter, TermStore};
use std::fs::File;
use std::io::BufReader;

/// Every declaration up to the first line the reader refuses.
fn read_all(input: impl std::io::BufRead, st: &mut TermStore) -> (Vec<Declaration>, bool) {
    let mut reader = ExportReader::new(input);
    let mut out = Vec::new();
    while let Some(d) = reader.next_declaration(st) {
        match d {
            Ok(d) => out.push(d),
            Err(_) => return (out, false),
        }
    }
    (out, true)
}

fn write_all(st: &TermStore, decls: &[Declaration]) -> Vec<u8> {
    let mut w = ExportWriter::new(Vec::new()).expect("write to memory");
    for d in decls {
        w.write_declaration(st, d, None).expect("write declaration");
    }
    w.finish().expect("flush")
}

#[test]
fn read_write_read_is_identity_over_the_corpus() {
    let Some(dir) = corpus::dir_or_skip("read_write_read_is_identity_over_the_corpus") else {
        return;
    };
    let files = corpus::ndjson_files(&dir);
    assert!(
        !files.is_empty(),
        "no .ndjson files under {}",
        dir.display()
    );
    let (mut total, mut partial) = (0usize, 0usize);
    for f in &files {
        let mut st = TermStore::default();
        let file = File::open(f).expect("open corpus file");
        let (first, complete) = read_all(BufReader::new(file), &mut st);
        if !complete {
            partial += 1;
        }
        let text = write_all(&st, &first);
        let (second, ok) = read_all(&text[..], &mut st);
        assert!(
            ok,
            "{}: the writer's output does not read back",
            f.display()
        );
        assert_eq!(
            first,
            second,
            "{}: declarations differ after a round trip",
            f.display()
        );
        assert_eq!(
            text,
            write_all(&st, &second),
            "{}: writing is not a fixpoint",
            f.display()
        );
        total += first.len();
    }
    println!(
        "{} files, {total} declarations round-tripped ({partial} files refused part-way by the reader)",
        files.len()
    );
    assert!(
        total > 1_000,
        "the corpus should hold the whole Init.Prelude"
    );
}
