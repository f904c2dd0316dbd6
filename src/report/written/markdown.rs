//! Markdown pieces shared by the memo and the written review: plain
//! CommonMark (no tables, no HTML), readable as text and on any renderer.
//! Redlines are `~~deleted~~` and `**inserted**`.
//!
//! Document text is escaped so that it cannot inject markup: every ASCII
//! character that can open an inline construct (`\` `` ` `` `*` `_` `[`
//! `]` `<` `~` `|` `&` `#`) gets a backslash, and so does a block marker
//! at the start of a line (`-`, `+`, `=`, `>`, `1.`, `1)`). A `>` inside
//! a line needs none: with every `<` escaped it cannot close a tag. A line break
//! inside a unit's text becomes a hard line break (`\` at the end of the
//! line), so a paragraph stays inside its quote.
//!
//! One known limit of Markdown itself: a change that starts with
//! punctuation right after a letter (`appropriate~~,~~**;**`) is not
//! recognised as strikethrough or emphasis by CommonMark's flanking rules
//! and shows its markers as typed; the meaning is still plain to read.

use super::{Cite, DocInfo};
use crate::diff::{Edit, Op};

/// Escapes document text for Markdown. `line_start`: the text begins a
/// line (block markers must be neutralised too). Control characters,
/// U+2028 and U+2029 are shown escaped (`\x1b`, see
/// [`crate::report::escape::terminal`]); a carriage return is dropped.
pub fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = line_start;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if at_start && c != ' ' && c != '\t' {
            at_start = false;
            if matches!(c, '-' | '+' | '=' | '>') {
                out.push('\\');
            } else if c.is_ascii_digit() {
                // `12.` or `12)` would start an ordered list.
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                if j < chars.len() && matches!(chars[j], '.' | ')') {
                    out.extend(&chars[i..j]);
                    out.push('\\');
                    out.push(chars[j]);
                    i = j + 1;
                    continue;
                }
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '|' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => {
                out.push_str("\\\n");
                at_start = true;
            }
            // Controls never reach a terminal that `cat`s the file.
            c if c.is_control() && c != '\t' || matches!(c, '\u{2028}' | '\u{2029}') => {
                let mut buf = [0u8; 4];
                out.push_str(&crate::report::escape::terminal(c.encode_utf8(&mut buf)));
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Text inside a blockquote: every line break continues the quote.
pub fn quoted(text: &str) -> String {
    text.replace('\n', "\n> ")
}

/// A redline in Markdown: deletions `~~struck~~`, insertions `**bold**`.
/// Whitespace at the edges of a change stays outside the markers (a
/// marker next to a space is not recognised), and a change of whitespace
/// alone is shown as the new whitespace.
#[allow(clippy::string_slice, reason = "the lengths of the trimmed text")]
pub fn redline(edits: &[Edit]) -> String {
    let mut out = String::new();
    for e in edits {
        let line_start = out.is_empty() || out.ends_with('\n');
        match e.op {
            Op::Equal => out.push_str(&escape(&e.text, line_start)),
            Op::Delete | Op::Insert => {
                let core = e.text.trim();
                let lead = &e.text[..e.text.len() - e.text.trim_start().len()];
                let trail = &e.text[e.text.trim_end().len()..];
                if core.is_empty() {
                    if e.op == Op::Insert {
                        out.push_str(&escape(&e.text, line_start));
                    }
                    continue;
                }
                let mark = if e.op == Op::Delete { "~~" } else { "**" };
                out.push_str(&escape(lead, line_start));
                out.push_str(mark);
                // A line break inside a change closes and reopens the
                // marker: emphasis cannot span a hard break everywhere.
                let body = escape(core, false).replace("\\\n", &format!("{mark}\\\n{mark}"));
                out.push_str(&body);
                out.push_str(mark);
                out.push_str(&escape(trail, false));
            }
        }
    }
    out
}

/// A list item naming a document: `- **id**: title · meeting ... (N
/// units; authority: ...)`.
pub fn doc_item(d: &DocInfo) -> String {
    format!(
        "- **{}**: {}",
        escape(&d.id, false),
        escape(&d.line(), false)
    )
}

/// A citation in both styles, escaped.
pub fn cite(c: &Cite) -> String {
    escape(&c.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_words;

    #[test]
    fn escapes_inline_markup_and_line_starts() {
        assert_eq!(
            escape("a *b* _c_ [d](e) <script> `f` ~~g~~ | & # ->", false),
            r"a \*b\* \_c\_ \[d\](e) \<script> \`f\` \~\~g\~\~ \| \& \# ->"
        );
        assert_eq!(escape("- item", true), r"\- item");
        assert_eq!(escape("> quote", true), r"\> quote");
        assert_eq!(escape("- item", false), "- item");
        assert_eq!(escape("12. Text", true), r"12\. Text");
        assert_eq!(escape("12 items", true), "12 items");
        assert_eq!(escape("a\n+ b", false), "a\\\n\\+ b");
        assert_eq!(escape(r"C:\path", false), r"C:\\path");
        assert_eq!(
            escape("a\u{1b}[31mb\u{2028}c\u{85}", false),
            r"a\x1b\[31mb\u{2028}c\x85"
        );
    }

    #[test]
    fn redline_keeps_spaces_outside_the_markers() {
        let edits = diff_words(
            "Strengthen the role of the Commission",
            "Enhance the function of the Commission in",
        );
        assert_eq!(
            redline(&edits),
            "~~Strengthen the role~~**Enhance the function** of the Commission **in**"
        );
    }

    #[test]
    fn redline_escapes_document_text() {
        let edits = diff_words("use *force*", "use <b>force</b>");
        let r = redline(&edits);
        assert_eq!(r, r"use ~~\*~~**\<b>**force~~\*~~**\</b>**");
        assert!(
            r.match_indices('<').all(|(i, _)| r[..i].ends_with('\\')),
            "every < escaped: {r}"
        );
    }

    #[test]
    fn a_line_break_inside_a_change_reopens_the_marker() {
        let edits = vec![Edit::new(Op::Equal, "a "), Edit::new(Op::Insert, "b\nc")];
        assert_eq!(redline(&edits), "a **b**\\\n**c**");
        assert_eq!(quoted(&redline(&edits)), "a **b**\\\n> **c**");
    }
}
