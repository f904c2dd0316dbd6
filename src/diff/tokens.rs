//! Tokens as a reader sees them: words, runs of whitespace, single marks.
//!
//! A word is a run of letters, digits and combining marks that may contain
//! joiners (`-`, `'`, `’`, `/`, `.`, and `,` between digits) as long as a
//! word character follows the joiner: `multi-stakeholder`, `children's`,
//! `A/CONF.234/5`, `1,000`, `2030`. Everything else is a run of whitespace
//! or a single character. Tokens are slices of the input laid end to end,
//! so joining them gives back the input byte for byte.
//!
//! Invisible format characters ([`unicode::is_invisible`]) never split or
//! make a token: inside a word they stay in it (`strength\u{200B}en` is one
//! word, which matches `strengthen`), before a word they start it, and
//! inside whitespace they join it. A no-break space is whitespace.
//!
//! In scripts written without spaces ([`unicode::is_scriptio_continua`]:
//! Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) every character is
//! a word of its own, so inserting two characters into a Chinese sentence
//! marks those two characters and not the sentence. A "character" here is
//! an extended grapheme cluster (UAX #29 §3, from `unicode-segmentation`),
//! so a Thai consonant keeps its vowel and tone marks. UAX #29 *word*
//! boundaries are not used: they split Han ideographs per character but
//! keep a run of Katakana (rule WB13) and of Thai, Lao, Khmer or Myanmar
//! letters (left to dictionary tailoring, §4.1.1) as one word, which would
//! turn a one-character edit back into a whole-sentence one.

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

use unicode_segmentation::UnicodeSegmentation;

use crate::parse::unicode::{self, is_invisible, is_scriptio_continua, is_word_char};

/// Whether `c` may join two word parts (`c` between `prev` and `next`).
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '/' | '.' => {
            is_word_char(next) && !is_scriptio_continua(next)
        }
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// The character at byte `i` of `text` and its length; ASCII without
/// decoding, since it is nearly all of a UN text.
#[allow(
    clippy::string_slice,
    reason = "callers pass a boundary: the sum of character lengths"
)]
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
#[allow(clippy::string_slice, reason = "token bounds from for_each_token")]
pub(crate) fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    for_each_token(text, |start, end| out.push(&text[start..end]));
    out
}

/// Calls `f(start, end)` with the byte range of each token of `text`, in
/// order; the ranges tile `text`.
#[allow(clippy::string_slice, reason = "i is past c, a character just read")]
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (mut c, len) = char_at(text, i);
        i += len;
        // Invisible characters take the class of what follows them.
        while is_invisible(c) && i < bytes.len() {
            let (d, dl) = char_at(text, i);
            if !is_invisible(d) && !is_word_char(d) && !d.is_whitespace() {
                break;
            }
            c = d;
            i += dl;
        }
        if is_scriptio_continua(c) {
            // One grapheme cluster, and invisible characters after it.
            let cluster = text[i - c.len_utf8()..]
                .graphemes(true)
                .next()
                .map_or(0, str::len);
            i = i - c.len_utf8() + cluster;
            while i < bytes.len() {
                let (d, dl) = char_at(text, i);
                if !is_invisible(d) {
                    break;
                }
                i += dl;
            }
        } else if is_word_char(c) {
            let mut prev = c;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphanumeric() {
                    prev = char::from(bytes[i]);
                    i += 1;
                    continue;
                }
                let (d, dl) = char_at(text, i);
                if is_invisible(d) {
                    i += dl;
                    continue;
                }
                // A joiner needs a word character right after it.
                let joined = (is_word_char(d) && !is_scriptio_continua(d))
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
                if !d.is_whitespace() && !is_invisible(d) {
                    break;
                }
                i += dl;
            }
        }
        f(start, i);
    }
}

/// The class of a token produced by [`tokenize`], by its first visible
/// character; a token of invisible characters only is [`Class::Space`]
/// (it holds nothing to read, and is compared like whitespace).
pub(crate) fn class(token: &str) -> Class {
    match token.chars().find(|&c| !is_invisible(c)) {
        Some(c) if is_word_char(c) => Class::Word,
        Some(c) if c.is_whitespace() => Class::Space,
        Some(_) => Class::Mark,
        None if token.is_empty() => Class::Mark,
        None => Class::Space,
    }
}

/// The form in which a token is compared: its [`unicode::matching_form`];
/// in whitespace, every space other than a tab or line break (a no-break
/// space U+00A0, a thin space U+2009, ...) compares as an ASCII space.
pub(crate) fn key(token: &str) -> std::borrow::Cow<'_, str> {
    let form = unicode::matching_form(token);
    let wide_space = |c: char| !c.is_ascii() && c.is_whitespace();
    if !form.is_ascii() && class(token) == Class::Space && form.chars().any(wide_space) {
        let spaced = form
            .chars()
            .map(|c| {
                if wide_space(c) && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        return std::borrow::Cow::Owned(spaced);
    }
    form
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
            "\u{200B}",
            "a\u{200B}",
            "\u{200B}\u{200C}.\u{FEFF}",
            "ที่นี่ก",
            "会\u{200B}员",
        ] {
            assert_eq!(tokenize(s).concat(), s);
        }
    }

    #[test]
    fn each_character_of_a_script_without_spaces_is_a_word() {
        assert_eq!(
            tokenize("会员国应加强合作。"),
            ["会", "员", "国", "应", "加", "强", "合", "作", "。"]
        );
        // Kana runs too (UAX #29 word bounds would keep カタカナ whole).
        assert_eq!(tokenize("カタカナ"), ["カ", "タ", "カ", "ナ"]);
        // A Thai consonant keeps its vowel and tone marks.
        assert_eq!(tokenize("ที่นี่"), ["ที่", "นี่"]);
        // Latin next to Han splits at the script change.
        assert_eq!(tokenize("UNODC的"), ["UNODC", "的"]);
        for t in tokenize("会员国应加强合作") {
            assert_eq!(class(t), Class::Word);
        }
    }

    #[test]
    fn invisible_characters_stay_inside_words_and_spaces() {
        assert_eq!(
            tokenize("strength\u{200B}en among\u{A0}central"),
            ["strength\u{200B}en", " ", "among", "\u{A0}", "central"]
        );
        assert_eq!(key("strength\u{200B}en"), "strengthen");
        assert_eq!(key("\u{A0}"), " ");
        assert_eq!(key("\u{2028}"), "\u{2028}");
        assert_eq!(tokenize("\u{FEFF}Member"), ["\u{FEFF}Member"]);
        assert_eq!(class("\u{FEFF}Member"), Class::Word);
        assert_eq!(tokenize("a \u{200B} b"), ["a", " \u{200B} ", "b"]);
        assert_eq!(tokenize("end.\u{200B}"), ["end", ".", "\u{200B}"]);
        assert_eq!(class("\u{200B}"), Class::Space);
        assert_eq!(tokenize("Co\u{302}te"), ["Co\u{302}te"]);
        assert_eq!(key("Co\u{302}te"), "Côte");
    }

    #[test]
    fn classes() {
        assert_eq!(class("word"), Class::Word);
        assert_eq!(class("2030"), Class::Word);
        assert_eq!(class(" \n"), Class::Space);
        assert_eq!(class(";"), Class::Mark);
    }
}
