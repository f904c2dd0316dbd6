//! Nearest older units by sentence vector, for newer units whose wording
//! found no convincing precedent (a provision restated in other words).
//!
//! Up to [`EXACT_UP_TO`] older units every vector is compared (exact).
//! Above, an inverted-file index answers (IVF, as in Jégou, Douze and
//! Schmid 2011 and the `IndexIVFFlat` of FAISS): the older vectors are
//! grouped around `√n` centres by k-means, and a query is compared with
//! the centres, then only with the vectors of the [`PROBES`] nearest
//! groups, a few percent of the side. The vectors it proposes are then
//! ranked by exact cosine by the caller, so only *which* units are
//! proposed is approximate, never a score.
//!
//! ## Why not a graph index
//!
//! The issue that asked for this named HNSW graphs, and the
//! `instant-distance` crate was tried first (read, built and measured).
//! Its graph is built by inserting points in parallel, so the graph, and
//! then which neighbours a query finds, depends on thread timing; accord's
//! output must not. Built in a one-thread pool it is deterministic, but
//! took 11.7 s for 10,000 vectors of 384 dimensions (ef_construction 64,
//! simple neighbour selection; 35 s with its default heuristic and
//! ef_construction 32) on
//! the 2-core development machine: about two and a half minutes at
//! 100,000, against a target of 15 s for the whole run. `hnsw_rs` 0.3.5,
//! whose one-by-one `insert` is deterministic, was no quicker: 10.3 s for
//! the same 10,000 vectors (ef_construction 64, 16 links), 4.0 s at 32. The inverted file
//! is deterministic by construction (fixed initial centres, a fixed number
//! of rounds, sums in a fixed order, ties broken by index), and builds for
//! 100,000 vectors in under half a second.
//!
//! The members of each group are stored together, and the units that ask
//! are answered all at once ([`Neighbours::propose_many`]): each group is
//! multiplied with the queries that probe it, so that its vectors are
//! read once, not once per query. At 100,000 units of the distinctive
//! kind (19,000 newer units asking, stand-in vectors), a query at a time
//! took 37 s for the whole run; all at once, 13.4 s.
//!
//! Recall, measured on real sentence vectors: see [`PROBES`].

use rayon::prelude::*;

/// Up to this many older units, nearest neighbours are found by comparing
/// every vector (exact); above, by the inverted file. The built-in corpus
/// and the reports users bring are far below it.
pub const EXACT_UP_TO: usize = 5_000;

/// Groups a query visits. With `√n` groups, 16 of them hold about 16/√n
/// of the side (16% at 10,000 units, 5% at 100,000). Measured on the real
/// MiniLM vectors of the 18,241 paragraphs of a 10,000-unit near-duplicate
/// corpus (10,000 as the older side, 500 others as queries) against exact
/// search, the share of the true nearest (and 5 nearest) proposed: 8
/// probes 0.942 (0.914), 16 probes 0.970 (0.952), 24 probes 0.976
/// (0.969), 32 probes 0.986 (0.980), with 6 rounds of k-means on 20,000
/// training vectors; with the 3 rounds on 10,000 now used, 16 probes give
/// 0.968 (0.952). Each probe costs `√n` dot products per query; 16 is
/// where the curve flattens. Command: `cargo test
/// --release --lib recall_on_real -- --include-ignored --nocapture` with
/// `ACCORD_IVF_VECTORS` naming a cache file.
pub const PROBES: usize = 16;

/// Rounds of k-means. Same measurement: 3 rounds 0.968 (0.952), 6 rounds
/// 0.970 (0.952), 10 rounds 0.968 (0.954): 3 do as well, for half the
/// training.
const ROUNDS: usize = 3;

/// At most this many vectors train the centres (every k-th, in order);
/// all are then assigned to their nearest centre.
const TRAIN: usize = 10_000;

/// Of the probed groups' members, this many times the neighbours wanted
/// are proposed for exact ranking (the `f32` dot product that picks them
/// can differ from the exact cosine in the seventh digit, never more).
pub const SHORTLIST: usize = 4;

/// Dot product of two vectors of the same length, in a fixed order:
/// thirty-two running sums (four independent groups of eight), so that it
/// vectorises and keeps the processor's adders busy without reordering
/// anything between runs.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut sums = [[0f32; 8]; 4];
    let (ca, cb) = (a.chunks_exact(32), b.chunks_exact(32));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        // Known lengths: no bounds checks, so the loop vectorises.
        let (x, y): (&[f32; 32], &[f32; 32]) = match (x.try_into(), y.try_into()) {
            (Ok(x), Ok(y)) => (x, y),
            _ => unreachable!("chunks_exact(32) gives chunks of 32"),
        };
        for (j, s) in sums.iter_mut().enumerate() {
            for i in 0..8 {
                s[i] += x[j * 8 + i] * y[j * 8 + i];
            }
        }
    }
    let mut tail = 0f32;
    for (x, y) in ra.iter().zip(rb) {
        tail += x * y;
    }
    let mut lanes = [0f32; 8];
    for s in &sums {
        for i in 0..8 {
            lanes[i] += s[i];
        }
    }
    ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
        + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
        + tail
}

/// Scales a vector to unit length (a zero vector stays zero).
fn unit(v: &[f32]) -> Vec<f32> {
    let norm = dot(v, v).sqrt();
    let scale = if norm > 0.0 { 1.0 / norm } else { 0.0 };
    v.iter().map(|x| x * scale).collect()
}

/// Index of the centre with the largest dot product; ties to the lower.
fn nearest_centre(centres: &[Vec<f32>], v: &[f32]) -> usize {
    let scores: Vec<f32> = centres.iter().map(|c| dot(c, v)).collect();
    argmax(&scores)
}

/// A query (its index) and its best (score, older unit) in one group.
type Hits = (u32, Vec<(f32, usize)>);

/// Queries multiplied with a group at a time.
const QUERY_ROWS: usize = 256;

/// The `keep` best (score, member) of one query's scores against a group's
/// `members`, best first; ties to the lower member.
fn top(scores: &[f32], members: &[u32], keep: usize) -> Vec<(f32, usize)> {
    let better =
        |a: &(f32, usize), b: &(f32, usize)| a.0.total_cmp(&b.0).reverse().then(a.1.cmp(&b.1));
    let mut best: Vec<(f32, usize)> = Vec::with_capacity(keep + 1);
    for (&s, &m) in scores.iter().zip(members) {
        let item = (s, m as usize);
        if best.len() == keep && best.last().is_some_and(|w| better(&item, w).is_ge()) {
            continue;
        }
        let at = best.partition_point(|b| better(b, &item).is_lt());
        best.insert(at, item);
        best.truncate(keep);
    }
    best
}

/// The `n` best of (score, index) pairs, in no order: highest score
/// first, ties to the lower index.
fn best(mut v: Vec<(f32, usize)>, n: usize) -> Vec<(f32, usize)> {
    if v.len() > n {
        v.select_nth_unstable_by(n, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v.truncate(n);
    }
    v
}

/// Index of the largest score; ties to the lower.
fn argmax(scores: &[f32]) -> usize {
    let mut best = (f32::NEG_INFINITY, 0);
    for (c, &d) in scores.iter().enumerate() {
        if d > best.0 {
            best = (d, c);
        }
    }
    best.1
}

/// Rows per matrix product when assigning vectors to centres.
const ASSIGN_ROWS: usize = 2_048;

/// The nearest centre of each vector. The products are taken as matrix
/// products (candle's CPU matmul, the `gemm` crate, already used by the
/// embedding model and tested there to give the same bits whatever the
/// thread count; `tests/align_scale.rs` checks it here), in fixed blocks
/// of [`ASSIGN_ROWS`] vectors: building the index for 100,000 vectors took
/// 0.44 s instead of 2.5 s vector by vector. Should candle fail, vector by
/// vector.
fn assign(centres: &[Vec<f32>], vectors: &[&[f32]]) -> Vec<usize> {
    use candle_core::{Device, Tensor};
    let by_matmul = || -> candle_core::Result<Vec<usize>> {
        let (k, dim) = (centres.len(), centres[0].len());
        let flat: Vec<f32> = centres.iter().flatten().copied().collect();
        let centres_t = Tensor::from_vec(flat, (k, dim), &Device::Cpu)?
            .t()?
            .contiguous()?;
        let mut out = Vec::with_capacity(vectors.len());
        for block in vectors.chunks(ASSIGN_ROWS) {
            let flat: Vec<f32> = block.iter().flat_map(|v| v.iter().copied()).collect();
            let x = Tensor::from_vec(flat, (block.len(), dim), &Device::Cpu)?;
            let scores: Vec<Vec<f32>> = x.matmul(&centres_t)?.to_vec2()?;
            out.extend(scores.iter().map(|row| argmax(row)));
        }
        Ok(out)
    };
    by_matmul().unwrap_or_else(|_| {
        vectors
            .par_iter()
            .map(|v| nearest_centre(centres, v))
            .collect()
    })
}

/// Nearest-neighbour search over the vectors of the older side.
pub struct Neighbours {
    /// Unit-length group centres; empty: compare every vector.
    centres: Vec<Vec<f32>>,
    /// Indices into the older side of each group's members, ascending.
    groups: Vec<Vec<u32>>,
    /// The members' unit-length vectors, group after group, each group's
    /// in the order of `groups`: a query reads each probed group as one
    /// contiguous block.
    vectors: Vec<f32>,
    /// Where each group's vectors start in `vectors`, in vectors.
    starts: Vec<usize>,
    /// Length of a vector.
    dim: usize,
}

impl Neighbours {
    /// The search for older units with these vectors (`None`: the unit has
    /// none), exact or by inverted file depending on their number.
    pub fn new(old: &[Option<&[f32]>]) -> Neighbours {
        let exact = Neighbours {
            centres: Vec::new(),
            groups: Vec::new(),
            vectors: Vec::new(),
            starts: Vec::new(),
            dim: 0,
        };
        if old.len() <= EXACT_UP_TO {
            return exact;
        }
        let points: Vec<(u32, Vec<f32>)> = old
            .par_iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i as u32, unit((*v)?))))
            .collect();
        if points.len() <= EXACT_UP_TO {
            return exact;
        }
        let k = (points.len() as f64).sqrt().ceil() as usize;
        let train: Vec<&[f32]> = points
            .iter()
            .step_by(points.len().div_ceil(TRAIN))
            .map(|(_, v)| v.as_slice())
            .collect();
        // Initial centres: vectors spread evenly over the training set.
        let mut centres: Vec<Vec<f32>> = (0..k)
            .map(|c| train[c * train.len() / k].to_vec())
            .collect();
        let dim = centres[0].len();
        for _ in 0..ROUNDS {
            let assigned = assign(&centres, &train);
            // Sums per group in training order, groups in parallel: the
            // same bits whatever the thread count.
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
            for (t, &c) in assigned.iter().enumerate() {
                members[c].push(t);
            }
            centres = members
                .par_iter()
                .zip(centres.par_iter())
                .map(|(m, old_centre)| {
                    if m.is_empty() {
                        return old_centre.clone();
                    }
                    let mut sum = vec![0f32; dim];
                    for &t in m {
                        for (s, x) in sum.iter_mut().zip(train[t]) {
                            *s += x;
                        }
                    }
                    unit(&sum)
                })
                .collect();
        }
        let all: Vec<&[f32]> = points.iter().map(|(_, v)| v.as_slice()).collect();
        let assigned = assign(&centres, &all);
        let mut groups: Vec<Vec<u32>> = vec![Vec::new(); k];
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (p, ((i, _), c)) in points.iter().zip(assigned).enumerate() {
            groups[c].push(*i);
            members[c].push(p);
        }
        let mut vectors = Vec::with_capacity(points.len() * dim);
        let mut starts = Vec::with_capacity(k);
        for m in &members {
            starts.push(vectors.len() / dim);
            for &p in m {
                vectors.extend_from_slice(&points[p].1);
            }
        }
        Neighbours {
            centres,
            groups,
            vectors,
            starts,
            dim,
        }
    }

    /// True when answers come from the inverted file (approximate).
    pub fn is_approximate(&self) -> bool {
        !self.centres.is_empty()
    }

    /// [`Neighbours::propose`] for many targets at once: one list per
    /// target, in order; `None` when exact (every index is a candidate for
    /// every target). With the inverted file, the products are taken
    /// as matrix products, group by group, each group's vectors read once
    /// for all the targets that probe it (a query at a time, 19,000
    /// queries at 100,000 units took 27 s, waiting on memory).
    /// `None` when exact: every index is a candidate for every target.
    pub fn propose_many(
        &self,
        targets: &[&[f32]],
        want: usize,
        len: usize,
    ) -> Option<Vec<Vec<usize>>> {
        if self.centres.is_empty() {
            return None;
        }
        Some(
            match self.propose_batched(targets, want.saturating_mul(SHORTLIST)) {
                Ok(found) => found,
                // Should candle fail: a target at a time.
                Err(_) => targets
                    .par_iter()
                    .map(|t| self.propose(t, want, len))
                    .collect(),
            },
        )
    }

    fn propose_batched(
        &self,
        targets: &[&[f32]],
        keep: usize,
    ) -> candle_core::Result<Vec<Vec<usize>>> {
        use candle_core::{Device, Tensor};
        let dim = self.dim;
        let queries: Vec<Vec<f32>> = targets.par_iter().map(|t| unit(t)).collect();
        // The groups each query probes.
        let k = self.centres.len();
        let centres_t = Tensor::from_vec(
            self.centres.iter().flatten().copied().collect::<Vec<f32>>(),
            (k, dim),
            &Device::Cpu,
        )?
        .t()?
        .contiguous()?;
        let mut probing: Vec<Vec<u32>> = vec![Vec::new(); k];
        for (block_no, block) in queries.chunks(ASSIGN_ROWS).enumerate() {
            let flat: Vec<f32> = block.iter().flatten().copied().collect();
            let scores = Tensor::from_vec(flat, (block.len(), dim), &Device::Cpu)?
                .matmul(&centres_t)?
                .to_vec2::<f32>()?;
            for (j, row) in scores.into_iter().enumerate() {
                let q = (block_no * ASSIGN_ROWS + j) as u32;
                let row: Vec<(f32, usize)> = row.into_iter().zip(0..).collect();
                for (_, c) in best(row, PROBES) {
                    probing[c].push(q);
                }
            }
        }
        // Each group against the queries that probe it, QUERY_ROWS queries
        // at a time (memory stays at QUERY_ROWS × the group's size): the
        // best `keep` of the group for each.
        let per_group: Vec<Vec<Hits>> = (0..k)
            .into_par_iter()
            .map(|c| -> candle_core::Result<_> {
                let (members, qs) = (&self.groups[c], &probing[c]);
                if members.is_empty() || qs.is_empty() {
                    return Ok(Vec::new());
                }
                let start = self.starts[c] * dim;
                let block = self.vectors[start..start + members.len() * dim].to_vec();
                let x_t = Tensor::from_vec(block, (members.len(), dim), &Device::Cpu)?
                    .t()?
                    .contiguous()?;
                let mut out = Vec::with_capacity(qs.len());
                for chunk in qs.chunks(QUERY_ROWS) {
                    let flat: Vec<f32> = chunk
                        .iter()
                        .flat_map(|&q| queries[q as usize].iter().copied())
                        .collect();
                    // queries × members
                    let scores = Tensor::from_vec(flat, (chunk.len(), dim), &Device::Cpu)?
                        .matmul(&x_t)?
                        .to_vec2::<f32>()?;
                    for (&q, row) in chunk.iter().zip(scores) {
                        out.push((q, top(&row, members, keep)));
                    }
                }
                Ok(out)
            })
            .collect::<candle_core::Result<_>>()?;
        let mut found: Vec<Vec<(f32, usize)>> = vec![Vec::new(); queries.len()];
        for group in per_group {
            for (q, hits) in group {
                found[q as usize].extend(hits);
            }
        }
        Ok(found
            .into_par_iter()
            .map(|hits| {
                let mut out: Vec<usize> = best(hits, keep).into_iter().map(|(_, i)| i).collect();
                out.sort_unstable();
                out
            })
            .collect())
    }

    /// Indices into the older side (of `len` units), ascending, whose
    /// vectors may be among the `want` nearest to `target`: every index
    /// when exact; else, of the members of the [`PROBES`] groups whose
    /// centres are nearest, the [`SHORTLIST`]` × want` nearest by `f32` dot
    /// product. The caller ranks them by exact cosine.
    pub fn propose(&self, target: &[f32], want: usize, len: usize) -> Vec<usize> {
        if self.centres.is_empty() {
            return (0..len).collect();
        }
        let q = unit(target);
        let near = best(
            self.centres
                .iter()
                .enumerate()
                .map(|(c, centre)| (dot(centre, &q), c))
                .collect(),
            PROBES,
        );
        let members: Vec<(f32, usize)> = near
            .iter()
            .flat_map(|&(_, c)| {
                let block = self.vectors[self.starts[c] * self.dim..]
                    .chunks_exact(self.dim)
                    .take(self.groups[c].len());
                block
                    .zip(&self.groups[c])
                    .map(|(v, &i)| (dot(v, &q), i as usize))
            })
            .collect();
        let mut out: Vec<usize> = best(members, want.saturating_mul(SHORTLIST))
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// Stand-in vectors: 300 topics, each unit near one (as paragraphs on
    /// one subject are near each other).
    fn clustered(n: usize, seed: u64) -> Vec<Vec<f32>> {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let topics: Vec<Vec<f32>> = (0..300)
            .map(|_| {
                unit(
                    &(0..48)
                        .map(|_| rng.random_range(-1.0f32..1.0))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        (0..n)
            .map(|_| {
                let t = &topics[rng.random_range(0..topics.len())];
                near(t, 0.15, &mut rng)
            })
            .collect()
    }

    /// `v` moved by up to `spread` in each coordinate, at unit length.
    fn near(v: &[f32], spread: f32, rng: &mut rand_chacha::ChaCha8Rng) -> Vec<f32> {
        unit(
            &v.iter()
                .map(|x| x + rng.random_range(-spread..spread))
                .collect::<Vec<_>>(),
        )
    }

    /// Share of each query's exact `k` nearest that `propose` returns.
    fn recall(old: &[Vec<f32>], queries: &[Vec<f32>], k: usize) -> f64 {
        let refs: Vec<Option<&[f32]>> = old.iter().map(|v| Some(v.as_slice())).collect();
        let index = Neighbours::new(&refs);
        assert!(index.is_approximate());
        let mut found = 0;
        for q in queries {
            let mut exact: Vec<(f32, usize)> = old
                .iter()
                .enumerate()
                .map(|(i, v)| (dot(v, q), i))
                .collect();
            exact.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let proposed = index.propose(q, k, old.len());
            found += exact[..k]
                .iter()
                .filter(|(_, i)| proposed.binary_search(i).is_ok())
                .count();
        }
        found as f64 / (queries.len() * k) as f64
    }

    #[test]
    fn the_inverted_file_proposes_the_nearest_and_is_the_same_in_any_pool() {
        let old = clustered(EXACT_UP_TO + 3_000, 3);
        // Queries near older units, as a restated provision is near its
        // precedent.
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
        let queries: Vec<Vec<f32>> = (0..200)
            .map(|_| {
                let v = &old[rng.random_range(0..old.len())];
                near(v, 0.05, &mut rng)
            })
            .collect();
        let r = recall(&old, &queries, 5);
        assert!(r >= 0.9, "{r}");
        let refs: Vec<Option<&[f32]>> = old.iter().map(|v| Some(v.as_slice())).collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let four = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let (a, b) = (
            one.install(|| Neighbours::new(&refs)),
            four.install(|| Neighbours::new(&refs)),
        );
        assert_eq!(a.groups, b.groups);
        for q in &queries {
            assert_eq!(a.propose(q, 5, old.len()), b.propose(q, 5, old.len()));
        }
        // Few units: exact, every index proposed.
        let few = Neighbours::new(&refs[..EXACT_UP_TO]);
        assert!(!few.is_approximate());
        assert_eq!(few.propose(&queries[0], 5, EXACT_UP_TO).len(), EXACT_UP_TO);
    }

    #[test]
    fn dot_is_the_plain_sum() {
        let a: Vec<f32> = (0..19).map(|i| i as f32 * 0.5).collect();
        let b: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.1).collect();
        let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - plain).abs() < 1e-4);
    }

    /// Recall on real sentence vectors: `ACCORD_IVF_VECTORS` names an
    /// embedding cache file (`~/.cache/accord/embeddings-*.bin`); the first
    /// 10,000 vectors are the older side, 500 others the queries.
    #[test]
    #[ignore = "needs a cache file of real vectors"]
    fn recall_on_real_vectors() {
        let Ok(path) = std::env::var("ACCORD_IVF_VECTORS") else {
            return;
        };
        let path = std::path::Path::new(&path);
        let (cache, _) = crate::embed::EmbeddingCache::open(
            path.parent().unwrap(),
            path.file_stem()
                .unwrap()
                .to_str()
                .unwrap()
                .trim_start_matches("embeddings-"),
        );
        let all = cache.vectors();
        let (old, queries) = all.split_at(all.len() - 500);
        for k in [1, 5] {
            println!(
                "recall@{k}: {:.3}",
                recall(&old[..old.len().min(10_000)], queries, k)
            );
        }
    }
}
