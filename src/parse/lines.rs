//! Line classification: each physical line of a document becomes one (or,
//! for headings glued together by a converter, several) [`Line`]s.
//!
//! Classification looks at one line at a time; deciding what a numbered or
//! lettered line *is* (paragraph, list line, item, heading) needs context
//! and happens in `structure`.

use super::citation::latin_insert;
use super::markup::{clean, ends_terminal, superscript_digit};

/// What a line looks like on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Empty or whitespace only.
    Blank,
    /// `---`, `***`, `___`: a page or section rule.
    Rule,
    /// A line with tab-separated cells: table of contents, list of documents.
    Table(String),
    /// A line that can only be a heading: `# ...`, a wholly bold line, or a
    /// segment of glued headings. `text` is cleaned.
    Heading(String),
    /// `N. rest` or `N bis. rest`: the number, the insert (2 for `bis`, 3
    /// for `ter`), the numbering as printed (`13.`, `2 bis.`) and the rest
    /// (raw, markup kept for the structure pass).
    Numbered(u32, Option<u8>, String, String),
    /// `(x) rest` or `- (x) rest`; the label is lower-case.
    Lettered(String, String),
    /// `- rest`, `• rest`, `* rest`.
    Bullet(String),
    /// A footnote definition: `¹ text`, `<sup>1</sup> text`.
    Footnote(String, String),
    /// Anything else.
    Text(String),
}

impl Kind {
    /// The line's text as written, numbering included and markup kept
    /// (`13. rest`, `(e) rest`), for rules that read a line whole; empty
    /// for blank lines, rules, tables and footnotes. A heading's text is
    /// already clean.
    pub(crate) fn text(&self) -> String {
        match self {
            Kind::Text(t) | Kind::Heading(t) => t.clone(),
            Kind::Numbered(_, _, label, rest) => format!("{label} {rest}"),
            Kind::Lettered(l, rest) => format!("({l}) {rest}"),
            Kind::Bullet(rest) => rest.clone(),
            Kind::Blank | Kind::Rule | Kind::Table(_) | Kind::Footnote(..) => String::new(),
        }
    }
}

/// One classified line.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number in the body.
    pub no: usize,
    /// What it is.
    pub kind: Kind,
}

/// Splits `body` into classified lines.
pub(crate) fn classify(body: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, raw) in body.lines().enumerate() {
        let no = i + 1;
        let t = raw.trim();
        if t.is_empty() {
            out.push(Line {
                no,
                kind: Kind::Blank,
            });
            continue;
        }
        if let Some(segments) = glued_headings(t) {
            for s in segments {
                out.push(Line {
                    no,
                    kind: Kind::Heading(s),
                });
            }
            continue;
        }
        // A tab is a table's cell separator only on a row that reads as
        // one (a page number or a figure in its last cell, or three cells
        // or more); text pasted from a word processor keeps tabs as spaces.
        let kind = if t.contains('\t') && !table_row(t) {
            classify_one(&t.replace('\t', " "))
        } else {
            classify_one(t)
        };
        out.push(Line { no, kind });
    }
    out
}

/// A line with tabs that reads as a table row: its last cell is a number
/// (a page, a figure), or it has three cells or more.
fn table_row(t: &str) -> bool {
    let cells: Vec<&str> = t
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let last_is_number = cells.last().is_some_and(|c| {
        c.chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '%'))
    });
    (cells.len() >= 2 && last_is_number) || cells.len() >= 3 || t.ends_with('\t')
}

fn classify_one(t: &str) -> Kind {
    if t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
    {
        return Kind::Rule;
    }
    if let Some(rest) = markdown_heading(t) {
        return Kind::Heading(clean(rest).text);
    }
    if let Some((mark, rest)) = footnote_def(t) {
        return Kind::Footnote(mark, rest.to_string());
    }
    if let Some((n, insert, label, rest)) = numbered(t) {
        if rest.contains('\t') && rest.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
            return Kind::Table(t.replace('\t', " "));
        }
        return Kind::Numbered(n, insert, label.to_string(), rest.to_string());
    }
    if t.contains('\t') {
        return Kind::Table(t.replace('\t', " "));
    }
    let (bulleted, after_bullet) = match bullet(t) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if let Some((label, rest)) = lettered(after_bullet) {
        return Kind::Lettered(label, rest.to_string());
    }
    if bulleted {
        return Kind::Bullet(after_bullet.to_string());
    }
    if whole_bold(t) {
        return Kind::Heading(clean(t).text);
    }
    Kind::Text(t.to_string())
}

#[allow(clippy::string_slice, reason = "a count of one-byte '#'")]
fn markdown_heading(t: &str) -> Option<&str> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = &t[hashes..];
        if rest.starts_with(' ') || rest.is_empty() {
            return Some(rest.trim());
        }
    }
    None
}

/// `¹ text`, `¹³ 30. text`, `⁵https://...`, `<sup>1</sup> text`.
#[allow(clippy::string_slice, reason = "indices from find and char_indices")]
fn footnote_def(t: &str) -> Option<(String, &str)> {
    if let Some(rest) = t.strip_prefix("<sup>") {
        let close = rest.find("</sup>")?;
        let mark = rest[..close].trim();
        if mark.is_empty() || !mark.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some((mark.to_string(), rest[close + 6..].trim()));
    }
    let mut mark = String::new();
    let mut end = 0;
    for (i, c) in t.char_indices() {
        match superscript_digit(c) {
            Some(d) => {
                mark.push(d);
                end = i + c.len_utf8();
            }
            None => break,
        }
    }
    if mark.is_empty() {
        None
    } else {
        Some((mark, t[end..].trim()))
    }
}

/// `13. rest`, `2. **Bold**`, `2 bis. rest`, `2bis. rest`: the number, the
/// insert (2 for `bis`, see [`latin_insert`]), the numbering as printed
/// and the rest.
#[allow(
    clippy::string_slice,
    reason = "counts of ASCII bytes, and a suffix's length"
)]
fn numbered(t: &str) -> Option<(u32, Option<u8>, &str, &str)> {
    let t2 = t.strip_prefix("**").unwrap_or(t);
    let digits = t2.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let after_digits = &t2[digits..];
    // `2 bis.`: a Latin insert word between the number and its full stop.
    let (insert, after_insert) = {
        let s = after_digits.strip_prefix(' ').unwrap_or(after_digits);
        let word_len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        match latin_insert(&s[..word_len]) {
            Some(v) if word_len > 0 => (Some(v), &s[word_len..]),
            _ => (None, after_digits),
        }
    };
    let rest = after_insert.strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t']) || rest.starts_with("**")) {
        return None;
    }
    let n: u32 = t2[..digits].parse().ok()?;
    if n == 0 {
        return None;
    }
    let label = &t2[..t2.len() - rest.len()];
    Some((n, insert, label, rest.trim()))
}

/// `- rest`, `• rest`, `* rest` (a single `*` followed by a space).
fn bullet(t: &str) -> Option<&str> {
    for p in ["- ", "• ", "* ", "– "] {
        if let Some(rest) = t.strip_prefix(p) {
            return Some(rest.trim_start());
        }
    }
    if t == "-" || t == "•" {
        return Some("");
    }
    None
}

/// `(e) rest`, `(iv) rest`, and `e) rest` as French and Spanish texts
/// letter their items.
#[allow(clippy::string_slice, reason = "indices of ')' from find")]
fn lettered(t: &str) -> Option<(String, &str)> {
    let rest = match t.strip_prefix('(') {
        Some(r) => r,
        None => {
            // `a) text`: a lower-case label closed by a parenthesis.
            let close = t.find(')')?;
            let label = &t[..close];
            let roman = label.len() > 1 && super::citation::roman_value(label).is_some();
            if !(label.len() == 1 || roman) || !label.chars().all(|c| c.is_ascii_lowercase()) {
                return None;
            }
            t
        }
    };
    let close = rest.find(')')?;
    let label = &rest[..close];
    if label.is_empty() || label.len() > 5 || !label.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    if label.len() > 1 && super::citation::roman_value(label).is_none() {
        return None;
    }
    let after = &rest[close + 1..];
    if !after.starts_with(' ') {
        return None;
    }
    Some((label.to_string(), after.trim()))
}

/// `**...**` around the whole line and nowhere inside.
#[allow(
    clippy::string_slice,
    reason = "after and before '**' (ASCII) at both ends"
)]
fn whole_bold(t: &str) -> bool {
    t.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**")
}

/// Headings a converter glued onto one line, with `**` between them:
/// `B. Substantive items and workshops**1. Comprehensive ...****Summary of deliberations**`.
/// Each piece must read as a heading (capitalised or numbered, no closing
/// punctuation); body text with bold phrases never qualifies because some
/// piece of it starts in lower case or ends a sentence.
pub(crate) fn glued_headings(t: &str) -> Option<Vec<String>> {
    if !t.contains("**") {
        return None;
    }
    let pieces: Vec<&str> = t
        .split("**")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let all_headings = pieces.iter().all(|p| {
        let c = clean(p).text;
        let first = c.chars().next();
        first.is_some_and(|f| f.is_uppercase() || f.is_ascii_digit())
            && !ends_terminal(&c)
            && !c.ends_with(',')
            && c.chars().count() <= 400
    });
    all_headings.then(|| pieces.iter().map(|p| clean(p).text).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_headings_are_split() {
        let t = "B. Substantive items and workshops**1. Comprehensive strategies for crime prevention (workshop 1)****Summary of deliberations**";
        assert_eq!(
            glued_headings(t).unwrap(),
            [
                "B. Substantive items and workshops",
                "1. Comprehensive strategies for crime prevention (workshop 1)",
                "Summary of deliberations"
            ]
        );
        // Body text with bold phrases is not a heading.
        assert!(glued_headings("57. On 5 December 2022, the Commission discussed how to **safeguard victims’ rights**.").is_none());
        assert!(
            glued_headings("- In 2021: **Government panellists**, nominated by their groups")
                .is_none()
        );
        assert!(glued_headings(
            "89. In the opening, **UNODC Executive Director Ms. Ghada Waly** underlined that"
        )
        .is_none());
    }

    #[test]
    fn line_kinds() {
        assert_eq!(
            classify_one("13. The following"),
            Kind::Numbered(13, None, "13.".into(), "The following".into())
        );
        assert_eq!(
            classify_one("2. **Promoting**"),
            Kind::Numbered(2, None, "2.".into(), "**Promoting**".into())
        );
        assert_eq!(
            classify_one("(e) Strengthen"),
            Kind::Lettered("e".into(), "Strengthen".into())
        );
        assert_eq!(
            classify_one("- (a) Comprehensive"),
            Kind::Lettered("a".into(), "Comprehensive".into())
        );
        assert_eq!(
            classify_one("(iv) considering"),
            Kind::Lettered("iv".into(), "considering".into())
        );
        assert_eq!(
            classify_one("- Many speakers"),
            Kind::Bullet("Many speakers".into())
        );
        assert_eq!(
            classify_one("¹³ 30. Responsibilities"),
            Kind::Footnote("13".into(), "30. Responsibilities".into())
        );
        assert_eq!(
            classify_one("⁵https://x.org/a.pdf Note."),
            Kind::Footnote("5".into(), "https://x.org/a.pdf Note.".into())
        );
        assert_eq!(
            classify_one("<sup>2</sup> United Nations"),
            Kind::Footnote("2".into(), "United Nations".into())
        );
        assert_eq!(
            classify_one("## II. Recommendations"),
            Kind::Heading("II. Recommendations".into())
        );
        assert_eq!(
            classify_one("**Summary of deliberations**"),
            Kind::Heading("Summary of deliberations".into())
        );
        assert_eq!(
            classify_one("I. Introduction\t2"),
            Kind::Table("I. Introduction 2".into())
        );
        assert_eq!(classify_one("---"), Kind::Rule);
        assert_eq!(
            classify_one("2019. A year"),
            Kind::Numbered(2019, None, "2019.".into(), "A year".into())
        );
        assert_eq!(
            classify_one("2 bis. We encourage"),
            Kind::Numbered(2, Some(2), "2 bis.".into(), "We encourage".into())
        );
        assert_eq!(
            classify_one("4ter. Also"),
            Kind::Numbered(4, Some(3), "4ter.".into(), "Also".into())
        );
        assert_eq!(
            classify_one("2 billion people"),
            Kind::Text("2 billion people".into())
        );
        assert_eq!(
            classify_one("3.5 per cent"),
            Kind::Text("3.5 per cent".into())
        );
        assert_eq!(
            classify_one("*Rapporteur:* Sheraz Ali"),
            Kind::Text("*Rapporteur:* Sheraz Ali".into())
        );
    }
}
