//! The library's error type: every way a request can fail, each with a
//! message that says what to do. The CLI prints it on one line and exits 2.

use crate::corpus::CorpusError;
use crate::parse::CitationError;

/// Errors from the accord library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading documents or resolving sides failed.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// A citation could not be read.
    #[error(transparent)]
    Citation(#[from] CitationError),
    /// A well-formed citation that names no unit.
    #[error("no unit {citation}{}", nearest_hint(.nearest))]
    UnknownUnit {
        /// The canonical citation asked for.
        citation: String,
        /// Valid citations close to it.
        nearest: Vec<String>,
    },
    /// The sentence-embedding model or its cache failed.
    #[error(transparent)]
    Embed(#[from] crate::embed::EmbedError),
    /// An invalid option value.
    #[error("{0}")]
    Usage(String),
    /// Writing output failed.
    #[error("cannot write '{path}': {cause}")]
    Write {
        /// The file.
        path: String,
        /// The underlying error.
        cause: std::io::Error,
    },
}

fn nearest_hint(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!(" (nearest: {})", nearest.join(", "))
    }
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
