//! The paraphrase signal as the rest of accord uses it: a model folder, a
//! cache folder, and one call that turns texts into vectors, loading the
//! model only when the cache lacks something.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use super::{embed_cached_with, pin, EmbedError, Embedder, EmbeddingCache};
use crate::progress::{NoProgress, Progress};

/// Vectors for a list of texts, and what it took to get them.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// One unit vector per text, in input order.
    pub vectors: Vec<Vec<f32>>,
    /// Distinct texts the model had to embed (0 on a warm cache).
    pub computed: usize,
    /// Things the user should hear about (a cache file that was ignored or
    /// could not be written); the vectors are good regardless.
    pub warnings: Vec<String>,
}

/// A model folder and a cache folder. The model is loaded (and its files'
/// hashes checked) on the first text the cache does not hold, so a run
/// over documents seen before costs a cache read, not a model load.
#[derive(Debug)]
pub struct Semantic {
    model_dir: PathBuf,
    cache_dir: Option<PathBuf>,
    embedder: OnceLock<Embedder>,
    /// Serialises cache reads and writes between calls.
    lock: Mutex<()>,
}

impl Semantic {
    /// The model in `model_dir`, with vectors cached in `cache_dir` (none:
    /// no cache, every run embeds). Fails, without loading anything, when
    /// a required model file is missing; [`EmbedError::MissingFile`] then
    /// names it and says how to fetch the model.
    pub fn new(model_dir: &Path, cache_dir: Option<PathBuf>) -> Result<Semantic, EmbedError> {
        for file in [pin::MODEL, pin::TOKENIZER] {
            let path = model_dir.join(file.name);
            if !path.is_file() {
                return Err(EmbedError::MissingFile { path });
            }
        }
        Ok(Semantic {
            model_dir: model_dir.to_path_buf(),
            cache_dir,
            embedder: OnceLock::new(),
            lock: Mutex::new(()),
        })
    }

    /// The model folder.
    pub fn model_dir(&self) -> &Path {
        &self.model_dir
    }

    /// The cache folder, if any.
    pub fn cache_dir(&self) -> Option<&Path> {
        self.cache_dir.as_deref()
    }

    /// The id vectors are cached under: the first 12 hex digits of the
    /// pinned SHA-256 of the weights (a file with other bytes is refused on
    /// load, so the id always names the weights that made the vectors).
    #[allow(clippy::string_slice, reason = "a constant ASCII hex digest")]
    pub fn model_id(&self) -> &'static str {
        &pin::MODEL.sha256[..12]
    }

    fn embedder(&self) -> Result<&Embedder, EmbedError> {
        if let Some(e) = self.embedder.get() {
            return Ok(e);
        }
        let loaded = Embedder::load(&self.model_dir)?;
        Ok(self.embedder.get_or_init(|| loaded))
    }

    /// Vectors for `texts`: from the cache where it has them, from the
    /// model otherwise (then saved to the cache, atomically).
    pub fn embed(&self, texts: &[&str]) -> Result<Embedded, EmbedError> {
        self.embed_with(texts, &NoProgress)
    }

    /// [`Semantic::embed`], reporting the texts the model embeds to
    /// `progress` (nothing when all are cached).
    pub fn embed_with(
        &self,
        texts: &[&str],
        progress: &dyn Progress,
    ) -> Result<Embedded, EmbedError> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let Some(dir) = &self.cache_dir else {
            if texts.is_empty() {
                return Ok(Embedded {
                    vectors: Vec::new(),
                    computed: 0,
                    warnings: Vec::new(),
                });
            }
            let embedder = self.embedder()?;
            progress.start(texts.len() as u64);
            let vectors = embedder.embed_with(texts, progress);
            progress.finish();
            let vectors = vectors?;
            return Ok(Embedded {
                computed: texts.len(),
                vectors,
                warnings: Vec::new(),
            });
        };
        let mut warnings = Vec::new();
        let (mut cache, warning) = EmbeddingCache::open(dir, self.model_id());
        warnings.extend(warning);
        let before = cache.len();
        // One lookup per text when all are cached (the usual case), so
        // the model is not even loaded.
        let cached: Option<Vec<Vec<f32>>> = texts.iter().map(|t| cache.get(t)).collect();
        let vectors = match cached {
            Some(vectors) => vectors,
            None => embed_cached_with(self.embedder()?, &mut cache, texts, progress)?,
        };
        let computed = cache.len() - before;
        if computed > 0 {
            if let Err(e) = cache.save() {
                warnings.push(format!(
                    "{e}; the {computed} new embeddings were not cached and will be recomputed next time"
                ));
            }
        }
        Ok(Embedded {
            vectors,
            computed,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_the_model_is_refused_before_loading() {
        let dir = tempfile::tempdir().unwrap();
        let err = Semantic::new(dir.path(), None).unwrap_err();
        assert!(matches!(err, EmbedError::MissingFile { .. }), "{err}");
        assert!(err.to_string().contains("scripts/fetch-model.sh"));
    }

    #[test]
    fn nothing_to_embed_needs_no_model() {
        // Files that exist but are not the model: a call that embeds
        // nothing must not load (and so not refuse) them.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.safetensors"), b"x").unwrap();
        std::fs::write(dir.path().join("tokenizer.json"), b"{}").unwrap();
        let s = Semantic::new(dir.path(), None).unwrap();
        let e = s.embed(&[]).unwrap();
        assert!(e.vectors.is_empty() && e.computed == 0);
        // A text to embed makes it load, and the bad files are refused.
        assert!(matches!(
            s.embed(&["Strengthen the role of the Commission."])
                .unwrap_err(),
            EmbedError::Tampered { .. }
        ));
    }
}
