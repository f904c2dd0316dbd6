//! The candidate index: an inverted index from terms to the units of the
//! older side, so that each unit of the newer side is scored against the
//! few units it shares distinctive words with, never against all of them.
//! Cost grows with the number of units times the postings of their
//! distinctive terms, close to linearly for real and synthetic corpora.

use rayon::prelude::*;

use super::text::Features;

/// Up to this many older units, every shared term proposes candidates
/// (the best `k` of them are kept). Real reports have a few hundred units.
pub const EXHAUSTIVE_UP_TO: usize = 5_000;

/// Beyond [`EXHAUSTIVE_UP_TO`]: postings a newer unit may visit while
/// looking for candidates, rarest terms first. In a corpus of 100,000 units
/// it keeps each search to the few terms that can tell units apart.
pub const POSTINGS_BUDGET: usize = 1_000;

/// Inverted index over the older side.
pub struct CandidateIndex {
    postings: Vec<Vec<u32>>,
    /// Terms in more units than this are too common to propose candidates
    /// (they still count when a pair is scored).
    max_postings: usize,
    /// Postings one search may visit.
    budget: usize,
    /// Share of the best shared mass below which a unit is not ranked.
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
        for (i, f) in old.iter().enumerate() {
            for &(t, _) in &f.terms {
                postings[t as usize].push(i as u32);
            }
        }
        if old.len() <= EXHAUSTIVE_UP_TO {
            return CandidateIndex {
                postings,
                max_postings: usize::MAX,
                budget: usize::MAX,
                floor: 0.0,
            };
        }
        // A term shared by many units says nothing about which unit is the
        // source: past 4·√n units (1,265 of 100,000) a term proposes no
        // candidates; and units sharing under a quarter of what the best
        // candidate shares are not ranked.
        let max_postings = ((old.len() as f64).sqrt() * 4.0) as usize;
        CandidateIndex {
            postings,
            max_postings,
            budget: POSTINGS_BUDGET,
            floor: 0.25,
        }
    }

    /// Up to `k` candidates for each unit of `new`, ranked by shared IDF
    /// mass relative to the smaller unit (a cheap containment estimate).
    /// Deterministic: ties go to the lower index.
    pub fn candidates(
        &self,
        old: &[&Features],
        new: &[&Features],
        idf: &[f32],
        k: usize,
    ) -> Vec<Candidates> {
        new.par_iter()
            .map_init(
                || (vec![0f32; old.len()], Vec::<u32>::new()),
                |(acc, touched), f| {
                    // Rarest terms first, until the budget is spent.
                    let mut terms: Vec<u32> = f
                        .terms
                        .iter()
                        .map(|&(t, _)| t)
                        .filter(|&t| {
                            let n = self.postings[t as usize].len();
                            n > 0 && n <= self.max_postings
                        })
                        .collect();
                    terms.sort_unstable_by_key(|&t| (self.postings[t as usize].len(), t));
                    let mut spent: usize = 0;
                    for t in terms {
                        let p = &self.postings[t as usize];
                        if spent.saturating_add(p.len()) > self.budget && spent > 0 {
                            break;
                        }
                        spent = spent.saturating_add(p.len());
                        let w = idf[t as usize];
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
                        .map(|&o| {
                            let shared = acc[o as usize];
                            let small = old[o as usize].mass.min(f.mass).max(1e-3);
                            let big = old[o as usize].mass.max(f.mass).max(1e-3);
                            (shared / small + shared / (small * big).sqrt(), o)
                        })
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
