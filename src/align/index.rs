//! The candidate index: an inverted index from features (stemmed terms
//! and word-pair shingles) to the units of the older side, so that each
//! unit of the newer side is scored against the few units it shares
//! selective features with, never against all of them.
//!
//! ## How candidates are found, and why
//!
//! A newer unit visits the postings of its features **most selective
//! first** (fewest older units), until a per-unit budget of postings
//! ([`POSTINGS_BUDGET`]) is spent; each older unit met accumulates the
//! weight `ln(1 + n/df)` of the features it shares, and is ranked by that
//! sum over the square root of its own features' weight (a cosine over
//! binary features). The best `k` are scored exactly by
//! [`score`](super::score).
//!
//! Word pairs are what keep the true pair when vocabulary is shared. In a
//! collection that repeats the same sentences thousands of times, almost
//! every word is in more units than any budget can visit, while the word
//! pairs made by an edit or by the join of two sentences are in a handful:
//! they are the features a unit's own history leaves. The index used to
//! hold terms alone, skip every term in more than `4·√n` older units (a
//! global cap), and rank by shared IDF mass; on the near-duplicate kind of
//! `accord synth` (paragraphs spliced from a thousand real sentences of the
//! seeds, no invented word) that found the true older unit for fewer and
//! fewer newer units as the corpus grew. Measured with `cargo run
//! --release --example scale -- --kind near-duplicate 10000 100000`
//! (backbone F1, identical + reworded links against the truth):
//!
//! | Index | 10,000 units | 100,000 units |
//! |---|---|---|
//! | terms, global cap (before) | 0.859 | 0.621 (recall 0.52) |
//! | terms and word pairs, per-unit budget | 0.862 | 0.844 (recall 0.89) |
//! | the same, units under half the best shared weight not ranked | 0.920 | 0.893 |
//!
//! (The last row also has the second-choice margin of the assignment, see
//! [`super`].) Visiting more postings did not help: a budget of 3,000
//! instead of 1,000 gave F1 0.878 at 100,000 (common pairs crowd the ranking)
//! and took longer. Min-hash signatures over longer shingles were not
//! needed: word pairs ranked rarest first already put the true older unit
//! first for 84% of copied and reworded units at 100,000 units, and among
//! the 64 kept for 98% (floor 0.25). On the distinctive kind, F1 stays 1.000 at 1,000,
//! 10,000 and 100,000 units.
//!
//! Cost grows with the number of units times the budget: linear.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::text::Features;

/// Up to this many older units, every shared term proposes candidates
/// (the best `k` of them are kept). Real reports have a few hundred units.
pub const EXHAUSTIVE_UP_TO: usize = 5_000;

/// Beyond [`EXHAUSTIVE_UP_TO`]: postings a newer unit may visit while
/// looking for candidates, most selective features first. In a corpus of
/// 100,000 units it keeps each search to the features that can tell units
/// apart (measured: see the module docs).
pub const POSTINGS_BUDGET: usize = 1_000;

/// Beyond [`EXHAUSTIVE_UP_TO`]: older units sharing less than this share of
/// the weight the best candidate shares are not ranked. Measured on the
/// near-duplicate kind (module docs): 0.25 gave F1 0.917 / 0.883 at 10,000 /
/// 100,000 units, 0.5 gave 0.920 / 0.893 and 4 s less at 100,000; 0.7 gave
/// a little more F1 but lost related links (all-links recall 0.926 to
/// 0.916 at 10,000).
pub const CANDIDATE_FLOOR: f32 = 0.5;

/// Inverted index over the older side: one postings list per feature,
/// terms and word-pair shingles alike.
pub struct CandidateIndex {
    /// Postings by feature: term ids first (`0..terms`), then shingles.
    postings: Vec<Vec<u32>>,
    /// Number of term features (the vocabulary's length).
    terms: usize,
    /// Feature id of each shingle of the older side.
    shingle_ids: FxHashMap<u64, u32>,
    /// Weight of each feature: `ln(1 + n / df)` over the older side.
    weight: Vec<f32>,
    /// Square root of the summed weight of each older unit's features.
    norm: Vec<f32>,
    /// Postings one search may visit.
    budget: usize,
    /// Share of the best shared weight below which a unit is not ranked.
    floor: f32,
}

/// Result of candidate search for one newer unit.
pub struct Candidates {
    /// Indices into the older side, best first.
    pub old: Vec<u32>,
    /// True when more candidates qualified than were kept.
    pub capped: bool,
}

impl CandidateIndex {
    /// Indexes `old` (features of the older side) over a vocabulary of
    /// `vocab_len` terms.
    pub fn new(old: &[&Features], vocab_len: usize) -> CandidateIndex {
        let mut postings = vec![Vec::new(); vocab_len];
        let mut shingle_ids: FxHashMap<u64, u32> = FxHashMap::default();
        for (i, f) in old.iter().enumerate() {
            for &(t, _) in &f.terms {
                postings[t as usize].push(i as u32);
            }
            for &s in &f.shingles {
                let next = postings.len() as u32;
                let id = *shingle_ids.entry(s).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                postings[id as usize].push(i as u32);
            }
        }
        let n = old.len() as f32;
        let weight: Vec<f32> = postings
            .iter()
            .map(|p| {
                if p.is_empty() {
                    0.0
                } else {
                    (1.0 + n / p.len() as f32).ln()
                }
            })
            .collect();
        let mut index = CandidateIndex {
            postings,
            terms: vocab_len,
            shingle_ids,
            weight,
            norm: Vec::new(),
            budget: usize::MAX,
            floor: 0.0,
        };
        index.norm = old
            .iter()
            .map(|f| {
                index
                    .features(f)
                    .map(|id| index.weight[id as usize])
                    .sum::<f32>()
                    .sqrt()
                    .max(1e-3)
            })
            .collect();
        if old.len() > EXHAUSTIVE_UP_TO {
            index.budget = POSTINGS_BUDGET;
            index.floor = CANDIDATE_FLOOR;
        }
        index
    }

    /// The feature ids of a unit that occur on the older side.
    fn features<'f>(&'f self, f: &'f Features) -> impl Iterator<Item = u32> + 'f {
        let terms = f
            .terms
            .iter()
            .map(|&(t, _)| t)
            .filter(|&t| (t as usize) < self.terms);
        let shingles = f
            .shingles
            .iter()
            .filter_map(|s| self.shingle_ids.get(s).copied());
        terms.chain(shingles)
    }

    /// Up to `k` candidates for each unit of `new`, ranked by the weight of
    /// the features they share (a cosine over binary features).
    /// Deterministic: ties go to the lower index.
    pub fn candidates(&self, old: &[&Features], new: &[&Features], k: usize) -> Vec<Candidates> {
        new.par_iter()
            .map_init(
                || (vec![0f32; old.len()], Vec::<u32>::new()),
                |(acc, touched), f| {
                    // Most selective features first, until the budget is spent.
                    let mut features: Vec<u32> = self
                        .features(f)
                        .filter(|&id| !self.postings[id as usize].is_empty())
                        .collect();
                    features.sort_unstable_by_key(|&id| (self.postings[id as usize].len(), id));
                    let mut spent: usize = 0;
                    for id in features {
                        let p = &self.postings[id as usize];
                        if spent.saturating_add(p.len()) > self.budget && spent > 0 {
                            break;
                        }
                        spent = spent.saturating_add(p.len());
                        let w = self.weight[id as usize];
                        for &o in p {
                            if acc[o as usize] == 0.0 {
                                touched.push(o);
                            }
                            acc[o as usize] += w;
                        }
                    }
                    // Units that share only a sliver of what the best share
                    // are not worth ranking.
                    let floor = touched
                        .iter()
                        .map(|&o| acc[o as usize])
                        .fold(0.0f32, f32::max)
                        * self.floor;
                    let mut ranked: Vec<(f32, u32)> = touched
                        .iter()
                        .filter(|&&o| acc[o as usize] >= floor)
                        .map(|&o| (acc[o as usize] / self.norm[o as usize], o))
                        .collect();
                    for &o in touched.iter() {
                        acc[o as usize] = 0.0;
                    }
                    touched.clear();
                    let order =
                        |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
                    let capped = ranked.len() > k;
                    if capped {
                        ranked.select_nth_unstable_by(k, order);
                        ranked.truncate(k);
                    }
                    ranked.sort_unstable_by(order);
                    Candidates {
                        old: ranked.into_iter().map(|(_, o)| o).collect(),
                        capped,
                    }
                },
            )
            .collect()
    }
}
