//! The paraphrase signal as the rest of accord uses it: the shipped vectors
//! of the built-in documents, a cache folder and a model folder, and one
//! call that turns texts into vectors, loading the model only when the
//! other two lack something.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use super::shipped::{ShippedError, ShippedVectors};
use super::{embed_cached_with, pin, EmbedError, Embedder, EmbeddingCache};
use crate::progress::{NoProgress, Progress};

/// Vectors for a list of texts, and what it took to get them.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    /// One unit vector per text, in input order; `None` for a text with
    /// no shipped or cached vector when there is no model to embed it.
    pub vectors: Vec<Option<Vec<f32>>>,
    /// Distinct texts the model had to embed (0 on a warm cache).
    pub computed: usize,
    /// Texts whose vector came from the shipped vectors of the built-in
    /// documents ([`ShippedVectors`]).
    pub shipped: usize,
    /// Things the user should hear about (a cache file that was ignored or
    /// could not be written, shipped vectors that cannot be used); the
    /// vectors are good regardless.
    pub warnings: Vec<String>,
}

impl Embedded {
    /// Texts left without a vector (no model to embed them).
    pub fn missing(&self) -> usize {
        self.vectors.iter().filter(|v| v.is_none()).count()
    }
}

/// Where vectors come from, in this order: the vectors shipped for the
/// built-in documents, a cache folder, and a model folder. The model is
/// loaded (and its files' hashes checked) on the first text neither of the
/// others holds, so a run over documents seen before costs a cache read,
/// not a model load; without a model such a text gets no vector.
#[derive(Debug)]
pub struct Semantic {
    model_dir: Option<PathBuf>,
    cache_dir: Option<PathBuf>,
    shipped: Result<&'static ShippedVectors, ShippedError>,
    embedder: OnceLock<Embedder>,
    /// Serialises cache reads and writes between calls.
    lock: Mutex<()>,
}

impl Semantic {
    /// The model in `model_dir`, with vectors cached in `cache_dir` (none:
    /// no cache, every run embeds) and the shipped vectors of the built-in
    /// documents. Fails, without loading anything, when a required model
    /// file is missing; [`EmbedError::MissingFile`] then names it and says
    /// how to fetch the model.
    pub fn new(model_dir: &Path, cache_dir: Option<PathBuf>) -> Result<Semantic, EmbedError> {
        for file in [pin::MODEL, pin::TOKENIZER] {
            let path = model_dir.join(file.name);
            if !path.is_file() {
                return Err(EmbedError::MissingFile { path });
            }
        }
        Ok(Semantic {
            model_dir: Some(model_dir.to_path_buf()),
            ..Semantic::without_model(cache_dir)
        })
    }

    /// No model: the shipped vectors of the built-in documents and what
    /// `cache_dir` holds, and no vector for any other text.
    pub fn without_model(cache_dir: Option<PathBuf>) -> Semantic {
        Semantic {
            model_dir: None,
            cache_dir,
            shipped: ShippedVectors::builtin(),
            embedder: OnceLock::new(),
            lock: Mutex::new(()),
        }
    }

    /// Does without the shipped vectors: every text is embedded by the
    /// model (or read from the cache). For checking the shipped vectors
    /// against the model, and for measuring.
    pub fn without_shipped(mut self) -> Semantic {
        self.shipped = Ok(empty_shipped());
        self
    }

    /// The model folder, if there is a model.
    pub fn model_dir(&self) -> Option<&Path> {
        self.model_dir.as_deref()
    }

    /// The cache folder, if any.
    pub fn cache_dir(&self) -> Option<&Path> {
        self.cache_dir.as_deref()
    }

    /// The shipped vectors in use (none when they cannot be used, and
    /// [`shipped_error`](Self::shipped_error) says why).
    pub fn shipped(&self) -> Option<&'static ShippedVectors> {
        self.shipped.as_ref().ok().copied()
    }

    /// Why the shipped vectors cannot be used, if they cannot.
    pub fn shipped_error(&self) -> Option<&ShippedError> {
        self.shipped.as_ref().err()
    }

    /// The id vectors are cached under: the first 12 hex digits of the
    /// pinned SHA-256 of the weights (a file with other bytes is refused on
    /// load, so the id always names the weights that made the vectors).
    #[allow(clippy::string_slice, reason = "a constant ASCII hex digest")]
    pub fn model_id(&self) -> &'static str {
        &pin::MODEL.sha256[..12]
    }

    fn embedder(&self, dir: &Path) -> Result<&Embedder, EmbedError> {
        if let Some(e) = self.embedder.get() {
            return Ok(e);
        }
        let loaded = Embedder::load(dir)?;
        Ok(self.embedder.get_or_init(|| loaded))
    }

    /// Vectors for `texts`: shipped, cached, or from the model (then saved
    /// to the cache, atomically).
    pub fn embed(&self, texts: &[&str]) -> Result<Embedded, EmbedError> {
        self.embed_with(texts, &NoProgress)
    }

    /// [`Semantic::embed`], reporting the texts the model embeds to
    /// `progress` (nothing when none needs the model).
    pub fn embed_with(
        &self,
        texts: &[&str],
        progress: &dyn Progress,
    ) -> Result<Embedded, EmbedError> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut warnings: Vec<String> = self
            .shipped_error()
            .map(|e| e.to_string())
            .into_iter()
            .collect();
        let mut vectors: Vec<Option<Vec<f32>>> = match self.shipped() {
            Some(s) => texts
                .iter()
                .map(|t| s.get(t).map(<[f32]>::to_vec))
                .collect(),
            None => vec![None; texts.len()],
        };
        let shipped = vectors.iter().filter(|v| v.is_some()).count();
        let rest: Vec<usize> = (0..texts.len()).filter(|&i| vectors[i].is_none()).collect();
        let mut computed = 0;
        if !rest.is_empty() {
            let rest_texts: Vec<&str> = rest.iter().map(|&i| texts[i]).collect();
            let found =
                self.cached_or_embedded(&rest_texts, progress, &mut computed, &mut warnings)?;
            for (i, v) in rest.into_iter().zip(found) {
                vectors[i] = v;
            }
        }
        Ok(Embedded {
            vectors,
            computed,
            shipped,
            warnings,
        })
    }

    /// Vectors of texts the shipped file lacks: from the cache, then the
    /// model; `None` for those neither has.
    fn cached_or_embedded(
        &self,
        texts: &[&str],
        progress: &dyn Progress,
        computed: &mut usize,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<Option<Vec<f32>>>, EmbedError> {
        let Some(dir) = &self.cache_dir else {
            let Some(model) = &self.model_dir else {
                return Ok(vec![None; texts.len()]);
            };
            let embedder = self.embedder(model)?;
            progress.start(texts.len() as u64);
            let vectors = embedder.embed_with(texts, progress);
            progress.finish();
            *computed = texts.len();
            return Ok(vectors?.into_iter().map(Some).collect());
        };
        let (mut cache, warning) = EmbeddingCache::open(dir, self.model_id());
        warnings.extend(warning);
        let before = cache.len();
        // One lookup per text when all are cached (the usual case), so
        // the model is not even loaded.
        let cached: Vec<Option<Vec<f32>>> = texts.iter().map(|t| cache.get(t)).collect();
        let vectors = match (&self.model_dir, cached.iter().all(Option::is_some)) {
            (Some(model), false) => {
                embed_cached_with(self.embedder(model)?, &mut cache, texts, progress)?
                    .into_iter()
                    .map(Some)
                    .collect()
            }
            _ => cached,
        };
        *computed = cache.len() - before;
        if *computed > 0 {
            if let Err(e) = cache.save() {
                warnings.push(format!(
                    "{e}; the {computed} new embeddings were not cached and will be recomputed next time"
                ));
            }
        }
        Ok(vectors)
    }
}

/// An empty set of shipped vectors, for [`Semantic::without_shipped`].
fn empty_shipped() -> &'static ShippedVectors {
    static EMPTY: OnceLock<ShippedVectors> = OnceLock::new();
    EMPTY.get_or_init(ShippedVectors::default)
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
        let s = Semantic::new(dir.path(), None).unwrap().without_shipped();
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
