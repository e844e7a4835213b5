//! The one vocabulary of every command's result: a verdict word in the
//! `verdict` field of its JSON, and the exit code that goes with it.
//!
//! - `accepted` (exit 0): the input checks out — every declaration or
//!   theorem, the ledger, the proof — or the request was done and its
//!   result verified (a key, a checkpoint, a proof file, a repair).
//! - `rejected` (exit 1): the input under judgement is wrong — a declaration
//!   or theorem fails the kernel or the judge's rules, an export is not a
//!   valid export, a ledger or proof fails verification.
//! - `declined` (exit 2): no verdict was reached — bad usage, an unreadable
//!   or unsupported input (another export format, empty, not UTF-8), a fuel
//!   or depth limit hit before a verdict, a challenge that cannot pose its
//!   question, a ledger that could not be written.
//!
//! When several inputs are judged, a rejection outranks a decline: it is a
//! definite verdict.

use std::process::ExitCode;

/// A command's verdict on one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// The input checks out.
    Accepted,
    /// No verdict was reached.
    Declined,
    /// The input is wrong.
    Rejected,
}

impl Verdict {
    /// The word of the `verdict` JSON field.
    pub const fn word(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::Rejected => "rejected",
            Verdict::Declined => "declined",
        }
    }

    /// The exit code of this verdict.
    pub const fn code(self) -> u8 {
        match self {
            Verdict::Accepted => 0,
            Verdict::Rejected => 1,
            Verdict::Declined => 2,
        }
    }

    /// The process's exit status.
    pub fn exit(self) -> ExitCode {
        ExitCode::from(self.code())
    }

    /// The verdict over several inputs: the worst, with a rejection
    /// outranking a decline (the order of the variants).
    pub fn worst(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        verdicts.into_iter().max().unwrap_or(Verdict::Accepted)
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    #[test]
    fn a_rejection_outranks_a_decline() {
        use Verdict::*;
        assert_eq!(Verdict::worst([Accepted, Declined, Rejected]), Rejected);
        assert_eq!(Verdict::worst([Accepted, Declined]), Declined);
        assert_eq!(Verdict::worst([]), Accepted);
        assert_eq!([Accepted, Rejected, Declined].map(Verdict::code), [0, 1, 2]);
    }
}
