//! Text features for similarity: normalisation, stemmed content words with
//! TF-IDF weights, word-pair shingles and a character profile.
//!
//! Everything a pair score needs is computed once per unit here, so that
//! scoring a candidate pair is a handful of merge joins over sorted vectors.
//!
//! Text is read in its matching form
//! ([`crate::parse::unicode::matching_form`]: NFC, invisible format
//! characters removed), so composed and decomposed accents, or a stray
//! zero-width space, change neither the identity nor the features of a
//! unit. In scripts written without spaces
//! ([`crate::parse::unicode::is_scriptio_continua`]) the words of the
//! features are the overlapping character bigrams of each run (`国际合作`
//! gives `国际`, `际合`, `合作`), the usual stand-in for words in Chinese
//! and Japanese retrieval, so an edited Chinese sentence still shares most
//! of its terms and phrases with the original.

use std::borrow::Cow;

use crate::parse::unicode::{is_invisible, is_scriptio_continua, is_word_char, matching_form};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Normalises text for the `identical` test: the matching form (NFC,
/// invisible characters removed), lower case, letters, digits and
/// combining marks only, every run of anything else (punctuation, quotes,
/// dashes, whitespace) a single space.
pub fn normalize(text: &str) -> String {
    let text = matching_form(text);
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if is_word_char(c) {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A hash of the normalised text, computed without building it; 0 when
/// the text has no letters or digits.
pub fn identity(text: &str) -> u64 {
    use std::hash::Hasher;
    let text = matching_form(text);
    let mut h = rustc_hash::FxHasher::default();
    let mut any = false;
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && is_word_char(c)) {
            if gap && any {
                h.write_u8(b' ');
            }
            if c.is_ascii() {
                h.write_u32(u32::from(c.to_ascii_lowercase()));
            } else {
                for l in c.to_lowercase() {
                    h.write_u32(l as u32);
                }
            }
            any = true;
            gap = false;
        } else {
            gap = true;
        }
    }
    if any {
        h.finish().max(1)
    } else {
        0
    }
}

/// Lower-cased word tokens of `text` in their matching form, hyphenated
/// compounds split.
#[allow(
    clippy::string_slice,
    reason = "spans from word_spans of the same text"
)]
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|r| matching_form(&text[r]).to_lowercase())
}

/// Byte ranges of the words of `text`, as [`words`] splits it: maximal
/// runs of letters, digits and combining marks, with invisible format
/// characters inside a run kept in it (`strength\u{200B}en` is one word);
/// in scripts written without spaces, each character is a word. For
/// callers that must point back into the text (keyword in context).
#[allow(
    clippy::string_slice,
    reason = "start and end from char_indices of the same text"
)]
pub fn word_spans(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        let single = is_scriptio_continua(first);
        while let Some(&(i, c)) = chars.peek() {
            let inside = if single {
                // A character and its marks.
                crate::parse::unicode::is_mark(c)
            } else {
                (is_word_char(c) && !is_scriptio_continua(c)) || is_invisible(c)
            };
            if !inside {
                end = i;
                break;
            }
            chars.next();
        }
        // Invisible characters after the last letter are not part of it.
        let trimmed = text[start..end].trim_end_matches(is_invisible).len();
        Some(start..start + trimmed)
    })
}

/// Function words: they carry no topic, and their stems are never terms.
/// Reporting verbs ("noted", "stressed") stay terms: IDF gives them the
/// little weight they deserve.
pub fn is_stop(w: &str) -> bool {
    // A match compiles to a length switch and a few compares: much cheaper
    // than a search, and this runs once per word of the corpus.
    matches!(
        w,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "alia"
            | "all"
            | "also"
            | "am"
            | "among"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "down"
            | "during"
            | "each"
            | "etc"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "herself"
            | "him"
            | "himself"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "including"
            | "inter"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "just"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "must"
            | "my"
            | "myself"
            | "namely"
            | "no"
            | "nor"
            | "not"
            | "now"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "ours"
            | "ourselves"
            | "out"
            | "over"
            | "own"
            | "particular"
            | "per"
            | "regard"
            | "same"
            | "shall"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "themselves"
            | "then"
            | "there"
            | "thereof"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "upon"
            | "very"
            | "via"
            | "was"
            | "we"
            | "well"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "within"
            | "without"
            | "would"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
    )
}

/// The stem sequence of a text: content words only, Porter-stemmed so that
/// "strengthen", "strengthening" and "strengthened" meet.
pub fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    content_words(text)
        .iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect()
}

/// A new English stemmer.
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Per-unit features, ready for scoring.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Distinct term ids with their TF-IDF weight, sorted by id.
    pub terms: Vec<(u32, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// Sum of the IDF of the distinct terms: how much the unit says.
    pub mass: f32,
    /// Sorted, distinct hashes of adjacent stem pairs (phrases).
    pub shingles: Vec<u64>,
    /// Hash of the normalised text (see [`normalize`]), for finding
    /// identical units; 0 for a text with no letters or digits.
    pub identity: u64,
}

/// The vocabulary and document frequencies of a set of units.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Inverse document frequency by term id.
    pub idf: Vec<f32>,
    /// Document frequency by term id.
    pub df: Vec<u32>,
    /// Stem of each term id (for explanations).
    pub stems: Vec<String>,
    /// Term id of each stem (for texts featurized later, see
    /// [`featurize_with`]).
    index: FxHashMap<String, u32>,
}

fn hash_pair(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The content words of a text, lower-cased, in one buffer: stop words
/// and one-letter words removed. One allocation per text, not per word.
struct WordBuf {
    buf: String,
    spans: Vec<(u32, u32)>,
}

impl WordBuf {
    fn new(text: &str) -> WordBuf {
        let text = matching_form(text);
        if text.chars().any(is_scriptio_continua) {
            WordBuf::of(&with_bigrams(&text))
        } else {
            WordBuf::of(&text)
        }
    }

    /// The words of `text`, already in matching form (bigrams spaced).
    #[allow(
        clippy::string_slice,
        reason = "start is the buffer's length before a push"
    )]
    fn of(text: &str) -> WordBuf {
        let mut buf = String::with_capacity(text.len());
        let mut spans = Vec::new();
        let mut start = 0usize;
        let close = |buf: &mut String, start: &mut usize, spans: &mut Vec<(u32, u32)>| {
            let w = &buf[*start..];
            let single = w.chars().nth(1).is_none();
            if (single && !w.chars().any(is_scriptio_continua)) || is_stop(w) {
                buf.truncate(*start);
            } else {
                spans.push((*start as u32, buf.len() as u32));
            }
            *start = buf.len();
        };
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else if is_word_char(c) {
                buf.extend(c.to_lowercase());
            } else if buf.len() > start {
                close(&mut buf, &mut start, &mut spans);
            }
        }
        if buf.len() > start {
            close(&mut buf, &mut start, &mut spans);
        }
        WordBuf { buf, spans }
    }

    #[allow(
        clippy::string_slice,
        reason = "ranges recorded at pushes into the buffer"
    )]
    fn words(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(a, b)| &self.buf[a as usize..b as usize])
    }
}

/// `text` with every run of scriptio continua characters replaced by its
/// overlapping character bigrams, spaced apart (a run of one character
/// stays itself): `会员国应` becomes ` 会员 员国 国应 `.
fn with_bigrams(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 3);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() == 1 {
            out.push(' ');
            out.push(run[0]);
            out.push(' ');
        }
        for w in run.windows(2) {
            out.push(' ');
            out.extend(w);
            out.push(' ');
        }
        run.clear();
    };
    for c in text.chars() {
        if is_scriptio_continua(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    Cow::Owned(out)
}

fn content_words(text: &str) -> Vec<String> {
    WordBuf::new(text).words().map(str::to_string).collect()
}

/// Builds features for every text. Surface words are interned first and
/// each distinct word is stemmed once; term ids are assigned in order of
/// first appearance, so the result does not depend on the thread count.
pub fn featurize(texts: &[&str]) -> (Vocabulary, Vec<Features>) {
    let bufs: Vec<WordBuf> = texts.par_iter().map(|t| WordBuf::new(t)).collect();
    // Surface word -> surface id, in order of first appearance.
    let mut surface: FxHashMap<&str, u32> = FxHashMap::default();
    let mut surface_words: Vec<&str> = Vec::new();
    let surface_seqs: Vec<Vec<u32>> = bufs
        .iter()
        .map(|b| {
            b.words()
                .map(|w| {
                    *surface.entry(w).or_insert_with(|| {
                        surface_words.push(w);
                        (surface_words.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    // Stem each distinct word once, then intern stems.
    let stemmed: Vec<String> = surface_words
        .par_iter()
        .map_init(stemmer, |s, w| s.stem(w).into_owned())
        .collect();
    let mut stem_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut vocab_stems: Vec<String> = Vec::new();
    let surface_to_term: Vec<u32> = stemmed
        .iter()
        .map(|st| {
            *stem_ids.entry(st.as_str()).or_insert_with(|| {
                vocab_stems.push(st.clone());
                (vocab_stems.len() - 1) as u32
            })
        })
        .collect();
    let id_seqs: Vec<Vec<u32>> = surface_seqs
        .par_iter()
        .map(|seq| seq.iter().map(|&s| surface_to_term[s as usize]).collect())
        .collect();
    let mut df = vec![0u32; vocab_stems.len()];
    let counts: Vec<Vec<(u32, u32)>> = id_seqs.par_iter().map(|seq| term_counts(seq)).collect();
    for c in &counts {
        for &(t, _) in c {
            df[t as usize] += 1;
        }
    }
    let n = texts.len().max(1) as f32;
    let idf: Vec<f32> = df.iter().map(|&d| (1.0 + n / d as f32).ln()).collect();
    let features = counts
        .par_iter()
        .zip(id_seqs.par_iter())
        .zip(texts.par_iter())
        .map(|((c, seq), text)| weighted(c, seq, text, &idf))
        .collect();
    let index = vocab_stems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i as u32))
        .collect();
    (
        Vocabulary {
            idf,
            df,
            stems: vocab_stems,
            index,
        },
        features,
    )
}

/// Features of texts outside the vocabulary's own units (the sentences of
/// a unit, for passage scores), weighted by the vocabulary's IDF so they
/// score against its units on the same scale. Words the vocabulary does
/// not know are left out: no unit of the scope shares them.
pub fn featurize_with(vocab: &Vocabulary, texts: &[&str]) -> Vec<Features> {
    let stemmer = stemmer();
    texts
        .iter()
        .map(|text| {
            let seq: Vec<u32> = WordBuf::new(text)
                .words()
                .filter_map(|w| vocab.index.get(stemmer.stem(w).as_ref()).copied())
                .collect();
            weighted(&term_counts(&seq), &seq, text, &vocab.idf)
        })
        .collect()
}

/// Distinct term ids of a sequence with their counts, sorted by id.
fn term_counts(seq: &[u32]) -> Vec<(u32, u32)> {
    let mut sorted = seq.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for t in sorted {
        match out.last_mut() {
            Some((last, n)) if *last == t => *n += 1,
            _ => out.push((t, 1)),
        }
    }
    out
}

/// The features of a text from its term sequence and counts: TF-IDF
/// weights (`(1 + ln tf) × idf`), their norm, the IDF mass, the word-pair
/// shingles and the identity hash.
fn weighted(counts: &[(u32, u32)], seq: &[u32], text: &str, idf: &[f32]) -> Features {
    let terms: Vec<(u32, f32)> = counts
        .iter()
        .map(|&(t, tf)| (t, (1.0 + (tf as f32).ln()) * idf[t as usize]))
        .collect();
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let mass = counts.iter().map(|&(t, _)| idf[t as usize]).sum();
    let mut shingles: Vec<u64> = seq.windows(2).map(|w| hash_pair(w[0], w[1])).collect();
    shingles.sort_unstable();
    shingles.dedup();
    Features {
        terms,
        norm,
        mass,
        shingles,
        identity: identity(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_featurized_later_scores_as_if_it_were_a_unit() {
        let texts = [
            "Strengthen restorative justice for children.",
            "Prison overcrowding persists.",
        ];
        let (vocab, features) = featurize(&texts);
        let again = featurize_with(&vocab, &[texts[0], "restorative justice unknownword"]);
        assert_eq!(again[0].terms, features[0].terms);
        assert_eq!(again[0].shingles, features[0].shingles);
        assert_eq!(again[0].norm, features[0].norm);
        // Words the vocabulary does not know are left out.
        assert_eq!(again[1].terms.len(), 2);
    }

    #[test]
    fn function_words_are_not_terms() {
        for w in [
            "the", "of", "and", "which", "inter", "alia", "shall", "within",
        ] {
            assert!(is_stop(w), "{w}");
        }
        for w in ["crime", "justice", "noted", "a1", ""] {
            assert!(!is_stop(w), "{w}");
        }
    }

    #[test]
    fn normalisation_ignores_case_punctuation_quotes_and_dashes() {
        assert_eq!(
            normalize("Support UNODC in “operationalizing” – the outcome;"),
            normalize("support unodc in \"operationalizing\" - the  outcome")
        );
        assert_eq!(normalize("  A, b.  "), "a b");
        assert_eq!(
            identity("Support UNODC – “now”"),
            identity("support unodc - \"now\"")
        );
        assert_ne!(identity("a b"), identity("ab"));
        assert_eq!(identity(" ,;"), 0);
    }

    #[test]
    fn word_spans_point_into_the_text() {
        let t = "“Culture of lawfulness” – people-centred, SDG 16.";
        let w: Vec<&str> = word_spans(t).map(|r| &t[r]).collect();
        assert_eq!(
            w,
            [
                "Culture",
                "of",
                "lawfulness",
                "people",
                "centred",
                "SDG",
                "16"
            ]
        );
        assert_eq!(words(t).next().as_deref(), Some("culture"));
        assert_eq!(word_spans(" ,;").count(), 0);
    }

    #[test]
    fn composed_decomposed_and_invisible_characters_do_not_change_identity() {
        let nfc = "The delegation of Côte d’Ivoire and São Tomé";
        let nfd = "The delegation of Co\u{302}te d’Ivoire and Sa\u{303}o Tome\u{301}";
        assert_eq!(normalize(nfc), normalize(nfd));
        assert_eq!(identity(nfc), identity(nfd));
        assert_eq!(
            identity("strength\u{200B}en among\u{A0}central"),
            identity("strengthen among central")
        );
        let (_, f) = featurize(&[nfc, nfd]);
        assert_eq!(f[0].terms, f[1].terms);
        assert_eq!(f[0].shingles, f[1].shingles);
    }

    #[test]
    fn words_of_decomposed_invisible_and_chinese_text() {
        let t = "Co\u{302}te strength\u{200B}en\u{200B} among\u{A0}central 国际合作";
        let w: Vec<&str> = word_spans(t).map(|r| &t[r]).collect();
        assert_eq!(
            w,
            [
                "Co\u{302}te",
                "strength\u{200B}en",
                "among",
                "central",
                "国",
                "际",
                "合",
                "作"
            ]
        );
        assert_eq!(words(t).nth(1).as_deref(), Some("strengthen"));
        assert_eq!(words(t).next().as_deref(), Some("côte"));
    }

    #[test]
    fn chinese_features_are_character_bigrams() {
        assert_eq!(with_bigrams("会员国，加"), " 会员  员国 ， 加 ");
        let (v, f) = featurize(&[
            "会员国应加强国际合作，打击跨国有组织犯罪。",
            "会员国应进一步加强国际合作，打击跨国有组织犯罪和腐败。",
        ]);
        assert!(v.stems.iter().any(|s| s == "国际"), "{:?}", v.stems);
        let shared = f[0]
            .terms
            .iter()
            .filter(|(t, _)| f[1].terms.iter().any(|(u, _)| u == t))
            .count();
        // All but `应加`, split by the inserted `进一步`.
        assert_eq!(shared + 1, f[0].terms.len());
        assert!(!f[0].shingles.is_empty());
    }

    #[test]
    fn inflections_share_a_stem() {
        let s = stemmer();
        assert_eq!(stems(&s, "strengthen"), stems(&s, "strengthening"));
        assert_eq!(stems(&s, "Recommendations"), stems(&s, "recommendation"));
        assert!(stems(&s, "it was that the").is_empty());
        assert_eq!(stems(&s, "it was noted that the"), ["note"]);
    }

    #[test]
    fn features_weight_rare_terms_higher() {
        let (v, f) = featurize(&[
            "crime prevention cybercrime",
            "crime prevention",
            "crime justice",
        ]);
        let crime = v.stems.iter().position(|s| s == "crime").unwrap();
        let cyber = v.stems.iter().position(|s| s == "cybercrim").unwrap();
        assert!(v.idf[cyber] > v.idf[crime]);
        assert_eq!(f[0].terms.len(), 3);
        assert_eq!(f[0].shingles.len(), 2);
    }
}
