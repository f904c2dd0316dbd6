//! Tokens as a reader sees them: words, runs of whitespace, single marks.
//!
//! A word is a run of letters, digits and combining marks that may contain
//! joiners (`-`, `'`, `’`, `/`, `.`, and `,` between digits) as long as a
//! word character follows the joiner: `multi-stakeholder`, `children's`,
//! `A/CONF.234/5`, `1,000`, `2030`. Everything else is a run of whitespace
//! or a single character. Tokens are slices of the input laid end to end,
//! so joining them gives back the input byte for byte.

/// What a token is made of; the clean-up and the segmenter use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Letters, digits, joiners inside.
    Word,
    /// A run of whitespace (any Unicode whitespace, `\r\n` included).
    Space,
    /// A single other character: punctuation, symbols, quotes.
    Mark,
}

/// Whether `c` can be part of a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks, so that decomposed accents stay inside their word.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` may join two word parts (`c` between `prev` and `next`).
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '/' | '.' => is_word_char(next),
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// The character at byte `i` of `text` and its length; ASCII without
/// decoding, since it is nearly all of a UN text.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    }
}

/// Splits `text` into tokens. The concatenation of the result is `text`.
pub(crate) fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    for_each_token(text, |start, end| out.push(&text[start..end]));
    out
}

/// Calls `f(start, end)` with the byte range of each token of `text`, in
/// order; the ranges tile `text`.
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (c, len) = char_at(text, i);
        i += len;
        if is_word_char(c) {
            let mut prev = c;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphanumeric() {
                    prev = char::from(bytes[i]);
                    i += 1;
                    continue;
                }
                let (d, dl) = char_at(text, i);
                // A joiner needs a word character right after it.
                let joined = is_word_char(d)
                    || (i + dl < bytes.len() && joins(prev, d, char_at(text, i + dl).0));
                if !joined {
                    break;
                }
                prev = d;
                i += dl;
            }
        } else if c.is_whitespace() {
            while i < bytes.len() {
                let (d, dl) = char_at(text, i);
                if !d.is_whitespace() {
                    break;
                }
                i += dl;
            }
        }
        f(start, i);
    }
}

/// The class of a token produced by [`tokenize`].
pub(crate) fn class(token: &str) -> Class {
    match token.chars().next() {
        Some(c) if is_word_char(c) => Class::Word,
        Some(c) if c.is_whitespace() => Class::Space,
        _ => Class::Mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_internal_hyphens_apostrophes_slashes_and_symbols() {
        let t = tokenize("multi-stakeholder children's A/CONF.234/5, 2030.");
        assert_eq!(
            t,
            [
                "multi-stakeholder",
                " ",
                "children's",
                " ",
                "A/CONF.234/5",
                ",",
                " ",
                "2030",
                "."
            ]
        );
    }

    #[test]
    fn punctuation_is_one_token_per_mark_and_whitespace_runs_stay_together() {
        let t = tokenize("role in \"operationalizing\"  the;\r\n(d)");
        assert_eq!(
            t,
            [
                "role",
                " ",
                "in",
                " ",
                "\"",
                "operationalizing",
                "\"",
                "  ",
                "the",
                ";",
                "\r\n",
                "(",
                "d",
                ")"
            ]
        );
    }

    #[test]
    fn a_trailing_joiner_is_punctuation_not_part_of_the_word() {
        assert_eq!(tokenize("States' -"), ["States", "'", " ", "-"]);
        assert_eq!(tokenize("1,000, and"), ["1,000", ",", " ", "and"]);
        assert_eq!(tokenize("crime, justice"), ["crime", ",", " ", "justice"]);
    }

    #[test]
    fn curly_apostrophes_and_combining_accents_stay_inside_words() {
        assert_eq!(
            tokenize("States’ Parties’s"),
            ["States", "’", " ", "Parties’s"]
        );
        assert_eq!(
            tokenize("Cote\u{301} d’Ivoire"),
            ["Cote\u{301}", " ", "d’Ivoire"]
        );
    }

    #[test]
    fn tokens_concatenate_to_the_input() {
        for s in [
            "",
            " ",
            "\r\n\r\n",
            "é-",
            "-é",
            "a''b",
            "x/ y",
            "日本語 テキスト。",
        ] {
            assert_eq!(tokenize(s).concat(), s);
        }
    }

    #[test]
    fn classes() {
        assert_eq!(class("word"), Class::Word);
        assert_eq!(class("2030"), Class::Word);
        assert_eq!(class(" \n"), Class::Space);
        assert_eq!(class(";"), Class::Mark);
    }
}
