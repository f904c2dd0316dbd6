//! `trace`: where a phrase and its inflections occur, stage by stage
//! through time, each occurrence as a span of a unit's text.
//!
//! A *stage* is a document in a year. Most documents are one stage; the
//! thematic summaries, whose chapters carry their own years, are one stage
//! per year. Stages are ordered by year, then by the document's date, then
//! by corpus time order, so a 2021 chapter of a 2025 compilation sits with
//! the other 2021 texts. Within a stage, occurrences keep document order.
//!
//! Matching is word by word, as the [analysis module](super) says: content
//! words by stem, function words exactly, case and punctuation ignored.
//! Occurrences do not overlap.

use std::ops::Range;

use rayon::prelude::*;

use super::{Lexicon, Token};
use crate::corpus::DocMeta;
use crate::parse::{ParsedDoc, Unit};
use crate::{Error, Result};

/// A phrase to look for, as comparison keys.
#[derive(Debug, Clone)]
pub struct Phrase {
    text: String,
    keys: Vec<(u32, bool)>,
}

impl Phrase {
    /// The phrase as the user wrote it, whitespace collapsed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Always false: a phrase has at least one word.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn new(lex: &mut Lexicon, text: &str) -> Result<Phrase> {
        let text = crate::parse::collapse_ws(text.trim());
        let keys: Vec<(u32, bool)> = lex
            .tokenize(&text)
            .iter()
            .map(|t| (t.key, t.stop))
            .collect();
        if keys.is_empty() {
            return Err(Error::Usage(if text.is_empty() {
                "the phrase is empty: give the words to trace, e.g. accord trace \"culture of lawfulness\"".into()
            } else {
                format!("the phrase '{text}' has no words: give letters or digits to trace")
            }));
        }
        Ok(Phrase { text, keys })
    }

    /// Spans of `tokens` that match, left to right, not overlapping.
    fn find(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let n = self.keys.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i + n <= tokens.len() {
            let hit = tokens[i..i + n]
                .iter()
                .zip(&self.keys)
                .all(|(t, &(key, stop))| t.key == key && t.stop == stop);
            if hit {
                out.push(tokens[i].span.start..tokens[i + n - 1].span.end);
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// One occurrence: a span of a unit's text.
#[derive(Debug, Clone)]
pub struct Occurrence<'a> {
    /// The unit it occurs in.
    pub unit: &'a Unit,
    /// Byte range of the matched words in `unit.text`.
    pub span: Range<usize>,
}

impl<'a> Occurrence<'a> {
    /// The unit's text before the match.
    #[allow(
        clippy::string_slice,
        reason = "span from the tokens of the unit's text"
    )]
    pub fn before(&self) -> &'a str {
        &self.unit.text[..self.span.start]
    }

    /// The matched words as written.
    #[allow(
        clippy::string_slice,
        reason = "span from the tokens of the unit's text"
    )]
    pub fn matched(&self) -> &'a str {
        &self.unit.text[self.span.clone()]
    }

    /// The unit's text after the match.
    #[allow(
        clippy::string_slice,
        reason = "span from the tokens of the unit's text"
    )]
    pub fn after(&self) -> &'a str {
        &self.unit.text[self.span.end..]
    }
}

/// The occurrences in one document in one year.
#[derive(Debug, Clone)]
pub struct Stage<'a> {
    /// The document.
    pub doc: &'a DocMeta,
    /// The year of the units (the document's where a unit has none).
    pub year: Option<u16>,
    /// Occurrences in document order.
    pub occurrences: Vec<Occurrence<'a>>,
}

/// Where a phrase occurs, in time order.
#[derive(Debug, Clone)]
pub struct Trace<'a> {
    /// The phrase looked for.
    pub phrase: Phrase,
    /// Stages with at least one occurrence, in time order.
    pub stages: Vec<Stage<'a>>,
    /// Number of documents searched.
    pub documents: usize,
}

impl<'a> Trace<'a> {
    /// The earliest occurrence, if any.
    pub fn first(&self) -> Option<&Occurrence<'a>> {
        self.stages.first().and_then(|s| s.occurrences.first())
    }

    /// Number of occurrences.
    pub fn total(&self) -> usize {
        self.stages.iter().map(|s| s.occurrences.len()).sum()
    }

    /// Number of distinct units with an occurrence.
    pub fn units(&self) -> usize {
        self.stages
            .iter()
            .map(|s| {
                let mut ids: Vec<&crate::parse::Citation> =
                    s.occurrences.iter().map(|o| &o.unit.id).collect();
                ids.dedup();
                ids.len()
            })
            .sum()
    }

    /// Number of distinct documents with an occurrence.
    pub fn docs(&self) -> usize {
        let mut ids: Vec<&str> = self.stages.iter().map(|s| s.doc.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// Traces `phrase` through `docs`, which must be in time order
/// ([`crate::corpus::Corpus::chronological`]): the order breaks ties
/// between documents of the same year and date. An empty phrase, or one
/// with no letters or digits, is an error; a phrase that occurs nowhere is
/// a trace with no stages.
pub fn trace<'a>(docs: &[&'a ParsedDoc], phrase: &str) -> Result<Trace<'a>> {
    let mut lex = Lexicon::new();
    let phrase = Phrase::new(&mut lex, phrase)?;
    // Each document gets its own lexicon: stems are the same whichever
    // lexicon computes them, but key numbers are not, so the phrase is
    // re-read in each.
    let found: Vec<Vec<Stage<'a>>> = docs
        .par_iter()
        .map(|doc| {
            let mut lex = Lexicon::new();
            let phrase = Phrase::new(&mut lex, phrase.text()).expect("read once already");
            let mut stages: Vec<Stage<'a>> = Vec::new();
            for unit in &doc.units {
                let spans = phrase.find(&lex.tokenize(&unit.text));
                if spans.is_empty() {
                    continue;
                }
                let year = unit.year.or(doc.meta.year);
                let stage = match stages.iter_mut().find(|s| s.year == year) {
                    Some(s) => s,
                    None => {
                        stages.push(Stage {
                            doc: &doc.meta,
                            year,
                            occurrences: Vec::new(),
                        });
                        stages.last_mut().expect("just pushed")
                    }
                };
                stage
                    .occurrences
                    .extend(spans.into_iter().map(|span| Occurrence { unit, span }));
            }
            stages
        })
        .collect();
    let mut stages: Vec<(usize, Stage<'a>)> = found
        .into_iter()
        .enumerate()
        .flat_map(|(i, s)| s.into_iter().map(move |s| (i, s)))
        .collect();
    stages.sort_by(|(i, a), (j, b)| {
        let key = |s: &Stage| (s.year.unwrap_or(u16::MAX), s.doc.date.clone());
        key(a).cmp(&key(b)).then(i.cmp(j))
    });
    Ok(Trace {
        phrase,
        stages: stages.into_iter().map(|(_, s)| s).collect(),
        documents: docs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::Library;

    fn lib() -> Library {
        Library::new(Corpus::seeds())
    }

    fn cites(t: &Trace) -> Vec<String> {
        t.stages
            .iter()
            .flat_map(|s| s.occurrences.iter().map(|o| o.unit.id.to_string()))
            .collect()
    }

    #[test]
    fn inflected_forms_match_by_stem() {
        let lib = lib();
        let t = lib.trace("strengthen the capacity").unwrap();
        let matched: Vec<&str> = t
            .stages
            .iter()
            .flat_map(|s| s.occurrences.iter().map(|o| o.matched()))
            .collect();
        // rpm2019:44(b) has "strengthen the capacities"; other units
        // "strengthening the capacity" and "Strengthen the capacity".
        assert!(
            matched.contains(&"strengthen the capacities"),
            "{matched:?}"
        );
        assert!(matched.contains(&"Strengthen the capacity"), "{matched:?}");
        assert!(
            matched
                .iter()
                .all(|m| m.to_lowercase().starts_with("strengthen")),
            "{matched:?}"
        );
    }

    #[test]
    fn function_words_match_exactly() {
        let mut lex = Lexicon::new();
        let p = Phrase::new(&mut lex, "strengthen the capacity").unwrap();
        let none = "strengthening their capacities, and strengthen a capacity";
        assert!(p.find(&lex.tokenize(none)).is_empty());
        let one = "to have strengthened the capacities of";
        assert_eq!(
            p.find(&lex.tokenize(one)),
            vec![Range { start: 8, end: 35 }]
        );
    }

    #[test]
    fn case_and_punctuation_are_ignored() {
        let lib = lib();
        let a = lib.trace("culture of lawfulness").unwrap();
        let b = lib.trace("  Culture, of -- LAWFULNESS ").unwrap();
        assert_eq!(cites(&a), cites(&b));
        assert_eq!(b.phrase.text(), "Culture, of -- LAWFULNESS");
    }

    #[test]
    fn thematic_stages_split_by_year_and_sit_in_time_order() {
        let lib = lib();
        let t = lib.trace("culture of lawfulness").unwrap();
        let stages: Vec<(&str, Option<u16>)> = t
            .stages
            .iter()
            .map(|s| (s.doc.id.as_str(), s.year))
            .collect();
        assert_eq!(stages[0], ("rpm2019", Some(2019)));
        assert!(stages.contains(&("thematic2021-2024", Some(2021))));
        assert!(stages.contains(&("thematic2021-2024", Some(2022))));
        assert!(stages.contains(&("rpm2025-item4", Some(2025))));
        let years: Vec<u16> = t.stages.iter().filter_map(|s| s.year).collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
        let first = t.first().unwrap();
        assert_eq!(first.unit.id.doc, "rpm2019");
        // Document order within the first stage.
        assert_eq!(first.unit.id.to_string(), "rpm2019:13(b)");
    }

    #[test]
    fn occurrences_point_into_the_unit_text() {
        let lib = lib();
        let t = lib.trace("culture of lawfulness").unwrap();
        for s in &t.stages {
            for o in &s.occurrences {
                assert_eq!(o.matched().to_lowercase(), "culture of lawfulness");
                assert_eq!(
                    format!("{}{}{}", o.before(), o.matched(), o.after()),
                    o.unit.text
                );
            }
        }
        assert!(t.total() >= t.units() && t.units() >= t.docs() && t.docs() == 3);
    }

    #[test]
    fn no_occurrence_is_an_empty_trace_and_no_words_an_error() {
        let lib = lib();
        let t = lib.trace("quantum lawfulness").unwrap();
        assert!(t.stages.is_empty() && t.first().is_none() && t.total() == 0);
        for bad in ["", "   ", "“ – ”"] {
            let e = lib.trace(bad).unwrap_err().to_string();
            assert!(e.contains("phrase"), "{e}");
        }
    }

    #[test]
    fn occurrences_do_not_overlap() {
        let mut lex = Lexicon::new();
        let p = Phrase::new(&mut lex, "crime crime").unwrap();
        let spans = p.find(&lex.tokenize("crime, crime crime crime"));
        assert_eq!(spans, [0..12, 13..24]);
    }
}
