//! Compile-fail tests: the gated value cannot be reached without a proof.

#[test]
fn the_value_is_unreachable_without_a_proof() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
