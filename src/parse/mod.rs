//! Parsing: document text to citable [`Unit`]s.
//!
//! This stage owns the numbering grammar of UN reports (see `CITATIONS.md`)
//! and the [`Citation`] type. It receives a [`Document`] from `corpus` and
//! returns a [`ParsedDoc`]: the units in document order, each with its
//! clean text, heading path, footnotes and year, plus an account of every
//! line that did not become unit text (front matter, headings, footnotes,
//! tables), so that nothing is lost silently.
//!
//! The documents are converted from PDF and are messy: headings glued onto
//! one line, numbered lines that are headings or agenda lists rather than
//! paragraphs, paragraphs broken by page breaks, footnotes in the middle of
//! a paragraph. The rules that sort these out live in `structure`; each is
//! tested on the real text of the seeds.

mod citation;
mod lines;
mod markup;
mod structure;
pub mod unicode;

use serde::Serialize;

use crate::corpus::{DocMeta, Document};

pub use citation::{roman_string, roman_value, Citation, CitationError, UnitPath};
pub use markup::{clean, collapse_ws, Clean};

/// What kind of numbered element a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A numbered paragraph `N` (its own text, without sub-items).
    Paragraph,
    /// A lettered sub-item `N(x)`: in these reports, a recommendation.
    Item,
    /// A roman sub-item `N(x)(iv)` on its own line.
    Subitem,
    /// The k-th bullet `N-k` under paragraph N.
    Bullet,
    /// The k-th numbered list line `N-k` inside paragraph N.
    ListLine,
    /// A lettered item `N-k(x)` of a list line.
    ListItem,
}

impl UnitKind {
    /// The snake_case name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Paragraph => "paragraph",
            UnitKind::Item => "item",
            UnitKind::Subitem => "subitem",
            UnitKind::Bullet => "bullet",
            UnitKind::ListLine => "list_line",
            UnitKind::ListItem => "list_item",
        }
    }
}

/// A footnote attached to the unit that cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// The footnote mark as printed (`"1"`, `"13"`).
    pub mark: String,
    /// The footnote text, markup removed.
    pub text: String,
}

/// One citable unit of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `DOC:PATH`.
    pub id: Citation,
    /// Paragraph, item, bullet...
    pub kind: UnitKind,
    /// Clean text: markup, footnote marks and numbering removed.
    pub text: String,
    /// Heading path, outermost first.
    pub section: Vec<String>,
    /// Footnotes the unit cites, in order of citation.
    pub footnotes: Vec<Footnote>,
    /// The year the unit belongs to (a chapter's own year where the
    /// document spans several).
    pub year: Option<u16>,
    /// 1-based line of the body where the unit starts.
    pub line: usize,
}

impl Unit {
    /// The heading path joined with ` > `.
    pub fn section_path(&self) -> String {
        self.section.join(" > ")
    }

    /// UN-style citation (`rpm2019, para. 13 (e)`).
    pub fn un_style(&self) -> String {
        self.id.un_style(self.kind == UnitKind::Bullet)
    }
}

/// Why a line of the body is not part of any unit's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Before the first paragraph: symbols, dates, title, contents.
    FrontMatter,
    /// A table row (contents, list of documents).
    Table,
    /// A page or section rule.
    Rule,
    /// Text after a heading that no numbered paragraph owns.
    Orphan,
}

/// A line (or part of one) that is not unit text, kept for accounting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line number in the body.
    pub line: usize,
    /// The text, markup removed.
    pub text: String,
    /// Why it is not unit text.
    pub reason: SkipReason,
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct ParsedDoc {
    /// The document's metadata.
    pub meta: DocMeta,
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Every heading met in the body, in order.
    pub headings: Vec<String>,
    /// Every footnote defined in the body, in order.
    pub footnotes: Vec<Footnote>,
    /// Lines that are not unit text, headings or footnotes.
    pub skipped: Vec<Skipped>,
    /// True when the document had no paragraph numbers and its paragraphs
    /// were numbered 1, 2, 3 in order of appearance.
    pub numbered_by_accord: bool,
}

impl ParsedDoc {
    /// The unit at `path`, if any.
    pub fn unit(&self, path: &UnitPath) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id.path == path)
    }

    /// Count of numbered paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| u.kind == UnitKind::Paragraph)
            .count()
    }

    /// Count of lettered items (recommendations, in these reports).
    pub fn item_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Item | UnitKind::Subitem))
            .count()
    }

    /// The lettered items that a paragraph introduces as recommendations
    /// ("The following recommendations ... were identified:"), in order.
    pub fn recommendations(&self) -> Vec<&Unit> {
        self.units
            .iter()
            .filter(|u| u.kind == UnitKind::Item)
            .filter(|u| {
                self.unit(&u.id.path.paragraph())
                    .is_some_and(|p| p.text.to_lowercase().contains("recommend"))
            })
            .collect()
    }

    /// Up to `n` valid citations nearest to `path`, for error messages:
    /// units of the same paragraph first, then neighbouring paragraphs.
    pub fn nearest(&self, path: &UnitPath, n: usize) -> Vec<String> {
        let mut v: Vec<(u64, &Unit)> = self
            .units
            .iter()
            .map(|u| {
                let p = u.id.path;
                let para_gap = (p.para as i64 - path.para as i64).unsigned_abs();
                let same_shape = (p.sub.is_some() == path.sub.is_some()) as u64
                    + (p.letter.is_some() == path.letter.is_some()) as u64;
                let letter_gap = match (p.letter, path.letter) {
                    (Some(a), Some(b)) => (a as i64 - b as i64).unsigned_abs(),
                    _ => 0,
                };
                (para_gap * 1000 + (2 - same_shape) * 100 + letter_gap, u)
            })
            .collect();
        v.sort_by_key(|(d, u)| (*d, u.line));
        v.into_iter()
            .take(n)
            .map(|(_, u)| u.id.to_string())
            .collect()
    }
}

/// Parses a document into units.
pub fn parse(doc: &Document) -> ParsedDoc {
    structure::parse(&doc.meta, &doc.body)
}

#[cfg(test)]
mod tests;
