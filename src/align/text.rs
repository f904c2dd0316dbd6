//! Text features for similarity: normalisation, stemmed content words with
//! TF-IDF weights, word-pair shingles and a character profile.
//!
//! Everything a pair score needs is computed once per unit here, so that
//! scoring a candidate pair is a handful of merge joins over sorted vectors.

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Normalises text for the `identical` test: lower case, letters and digits
/// only, every run of anything else (punctuation, quotes, dashes,
/// whitespace) a single space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
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
    let mut h = rustc_hash::FxHasher::default();
    let mut any = false;
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
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

/// Lower-cased word tokens of `text`, hyphenated compounds split.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|r| text[r].to_lowercase())
}

/// Byte ranges of the words of `text`, as [`words`] splits it: maximal
/// runs of letters and digits. For callers that must point back into the
/// text (keyword in context).
pub fn word_spans(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
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
        let mut buf = String::with_capacity(text.len());
        let mut spans = Vec::new();
        let mut start = 0usize;
        let close = |buf: &mut String, start: &mut usize, spans: &mut Vec<(u32, u32)>| {
            let w = &buf[*start..];
            if w.chars().nth(1).is_none() || is_stop(w) {
                buf.truncate(*start);
            } else {
                spans.push((*start as u32, buf.len() as u32));
            }
            *start = buf.len();
        };
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else if c.is_alphanumeric() {
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

    fn words(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(a, b)| &self.buf[a as usize..b as usize])
    }
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
    let counts: Vec<Vec<(u32, u32)>> = id_seqs
        .par_iter()
        .map(|seq| {
            let mut v = seq.clone();
            v.sort_unstable();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for t in v {
                match out.last_mut() {
                    Some((last, n)) if *last == t => *n += 1,
                    _ => out.push((t, 1)),
                }
            }
            out
        })
        .collect();
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
        .map(|((c, seq), text)| {
            let terms: Vec<(u32, f32)> = c
                .iter()
                .map(|&(t, tf)| (t, (1.0 + (tf as f32).ln()) * idf[t as usize]))
                .collect();
            let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            let mass = c.iter().map(|&(t, _)| idf[t as usize]).sum();
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
        })
        .collect();
    (
        Vocabulary {
            idf,
            df,
            stems: vocab_stems,
        },
        features,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
