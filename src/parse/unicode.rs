//! Unicode done once: the form in which text is *matched*, and the
//! character classes every matching stage shares.
//!
//! Documents keep their text exactly as written; display never changes it.
//! Everything that compares text (alignment features and the `identical`
//! test, word diffs, `trace`, `terms`) compares [`matching_form`]s:
//!
//! * **NFC** (Unicode Standard Annex #15, *Unicode Normalization Forms*):
//!   `Côte` typed with a precomposed `ô` (U+00F4) and typed as `o` plus a
//!   combining circumflex (U+006F U+0302) are canonically equivalent, so
//!   they compare equal.
//! * **Invisible format characters removed** ([`is_invisible`]): zero-width
//!   spaces and joiners, the word joiner, the byte-order mark, the soft
//!   hyphen and the bidirectional marks, embeddings and isolates. They are
//!   of General Category Cf (*format*, Unicode Standard §4.5 and §23.2,
//!   "Layout Controls"); they change how text is laid out, never which
//!   words it holds, so `strength\u{200B}en` matches `strengthen`.
//!
//! Whitespace is not touched here: a no-break space (U+00A0) is
//! whitespace (White_Space property, UAX #44), so it separates words like
//! any space.
//!
//! Scripts written without spaces between words (*scriptio continua*:
//! Chinese, Japanese, Thai, Lao, Khmer, Myanmar) have no word boundaries a
//! rule could find without a dictionary; [`is_scriptio_continua`] tells
//! the matching stages to segment them by character instead.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The form of `text` used for matching: invisible format characters
/// ([`is_invisible`]) removed, then Unicode Normalization Form C (UAX #15).
///
/// Borrows when the text is already in that form (all ASCII text is), so
/// calling it on every unit costs a scan and no allocation.
///
/// ```
/// use accord::parse::unicode::matching_form;
/// assert_eq!(matching_form("Co\u{302}te"), "Côte");
/// assert_eq!(matching_form("strength\u{200B}en"), "strengthen");
/// assert_eq!(matching_form("among\u{A0}central"), "among\u{A0}central");
/// ```
pub fn matching_form(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let has_invisible = text.chars().any(is_invisible);
    if !has_invisible && is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_invisible(c)).nfc().collect())
}

/// Whether `a` and `b` are the same text for matching (equal
/// [`matching_form`]s).
pub fn same_for_matching(a: &str, b: &str) -> bool {
    a == b || matching_form(a) == matching_form(b)
}

/// Whether `c` is an invisible format character that matching ignores.
///
/// These are characters of General Category Cf (format) that carry no
/// letters: U+00AD soft hyphen, U+061C Arabic letter mark, U+180E
/// Mongolian vowel separator, U+200B zero width space, U+200C zero width
/// non-joiner, U+200D zero width joiner, U+200E/U+200F left-to-right and
/// right-to-left marks, U+202A–U+202E bidirectional embeddings and
/// overrides, U+2060 word joiner, U+2061–U+2064 invisible operators,
/// U+2066–U+2069 bidirectional isolates, U+206A–U+206F deprecated format
/// characters and U+FEFF zero width no-break space (byte-order mark).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Whether `c` is a combining mark (General Category M: Mn, Mc, Me), such
/// as the U+0301 of a decomposed `é`: it belongs to the word before it.
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// Whether `c` can be part of a word: a letter or digit (Alphabetic or
/// Numeric, as [`char::is_alphanumeric`]) or a combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Whether `c` is a letter, digit or mark of a script written without
/// spaces between words: Han ideographs (CJK Unified Ideographs and
/// their extensions, compatibility ideographs, `々` and `〇`), Hiragana,
/// Katakana (with the half-width forms), Thai, Lao, Khmer and Myanmar.
///
/// Matching treats each character (each grapheme cluster in the diff) of
/// these scripts as a word of its own, since finding real word boundaries
/// needs a dictionary (UAX #29 §4.1.1 leaves them to "dictionary-based"
/// tailoring). Hangul is not included: Korean separates words with
/// spaces.
pub fn is_scriptio_continua(c: char) -> bool {
    let in_script = matches!(
        c,
        '\u{0E00}'..='\u{0EFF}'      // Thai, Lao
            | '\u{1000}'..='\u{109F}' // Myanmar
            | '\u{1780}'..='\u{17FF}' // Khmer
            | '\u{19E0}'..='\u{19FF}' // Khmer symbols
            | '\u{3005}' | '\u{3007}' // ideographic iteration mark, zero
            | '\u{3021}'..='\u{3029}' // Hangzhou numerals
            | '\u{3041}'..='\u{30FF}' // Hiragana, Katakana
            | '\u{31F0}'..='\u{31FF}' // Katakana phonetic extensions
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{A9E0}'..='\u{A9FF}' // Myanmar extended-B
            | '\u{AA60}'..='\u{AA7F}' // Myanmar extended-A
            | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
            | '\u{20000}'..='\u{323AF}' // CJK extensions B to H
    );
    in_script && is_word_char(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_and_decomposed_text_have_one_matching_form() {
        let nfc = "Côte d’Ivoire, São Tomé and Príncipe, régime";
        let nfd = "Co\u{302}te d’Ivoire, Sa\u{303}o Tome\u{301} and Pri\u{301}ncipe, re\u{301}gime";
        assert_ne!(nfc, nfd);
        assert_eq!(matching_form(nfc), matching_form(nfd));
        assert!(matches!(matching_form(nfc), Cow::Borrowed(_)));
        assert!(same_for_matching(nfc, nfd));
    }

    #[test]
    fn invisible_format_characters_are_dropped_and_spaces_kept() {
        for inv in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{200E}',
            '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            assert!(is_invisible(inv), "{:04X}", inv as u32);
            assert_eq!(matching_form(&format!("strength{inv}en")), "strengthen");
        }
        for visible in ['a', ' ', '\u{A0}', '-', '\u{2011}', '国'] {
            assert!(!is_invisible(visible));
        }
        assert_eq!(matching_form("among\u{A0}central"), "among\u{A0}central");
        assert_eq!(matching_form("plain ASCII"), "plain ASCII");
    }

    #[test]
    fn marks_belong_to_words() {
        assert!(is_mark('\u{301}'));
        assert!(is_word_char('\u{302}'));
        assert!(!is_mark('e'));
        assert!(!is_word_char(','));
    }

    #[test]
    fn scripts_without_spaces() {
        for c in ['国', '际', 'ひ', 'カ', 'ก', 'ພ', 'ក', 'က', '々', '𠀀'] {
            assert!(is_scriptio_continua(c), "{c}");
        }
        for c in ['a', 'é', '한', '，', '。', ' ', '1'] {
            assert!(!is_scriptio_continua(c), "{c}");
        }
    }
}
