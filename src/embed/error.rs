//! The embedding stage's error type: every way loading the model, embedding
//! or caching can fail, each with a message that says what to do.

use std::path::PathBuf;

/// Errors from loading the embedding model, running it, or its cache.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A file the model needs is not in the model folder.
    #[error(
        "model file '{}' is missing: run scripts/fetch-model.sh, or point --model DIR \
         (or ACCORD_MODEL) at a folder holding model.safetensors and tokenizer.json",
        .path.display()
    )]
    MissingFile {
        /// The file that was looked for.
        path: PathBuf,
    },
    /// A model file whose SHA-256 is not the pinned one: damaged, truncated
    /// or a different model.
    #[error(
        "'{}' is not the pinned {file} (SHA-256 {actual}, expected {expected}): it is damaged, \
         truncated or another model; re-run scripts/fetch-model.sh to install a verified copy",
        .path.display()
    )]
    Tampered {
        /// The file that failed the check.
        path: PathBuf,
        /// Its file name (`model.safetensors`, `tokenizer.json`, `config.json`).
        file: &'static str,
        /// The pinned SHA-256, hex.
        expected: &'static str,
        /// The SHA-256 the file has, hex.
        actual: String,
    },
    /// A file could not be read.
    #[error("cannot read '{}': {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file or folder could not be written.
    #[error("cannot write '{}': {source}", .path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file passed its checksum but could not be turned into a model or
    /// tokenizer. The checksum pins the content, so this points at accord.
    #[error(
        "'{}' passed its checksum but cannot be loaded ({message}): this is a bug in accord, \
         please report it",
        .path.display()
    )]
    Load {
        /// The file.
        path: PathBuf,
        /// What the loader said.
        message: String,
    },
    /// Tokenising or running the model failed.
    #[error("embedding failed ({0}): this is a bug in accord, please report it")]
    Inference(String),
    /// An embedding whose length differs from those already in the cache.
    #[error(
        "cannot cache a {found}-dimension embedding beside {expected}-dimension ones: \
         use one cache per model (EmbeddingCache::open with that model's id)"
    )]
    CacheDimension {
        /// The dimension of the vectors already cached.
        expected: usize,
        /// The dimension of the vector offered.
        found: usize,
    },
    /// [`embed_cached`](super::embed_cached) given a cache opened for
    /// another model.
    #[error(
        "the embedding cache is for model '{cache}' but the model loaded is '{model}': \
         open the cache with Embedder::model_id()"
    )]
    CacheModel {
        /// The model id the cache was opened with.
        cache: String,
        /// The loaded model's id.
        model: String,
    },
}

impl From<candle_core::Error> for EmbedError {
    fn from(e: candle_core::Error) -> Self {
        EmbedError::Inference(e.to_string())
    }
}
