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

use super::engine::Seg;
use super::tokens::{class, Class};

/// Character counts of a token sequence, as prefix sums.
pub(crate) struct Lengths {
    /// `chars[i]`: characters in tokens `0..i`.
    chars: Vec<usize>,
    /// `breaks[i]`: tokens with a line break in `0..i`.
    breaks: Vec<usize>,
    /// `content[i]`: content words in `0..i`.
    content: Vec<usize>,
}

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

/// A word that is not a function word.
fn is_content(t: &str) -> bool {
    class(t) == Class::Word && !STOPWORDS.contains(&t.to_lowercase().as_str())
}

impl Lengths {
    /// Prefix sums over `tokens`.
    pub fn new(tokens: &[&str]) -> Lengths {
        let mut chars = Vec::with_capacity(tokens.len() + 1);
        let mut breaks = Vec::with_capacity(tokens.len() + 1);
        let mut content = Vec::with_capacity(tokens.len() + 1);
        let (mut c, mut b, mut w) = (0, 0, 0);
        chars.push(0);
        breaks.push(0);
        content.push(0);
        for t in tokens {
            c += t.chars().count();
            b += usize::from(t.contains('\n'));
            w += usize::from(is_content(t));
            chars.push(c);
            breaks.push(b);
            content.push(w);
        }
        Lengths {
            chars,
            breaks,
            content,
        }
    }

    /// Characters in tokens `start..end`.
    pub fn chars(&self, start: usize, end: usize) -> usize {
        self.chars[end] - self.chars[start]
    }

    fn has_break(&self, start: usize, end: usize) -> bool {
        self.breaks[end] > self.breaks[start]
    }

    fn has_content(&self, start: usize, end: usize) -> bool {
        self.content[end] > self.content[start]
    }
}

/// Applies the rule to segments as produced by the engine (alternating
/// equal and change segments, no two neighbours of the same kind).
pub(crate) fn semantic(segs: Vec<Seg>, old: &Lengths, new: &Lengths) -> Vec<Seg> {
    // The larger side of a change, in characters.
    let size = |seg: &Seg| match seg {
        Seg::Change { old: o, new: n } => old.chars(o.start, o.end).max(new.chars(n.start, n.end)),
        Seg::Equal { .. } => 0,
    };
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for seg in segs {
        out.push(seg);
        // Collapse `change, equal, change` at the end while the rule holds.
        while let [.., before @ Seg::Change { .. }, Seg::Equal { old: eo, len, .. }, after @ Seg::Change { .. }] =
            out.as_slice()
        {
            let eq_chars = old.chars(*eo, eo + len);
            if old.has_break(*eo, eo + len)
                || (old.has_content(*eo, eo + len)
                    && eq_chars * ANCHOR_SHARE >= size(before).min(size(after)))
                || eq_chars > size(before)
                || eq_chars > size(after)
            {
                break;
            }
            let (Seg::Change { old: o1, new: n1 }, Seg::Change { old: o2, new: n2 }) =
                (before, after)
            else {
                unreachable!("matched as changes above");
            };
            let merged = Seg::Change {
                old: o1.start..o2.end,
                new: n1.start..n2.end,
            };
            out.truncate(out.len() - 3);
            out.push(merged);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(words: &[&str]) -> Lengths {
        Lengths::new(words)
    }

    #[test]
    fn a_short_equality_between_two_changes_is_absorbed() {
        // old: A _ x   new: B _ y   (one-character equality, one-character changes)
        let old = lengths(&["A", " ", "x"]);
        let new = lengths(&["B", " ", "y"]);
        let segs = vec![
            Seg::Change {
                old: 0..1,
                new: 0..1,
            },
            Seg::Equal {
                old: 1,
                new: 1,
                len: 1,
            },
            Seg::Change {
                old: 2..3,
                new: 2..3,
            },
        ];
        assert_eq!(
            semantic(segs, &old, &new),
            [Seg::Change {
                old: 0..3,
                new: 0..3
            }]
        );
    }

    #[test]
    fn an_equality_longer_than_a_neighbouring_change_stays() {
        let old = lengths(&["A", " the Commission ", "x"]);
        let new = lengths(&["B", " the Commission ", "y"]);
        let segs = vec![
            Seg::Change {
                old: 0..1,
                new: 0..1,
            },
            Seg::Equal {
                old: 1,
                new: 1,
                len: 1,
            },
            Seg::Change {
                old: 2..3,
                new: 2..3,
            },
        ];
        assert_eq!(semantic(segs.clone(), &old, &new), segs);
    }

    #[test]
    fn an_equality_with_a_line_break_stays() {
        let old = lengths(&["Alpha", "\n", "Beta"]);
        let new = lengths(&["Gamma", "\n", "Delta"]);
        let segs = vec![
            Seg::Change {
                old: 0..1,
                new: 0..1,
            },
            Seg::Equal {
                old: 1,
                new: 1,
                len: 1,
            },
            Seg::Change {
                old: 2..3,
                new: 2..3,
            },
        ];
        assert_eq!(semantic(segs.clone(), &old, &new), segs);
    }

    #[test]
    fn a_content_word_stays_next_to_a_short_change_and_goes_inside_long_ones() {
        // change, " WORD " as three tokens, change.
        let segs = vec![
            Seg::Change {
                old: 0..1,
                new: 0..1,
            },
            Seg::Equal {
                old: 1,
                new: 1,
                len: 3,
            },
            Seg::Change {
                old: 4..5,
                new: 4..5,
            },
        ];
        let run = |before: (&str, &str), word: &str, after: (&str, &str)| {
            let old = lengths(&[before.0, " ", word, " ", after.0]);
            let new = lengths(&[before.1, " ", word, " ", after.1]);
            semantic(segs.clone(), &old, &new)
        };
        let (x200, y200, x100, y100) = (
            "x".repeat(200),
            "y".repeat(200),
            "x".repeat(100),
            "y".repeat(100),
        );
        let merged = [Seg::Change {
            old: 0..5,
            new: 0..5,
        }];
        // " UNODC " (7) after a 16-character change: kept.
        assert_eq!(
            run(("Support", "Collaborate with"), "UNODC", (&x200, &y100)),
            segs
        );
        // " fostering " (11) between 200- and 100-character changes: absorbed.
        assert_eq!(run((&x200, &y200), "fostering", (&x100, &y100)), merged);
        // " of " next to a short change: absorbed, it is a function word.
        assert_eq!(
            run(("Support", "Collaborate with"), "of", (&x200, &y100)),
            merged
        );
    }

    #[test]
    fn equalities_at_the_ends_are_never_absorbed() {
        let old = lengths(&["a", "X"]);
        let new = lengths(&["a", "Y"]);
        let segs = vec![
            Seg::Equal {
                old: 0,
                new: 0,
                len: 1,
            },
            Seg::Change {
                old: 1..2,
                new: 1..2,
            },
        ];
        assert_eq!(semantic(segs.clone(), &old, &new), segs);
    }

    #[test]
    fn a_merged_change_is_tested_again_against_the_equality_before_it() {
        // "of" is longer than the one-character change after it, so it
        // stays until the space goes and that change grows.
        let old = lengths(&["aa", "of", "b", " ", "cccccc"]);
        let new = lengths(&["AA", "of", "B", " ", "CCCCCC"]);
        let segs = vec![
            Seg::Change {
                old: 0..1,
                new: 0..1,
            },
            Seg::Equal {
                old: 1,
                new: 1,
                len: 1,
            },
            Seg::Change {
                old: 2..3,
                new: 2..3,
            },
            Seg::Equal {
                old: 3,
                new: 3,
                len: 1,
            },
            Seg::Change {
                old: 4..5,
                new: 4..5,
            },
        ];
        assert_eq!(
            semantic(segs, &old, &new),
            [Seg::Change {
                old: 0..5,
                new: 0..5
            }]
        );
    }
}
