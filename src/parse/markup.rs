//! Inline markup: what converted UN documents carry inside a line
//! (`**bold**`, `*emphasis*`, `<i>`, `<sup>1</sup>`, `¹`, `[77/231](#)`),
//! removed from text, with footnote references collected on the way.

/// Superscript digits as they appear in converted documents.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit of a superscript character.
pub fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .map(|d| char::from(b'0' + d as u8))
}

/// A line cleaned of inline markup.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clean {
    /// The text, whitespace collapsed, markup removed.
    pub text: String,
    /// Footnote marks cited in the line, in order (`"1"`, `"13"`).
    pub refs: Vec<String>,
}

/// Removes inline markup from `s` and collects footnote references.
pub fn clean(s: &str) -> Clean {
    // Most lines of a large plain document carry no markup at all.
    let plain = !s
        .bytes()
        .any(|b| matches!(b, b'<' | b'[' | b'*' | b'\\') || b >= 0x80);
    if plain {
        return Clean {
            text: collapse_ws(s),
            refs: Vec::new(),
        };
    }
    let mut out = String::with_capacity(s.len());
    let mut refs = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    // The searches ahead for a closing `</sup>` or `)` remember where they
    // stopped, so a line of unclosed tags is scanned once, not once per tag.
    let mut sup_close = Ahead::default();
    let mut link_close = Ahead::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // <sup>12</sup>: a footnote reference.
        if c == '<' {
            if let Some((tag_end, inner_end, close_end)) = sup_span(&chars, i, &mut sup_close) {
                let inner: String = chars[tag_end..inner_end].iter().collect();
                let inner = inner.trim();
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
                    refs.push(inner.to_string());
                } else {
                    out.push_str(inner);
                }
                i = close_end;
                continue;
            }
            if let Some(end) = simple_tag_end(&chars, i) {
                i = end;
                continue;
            }
        }
        if let Some(d) = superscript_digit(c) {
            let mut mark = String::from(d);
            i += 1;
            while i < chars.len() {
                match superscript_digit(chars[i]) {
                    Some(d) => mark.push(d),
                    None => break,
                }
                i += 1;
            }
            refs.push(mark);
            continue;
        }
        // [text](target): keep the text.
        if c == '[' {
            if let Some((text_end, link_end)) = link_span(&chars, i, &mut link_close) {
                out.extend(&chars[i + 1..text_end]);
                i = link_end;
                continue;
            }
        }
        if c == '\\' && i + 1 < chars.len() && "*_[]()#`\\".contains(chars[i + 1]) {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Clean {
        text: collapse_ws(&out),
        refs,
    }
}

/// Whitespace that separates words but is collapsed by nobody: a no-break
/// space (U+00A0), narrow no-break space (U+202F) or figure space (U+2007)
/// is the writer's choice, kept as written (matching reads it as a space).
fn collapsible(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Collapses runs of whitespace to one space and trims; no-break spaces
/// are kept as written.
pub fn collapse_ws(s: &str) -> String {
    // Most text has single spaces already.
    let tidy = !s.starts_with(collapsible)
        && !s.ends_with(collapsible)
        && !s
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b' ' && w[1] == b' ')
        && !s.chars().any(|c| collapsible(c) && c != ' ');
    if tidy {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split(collapsible).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn starts_with_ci(chars: &[char], at: usize, pat: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    at + p.len() <= chars.len()
        && chars[at..at + p.len()]
            .iter()
            .zip(&p)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// `<sup>...</sup>` starting at `at`: (end of opening tag, start of closing
/// tag, end of closing tag).
fn sup_span(chars: &[char], at: usize, ahead: &mut Ahead) -> Option<(usize, usize, usize)> {
    if !starts_with_ci(chars, at, "<sup>") {
        return None;
    }
    let inner = at + 5;
    let close = ahead.find(chars.len(), inner, |j| starts_with_ci(chars, j, "</sup>"))?;
    Some((inner, close, close + 6))
}

/// A search ahead in a line that remembers its last answer: "the first
/// match at or after `from` is `found`". Asked at positions that only grow
/// (as [`clean`] does), it scans each character at most once, so a line
/// costs time linear in its length however many openers it holds.
#[derive(Default)]
struct Ahead {
    from: usize,
    /// `None` before the first search; `Some(None)` when nothing matched
    /// from `from` to the end of the line.
    found: Option<Option<usize>>,
}

impl Ahead {
    /// The first `j` in `at..len` for which `hit(j)` holds.
    fn find(&mut self, len: usize, at: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
        if let Some(found) = self.found {
            if at >= self.from && found.is_none_or(|j| j >= at) {
                return found;
            }
        }
        let found = (at..len).find(|&j| hit(j));
        self.from = at;
        self.found = Some(found);
        found
    }
}

/// A simple inline HTML tag (`<i>`, `</em>`, `<br/>`) starting at `at`.
fn simple_tag_end(chars: &[char], at: usize) -> Option<usize> {
    let mut j = at + 1;
    if j < chars.len() && chars[j] == '/' {
        j += 1;
    }
    let name_start = j;
    while j < chars.len() && chars[j].is_ascii_alphabetic() {
        j += 1;
    }
    let name: String = chars[name_start..j]
        .iter()
        .collect::<String>()
        .to_lowercase();
    if !matches!(
        name.as_str(),
        "i" | "b" | "em" | "strong" | "u" | "br" | "span" | "sub" | "small"
    ) {
        return None;
    }
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    if j < chars.len() && chars[j] == '/' {
        j += 1;
    }
    (j < chars.len() && chars[j] == '>').then_some(j + 1)
}

/// `[text](target)` starting at `at`: (index of `]`, end of `)`).
///
/// The search for `]` stops at the next `[`, so those searches never
/// overlap; the search for `)` goes through `ahead`. A target holds no
/// whitespace of any kind (a tab too: the parser reads tabs as spaces, and
/// the two readings of a line must agree).
fn link_span(chars: &[char], at: usize, ahead: &mut Ahead) -> Option<(usize, usize)> {
    let close = (at + 1..chars.len()).find(|&j| chars[j] == ']' || chars[j] == '[')?;
    if chars[close] != ']' || close + 1 >= chars.len() || chars[close + 1] != '(' {
        return None;
    }
    let end = ahead.find(chars.len(), close + 2, |j| {
        chars[j] == ')' || chars[j].is_whitespace()
    })?;
    (chars[end] == ')').then_some((close, end + 1))
}

/// True when text ends a sentence or a list item: `.` `;` `:` `!` `?`,
/// possibly followed by closing quotes or brackets.
pub fn ends_terminal(s: &str) -> bool {
    let t = trim_trailing_controls(s).trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*')
    });
    t.ends_with(['.', ';', ':', '!', '?'])
}

/// `s` without the control characters and terminal escape sequences
/// (ECMA-48 CSI: ESC `[` parameters, one final byte in `@`..`~`) at its
/// end: they print nothing, so they neither end nor continue a sentence.
#[allow(
    clippy::string_slice,
    reason = "at and after an ESC (one byte) found by rfind"
)]
fn trim_trailing_controls(s: &str) -> &str {
    let mut t = s;
    loop {
        let before = t.len();
        t = t.trim_end_matches(|c: char| c.is_control() || c.is_whitespace());
        if let Some(esc) = t.rfind('\u{1b}') {
            let seq = &t[esc + 1..];
            let csi = seq.strip_prefix('[').is_some_and(|rest| {
                let mut chars = rest.chars();
                let last = chars.next_back();
                last.is_some_and(|f| ('@'..='~').contains(&f))
                    && chars.all(|c| c.is_ascii_digit() || c == ';' || c == '?')
            });
            if csi {
                t = &t[..esc];
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// True when text ends with a colon (a list follows).
pub fn ends_with_colon(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || c == '*')
        .ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_emphasis_links_and_tags() {
        let c = clean(
            "In its resolution [56/119](#), on the *modi operandi* of <i>Page</i> and **bold**",
        );
        assert_eq!(
            c.text,
            "In its resolution 56/119, on the modi operandi of Page and bold"
        );
        assert!(c.refs.is_empty());
    }

    #[test]
    fn collects_footnote_references() {
        let c = clean("Guidelines for the Prevention of Crime,¹ crime prevention");
        assert_eq!(
            c.text,
            "Guidelines for the Prevention of Crime, crime prevention"
        );
        assert_eq!(c.refs, ["1"]);
        let c = clean("the 2021⁹, 2022¹⁰ and Bangkok Rules,<sup>1</sup> and");
        assert_eq!(c.text, "the 2021, 2022 and Bangkok Rules, and");
        assert_eq!(c.refs, ["9", "10", "1"]);
    }

    #[test]
    fn leaves_plain_brackets_alone() {
        assert_eq!(
            clean("[text] and [option A / option B]").text,
            "[text] and [option A / option B]"
        );
        assert_eq!(clean("a < b > c").text, "a < b > c");
    }

    #[test]
    fn terminal_punctuation() {
        assert!(ends_terminal("was identified:"));
        assert!(ends_terminal("the “police service”."));
        assert!(ends_terminal("(workshop 4)."));
        assert!(!ends_terminal(
            "Organization for Security and Co-operation in"
        ));
        assert!(!ends_terminal("Summary of deliberations"));
        assert!(ends_with_colon("as follows: "));
        // Escape sequences at the end print nothing.
        assert!(ends_terminal("competent authorities.\u{1b}[2K"));
        assert!(ends_terminal("authorities.\u{1b}[0m\u{7}"));
        assert!(!ends_terminal("no stop\u{1b}[31m"));
    }

    #[test]
    fn no_break_spaces_are_kept() {
        assert_eq!(
            collapse_ws(" among\u{a0}central  a\tb "),
            "among\u{a0}central a b"
        );
    }

    #[test]
    fn a_remembered_search_answers_as_a_fresh_one() {
        let text: Vec<char> = "a)b c) d ) e".chars().collect();
        let hit = |j: usize| text[j] == ')';
        let mut ahead = Ahead::default();
        for at in 0..=text.len() {
            let fresh = (at..text.len()).find(|&j| hit(j));
            assert_eq!(ahead.find(text.len(), at, hit), fresh, "at {at}");
        }
    }

    #[test]
    fn unclosed_openers_keep_their_text() {
        let c = clean("<sup>a <sup>b [x](y [z] done</sup> end");
        assert_eq!(c.text, "a <sup>b [x](y [z] done end");
        let c = clean("[a](b [c](d) e");
        assert_eq!(c.text, "[a](b c e");
    }
}
