//! The semantic clean-up: absorb small equalities between two changes.
//!
//! The rule is diff-match-patch's `cleanupSemantic`: an equality that lies
//! between two changes and is no longer (in characters) than the larger
//! side of the change before it and than the larger side of the change
//! after it becomes part of one change (deleted from the old text and
//! inserted in the new). The merged change is tested again against the
//! equality before it, so a chain of small equalities collapses fully.
//!
//! Two exceptions, both found on the seeds. An equality that holds a line
//! break is never absorbed, so paragraphs stay apart in a redline of a
//! whole document. An equality with a content word (not a function word
//! such as `the`, `of`, `and`) is kept when it is at least a quarter as
//! long as the smaller of its two neighbouring changes: in `[Support]
//! {Collaborate with} UNODC [in continuing its role...]` the shared
//! `UNODC` is context the reader needs, while a lone `fostering` between
//! two rewritten sentences is a coincidence and goes.

use super::engine::{Interned, Seg};

/// An equality with a content word is kept when it is at least
/// 1/`ANCHOR_SHARE` as long as the smaller neighbouring change.
const ANCHOR_SHARE: usize = 4;

/// Function words: an equality made only of these, punctuation and
/// whitespace is never context worth keeping inside a rewrite.
const STOPWORDS: &[&str] = &[
    "a",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "has",
    "have",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "other",
    "such",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "through",
    "to",
    "was",
    "well",
    "were",
    "which",
    "with",
];

/// Whether the word `t` is not a function word.
pub(crate) fn is_content(t: &str) -> bool {
    !STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(t))
}

/// A segment with the measures the rule needs.
struct Measured {
    seg: Seg,
    /// Characters of the old side (of the equal text, for an equality).
    old_chars: usize,
    /// Characters of the new side.
    new_chars: usize,
    /// An equality that holds a line break.
    line_break: bool,
    /// An equality that holds a content word.
    content: bool,
}

impl Measured {
    fn new(seg: Seg, t: &Interned) -> Measured {
        let sum = |ids: &[u32]| ids.iter().map(|&id| t.fact(id).chars as usize).sum();
        match seg {
            Seg::Equal { old, len, .. } => {
                let ids = &t.old[old..old + len];
                let chars = sum(ids);
                Measured {
                    seg,
                    old_chars: chars,
                    new_chars: chars,
                    line_break: ids.iter().any(|&id| t.fact(id).line_break),
                    content: ids.iter().any(|&id| t.fact(id).content),
                }
            }
            Seg::Change { ref old, ref new } => Measured {
                old_chars: sum(&t.old[old.clone()]),
                new_chars: sum(&t.new[new.clone()]),
                seg,
                line_break: false,
                content: false,
            },
        }
    }

    /// The larger side of a change, in characters.
    fn size(&self) -> usize {
        self.old_chars.max(self.new_chars)
    }
}

/// Applies the rule to segments as produced by the engine (alternating
/// equal and change segments, no two neighbours of the same kind), with
/// the token facts of `t`.
pub(crate) fn semantic(segs: Vec<Seg>, t: &Interned) -> Vec<Seg> {
    let mut out: Vec<Measured> = Vec::with_capacity(segs.len());
    for seg in segs {
        out.push(Measured::new(seg, t));
        // Collapse `change, equal, change` at the end while the rule holds.
        while let [.., before, eq, after] = out.as_slice() {
            let (
                Seg::Change { old: o1, new: n1 },
                Seg::Equal { .. },
                Seg::Change { old: o2, new: n2 },
            ) = (&before.seg, &eq.seg, &after.seg)
            else {
                break;
            };
            let chars = eq.old_chars;
            let keep = eq.line_break
                || (eq.content && chars * ANCHOR_SHARE >= before.size().min(after.size()))
                || chars > before.size()
                || chars > after.size();
            if keep {
                break;
            }
            let merged = Measured {
                seg: Seg::Change {
                    old: o1.start..o2.end,
                    new: n1.start..n2.end,
                },
                old_chars: before.old_chars + chars + after.old_chars,
                new_chars: before.new_chars + chars + after.new_chars,
                line_break: false,
                content: false,
            };
            out.truncate(out.len() - 3);
            out.push(merged);
        }
    }
    out.into_iter().map(|m| m.seg).collect()
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    /// Runs the rule on `segs` over these old and new tokens.
    fn run(segs: &[Seg], old: &[&str], new: &[&str]) -> Vec<Seg> {
        semantic(segs.to_vec(), &Interned::from_tokens(old, new))
    }

    fn ch(old: Range<usize>, new: Range<usize>) -> Seg {
        Seg::Change { old, new }
    }

    fn eq(at: usize, len: usize) -> Seg {
        Seg::Equal {
            old: at,
            new: at,
            len,
        }
    }

    /// change, one-token equality, change.
    fn three() -> Vec<Seg> {
        vec![ch(0..1, 0..1), eq(1, 1), ch(2..3, 2..3)]
    }

    #[test]
    fn a_short_equality_between_two_changes_is_absorbed() {
        let got = run(&three(), &["A", " ", "x"], &["B", " ", "y"]);
        assert_eq!(got, [ch(0..3, 0..3)]);
    }

    #[test]
    fn an_equality_longer_than_a_neighbouring_change_stays() {
        let got = run(&three(), &["A", " - ", "x"], &["B", " - ", "y"]);
        assert_eq!(got, three());
    }

    #[test]
    fn an_equality_with_a_line_break_stays() {
        let got = run(
            &three(),
            &["Alpha", "\n", "Beta"],
            &["Gamma", "\n", "Delta"],
        );
        assert_eq!(got, three());
    }

    #[test]
    fn a_content_word_stays_next_to_a_short_change_and_goes_inside_long_ones() {
        // change, " WORD " as three tokens, change.
        let segs = [ch(0..1, 0..1), eq(1, 3), ch(4..5, 4..5)];
        let go = |before: (&str, &str), word: &str, after: (&str, &str)| {
            run(
                &segs,
                &[before.0, " ", word, " ", after.0],
                &[before.1, " ", word, " ", after.1],
            )
        };
        let (x200, y200) = ("x".repeat(200), "y".repeat(200));
        let (x100, y100) = ("x".repeat(100), "y".repeat(100));
        let merged = [ch(0..5, 0..5)];
        // " UNODC " (7) after a 16-character change: kept.
        let support = ("Support", "Collaborate with");
        assert_eq!(go(support, "UNODC", (&x200, &y100)), segs);
        // " fostering " (11) between 200- and 100-character changes: absorbed.
        assert_eq!(go((&x200, &y200), "fostering", (&x100, &y100)), merged);
        // " of " next to a short change: absorbed, it is a function word.
        assert_eq!(go(support, "of", (&x200, &y100)), merged);
    }

    #[test]
    fn equalities_at_the_ends_are_never_absorbed() {
        let segs = [eq(0, 1), ch(1..2, 1..2)];
        assert_eq!(run(&segs, &["a", "X"], &["a", "Y"]), segs);
    }

    #[test]
    fn a_merged_change_is_tested_again_against_the_equality_before_it() {
        // "of" is longer than the one-character change after it, so it
        // stays until the space goes and that change grows.
        let segs = [
            ch(0..1, 0..1),
            eq(1, 1),
            ch(2..3, 2..3),
            eq(3, 1),
            ch(4..5, 4..5),
        ];
        let got = run(
            &segs,
            &["aa", "of", "b", " ", "cccccc"],
            &["AA", "of", "B", " ", "CCCCCC"],
        );
        assert_eq!(got, [ch(0..5, 0..5)]);
    }
}
