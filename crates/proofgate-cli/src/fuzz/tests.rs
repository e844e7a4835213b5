//! Tests of `proofgate fuzz`: arguments, the table, the JSON summary, and the
//! emitted traces replayed through a small reference interpreter written here
//! (the stand-in for the Lean oracle where `lake` is absent).

use super::args::{ControllerChoice, FuzzArgs, SuiteChoice};
use super::{FuzzError, Outcome, execute, report, status};
use clap::Parser;
use serde_json::Value;
use std::path::PathBuf;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: FuzzArgs,
}

fn parse(argv: &[&str]) -> Result<FuzzArgs, clap::Error> {
    Cli::try_parse_from(std::iter::once("fuzz").chain(argv.iter().copied())).map(|c| c.args)
}

fn run_text(args: &FuzzArgs) -> Result<(String, u64), FuzzError> {
    let mut out = Vec::new();
    let outcome = execute(args, &mut out, false)?;
    Ok((
        String::from_utf8(out).expect("utf-8 output"),
        outcome.report.violations(),
    ))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("proofgate-fuzz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn bad_arguments_are_usage_errors_with_exit_code_2() {
    for argv in [
        &["--hosts", "0"][..],
        &["--runs", "0"],
        &["--controller", "lazy"],
        &["--hosts", "x"],
    ] {
        let err = parse(argv)
            .err()
            .unwrap_or_else(|| panic!("{argv:?} accepted"));
        assert_eq!(err.exit_code(), 2, "{argv:?}");
    }
    for argv in [
        &["--scenario", "threshold(150%)/all-ready"][..],
        &["--scenario", "strict-all/101%-fail"],
        &["--scenario", "nonsense"],
        &["--scenario", "strict-all/20-fail", "--hosts", "10"],
        &["--runs", "5", "--run", "5"],
        &[
            "--hosts",
            "65",
            "--emit-trace",
            "/nonexistent/never-created",
        ],
    ] {
        let args = parse(argv).expect("parses");
        let err = run_text(&args)
            .err()
            .unwrap_or_else(|| panic!("{argv:?} accepted"));
        assert!(matches!(err, FuzzError::Usage(_)), "{argv:?}: {err}");
    }
}

#[test]
fn research_table_matches_the_expected_outcomes() {
    let args = parse(&["--hosts", "1000", "--runs", "240"]).expect("parses");
    let (text, violations) = run_text(&args).expect("runs");
    assert_eq!(violations, 0, "{text}");
    assert!(text.contains("\nviolations: 0\n"), "{text}");
    let row = |name: &str, controller: &str| -> (u64, u64) {
        let line = text
            .lines()
            .find(|l| {
                l.starts_with(&format!("{name} "))
                    && l.split_whitespace().nth(1) == Some(controller)
            })
            .unwrap_or_else(|| panic!("no row {name} {controller}:\n{text}"));
        let cols: Vec<u64> = line
            .split_whitespace()
            .skip(2)
            .map(|c| c.parse().expect("number"))
            .collect();
        assert_eq!(cols[0], 20, "{line}");
        (cols[1], cols[2])
    };
    for controller in ["eager", "settled"] {
        assert_eq!(row("strict-all/all-ready", controller), (20, 0));
        assert_eq!(row("threshold(90%)/20%-fail", controller), (0, 20));
        assert_eq!(row("combined(50%,10%)/20%-fail", controller), (0, 20));
        assert_eq!(row("threshold(0)/all-fail", controller), (20, 0));
    }
}

#[test]
fn json_summary_is_one_object() {
    let args = parse(&[
        "--hosts", "50", "--runs", "24", "--json", "--suite", "extended",
    ])
    .expect("parses");
    assert_eq!(args.suite, SuiteChoice::Extended);
    let (text, _) = run_text(&args).expect("runs");
    assert_eq!(text.lines().count(), 1);
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["hosts"], 50);
    assert_eq!(v["violation_count"], 0);
    let rows = v["scenarios"].as_array().expect("scenario rows");
    let runs: u64 = rows.iter().map(|r| r["runs"].as_u64().expect("runs")).sum();
    assert_eq!(runs, 48, "24 runs under two controllers");
}

#[test]
fn replay_command_names_the_run_and_its_scenario_list() {
    let mut args = parse(&["--hosts", "10", "--scenario", "strict-all/all-fail"]).expect("parses");
    args.controller = ControllerChoice::Eager;
    assert_eq!(
        args.replay_command(7, proofgate_barrier::Controller::Settled),
        "proofgate fuzz --hosts 10 --runs 240 --seed 0 --controller settled --scenario 'strict-all/all-fail' --run 7"
    );
}

#[test]
fn a_violation_is_listed_with_its_replay_command_and_exits_1() {
    use proofgate_barrier::checker::{Violation, ViolationKind};
    let args = parse(&["--hosts", "30", "--runs", "24"]).expect("parses");
    let config = args.suite_config().expect("valid");
    let mut outcome = execute(&args, &mut Vec::new(), false).expect("runs");
    assert_eq!(
        status(&Ok(Outcome {
            report: outcome.report.clone()
        })),
        0
    );
    // Plant a violation as if the checker had found one in run 13 (eager).
    let planted = &mut outcome.report.results[26];
    assert_eq!((planted.run, planted.controller.name()), (13, "eager"));
    planted.violation_count += 1;
    planted.violations.push(Violation {
        kind: ViolationKind::UnsafeConverge,
        step: 9,
        detail: "converged with ready=3 failed=0, policy false".to_owned(),
    });
    let mut out = Vec::new();
    report::table(
        &mut out,
        &args,
        &config,
        &outcome.report,
        std::time::Duration::from_millis(1),
    )
    .expect("writes");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("\nviolations: 1\n"), "{text}");
    assert!(
        text.contains("run 13 (strict-all/all-fail, eager) step 9: safety: converged with ready=3"),
        "{text}"
    );
    assert!(
        text.contains(
            "replay: proofgate fuzz --hosts 30 --runs 24 --seed 0 --controller eager --run 13"
        ),
        "{text}"
    );
    assert_eq!(status(&Ok(outcome)), 1);
    assert_eq!(status(&Err(FuzzError::Usage("bad".to_owned()))), 2);
}

#[test]
fn emitted_traces_follow_the_format_and_match_a_reference_interpreter() {
    let dir = temp_dir("trace");
    let dir_arg = dir.to_str().expect("utf-8 temp dir");
    let args = parse(&[
        "--hosts",
        "12",
        "--runs",
        "40",
        "--seed",
        "3",
        "--suite",
        "extended",
        "--emit-trace",
        dir_arg,
    ])
    .expect("parses");
    let (_, violations) = run_text(&args).expect("runs");
    assert_eq!(violations, 0);
    let input = std::fs::read_to_string(dir.join("input.jsonl")).expect("input.jsonl");
    let rust = std::fs::read_to_string(dir.join("rust.jsonl")).expect("rust.jsonl");
    let _ = std::fs::remove_dir_all(&dir);
    // 40 runs x 2 controllers, then 40 chaos traces.
    assert_eq!(input.lines().count(), 120);
    let expected = reference::replay_all(&input);
    let got: Vec<&str> = rust.lines().collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g, e);
        let _: Value = serde_json::from_str(g).expect("rust.jsonl line is JSON");
    }
    assert!(
        got.iter().any(|l| l.contains("\"error\":\"illegal\"")),
        "chaos traces exercise refusals"
    );
    assert!(got.iter().any(|l| l.contains("\"phase\":\"converge\"")));
    assert!(got.iter().any(|l| l.contains("\"phase\":\"failed\"")));
}

/// An independent interpreter of `input.jsonl`: its own JSON reading, its own
/// host array, counts by scanning, its own policy evaluation and rendering.
mod reference {
    use serde_json::Value;

    pub fn replay_all(input: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in input.lines() {
            let v: Value = serde_json::from_str(line).expect("input line is JSON");
            assert_eq!(
                render_input(&v),
                line,
                "input line is compact with keys in order"
            );
            replay(&v, &mut out);
        }
        out
    }

    fn render_policy(p: &Value) -> String {
        let (key, arg) = p
            .as_object()
            .and_then(|o| o.iter().next())
            .expect("policy object");
        match key.as_str() {
            "both" => {
                let pair = arg.as_array().expect("both pair");
                format!(
                    "{{\"both\":[{},{}]}}",
                    render_policy(&pair[0]),
                    render_policy(&pair[1])
                )
            }
            _ => format!("{{\"{key}\":{arg}}}"),
        }
    }

    fn render_input(v: &Value) -> String {
        let events: Vec<String> = v["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e.to_string())
            .collect();
        format!(
            "{{\"trace\":{},\"n\":{},\"policy\":{},\"events\":[{}]}}",
            v["trace"],
            v["n"],
            render_policy(&v["policy"]),
            events.join(",")
        )
    }

    fn holds(p: &Value, n: u64, ready: u64, failed: u64) -> bool {
        let (key, arg) = p
            .as_object()
            .and_then(|o| o.iter().next())
            .expect("policy object");
        let num = || arg.as_u64().expect("policy number");
        match key.as_str() {
            "strictAll" => ready == n,
            "atLeast" => ready >= num(),
            "pct" => 100 * u128::from(ready) >= u128::from(num()) * u128::from(n),
            "maxFailures" => failed <= num(),
            "both" => {
                let pair = arg.as_array().expect("both pair");
                holds(&pair[0], n, ready, failed) && holds(&pair[1], n, ready, failed)
            }
            other => panic!("unknown policy {other}"),
        }
    }

    fn replay(v: &Value, out: &mut Vec<String>) {
        let t = v["trace"].as_u64().expect("trace");
        let n = v["n"].as_u64().expect("n");
        let policy = &v["policy"];
        let mut hosts = vec!["provisioning"; n as usize];
        let mut phase = "imaging";
        let render = |k: usize, phase: &str, hosts: &[&str]| {
            let count = |s: &str| hosts.iter().filter(|h| **h == s).count() as u64;
            let (r, f, p) = (count("ready"), count("failed"), count("provisioning"));
            let decision = if holds(policy, n, r, f) {
                "converge"
            } else if p == 0 {
                "fail"
            } else {
                "wait"
            };
            format!(
                "{{\"trace\":{t},\"step\":{k},\"phase\":\"{phase}\",\"ready\":{r},\"failed\":{f},\"provisioning\":{p},\"decision\":\"{decision}\"}}"
            )
        };
        out.push(render(0, phase, &hosts));
        for (i, event) in v["events"].as_array().expect("events").iter().enumerate() {
            let k = i + 1;
            let count = |s: &str| hosts.iter().filter(|h| **h == s).count() as u64;
            let holds_now = holds(policy, n, count("ready"), count("failed"));
            let legal = match (phase, event.as_str(), event.get("report")) {
                ("imaging", Some("fan_out"), _) => {
                    phase = "barrier";
                    true
                }
                ("barrier", Some("proceed"), _) if holds_now => {
                    phase = "converge";
                    true
                }
                ("barrier", Some("fail"), _) if !holds_now && count("provisioning") == 0 => {
                    phase = "failed";
                    true
                }
                ("barrier", None, Some(report)) => {
                    let host = report[0].as_u64().expect("host") as usize;
                    let state = report[1].as_str().expect("outcome");
                    assert!(state == "ready" || state == "failed", "outcome {state}");
                    if hosts.get(host) == Some(&"provisioning") {
                        hosts[host] = if state == "ready" { "ready" } else { "failed" };
                        true
                    } else {
                        false
                    }
                }
                _ => false,
            };
            if !legal {
                out.push(format!(
                    "{{\"trace\":{t},\"step\":{k},\"error\":\"illegal\"}}"
                ));
                return;
            }
            out.push(render(k, phase, &hosts));
        }
    }
}
