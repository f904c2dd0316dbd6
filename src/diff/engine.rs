//! The token diff: interning, the paragraph and sentence pre-passes for
//! long texts, the word diff proper, and anchors for huge changed regions.
//!
//! Everything here works on token indices; `cleanup` then merges the
//! segments and `mod.rs` turns them into [`Edit`](super::Edit)s with text.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::cleanup;
use super::tokens::{self, class, Class};

/// Inputs with at most this many tokens (both sides together, after the
/// common prefix and suffix) are diffed word by word directly. Above it
/// the pre-passes find the unchanged paragraphs, then sentences, first:
/// Myers is O((N+M)·D), and on a long text with edits everywhere D grows
/// with N.
const DIRECT_TOKENS: usize = 1_000;

/// A changed region with more tokens than this, in which no sentence
/// survived, is split at words that occur once on each side (patience
/// anchors) rather than handed to Myers whole; without such anchors it is
/// reported as replaced. This bounds the work on unrelated or reordered
/// texts: with 4,000 here and for [`DIRECT_TOKENS`], a 1 MB text against
/// itself with its lines reversed took 0.9 s; with 1,500 and 1,000, 0.35 s,
/// and the generated 1 MB revision got faster too (25 ms).
const REGION_TOKENS: usize = 1_500;

/// The word-level algorithm. Patience was measured too: the same edits on
/// the seed pairs in the tests and on the generated 1 MB revision (6,679
/// against 6,681 edits), at twice the time (about 55 ms against 25 ms,
/// `examples/diff_files`), since its unique-word anchors must be found in
/// every changed region.
const WORD_ALGORITHM: Algorithm = Algorithm::Myers;

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

/// FxHash maps (rustc-hash): the maps here hash small integers and short
/// words, where SipHash's protection against flooding costs a third of the
/// run time and buys nothing. Unseeded, so also deterministic.
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// What the passes need to know of a distinct token (distinct in its
/// matching form, [`tokens::key`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts {
    /// Length in characters, of the matching form.
    pub chars: u32,
    /// A run of whitespace with a line break: ends a sentence-like
    /// segment, and is never absorbed by the clean-up.
    pub line_break: bool,
    /// Whitespace.
    pub space: bool,
    /// `.`, `;`, `:`, `!` or `?`: the whitespace after it ends a segment.
    pub stop: bool,
    /// A word that is not a function word (see `cleanup`).
    pub content: bool,
}

/// Token ids shared by both sides, and per-id facts the passes need.
///
/// Tokens get equal ids when their matching forms ([`tokens::key`]: NFC,
/// invisible characters removed) are equal, so the same word written
/// composed on one side and decomposed on the other is no edit. Their
/// bytes may then differ, so lengths are kept per token and side.
pub(crate) struct Interned {
    /// Ids of the old tokens.
    pub old: Vec<u32>,
    /// Ids of the new tokens.
    pub new: Vec<u32>,
    /// Length in bytes of each old token, as written.
    pub old_len: Vec<u32>,
    /// Length in bytes of each new token, as written.
    pub new_len: Vec<u32>,
    /// Facts per id.
    pub facts: Vec<Facts>,
}

/// Gives equal tokens equal ids.
#[derive(Default)]
struct Interner<'a> {
    /// Tokens of up to 15 bytes, packed into the key itself: comparing
    /// keys then never reads the text, whose first occurrence of a word
    /// is usually far away in memory (that cache miss was most of the
    /// interning time on a 1 MB text).
    short: FxMap<u128, u32>,
    /// Longer tokens, and tokens whose matching form differs from the
    /// text (keyed by that form).
    long: FxMap<std::borrow::Cow<'a, str>, u32>,
    /// Ids of one-byte tokens (a space, a comma: half of all tokens),
    /// found without hashing; `u32::MAX` for none yet.
    ascii: Vec<u32>,
    /// A token (as written) of each id.
    tokens: Vec<&'a str>,
    facts: Vec<Facts>,
}

impl<'a> Interner<'a> {
    fn new() -> Interner<'a> {
        Interner {
            ascii: vec![u32::MAX; 128],
            ..Interner::default()
        }
    }

    #[inline]
    fn intern(&mut self, t: &'a str) -> u32 {
        if let [b] = t.as_bytes() {
            if b.is_ascii() && self.ascii[usize::from(*b)] != u32::MAX {
                return self.ascii[usize::from(*b)];
            }
        }
        let next = self.facts.len() as u32;
        let form = tokens::key(t);
        let (facts, tokens) = (&mut self.facts, &mut self.tokens);
        let mut new_facts = |k: &str| {
            let c = class(t);
            tokens.push(t);
            facts.push(Facts {
                chars: k.chars().count() as u32,
                line_break: c == Class::Space && k.contains('\n'),
                space: c == Class::Space,
                stop: matches!(k, "." | ";" | ":" | "!" | "?"),
                content: c == Class::Word && cleanup::is_content(k),
            });
            next
        };
        let id = match pack(&form) {
            Some(key) => *self.short.entry(key).or_insert_with(|| new_facts(&form)),
            None => match self.long.get(form.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = new_facts(&form);
                    self.long.insert(form, id);
                    id
                }
            },
        };
        if let [b] = t.as_bytes() {
            if b.is_ascii() {
                self.ascii[usize::from(*b)] = id;
            }
        }
        id
    }

    /// Tokenizes and interns `text`: the ids, and each token's length in
    /// bytes.
    #[allow(clippy::string_slice, reason = "token bounds from for_each_token")]
    fn text(&mut self, text: &'a str) -> (Vec<u32>, Vec<u32>) {
        let mut ids = Vec::with_capacity(text.len() / 3 + 1);
        let mut lens = Vec::with_capacity(text.len() / 3 + 1);
        tokens::for_each_token(text, |start, end| {
            ids.push(self.intern(&text[start..end]));
            lens.push((end - start) as u32);
        });
        (ids, lens)
    }

    /// Re-numbers `ids` (made by `other`) into this interner's ids.
    fn adopt(&mut self, other: &Interner<'a>, ids: &mut [u32]) {
        let map: Vec<u32> = other.tokens.iter().map(|t| self.intern(t)).collect();
        for id in ids {
            *id = map[*id as usize];
        }
    }
}

/// A token of up to 15 bytes as one integer: its bytes, and its length
/// in the last byte.
#[inline]
fn pack(t: &str) -> Option<u128> {
    let bytes = t.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    key[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// Above this many bytes (both texts), the two texts are tokenized on two
/// threads; below, starting the threads costs more than it saves.
const PARALLEL_BYTES: usize = 256 * 1024;

impl Interned {
    /// Tokenizes both texts and gives equal tokens equal ids, so that the
    /// diff compares integers.
    pub fn new(old: &str, new: &str) -> Interned {
        let mut interner = Interner::new();
        let ((old, old_len), (new, new_len)) = if old.len() + new.len() < PARALLEL_BYTES {
            (interner.text(old), interner.text(new))
        } else {
            let mut other = Interner::new();
            let (old, mut new) = rayon::join(|| interner.text(old), || other.text(new));
            interner.adopt(&other, &mut new.0);
            (old, new)
        };
        Interned {
            old,
            new,
            old_len,
            new_len,
            facts: interner.facts,
        }
    }

    /// The same from tokens given one by one (for tests of the passes).
    #[cfg(test)]
    pub fn from_tokens(old: &[&str], new: &[&str]) -> Interned {
        let mut interner = Interner::new();
        let lens = |ts: &[&str]| ts.iter().map(|t| t.len() as u32).collect();
        let (old_len, new_len) = (lens(old), lens(new));
        let old = old.iter().map(|t| interner.intern(t)).collect();
        let new = new.iter().map(|t| interner.intern(t)).collect();
        Interned {
            old,
            new,
            old_len,
            new_len,
            facts: interner.facts,
        }
    }

    /// Bytes, as written, of the old tokens `range`.
    pub fn old_bytes(&self, range: Range<usize>) -> usize {
        self.old_len[range].iter().map(|&n| n as usize).sum()
    }

    /// Bytes, as written, of the new tokens `range`.
    pub fn new_bytes(&self, range: Range<usize>) -> usize {
        self.new_len[range].iter().map(|&n| n as usize).sum()
    }

    pub fn fact(&self, id: u32) -> &Facts {
        &self.facts[id as usize]
    }

    /// Ends (exclusive token indices) of the segments of `ids`: a
    /// paragraph ends after a line break; a sentence also ends after the
    /// whitespace that follows a full stop, semicolon or colon.
    fn segment_ends(&self, ids: &[u32], level: Level) -> Vec<usize> {
        let mut ends = Vec::new();
        for (i, &t) in ids.iter().enumerate() {
            let f = self.fact(t);
            let after_stop = level == Level::Sentence && i > 0 && self.fact(ids[i - 1]).stop;
            if f.line_break || (f.space && after_stop) {
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
        Level::Paragraph,
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

/// The unit a long region is cut into before its words are diffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Text between line breaks.
    Paragraph,
    /// Text between `.`, `;`, `:` (and line breaks).
    Sentence,
    /// No more cutting: words, or anchors in very long regions.
    Words,
}

/// Diffs `old[o]` against `new[n]`, cutting a long region at `level`
/// first; `depth` counts the anchor splits above this region.
fn diff_range(
    t: &Interned,
    o: Range<usize>,
    n: Range<usize>,
    out: &mut Out,
    level: Level,
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
    } else {
        match level {
            Level::Paragraph => by_segments(t, o_mid, n_mid, out, level, Level::Sentence),
            Level::Sentence => by_segments(t, o_mid, n_mid, out, level, Level::Words),
            Level::Words if size <= REGION_TOKENS => words(t, o_mid, n_mid, out),
            Level::Words => by_anchors(t, o_mid, n_mid, out, depth),
        }
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
        r.clone().filter(|&i| !t.fact(ids[i]).space).collect()
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

/// Pre-pass for long inputs: diff the segments of `level` (paragraphs or
/// sentences) as wholes, then diff each changed run of segments at the
/// `next` level.
fn by_segments(
    t: &Interned,
    o: Range<usize>,
    n: Range<usize>,
    out: &mut Out,
    level: Level,
    next: Level,
) {
    let o_ends = t.segment_ends(&t.old[o.clone()], level);
    let n_ends = t.segment_ends(&t.new[n.clone()], level);
    let mut ids = FxMap::default();
    let a = segment_ids(&mut ids, &t.old[o.clone()], &o_ends);
    let b = segment_ids(&mut ids, &t.new[n.clone()], &n_ends);
    // Segment index -> token index.
    let tok = |ends: &[usize], base: usize, i: usize| base + if i == 0 { 0 } else { ends[i - 1] };
    let steps = if a.len() + b.len() <= MYERS_SEGMENTS {
        capture_diff_slices(Algorithm::Myers, &a, &b)
            .iter()
            .map(|op| {
                let (tag, so, sn) = op.as_tag_tuple();
                (tag == similar::DiffTag::Equal, so, sn)
            })
            .collect()
    } else {
        sync(&a, &b)
    };
    for (equal, so, sn) in steps {
        let to = tok(&o_ends, o.start, so.start)..tok(&o_ends, o.start, so.end);
        let tn = tok(&n_ends, n.start, sn.start)..tok(&n_ends, n.start, sn.end);
        if equal {
            out.equal(to.start, tn.start, to.len());
        } else {
            diff_range(t, to, tn, out, next, 0);
        }
    }
}

/// Up to this many segments (both sides), the pre-pass aligns them with
/// Myers' algorithm, which finds the fewest changed segments; above, with
/// the linear [`sync`].
const MYERS_SEGMENTS: usize = 1_000;

/// How far (in segments skipped on both sides together) [`sync`] looks
/// for the next segment the two sides share.
const SYNC_WINDOW: usize = 64;

/// Aligns two segment sequences that mostly keep their order: equal runs
/// are taken as they come; at a mismatch the nearest segment the two
/// sides share again ends a changed region. Nearest is measured by the
/// longer of the two skips, then their sum: edited paragraphs mostly stay
/// in place, and a repeated paragraph a few places away on one side must
/// not win over the true match a little further down both. Without one within [`SYNC_WINDOW`], the
/// rest is one changed region. Returns `(equal, old range, new range)`.
///
/// Myers' algorithm would find the fewest changed segments, but at
/// O((N+M)·D): on a long revision with most paragraphs touched, D is
/// nearly N and the pre-pass would cost more than all the word diffs. Here
/// the cost is O(N + changes·window²), and the word diff of each changed
/// region is still exact.
fn sync(a: &[u32], b: &[u32]) -> Vec<(bool, Range<usize>, Range<usize>)> {
    // Candidate skips (da, db), by total, then balance, then da.
    let mut skips: Vec<(usize, usize)> = (1..=SYNC_WINDOW)
        .flat_map(|k| (0..=k).map(move |da| (da, k - da)))
        .collect();
    skips.sort_by_key(|&(da, db)| (da.max(db), da + db, da));
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            let len = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            out.push((true, i..i + len, j..j + len));
            (i, j) = (i + len, j + len);
            continue;
        }
        let found = skips
            .iter()
            .find(|&&(da, db)| i + da < a.len() && j + db < b.len() && a[i + da] == b[j + db]);
        match found {
            Some(&(da, db)) => {
                out.push((false, i..i + da, j..j + db));
                (i, j) = (i + da, j + db);
            }
            None => break,
        }
    }
    if i < a.len() || j < b.len() {
        out.push((false, i..a.len(), j..b.len()));
    }
    out
}

/// One id per distinct segment of `tokens` (segments end at `ends`).
fn segment_ids<'a>(ids: &mut FxMap<&'a [u32], u32>, tokens: &'a [u32], ends: &[usize]) -> Vec<u32> {
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
        diff_range(t, oi..ao, ni..an, out, Level::Words, depth + 1);
        out.equal(ao, an, 1);
        (oi, ni) = (ao + 1, an + 1);
    }
    diff_range(t, oi..o.end, ni..n.end, out, Level::Words, depth + 1);
}

/// Positions `(i, j)` with `a[i] == b[j]`, the value unique in both, forming
/// the longest chain increasing on both sides.
fn patience_anchors(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    // value -> (count in a, position in a, count in b, position in b)
    let mut seen: FxMap<u32, (u32, usize, u32, usize)> = FxMap::default();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `sync` steps as `(equal, old range, new range)` tuples.
    fn steps(a: &[u32], b: &[u32]) -> Vec<(bool, Range<usize>, Range<usize>)> {
        sync(a, b)
    }

    #[test]
    fn sync_finds_substitutions_insertions_and_deletions() {
        // 1 2 3 4 5 -> 1 9 3 4 7 5 (2 replaced, 7 inserted), then 6 deleted.
        let a = [1, 2, 3, 4, 5, 6];
        let b = [1, 9, 3, 4, 7, 5];
        assert_eq!(
            steps(&a, &b),
            [
                (true, 0..1, 0..1),
                (false, 1..2, 1..2),
                (true, 2..4, 2..4),
                (false, 4..4, 4..5),
                (true, 4..5, 5..6),
                (false, 5..6, 6..6),
            ]
        );
    }

    #[test]
    fn sync_prefers_the_match_in_place_over_a_repeat_nearby() {
        // Paragraphs 2 and 3 edited in place (20, 30), and 5 replaced by a
        // copy of 2. Skipping 0 old and 3 new segments to reach that copy
        // is fewer in all than skipping 2 and 2 to reach 4, but wrong.
        let a = [1, 2, 3, 4, 5, 6, 7];
        let b = [1, 20, 30, 4, 2, 6, 7];
        assert_eq!(
            steps(&a, &b),
            [
                (true, 0..1, 0..1),
                (false, 1..3, 1..3),
                (true, 3..4, 3..4),
                (false, 4..5, 4..5),
                (true, 5..7, 5..7),
            ]
        );
    }

    #[test]
    fn sync_gives_up_beyond_its_window_with_one_region() {
        let a: Vec<u32> = (0..200).collect();
        let b: Vec<u32> = (1000..1200).chain([199]).collect();
        let got = steps(&a, &b);
        assert_eq!(got, [(false, 0..200, 0..201)]);
    }

    #[test]
    fn anchors_are_the_unique_words_in_the_same_order() {
        // 7 and 8 occur once on each side, 5 twice in a; 9 swaps order
        // with 8, so only one of them can be kept.
        let a = [5, 7, 5, 9, 8];
        let b = [7, 5, 8, 9];
        assert_eq!(patience_anchors(&a, &b), [(1, 0), (4, 2)]);
        assert_eq!(patience_anchors(&[1, 1], &[1]), []);
    }

    #[test]
    fn longest_increasing_chain() {
        let pairs = [(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)];
        assert_eq!(longest_increasing(&pairs), [(1, 1), (2, 2), (4, 4)]);
        assert_eq!(longest_increasing(&[]), []);
    }

    #[test]
    fn segments_end_at_line_breaks_and_after_stops() {
        let t = Interned::from_tokens(&["a", ".", " ", "b", ";", "\n", "c", " ", "d"], &[]);
        assert_eq!(t.segment_ends(&t.old, Level::Paragraph), [6, 9]);
        assert_eq!(t.segment_ends(&t.old, Level::Sentence), [3, 6, 9]);
    }

    #[test]
    fn two_thread_interning_gives_the_same_ids_as_one() {
        let old = "alpha beta gamma, delta. ".repeat(6_000);
        let new = "beta zeta alpha; epsilon! ".repeat(6_000);
        assert!(old.len() + new.len() >= PARALLEL_BYTES);
        let both = Interned::new(&old, &new);
        let mut one = Interner::new();
        let (o, n) = (one.text(&old), one.text(&new));
        // `adopt` numbers new-only tokens in order of first appearance,
        // as one interner reading both texts in turn does.
        assert_eq!(both.old, o.0);
        assert_eq!(both.new, n.0);
        assert_eq!((both.old_len, both.new_len), (o.1, n.1));
        assert_eq!(both.facts.len(), one.facts.len());
    }
}
