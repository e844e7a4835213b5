//! The trace line format shared with the Lean oracle (`lake exe barrier-oracle`).
//!
//! `input.jsonl` holds one line per trace:
//! `{"trace":T,"n":N,"policy":POLICY,"events":[EVENT,...]}`; the engine's view
//! (`rust.jsonl`) holds, per trace, one line for the initial state and one per
//! event: `{"trace":T,"step":K,"phase":PHASE,"ready":R,"failed":F,"provisioning":P,"decision":D}`,
//! or `{"trace":T,"step":K,"error":"illegal"}` for an event the model refuses,
//! which ends the trace. Lines are compact with keys in exactly this order, so
//! they are written by hand rather than through a serializer.

use crate::cluster::Cluster;
use crate::error::CapacityError;
use crate::event::Event;
use crate::policy::Policy;
use std::fmt::Write as _;

/// `{"strictAll":null}`, `{"atLeast":t}`, `{"pct":p}`, `{"maxFailures":k}`,
/// `{"both":[P,Q]}`.
pub fn write_policy(out: &mut String, policy: &Policy) {
    // Writing into a String cannot fail.
    let _ = match policy {
        Policy::StrictAll => write!(out, "{{\"strictAll\":null}}"),
        Policy::AtLeast(t) => write!(out, "{{\"atLeast\":{t}}}"),
        Policy::Percent(p) => write!(out, "{{\"pct\":{p}}}"),
        Policy::MaxFailures(k) => write!(out, "{{\"maxFailures\":{k}}}"),
        Policy::Both(a, b) => {
            out.push_str("{\"both\":[");
            write_policy(out, a);
            out.push(',');
            write_policy(out, b);
            out.push_str("]}");
            Ok(())
        }
    };
}

/// `"fan_out"`, `{"report":[HOST,"ready"|"failed"]}`, `"proceed"`, `"fail"`.
pub fn write_event(out: &mut String, event: &Event) {
    let _ = match event {
        Event::FanOut => write!(out, "\"fan_out\""),
        Event::Report { host, outcome } => {
            write!(out, "{{\"report\":[{host},\"{}\"]}}", outcome.name())
        }
        Event::Proceed => write!(out, "\"proceed\""),
        Event::Fail => write!(out, "\"fail\""),
    };
}

/// One line of `input.jsonl` (without the newline).
#[must_use]
pub fn input_line(trace: u64, hosts: u64, policy: &Policy, events: &[Event]) -> String {
    let mut out = format!("{{\"trace\":{trace},\"n\":{hosts},\"policy\":");
    write_policy(&mut out, policy);
    out.push_str(",\"events\":[");
    for (i, event) in events.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_event(&mut out, event);
    }
    out.push_str("]}");
    out
}

/// The engine's view of one state.
#[must_use]
pub fn state_line(trace: u64, step: u64, cluster: &Cluster, policy: &Policy) -> String {
    let e = cluster.evidence();
    format!(
        "{{\"trace\":{trace},\"step\":{step},\"phase\":\"{}\",\"ready\":{},\"failed\":{},\"provisioning\":{},\"decision\":\"{}\"}}",
        cluster.phase().name(),
        e.ready,
        e.failed,
        e.provisioning,
        cluster.decision(policy).name()
    )
}

/// The line for an event the model refuses.
#[must_use]
pub fn illegal_line(trace: u64, step: u64) -> String {
    format!("{{\"trace\":{trace},\"step\":{step},\"error\":\"illegal\"}}")
}

/// Replays `events` on a fresh cluster of `hosts` hosts and returns the
/// engine's lines (step 0, then one per event, stopping at the first illegal
/// event).
pub fn replay(
    trace: u64,
    hosts: u64,
    policy: &Policy,
    events: &[Event],
) -> Result<Vec<String>, CapacityError> {
    let mut cluster = Cluster::new(hosts)?;
    let mut lines = vec![state_line(trace, 0, &cluster, policy)];
    for (i, event) in events.iter().enumerate() {
        let step = i as u64 + 1;
        if cluster.step(policy, *event).is_err() {
            lines.push(illegal_line(trace, step));
            break;
        }
        lines.push(state_line(trace, step, &cluster, policy));
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Outcome;

    #[test]
    fn lines_are_compact_with_keys_in_order() {
        let p = Policy::both(Policy::Percent(50), Policy::MaxFailures(1));
        let events = [
            Event::FanOut,
            Event::Report {
                host: 1,
                outcome: Outcome::Ready,
            },
            Event::Report {
                host: 1,
                outcome: Outcome::Failed,
            },
        ];
        assert_eq!(
            input_line(3, 2, &p, &events),
            r#"{"trace":3,"n":2,"policy":{"both":[{"pct":50},{"maxFailures":1}]},"events":["fan_out",{"report":[1,"ready"]},{"report":[1,"failed"]}]}"#
        );
        assert_eq!(
            replay(3, 2, &p, &events).unwrap(),
            [
                r#"{"trace":3,"step":0,"phase":"imaging","ready":0,"failed":0,"provisioning":2,"decision":"wait"}"#,
                r#"{"trace":3,"step":1,"phase":"barrier","ready":0,"failed":0,"provisioning":2,"decision":"wait"}"#,
                r#"{"trace":3,"step":2,"phase":"barrier","ready":1,"failed":0,"provisioning":1,"decision":"converge"}"#,
                r#"{"trace":3,"step":3,"error":"illegal"}"#,
            ]
        );
    }
}
