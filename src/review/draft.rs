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
use crate::parse::{parse, ParsedDoc, Role, Unit, UnitKind};

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

/// A bracket with no partner: an `[` never closed, or a `]` never opened.
/// Its text is read as plain text (no alternatives are checked for it),
/// and `review` says so: negotiators rely on brackets to mark what is not
/// agreed, so a lost one must not pass silently.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmatched {
    /// `[` or `]`.
    pub mark: char,
    /// Where it stands: a byte offset into [`Unit::text`].
    pub at: usize,
    /// The words around it, at most about 40 characters on each side
    /// (to find it in the draft).
    pub context: String,
}

impl Unmatched {
    /// One line for a person: `unclosed '[' in “… cooperation [at all
    /// levels …”`.
    pub fn describe(&self) -> String {
        let what = if self.mark == '[' {
            "unclosed '['"
        } else {
            "']' with no opening '['"
        };
        format!("{what} in “{}”", self.context)
    }

    /// What it means for the review and what to do about it.
    pub fn advice(&self) -> &'static str {
        if self.mark == '[' {
            "the text after it is read as plain text and no alternatives are checked for it; close the bracket in the draft"
        } else {
            "it is read as plain text; open the bracket or delete the ']' in the draft"
        }
    }
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
    /// Brackets with no partner, in order (usually none).
    pub unmatched: Vec<Unmatched>,
}

/// Splits bracketed text into its alternatives (`/` or ` or ` between
/// options; a single option may also be dropped).
#[allow(
    clippy::string_slice,
    reason = "start and i from char_indices; '[' and ']' are one byte"
)]
fn brackets(text: &str) -> (Vec<Bracket>, Vec<Unmatched>) {
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    // Opening brackets not yet closed (byte offsets).
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
                open.push(i);
            }
            ']' if depth == 0 => unmatched.push(Unmatched {
                mark: ']',
                at: i,
                context: around(text, i),
            }),
            ']' => {
                depth -= 1;
                open.pop();
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
    // Unclosed: the outermost one is what left the rest of the text plain.
    if let Some(&at) = open.first() {
        unmatched.push(Unmatched {
            mark: '[',
            at,
            context: around(text, at),
        });
        unmatched.sort_by_key(|u| u.at);
    }
    (out, unmatched)
}

/// About 40 characters on each side of byte offset `at` (a char boundary),
/// in whole words where the text is cut, with `…` where it goes on.
#[allow(
    clippy::string_slice,
    reason = "at is a char boundary from char_indices"
)]
fn around(text: &str, at: usize) -> String {
    const SIDE: usize = 40;
    let (before, after) = (&text[..at], &text[at..]);
    let n = before.chars().count();
    let head: String = before.chars().skip(n.saturating_sub(SIDE)).collect();
    // The cut fell inside a word unless whitespace stands just before it.
    let inside = n > SIDE
        && !before
            .chars()
            .nth(n - SIDE - 1)
            .is_some_and(char::is_whitespace);
    let head = if inside {
        // Drop the word the cut fell inside, if another follows.
        match head.split_once(char::is_whitespace) {
            Some((_, rest)) if !rest.trim().is_empty() => format!("…{rest}"),
            _ => format!("…{head}"),
        }
    } else if n > SIDE {
        format!("…{head}")
    } else {
        head
    };
    let n = after.chars().count();
    let tail: String = after.chars().take(SIDE + 1).collect();
    let tail = if n > SIDE + 1 {
        match tail.rsplit_once(char::is_whitespace) {
            Some((rest, _)) if !rest.trim().is_empty() => format!("{rest}…"),
            _ => format!("{tail}…"),
        }
    } else {
        tail
    };
    crate::parse::collapse_ws(&format!("{head}{tail}"))
}

/// The paragraphs of a parsed draft, in document order: one per unit.
pub fn draft_paragraphs(parsed: &ParsedDoc) -> Vec<DraftParagraph> {
    parsed
        .units
        .iter()
        .map(|u| {
            let label = u.label.trim().trim_end_matches('.').trim();
            let (brackets, unmatched) = brackets(&u.text);
            let part = if u.kind == UnitKind::Preambular {
                Part::Preamble
            } else {
                Part::Operative
            };
            // A draft's paragraph is a provision of its part, whatever its
            // form: its drafting strength compares with its precedents'.
            let role = match part {
                Part::Preamble => Role::Preambular,
                Part::Operative => Role::Operative,
            };
            DraftParagraph {
                brackets,
                unmatched,
                label: (!label.is_empty()).then(|| label.to_string()),
                part,
                unit: Unit { role, ..u.clone() },
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
        let (b, unmatched) =
            brackets("We will [strengthen / enhance] cooperation [at all levels].");
        assert_eq!(b.len(), 2);
        assert!(unmatched.is_empty());
        assert_eq!(b[0].options, ["strengthen", "enhance"]);
        assert_eq!(b[1].options, ["at all levels", ""]);
        assert_eq!(b[1].raw, "[at all levels]");
    }

    #[test]
    fn a_bracket_without_its_partner_is_kept_and_described() {
        // Unclosed: the closed bracket before it still counts.
        let (b, u) = brackets("We will [strengthen] cooperation [at all levels and");
        assert_eq!(b.len(), 1);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].mark, '[');
        assert_eq!(
            u[0].describe(),
            "unclosed '[' in “We will [strengthen] cooperation [at all levels and”"
        );
        // Nested and unclosed: the outer one is named.
        let (b, u) = brackets("Act [now [or later] and");
        assert!(b.is_empty());
        assert_eq!(u.iter().map(|x| x.at).collect::<Vec<_>>(), [4]);
        // A closing bracket never opened.
        let (b, u) = brackets("Act now] and [later].");
        assert_eq!(b.len(), 1);
        assert_eq!(u[0].mark, ']');
        assert!(u[0].describe().starts_with("']' with no opening '['"));
        // Long text around it is cut, at characters when there are no
        // words, else after whole words.
        let long = format!("{}[{}", "é".repeat(100), "ж".repeat(100));
        let (_, u) = brackets(&long);
        assert_eq!(u[0].context.chars().count(), 1 + 40 + 41 + 1);
        let words = format!(
            "{}[{}",
            "capacity of criminal ".repeat(5),
            "justice systems ".repeat(5)
        );
        let (_, u) = brackets(&words);
        let whole = ["capacity", "of", "criminal", "justice", "systems"];
        let c = u[0].context.trim_matches('…');
        for w in [
            c.split(' ').next().unwrap(),
            c.split(' ').next_back().unwrap(),
        ] {
            assert!(
                whole.contains(&w.trim_start_matches('[')),
                "{}",
                u[0].context
            );
        }
        // And the draft paragraph carries it.
        let p = draft("1. We will [strengthen cooperation.\n");
        assert_eq!(p[0].unmatched.len(), 1);
        assert!(p[0].brackets.is_empty());
    }
}
