//! Review of a proposed declaration: for each paragraph, is it agreed
//! language (`verbatim`), `adapted`, or `new`, and where does it come from?
//! And which recommendations of the preparatory meetings does the draft
//! leave out?
//!
//! This stage receives a draft (see [`draft`]) and the library, and returns
//! a [`Review`]: plain data for the renderers.
//!
//! * Precedents: the best matches of each paragraph among the precedent
//!   documents, without one-to-one assignment (a draft may reuse one
//!   recommendation twice), scored as `align` scores. At equal similarity
//!   (to two decimals), negotiated language ranks above adopted, reports
//!   and chairs' summaries: a drafter defends agreed language first.
//! * Class: `verbatim` when the words are those of the best precedent, or
//!   all but a twentieth of them ([`VERBATIM`]); `adapted` when the best
//!   precedent scores at least [`ADAPTED`]; `new` otherwise. [`ADAPTED`] is
//!   above the reworded threshold of `align` (0.30): that one is set for
//!   summaries that distil a long discussion into a line, while a draft
//!   that adapts a provision keeps much of its wording. On the example
//!   draft in `examples/`, adapted paragraphs score 0.56 to 0.89 and new
//!   ones at most 0.31 (a chapeau that shares only the Congress's name
//!   with a 2019 paragraph).
//! * Brackets: each alternative of a bracket is checked for precedent on
//!   its own, the paragraph read with that option in place.
//! * Uptake: each recommendation of the chosen side is reflected in the
//!   draft when its best matching paragraph scores at least [`UPTAKE`].

pub mod draft;

use serde::Serialize;

use crate::align::{Scope, RELATED};
use crate::corpus::Authority;
use crate::diff::{diff_words, provision_strength, similarity, Edit, Op, StrengthChange};
use crate::parse::{Citation, ParsedDoc, Unit, UnitKind, UnitPath};
use crate::{Error, Library, Result};

pub use draft::{draft_paragraphs, read_draft, Bracket, DraftParagraph, Part, Unmatched};

/// Least score of the best precedent of an `adapted` paragraph.
pub const ADAPTED: f64 = 0.35;
/// Share of characters kept above which an adapted paragraph is verbatim.
pub const VERBATIM: f64 = 0.95;
/// Score at which a recommendation counts as reflected in the draft:
/// between the related and reworded thresholds, as a paraphrase in a
/// declaration rarely keeps a recommendation's wording.
pub const UPTAKE: f64 = 0.25;

/// How much of a paragraph is agreed language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// The words of a precedent.
    Verbatim,
    /// A precedent's provision, adapted.
    Adapted,
    /// No precedent.
    New,
}

impl Class {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Verbatim => "verbatim",
            Class::Adapted => "adapted",
            Class::New => "new",
        }
    }
}

/// A precedent of a draft paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Precedent<'a> {
    /// The precedent unit.
    pub unit: &'a Unit,
    /// Similarity, 0..1.
    pub score: f64,
    /// The authority of its document.
    pub authority: Option<Authority>,
}

/// The precedent check of one alternative of a bracket.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeCheck {
    /// The bracket as written.
    pub bracket: String,
    /// The option checked (empty: the bracketed text dropped).
    pub option: String,
    /// Its best precedent and score, if any scores at least the related
    /// threshold.
    pub best: Option<(Citation, f64)>,
}

/// The review of one draft paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphReview<'a> {
    /// The paragraph.
    pub paragraph: &'a DraftParagraph,
    /// verbatim, adapted or new.
    pub class: Class,
    /// Up to three precedents, best first.
    pub precedents: Vec<Precedent<'a>>,
    /// Redline against the best precedent (empty when there is none).
    pub edits: Vec<Edit>,
    /// Drafting-strength changes from the best precedent.
    pub strength: Vec<StrengthChange>,
    /// Each alternative of each bracket, checked on its own, in order, at
    /// most [`MAX_ALTERNATIVES`].
    pub alternatives: Vec<AlternativeCheck>,
    /// Readings beyond [`MAX_ALTERNATIVES`], not checked (usually 0).
    pub alternatives_unchecked: usize,
    /// Words of the paragraph.
    pub words: usize,
    /// Of those, words kept from the best precedent (verbatim and adapted
    /// paragraphs).
    pub words_from_precedent: usize,
}

/// Whether one recommendation is reflected in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Uptake<'a> {
    /// The recommendation.
    pub recommendation: &'a Unit,
    /// The draft paragraph that reflects it, if any.
    pub reflected_in: Option<Citation>,
    /// Best score against the draft.
    pub score: f64,
}

/// Counts over the whole draft.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    /// Paragraphs.
    pub paragraphs: usize,
    /// Preambular paragraphs.
    pub preamble: usize,
    /// Operative paragraphs.
    pub operative: usize,
    /// Verbatim paragraphs.
    pub verbatim: usize,
    /// Adapted paragraphs.
    pub adapted: usize,
    /// New paragraphs.
    pub new: usize,
    /// Words in the draft.
    pub words: usize,
    /// Words kept from precedents.
    pub words_from_precedent: usize,
    /// `words_from_precedent / words`.
    pub share_from_precedent: f64,
    /// Recommendations checked for uptake.
    pub recommendations: usize,
    /// Of those, reflected in the draft.
    pub reflected: usize,
}

/// The review of a draft.
#[derive(Debug, Clone)]
pub struct Review<'a> {
    /// The draft's id.
    pub draft: String,
    /// Documents searched for precedent.
    pub against: Vec<String>,
    /// Documents left out of the precedents because they are dated after
    /// the draft.
    pub later: Vec<String>,
    /// The share of meaning in the scores when sentence vectors were used
    /// (paraphrase matching), 0..1; `None` for wording alone.
    pub semantic_weight: Option<f64>,
    /// With paraphrase matching, paragraphs of the draft and precedent
    /// units that had no sentence vector and were matched on wording alone.
    pub wording_only: usize,
    /// Procedural units of the precedent documents (agenda, attendance,
    /// election of officers...) not offered as precedents; 0 when they were
    /// included.
    pub procedural: usize,
    /// Documents whose recommendations were checked for uptake.
    pub uptake_docs: Vec<String>,
    /// One review per paragraph, in order.
    pub paragraphs: Vec<ParagraphReview<'a>>,
    /// Uptake of each recommendation, in document order.
    pub uptake: Vec<Uptake<'a>>,
    /// Counts.
    pub totals: Totals,
}

impl Review<'_> {
    /// Recommendations the draft leaves out, in order.
    pub fn left_out(&self) -> impl Iterator<Item = &Uptake<'_>> {
        self.uptake.iter().filter(|u| u.reflected_in.is_none())
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Words of the newer text (the `Equal` and `Insert` edits) that the
/// precedent gave: every letter and digit of the word in an `Equal` edit
/// (punctuation around it may be new: `crime;` for `crime,`).
/// Counted over the newer text's own words, so it never exceeds
/// [`word_count`] of that text (counting the words of each equal stretch
/// did: `a-b` with only the hyphen inserted counted two words of one).
fn words_kept(edits: &[Edit]) -> usize {
    let mut kept = 0;
    // The current word: does it hold a letter or digit, and did every
    // letter and digit of it come from the precedent?
    let (mut any, mut whole) = (false, true);
    for e in edits.iter().filter(|e| e.op != Op::Delete) {
        for c in e.text.chars() {
            if c.is_whitespace() {
                kept += usize::from(any && whole);
                (any, whole) = (false, true);
            } else {
                any |= c.is_alphanumeric();
                whole &= e.op == Op::Equal || !c.is_alphanumeric();
            }
        }
    }
    kept + usize::from(any && whole)
}

/// Bracket readings checked per draft paragraph. A negotiated bracket
/// rarely offers more than three options and a paragraph rarely holds more
/// than a handful of brackets; 32 readings cover ten brackets of three
/// options. Beyond it, the rest are counted in
/// [`ParagraphReview::alternatives_unchecked`] and not scored, which keeps
/// the work and the memory of a review linear in the draft's length
/// (2,000 brackets in one paragraph were 45 s and 434 MB without it).
pub const MAX_ALTERNATIVES: usize = 32;

/// The paragraph's text with bracket `which` read as option `option` and
/// every other bracket as its first option: one pass over the text.
fn variant(p: &DraftParagraph, which: usize, option: &str) -> String {
    let text = &p.unit.text;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (i, b) in p.brackets.iter().enumerate() {
        // Spans come from the same text, in order; a stale one is skipped
        // rather than sliced.
        let Some(before) = text.get(at..b.span.start) else {
            continue;
        };
        out.push_str(before);
        out.push_str(if i == which {
            option
        } else {
            b.options.first().map_or("", String::as_str)
        });
        at = b.span.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    crate::parse::collapse_ws(&out)
}

/// What [`review()`] compares a draft with.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReviewOptions<'s> {
    /// The precedent side (`2019`, `rpm2019,kyoto2021`); `None`: every
    /// document of the library.
    pub against: Option<&'s str>,
    /// The side whose recommendations are checked for uptake; `None`: the
    /// documents of the latest year among the precedents.
    pub uptake: Option<&'s str>,
    /// An ISO date (`YYYY-MM-DD`, the draft's date): documents dated after
    /// it are not precedents; they are listed in [`Review::later`].
    pub until: Option<&'s str>,
    /// Offer procedural units (agenda, attendance...) as precedents too;
    /// off by default, and their count is in [`Review::procedural`].
    pub include_procedural: bool,
}

/// Reviews `paragraphs` of a draft against precedents and checks the
/// uptake of recommendations, as `opts` says (see [`ReviewOptions`]).
/// Errors: an empty draft, or a side that names no document.
pub fn review<'a>(
    lib: &'a Library,
    draft_id: &str,
    paragraphs: &'a [DraftParagraph],
    opts: &ReviewOptions,
) -> Result<Review<'a>> {
    let ReviewOptions {
        against,
        uptake,
        until,
        include_procedural,
    } = *opts;
    if paragraphs.is_empty() {
        return Err(Error::Usage(format!(
            "draft '{draft_id}' has no paragraphs to review"
        )));
    }
    let mut against_docs: Vec<&ParsedDoc> = match against {
        Some(spec) => lib.side(spec)?,
        None => lib
            .docs()
            .iter()
            .filter(|d| d.meta.id != draft_id)
            .collect(),
    };
    // A precedent comes before the draft: documents dated after it are
    // left out (ISO dates compare as strings); undated ones stay.
    let mut later = Vec::new();
    if let Some(until) = until {
        against_docs.retain(|d| match d.meta.date.as_deref() {
            Some(date) if date > until => {
                later.push(d.meta.id.clone());
                false
            }
            _ => true,
        });
    }
    let (procedural, against_units): (Vec<&Unit>, Vec<&Unit>) = against_docs
        .iter()
        .filter(|d| d.meta.id != draft_id)
        .flat_map(|d| d.units.iter())
        .partition(|u| !include_procedural && u.role.is_procedural());
    let uptake_docs = match uptake {
        Some(spec) => lib.side(spec)?,
        None => {
            let latest = against_docs.iter().filter_map(|d| d.meta.year).max();
            against_docs
                .iter()
                .copied()
                .filter(|d| d.meta.year == latest && latest.is_some())
                .collect()
        }
    };
    let recommendations: Vec<&Unit> = uptake_docs
        .iter()
        .flat_map(|d| d.recommendations())
        .collect();

    // Alternatives of brackets become units of their own, so that the scope
    // scores them like any paragraph.
    let mut alt_units: Vec<Unit> = Vec::new();
    let mut alt_of: Vec<(usize, usize, String)> = Vec::new(); // (paragraph, bracket, option)
    let mut unchecked = vec![0; paragraphs.len()];
    for (pi, p) in paragraphs.iter().enumerate() {
        let readings = p.brackets.iter().flat_map(|b| &b.options).count();
        unchecked[pi] = readings.saturating_sub(MAX_ALTERNATIVES);
        let options = p
            .brackets
            .iter()
            .enumerate()
            .flat_map(|(bi, b)| b.options.iter().map(move |o| (bi, o)))
            .take(MAX_ALTERNATIVES);
        for (bi, o) in options {
            alt_units.push(Unit {
                label: String::new(),
                chapeau: None,
                id: Citation::new(
                    format!("{draft_id}#alternatives"),
                    UnitPath {
                        sub: Some(alt_units.len() as u32 + 1),
                        ..UnitPath::para(pi as u32 + 1)
                    },
                ),
                kind: UnitKind::Paragraph,
                text: variant(p, bi, o),
                section: Vec::new(),
                footnotes: Vec::new(),
                year: None,
                line: p.unit.line,
                role: p.unit.role,
            });
            alt_of.push((pi, bi, o.clone()));
        }
    }
    let draft_units: Vec<&Unit> = paragraphs.iter().map(|p| &p.unit).collect();
    let mut scope_units: Vec<&Unit> = lib
        .all_units()
        .into_iter()
        .filter(|u| u.id.doc != draft_id)
        .collect();
    scope_units.extend(draft_units.iter().copied());
    scope_units.extend(alt_units.iter());
    let mut scope = Scope::new(scope_units);
    let alt_refs: Vec<&Unit> = alt_units.iter().collect();
    lib.add_vectors(
        &mut scope,
        &[&against_units, &draft_units, &alt_refs, &recommendations],
    )?;

    let authority = |u: &Unit| lib.doc(&u.id.doc).ok().and_then(|d| d.meta.authority);
    // Matches borrow from the scope, which holds short-lived alternative
    // units too; precedents are looked up again among the library's units.
    let by_id: rustc_hash::FxHashMap<&Citation, &'a Unit> =
        against_units.iter().map(|u| (&u.id, *u)).collect();
    let nearest = scope.nearest(&against_units, &draft_units, 12, RELATED);
    let alt_best = scope.nearest(&against_units, &alt_refs, 1, RELATED);

    let mut alternatives_of: Vec<Vec<AlternativeCheck>> = vec![Vec::new(); paragraphs.len()];
    for ((pi, bi, o), m) in alt_of.into_iter().zip(&alt_best) {
        alternatives_of[pi].push(AlternativeCheck {
            bracket: paragraphs[pi].brackets[bi].raw.clone(),
            option: o,
            best: m.first().map(|m| (m.unit.id.clone(), m.score)),
        });
    }

    let mut reviews = Vec::new();
    for (pi, (p, found)) in paragraphs.iter().zip(nearest).enumerate() {
        let mut precedents: Vec<Precedent<'a>> = found
            .into_iter()
            .filter_map(|m| by_id.get(&m.unit.id).copied().map(|u| (u, m.score)))
            .map(|(unit, score)| Precedent {
                unit,
                score,
                authority: authority(unit),
            })
            .collect();
        // Equal similarity to two decimals: negotiated language first.
        precedents.sort_by(|a, b| {
            let r = |x: f64| (x * 100.0).round() as i64;
            r(b.score)
                .cmp(&r(a.score))
                .then(
                    a.authority
                        .map_or(9, Authority::rank)
                        .cmp(&b.authority.map_or(9, Authority::rank)),
                )
                .then(b.score.total_cmp(&a.score))
                .then(a.unit.id.cmp(&b.unit.id))
        });
        precedents.truncate(3);
        let best = precedents.first();
        let edits = best.map_or_else(Vec::new, |b| diff_words(&b.unit.text, &p.unit.text));
        let class = match best {
            Some(b) if b.score >= 1.0 || similarity(&edits) >= VERBATIM => Class::Verbatim,
            Some(b) if b.score >= ADAPTED => Class::Adapted,
            _ => Class::New,
        };
        let words = word_count(&p.unit.text);
        let words_from_precedent = if class == Class::New {
            0
        } else {
            words_kept(&edits)
        };
        let alternatives = std::mem::take(&mut alternatives_of[pi]);
        reviews.push(ParagraphReview {
            paragraph: p,
            class,
            strength: match (class, best) {
                (Class::New, _) | (_, None) => Vec::new(),
                (_, Some(b)) => provision_strength(b.unit, &p.unit),
            },
            precedents,
            edits,
            alternatives,
            alternatives_unchecked: unchecked[pi],
            words,
            words_from_precedent,
        });
    }

    let taken = scope.nearest(&draft_units, &recommendations, 1, 0.0);
    let uptake: Vec<Uptake> = recommendations
        .iter()
        .zip(taken)
        .map(|(r, m)| {
            let best = m.first();
            let score = best.map_or(0.0, |m| m.score);
            Uptake {
                recommendation: r,
                reflected_in: best.filter(|_| score >= UPTAKE).map(|m| m.unit.id.clone()),
                score,
            }
        })
        .collect();

    let count = |c: Class| reviews.iter().filter(|r| r.class == c).count();
    let words: usize = reviews.iter().map(|r| r.words).sum();
    let from: usize = reviews.iter().map(|r| r.words_from_precedent).sum();
    let totals = Totals {
        paragraphs: reviews.len(),
        preamble: paragraphs
            .iter()
            .filter(|p| p.part == Part::Preamble)
            .count(),
        operative: paragraphs
            .iter()
            .filter(|p| p.part == Part::Operative)
            .count(),
        verbatim: count(Class::Verbatim),
        adapted: count(Class::Adapted),
        new: count(Class::New),
        words,
        words_from_precedent: from,
        share_from_precedent: if words == 0 {
            0.0
        } else {
            (from as f64 / words as f64 * 1000.0).round() / 1000.0
        },
        recommendations: uptake.len(),
        reflected: uptake.iter().filter(|u| u.reflected_in.is_some()).count(),
    };
    Ok(Review {
        draft: draft_id.to_string(),
        against: against_docs
            .iter()
            .map(|d| d.meta.id.clone())
            .filter(|d| d != draft_id)
            .collect(),
        later,
        procedural: procedural.len(),
        semantic_weight: scope
            .has_vectors()
            .then_some(crate::align::AlignOptions::default().semantic_weight),
        wording_only: scope.units_without_vectors(&against_units)
            + scope.units_without_vectors(&draft_units),
        uptake_docs: uptake_docs.iter().map(|d| d.meta.id.clone()).collect(),
        paragraphs: reviews,
        uptake,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_kept_never_exceed_the_words_of_the_text() {
        // Only the hyphen of "a-b" is new: one word (two equal stretches,
        // once counted as two words kept).
        let edits = [
            Edit::new(Op::Equal, "a"),
            Edit::new(Op::Delete, " "),
            Edit::new(Op::Insert, "-"),
            Edit::new(Op::Equal, "b"),
        ];
        assert_eq!(word_count("a-b"), 1);
        assert_eq!(words_kept(&edits), 1);
        // A new word is not kept, new punctuation does not matter.
        assert_eq!(words_kept(&diff_words("crime, and", "crime; or")), 1);
        let edits = diff_words("We will act.", "We will strongly act.");
        assert_eq!(words_kept(&edits), 3);
        assert_eq!(words_kept(&diff_words("x", "x")), 1);
        // The fuzzer's case: a run of quotes after a word.
        let new = "Member''''''''' States";
        let edits = diff_words("Member States", new);
        assert!(words_kept(&edits) <= word_count(new));
    }
}
