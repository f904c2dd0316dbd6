//! The written review of a draft: what `accord review DRAFT -o FILE`
//! writes, as Markdown, HTML or Word.
//!
//! This module owns the review *document*: plain data built from a
//! [`Review`] and the documents' metadata by [`build`], with no I/O and no
//! reads of the environment (the date comes in as an argument). One
//! renderer per format turns a [`ReviewDoc`] into bytes: [`markdown`],
//! [`html`] and [`docx`], laid out with the pieces of
//! [`super::written`] that the memo uses too. Every renderer shows the
//! same content in the same order:
//!
//! 1. the title (the draft's id), the draft and the precedent documents
//!    (id, title, meeting, date, authority), the date, the accord version
//!    and the review's thresholds ([`crate::review::ADAPTED`],
//!    [`crate::review::VERBATIM`], [`crate::review::UPTAKE`]);
//! 2. a summary: the counts of the review's totals and a few sentences
//!    built from them (templated, every claim naming its citations);
//! 3. every draft paragraph in order, under Preamble and Operative
//!    headings: its citation (`draft:N`, with the draft's own number),
//!    part, class, up to three precedents cited in both styles with score
//!    and authority, each bracket alternative checked, the changes of
//!    drafting strength, and the redline against the best precedent (a new
//!    paragraph is shown whole, as an insertion);
//! 4. the uptake: the recommendations left out, in order, with their text,
//!    then the ones reflected, with the draft paragraph and score.

pub mod docx;
pub mod html;
pub mod markdown;

use super::written::{names, plural, Cite, DocInfo, Format, MemoDate, VERSION};
use crate::corpus::DocMeta;
use crate::diff::{Edit, StrengthChange, StrengthKind};
use crate::parse::Citation;
use crate::review::{Class, Part, Review, Totals, ADAPTED, UPTAKE, VERBATIM};
use crate::Library;

/// The review rendered in `format`, as bytes.
pub fn render(doc: &ReviewDoc, format: Format) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Markdown => markdown::write(doc, &mut out)?,
        Format::Html => html::write(doc, &mut out)?,
        Format::Docx => out = docx::to_bytes(doc)?,
    }
    Ok(out)
}

/// The thresholds of the review, stated so a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Least score of the best precedent of an adapted paragraph.
    pub adapted: f64,
    /// Share of characters kept above which a paragraph is verbatim.
    pub verbatim: f64,
    /// Score at which a recommendation counts as reflected.
    pub uptake: f64,
    /// The share of meaning in each score when sentence vectors were used,
    /// 0..1; `None` for wording alone.
    pub semantic_weight: Option<f64>,
    /// Units matched on wording alone although paraphrase matching was on.
    pub wording_only: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            adapted: ADAPTED,
            verbatim: VERBATIM,
            uptake: UPTAKE,
            semantic_weight: None,
            wording_only: 0,
        }
    }
}

/// A precedent of a draft paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct PrecedentEntry {
    /// Its citation.
    pub cite: Cite,
    /// Similarity to the draft paragraph, 0..1.
    pub score: f64,
    /// The authority of its document (`negotiated`, `report`...).
    pub authority: Option<String>,
}

impl PrecedentEntry {
    /// `score 0.687, report` (the authority when known).
    pub fn details(&self) -> String {
        match &self.authority {
            Some(a) => format!("score {:.3}, {a}", self.score),
            None => format!("score {:.3}", self.score),
        }
    }
}

/// One alternative of a bracket, checked for precedent on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeEntry {
    /// The bracket as written, with its brackets (the first 60 characters
    /// and `…]` when longer).
    pub bracket: String,
    /// The option read in its place (empty: the bracketed text dropped).
    pub option: String,
    /// Its best precedent and score, if any scores at least the related
    /// threshold.
    pub best: Option<(Cite, f64)>,
}

impl AlternativeEntry {
    /// `“enhance”`, or `(dropped)` for the empty option.
    pub fn option_label(&self) -> String {
        if self.option.is_empty() {
            "(dropped)".to_string()
        } else {
            format!("“{}”", self.option)
        }
    }

    /// `rpm2025-item4, para. 12 (a) — rpm2025-item4:12(a), score 0.59`, or
    /// `no precedent`.
    pub fn outcome(&self) -> String {
        match &self.best {
            Some((c, s)) => format!("{c}, score {s:.2}"),
            None => "no precedent".to_string(),
        }
    }
}

/// One paragraph of the draft, reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphEntry {
    /// Its citation, `draft:N` (N counts every paragraph, in order).
    pub id: String,
    /// The draft's own numbering (`5`, `(a)`), if any.
    pub label: Option<String>,
    /// Preamble or operative.
    pub part: Part,
    /// verbatim, adapted or new.
    pub class: Class,
    /// The paragraph's text.
    pub text: String,
    /// Up to three precedents, best first (for a new paragraph, the near
    /// misses).
    pub precedents: Vec<PrecedentEntry>,
    /// Redline from the best precedent to the paragraph (empty for a new
    /// paragraph: it is shown whole).
    pub edits: Vec<Edit>,
    /// Changes of drafting strength from the best precedent.
    pub strength: Vec<StrengthChange>,
    /// Each alternative of each bracket (at most
    /// `review::MAX_ALTERNATIVES`).
    pub alternatives: Vec<AlternativeEntry>,
    /// Readings beyond that limit, not checked.
    pub alternatives_unchecked: usize,
    /// Brackets with no partner, described (`unclosed '[' in “…”`): read
    /// as plain text.
    pub unmatched: Vec<String>,
    /// Words of the paragraph.
    pub words: usize,
    /// Of those, words kept from the best precedent.
    pub words_from_precedent: usize,
}

impl ParagraphEntry {
    /// The citation, with the draft's own numbering when the citation
    /// does not already show it: `abudhabi-draft:PP2`, `abudhabi-draft:6`.
    pub fn heading(&self) -> String {
        match &self.label {
            Some(l) if !self.id.ends_with(&l.replace(' ', "")) => {
                format!("{} (numbered {l})", self.id)
            }
            _ => self.id.clone(),
        }
    }

    /// The precedent the redline runs from, when the paragraph is not new.
    pub fn redline_from(&self) -> Option<&PrecedentEntry> {
        if self.class == Class::New {
            None
        } else {
            self.precedents.first()
        }
    }

    /// `preamble, adapted; 20 words, 15 from precedent`.
    pub fn facts(&self) -> String {
        format!(
            "{}, {}; {}, {} from precedent",
            self.part.as_str(),
            self.class.as_str(),
            plural(self.words, "word", "words"),
            self.words_from_precedent
        )
    }
}

/// The title of a written review of the draft with id `draft`: `Review
/// of the draft ID`, or `Review of ID` when the id already says it is a
/// draft (`draft`, `abudhabi-draft`: not "the draft draft").
pub fn review_title(draft: &str) -> String {
    if draft.to_lowercase().contains("draft") {
        format!("Review of {draft}")
    } else {
        format!("Review of the draft {draft}")
    }
}

/// Consecutive paragraphs of one part: the draft's order, under a Preamble
/// or Operative heading.
#[derive(Debug, Clone, PartialEq)]
pub struct PartGroup {
    /// The part.
    pub part: Part,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<ParagraphEntry>,
    /// True when an earlier group is of the same part (the draft went back
    /// to it): the heading says "continued", so no two read alike.
    pub continued: bool,
}

impl PartGroup {
    /// The group's heading: `Operative`, or `Operative, continued`.
    pub fn title(&self) -> String {
        if self.continued {
            format!("{}, continued", self.part.title())
        } else {
            self.part.title().to_string()
        }
    }
}

/// A recommendation checked for uptake.
#[derive(Debug, Clone, PartialEq)]
pub struct UptakeEntry {
    /// The recommendation's citation.
    pub cite: Cite,
    /// Its text.
    pub text: String,
    /// Its best score against the draft.
    pub score: f64,
    /// The draft paragraph that reflects it ([`ParagraphEntry::heading`]),
    /// or `None` when it is left out.
    pub reflected_in: Option<String>,
}

/// Everything a written review says.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDoc {
    /// Title: `Review of the draft abudhabi-declaration`, `Review of
    /// abudhabi-draft` ([`review_title`]).
    pub title: String,
    /// The review's date.
    pub date: MemoDate,
    /// The accord version that wrote it.
    pub version: String,
    /// The review's thresholds.
    pub thresholds: Thresholds,
    /// The draft.
    pub draft: DocInfo,
    /// Documents searched for precedent.
    pub precedent_docs: Vec<DocInfo>,
    /// Documents whose recommendations were checked for uptake.
    pub uptake_docs: Vec<DocInfo>,
    /// The review's counts.
    pub totals: Totals,
    /// Procedural units of the precedent documents not offered as
    /// precedents.
    pub procedural: usize,
    /// The summary's sentences, generated from the counts.
    pub sentences: Vec<String>,
    /// The paragraphs, in order, in runs of one part.
    pub parts: Vec<PartGroup>,
    /// Recommendations the draft leaves out, in order.
    pub left_out: Vec<UptakeEntry>,
    /// Recommendations the draft reflects, in order.
    pub reflected: Vec<UptakeEntry>,
}

impl ReviewDoc {
    /// Every paragraph, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &ParagraphEntry> {
        self.parts.iter().flat_map(|g| &g.paragraphs)
    }

    /// Ids of the documents checked for uptake, comma-separated.
    pub fn uptake_names(&self) -> String {
        names(&self.uptake_docs)
    }

    /// The line stating the date, version and thresholds.
    pub fn provenance(&self) -> String {
        let t = &self.thresholds;
        format!(
            "Review of {} ({}), written by accord {}. {} Thresholds: a paragraph is adapted when its best precedent scores at least {:.2}, and verbatim when at least {:.0}% of its text and that precedent's is the same; a recommendation is reflected when a paragraph scores at least {:.2} against it.",
            self.date.long(),
            self.date,
            self.version,
            super::written::matching_sentence(t.semantic_weight, t.wording_only),
            t.adapted,
            t.verbatim * 100.0,
            t.uptake
        )
    }

    /// Labelled counts for the summary table, in a fixed order.
    pub fn count_rows(&self) -> Vec<(&'static str, String)> {
        let t = &self.totals;
        vec![
            ("Paragraphs", t.paragraphs.to_string()),
            ("Preambular", t.preamble.to_string()),
            ("Operative", t.operative.to_string()),
            ("Verbatim", t.verbatim.to_string()),
            ("Adapted", t.adapted.to_string()),
            ("New", t.new.to_string()),
            ("Words", t.words.to_string()),
            (
                "Words from precedent",
                format!("{} ({})", t.words_from_precedent, percent(t)),
            ),
            ("Recommendations checked", t.recommendations.to_string()),
            ("Reflected", t.reflected.to_string()),
            ("Left out", (t.recommendations - t.reflected).to_string()),
        ]
    }

    /// The legend of the redlines, for the paragraphs section.
    pub fn redline_note(&self) -> &'static str {
        "Each redline runs from the paragraph's best precedent to the draft's wording. A new paragraph, with no precedent scoring at the adapted threshold, is shown whole as inserted text; its nearest precedents are still listed."
    }
}

/// The share of words from precedent, as a whole percentage: `69%`.
fn percent(t: &Totals) -> String {
    format!("{:.0}%", t.share_from_precedent * 100.0)
}

/// Builds the written review of `review`. `draft` is the draft's metadata
/// (it is not in the library); `lib` supplies the other documents'
/// metadata and the units that bracket alternatives name.
pub fn build(review: &Review, lib: &Library, draft: &DocMeta, date: MemoDate) -> ReviewDoc {
    let cite_of = |c: &Citation| {
        lib.unit(&c.to_string())
            .map_or_else(|_| Cite::of_citation(c, None), Cite::of)
    };
    let mut parts: Vec<PartGroup> = Vec::new();
    for p in &review.paragraphs {
        let entry = ParagraphEntry {
            id: p.paragraph.unit.id.to_string(),
            label: p.paragraph.label.clone(),
            part: p.paragraph.part,
            class: p.class,
            text: p.paragraph.unit.text.clone(),
            precedents: p
                .precedents
                .iter()
                .map(|x| PrecedentEntry {
                    cite: Cite::of(x.unit),
                    score: x.score,
                    authority: x.authority.map(|a| a.as_str().to_string()),
                })
                .collect(),
            edits: if p.class == Class::New {
                Vec::new()
            } else {
                p.edits.clone()
            },
            strength: p.strength.clone(),
            alternatives: p
                .alternatives
                .iter()
                .map(|a| AlternativeEntry {
                    bracket: crate::report::review::bracket_label(&a.bracket),
                    option: a.option.clone(),
                    best: a.best.as_ref().map(|(c, s)| (cite_of(c), *s)),
                })
                .collect(),
            alternatives_unchecked: p.alternatives_unchecked,
            unmatched: p.paragraph.unmatched.iter().map(|u| u.describe()).collect(),
            words: p.words,
            words_from_precedent: p.words_from_precedent,
        };
        match parts.last_mut() {
            Some(g) if g.part == entry.part => g.paragraphs.push(entry),
            _ => parts.push(PartGroup {
                continued: parts.iter().any(|g| g.part == entry.part),
                part: entry.part,
                paragraphs: vec![entry],
            }),
        }
    }

    let (mut left_out, mut reflected) = (Vec::new(), Vec::new());
    for u in &review.uptake {
        let entry = UptakeEntry {
            cite: Cite::of(u.recommendation),
            text: u.recommendation.text.clone(),
            score: u.score,
            reflected_in: u.reflected_in.as_ref().map(|c| {
                let id = c.to_string();
                parts
                    .iter()
                    .flat_map(|g| &g.paragraphs)
                    .find(|p| p.id == id)
                    .map_or(id, ParagraphEntry::heading)
            }),
        };
        if entry.reflected_in.is_some() {
            reflected.push(entry);
        } else {
            left_out.push(entry);
        }
    }

    let mut doc = ReviewDoc {
        title: review_title(&review.draft),
        date,
        version: VERSION.to_string(),
        thresholds: Thresholds {
            semantic_weight: review.semantic_weight,
            wording_only: review.wording_only,
            ..Thresholds::default()
        },
        draft: DocInfo::from_meta(draft, review.paragraphs.len()),
        precedent_docs: review.against.iter().map(|d| DocInfo::of(lib, d)).collect(),
        uptake_docs: review
            .uptake_docs
            .iter()
            .map(|d| DocInfo::of(lib, d))
            .collect(),
        totals: review.totals,
        procedural: review.procedural,
        sentences: Vec::new(),
        parts,
        left_out,
        reflected,
    };
    doc.sentences = sentences(&doc);
    doc
}

/// `1 is`, `2 are` (with the verb agreeing).
fn agree(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary's sentences: each a template filled with counts and
/// citations from the review, never a judgement the data does not carry.
fn sentences(d: &ReviewDoc) -> Vec<String> {
    let t = &d.totals;
    let mut out = Vec::new();
    out.push(format!(
        "{} has {}, {} preambular and {} operative: {} a precedent's words verbatim, {} a precedent and {} new.",
        d.draft.id,
        plural(t.paragraphs, "paragraph", "paragraphs"),
        t.preamble,
        t.operative,
        agree(t.verbatim, "takes", "take"),
        agree(t.adapted, "adapts", "adapt"),
        agree(t.new, "is", "are"),
    ));
    out.push(format!(
        "{} of its words ({} of {}) are kept from precedent.",
        percent(t),
        t.words_from_precedent,
        t.words
    ));
    let new: Vec<&str> = d
        .paragraphs()
        .filter(|p| p.class == Class::New)
        .map(|p| p.id.as_str())
        .collect();
    if new.is_empty() {
        out.push(format!(
            "Every paragraph has a precedent scoring at least {:.2}.",
            d.thresholds.adapted
        ));
    } else {
        out.push(format!(
            "New language, with no precedent scoring {:.2}: {}.",
            d.thresholds.adapted,
            new.join(", ")
        ));
    }
    let changes: Vec<&StrengthChange> = d.paragraphs().flat_map(|p| &p.strength).collect();
    if changes.is_empty() {
        out.push(
            "No change of drafting strength (operative verb, modal or qualifier) from the best precedents was found."
                .to_string(),
        );
    } else {
        let by = |k: StrengthKind| changes.iter().filter(|c| c.kind == k).count();
        out.push(format!(
            "Drafting strength differs from the best precedent {} in {}: {}, {} and {}.",
            plural(changes.len(), "time", "times"),
            plural(
                d.paragraphs().filter(|p| !p.strength.is_empty()).count(),
                "paragraph",
                "paragraphs"
            ),
            plural(by(StrengthKind::Verb), "operative verb", "operative verbs"),
            plural(by(StrengthKind::Modal), "modal", "modals"),
            plural(by(StrengthKind::Qualifier), "qualifier", "qualifiers"),
        ));
    }
    let bracketed: Vec<&ParagraphEntry> = d
        .paragraphs()
        .filter(|p| !p.alternatives.is_empty())
        .collect();
    if !bracketed.is_empty() {
        let brackets: usize = bracketed
            .iter()
            .map(|p| {
                let mut b: Vec<&str> = p.alternatives.iter().map(|a| a.bracket.as_str()).collect();
                b.dedup();
                b.len()
            })
            .sum();
        let readings: usize = bracketed.iter().map(|p| p.alternatives.len()).sum();
        out.push(format!(
            "{} with brackets ({}): {} of {}, each checked for precedent.",
            plural(bracketed.len(), "paragraph", "paragraphs"),
            bracketed
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            plural(readings, "reading", "readings"),
            plural(brackets, "bracket", "brackets"),
        ));
        let unchecked: usize = bracketed.iter().map(|p| p.alternatives_unchecked).sum();
        if unchecked > 0 {
            out.push(format!(
                "{} not checked: accord checks the first {} readings of a paragraph.",
                plural(unchecked, "further reading was", "further readings were"),
                crate::review::MAX_ALTERNATIVES
            ));
        }
    }
    let unmatched: Vec<&ParagraphEntry> =
        d.paragraphs().filter(|p| !p.unmatched.is_empty()).collect();
    if !unmatched.is_empty() {
        let described: Vec<String> = unmatched
            .iter()
            .flat_map(|p| p.unmatched.iter().map(move |u| format!("{}: {u}", p.id)))
            .collect();
        out.push(format!(
            "Brackets without a partner were read as plain text, their alternatives not checked ({}): {}.",
            plural(described.len(), "bracket", "brackets"),
            described.join("; ")
        ));
    }
    if d.procedural > 0 {
        out.push(format!(
            "{} of the precedent documents (agenda, attendance, election of officers, adoption of the report) {} not offered as precedent.",
            plural(d.procedural, "procedural unit", "procedural units"),
            if d.procedural == 1 { "was" } else { "were" }
        ));
    }
    if t.recommendations == 0 {
        out.push("No recommendations were checked for uptake.".to_string());
    } else if d.left_out.is_empty() {
        out.push(format!(
            "It reflects all {} of {}.",
            plural(t.recommendations, "recommendation", "recommendations"),
            d.uptake_names()
        ));
    } else {
        out.push(format!(
            "It reflects {} of the {} of {}; {} left out, the first {}.",
            t.reflected,
            plural(t.recommendations, "recommendation", "recommendations"),
            d.uptake_names(),
            agree(d.left_out.len(), "is", "are"),
            d.left_out[0].cite.un,
        ));
    }
    out
}

#[cfg(test)]
mod tests;
