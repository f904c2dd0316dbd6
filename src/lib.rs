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
//! * [`align`]: which older unit each newer unit comes from
//!   ([`align::Alignment`]);
//! * [`diff`]: word-level edits between two texts, cleaned up to read like
//!   a redline, and the changes in drafting strength (verb, modals,
//!   qualifiers);
//! * [`analysis`]: a phrase through time ([`analysis::Trace`]) and the
//!   phrases that emerge or fade between two sides ([`analysis::Terms`]);
//! * [`review`]: a proposed declaration against its precedents;
//! * [`report`]: renderers that write those values as text or JSON, and
//!   memos ([`report::memo`]) and written reviews ([`report::review_doc`])
//!   in Markdown, HTML and Word.
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
// Text comes from users: a byte index that falls inside a character
// panics. Every slice of a `str` by index is either at a boundary found in
// the same text (and says so with an `allow` and its reason) or uses
// `get`/`split_at_checked`. CI denies warnings, so a new one is caught
// (tests may slice: a panic there is a failure, as it should be).
#![cfg_attr(not(test), warn(clippy::string_slice))]

pub mod align;
pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod diff;
pub mod embed;
mod error;
pub mod evaluate;
pub mod parse;
pub mod progress;
pub mod report;
pub mod review;
pub mod synth;

use rayon::prelude::*;

pub use error::{Error, Result};

use std::sync::{Arc, Mutex};

use corpus::{Corpus, Side};
use parse::{Citation, ParsedDoc, Unit};

/// A corpus with every document parsed: the starting point of every
/// command.
#[derive(Debug, Clone)]
pub struct Library {
    corpus: Corpus,
    docs: Vec<ParsedDoc>,
    semantic: Option<Arc<embed::Semantic>>,
    notices: Arc<Mutex<Vec<String>>>,
    embed_progress: EmbedProgress,
    changes: corpus::Changes,
}

/// Where the library reports the progress of embedding texts.
#[derive(Clone)]
struct EmbedProgress(Arc<dyn progress::Progress + Send>);

impl std::fmt::Debug for EmbedProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmbedProgress")
    }
}

/// Share of a document's words set aside (front matter, tables) above
/// which accord says so on stderr: 5%, above what the built-in reports
/// set aside for their own front matter and contents (measured with
/// `accord show DOC --set-aside`: 0% to 1.3% of their words, 2026-11-30).
pub const SET_ASIDE_NOTE: f64 = 0.05;

/// The note for a document that had more than [`SET_ASIDE_NOTE`] of its
/// words set aside, if it did.
pub fn set_aside_note(doc: &ParsedDoc) -> Option<String> {
    let share = doc.set_aside_share();
    (share > SET_ASIDE_NOTE).then(|| {
        format!(
            "{:.0}% of the words of '{}' were set aside as front matter or tables and are compared with nothing: `accord show {} --set-aside` lists them",
            share * 100.0,
            doc.meta.id,
            doc.meta.id
        )
    })
}

impl Library {
    /// Parses every document of `corpus` (in parallel; the result does not
    /// depend on the thread count).
    pub fn new(corpus: Corpus) -> Library {
        let docs: Vec<ParsedDoc> = corpus.documents().par_iter().map(parse::parse).collect();
        let lib = Library {
            corpus,
            docs,
            semantic: None,
            notices: Arc::default(),
            embed_progress: EmbedProgress(Arc::new(progress::NoProgress)),
            changes: corpus::Changes::Accepted,
        };
        for (source, doc) in lib.corpus.documents().iter().zip(&lib.docs) {
            if source.origin != corpus::Origin::Seed {
                if let Some(note) = set_aside_note(doc) {
                    lib.notice(note);
                }
            }
        }
        lib
    }

    /// Reads the tracked changes of Word files given to the library later
    /// (a draft to review) as `changes` says; accepted by default.
    pub fn with_changes(mut self, changes: corpus::Changes) -> Library {
        self.changes = changes;
        self
    }

    /// How the tracked changes of Word files given later are read.
    pub fn changes(&self) -> corpus::Changes {
        self.changes
    }

    /// Reports the progress of embedding texts (the slow part of a first
    /// run with paraphrase matching) to `progress`; `start` is called only
    /// when the cache lacks something.
    pub fn with_embed_progress(mut self, progress: Arc<dyn progress::Progress + Send>) -> Library {
        self.embed_progress = EmbedProgress(progress);
        self
    }

    /// Turns paraphrase matching on: every command that aligns units adds
    /// the sentence-embedding similarity to the lexical score. Embedding a
    /// paragraph the cache does not hold costs 40-80 ms of CPU (measured on
    /// two cores: the 397 seed units in 15-19 s; 2,088 generated paragraphs
    /// in 45 s), so a first run over 100,000 units takes over an hour; the
    /// time is estimated and said before starting (see
    /// [`Progress::estimate`](progress::Progress::estimate)), and later
    /// runs read the cache.
    pub fn with_semantic(mut self, semantic: embed::Semantic) -> Library {
        self.semantic = Some(Arc::new(semantic));
        self
    }

    /// The paraphrase signal, when it is on.
    pub fn semantic(&self) -> Option<&embed::Semantic> {
        self.semantic.as_deref()
    }

    /// What the user should be told about the work done so far (an
    /// ignored cache file, a semantic pass skipped), each once; the list
    /// is emptied.
    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn notice(&self, message: String) {
        let mut n = self.notices.lock().unwrap_or_else(|e| e.into_inner());
        if !n.contains(&message) {
            n.push(message);
        }
    }

    /// A scope over every unit of the library (IDF is taken over all of
    /// them), with sentence vectors for the units of `sides` when
    /// paraphrase matching is on.
    pub fn scope(&self, sides: &[&[&Unit]]) -> Result<align::Scope<'_>> {
        let mut scope = align::Scope::new(self.all_units());
        self.add_vectors(&mut scope, sides)?;
        Ok(scope)
    }

    /// Gives the units of `sides` their sentence vectors in `scope`, when
    /// paraphrase matching is on.
    pub fn add_vectors(&self, scope: &mut align::Scope<'_>, sides: &[&[&Unit]]) -> Result<()> {
        let Some(semantic) = &self.semantic else {
            return Ok(());
        };
        let mut seen = rustc_hash::FxHashSet::default();
        let units: Vec<&Unit> = sides
            .iter()
            .flat_map(|s| s.iter().copied())
            .filter(|u| seen.insert(&u.id))
            .collect();
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        let embedded = semantic.embed_with(&texts, &*self.embed_progress.0)?;
        for w in &embedded.warnings {
            self.notice(w.clone());
        }
        // A built-in unit without a shipped vector means the seeds changed
        // after the vectors were made: never matched silently otherwise.
        if let Some(shipped) = semantic.shipped() {
            let stale = units
                .iter()
                .filter(|u| self.is_seed(&u.id.doc) && !shipped.contains(&u.text))
                .count();
            if stale > 0 {
                self.notice(format!(
                    "{stale} units of the built-in documents have no shipped vector (the seeds changed after {} was made): run `{}`",
                    embed::SHIPPED_PATH,
                    embed::SHIP_COMMAND
                ));
            }
        }
        let missing = embedded.missing();
        if missing > 0 {
            self.notice(format!(
                "{missing} units of your documents are matched on wording alone: paraphrase matching needs the sentence-embedding model for text other than the built-in documents (run `bash scripts/fetch-model.sh`, or pass --model DIR)"
            ));
        }
        let (with, vectors): (Vec<&Unit>, Vec<Vec<f32>>) = units
            .into_iter()
            .zip(embedded.vectors)
            .filter_map(|(u, v)| Some((u, v?)))
            .unzip();
        scope.set_vectors(&with, vectors);
        Ok(())
    }

    /// True if `doc` is one of the built-in documents.
    fn is_seed(&self, doc: &str) -> bool {
        self.corpus
            .get(doc)
            .is_some_and(|d| d.origin == corpus::Origin::Seed)
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

    /// Every unit of every document, in corpus order.
    pub fn all_units(&self) -> Vec<&Unit> {
        self.docs.iter().flat_map(|d| d.units.iter()).collect()
    }

    /// The units of a side, in document order.
    pub fn side_units(&self, spec: &str) -> Result<Vec<&Unit>> {
        Ok(self
            .side(spec)?
            .into_iter()
            .flat_map(|d| d.units.iter())
            .collect())
    }

    /// Aligns two sides (`rpm2019`, `2025`, `a,b`, `all`), with IDF over the
    /// whole library.
    pub fn align(
        &self,
        old: &str,
        new: &str,
        opts: &align::AlignOptions,
    ) -> Result<align::Alignment> {
        self.align_with(old, new, opts, &align::NoProgress)
    }

    /// [`Library::align`], reporting progress.
    pub fn align_with(
        &self,
        old: &str,
        new: &str,
        opts: &align::AlignOptions,
        progress: &dyn align::Progress,
    ) -> Result<align::Alignment> {
        let (old, new) = (self.side_units(old)?, self.side_units(new)?);
        let al = self
            .scope(&[&old, &new])?
            .align_with(&old, &new, opts, progress);
        // Remarks on bounded work are for the user, not the output.
        for n in &al.notes {
            self.notice(n.clone());
        }
        Ok(al)
    }

    /// Diffs two units named by citation: identical when their words are
    /// the same, else reworded or related by their alignment score.
    pub fn compare_units(&self, old: &str, new: &str) -> Result<diff::Comparison<'_>> {
        let (o, n) = (self.unit(old)?, self.unit(new)?);
        // IDF over the whole library, as `align` scores.
        let scope = self.scope(&[&[o], &[n]])?;
        // The user named the two: compared whatever their roles.
        let opts = align::AlignOptions {
            related: 0.0,
            include_procedural: true,
            ..Default::default()
        };
        let al = scope.align(&[o], &[n], &opts);
        let (mut relation, score) = al
            .links
            .first()
            .map_or((align::Relation::Related, 0.0), |l| (l.relation, l.score));
        // Alone, the pair is the best match either has; `align` decides
        // "reworded" one-to-one across the two documents. A pair either of
        // whose units is reworded from or into another unit there is
        // related, as `align` and `evolve` say (13(e) -> 12(f): 12(f)'s
        // reworded source is 62(d)).
        if relation == align::Relation::Reworded && o.id.doc != n.id.doc {
            let docs = self.align(&o.id.doc, &n.id.doc, &align::AlignOptions::default())?;
            let one_to_one = docs
                .links_of_new(&n.id)
                .find(|l| l.old == o.id)
                .map(|l| l.relation);
            let taken = docs.backbone_of_new(&n.id).is_some_and(|b| b.old != o.id)
                || docs.links.iter().any(|l| {
                    l.old == o.id && l.new != n.id && l.relation != align::Relation::Related
                });
            if one_to_one == Some(align::Relation::Related) || taken {
                relation = align::Relation::Related;
            }
        }
        let mut summary = align::Summary::default();
        match relation {
            align::Relation::Identical => summary.identical = 1,
            align::Relation::Reworded => summary.reworded = 1,
            align::Relation::Related => summary.related = 1,
        }
        Ok(diff::Comparison {
            old_docs: vec![o.id.doc.clone()],
            new_docs: vec![n.id.doc.clone()],
            pairs: vec![diff::compare::pair(o, n, relation, score)],
            new_units: Vec::new(),
            dropped_units: Vec::new(),
            related_only: Vec::new(),
            context: Vec::new(),
            summary,
        })
    }

    /// Where `phrase` and its inflections occur in the corpus, in time
    /// order (see [`analysis::trace()`]).
    pub fn trace(&self, phrase: &str) -> Result<analysis::Trace<'_>> {
        let docs: Vec<&ParsedDoc> = self
            .corpus
            .chronological()
            .iter()
            .map(|d| self.doc(&d.meta.id))
            .collect::<Result<_>>()?;
        analysis::trace(&docs, phrase)
    }

    /// The phrases that emerge in side `new` and fade from side `old`
    /// (see [`analysis::terms()`]).
    pub fn terms(
        &self,
        old: &str,
        new: &str,
        opts: &analysis::TermsOptions,
    ) -> Result<analysis::Terms> {
        Ok(analysis::terms(&self.side(old)?, &self.side(new)?, opts))
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
