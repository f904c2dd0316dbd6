//! The corpus: documents, their metadata, the seed documents built into the
//! binary, and the loading of documents a user brings.
//!
//! This stage knows nothing of paragraphs or citations. It turns bytes into a
//! [`Document`] (metadata plus UTF-8 body text), refusing input that is not
//! text, and it resolves *sides* (`rpm2019`, `2025`, `a,b`, `all`) to sets of
//! documents for the later stages.

mod date;
pub mod format;
mod load;
mod meta;
mod seeds;
mod side;

use std::path::PathBuf;

pub use date::date_from_text;
pub use format::{Changes, Format, FormatError};
pub use load::{decode_text, split_reading, DocSource, DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES};
pub use meta::{Authority, DateSource, DocMeta};
pub use side::Side;

/// Where a document came from: the embedded seeds, a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// One of the documents built into the binary.
    Seed,
    /// A file a user named with `--doc` or found through `--corpus`.
    File(PathBuf),
    /// Standard input (`--doc -`).
    Stdin,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Seed => f.write_str("built-in"),
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::Stdin => f.write_str("<stdin>"),
        }
    }
}

/// One document: its metadata and its body text (front matter removed,
/// BOM stripped, line endings normalised to `\n`).
#[derive(Debug, Clone)]
pub struct Document {
    /// Identity, dates and provenance.
    pub meta: DocMeta,
    /// The text after any front-matter block.
    pub body: String,
    /// The 1-based line of the file on which [`body`](Self::body) starts:
    /// 1 without front matter, else the line after its closing `---`.
    /// Parsing adds it to every line number, so that a unit's `line` is
    /// the line of the file a user opens.
    pub body_line: usize,
    /// Where the text was read from.
    pub origin: Origin,
    /// The format of the file: text, Word or PDF. A Word or PDF file's
    /// [`body`](Self::body) is the text accord made of it (one paragraph a
    /// line), and line numbers are lines of that text (`accord show DOC
    /// --text` prints it).
    pub format: Format,
    /// Page furniture a Word or PDF reader took out of the body: page
    /// headers and footers, running heads, page numbers. Not part of any
    /// unit; listed with the set-aside lines.
    pub furniture: Vec<String>,
    /// A Word file with tracked changes, and which reading of them the body
    /// is.
    pub tracked_changes: Option<Changes>,
}

/// Everything that can go wrong while reading documents or resolving sides.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The named file does not exist.
    #[error("cannot read '{0}': no such file")]
    Missing(PathBuf),
    /// A directory was given where a file was expected.
    #[error(
        "'{0}' is a directory: use --corpus DIR to load every .txt, .md, .docx and .pdf file in it"
    )]
    IsDirectory(PathBuf),
    /// A pipe, socket or device was named where a file was expected:
    /// reading it could wait forever for a writer.
    #[error(
        "'{0}' is not a regular file (a pipe, socket or device): to read a stream, give '-' and redirect it (--doc ID=- < FILE)"
    )]
    NotAFile(PathBuf),
    /// A document larger than [`MAX_DOCUMENT_BYTES`].
    #[error("'{0}' is larger than 256 MiB: accord reads documents up to that size; split it")]
    TooLarge(String),
    /// `--corpus` was given something that is not a directory.
    #[error("'{0}' is not a directory: use --doc FILE to load a single file")]
    NotADirectory(PathBuf),
    /// A Word or PDF file that cannot be read (damaged, encrypted, a scan,
    /// an old `.doc`).
    #[error("'{name}' {problem}")]
    Format {
        /// File name.
        name: String,
        /// What is wrong and what to do.
        problem: FormatError,
    },
    /// `:original` asked of a file that is not a Word file with tracked
    /// changes.
    #[error(
        "'{0}' has no tracked changes: ':original' reads a Word file as before its tracked changes"
    )]
    NoTrackedChanges(String),
    /// The file has no text at all.
    #[error("'{0}' is empty: there is nothing to parse")]
    Empty(String),
    /// The file holds NUL bytes, so it is not a text document.
    #[error(
        "'{name}' looks binary (NUL byte at offset {offset}): accord reads UTF-8 text, Markdown, Word (.docx) and PDF"
    )]
    Binary {
        /// File name or `<stdin>`.
        name: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error(
        "'{name}' is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}): re-save it as UTF-8"
    )]
    InvalidUtf8 {
        /// File name or `<stdin>`.
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// The offending byte.
        byte: u8,
    },
    /// Any other I/O failure.
    #[error("cannot read '{name}': {cause}")]
    Io {
        /// File name or `<stdin>`.
        name: String,
        /// The underlying error.
        cause: std::io::Error,
    },
    /// A front-matter block that cannot be understood.
    #[error("'{name}', front matter line {line}: {message}")]
    FrontMatter {
        /// File name.
        name: String,
        /// 1-based line number inside the file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A document id that cannot be used in citations.
    #[error("invalid document id '{0}': use ASCII letters, digits, '-', '_' or '.', starting with a letter or digit")]
    BadId(String),
    /// A file name with no letter or digit a citation can use (`日本語.md`).
    #[error(
        "cannot make a document id from the file name '{}': give the document an id with ID=FILE (for example doc1={})",
        .0.display(), .0.display()
    )]
    NoIdFromName(PathBuf),
    /// An id that would hide a side keyword: `all`, or a year.
    #[error(
        "document id '{0}' would hide the side keyword '{0}' (all, or a year such as 2019): give the document another id with ID=FILE (for example doc-{0}=FILE)"
    )]
    ReservedId(String),
    /// Two documents with the same id.
    #[error(
        "document id '{id}' is used twice ({first} and {second}): name one with --doc ID=FILE"
    )]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first came from.
        first: String,
        /// Where the second came from.
        second: String,
    },
    /// A side or document id that names nothing in the corpus.
    #[error("unknown document '{name}'{}", did_you_mean(.suggestions))]
    UnknownDoc {
        /// What the user typed.
        name: String,
        /// The closest valid ids.
        suggestions: Vec<String>,
    },
    /// A year that no document of the corpus has.
    #[error("no document of year {year} (the corpus has: {years})")]
    NoDocOfYear {
        /// The year asked for.
        year: u16,
        /// The years present.
        years: String,
    },
    /// A side that names no document.
    #[error("side '{0}' is empty: name document ids, a year, a comma list or 'all'")]
    EmptySide(String),
    /// The corpus has no documents at all.
    #[error(
        "the corpus is empty: drop --no-seeds or add documents with --doc FILE / --corpus DIR"
    )]
    EmptyCorpus,
}

fn did_you_mean(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", s.join(", "))
    }
}

/// The documents accord works on: by default the five seeds, plus any the
/// user adds. Order is insertion order; [`Corpus::chronological`] gives
/// time order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    docs: Vec<Document>,
}

impl Corpus {
    /// An empty corpus (`--no-seeds`).
    pub fn new() -> Self {
        Corpus::default()
    }

    /// The five seed documents built into the binary.
    pub fn seeds() -> Self {
        let mut c = Corpus::new();
        for doc in seeds::documents() {
            c.add(doc).expect("seed ids are distinct");
        }
        c
    }

    /// Adds a document, refusing a second document with the same id.
    ///
    /// # Errors
    /// [`CorpusError::ReservedId`] for an id that is a side keyword (`all`,
    /// a four-digit year: `--doc 2019=F` would hide the documents of 2019),
    /// [`CorpusError::DuplicateId`] for an id already taken.
    pub fn add(&mut self, doc: Document) -> Result<(), CorpusError> {
        if side::is_keyword(&doc.meta.id) {
            return Err(CorpusError::ReservedId(doc.meta.id.clone()));
        }
        if let Some(prev) = self.get(&doc.meta.id) {
            return Err(CorpusError::DuplicateId {
                id: doc.meta.id.clone(),
                first: prev.origin.to_string(),
                second: doc.origin.to_string(),
            });
        }
        self.docs.push(doc);
        Ok(())
    }

    /// The document with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.meta.id == id)
    }

    /// The document with this id, or an error naming the closest ids.
    pub fn require(&self, id: &str) -> Result<&Document, CorpusError> {
        let loose = || {
            // `GA` for `ga`, when only one document answers to it.
            let mut m = self
                .docs
                .iter()
                .filter(|d| d.meta.id.eq_ignore_ascii_case(id));
            match (m.next(), m.next()) {
                (Some(d), None) => Some(d),
                _ => None,
            }
        };
        self.get(id)
            .or_else(loose)
            .ok_or_else(|| CorpusError::UnknownDoc {
                name: id.to_string(),
                suggestions: self.nearest_ids(id),
            })
    }

    /// All documents in insertion order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when there is no document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Documents in time order: by date (or year), undated ones last, ties
    /// kept in insertion order.
    pub fn chronological(&self) -> Vec<&Document> {
        let mut v: Vec<&Document> = self.docs.iter().collect();
        v.sort_by_key(|d| d.meta.time_key());
        v
    }

    /// Up to three ids closest to `name`, for "did you mean" messages.
    pub fn nearest_ids(&self, name: &str) -> Vec<String> {
        let mut scored: Vec<(f64, &str)> = self
            .docs
            .iter()
            .map(|d| {
                let id = d.meta.id.as_str();
                let mut s = strsim::jaro_winkler(&name.to_lowercase(), id);
                if id.starts_with(&name.to_lowercase()) {
                    s += 0.5;
                }
                (s, id)
            })
            .filter(|(s, _)| *s > 0.6)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}
