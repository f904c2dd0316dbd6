//! The token diff: interning, a sentence pre-pass for long texts, the word
//! diff proper, and the semantic clean-up.
//!
//! Everything here works on token indices; `mod.rs` turns the result into
//! [`Edit`](super::Edit)s with text.

use std::collections::HashMap;
use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::tokens::{class, Class};

/// Inputs with at most this many tokens (both sides together, after the
/// common prefix and suffix) are diffed word by word directly. Above it a
/// sentence pre-pass finds the unchanged sentences first: Myers is
/// O((N+M)·D), and on a long text with edits everywhere D grows with N.
const DIRECT_TOKENS: usize = 4_000;

/// A changed region with more tokens than this, in which no sentence
/// survived, is split at words that occur once on each side (patience
/// anchors) rather than handed to Myers whole; without such anchors it is
/// reported as replaced. This bounds the work on unrelated texts.
const REGION_TOKENS: usize = 12_000;

/// The word-level algorithm. Measured on the seeds and the generated
/// benchmark texts: see `benches/diff.rs` and the module docs.
const WORD_ALGORITHM: Algorithm = Algorithm::Myers;

/// The sentence-level algorithm of the pre-pass.
const SENTENCE_ALGORITHM: Algorithm = Algorithm::Myers;

/// A stretch of the diff in token indices: unchanged, or a change that
/// deletes `old` and inserts `new` (either may be empty, not both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// The same tokens on both sides.
    Equal {
        /// First old token.
        old: usize,
        /// First new token.
        new: usize,
        /// Number of tokens.
        len: usize,
    },
    /// Old tokens replaced by new ones.
    Change {
        /// Deleted old tokens.
        old: Range<usize>,
        /// Inserted new tokens.
        new: Range<usize>,
    },
}

/// Token ids shared by both sides, and per-id facts the passes need.
pub(crate) struct Interned {
    /// Ids of the old tokens.
    pub old: Vec<u32>,
    /// Ids of the new tokens.
    pub new: Vec<u32>,
    /// Per id: the token ends a sentence-like segment on its own (a run of
    /// whitespace with a line break).
    line_break: Vec<bool>,
    /// Per id: the token is whitespace (ends a segment after a full stop).
    space: Vec<bool>,
    /// Per id: the token is `.`, `;`, `:`, `!` or `?`.
    stop: Vec<bool>,
}

impl Interned {
    /// Gives equal tokens equal ids, so the diff compares integers.
    pub fn new(old: &[&str], new: &[&str]) -> Interned {
        let mut ids: HashMap<&str, u32> = HashMap::with_capacity(1 << 12);
        let mut line_break = Vec::new();
        let mut space = Vec::new();
        let mut stop = Vec::new();
        let mut intern = |t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert_with(|| {
                let c = class(t);
                line_break.push(c == Class::Space && t.contains('\n'));
                space.push(c == Class::Space);
                stop.push(matches!(t, "." | ";" | ":" | "!" | "?"));
                next
            })
        };
        let old = old.iter().map(|t| intern(t)).collect();
        let new = new.iter().map(|t| intern(t)).collect();
        Interned {
            old,
            new,
            line_break,
            space,
            stop,
        }
    }

    /// Ends (exclusive token indices) of the sentence-like segments of
    /// `ids`: a segment ends after a line break, or after the whitespace
    /// that follows a full stop, semicolon or colon.
    fn segment_ends(&self, ids: &[u32]) -> Vec<usize> {
        let mut ends = Vec::new();
        for (i, &t) in ids.iter().enumerate() {
            let t = t as usize;
            let after_stop = i > 0 && self.stop[ids[i - 1] as usize];
            if self.line_break[t] || (self.space[t] && after_stop) {
                ends.push(i + 1);
            }
        }
        if ends.last() != Some(&ids.len()) {
            ends.push(ids.len());
        }
        ends
    }
}

/// Diffs two interned token sequences into alternating equal and change
/// segments, before the clean-up.
pub(crate) fn diff(tokens: &Interned) -> Vec<Seg> {
    let mut out = Out::default();
    diff_range(
        tokens,
        0..tokens.old.len(),
        0..tokens.new.len(),
        &mut out,
        true,
        0,
    );
    out.segs
}

/// Collects segments, merging neighbours of the same kind as they come.
#[derive(Default)]
struct Out {
    segs: Vec<Seg>,
}

impl Out {
    fn equal(&mut self, old: usize, new: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(Seg::Equal { len: l, .. }) = self.segs.last_mut() {
            *l += len;
        } else {
            self.segs.push(Seg::Equal { old, new, len });
        }
    }

    fn change(&mut self, old: Range<usize>, new: Range<usize>) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(Seg::Change { old: o, new: n }) = self.segs.last_mut() {
            o.end = old.end;
            n.end = new.end;
        } else {
            self.segs.push(Seg::Change { old, new });
        }
    }
}

/// Diffs `old[o]` against `new[n]`. `sentences` allows the pre-pass (it is
/// not repeated inside the regions it produces); `depth` counts the anchor
/// splits above this region.
fn diff_range(
    t: &Interned,
    o: Range<usize>,
    n: Range<usize>,
    out: &mut Out,
    sentences: bool,
    depth: usize,
) {
    let (a, b) = (&t.old[o.clone()], &t.new[n.clone()]);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    out.equal(o.start, n.start, prefix);
    let o_mid = o.start + prefix..o.end - suffix;
    let n_mid = n.start + prefix..n.end - suffix;
    let size = o_mid.len() + n_mid.len();
    if o_mid.is_empty() || n_mid.is_empty() {
        out.change(o_mid, n_mid);
    } else if size <= DIRECT_TOKENS {
        words(t, o_mid, n_mid, out);
    } else if sentences {
        by_sentence(t, o_mid, n_mid, out);
    } else if size <= REGION_TOKENS {
        words(t, o_mid, n_mid, out);
    } else {
        by_anchors(t, o_mid, n_mid, out, depth);
    }
    out.equal(o.end - suffix, n.end - suffix, suffix);
}

/// The word diff proper. Only words and marks are compared: matching
/// runs of whitespace is coincidental and, since every other token is a
/// space, a diff over all tokens pairs spaces instead of words (`Support
/// UNODC` against `Collaborate with UNODC` would not keep `UNODC`). The
/// whitespace between matched tokens is then compared as a gap.
fn words(t: &Interned, o: Range<usize>, n: Range<usize>, out: &mut Out) {
    let solid = |ids: &[u32], r: &Range<usize>| -> Vec<usize> {
        r.clone().filter(|&i| !t.space[ids[i] as usize]).collect()
    };
    let (o_pos, n_pos) = (solid(&t.old, &o), solid(&t.new, &n));
    let a: Vec<u32> = o_pos.iter().map(|&i| t.old[i]).collect();
    let b: Vec<u32> = n_pos.iter().map(|&j| t.new[j]).collect();
    let ops = capture_diff_slices(WORD_ALGORITHM, &a, &b);
    // Walk the matched tokens, emitting the gap before each.
    let (mut oi, mut ni) = (o.start, n.start);
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let (i, j) = (o_pos[old_index + k], n_pos[new_index + k]);
                gap(t, oi..i, ni..j, out);
                out.equal(i, j, 1);
                (oi, ni) = (i + 1, j + 1);
            }
        }
    }
    gap(t, oi..o.end, ni..n.end, out);
}

/// Unmatched tokens between two matched ones: equal ends (typically the
/// spaces around a changed word) stay equal, the middle is a change.
fn gap(t: &Interned, o: Range<usize>, n: Range<usize>, out: &mut Out) {
    let (a, b) = (&t.old[o.clone()], &t.new[n.clone()]);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    out.equal(o.start, n.start, prefix);
    out.change(
        o.start + prefix..o.end - suffix,
        n.start + prefix..n.end - suffix,
    );
    out.equal(o.end - suffix, n.end - suffix, suffix);
}

/// Pre-pass for long inputs: diff sentence-like segments, then diff words
/// inside each changed run of segments.
fn by_sentence(t: &Interned, o: Range<usize>, n: Range<usize>, out: &mut Out) {
    let o_ends = t.segment_ends(&t.old[o.clone()]);
    let n_ends = t.segment_ends(&t.new[n.clone()]);
    let mut ids = HashMap::new();
    let a = segment_ids(&mut ids, &t.old[o.clone()], &o_ends);
    let b = segment_ids(&mut ids, &t.new[n.clone()], &n_ends);
    let ops = capture_diff_slices(SENTENCE_ALGORITHM, &a, &b);
    // Segment index -> token index.
    let tok = |ends: &[usize], base: usize, i: usize| base + if i == 0 { 0 } else { ends[i - 1] };
    for op in &ops {
        let (_, so, sn) = op.as_tag_tuple();
        let to = tok(&o_ends, o.start, so.start)..tok(&o_ends, o.start, so.end);
        let tn = tok(&n_ends, n.start, sn.start)..tok(&n_ends, n.start, sn.end);
        match op {
            DiffOp::Equal { .. } => out.equal(to.start, tn.start, to.len()),
            _ => diff_range(t, to, tn, out, false, 0),
        }
    }
}

/// One id per distinct segment of `tokens` (segments end at `ends`).
fn segment_ids<'a>(
    ids: &mut HashMap<&'a [u32], u32>,
    tokens: &'a [u32],
    ends: &[usize],
) -> Vec<u32> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let next = ids.len() as u32;
            let id = *ids.entry(&tokens[start..end]).or_insert(next);
            start = end;
            id
        })
        .collect()
}

/// How deep [`by_anchors`] may split before it gives up on a region.
const MAX_ANCHOR_DEPTH: usize = 24;

/// Splits a large changed region at tokens that occur exactly once on
/// each side, keeping the longest run of such anchors that appear in the
/// same order on both sides (patience diff), and diffs the gaps between
/// them. A region without anchors is reported as replaced whole.
fn by_anchors(t: &Interned, o: Range<usize>, n: Range<usize>, out: &mut Out, depth: usize) {
    let anchors = if depth < MAX_ANCHOR_DEPTH {
        patience_anchors(&t.old[o.clone()], &t.new[n.clone()])
    } else {
        Vec::new()
    };
    if anchors.is_empty() {
        out.change(o, n);
        return;
    }
    let (mut oi, mut ni) = (o.start, n.start);
    for (ao, an) in anchors {
        let (ao, an) = (o.start + ao, n.start + an);
        diff_range(t, oi..ao, ni..an, out, false, depth + 1);
        out.equal(ao, an, 1);
        (oi, ni) = (ao + 1, an + 1);
    }
    diff_range(t, oi..o.end, ni..n.end, out, false, depth + 1);
}

/// Positions `(i, j)` with `a[i] == b[j]`, the value unique in both, forming
/// the longest chain increasing on both sides.
fn patience_anchors(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    // value -> (count in a, position in a, count in b, position in b)
    let mut seen: HashMap<u32, (u32, usize, u32, usize)> = HashMap::new();
    for (i, &x) in a.iter().enumerate() {
        let e = seen.entry(x).or_insert((0, i, 0, 0));
        e.0 += 1;
    }
    for (j, &x) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(&x) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .values()
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.1, e.3))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// The longest subsequence of `pairs` (sorted by `.0`) increasing in `.1`;
/// patience sorting, O(k log k).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into pairs
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied();
    while let Some(i) = k {
        chain.push(pairs[i]);
        k = prev[i];
    }
    chain.reverse();
    chain
}
