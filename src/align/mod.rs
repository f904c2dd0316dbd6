//! Alignment: for two sides (older, newer), where the language of every
//! newer unit came from, and what became of every older unit.
//!
//! This stage receives [`Unit`]s from `parse` and returns an [`Alignment`]:
//! plain data that the renderers and the later stages (diff, memo, review)
//! consume. The pipeline inside:
//!
//! 1. [`text`]: features per unit: stemmed TF-IDF terms, word-pair
//!    shingles, normalised text. IDF comes from the whole scope (every unit
//!    of the library), so that boilerplate common to all reports weighs
//!    little.
//! 2. [`index`]: an inverted index proposes up to
//!    [`AlignOptions::max_candidates`] older units per newer unit; only
//!    those pairs are scored, in parallel.
//! 3. [`score`]: four lexical measures combined into one score, mixed
//!    with the sentence-embedding cosine when the units have vectors
//!    ([`Scope::set_vectors`]). A newer unit whose lexical candidates all
//!    score below the reworded threshold also gets its nearest older units
//!    by vector as candidates: a provision restated in other words shares
//!    too few words for the index. They are found by comparing every
//!    vector up to 5,000 older units, by the inverted file of
//!    [`neighbours`] above, for all such units at once.
//! 4. Passages: when none of a newer unit's candidates reaches the
//!    reworded threshold, its best three are also read sentence by
//!    sentence: the shorter unit against each sentence of the longer
//!    ([`ScoreParts::passage`]). A short provision that makes the point of
//!    one sentence of a long discussion paragraph scores low against the
//!    whole of it (`rpm2025-item5b:14` on restorative justice against the
//!    2022 thematic discussions); read this way it is `related`, never the
//!    same provision. On the development labels (`shared/eval-dev`, not
//!    tuned on: the three candidates were chosen before measuring) this
//!    left P@1, novelty and the margin unchanged and added 18 related
//!    links, 12 of them among the pairs labelled same or related by hand
//!    (67%, against 52% for the links already made).
//! 5. Assignment: `identical` pairs (same words after normalising case,
//!    punctuation, quotes, dashes and whitespace) first, then a greedy
//!    one-to-one backbone of `reworded` pairs, best score first, where a
//!    newer unit whose best older unit went to a closer successor takes
//!    another only within [`SECOND_CHOICE_MARGIN`] of its best; then up to
//!    [`AlignOptions::max_related`] `related` links per newer unit (splits,
//!    merges, the same point made elsewhere), judged by
//!    [`ScoreParts::related_total`].
//!
//! Procedural units (agenda, attendance, election of officers: see
//! [`Role`](crate::parse::Role)) are set apart before any of this unless
//! [`AlignOptions::include_procedural`]; chapeaux of lists are aligned
//! but counted apart in [`Summary`].
//!
//! ## Thresholds, and why
//!
//! Measured on the labelled development pairs (see `examples/evaluate.rs`
//! and the README): pairs a drafter labelled *same* score from about 0.30
//! (a bullet distilled from a long paragraph) to 1.0; pairs that share only
//! generic vocabulary ("criminal justice", "speakers", "cooperation") score
//! below 0.25, with the bulk under 0.18. The reworded threshold
//! ([`REWORDED`]) sits in that gap, and the related threshold ([`RELATED`])
//! just under it, so that a drafter sees a partial precedent next to a unit
//! without it being called the same provision. Results do not depend on
//! thread count: scores are computed in parallel but every ordering is by
//! (score, citation).

pub mod chain;
pub mod explain;
pub mod index;
pub mod neighbours;
pub mod score;
pub mod text;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::parse::{Citation, Unit};

pub use score::ScoreParts;

/// Score at or above which the best one-to-one match is `reworded`.
pub const REWORDED: f64 = 0.30;
/// Score at or above which a further match is shown as `related`.
pub const RELATED: f64 = 0.22;
/// Nearest older units by vector added to the candidates of a newer unit
/// that has no convincing lexical candidate.
const SEMANTIC_NEIGHBOURS: usize = 5;
/// How far below a newer unit's best candidate score a one-to-one link to
/// another older unit may be, when the best went to another newer unit.
///
/// In a collection that repeats sentences, the other half of a split
/// paragraph, or a new paragraph reusing one sentence, finds its best
/// older unit taken and would otherwise be called a rewording of the next
/// older unit that shares a sentence with it. Measured with `cargo run
/// --release --example scale -- --kind near-duplicate 10000` (backbone
/// precision / F1): no margin 0.805 / 0.862; 0.15: 0.855 / 0.890; 0.10:
/// 0.875 / 0.902; 0.05: 0.904 / 0.917; 0: 0.939 / 0.933. On the labelled
/// development pairs (`examples/evaluate.rs`), 0.05 and above change
/// nothing; 0 lowers the novelty of paraphrase matching alone from 0.750
/// to 0.688 (a genuinely new unit then takes its first choice's place), so
/// 0.05 it is: the gain on generated text without a loss on real labels.
pub const SECOND_CHOICE_MARGIN: f64 = 0.05;
/// Candidates per newer unit that get the character measure.
const CHARS_FOR_BEST: usize = 2;
/// Candidates per newer unit that get a passage score (sentence by
/// sentence) when none reaches the reworded threshold.
const PASSAGE_CANDIDATES: usize = 3;

/// How a newer unit relates to an older one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Same words after normalising case, punctuation, quotes, dashes and
    /// whitespace.
    Identical,
    /// The same provision carried over with changes (one-to-one).
    Reworded,
    /// A further older unit a drafter should see next to it.
    Related,
}

impl Relation {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Identical => "identical",
            Relation::Reworded => "reworded",
            Relation::Related => "related",
        }
    }
}

/// One link between an older and a newer unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// The older unit.
    pub old: Citation,
    /// The newer unit.
    pub new: Citation,
    /// Combined score, 0..1.
    pub score: f64,
    /// identical, reworded or related.
    pub relation: Relation,
    /// The parts of the score.
    pub parts: ScoreParts,
}

/// Tunable settings; the defaults are the measured ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Minimum score of a `reworded` link.
    pub reworded: f64,
    /// Minimum score of a `related` link (`--min-score`).
    pub related: f64,
    /// Candidates scored per newer unit.
    pub max_candidates: usize,
    /// Related links kept per newer unit.
    pub max_related: usize,
    /// Weight of the semantic part in a pair's score when units have
    /// sentence vectors (0: wording alone; 1: meaning alone).
    pub semantic_weight: f64,
    /// Align procedural units too (agenda, attendance, election of
    /// officers...: see [`Role::Procedural`](crate::parse::Role)). Off by
    /// default: they are set apart, listed in
    /// [`Alignment::procedural_old`] and [`Alignment::procedural_new`],
    /// and are no one's precedent or successor.
    pub include_procedural: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            reworded: REWORDED,
            related: RELATED,
            max_candidates: 64,
            max_related: 3,
            semantic_weight: score::SEMANTIC_WEIGHT,
            include_procedural: false,
        }
    }
}

/// Counts for the summary line. Substance only: chapeaux of lists
/// (boilerplate such as "The following recommendations ... were
/// identified:") are counted in [`boilerplate_old`](Self::boilerplate_old)
/// and [`boilerplate_new`](Self::boilerplate_new), never as carried over,
/// new or dropped; procedural units set apart, in
/// [`procedural_old`](Self::procedural_old) and
/// [`procedural_new`](Self::procedural_new).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Newer units carried over verbatim.
    pub identical: usize,
    /// Newer units carried over with changes.
    pub reworded: usize,
    /// Newer units with only related precedents.
    pub related: usize,
    /// Newer units with no precedent.
    pub new: usize,
    /// Older units with no successor.
    pub dropped: usize,
    /// Older units that are chapeaux of lists, whatever their links.
    pub boilerplate_old: usize,
    /// Newer units that are chapeaux of lists, whatever their links.
    pub boilerplate_new: usize,
    /// Older procedural units set apart (0 with
    /// [`AlignOptions::include_procedural`]).
    pub procedural_old: usize,
    /// Newer procedural units set apart.
    pub procedural_new: usize,
}

impl Summary {
    /// Chapeaux of lists, both sides.
    pub fn boilerplate(&self) -> usize {
        self.boilerplate_old + self.boilerplate_new
    }

    /// Procedural units set apart, both sides.
    pub fn procedural(&self) -> usize {
        self.procedural_old + self.procedural_new
    }
}

/// The result of aligning two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Documents of the older side.
    pub old_docs: Vec<String>,
    /// Documents of the newer side.
    pub new_docs: Vec<String>,
    /// Links sorted by newer citation (document order), then score.
    pub links: Vec<Link>,
    /// Newer units with no link, in document order (chapeaux of lists
    /// aside: they are in [`boilerplate_new`](Self::boilerplate_new)).
    pub new_units: Vec<Citation>,
    /// Older units with no link, in document order (chapeaux of lists
    /// aside: they are in [`boilerplate_old`](Self::boilerplate_old)).
    pub dropped_units: Vec<Citation>,
    /// Newer units in document order (for renderers).
    pub new_order: Vec<Citation>,
    /// Remarks on bounded work (candidate caps hit), for the user.
    pub notes: Vec<String>,
    /// The weight of the semantic part in the scores, when units had
    /// sentence vectors (paraphrase matching); `None` for wording alone.
    pub semantic_weight: Option<f64>,
    /// With paraphrase matching, units of the two sides that had no
    /// sentence vector (text of the user's with no model to embed it):
    /// their pairs are scored on wording alone. 0 otherwise.
    pub wording_only: usize,
    /// Older units set apart as procedural, not aligned, in document order.
    pub procedural_old: Vec<Citation>,
    /// Newer units set apart as procedural, not aligned, in document order.
    pub procedural_new: Vec<Citation>,
    /// Older units that are chapeaux of lists (boilerplate): still aligned
    /// and shown, counted apart in [`Alignment::summary`].
    pub boilerplate_old: Vec<Citation>,
    /// Newer units that are chapeaux of lists, likewise.
    pub boilerplate_new: Vec<Citation>,
}

impl Alignment {
    /// Links of one newer unit, best first.
    pub fn links_of_new<'a>(&'a self, new: &'a Citation) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| &l.new == new)
    }

    /// The links of every newer unit that has any, each list in the order
    /// of [`Alignment::links`] (backbone first, then related by score).
    /// One pass: a caller that visits every newer unit uses this rather
    /// than [`Alignment::links_of_new`] per unit, which would be quadratic
    /// (70% of a 30,000-unit memo's time went there).
    pub fn links_by_new(&self) -> rustc_hash::FxHashMap<&Citation, Vec<&Link>> {
        let mut by: rustc_hash::FxHashMap<&Citation, Vec<&Link>> = rustc_hash::FxHashMap::default();
        for l in &self.links {
            by.entry(&l.new).or_default().push(l);
        }
        by
    }

    /// The backbone link (identical or reworded) of a newer unit.
    pub fn backbone_of_new(&self, new: &Citation) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| &l.new == new && l.relation != Relation::Related)
    }

    /// Counts per relation; a newer unit counts once, by its best relation.
    /// Chapeaux of lists count as boilerplate only.
    pub fn summary(&self) -> Summary {
        let boilerplate: rustc_hash::FxHashSet<&Citation> = self.boilerplate_new.iter().collect();
        let mut best: FxHashMap<&Citation, Relation> = FxHashMap::default();
        for l in self.links.iter().filter(|l| !boilerplate.contains(&l.new)) {
            let e = best.entry(&l.new).or_insert(l.relation);
            if l.relation < *e {
                *e = l.relation;
            }
        }
        let mut s = Summary {
            new: self.new_units.len(),
            dropped: self.dropped_units.len(),
            boilerplate_old: self.boilerplate_old.len(),
            boilerplate_new: self.boilerplate_new.len(),
            procedural_old: self.procedural_old.len(),
            procedural_new: self.procedural_new.len(),
            ..Summary::default()
        };
        for r in best.values() {
            match r {
                Relation::Identical => s.identical += 1,
                Relation::Reworded => s.reworded += 1,
                Relation::Related => s.related += 1,
            }
        }
        s
    }
}

pub use crate::progress::{NoProgress, Progress};

/// A precedent found by [`Scope::nearest`].
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    /// The older unit.
    pub unit: &'a Unit,
    /// Its score (1.0 when identical).
    pub score: f64,
    /// Same words after normalisation.
    pub identical: bool,
    /// The parts of the score.
    pub parts: ScoreParts,
}

/// Precomputed features of a set of units: build once, align any sides
/// drawn from it.
pub struct Scope<'a> {
    units: Vec<&'a Unit>,
    position: FxHashMap<&'a Citation, usize>,
    vocab: text::Vocabulary,
    features: Vec<text::Features>,
    /// Sentence vectors by position, with their squared norms (paraphrase
    /// matching); empty when off.
    vectors: Vec<Option<(Vec<f32>, f64)>>,
    /// Features of each unit's sentences, made the first time a passage
    /// score needs them (a unit is the near-miss candidate of many newer
    /// units); empty for a unit of one sentence.
    sentences: Vec<std::sync::OnceLock<Vec<text::Features>>>,
}

impl<'a> Scope<'a> {
    /// Computes features for `units` (every unit that may appear on a side;
    /// IDF is taken over all of them).
    pub fn new(units: Vec<&'a Unit>) -> Scope<'a> {
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        let (vocab, features) = text::featurize(&texts);
        let position = units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
        let sentences = units.iter().map(|_| std::sync::OnceLock::new()).collect();
        Scope {
            units,
            position,
            vocab,
            features,
            vectors: Vec::new(),
            sentences,
        }
    }

    /// Gives units of the scope their sentence vectors (one per unit, in
    /// the same order): pairs with a vector on both sides get a semantic
    /// part in their score, and newer units with no convincing lexical
    /// candidate look for their nearest older units by vector. Units not
    /// in the scope are ignored; a unit given none keeps being scored on
    /// wording alone against every other.
    pub fn set_vectors(&mut self, units: &[&Unit], vectors: Vec<Vec<f32>>) {
        if self.vectors.is_empty() && !units.is_empty() {
            self.vectors = vec![None; self.units.len()];
        }
        for (u, v) in units.iter().zip(vectors) {
            if let Some(&i) = self.position.get(&u.id) {
                let norm = crate::embed::squared_norm(&v);
                self.vectors[i] = Some((v, norm));
            }
        }
    }

    /// True when some units have sentence vectors.
    pub fn has_vectors(&self) -> bool {
        !self.vectors.is_empty()
    }

    /// Of the scope positions `side`, how many have no vector when some
    /// units have one (0 when none has: wording alone throughout).
    fn without_vectors(&self, side: &[usize]) -> usize {
        if !self.has_vectors() {
            return 0;
        }
        side.iter().filter(|&&i| self.vector(i).is_none()).count()
    }

    /// Of `units`, how many have no sentence vector when some units of the
    /// scope have one (0 when none has).
    pub fn units_without_vectors(&self, units: &[&Unit]) -> usize {
        self.without_vectors(&self.positions(units))
    }

    fn vector(&self, i: usize) -> Option<&[f32]> {
        self.vectors
            .get(i)
            .and_then(|v| v.as_ref())
            .map(|(v, _)| v.as_slice())
    }

    /// Sentence-embedding cosine of two scope positions, when both have a
    /// vector, rounded to 4 decimals (as shown).
    fn semantic(&self, a: usize, b: usize) -> Option<f64> {
        let (va, na) = self.vectors.get(a)?.as_ref()?;
        let (vb, nb) = self.vectors.get(b)?.as_ref()?;
        let c = crate::embed::cosine_with_norms(va, vb, *na, *nb);
        Some((f64::from(c) * 10_000.0).round() / 10_000.0)
    }

    /// The features of a unit of the scope.
    pub fn features(&self, u: &Unit) -> Option<&text::Features> {
        self.position.get(&u.id).map(|&i| &self.features[i])
    }

    /// Scores one pair of units of the scope: every part, the character
    /// measure included, and the semantic part when both have vectors.
    pub fn score(&self, old: &Unit, new: &Unit) -> Option<ScoreParts> {
        let (o, n) = (*self.position.get(&old.id)?, *self.position.get(&new.id)?);
        let mut parts = score::score(&self.features[o], &self.features[n], &self.vocab.idf);
        score::add_chars(&mut parts, &old.text, &new.text);
        parts.semantic = self.semantic(o, n);
        Some(parts)
    }

    /// Scope positions of the units of a side.
    fn positions(&self, side: &[&Unit]) -> Vec<usize> {
        side.iter()
            .filter_map(|u| self.position.get(&u.id).copied())
            .collect()
    }

    /// True when two units of the scope have the same words after
    /// normalisation.
    fn identical(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.features[a], &self.features[b]);
        fa.identity != 0
            && fa.identity == fb.identity
            && text::normalize(&self.units[a].text) == text::normalize(&self.units[b].text)
    }

    /// Candidates of each newer unit, scored: for each position of `new`,
    /// (index into `old`, parts), keeping only pairs that score `keep` or
    /// more (as a pair or read sentence by sentence) and identical texts.
    /// Also the number of units whose candidate list was capped.
    fn candidate_scores(
        &self,
        old: &[usize],
        new: &[usize],
        opts: &AlignOptions,
        keep: f64,
        progress: &dyn Progress,
    ) -> (Vec<Vec<(usize, ScoreParts)>>, usize) {
        let of = |ix: &[usize]| -> Vec<&text::Features> {
            ix.iter().map(|&i| &self.features[i]).collect()
        };
        let (old_f, new_f) = (of(old), of(new));
        let index = index::CandidateIndex::new(&old_f, self.vocab.idf.len());
        let cands = index.candidates(&old_f, &new_f, opts.max_candidates);
        // Below the exhaustive size every shared word proposes candidates
        // and the best are scored: the cap is the design, not a limit
        // worth a note.
        let capped = if old.len() > index::EXHAUSTIVE_UP_TO {
            cands.iter().filter(|c| c.capped).count()
        } else {
            0
        };

        // Identical texts by normalised form, so that verbatim reuse is found
        // even when every word is common.
        let mut by_text: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (oi, f) in old_f.iter().enumerate() {
            if f.identity != 0 {
                by_text.entry(f.identity).or_default().push(oi);
            }
        }
        let text = |side: &[usize], i: usize| self.units[side[i]].text.as_str();
        // Score every candidate pair in parallel: (old index, parts) per newer unit.
        // Wording first: each newer unit's candidates, scored; and whether
        // it must look for its precedent by meaning (no convincing
        // candidate: a provision restated in other words shares too few
        // words for the index).
        let first: Vec<(Vec<(usize, ScoreParts)>, bool)> = new_f
            .par_iter()
            .zip(cands.par_iter())
            .enumerate()
            .map(|(ni, (nf, c))| {
                let mut olds: Vec<usize> = c.old.iter().map(|&o| o as usize).collect();
                if let Some(same) = by_text.get(&nf.identity) {
                    olds.extend(same);
                }
                olds.sort_unstable();
                olds.dedup();
                let mut row: Vec<(usize, ScoreParts)> = olds
                    .into_iter()
                    .map(|o| (o, score::score(old_f[o], nf, &self.vocab.idf)))
                    .collect();
                if self.vector(new[ni]).is_none() {
                    return (row, false);
                }
                for (o, parts) in &mut row {
                    parts.semantic = self.semantic(old[*o], new[ni]);
                }
                let convincing = row.iter().any(|(_, p)| p.words() >= opts.reworded);
                (row, !convincing)
            })
            .collect();
        // Then meaning, for all such units at once.
        let asking: Vec<usize> = (0..first.len()).filter(|&ni| first[ni].1).collect();
        // For each newer unit, the older units to compare by vector: `None`
        // for all of them (a side small enough for exact search). The
        // nearest-neighbour index (exact for a few thousand older units, an
        // inverted file above) is built only when some unit asks.
        let mut proposed: Vec<Option<Vec<usize>>> = vec![None; new.len()];
        if !asking.is_empty() {
            let vectors: Vec<Option<&[f32]>> = old.iter().map(|&o| self.vector(o)).collect();
            let targets: Vec<&[f32]> = asking
                .iter()
                .filter_map(|&ni| self.vector(new[ni]))
                .collect();
            let found = neighbours::Neighbours::new(&vectors).propose_many(
                &targets,
                SEMANTIC_NEIGHBOURS,
                old.len(),
            );
            for (&ni, p) in asking.iter().zip(found.into_iter().flatten()) {
                proposed[ni] = Some(p);
            }
        }
        let scored = first
            .into_par_iter()
            .zip(new_f.par_iter())
            .zip(proposed.into_par_iter())
            .enumerate()
            .map(|(ni, (((mut row, asks), nf), proposed))| {
                if asks {
                    let nearest = self.nearest_by_vector(
                        old,
                        proposed.as_deref(),
                        new[ni],
                        SEMANTIC_NEIGHBOURS,
                    );
                    for o in nearest {
                        if !row.iter().any(|&(r, _)| r == o) {
                            let mut parts = score::score(old_f[o], nf, &self.vocab.idf);
                            parts.semantic = self.semantic(old[o], new[ni]);
                            row.push((o, parts));
                        }
                    }
                }
                // The character measure only for the few best, where it can
                // change a decision.
                let mut best: Vec<usize> = (0..row.len()).collect();
                best.sort_by(|&x, &y| {
                    row[y]
                        .1
                        .words()
                        .total_cmp(&row[x].1.words())
                        .then(row[x].0.cmp(&row[y].0))
                });
                for &i in best.iter().take(CHARS_FOR_BEST) {
                    let o = row[i].0;
                    // Same words: the pair is identical, no bonus needed.
                    if old_f[o].identity != nf.identity || nf.identity == 0 {
                        score::add_chars(&mut row[i].1, text(old, o), text(new, ni));
                    }
                }
                // A short provision that makes the point of one sentence of a
                // long discussion paragraph scores low against the whole of
                // it: when no candidate is convincing, the best few are read
                // sentence by sentence too (they may become related).
                let w = opts.semantic_weight;
                let total = |p: &ScoreParts| p.total(w);
                if row.iter().all(|(_, p)| total(p) < opts.reworded) {
                    let mut order: Vec<usize> = (0..row.len()).collect();
                    order.sort_by(|&x, &y| {
                        total(&row[y].1)
                            .total_cmp(&total(&row[x].1))
                            .then(row[x].0.cmp(&row[y].0))
                    });
                    for &i in order.iter().take(PASSAGE_CANDIDATES) {
                        let o = row[i].0;
                        row[i].1.passage = self.passage(old[o], new[ni]);
                    }
                }
                // Most candidates of a large corpus share only common
                // wording: they can become no link, and are dropped here
                // rather than carried through the assignment.
                row.retain(|(o, p)| {
                    p.related_total(w) >= keep || old_f[*o].identity == nf.identity
                });
                progress.advance(1);
                row
            })
            .collect();
        (scored, capped)
    }

    /// The passage score of two scope positions: the word-level score of
    /// the shorter unit against the best sentence (UAX #29 sentence
    /// boundaries, from `unicode-segmentation`) of the longer one; `None`
    /// when the longer one is a single sentence.
    fn passage(&self, a: usize, b: usize) -> Option<f64> {
        use unicode_segmentation::UnicodeSegmentation;
        let words = |i: usize| self.units[i].text.split_whitespace().count();
        let (long, short) = if words(a) >= words(b) { (a, b) } else { (b, a) };
        let sentences = self.sentences[long].get_or_init(|| {
            let sentences: Vec<&str> = self.units[long]
                .text
                .unicode_sentences()
                .filter(|s| s.chars().any(char::is_alphanumeric))
                .collect();
            if sentences.len() < 2 {
                return Vec::new();
            }
            text::featurize_with(&self.vocab, &sentences)
        });
        let idf = &self.vocab.idf;
        sentences
            .iter()
            .map(|f| score::score(f, &self.features[short], idf).words())
            .max_by(f64::total_cmp)
            .map(|p| (p * 10_000.0).round() / 10_000.0)
    }

    /// Of the units `proposed` (indices into `old`; `None`: all of them),
    /// the `k` whose vectors are nearest to the vector of scope position
    /// `target` by exact cosine, nearest first; ties by index, so the
    /// result does not depend on the thread count.
    fn nearest_by_vector(
        &self,
        old: &[usize],
        proposed: Option<&[usize]>,
        target: usize,
        k: usize,
    ) -> Vec<usize> {
        let cosine = |oi: usize| {
            let c = self.semantic(old[oi], target)?;
            (c > score::SEMANTIC_ZERO).then_some((c, oi))
        };
        let mut scored: Vec<(f64, usize)> = match proposed {
            Some(p) => p.iter().filter_map(|&oi| cosine(oi)).collect(),
            None => (0..old.len()).filter_map(cosine).collect(),
        };
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(k).map(|(_, oi)| oi).collect()
    }

    /// For each unit of `new`, its best matches among `old`, best first, at
    /// most `k` and each scoring at least `min`. Unlike [`Scope::align`]
    /// there is no one-to-one assignment: several newer units may share a
    /// precedent (a draft reusing one recommendation twice).
    pub fn nearest(&self, old: &[&Unit], new: &[&Unit], k: usize, min: f64) -> Vec<Vec<Match<'a>>> {
        let (old_ix, new_ix) = (self.positions(old), self.positions(new));
        let opts = AlignOptions::default();
        let (scored, _) = self.candidate_scores(&old_ix, &new_ix, &opts, min, &NoProgress);
        scored
            .into_iter()
            .enumerate()
            .map(|(ni, row)| {
                let mut m: Vec<Match<'a>> = row
                    .into_iter()
                    .map(|(oi, parts)| {
                        let identical = self.identical(new_ix[ni], old_ix[oi]);
                        Match {
                            unit: self.units[old_ix[oi]],
                            score: if identical {
                                1.0
                            } else {
                                (parts.total(opts.semantic_weight) * 1000.0).round() / 1000.0
                            },
                            identical,
                            parts,
                        }
                    })
                    .filter(|m| m.score >= min)
                    .collect();
                m.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.unit.id.cmp(&b.unit.id)));
                m.truncate(k);
                m
            })
            .collect()
    }

    /// Aligns two sides. Units not in the scope are ignored.
    pub fn align(&self, old: &[&Unit], new: &[&Unit], opts: &AlignOptions) -> Alignment {
        self.align_with(old, new, opts, &NoProgress)
    }

    /// [`Scope::align`], reporting progress.
    pub fn align_with(
        &self,
        old: &[&Unit],
        new: &[&Unit],
        opts: &AlignOptions,
        progress: &dyn Progress,
    ) -> Alignment {
        let (old, new) = (self.positions(old), self.positions(new));
        // Procedural units are no one's precedent or successor unless asked.
        let procedural =
            |i: &usize| !opts.include_procedural && self.units[*i].role.is_procedural();
        let (procedural_old, old): (Vec<usize>, Vec<usize>) = old.into_iter().partition(procedural);
        let (procedural_new, new): (Vec<usize>, Vec<usize>) = new.into_iter().partition(procedural);
        progress.start(new.len() as u64);
        let keep = opts.related.min(opts.reworded);
        let (scored, capped) = self.candidate_scores(&old, &new, opts, keep, progress);
        let identical = |ni: usize, oi: usize| self.identical(new[ni], old[oi]);

        let cite = |side: &[usize], i: usize| &self.units[side[i]].id;
        // Candidate pairs, best first; ties broken by document order so the
        // result is the same every run.
        // (score, new, old, identical)
        let mut pairs: Vec<(f64, usize, usize, bool)> = Vec::new();
        // (score as a related link, read sentence by sentence too (see
        // `passage`), new, old)
        let mut related_pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (ni, row) in scored.iter().enumerate() {
            for &(oi, parts) in row {
                let identical = identical(ni, oi);
                let total = if identical {
                    1.0
                } else {
                    parts.total(opts.semantic_weight)
                };
                // A pair under the related threshold can become no link
                // (and is no newer unit's best that could): most pairs of a
                // large corpus are such, and need no sorting.
                if total >= opts.related.min(opts.reworded) {
                    pairs.push((total, ni, oi, identical));
                }
                let related = if identical {
                    1.0
                } else {
                    parts.related_total(opts.semantic_weight)
                };
                if related >= opts.related {
                    related_pairs.push((related, ni, oi));
                }
            }
        }
        related_pairs
            .sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        // For identical texts (boilerplate repeated under several headings),
        // the copy whose heading path and next unit match best is the
        // predecessor.
        let context = |ni: usize, oi: usize| -> f64 {
            let (n, o) = (self.units[new[ni]], self.units[old[oi]]);
            let next = match (new.get(ni + 1), old.get(oi + 1)) {
                (Some(&n), Some(&o)) => score::cosine(&self.features[o], &self.features[n]),
                _ => 0.0,
            };
            next + heading_overlap(&o.section, &n.section)
        };
        pairs.sort_unstable_by(|a, b| {
            b.3.cmp(&a.3)
                .then(b.0.total_cmp(&a.0))
                .then_with(|| {
                    if a.3 && b.3 && a.1 == b.1 {
                        // Boilerplate repeated in several places: prefer the
                        // copy whose neighbourhood matches.
                        context(b.1, b.2).total_cmp(&context(a.1, a.2))
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });

        let mut new_taken = vec![false; new.len()];
        let mut old_taken = vec![false; old.len()];
        // The best score of each newer unit over all its candidates, taken
        // or not: pairs are visited best first, so it is the first seen.
        let mut best = vec![f64::NAN; new.len()];
        let mut links: Vec<(usize, usize, f64, Relation)> = Vec::new();
        for &(total, ni, oi, identical) in &pairs {
            if best[ni].is_nan() {
                best[ni] = total;
            }
            if new_taken[ni] || old_taken[oi] {
                continue;
            }
            // A second choice well below the first, whose older unit went
            // to a closer successor, is a partial precedent (the other half
            // of a split, a paragraph reusing one sentence), not the same
            // provision: it may still be `related`.
            if !identical && total < best[ni] - SECOND_CHOICE_MARGIN {
                continue;
            }
            if identical || total >= opts.reworded {
                new_taken[ni] = true;
                old_taken[oi] = true;
                let rel = if identical {
                    Relation::Identical
                } else {
                    Relation::Reworded
                };
                links.push((ni, oi, total, rel));
            }
        }
        let backbone: FxHashMap<usize, usize> = links.iter().map(|&(n, o, _, _)| (n, o)).collect();
        let mut related_count = vec![0usize; new.len()];
        for &(total, ni, oi) in &related_pairs {
            if total < opts.related
                || backbone.get(&ni) == Some(&oi)
                || related_count[ni] >= opts.max_related
            {
                continue;
            }
            related_count[ni] += 1;
            links.push((ni, oi, total, Relation::Related));
        }

        let parts_of = |ni: usize, oi: usize| -> ScoreParts {
            scored[ni]
                .iter()
                .find(|(o, _)| *o == oi)
                .map(|(_, p)| *p)
                .unwrap_or_default()
        };
        let rounded = |total: f64| (total * 1000.0).round() / 1000.0;
        // Newer units in document order, then backbone first, then by score.
        links.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.3.cmp(&b.3))
                .then(rounded(b.2).total_cmp(&rounded(a.2)))
                .then_with(|| cite(&old, a.1).cmp(cite(&old, b.1)))
        });
        let out: Vec<Link> = links
            .iter()
            .map(|&(ni, oi, total, relation)| Link {
                old: cite(&old, oi).clone(),
                new: cite(&new, ni).clone(),
                score: rounded(total),
                relation,
                parts: parts_of(ni, oi),
            })
            .collect();
        let linked_new: Vec<bool> = {
            let mut v = vec![false; new.len()];
            for &(ni, ..) in &links {
                v[ni] = true;
            }
            v
        };
        let mut linked_old = vec![false; old.len()];
        for &(_, oi, ..) in &links {
            linked_old[oi] = true;
        }
        let docs = |side: &[usize]| -> Vec<String> {
            let mut ids: Vec<String> = Vec::new();
            for &u in side {
                let d = &self.units[u].id.doc;
                if !ids.contains(d) {
                    ids.push(d.clone());
                }
            }
            ids
        };
        progress.finish();
        let cites = |ix: &[usize]| -> Vec<Citation> {
            ix.iter().map(|&u| self.units[u].id.clone()).collect()
        };
        let chapeau = |side: &[usize], i: usize| self.units[side[i]].role.is_boilerplate();
        let chapeaux = |ix: &[usize]| -> Vec<Citation> {
            ix.iter()
                .filter(|&&u| self.units[u].role.is_boilerplate())
                .map(|&u| self.units[u].id.clone())
                .collect()
        };
        let mut notes = Vec::new();
        if capped > 0 {
            notes.push(format!(
                "{capped} newer units had more than {} candidates; the best {} by shared vocabulary were scored",
                opts.max_candidates, opts.max_candidates
            ));
        }
        Alignment {
            old_docs: docs(&old),
            new_docs: docs(&new),
            links: out,
            new_units: (0..new.len())
                .filter(|&i| !linked_new[i] && !chapeau(&new, i))
                .map(|i| cite(&new, i).clone())
                .collect(),
            dropped_units: (0..old.len())
                .filter(|&i| !linked_old[i] && !chapeau(&old, i))
                .map(|i| cite(&old, i).clone())
                .collect(),
            new_order: new.iter().map(|&u| self.units[u].id.clone()).collect(),
            notes,
            semantic_weight: self.has_vectors().then_some(opts.semantic_weight),
            wording_only: self.without_vectors(&old) + self.without_vectors(&new),
            procedural_old: cites(&procedural_old),
            procedural_new: cites(&procedural_new),
            boilerplate_old: chapeaux(&old),
            boilerplate_new: chapeaux(&new),
        }
    }
}

/// Share of words two heading paths have in common (Jaccard).
fn heading_overlap(a: &[String], b: &[String]) -> f64 {
    let set = |h: &[String]| -> rustc_hash::FxHashSet<String> {
        h.iter()
            .flat_map(|s| text::words(s).collect::<Vec<_>>())
            .collect()
    };
    let (a, b) = (set(a), set(b));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Aligns two sides with a scope made of exactly their units.
pub fn align(old: &[&Unit], new: &[&Unit], opts: &AlignOptions) -> Alignment {
    let mut seen: rustc_hash::FxHashSet<&Citation> = old.iter().map(|u| &u.id).collect();
    let mut all: Vec<&Unit> = old.to_vec();
    all.extend(new.iter().filter(|u| seen.insert(&u.id)));
    Scope::new(all).align(old, new, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Citation, UnitKind, UnitPath};

    fn unit(doc: &str, n: u32, text: &str) -> Unit {
        Unit {
            label: String::new(),
            chapeau: None,
            id: Citation::new(doc, UnitPath::para(n)),
            kind: UnitKind::Paragraph,
            text: text.into(),
            section: Vec::new(),
            footnotes: Vec::new(),
            year: None,
            line: n as usize,
            role: crate::parse::Role::Narrative,
        }
    }

    #[test]
    fn a_short_provision_meets_the_sentence_of_a_long_paragraph_that_makes_its_point() {
        // The point of the newer unit is one sentence of a long discussion
        // paragraph: against the whole, it scores below the related
        // threshold; sentence by sentence, it is related, never reworded.
        let long = unit(
            "old",
            1,
            "Speakers discussed prison overcrowding, the detention of children, and the many obstacles that penitentiary systems face in the region, including staffing shortages, ageing buildings and budget constraints. They also addressed pre-trial detention and bail reform at length, with examples from several national systems and a survey of legislative reforms. Delegations called for restorative justice.",
        );
        let other = unit(
            "old",
            2,
            "Cybercrime and the misuse of cryptocurrencies were raised as growing threats.",
        );
        let short = unit(
            "new",
            1,
            "Diversion was also discussed, with delegations highlighting restorative justice for adults, underpinned by guidelines, standard operating procedures and training, to promote a harmonized understanding.",
        );
        let (old, new) = (vec![&long, &other], vec![&short]);
        let scope = Scope::new(vec![&long, &other, &short]);
        let parts = scope.score(&long, &short).unwrap();
        let opts = AlignOptions::default();
        assert!(parts.total(0.0) < opts.related, "{parts:?}");
        let al = scope.align(&old, &new, &opts);
        assert_eq!(al.links.len(), 1, "{:?}", al.links);
        let l = &al.links[0];
        assert_eq!(
            (l.old.clone(), l.relation),
            (long.id.clone(), Relation::Related)
        );
        assert!(l.parts.passage.unwrap() > parts.words(), "{:?}", l.parts);
        assert!(l.score >= opts.related);
        // A single-sentence older unit has no passage to read.
        assert_eq!(scope.passage(1, 2), None);
    }

    #[test]
    fn vectors_find_a_restatement_that_shares_no_words_but_cannot_call_it_reworded() {
        let a = unit(
            "old",
            1,
            "Support UNODC in operationalizing the outcome documents of the congresses.",
        );
        let b = unit(
            "old",
            2,
            "Prison overcrowding calls for alternatives to imprisonment.",
        );
        let n = unit(
            "new",
            1,
            "Collaborate with the Office to put into practice what the gatherings concluded.",
        );
        let (old, new) = (vec![&a, &b], vec![&n]);
        let opts = AlignOptions::default();

        let lexical = Scope::new(vec![&a, &b, &n]).align(&old, &new, &opts);
        assert!(lexical.links.is_empty(), "{:?}", lexical.links);
        assert_eq!(lexical.semantic_weight, None);

        let mut scope = Scope::new(vec![&a, &b, &n]);
        let norm = |v: [f32; 3]| {
            let l = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter().map(|x| x / l).collect::<Vec<f32>>()
        };
        scope.set_vectors(
            &[&a, &b, &n],
            vec![
                norm([1.0, 0.0, 0.0]),
                norm([0.0, 1.0, 0.0]),
                norm([0.98, 0.2, 0.0]),
            ],
        );
        let al = scope.align(&old, &new, &opts);
        assert_eq!(al.semantic_weight, Some(opts.semantic_weight));
        assert_eq!(al.links.len(), 1, "{:?}", al.links);
        let l = &al.links[0];
        assert_eq!(l.old, a.id);
        assert!(l.parts.semantic.unwrap() > 0.95);
        // Meaning alone weighs a quarter: enough to show the precedent, not
        // to claim the same provision without shared wording.
        assert_eq!(l.relation, Relation::Related);
        assert!(l.score < opts.reworded && l.score >= opts.related);
    }
}
