//! Parsing time stays linear in the input (issue 12, item 2): on generated
//! adversarial documents (a run of markup openers on one line, thousands of
//! repeated numbers, items or headings), four times the input never takes
//! more than eight times as long. A linear pass takes about 4x, a quadratic
//! one 16x; 8x (2.8x per doubling) leaves room for timer and cache noise
//! without letting a quadratic pass through. Each size is timed as the best
//! of five runs for the smaller input.
//!
//! The faults this guards against, each a regression case below: unclosed
//! `<sup>` tags on one line (8,000 took 38 s), unclosed Markdown links, and
//! a repeated paragraph number opening thousands of parts (each new part's
//! label was compared with all before it).

use std::time::{Duration, Instant};

use accord::corpus::{Document, Origin};
use proptest::prelude::*;

/// Fragments that open something the parser looks ahead for, or that
/// start a structure (numbers, items, headings, parts).
const FRAGMENTS: &[&str] = &[
    "<sup>a ",
    "<sup>",
    "</sup>",
    "[a](b",
    "[a b ",
    "](",
    "<i ",
    "<span ",
    "**",
    "*",
    "\\",
    "¹",
    "(a) ",
    "(iv) ",
    "1. ",
    "13(e) ",
    "2 bis ",
    "\t",
    "| a ",
    "[^1] ",
    "\u{1b}[",
    "a- ",
    "é",
    "第一条",
    "Recalling ",
    ": ",
    "\n1. x\n",
    "\n(a) y;\n",
    "\n# Annex\n",
    "\n\n",
    "\nRecalling also its resolution,\n",
    "\n[^1]: note\n",
    "\n---\n",
];

/// One parse of `doc`.
fn parse_time(doc: &Document) -> Duration {
    let t = Instant::now();
    std::hint::black_box(accord::parse::parse(doc));
    t.elapsed()
}

fn doc(text: &str) -> Document {
    Document::from_text("p", "p.md", text, Origin::Stdin).unwrap()
}

/// `unit` repeated to about `bytes` bytes, after a paragraph number so
/// that the text is a document.
fn document(unit: &str, bytes: usize) -> String {
    let n = bytes / unit.len().max(1) + 1;
    format!("1. {}\n", unit.repeat(n))
}

/// Fails when four times the input takes more than eight times as long.
fn assert_linear(unit: &str) {
    // 12.5 KB and 50 KB: large enough that a quadratic pass shows (8,000
    // unclosed tags were 38 s), small enough to run in milliseconds.
    let (small, large) = (doc(&document(unit, 12_500)), doc(&document(unit, 50_000)));
    let small = (0..5).map(|_| parse_time(&small)).min().unwrap();
    let allowed = small * 8 + Duration::from_millis(20);
    // Noise only ever adds time: the larger input gets up to five tries,
    // stopping at the first within bounds, or at once when well beyond
    // them (12x: a quadratic pass takes 16x, and five tries of it minutes).
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let t = parse_time(&large);
        best = best.min(t);
        if best <= allowed || t > allowed + allowed / 2 {
            break;
        }
    }
    assert!(
        best <= allowed,
        "{unit:?}: 12.5 KB in {small:?}, 50 KB in {best:?} (more than 8x)"
    );
}

#[test]
fn a_line_of_unclosed_sup_tags() {
    assert_linear("<sup>a ");
}

#[test]
fn a_line_of_unclosed_links() {
    assert_linear("[a](b");
}

#[test]
fn a_repeated_paragraph_number_on_many_lines() {
    assert_linear("\n1. x\n");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        // Each failing case takes seconds: shrink a little, not for hours.
        max_shrink_iters: 8,
        ..ProptestConfig::default()
    })]

    #[test]
    fn parsing_time_grows_linearly(
        picks in prop::collection::vec(0..FRAGMENTS.len(), 1..4)
    ) {
        let unit: String = picks.iter().map(|&i| FRAGMENTS[i]).collect();
        assert_linear(&unit);
    }
}
