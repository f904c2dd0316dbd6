//! Sentence embeddings: the paraphrase-aware similarity signal.
//!
//! This stage owns the all-MiniLM-L6-v2 model (a 6-layer BERT from
//! sentence-transformers) run in pure Rust with candle on the CPU, the
//! pinned hashes of its files, the pooling that turns a text into one
//! 384-dimension unit vector, [`cosine`] similarity, and an on-disk
//! [`EmbeddingCache`]. It reads no environment variable and opens no network
//! connection: the caller resolves `--model` / `ACCORD_MODEL` and the cache
//! folder and passes paths; `scripts/fetch-model.sh` installs the model.
//!
//! ```no_run
//! use accord::embed::{cosine, default_model_dir, Embedder};
//!
//! let embedder = Embedder::load(&default_model_dir())?;
//! let v = embedder.embed(&[
//!     "Strengthen the role of the Commission.",
//!     "Reinforce the Commission's role.",
//! ])?;
//! assert!(cosine(&v[0], &v[1]) > 0.5);
//! # Ok::<(), accord::embed::EmbedError>(())
//! ```
//!
//! # The model
//!
//! A text is tokenised with the model's own `tokenizer.json` (lowercasing
//! WordPiece), truncated to [`MAX_TOKENS`] tokens including `[CLS]` and
//! `[SEP]`, run through the network, and its last hidden states averaged
//! over every token (`[CLS]` and `[SEP]` included), then divided by their L2
//! norm: sentence-transformers' mean pooling and `Normalize` module. The
//! files are refused unless their SHA-256 is the pinned one
//! ([`PINNED_FILES`]), so a damaged or different model cannot silently
//! change every score.
//!
//! # Determinism
//!
//! [`Embedder::embed`] gives the same bits for a text whatever else is in
//! the call, in whatever order, and whatever the thread count
//! (`RAYON_NUM_THREADS`, the rayon pool it runs in). Two things make it so:
//!
//! * **No padding, no mask.** Texts are sorted by token count and batched
//!   only with texts of *exactly* the same count. A padded batch would
//!   change the shapes a text's matrices are multiplied in, and the matmul
//!   library (gemm) picks its kernel and its summation order from the
//!   shapes, so a text's low bits would depend on its neighbours (measured:
//!   padding a 15-token text by 5 changes the low bits of 95% of its hidden
//!   values, by up to 2e-6; batching it with equal-length texts changes
//!   none). With equal
//!   lengths, every matrix a row meets has the shape it would have alone
//!   except for the row count, and gemm blocks the inner (summed) dimension
//!   by the sizes of `k` and the cache only, accumulating each output in
//!   a fixed order over `k`; the attention products are done one sequence
//!   and head at a time.
//! * **Threads split work, never sums.** candle hands the matmul thread
//!   count to gemm, which divides the *output* blocks among threads; each
//!   output element is still one sequential sum. Other operations are
//!   element-wise or one row per task. Batches run in parallel with rayon,
//!   but each is computed on its own and the results are put back in input
//!   order. Pooling is done here in `f64`, token by token.
//!
//! The integration tests check this: a text embedded alone, in a batch of
//! texts of its length, and among other texts gives identical bits, and so
//! do runs with `RAYON_NUM_THREADS=1`, `2` and `3` (subprocesses) and inside
//! single-thread and multi-thread rayon pools. The price is batches smaller
//! than padding would allow, which costs little: the work is dominated by
//! the matrix products themselves (about 21 MFLOP per token).
//!
//! # Cost
//!
//! Embedding is the expensive part of accord: the 435 paragraph-sized blocks
//! of the five seeds (38,000 tokens, 0.8 TFLOP) take some 25 CPU-seconds
//! (13 s on two idle AVX2 cores), so callers should go through [`embed_cached`]; from the cache the same
//! texts take about a millisecond. The units of the built-in documents
//! need neither: their vectors are shipped in the binary
//! ([`ShippedVectors`]), and [`Semantic`] looks there first. candle 0.9 is used rather than 0.11,
//! whose spinning thread pool for element-wise operations made the same run
//! two to three times slower on a busy two-core machine.

mod cache;
mod error;
mod model;
mod pin;
mod semantic;
mod shipped;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use crate::progress::{NoProgress, Progress};

pub use cache::EmbeddingCache;
pub use error::EmbedError;
pub use pin::{PinnedFile, PINNED_FILES};
pub use semantic::{Embedded, Semantic};
pub use shipped::{pin_bytes, ShippedError, ShippedVectors, SHIPPED_PATH, SHIP_COMMAND};

use model::MiniLm;

/// Longest input, in tokens including `[CLS]` and `[SEP]`; longer texts are
/// cut (the model was trained at this length).
pub const MAX_TOKENS: usize = 256;

/// Length of the embedding vectors.
pub const DIMENSION: usize = model::DIM;

/// Name of the model folder under `models/`.
pub const MODEL_DIR_NAME: &str = "all-MiniLM-L6-v2";

/// From this many texts to embed, the time it will take is estimated and
/// said before starting: about a minute of work at the 32 paragraphs a
/// second measured on a 2-core machine (18,241 generated paragraphs of 10
/// to 200 words in 565 s).
pub const ESTIMATE_FROM: usize = 2_000;

/// Texts embedded between looks at whether the cache should be saved
/// (about 15 s of work at the measured 32 a second).
const SAVE_EVERY: usize = 512;

/// Embedding time after which the cache is saved, so that an interrupted
/// first run loses at most about this much work (plus one chunk of
/// [`SAVE_EVERY`] texts).
const SAVE_AFTER: std::time::Duration = std::time::Duration::from_secs(30);

/// Real runs over two threads took longer than the single-thread sample
/// projects: 565 s against 480 s for 18,241 paragraphs (1.18), more on a
/// busy machine. The estimate is raised by this much.
pub const ESTIMATE_MARGIN: f64 = 1.2;

/// Texts embedded, one at a time, to time the model before a long run.
pub const ESTIMATE_SAMPLE: usize = 12;

/// Upper bound on the tokens of one batch (rows × sequence length); it caps
/// memory for the attention matrices and gives rayon several batches.
const MAX_BATCH_TOKENS: usize = 4096;

/// The loaded model: tokenizer and network, ready to embed texts. Loading
/// takes a fraction of a second; share one `Embedder` (it is `Sync`).
pub struct Embedder {
    tokenizer: Tokenizer,
    model: MiniLm,
    model_id: String,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder")
            .field("model_id", &self.model_id)
            .finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads the model from a folder holding `model.safetensors` and
    /// `tokenizer.json` (and optionally `config.json`; without it the
    /// MiniLM-L6 configuration built in is used). Each file's SHA-256 must
    /// be the pinned one: a missing, tampered or truncated file is refused
    /// with an [`EmbedError`] naming the file and saying to re-run
    /// `scripts/fetch-model.sh`.
    #[allow(clippy::string_slice, reason = "a constant ASCII hex digest")]
    pub fn load(dir: &Path) -> Result<Embedder, EmbedError> {
        for file in [pin::MODEL, pin::TOKENIZER] {
            let path = dir.join(file.name);
            if !path.is_file() {
                return Err(EmbedError::MissingFile { path });
            }
        }
        let tokenizer_bytes = pin::read_required(dir, pin::TOKENIZER)?;
        let config = match pin::read_verified(dir, pin::CONFIG)? {
            Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| EmbedError::Load {
                path: dir.join(pin::CONFIG.name),
                message: e.to_string(),
            })?,
            None => model::builtin_config(),
        };
        let tokenizer = load_tokenizer(&tokenizer_bytes).map_err(|message| EmbedError::Load {
            path: dir.join(pin::TOKENIZER.name),
            message,
        })?;
        let weights = pin::read_required(dir, pin::MODEL)?;
        let model = MiniLm::from_safetensors(weights, &config).map_err(|e| EmbedError::Load {
            path: dir.join(pin::MODEL.name),
            message: e.to_string(),
        })?;
        Ok(Embedder {
            tokenizer,
            model,
            model_id: pin::MODEL.sha256[..12].to_string(),
        })
    }

    /// A short id of the weights (the first 12 hex digits of the SHA-256 of
    /// `model.safetensors`), used as the cache key.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// Number of tokens the model sees for `text` (including `[CLS]` and
    /// `[SEP]`, at most [`MAX_TOKENS`]).
    pub fn token_count(&self, text: &str) -> Result<usize, EmbedError> {
        Ok(self.tokenize(text)?.len())
    }

    /// Embeds `texts`: one [`DIMENSION`]-long unit vector per text, in input
    /// order. Texts are batched with texts of the same token count (sorted
    /// by length), batches run in parallel, and the result is bit-for-bit
    /// the same whatever the batch composition or thread count (see the
    /// module docs).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        self.embed_with(texts, &NoProgress)
    }

    /// [`Embedder::embed`], reporting to `progress` as batches finish.
    pub fn embed_with(
        &self,
        texts: &[&str],
        progress: &dyn Progress,
    ) -> Result<Vec<Vec<f32>>, EmbedError> {
        let ids: Vec<Vec<u32>> = texts
            .par_iter()
            .map(|t| self.tokenize(t))
            .collect::<Result<_, _>>()?;
        let lengths: Vec<usize> = ids.iter().map(Vec::len).collect();
        let batches = plan_batches(&lengths, MAX_BATCH_TOKENS);
        let done: Vec<Vec<(usize, Vec<f32>)>> = batches
            .par_iter()
            .map(|batch| {
                let seqs: Vec<&[u32]> = batch.iter().map(|&i| ids[i].as_slice()).collect();
                let vectors = self.model.embed_equal_length(&seqs)?;
                progress.advance(batch.len() as u64);
                Ok(batch.iter().copied().zip(vectors).collect())
            })
            .collect::<Result<_, EmbedError>>()?;
        let mut out = vec![Vec::new(); texts.len()];
        for (i, v) in done.into_iter().flatten() {
            out[i] = v;
        }
        Ok(out)
    }

    /// How long embedding `texts` will take on this machine: a sample of
    /// [`ESTIMATE_SAMPLE`] texts spread over the list is embedded (one at a
    /// time, on this thread) and timed, and the time per byte of text is
    /// scaled to the whole list, shared among the pool's threads and raised
    /// by the measured margin of real runs ([`ESTIMATE_MARGIN`]). The
    /// sample's vectors go into `cache`, so the timing costs nothing later.
    pub fn estimate(
        &self,
        texts: &[&str],
        cache: &mut EmbeddingCache,
    ) -> Result<std::time::Duration, EmbedError> {
        let step = (texts.len() / ESTIMATE_SAMPLE).max(1);
        let sample: Vec<&str> = texts.iter().step_by(step).copied().collect();
        let start = std::time::Instant::now();
        for text in &sample {
            let v = self.embed(&[text])?;
            for v in v {
                cache.insert(text, v)?;
            }
        }
        let per_byte = start.elapsed().as_secs_f64()
            / sample.iter().map(|t| t.len()).sum::<usize>().max(1) as f64;
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let threads = rayon::current_num_threads().max(1) as f64;
        Ok(std::time::Duration::from_secs_f64(
            per_byte * bytes as f64 / threads * ESTIMATE_MARGIN,
        ))
    }

    fn tokenize(&self, text: &str) -> Result<Vec<u32>, EmbedError> {
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Inference(format!("tokenizer: {e}")))?;
        Ok(encoding.get_ids().to_vec())
    }
}

/// The tokenizer of `tokenizer.json`, set up as sentence-transformers uses
/// it: truncation at [`MAX_TOKENS`], no padding (the file asks for 128 and
/// fixed padding, which are the defaults of the export, not of the model).
fn load_tokenizer(bytes: &[u8]) -> Result<Tokenizer, String> {
    let mut tokenizer = Tokenizer::from_bytes(bytes).map_err(|e| e.to_string())?;
    tokenizer
        .with_truncation(Some(TruncationParams {
            direction: TruncationDirection::Right,
            max_length: MAX_TOKENS,
            strategy: TruncationStrategy::LongestFirst,
            stride: 0,
        }))
        .map_err(|e| e.to_string())?;
    tokenizer.with_padding(None);
    Ok(tokenizer)
}

/// Groups text indices into batches of equal token count, each at most
/// `max_tokens` tokens (but at least one text): indices sorted by (length,
/// index), so the plan depends only on the lengths.
fn plan_batches(lengths: &[usize], max_tokens: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| (lengths[i], i));
    let mut batches: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let len = lengths[i];
        match batches.last_mut() {
            Some(b) if lengths[b[0]] == len && (b.len() + 1) * len <= max_tokens => b.push(i),
            _ => batches.push(vec![i]),
        }
    }
    batches
}

/// Cosine similarity of two vectors of the same length (computed in `f64`);
/// 0 if either is all zeros. For the unit vectors [`Embedder::embed`]
/// returns this is their dot product.
///
/// # Panics
///
/// If the lengths differ: vectors of different models cannot be compared.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    cosine_with_norms(a, b, squared_norm(a), squared_norm(b))
}

/// The squared Euclidean norm of a vector, summed in `f64` in order: with
/// [`cosine_with_norms`], [`cosine`] for a vector compared many times, at
/// a third of the cost.
pub fn squared_norm(a: &[f32]) -> f64 {
    a.iter().map(|&x| f64::from(x) * f64::from(x)).sum()
}

/// [`cosine`] with the [`squared_norm`] of each vector given.
///
/// # Panics
///
/// If the lengths differ.
pub fn cosine_with_norms(a: &[f32], b: &[f32], na: f64, nb: f64) -> f32 {
    assert_eq!(a.len(), b.len(), "cosine of vectors of different lengths");
    // Four running sums in a fixed order: the result is the same on every
    // run, and the additions do not wait on each other.
    let mut sums = [0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let mut tail = 0f64;
    for (&x, &y) in ca.remainder().iter().zip(cb.remainder()) {
        tail += f64::from(x) * f64::from(y);
    }
    for (x, y) in ca.zip(cb) {
        for i in 0..4 {
            sums[i] += f64::from(x[i]) * f64::from(y[i]);
        }
    }
    let dot = (sums[0] + sums[1]) + (sums[2] + sums[3]) + tail;
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    (dot / (na.sqrt() * nb.sqrt())) as f32
}

/// Embeds `texts` like [`Embedder::embed`], taking what it can from `cache`
/// and sending only the misses (each distinct text once) to the model; the
/// new embeddings are added to the cache. Call [`EmbeddingCache::save`]
/// afterwards to keep them (a long run also saves as it goes, every half
/// minute of work, so that an interrupted first run keeps most of it). The cache must have been opened with
/// [`Embedder::model_id`].
pub fn embed_cached(
    embedder: &Embedder,
    cache: &mut EmbeddingCache,
    texts: &[&str],
) -> Result<Vec<Vec<f32>>, EmbedError> {
    embed_cached_with(embedder, cache, texts, &NoProgress)
}

/// [`embed_cached`], reporting the misses to `progress`: from
/// [`ESTIMATE_FROM`] of them, `estimate` with the time they will take;
/// `start` with their number (only if there are any), `advance` as
/// batches finish, then `finish`.
pub fn embed_cached_with(
    embedder: &Embedder,
    cache: &mut EmbeddingCache,
    texts: &[&str],
    progress: &dyn Progress,
) -> Result<Vec<Vec<f32>>, EmbedError> {
    if cache.model_id() != embedder.model_id() {
        return Err(EmbedError::CacheModel {
            cache: cache.model_id().to_string(),
            model: embedder.model_id().to_string(),
        });
    }
    let mut out: Vec<Option<Vec<f32>>> = texts.iter().map(|t| cache.get(t)).collect();
    let mut seen = HashSet::new();
    let misses: Vec<&str> = texts
        .iter()
        .zip(&out)
        .filter(|(t, hit)| hit.is_none() && seen.insert(**t))
        .map(|(t, _)| *t)
        .collect();
    if !misses.is_empty() {
        if misses.len() >= ESTIMATE_FROM {
            let time = embedder.estimate(&misses, cache)?;
            progress.estimate(misses.len() as u64, time);
        }
        // The estimate's sample is done already.
        let todo: Vec<&str> = misses
            .iter()
            .copied()
            .filter(|t| !cache.contains(t))
            .collect();
        progress.start(misses.len() as u64);
        progress.advance((misses.len() - todo.len()) as u64);
        // In chunks, saving the cache every half minute of work, so that
        // an interrupted first run keeps most of its work.
        let mut saved_at = std::time::Instant::now();
        for chunk in todo.chunks(SAVE_EVERY) {
            let embedded = embedder.embed_with(chunk, progress);
            let embedded = match embedded {
                Ok(v) => v,
                Err(e) => {
                    progress.finish();
                    return Err(e);
                }
            };
            for (text, v) in chunk.iter().zip(embedded) {
                cache.insert(text, v)?;
            }
            if saved_at.elapsed() >= SAVE_AFTER {
                // A failed save is said by the final one.
                let _ = cache.save();
                saved_at = std::time::Instant::now();
            }
        }
        progress.finish();
        for (slot, text) in out.iter_mut().zip(texts) {
            if slot.is_none() {
                *slot = cache.get(text);
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|v| v.expect("every miss was embedded and cached"))
        .collect())
}

/// Where the model is looked for when the user names none:
/// `models/all-MiniLM-L6-v2` in the folder of the running executable or one
/// of its four nearest ancestors (so `target/release/accord` finds the
/// repository's `models/`), else in the source tree accord was built from.
/// The path may not exist; [`Embedder::load`] then says how to fetch it.
pub fn default_model_dir() -> PathBuf {
    let relative = Path::new("models").join(MODEL_DIR_NAME);
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1).take(5) {
            let candidate = dir.join(&relative);
            if candidate.is_dir() {
                return candidate;
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The user's cache folder for accord (`~/.cache/accord` on Linux), or
/// `None` if the platform has none.
pub fn default_cache_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("accord"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_one_length_and_respect_the_token_budget() {
        let lengths = [5, 3, 5, 3, 7, 5, 5, 300];
        let batches = plan_batches(&lengths, 10);
        assert_eq!(
            batches,
            vec![vec![1, 3], vec![0, 2], vec![5, 6], vec![4], vec![7]]
        );
        let mut all: Vec<usize> = batches.concat();
        all.sort();
        assert_eq!(all, (0..lengths.len()).collect::<Vec<_>>());
        assert!(plan_batches(&[], 10).is_empty());
    }

    #[test]
    fn cosine_of_known_vectors() {
        assert_eq!(cosine(&[1.0, 0.0], &[1.0, 0.0]), 1.0);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 2.0]), 0.0);
        assert!((cosine(&[1.0, 1.0], &[1.0, 0.0]) - 0.70710677).abs() < 1e-7);
        assert_eq!(cosine(&[-3.0, 0.0], &[1.0, 0.0]), -1.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
    }

    #[test]
    #[should_panic(expected = "different lengths")]
    fn cosine_refuses_vectors_of_different_lengths() {
        cosine(&[1.0], &[1.0, 0.0]);
    }

    #[test]
    fn missing_model_folder_says_how_to_fetch_it() {
        let dir = tempfile::tempdir().unwrap();
        let err = Embedder::load(dir.path()).unwrap_err();
        assert!(matches!(err, EmbedError::MissingFile { .. }));
        let msg = err.to_string();
        assert!(msg.contains("model.safetensors"), "{msg}");
        assert!(msg.contains("scripts/fetch-model.sh"), "{msg}");
    }

    #[test]
    fn wrong_files_are_refused_before_anything_is_parsed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.safetensors"), b"not weights").unwrap();
        std::fs::write(dir.path().join("tokenizer.json"), b"{}").unwrap();
        match Embedder::load(dir.path()).unwrap_err() {
            EmbedError::Tampered { file, .. } => assert_eq!(file, "tokenizer.json"),
            other => panic!("expected Tampered, got {other:?}"),
        }
    }

    #[test]
    fn default_cache_dir_ends_in_accord() {
        if let Some(dir) = default_cache_dir() {
            assert!(dir.ends_with("accord"));
        }
    }

    #[test]
    fn default_model_dir_ends_in_the_model_name() {
        assert!(default_model_dir().ends_with(Path::new("models").join(MODEL_DIR_NAME)));
    }

    #[test]
    fn embedder_can_be_shared_between_threads() {
        fn is_send_sync<T: Send + Sync>() {}
        is_send_sync::<Embedder>();
    }
}
