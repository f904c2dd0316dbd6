//! A proposed declaration as `review` sees it: the units of the one parser
//! (`parse::parse`), each classified as preambular or operative, with its
//! own numbering and its bracketed negotiation text.
//!
//! The parser recognises the shape of a negotiated text (title, chapeau,
//! preambular paragraphs `PPk`, operative chapeau, operative paragraphs);
//! titles and chapeaux are framing, not paragraphs, so they are neither
//! reviewed nor credited with uptake. Here each unit is only classified:
//! preambular units are the preamble, every other unit is operative.

use crate::corpus::Document;
use crate::parse::{parse, ParsedDoc, Unit, UnitKind};

/// Preambular or operative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The chapeau and the preambular paragraphs.
    Preamble,
    /// The operative paragraphs.
    Operative,
}

impl Part {
    /// The lower-case name: `preamble`, `operative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Preamble => "preamble",
            Part::Operative => "operative",
        }
    }

    /// The heading of the part in a written review: `Preamble`, `Operative`.
    pub fn title(self) -> &'static str {
        match self {
            Part::Preamble => "Preamble",
            Part::Operative => "Operative",
        }
    }
}

/// A bracketed stretch of negotiation text: `[text]` (optional) or
/// `[option A / option B]` (alternatives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bracket {
    /// The bracket as written, with its brackets.
    pub raw: String,
    /// Where it stands in the paragraph's text: a byte range of
    /// [`Unit::text`], brackets included.
    pub span: std::ops::Range<usize>,
    /// The alternatives; a single-option bracket also has the empty
    /// alternative (the text may be dropped).
    pub options: Vec<String>,
}

/// One paragraph of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftParagraph {
    /// The paragraph as a unit (`draft:N`, numbered in order of appearance).
    pub unit: Unit,
    /// Its own numbering in the draft (`3`, `(a)`), if any.
    pub label: Option<String>,
    /// Preamble or operative.
    pub part: Part,
    /// Brackets, in order.
    pub brackets: Vec<Bracket>,
}

/// Splits bracketed text into its alternatives (`/` or ` or ` between
/// options; a single option may also be dropped).
#[allow(
    clippy::string_slice,
    reason = "start and i from char_indices; '[' and ']' are one byte"
)]
fn brackets(text: &str) -> Vec<Bracket> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let raw = &text[start..=i];
                    let inner = &raw[1..raw.len() - 1];
                    let mut options: Vec<String> = inner
                        .split('/')
                        .map(|o| o.trim().to_string())
                        .filter(|o| !o.is_empty())
                        .collect();
                    if options.len() == 1 {
                        options.push(String::new());
                    }
                    out.push(Bracket {
                        raw: raw.to_string(),
                        span: start..i + 1,
                        options,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The paragraphs of a parsed draft, in document order: one per unit.
pub fn draft_paragraphs(parsed: &ParsedDoc) -> Vec<DraftParagraph> {
    parsed
        .units
        .iter()
        .map(|u| {
            let label = u.label.trim().trim_end_matches('.').trim();
            DraftParagraph {
                brackets: brackets(&u.text),
                label: (!label.is_empty()).then(|| label.to_string()),
                part: if u.kind == UnitKind::Preambular {
                    Part::Preamble
                } else {
                    Part::Operative
                },
                unit: u.clone(),
            }
        })
        .collect()
}

/// Reads a draft with the one parser: [`draft_paragraphs`] of
/// `parse::parse(doc)`.
pub fn read_draft(doc: &Document) -> Vec<DraftParagraph> {
    draft_paragraphs(&parse(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::corpus::Origin;

    fn draft(text: &str) -> Vec<DraftParagraph> {
        read_draft(&Document::from_text("d", "d.md", text, Origin::Stdin).unwrap())
    }

    #[test]
    fn preamble_and_operative() {
        let p = draft("# Draft\n\nWe, the Heads of State and Government,\n\nRecalling resolution 70/1,\n\nDeeply concerned by the triple planetary crisis,\n\n1. We commit to strengthen cooperation;\n\n2. Calls upon Member States to act.\n3. Invites UNODC to report.\n");
        let parts: Vec<Part> = p.iter().map(|p| p.part).collect();
        use Part::*;
        // The title and the chapeau frame the text: they are not paragraphs.
        assert_eq!(parts, [Preamble, Preamble, Operative, Operative, Operative]);
        let ids: Vec<String> = p.iter().map(|p| p.unit.id.to_string()).collect();
        assert_eq!(ids, ["d:PP1", "d:PP2", "d:1", "d:2", "d:3"]);
        assert_eq!(p[2].label.as_deref(), Some("1"));
        assert_eq!(p[2].unit.text, "We commit to strengthen cooperation;");
        assert_eq!(p[0].unit.section, ["Draft"]);
        assert_eq!(
            p[0].unit.chapeau.as_deref(),
            Some("We, the Heads of State and Government,")
        );
    }

    #[test]
    fn an_unnumbered_draft_has_a_preamble_and_operative_paragraphs() {
        let p = draft("Draft declaration\n\nWe, the Ministers,\n\nRecalling the Kyoto Declaration,\n\nNoting with concern the rise of fraud,\n\nCommit to strengthen cooperation.\n\nDecide to meet again.\n");
        let ids: Vec<String> = p.iter().map(|p| p.unit.id.path.to_string()).collect();
        assert_eq!(ids, ["PP1", "PP2", "1", "2"]);
        assert_eq!(p[2].part, Part::Operative);
    }

    #[test]
    fn brackets_and_alternatives() {
        let b = brackets("We will [strengthen / enhance] cooperation [at all levels].");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].options, ["strengthen", "enhance"]);
        assert_eq!(b[1].options, ["at all levels", ""]);
        assert_eq!(b[1].raw, "[at all levels]");
    }
}
