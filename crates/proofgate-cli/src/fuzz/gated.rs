//! Every Converge of the suite goes through a proof gate: the run's policy
//! as registered policy invariants (`proofgate_barrier::proof_gate`), proved by the kernel on the evidence of
//! that moment. Counts the tiers used and, with `--ledger DIR`, appends each
//! attestation to the on-disk ledger.

use super::FuzzError;
use proofgate_barrier::controller::ConvergeAuthority;
use proofgate_barrier::proof_gate::GatedAuthority;
use proofgate_barrier::suite::{SuiteConfig, SuiteError, SuiteReport, run_suite_with_authority};
use proofgate_barrier::{Evidence, Policy};
use proofgate_core::ledger::disk::{DiskLedger, DiskOptions};
use proofgate_core::{ProofEnvironment, ProofTier, Proved};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// What the gate did during a suite.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GateSummary {
    /// Converges accepted by each tier, first time seen: reflex, standard, deep.
    pub tiers: [u64; 3],
    /// Converges answered by the proof cache.
    pub cached: u64,
    /// Attestations appended to the ledger.
    pub ledger_appended: u64,
    /// The ledger directory, if any.
    pub ledger: Option<PathBuf>,
    /// Entries in the ledger after the suite (all durable).
    pub ledger_len: u64,
}

impl GateSummary {
    /// Converges the gate authorised.
    pub fn gated(&self) -> u64 {
        self.tiers.iter().sum::<u64>() + self.cached
    }
}

/// Refuses every Converge (the gate could not be set up on this thread).
struct Refuse(String);

impl ConvergeAuthority for Refuse {
    fn authorise(&mut self, _: &Policy, _: &Evidence) -> Result<(), String> {
        Err(self.0.clone())
    }
}

/// Runs the suite with the gated authority.
pub fn run(
    config: &SuiteConfig,
    on_run: &(dyn Fn() + Sync),
    ledger_dir: Option<&Path>,
) -> Result<(SuiteReport, GateSummary), FuzzError> {
    let ledger = match ledger_dir {
        Some(dir) => Some(Mutex::new(
            DiskLedger::open(dir, DiskOptions::default())
                .map_err(|e| FuzzError::Usage(format!("--ledger {}: {e}", dir.display())))?,
        )),
        None => None,
    };
    let tiers = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];
    let cached = AtomicU64::new(0);
    let appended = AtomicU64::new(0);
    let record = |proved: &Proved| -> Result<(), String> {
        if proved.cached {
            cached.fetch_add(1, Ordering::Relaxed);
        } else {
            tiers[proved.tier.index()].fetch_add(1, Ordering::Relaxed);
        }
        if let Some(ledger) = &ledger {
            let mut ledger = ledger
                .lock()
                .map_err(|_| "the ledger lock is poisoned".to_owned())?;
            ledger
                .append(proved.attestation)
                .map_err(|e| format!("ledger append failed: {e}"))?;
            appended.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    };
    let factory = || -> Box<dyn ConvergeAuthority + '_> {
        match ProofEnvironment::new() {
            Ok(env) => Box::new(GatedAuthority::new(env).with_sink(record)),
            Err(e) => Box::new(Refuse(format!(
                "the proof environment failed to build: {e}"
            ))),
        }
    };
    let report = run_suite_with_authority(config, on_run, &factory)
        .map_err(|e: SuiteError| FuzzError::Usage(e.to_string()))?;
    let mut summary = GateSummary {
        tiers: [0, 1, 2].map(|i| tiers[i].load(Ordering::Relaxed)),
        cached: cached.load(Ordering::Relaxed),
        ledger_appended: appended.load(Ordering::Relaxed),
        ledger: ledger_dir.map(Path::to_path_buf),
        ledger_len: 0,
    };
    if let Some(ledger) = ledger {
        let mut ledger = ledger
            .into_inner()
            .map_err(|_| FuzzError::Usage("the ledger lock is poisoned".to_owned()))?;
        summary.ledger_len = ledger.sync().map_err(|e| FuzzError::Io {
            what: "syncing the ledger".to_owned(),
            source: std::io::Error::other(e.to_string()),
        })?;
    }
    Ok((report, summary))
}

/// The line the table prints about the gate.
pub fn describe(summary: &GateSummary) -> String {
    let [r, s, d] = summary.tiers;
    let mut line = format!(
        "gated converges: {} (kernel-checked: {} reflex, {} standard, {} deep; {} from the proof cache)",
        summary.gated(),
        r,
        s,
        d,
        summary.cached
    );
    if let Some(dir) = &summary.ledger {
        line.push_str(&format!(
            "\nledger {}: {} attestations appended, {} entries durable",
            dir.display(),
            summary.ledger_appended,
            summary.ledger_len
        ));
    }
    line
}

/// The tier names in counter order.
pub fn tier_names() -> [&'static str; 3] {
    ProofTier::ALL.map(ProofTier::name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proofgate_barrier::scenario;

    fn config(hosts: u64, runs: u64) -> SuiteConfig {
        SuiteConfig {
            hosts,
            runs,
            seed: 0,
            controllers: vec![proofgate_barrier::Controller::Eager],
            scenarios: scenario::research(),
            only_run: None,
            threads: 2,
            record_events: false,
        }
    }

    #[test]
    fn every_converge_is_gated_and_recorded_in_the_ledger() {
        let dir = std::env::temp_dir().join(format!("proofgate-gated-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (report, summary) = run(&config(50, 24), &|| {}, Some(&dir)).expect("runs");
        assert_eq!(report.violations(), 0);
        let converged = report
            .results
            .iter()
            .filter(|r| r.outcome == Some(proofgate_barrier::controller::RunOutcome::Converged))
            .count() as u64;
        assert!(converged > 0);
        assert_eq!(summary.gated(), converged, "{summary:?}");
        assert!(
            summary.tiers[ProofTier::Standard.index()] > 0,
            "{summary:?}"
        );
        assert_eq!(summary.ledger_appended, converged);
        assert_eq!(summary.ledger_len, converged);
        let verified = proofgate_core::ledger::disk::verify_dir(&dir).expect("the ledger verifies");
        let _ = verified;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
