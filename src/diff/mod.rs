//! Word diffs that read like a drafter's redline, and changes in drafting
//! strength.
//!
//! This stage owns the comparison of two texts (usually two units): the
//! [`Edit`] list that [`diff_words`] returns and the [`StrengthChange`]s
//! that [`strength_changes`] finds. It knows nothing of colour or output
//! formats: renderers in `report` turn edits into a redline.
//!
//! ```
//! use accord::diff::{diff_words, new_text, old_text, Edit, Op};
//!
//! let old = "Strengthen the role of the Commission";
//! let new = "Enhance the function of the Commission in";
//! let edits = diff_words(old, new);
//! assert_eq!(
//!     edits,
//!     [
//!         Edit::new(Op::Delete, "Strengthen the role"),
//!         Edit::new(Op::Insert, "Enhance the function"),
//!         Edit::new(Op::Equal, " of the Commission"),
//!         Edit::new(Op::Insert, " in"),
//!     ]
//! );
//! assert_eq!(old_text(&edits), old);
//! assert_eq!(new_text(&edits), new);
//! ```
//!
//! # Tokens
//!
//! Texts are compared as a person reads them: words (letters and digits,
//! keeping internal hyphens, apostrophes, slashes and dots, so
//! `multi-stakeholder`, `children's`, `A/CONF.234/5` and `2030` are one
//! word each), runs of whitespace, and single punctuation marks. Tokens
//! are slices of the input, so the edits are lossless: [`old_text`] and
//! [`new_text`] give back both inputs exactly, whatever they hold.
//!
//! Tokens are compared in their matching form
//! ([`crate::parse::unicode::matching_form`]: NFC, invisible format
//! characters removed), so `Côte` typed composed and decomposed, or
//! `strength\u{200B}en` and `strengthen`, are no edit; an equal run
//! written differently on the new side carries that side's text in
//! [`Edit::as_new`]. In scripts written without spaces (Chinese,
//! Japanese, Thai, ...) each character is a word, so an insertion marks
//! the inserted characters only.
//!
//! # The clean-up rule, and why
//!
//! A minimal token diff is correct but unreadable: it keeps every `the`,
//! `of` and comma that the two versions happen to share, and a rewritten
//! phrase comes out as confetti (`[-Strengthen-]{+Enhance+} the
//! [-role-]{+function+}`). As diff-match-patch's `cleanupSemantic` does,
//! an equal stretch that lies between two changes and is no longer (in
//! characters) than the larger side of the change before it, nor than
//! that of the change after it, is absorbed: deleted with the old words
//! and inserted with the new. The merged change is tested again against
//! the equality before it, so chains collapse. An equal stretch holding a
//! line break is never absorbed, so paragraphs stay apart. Equal stretches
//! at the start or end are always kept.
//!
//! After the clean-up each change is one [`Op::Delete`] followed by one
//! [`Op::Insert`] (either may be absent), and no two neighbouring edits
//! have the same [`Op`]. The result depends only on the two inputs.
//!
//! # Long texts
//!
//! Myers' algorithm costs O((N+M)·D): fine for a unit, slow for two whole
//! reports with edits everywhere. Above a thousand tokens the diff
//! first matches unchanged paragraphs (split after a line break), then,
//! inside each changed run of paragraphs, unchanged sentences (split
//! after `.`, `;` or `:` and a space), and diffs words only inside the
//! runs still changed. Up to a thousand segments are aligned with Myers;
//! more with a linear scan that takes the nearest segment the two sides
//! share again. A changed run that is still very long is split at words
//! that occur once on each side (patience anchors), and a long run
//! without anchors is reported as replaced whole. All thresholds are
//! counts, never time, so the output stays deterministic.
//!
//! On two 1 MB revisions of seed text with one word in 50 edited, this is
//! about as fast as `git diff --no-index --word-diff` (see
//! `benches/diff.rs` and `examples/diff_files.rs`); the two texts are
//! tokenized on two threads above 256 KB.

mod cleanup;
pub mod compare;
mod engine;
mod strength;
mod tokens;

use serde::Serialize;

pub use compare::{compare, provision_strength, Comparison, PairDiff};
pub use strength::{operative_verb, strength_changes, Direction, StrengthChange, StrengthKind};

/// What an [`Edit`] does to the old text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Text present in both versions.
    Equal,
    /// Text only in the new version.
    Insert,
    /// Text only in the old version.
    Delete,
}

/// A run of text and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// Kept, inserted or deleted.
    pub op: Op,
    /// The text, exactly as in the input it comes from (the old text for
    /// an [`Op::Equal`] run).
    pub text: String,
    /// For an [`Op::Equal`] run written differently in the new text but
    /// the same for matching (composed against decomposed accents,
    /// invisible characters: see [`crate::parse::unicode`]), the new
    /// text's run as written; `None` when both are written alike. Omitted
    /// from JSON when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_new: Option<String>,
}

impl Edit {
    /// An edit of `op` over `text`.
    pub fn new(op: Op, text: impl Into<String>) -> Edit {
        Edit {
            op,
            text: text.into(),
            as_new: None,
        }
    }
}

/// Word-level diff of `old` to `new`, cleaned up for reading.
///
/// See the [module docs](self) for the tokens and the clean-up rule.
/// Identical inputs give one [`Op::Equal`] edit (none when both are
/// empty).
#[allow(clippy::string_slice, reason = "offsets are sums of token lengths")]
pub fn diff_words(old: &str, new: &str) -> Vec<Edit> {
    let ids = engine::Interned::new(old, new);
    let segs = engine::diff(&ids);
    let segs = cleanup::semantic(segs, &ids);

    // Byte positions advance with the segments, which tile both texts.
    let (mut at_old, mut at_new) = (0, 0);
    let mut edits = Vec::with_capacity(segs.len() * 2);
    for seg in segs {
        match seg {
            engine::Seg::Equal {
                old: o,
                new: n,
                len,
            } => {
                let lo = ids.old_bytes(o..o + len);
                let ln = ids.new_bytes(n..n + len);
                let (a, b) = (&old[at_old..at_old + lo], &new[at_new..at_new + ln]);
                let mut edit = Edit::new(Op::Equal, a);
                if a != b {
                    edit.as_new = Some(b.to_string());
                }
                edits.push(edit);
                at_old += lo;
                at_new += ln;
            }
            engine::Seg::Change { old: o, new: n } => {
                if !o.is_empty() {
                    let len = ids.old_bytes(o);
                    edits.push(Edit::new(Op::Delete, &old[at_old..at_old + len]));
                    at_old += len;
                }
                if !n.is_empty() {
                    let len = ids.new_bytes(n);
                    edits.push(Edit::new(Op::Insert, &new[at_new..at_new + len]));
                    at_new += len;
                }
            }
        }
    }
    edits
}

/// The old text: equal and deleted runs, in order.
pub fn old_text(edits: &[Edit]) -> String {
    side(edits, Op::Delete)
}

/// The new text: equal and inserted runs, in order (an equal run as the
/// new text writes it, [`Edit::as_new`]).
pub fn new_text(edits: &[Edit]) -> String {
    edits
        .iter()
        .filter_map(|e| match e.op {
            Op::Equal => Some(e.as_new.as_deref().unwrap_or(&e.text)),
            Op::Insert => Some(e.text.as_str()),
            Op::Delete => None,
        })
        .collect()
}

fn side(edits: &[Edit], op: Op) -> String {
    edits
        .iter()
        .filter(|e| e.op == Op::Equal || e.op == op)
        .map(|e| e.text.as_str())
        .collect()
}

/// Whether the edits change nothing.
pub fn is_identical(edits: &[Edit]) -> bool {
    edits.iter().all(|e| e.op == Op::Equal)
}

/// Share of characters kept, from 0 (nothing in common) to 1 (identical):
/// twice the characters of the equal runs over the characters of both
/// texts. Two empty texts are identical (1).
pub fn similarity(edits: &[Edit]) -> f64 {
    let (mut equal, mut total) = (0usize, 0usize);
    for e in edits {
        let n = e.text.chars().count();
        match e.op {
            Op::Equal => {
                equal += 2 * n;
                total += 2 * n;
            }
            Op::Insert | Op::Delete => total += n,
        }
    }
    if total == 0 {
        1.0
    } else {
        equal as f64 / total as f64
    }
}

#[cfg(test)]
mod tests;
