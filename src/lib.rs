//! # accord
//!
//! accord follows the language of UN crime-congress texts through time:
//! which recommendation of 2025 restates one of 2019, what changed in its
//! wording, and whether a proposed declaration reuses agreed language.
//!
//! The library is a pipeline whose stages hand plain data to the next:
//!
//! * [`corpus`]: documents and their metadata, the five seed documents
//!   built into the binary, and loading the documents a user brings;
//! * [`parse`]: document text to citable [`parse::Unit`]s
//!   (`rpm2019:13(e)`, `thematic2021-2024:160-2`);
//! * [`embed`]: sentence embeddings (all-MiniLM-L6-v2 run with candle),
//!   the paraphrase-aware similarity signal, with an on-disk cache;
//! * [`report`]: renderers that write those values as text or JSON.
//!
//! ```
//! use accord::{corpus::Corpus, Library};
//!
//! let lib = Library::new(Corpus::seeds());
//! let unit = lib.unit("rpm2019:13e").unwrap();
//! assert_eq!(unit.id.to_string(), "rpm2019:13(e)");
//! assert!(unit.text.starts_with("Strengthen the role of the Commission"));
//! ```
#![warn(missing_docs)]

pub mod cli;
pub mod corpus;
pub mod embed;
mod error;
pub mod parse;
pub mod report;

use rayon::prelude::*;

pub use error::{Error, Result};

use corpus::{Corpus, Side};
use parse::{Citation, ParsedDoc, Unit};

/// A corpus with every document parsed: the starting point of every
/// command.
#[derive(Debug, Clone)]
pub struct Library {
    corpus: Corpus,
    docs: Vec<ParsedDoc>,
}

impl Library {
    /// Parses every document of `corpus` (in parallel; the result does not
    /// depend on the thread count).
    pub fn new(corpus: Corpus) -> Library {
        let docs = corpus.documents().par_iter().map(parse::parse).collect();
        Library { corpus, docs }
    }

    /// The corpus the library was built from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Parsed documents, in corpus order.
    pub fn docs(&self) -> &[ParsedDoc] {
        &self.docs
    }

    /// The parsed document with this id, or an error naming the closest ids.
    pub fn doc(&self, id: &str) -> Result<&ParsedDoc> {
        let doc = self.corpus.require(id)?;
        Ok(self
            .docs
            .iter()
            .find(|d| d.meta.id == doc.meta.id)
            .expect("every corpus document is parsed"))
    }

    /// The documents of a side (`rpm2019`, `2025`, `a,b`, `all`).
    pub fn side(&self, spec: &str) -> Result<Vec<&ParsedDoc>> {
        let docs = Side::new(spec).resolve(&self.corpus)?;
        docs.iter().map(|d| self.doc(&d.meta.id)).collect()
    }

    /// The unit a citation names, in any accepted spelling
    /// (`rpm2019:13e`, `rpm2019:13 (e)`). An unknown unit is an error that
    /// names the nearest valid citations.
    pub fn unit(&self, citation: &str) -> Result<&Unit> {
        let c = Citation::parse(citation)?;
        let doc = self.doc(&c.doc)?;
        doc.unit(&c.path).ok_or_else(|| Error::UnknownUnit {
            citation: c.to_string(),
            nearest: doc.nearest(&c.path, 3),
        })
    }
}
