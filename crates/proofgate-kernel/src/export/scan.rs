//! A byte scanner for the three line shapes that make up about 80% of a
//! Lean export, exactly as Lean writes them (keys sorted, no spaces):
//!
//! ```text
//! {"app":{"arg":A,"fn":F},"ie":I}
//! {"forallE":{"binderInfo":"default","body":B,"name":N,"type":T},"ie":I}
//! {"ie":I,"lam":{"binderInfo":"default","body":B,"name":N,"type":T}}
//! ```
//!
//! Anything else, including the same content written another way, is
//! `None` and goes to the typed parser (`fast.rs`), so the scanner can only
//! ever agree with it: numbers are plain JSON integers (no sign, no leading
//! zero, within u64), the binder info a bare word.

/// An application or binder line, by export index.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Scanned {
    /// `ie`, `fn`, `arg`.
    App { ie: u64, f: u64, arg: u64 },
    /// `ie`, `name`, `type`, `body`; `lam` or Pi.
    Binder {
        ie: u64,
        lam: bool,
        name: u64,
        ty: u64,
        body: u64,
    },
}

struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn lit(&mut self, p: &[u8]) -> Option<()> {
        let end = self.at.checked_add(p.len())?;
        (self.s.get(self.at..end)? == p).then(|| self.at = end)
    }

    /// A JSON integer that fits in u64, as serde reads it: digits, no
    /// leading zero unless it is `0`.
    fn num(&mut self) -> Option<u64> {
        let start = self.at;
        let mut v: u64 = 0;
        while let Some(&c) = self.s.get(self.at) {
            if !c.is_ascii_digit() {
                break;
            }
            v = v.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        (len == 1 || (len > 1 && self.s[start] != b'0')).then_some(v)
    }

    /// A string of ASCII letters (binder infos are `default`, `implicit`,
    /// `strictImplicit`, `instImplicit`): no escapes to interpret.
    fn word(&mut self) -> Option<()> {
        self.lit(b"\"")?;
        while self.s.get(self.at)?.is_ascii_alphabetic() {
            self.at += 1;
        }
        self.lit(b"\"")
    }

    /// `"binderInfo":"…","body":B,"name":N,"type":T}`
    fn binder_fields(&mut self) -> Option<(u64, u64, u64)> {
        self.lit(b"{\"binderInfo\":")?;
        self.word()?;
        self.lit(b",\"body\":")?;
        let body = self.num()?;
        self.lit(b",\"name\":")?;
        let name = self.num()?;
        self.lit(b",\"type\":")?;
        let ty = self.num()?;
        self.lit(b"}")?;
        Some((body, name, ty))
    }

    /// Only a line ending remains.
    fn end(&self) -> Option<()> {
        matches!(&self.s[self.at..], b"" | b"\n" | b"\r\n").then_some(())
    }
}

/// Scans one line (with or without its line ending).
pub(crate) fn scan(line: &str) -> Option<Scanned> {
    let mut c = Cursor {
        s: line.as_bytes(),
        at: 0,
    };
    let r = match c.s.get(2)? {
        b'a' => {
            c.lit(b"{\"app\":{\"arg\":")?;
            let arg = c.num()?;
            c.lit(b",\"fn\":")?;
            let f = c.num()?;
            c.lit(b"},\"ie\":")?;
            let ie = c.num()?;
            c.lit(b"}")?;
            Scanned::App { ie, f, arg }
        }
        b'f' => {
            c.lit(b"{\"forallE\":")?;
            let (body, name, ty) = c.binder_fields()?;
            c.lit(b",\"ie\":")?;
            let ie = c.num()?;
            c.lit(b"}")?;
            Scanned::Binder {
                ie,
                lam: false,
                name,
                ty,
                body,
            }
        }
        b'i' => {
            c.lit(b"{\"ie\":")?;
            let ie = c.num()?;
            c.lit(b",\"lam\":")?;
            let (body, name, ty) = c.binder_fields()?;
            c.lit(b"}")?;
            Scanned::Binder {
                ie,
                lam: true,
                name,
                ty,
                body,
            }
        }
        _ => return None,
    };
    c.end()?;
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_shapes_are_scanned() {
        assert_eq!(
            scan("{\"app\":{\"arg\":8,\"fn\":835},\"ie\":836}\n"),
            Some(Scanned::App {
                ie: 836,
                f: 835,
                arg: 8
            })
        );
        assert_eq!(
            scan(
                "{\"forallE\":{\"binderInfo\":\"default\",\"body\":838,\"name\":123,\"type\":832},\"ie\":839}"
            ),
            Some(Scanned::Binder {
                ie: 839,
                lam: false,
                name: 123,
                ty: 832,
                body: 838
            })
        );
        assert_eq!(
            scan(
                "{\"ie\":9,\"lam\":{\"binderInfo\":\"instImplicit\",\"body\":0,\"name\":1,\"type\":2}}\r\n"
            ),
            Some(Scanned::Binder {
                ie: 9,
                lam: true,
                name: 1,
                ty: 2,
                body: 0
            })
        );
    }

    /// Everything the typed parser might read differently is left to it.
    #[test]
    fn other_spellings_are_left_to_the_parser() {
        for line in [
            "{\"app\":{\"arg\":08,\"fn\":835},\"ie\":836}",
            "{\"app\":{\"arg\":8,\"fn\":835},\"ie\":836} ",
            "{\"app\": {\"arg\":8,\"fn\":835},\"ie\":836}",
            "{\"app\":{\"arg\":8,\"fn\":835},\"ie\":836,\"ie\":7}",
            "{\"app\":{\"arg\":8,\"fn\":835},\"ie\":18446744073709551616}",
            "{\"app\":{\"arg\":-8,\"fn\":835},\"ie\":836}",
            "{\"app\":{\"arg\":8.0,\"fn\":835},\"ie\":836}",
            "{\"app\":{\"fn\":835,\"arg\":8},\"ie\":836}",
            "{\"forallE\":{\"binderInfo\":\"d\\u0065fault\",\"body\":1,\"name\":1,\"type\":1},\"ie\":2}",
            "{\"ie\":9,\"lam\":{\"binderInfo\":\"default\",\"body\":0,\"name\":1,\"type\":2},\"x\":1}",
            "{\"ie\":9}",
            "{\"app\":{\"arg\":null,\"fn\":835},\"ie\":836}",
            "{\"forallE\":{\"binderInfo\":null,\"body\":1,\"name\":1,\"type\":1},\"ie\":2}",
            "{\"ie\":9,\"lam\":{\"binderInfo\":\"default\",\"body\":0,\"name\":1,\"type\":2},\"bvar\":null}",
            "{\"a",
            "",
        ] {
            assert_eq!(scan(line), None, "{line}");
        }
    }
}
