//! Analyses of language across the corpus: where a phrase occurs through
//! time ([`trace()`]) and which phrases emerge or fade between two sides
//! ([`terms()`]).
//!
//! Both compute plain values (citations, spans into unit text, counts,
//! scores) and leave layout, colour and JSON to `report::analysis`.
//!
//! Words are the words of `align::text` ([`crate::align::text::word_spans`]):
//! runs of letters and digits, so case, punctuation and hyphens never
//! matter. A content word is compared by its stem, so that "strengthen
//! the capacity" meets "strengthening the capacities"; a function word
//! ([`crate::align::text::is_stop`]) or a one-letter word is compared as
//! written, because stemming "the" or "as" would only blur it.
//!
//! Words are compared in their matching form
//! ([`crate::parse::unicode::matching_form`]: NFC, invisible characters
//! removed), so a phrase typed with composed accents finds the text typed
//! with decomposed ones and the other way round. In scripts written
//! without spaces each character is a word
//! ([`crate::parse::unicode::is_scriptio_continua`]), so `国际合作` is a
//! four-word phrase found inside a sentence with no spaces; such a
//! character is a content word even alone, and is compared as written.

pub mod terms;
pub mod trace;

use std::ops::Range;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::align::text::{is_stop, stemmer, word_spans};
use crate::parse::unicode::{is_scriptio_continua, matching_form};

pub use terms::{terms, Term, Terms, TermsOptions};
pub use trace::{trace, Occurrence, Phrase, Stage, Trace};

/// One word of a text, ready for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where the word is in the text.
    pub span: Range<usize>,
    /// The interned comparison key: the stem of a content word, the
    /// lower-cased word itself for a function word.
    pub key: u32,
    /// A function word or a one-letter word: never the edge of a term.
    pub stop: bool,
    /// The text between the previous word and this one holds punctuation
    /// that ends a phrase (`.`, `,`, `;`, a bracket, a quote, a spaced
    /// dash); a bare hyphen or apostrophe inside a compound does not.
    pub breaks: bool,
}

/// Words to keys, each distinct word stemmed once.
pub(crate) struct Lexicon {
    stemmer: Stemmer,
    words: FxHashMap<String, (u32, bool)>,
    keys: FxHashMap<(bool, String), u32>,
    /// Stop flag by key.
    stop: Vec<bool>,
}

impl Lexicon {
    pub fn new() -> Lexicon {
        Lexicon {
            stemmer: stemmer(),
            words: FxHashMap::default(),
            keys: FxHashMap::default(),
            stop: Vec::new(),
        }
    }

    /// True when `key` is a function word's.
    pub fn is_stop_key(&self, key: u32) -> bool {
        self.stop.get(key as usize).copied().unwrap_or(false)
    }

    /// The key and stop flag of a lower-cased word.
    fn word(&mut self, lower: &str) -> (u32, bool) {
        if let Some(&w) = self.words.get(lower) {
            return w;
        }
        let mut chars = lower.chars();
        let single = chars.next().filter(|_| chars.next().is_none());
        let continua = single.is_some_and(is_scriptio_continua);
        let stop = is_stop(lower) || (single.is_some() && !continua);
        let key_text = if stop || continua {
            lower.to_string()
        } else {
            self.stemmer.stem(lower).into_owned()
        };
        let next = self.keys.len() as u32;
        // A stem that happens to spell a function word ("wells" -> "well")
        // stays a different key from the function word.
        let key = *self.keys.entry((stop, key_text)).or_insert(next);
        if key == next {
            self.stop.push(stop);
        }
        self.words.insert(lower.to_string(), (key, stop));
        (key, stop)
    }

    /// The words of `text` as tokens.
    #[allow(
        clippy::string_slice,
        reason = "spans from word_spans of the same text"
    )]
    pub fn tokenize(&mut self, text: &str) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        let mut prev_end = 0;
        let mut lower = String::new();
        for span in word_spans(text) {
            lower.clear();
            lower.extend(
                matching_form(&text[span.clone()])
                    .chars()
                    .flat_map(char::to_lowercase),
            );
            let (key, stop) = self.word(&lower);
            let breaks = out.is_empty() || gap_breaks(&text[prev_end..span.start]);
            prev_end = span.end;
            out.push(Token {
                span,
                key,
                stop,
                breaks,
            });
        }
        out
    }
}

/// True when the text between two words ends a phrase: any punctuation
/// except a single hyphen, apostrophe or slash joining a compound
/// ("people-centred", "Chair's", "and/or").
fn gap_breaks(gap: &str) -> bool {
    if gap.chars().all(char::is_whitespace) {
        return false;
    }
    let mut chars = gap.chars();
    let joiner = matches!(
        (chars.next(), chars.next()),
        (
            Some('-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '/'),
            None
        )
    );
    !joiner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_key_and_function_words_stay_exact() {
        let mut lex = Lexicon::new();
        let a = lex.tokenize("strengthen the capacity");
        let b = lex.tokenize("Strengthening the capacities");
        let keys = |t: &[Token]| t.iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
        assert_eq!(
            a.iter().map(|t| t.stop).collect::<Vec<_>>(),
            [false, true, false]
        );
        // "these" and "the" are different function words.
        assert_ne!(lex.tokenize("the")[0].key, lex.tokenize("these")[0].key);
    }

    #[test]
    fn composed_decomposed_invisible_and_chinese_words() {
        let mut lex = Lexicon::new();
        let keys =
            |lex: &mut Lexicon, t: &str| lex.tokenize(t).iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(
            keys(&mut lex, "Côte régime"),
            keys(&mut lex, "Co\u{302}te re\u{301}gime")
        );
        assert_eq!(
            keys(&mut lex, "strength\u{200B}en among\u{A0}central"),
            keys(&mut lex, "strengthen among central")
        );
        let t = lex.tokenize("加强国际合作");
        assert_eq!(t.len(), 6);
        assert!(t.iter().all(|t| !t.stop));
    }

    #[test]
    fn punctuation_breaks_phrases_but_compounds_do_not() {
        let mut lex = Lexicon::new();
        let t = lex.tokenize("people-centred, “inclusive” justice; Chair's summary – and/or so");
        let breaks: Vec<bool> = t.iter().map(|t| t.breaks).collect();
        // people centred | inclusive | justice | chair s summary | and or so
        assert_eq!(
            breaks,
            [true, false, true, true, true, false, false, true, false, false]
        );
    }
}
