//! Reading a proposed declaration: paragraphs, their part (preamble or
//! operative), their own numbering, and bracketed negotiation text.
//!
//! UN declarations and resolutions have a recognisable shape: a chapeau
//! ("We, the Heads of State and Government ..."), preambular paragraphs
//! that open with a participle or adjective ("Recalling", "Welcoming",
//! "Deeply concerned") and end with a comma, then operative paragraphs,
//! usually numbered, that open with a commitment or an operative verb
//! ("We commit", "We will", "Calls upon", "Strengthen") and end with a
//! semicolon or full stop.

use crate::parse::{clean, Citation, Unit, UnitKind, UnitPath};

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

/// Words that open a preambular paragraph besides participles in -ing.
const PREAMBULAR_OPENERS: &[&str] = &[
    "mindful",
    "aware",
    "convinced",
    "concerned",
    "deeply",
    "gravely",
    "seriously",
    "bearing",
    "guided",
    "having",
    "cognizant",
    "conscious",
    "determined",
    "alarmed",
    "desirous",
    "fully",
    "further",
    "also",
    "noting",
    "we",
];

fn first_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// The part of a paragraph, from its opening word and final punctuation.
fn part_of(text: &str, numbered: bool, seen_operative: bool) -> Part {
    let t = text.trim_end();
    let first = first_word(t);
    let participle = first.len() > 4 && first.ends_with("ing") && first != "bring";
    let chapeau = first == "we" && t.contains(',') && t.trim_end().ends_with(',');
    let opener = PREAMBULAR_OPENERS.contains(&first.as_str()) && first != "we";
    if chapeau
        || ((participle || opener) && !numbered)
        || (t.ends_with(',') && !seen_operative && !numbered)
    {
        Part::Preamble
    } else {
        Part::Operative
    }
}

/// Splits bracketed text into its alternatives (`/` or ` or ` between
/// options; a single option may also be dropped).
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
                        options,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// `12. text`, `(a) text`, `12) text`: the label and the rest.
fn split_label(line: &str) -> (Option<String>, &str) {
    let t = line.trim_start();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 5 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (Some(t[..digits].to_string()), r.trim_start());
        }
    }
    if let Some(r) = t.strip_prefix('(') {
        if let Some((label, after)) = r.split_once(") ") {
            if !label.is_empty()
                && label.len() <= 4
                && label.chars().all(|c| c.is_ascii_lowercase())
            {
                return (Some(format!("({label})")), after.trim_start());
            }
        }
    }
    (None, t)
}

/// Reads a draft: every block of text between blank lines (and every line
/// that starts with its own number) is a paragraph, cited `DOC:N` in order
/// of appearance; Markdown headings become the heading path.
pub fn read_draft(doc_id: &str, body: &str, year: Option<u16>) -> Vec<DraftParagraph> {
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    let mut headings: Vec<String> = Vec::new();
    let mut block_headings: Vec<Vec<String>> = Vec::new();
    let mut open = false;
    for (i, line) in body.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.chars().all(|c| c == '-' || c == '*' || c == '_') {
            open = false;
            continue;
        }
        if let Some(h) = t.strip_prefix('#') {
            headings = vec![clean(h.trim_start_matches('#').trim()).text];
            open = false;
            continue;
        }
        let starts_new = split_label(t).0.is_some();
        if open && !starts_new {
            if let Some(b) = blocks.last_mut() {
                b.1.push(t.to_string());
            }
        } else {
            blocks.push((i + 1, vec![t.to_string()]));
            block_headings.push(headings.clone());
            open = true;
        }
    }
    let mut out = Vec::new();
    let mut seen_operative = false;
    for (n, ((line, lines), section)) in blocks.into_iter().zip(block_headings).enumerate() {
        let joined = lines.join(" ");
        let (label, rest) = split_label(&joined);
        let c = clean(rest);
        let part = part_of(&c.text, label.is_some(), seen_operative);
        seen_operative |= part == Part::Operative;
        out.push(DraftParagraph {
            brackets: brackets(&c.text),
            unit: Unit {
                id: Citation::new(doc_id, UnitPath::para(n as u32 + 1)),
                kind: UnitKind::Paragraph,
                text: c.text,
                section,
                footnotes: Vec::new(),
                year,
                line,
            },
            label,
            part,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble_and_operative() {
        let draft = "# Draft\n\nWe, the Heads of State and Government,\n\nRecalling resolution 70/1,\n\nDeeply concerned by the triple planetary crisis,\n\n1. We commit to strengthen cooperation;\n\n2. Calls upon Member States to act.\n3. Invites UNODC to report.\n";
        let p = read_draft("d", draft, None);
        let parts: Vec<Part> = p.iter().map(|p| p.part).collect();
        use Part::*;
        assert_eq!(
            parts,
            [Preamble, Preamble, Preamble, Operative, Operative, Operative]
        );
        assert_eq!(p[3].label.as_deref(), Some("1"));
        assert_eq!(p[3].unit.text, "We commit to strengthen cooperation;");
        assert_eq!(p[5].unit.id.to_string(), "d:6");
        assert_eq!(p[0].unit.section, ["Draft"]);
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
