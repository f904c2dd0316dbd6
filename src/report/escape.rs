//! Control characters made visible, so document text can never drive a
//! terminal or break a line where the reader does not see one.
//!
//! A document may hold terminal escape sequences (`ESC [ 3 1 m`), a
//! carriage return that would overwrite the start of a line, or a Unicode
//! line separator. Every terminal renderer and the Markdown output (which
//! people `cat`) pass document text through [`terminal`]; single-line
//! contexts (error messages, table cells) through [`line`]. The XML
//! outputs (HTML, Word) use [`xml`].
//!
//! What is escaped, and how:
//!
//! * C0 controls (U+0000–U+001F) other than line feed and tab, DEL
//!   (U+007F) and the C1 controls (U+0080–U+009F, Unicode Standard §23.1)
//!   as `\xHH`: ESC is `\x1b`;
//! * U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR as `\u{2028}`
//!   and `\u{2029}`: a terminal shows them as nothing or as a line break
//!   nobody typed.
//!
//! A backslash itself is left alone, so the text stays as written apart
//! from the escaped characters, and escaping twice changes nothing more.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::parse::unicode::is_invisible;

/// Whether [`terminal`] escapes `c` (line feed and tab are kept).
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The visible form of an escaped character: `\x1b`, `\u{2028}`.
fn push_escaped(out: &mut String, c: char) {
    let n = c as u32;
    if n <= 0xFF {
        let _ = write!(out, "\\x{n:02x}");
    } else {
        let _ = write!(out, "\\u{{{n:x}}}");
    }
}

fn escape_if(text: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Document text for a terminal or a Markdown file: controls other than
/// line feed and tab, DEL, C1 controls, U+2028 and U+2029 escaped
/// (`\x1b`, `\x0d`, `\u{2028}`).
///
/// ```
/// use accord::report::escape::terminal;
/// assert_eq!(terminal("red \u{1b}[31mtext"), "red \\x1b[31mtext");
/// assert_eq!(terminal("two\nlines\tand a tab"), "two\nlines\tand a tab");
/// ```
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_if(text, needs_escape)
}

/// Text for a single line (an error message, a table cell): as
/// [`terminal`], and line feed and tab escaped too.
pub fn line(text: &str) -> Cow<'_, str> {
    escape_if(text, |c| needs_escape(c) || c == '\n' || c == '\t')
}

/// Text of a changed run in a terminal diff: as [`terminal`], and every
/// invisible format character ([`is_invisible`]) shown as `<U+200B>`, so
/// an edit that only adds or removes one is not a change of nothing.
pub fn changed(text: &str) -> Cow<'_, str> {
    let text = terminal(text);
    if !text.chars().any(is_invisible) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_invisible(c) {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for XML 1.0 (HTML, Word): what the `Char` production does not
/// allow (C0 controls other than tab, line feed and carriage return;
/// U+FFFE, U+FFFF) and DEL and the C1 controls, which it allows but no
/// reader wants, escaped as text (`\x1b`). Markup escaping is the caller's.
pub fn xml(text: &str) -> Cow<'_, str> {
    escape_if(text, |c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_controls_and_line_separators_only() {
        let raw = "a\u{1b}[2Kb\rc\u{7f}d\u{85}e\u{2028}f\u{2029}g\u{0}";
        assert_eq!(
            terminal(raw),
            "a\\x1b[2Kb\\x0dc\\x7fd\\x85e\\u{2028}f\\u{2029}g\\x00"
        );
        assert!(matches!(terminal("Côte 国际 \\x1b\n\t"), Cow::Borrowed(_)));
        // Escaping is idempotent.
        assert_eq!(terminal(&terminal(raw)), terminal(raw));
    }

    #[test]
    fn a_single_line_escapes_line_feed_and_tab() {
        assert_eq!(
            line("one\ntwo\tthree\u{2028}"),
            "one\\x0atwo\\x09three\\u{2028}"
        );
    }

    #[test]
    fn changed_runs_show_invisible_characters() {
        assert_eq!(changed("strength\u{200B}en"), "strength<U+200B>en");
        assert_eq!(changed("\u{1b}\u{FEFF}"), "\\x1b<U+FEFF>");
        assert_eq!(changed("plain"), "plain");
    }

    #[test]
    fn xml_keeps_tab_and_line_breaks_and_escapes_the_rest() {
        assert_eq!(
            xml("a\tb\nc\rd\u{1b}e\u{85}f\u{FFFE}g\u{FFFF}"),
            "a\tb\nc\rd\\x1be\\x85f\\u{fffe}g\\u{ffff}"
        );
        assert_eq!(xml("\u{2028}"), "\u{2028}");
    }
}
