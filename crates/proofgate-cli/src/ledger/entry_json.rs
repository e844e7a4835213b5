//! An entry's fields as JSON and as a line of text, shared by `inspect`,
//! `prove` and `verify-proof` so that each shows an entry the same way.

use proofgate_core::ProofAttestation;
use proofgate_core::ledger::hash::to_hex;
use proofgate_core::ledger::{Approval, LedgerEntry, Seal};
use serde_json::{Value, json};

pub fn attestation_json(a: &ProofAttestation) -> Value {
    json!({
        "proof_term_hash": to_hex(&a.proof_term_hash),
        "environment_hash": to_hex(&a.environment_hash),
        "verification_timestamp_ns": a.verification_timestamp_ns,
        "verifier_version": a.verifier_version,
        "reduction_steps": a.reduction_steps,
        "cache_hit_rate_bps": a.cache_hit_rate_bps.get(),
    })
}

fn seal_json(s: &Seal) -> Value {
    json!({
        "root": to_hex(&s.root),
        "head": to_hex(&s.head),
        "latest_timestamp_ns": s.latest_timestamp_ns,
        "seal_version": s.seal_version,
        "reduction_steps": s.reduction_steps,
        "mean_cache_hit_rate_bps": s.mean_cache_hit_rate.get(),
    })
}

fn approval_json(a: &Approval) -> Value {
    json!({
        "subject": a.subject.as_ref().map(to_hex),
        "approved_at_ns": a.approved_at_ns,
        "attestation": attestation_json(&a.attestation),
    })
}

/// What an approval adds to a listing line: its subject and approval time.
pub fn approval_text(entry: &LedgerEntry) -> Option<String> {
    let LedgerEntry::Approval(a) = entry else {
        return None;
    };
    let subject = a
        .subject
        .as_ref()
        .map_or_else(|| "none".to_string(), |s| to_hex(s)[..16].to_string());
    Some(format!(
        "subject {subject}  approved_at_ns {}",
        a.approved_at_ns
    ))
}

/// Every field of an entry, hashes in hex.
pub fn details(entry: &LedgerEntry) -> Value {
    match entry {
        LedgerEntry::Attestation(a) => json!({ "attestation": attestation_json(a) }),
        LedgerEntry::Approval(a) => approval_json(a),
        LedgerEntry::Supersession(s) => json!({
            "superseded_position": s.superseded_position,
            "soundness_proof_id": s.soundness_proof_id,
            "replacement": attestation_json(&s.replacement),
        }),
        LedgerEntry::CompactionSeal(s) => json!({
            "first": s.first,
            "end": s.end,
            "seal": seal_json(&s.seal),
        }),
        LedgerEntry::EpochBoundary(b) => json!({
            "from_epoch": b.from_epoch,
            "to_epoch": b.to_epoch,
            "seal": seal_json(&b.seal),
            "new_config": {
                "environment_hash": to_hex(&b.new_config.environment_hash),
                "verifier_version": b.new_config.verifier_version,
                "standard_fuel": b.new_config.standard_fuel,
                "deep_fuel": b.new_config.deep_fuel,
            },
        }),
        LedgerEntry::ScopeTransition(t) => json!({
            "from_partition": t.from_partition,
            "to_partition": t.to_partition,
            "min_cut_value": t.min_cut_value,
            "seal": seal_json(&t.seal),
        }),
    }
}
