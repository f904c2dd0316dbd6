//! Parsing: document text to citable [`Unit`]s.
//!
//! This stage owns the numbering grammar of UN reports and negotiated texts
//! (see `CITATIONS.md`) and the [`Citation`] type. It receives a
//! [`Document`] from `corpus` and returns a [`ParsedDoc`]: the units in
//! document order (preambular paragraphs `PPk`, numbered paragraphs with
//! their items, inserted `2bis`, unnumbered `N+k`, and the same in later
//! parts such as `annex/5(g)`), each with its clean text, heading path,
//! chapeau, footnotes and year, plus an account of every line that did not
//! become unit text (title and chapeaux, headings, footnotes, front matter,
//! tables), so that nothing is lost silently: [`unaccounted_words`] checks
//! it.
//!
//! This is the one parser: every command (`units`, `show`, `align`, `diff`,
//! `evolve`, `trace`, `terms`, `memo`, `review`) reads every document
//! through [`parse()`].
//!
//! Reports are converted from PDF and are messy: headings glued onto one
//! line, numbered lines that are headings or agenda lists rather than
//! paragraphs, paragraphs broken by page breaks, footnotes in the middle of
//! a paragraph. The rules that sort these out live in `structure`; each is
//! tested on the real text of the seeds.

mod citation;
mod lines;
mod markup;
pub(crate) mod opener;
mod role;
mod structure;
pub mod unicode;

use serde::Serialize;

use crate::corpus::{DocMeta, Document};

pub use citation::{
    latin_insert, roman_string, roman_value, Citation, CitationError, UnitPath, LATIN_INSERTS,
};
pub use markup::{clean, collapse_ws, Clean};
pub use role::{
    is_procedural_heading, same_provision, Provision, Role, PROCEDURAL_FORMULAE,
    PROCEDURAL_HEADINGS,
};

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
    /// A preambular paragraph `PPk` of a negotiated text.
    Preambular,
    /// An unnumbered paragraph `N+k` after numbered paragraph N.
    Unnumbered,
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
            UnitKind::Preambular => "preambular",
            UnitKind::Unnumbered => "unnumbered",
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
    /// The numbering as printed before the text (`13.`, `2 bis.`, `(e)`,
    /// `(iv)`); empty for bullets and for paragraphs without a number.
    pub label: String,
    /// Clean text: markup, footnote marks and numbering removed.
    pub text: String,
    /// Heading path, outermost first (a negotiated text's title first).
    pub section: Vec<String>,
    /// The chapeau the unit stands under: the opening chapeau ("We, the
    /// Ministers ...,") for preambular paragraphs, the operative chapeau
    /// ("Declare as follows:") for operative ones; `None` in reports.
    pub chapeau: Option<String>,
    /// Footnotes the unit cites, in order of citation.
    pub footnotes: Vec<Footnote>,
    /// The year the unit belongs to (a chapter's own year where the
    /// document spans several).
    pub year: Option<u16>,
    /// 1-based line of the document's file where the unit starts (front
    /// matter counted; see [`parse()`]).
    pub line: usize,
    /// What the unit does in its document: recommendation, operative or
    /// preambular paragraph, narrative, chapeau of a list, procedural
    /// (see [`Role`]).
    pub role: Role,
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

/// What a line that frames units is: title or chapeau.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FramingRole {
    /// The title of a negotiated text ("Draft Lisbon declaration on ...").
    Title,
    /// The opening chapeau: the subject of the text ("We, the Ministers
    /// ...,", "The General Assembly,").
    Chapeau,
    /// The operative chapeau ("Declare as follows:", "Decides:").
    OperativeChapeau,
}

impl FramingRole {
    /// The snake_case name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            FramingRole::Title => "title",
            FramingRole::Chapeau => "chapeau",
            FramingRole::OperativeChapeau => "operative_chapeau",
        }
    }

    /// The name in words, as text output and `diff`'s `context` give it
    /// (`operative chapeau`).
    pub fn label(self) -> &'static str {
        match self {
            FramingRole::Title => "title",
            FramingRole::Chapeau => "chapeau",
            FramingRole::OperativeChapeau => "operative chapeau",
        }
    }
}

/// A title or chapeau: not a unit, but the context of the units under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framing {
    /// Title, chapeau or operative chapeau.
    pub role: FramingRole,
    /// The part it belongs to (`None` for the first).
    pub part: Option<Box<str>>,
    /// The text, markup removed.
    pub text: String,
    /// 1-based line of the document's file.
    pub line: usize,
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
    /// A page header or footer, running head or page number that a Word
    /// or PDF reader took out of the body ([`Document::furniture`]).
    PageFurniture,
}

impl SkipReason {
    /// The snake_case name used in JSON (`front_matter`, `table`).
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::FrontMatter => "front_matter",
            SkipReason::Table => "table",
            SkipReason::Rule => "rule",
            SkipReason::Orphan => "orphan",
            SkipReason::PageFurniture => "page_furniture",
        }
    }
}

/// A line (or part of one) that is not unit text, kept for accounting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line of the document's file.
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
    /// The 1-based line of the file of each of [`headings`](Self::headings).
    pub heading_lines: Vec<usize>,
    /// Every footnote defined in the body, in order.
    pub footnotes: Vec<Footnote>,
    /// Lines that are not unit text, headings, framing or footnotes: set
    /// aside (front matter, tables), listed by `accord show DOC --set-aside`.
    pub skipped: Vec<Skipped>,
    /// Titles and chapeaux of a negotiated text, in order.
    pub framing: Vec<Framing>,
    /// True when the document had no paragraph numbers and its paragraphs
    /// were numbered 1, 2, 3 in order of appearance.
    pub numbered_by_accord: bool,
    /// The format of the file (text, Word, PDF).
    pub format: crate::corpus::Format,
    /// A Word file with tracked changes, and which reading of them was
    /// parsed.
    pub tracked_changes: Option<crate::corpus::Changes>,
}

impl ParsedDoc {
    /// The unit at `path`, if any; part labels match whatever their case
    /// (`Annex/5` names `annex/5`).
    pub fn unit(&self, path: &UnitPath) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id.path == path).or_else(|| {
            self.units.iter().find(|u| {
                u.id.path
                    .part_label()
                    .eq_ignore_ascii_case(path.part_label())
                    && UnitPath {
                        part: None,
                        ..u.id.path.clone()
                    } == UnitPath {
                        part: None,
                        ..path.clone()
                    }
            })
        })
    }

    /// Count of numbered paragraphs (inserted `2bis` paragraphs included).
    pub fn paragraph_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| u.kind == UnitKind::Paragraph)
            .count()
    }

    /// Count of preambular paragraphs.
    pub fn preambular_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| u.kind == UnitKind::Preambular)
            .count()
    }

    /// The title of a negotiated text, if one was recognised.
    pub fn title(&self) -> Option<&str> {
        self.framing
            .iter()
            .find(|f| f.role == FramingRole::Title)
            .map(|f| f.text.as_str())
    }

    /// The title to show: the metadata's (front matter, cover page), else
    /// the one recognised in the text ([`title`](Self::title)).
    pub fn display_title(&self) -> Option<&str> {
        self.meta.title.as_deref().or(self.title())
    }

    /// Words set aside (front matter, tables) as a share of all words of
    /// the document, 0..1; words are runs of letters and digits.
    pub fn set_aside_share(&self) -> f64 {
        let count = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        };
        // Page furniture is expected of Word and PDF files, and not in
        // the body: it does not count.
        let aside: usize = self
            .skipped
            .iter()
            .filter(|s| s.reason != SkipReason::PageFurniture)
            .map(|s| count(&s.text))
            .sum();
        let total = aside
            + self
                .units
                .iter()
                .map(|u| count(&u.text) + count(&u.label))
                .sum::<usize>()
            + self.headings.iter().map(|h| count(h)).sum::<usize>()
            + self.footnotes.iter().map(|f| count(&f.text)).sum::<usize>()
            + self.framing.iter().map(|f| count(&f.text)).sum::<usize>();
        if total == 0 {
            0.0
        } else {
            aside as f64 / total as f64
        }
    }

    /// Count of lettered items (recommendations, in these reports).
    pub fn item_count(&self) -> usize {
        self.units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Item | UnitKind::Subitem))
            .count()
    }

    /// The recommendations, in order: the units whose role is
    /// [`Role::Recommendation`] (the items a chapeau introduces as
    /// recommendations, "The following recommendations ... were
    /// identified:", and units that open with an imperative).
    pub fn recommendations(&self) -> Vec<&Unit> {
        self.units
            .iter()
            .filter(|u| u.role == Role::Recommendation)
            .collect()
    }

    /// Up to `n` valid citations nearest to `path`, for error messages:
    /// units of the same paragraph first, then neighbouring paragraphs.
    pub fn nearest(&self, path: &UnitPath, n: usize) -> Vec<String> {
        let mut v: Vec<(u64, &Unit)> = self
            .units
            .iter()
            .map(|u| {
                let p = &u.id.path;
                let other_part = (p.part != path.part || p.preambular != path.preambular) as u64;
                let para_gap = (p.para as i64 - path.para as i64).unsigned_abs();
                let same_shape = (p.sub.is_some() == path.sub.is_some()) as u64
                    + (p.letter.is_some() == path.letter.is_some()) as u64;
                let letter_gap = match (p.letter, path.letter) {
                    (Some(a), Some(b)) => (a as i64 - b as i64).unsigned_abs(),
                    _ => 0,
                };
                (
                    other_part * 1_000_000 + para_gap * 1000 + (2 - same_shape) * 100 + letter_gap,
                    u,
                )
            })
            .collect();
        v.sort_by_key(|(d, u)| (*d, u.line));
        v.into_iter()
            .take(n)
            .map(|(_, u)| u.id.to_string())
            .collect()
    }
}

/// Parses a document into units. Line numbers in the result are lines of
/// the document's file, front matter included ([`Document::body_line`]).
pub fn parse(doc: &Document) -> ParsedDoc {
    let mut parsed = structure::parse(&doc.meta, &doc.body);
    let shift = doc.body_line.saturating_sub(1);
    if shift > 0 {
        for u in &mut parsed.units {
            u.line += shift;
        }
        for l in &mut parsed.heading_lines {
            *l += shift;
        }
        for f in &mut parsed.framing {
            f.line += shift;
        }
        for s in &mut parsed.skipped {
            s.line += shift;
        }
    }
    parsed.format = doc.format;
    parsed.tracked_changes = doc.tracked_changes;
    // Page furniture is not in the body: it is listed with line 0.
    parsed.skipped.extend(doc.furniture.iter().map(|f| Skipped {
        line: 0,
        text: f.clone(),
        reason: SkipReason::PageFurniture,
    }));
    parsed
}

/// Counts the words of `text` (runs of letters and digits) into `into`
/// with `sign`.
fn count_words(text: &str, into: &mut std::collections::BTreeMap<String, i64>, sign: i64) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            *into.entry(w.to_string()).or_default() += sign;
        }
    }
}

/// Conservation: the words of `body` that the parse did not account for
/// exactly once. Every word of the body must be in exactly one unit (its
/// label or text), title or chapeau, heading, footnote or set-aside line;
/// the result maps each word that is not to how many times it was lost
/// (positive) or duplicated (negative), and is empty when nothing was.
/// Footnote marks (`¹`, `<sup>1</sup>`) and link targets are markup, not
/// words.
pub fn unaccounted_words(
    body: &str,
    parsed: &ParsedDoc,
) -> std::collections::BTreeMap<String, i64> {
    let mut balance = std::collections::BTreeMap::new();
    for line in body.lines() {
        // Headings a converter glued onto one line are read apart, as the
        // parser reads them; any other line as its markup-free text.
        match lines::glued_headings(line.trim()) {
            Some(pieces) => {
                for p in pieces {
                    count_words(&p, &mut balance, 1);
                }
            }
            None => count_words(&clean(line).text, &mut balance, 1),
        }
    }
    for u in &parsed.units {
        count_words(&u.label, &mut balance, -1);
        count_words(&u.text, &mut balance, -1);
    }
    for t in parsed
        .headings
        .iter()
        .chain(parsed.footnotes.iter().map(|f| &f.text))
        .chain(
            parsed
                .skipped
                .iter()
                .filter(|s| s.reason != SkipReason::PageFurniture)
                .map(|s| &s.text),
        )
        .chain(parsed.framing.iter().map(|f| &f.text))
    {
        count_words(t, &mut balance, -1);
    }
    balance.retain(|_, n| *n != 0);
    balance
}

#[cfg(test)]
mod tests;
