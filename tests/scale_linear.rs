//! Turning an alignment into redlines stays linear in the number of units
//! (issue 12, item 8): `diff::compare` once looked up the links of each
//! newer unit by scanning every link, which made a memo of two 30,000-unit
//! sides spend most of its 32 s there. As in `parse_linear.rs`, four times
//! the units must not take more than eight times as long (linear: about
//! 4x; the quadratic scan: 16x and more). Only `compare` is timed; the
//! generated corpora and their alignments are made outside the clock.

use std::time::{Duration, Instant};

use accord::align::AlignOptions;

/// Best of three runs of `compare` on a generated pair of `n` older units.
fn compare_time(n: usize) -> Duration {
    let pair = accord::synth::generate(n, 7);
    let lib = pair.library();
    let al = lib.align("old", "new", &AlignOptions::default()).unwrap();
    let (old, new) = (
        lib.side_units("old").unwrap(),
        lib.side_units("new").unwrap(),
    );
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(accord::diff::compare(&al, &old, &new));
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn compare_grows_linearly_with_the_units() {
    let small = compare_time(2_500);
    let large = compare_time(10_000);
    let allowed = small * 8 + Duration::from_millis(50);
    assert!(
        large <= allowed,
        "2,500 units in {small:?}, 10,000 in {large:?} (more than 8x)"
    );
}
