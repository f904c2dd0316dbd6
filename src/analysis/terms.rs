//! `terms`: the phrases that emerge in a newer side and those that fade
//! from an older one.
//!
//! # Candidates
//!
//! A candidate is a run of 2 to 4 words of one unit's text or one heading
//! that neither starts nor ends with a function word or a one-letter word
//! (so "protection of victims" is a candidate, "the protection of" is
//! not) and does not cross punctuation (a comma, full stop, semicolon,
//! colon, bracket, quote or spaced dash): "crime prevention, criminal
//! justice" yields "crime prevention" and "criminal justice", never
//! "prevention criminal". Words are compared as in the [analysis module](super), by
//! stem for content words, so "victims of trafficking" and "victim of
//! trafficking" are one phrase; each phrase is shown in its most frequent
//! written form.
//!
//! Headings count with the text, [`HEADING_WEIGHT`] times each: a report
//! names its themes in its headings, once. The theme of the Fifteenth
//! Congress, "... in the digital age", is stated in one heading and in no
//! paragraph; counted once, it could never pass the minimum count. Counted
//! twice, a heading passes the minimum by itself and weighs what two
//! mentions in the text do. Only headings that head units count, so the
//! front matter ("General Assembly", "Draft report") stays out. Counts
//! shown are as seen; the weight only enters the score.
//!
//! # Ranking: log-likelihood (G²) times cohesion
//!
//! A phrase with `a` (weighted) occurrences in the newer side's `N` words
//! and `b` in the older side's `M` words has Dunning's log-likelihood ratio
//!
//! ```text
//! G² = 2 (a ln(a/E₁) + b ln(b/E₂)),  E₁ = N(a+b)/(N+M),  E₂ = M(a+b)/(N+M)
//! ```
//!
//! and is *emerging* when its rate in the newer side is higher, *fading*
//! when it is lower. G² rather than a rate ratio because the sides are of
//! very different sizes (the 2019 report has three times the words of the
//! two 2025 addenda) and most phrases are rare: a ratio, even smoothed,
//! ranks a phrase seen twice against none with one seen twenty times
//! against none, and its order depends on the smoothing constant. G² grows
//! with the evidence as well as with the difference, needs no constant,
//! and is the usual keyness measure of corpus linguistics (Dunning 1993;
//! Rayson and Garside 2000).
//!
//! G² alone measures how *differently* a word sequence is used, not
//! whether it is a *term*. On the seeds its top emerging entries were
//! "Speakers highlighted", "speakers emphasized", "Statements were made":
//! the 2025 addenda report debates where the 2019 report says "The
//! Meeting emphasized", so every reporting-verb pair is new. A negotiator
//! asks for terms of art. So G² is multiplied by the phrase's *cohesion*:
//! its count over the count of its rarest content word (both sides,
//! headings weighted), from 0 to 1. "triple planetary crisis" has cohesion
//! 1 (every "planetary" is in it); "Speakers highlighted" 0.25 ("highlighted"
//! is used in many other ways). This is the conditional probability of the
//! phrase given its rarest word, a unithood measure in the sense of
//! automatic term recognition; keyness times unithood is the usual way to
//! combine the two. The factor never raises a score, so a phrase ranks
//! high only when it is both significant and fixed.
//!
//! # Pruning
//!
//! * A phrase must have [`TermsOptions::min_count`] (weighted) occurrences
//!   in the side it grows in: one passing mention is not a trend.
//! * A phrase is dropped when a longer candidate containing it has the same
//!   counts on both sides: then every occurrence of the shorter one is an
//!   occurrence of the longer, and "triple planetary" would only repeat
//!   "triple planetary crisis". (So "lived experience", which the 2025
//!   texts only use as "lived experience of crime", is shown as that.)
//!
//! Ties are broken by phrase, so the output is the same on every run.
//!
//! Known limit: a phrase longer than four words shows as its overlapping
//! four-word pieces ("crimes that affect", "affect the environment").

use rustc_hash::{FxHashMap, FxHashSet};

use super::Lexicon;
use crate::parse::ParsedDoc;

/// Longest phrase considered, in words.
const MAX_WORDS: usize = 4;

/// How many times a heading's words count (see the module docs): enough
/// for a heading alone to pass the default minimum count.
pub const HEADING_WEIGHT: u32 = 2;

/// A phrase's comparison keys, padded with `u32::MAX`.
type Gram = [u32; MAX_WORDS];

/// How many phrases to keep and how much evidence to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermsOptions {
    /// Phrases per list.
    pub top: usize,
    /// Least (weighted) count in the side a phrase grows in.
    pub min_count: u32,
}

impl Default for TermsOptions {
    fn default() -> Self {
        TermsOptions {
            top: 25,
            min_count: 2,
        }
    }
}

/// A ranked phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Its most frequent written form.
    pub phrase: String,
    /// Occurrences in the newer side (text and headings, each once).
    pub new_count: u32,
    /// Occurrences in the older side.
    pub old_count: u32,
    /// The rank: `log_likelihood` × `cohesion`.
    pub score: f64,
    /// G² of the weighted counts (always positive; the list says which
    /// way the phrase goes).
    pub log_likelihood: f64,
    /// The share of the uses of its rarest content word that the phrase
    /// accounts for, from 0 to 1.
    pub cohesion: f64,
    /// The phrase occurs in a heading of the side it grows in.
    pub in_heading: bool,
}

/// Emerging and fading phrases between two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Terms {
    /// Documents of the older side.
    pub old_docs: Vec<String>,
    /// Documents of the newer side.
    pub new_docs: Vec<String>,
    /// Words in the older side (text and headings, each once).
    pub old_words: usize,
    /// Words in the newer side.
    pub new_words: usize,
    /// Phrases more frequent in the newer side, best first.
    pub emerging: Vec<Term>,
    /// Phrases less frequent in the newer side, best first.
    pub fading: Vec<Term>,
}

/// Counts on one side: as seen, and with headings weighted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Count {
    seen: u32,
    weighted: u32,
    in_heading: bool,
}

impl Count {
    fn add(&mut self, weight: u32) {
        self.seen += 1;
        self.weighted += weight;
        self.in_heading |= weight > 1;
    }
}

/// Phrase, word and text-length counts of both sides, indexed by side
/// (0 older, 1 newer).
struct Counter {
    lex: Lexicon,
    phrases: FxHashMap<Gram, [Count; 2]>,
    surfaces: FxHashMap<Gram, FxHashMap<String, u32>>,
    /// Weighted count of each word key, both sides together.
    word_counts: FxHashMap<u32, u32>,
    /// Words per side: as seen, weighted.
    words: [(usize, usize); 2],
}

impl Counter {
    fn new() -> Counter {
        Counter {
            lex: Lexicon::new(),
            phrases: FxHashMap::default(),
            surfaces: FxHashMap::default(),
            word_counts: FxHashMap::default(),
            words: [(0, 0); 2],
        }
    }

    /// Counts the words and phrases of `text` on `side`.
    fn add(&mut self, text: &str, side: usize, weight: u32) {
        let tokens = self.lex.tokenize(text);
        self.words[side].0 += tokens.len();
        self.words[side].1 += tokens.len() * weight as usize;
        for t in &tokens {
            *self.word_counts.entry(t.key).or_default() += weight;
        }
        let phrases = &mut self.phrases;
        each_gram(&tokens, |gram, _| {
            phrases.entry(gram).or_default()[side].add(weight)
        });
    }

    /// Records the written forms in `text` of the phrases in `wanted`.
    /// A second pass, once the phrases worth showing are known: keeping the
    /// forms of every candidate phrase of a large corpus took gigabytes.
    #[allow(
        clippy::string_slice,
        reason = "spans from the tokens of the same text"
    )]
    fn add_forms(&mut self, text: &str, wanted: &FxHashSet<Gram>) {
        let tokens = self.lex.tokenize(text);
        let surfaces = &mut self.surfaces;
        each_gram(&tokens, |gram, span| {
            if wanted.contains(&gram) {
                *surfaces
                    .entry(gram)
                    .or_default()
                    .entry(text[span].to_string())
                    .or_default() += 1;
            }
        });
    }

    fn add_doc(&mut self, doc: &ParsedDoc, side: usize) {
        for (text, weight) in weighted_texts(doc) {
            self.add(text, side, weight);
        }
    }

    fn add_doc_forms(&mut self, doc: &ParsedDoc, wanted: &FxHashSet<Gram>) {
        for (text, _) in weighted_texts(doc) {
            self.add_forms(text, wanted);
        }
    }

    /// The most frequent written form; among equals, the one with fewer
    /// capitals, then the first in byte order.
    fn surface(&self, gram: &Gram) -> String {
        let caps = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
        self.surfaces
            .get(gram)
            .into_iter()
            .flatten()
            .min_by(|(a, na), (b, nb)| {
                nb.cmp(na)
                    .then(caps(a).cmp(&caps(b)))
                    .then(a.as_str().cmp(b.as_str()))
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    }

    /// The phrase's weighted count over the weighted count of its rarest
    /// content word. Function words are left out: every phrase would be
    /// a small share of "of".
    fn cohesion(&self, gram: &Gram, weighted: u32) -> f64 {
        let rarest = gram[..len(gram)]
            .iter()
            .filter(|k| !self.lex.is_stop_key(**k))
            .map(|k| self.word_counts[k])
            .min()
            .unwrap_or(weighted)
            .max(1);
        (weighted as f64 / rarest as f64).min(1.0)
    }
}

/// Calls `f` with each candidate phrase of `tokens` (two to
/// [`MAX_WORDS`] words, starting and ending on a content word, not across a
/// break) and its byte range in the text.
fn each_gram(tokens: &[super::Token], mut f: impl FnMut(Gram, std::ops::Range<usize>)) {
    for i in 0..tokens.len() {
        if tokens[i].stop {
            continue;
        }
        let mut gram: Gram = [u32::MAX; MAX_WORDS];
        gram[0] = tokens[i].key;
        for n in 2..=MAX_WORDS {
            let Some(last) = tokens.get(i + n - 1) else {
                break;
            };
            if last.breaks {
                break;
            }
            gram[n - 1] = last.key;
            if last.stop {
                continue;
            }
            f(gram, tokens[i].span.start..last.span.end);
        }
    }
}

/// The texts of `doc` that terms count, with their weight: each unit's
/// text (1), then each heading that heads units ([`HEADING_WEIGHT`]).
fn weighted_texts(doc: &ParsedDoc) -> impl Iterator<Item = (&str, u32)> {
    doc.units.iter().map(|u| (u.text.as_str(), 1)).chain(
        section_headings(doc)
            .into_iter()
            .map(|h| (h, HEADING_WEIGHT)),
    )
}

/// The headings that head units, each once per place it occurs: the
/// distinct prefixes of the units' heading paths. Headings of the front
/// matter ("General Assembly", "Draft report") head no unit and are left
/// out with it.
fn section_headings(doc: &ParsedDoc) -> Vec<&str> {
    let mut seen: FxHashSet<&[String]> = FxHashSet::default();
    let mut out = Vec::new();
    for u in &doc.units {
        for k in 0..u.section.len() {
            if seen.insert(&u.section[..=k]) {
                out.push(u.section[k].as_str());
            }
        }
    }
    out
}

/// Dunning's G² for `a` of `n` against `b` of `m`.
pub fn log_likelihood(a: u32, n: usize, b: u32, m: usize) -> f64 {
    let (a, b, n, m) = (a as f64, b as f64, n as f64, m as f64);
    if n == 0.0 || m == 0.0 || a + b == 0.0 {
        return 0.0;
    }
    let e1 = n * (a + b) / (n + m);
    let e2 = m * (a + b) / (n + m);
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

fn len(g: &Gram) -> usize {
    g.iter().take_while(|&&k| k != u32::MAX).count()
}

/// Drops every candidate that a longer candidate contains with the same
/// counts on both sides.
fn drop_subsumed(phrases: &mut FxHashMap<Gram, [Count; 2]>) {
    let mut dropped: Vec<Gram> = Vec::new();
    for (gram, counts) in phrases.iter() {
        let n = len(gram);
        for sub_len in 2..n {
            for start in 0..=n - sub_len {
                let mut sub: Gram = [u32::MAX; MAX_WORDS];
                sub[..sub_len].copy_from_slice(&gram[start..start + sub_len]);
                let same = |c: &[Count; 2]| {
                    (0..2)
                        .all(|s| c[s].seen == counts[s].seen && c[s].weighted == counts[s].weighted)
                };
                if phrases.get(&sub).is_some_and(same) {
                    dropped.push(sub);
                }
            }
        }
    }
    for g in dropped {
        phrases.remove(&g);
    }
}

/// Best first: score, then phrase (ignoring case, then as written).
fn rank(list: &mut [Term]) {
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.phrase.to_lowercase().cmp(&b.phrase.to_lowercase()))
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
}

/// Ranks the phrases of `new` against those of `old`.
pub fn terms(old: &[&ParsedDoc], new: &[&ParsedDoc], opts: &TermsOptions) -> Terms {
    let mut c = Counter::new();
    for d in old {
        c.add_doc(d, 0);
    }
    for d in new {
        c.add_doc(d, 1);
    }
    let mut phrases = std::mem::take(&mut c.phrases);
    drop_subsumed(&mut phrases);
    let (old_n, new_n) = (c.words[0].1, c.words[1].1);
    let mut found: [Vec<(Gram, Term)>; 2] = [Vec::new(), Vec::new()];
    for (gram, [o, n]) in &phrases {
        // Rates compared without division: a/N > b/M  <=>  a*M > b*N.
        let up = n.weighted as u64 * old_n as u64;
        let down = o.weighted as u64 * new_n as u64;
        let (list, grows) = match up.cmp(&down) {
            std::cmp::Ordering::Greater => (&mut found[0], n),
            std::cmp::Ordering::Less => (&mut found[1], o),
            std::cmp::Ordering::Equal => continue,
        };
        if grows.weighted < opts.min_count {
            continue;
        }
        let log_likelihood = log_likelihood(n.weighted, new_n, o.weighted, old_n);
        let cohesion = c.cohesion(gram, n.weighted + o.weighted);
        let term = Term {
            phrase: String::new(),
            new_count: n.seen,
            old_count: o.seen,
            score: log_likelihood * cohesion,
            log_likelihood,
            cohesion,
            in_heading: grows.in_heading,
        };
        list.push((*gram, term));
    }
    // Only the phrases that can make the lists (the top by score, and any
    // tied with the last) need their written forms, which also break ties.
    for list in &mut found {
        list.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        match list.get(opts.top.saturating_sub(1)) {
            _ if opts.top == 0 => list.clear(),
            Some((_, last)) => {
                let cut = last.score;
                list.retain(|(_, t)| t.score >= cut);
            }
            None => {}
        }
    }
    let wanted: FxHashSet<Gram> = found.iter().flatten().map(|(g, _)| *g).collect();
    for d in old.iter().chain(new) {
        c.add_doc_forms(d, &wanted);
    }
    let [mut emerging, mut fading] = found.map(|list| {
        list.into_iter()
            .map(|(g, t)| Term {
                phrase: c.surface(&g),
                ..t
            })
            .collect::<Vec<_>>()
    });
    for list in [&mut emerging, &mut fading] {
        rank(list);
        list.truncate(opts.top);
    }
    let ids = |docs: &[&ParsedDoc]| docs.iter().map(|d| d.meta.id.clone()).collect();
    Terms {
        old_docs: ids(old),
        new_docs: ids(new),
        old_words: c.words[0].0,
        new_words: c.words[1].0,
        emerging,
        fading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::Library;

    fn seeds_terms(old: &str, new: &str, top: usize) -> Terms {
        let lib = Library::new(Corpus::seeds());
        lib.terms(
            old,
            new,
            &TermsOptions {
                top,
                ..TermsOptions::default()
            },
        )
        .unwrap()
    }

    fn phrases(list: &[Term]) -> Vec<String> {
        list.iter().map(|t| t.phrase.to_lowercase()).collect()
    }

    fn grams(text: &str) -> Vec<String> {
        let mut c = Counter::new();
        c.add(text, 1, 1);
        let all: FxHashSet<Gram> = c.phrases.keys().copied().collect();
        c.add_forms(text, &all);
        let mut v: Vec<String> = c.phrases.keys().map(|g| c.surface(g)).collect();
        v.sort();
        v
    }

    #[test]
    fn the_new_vocabulary_of_2025_emerges() {
        let t = seeds_terms("2019", "2025", TermsOptions::default().top);
        let e = phrases(&t.emerging);
        for p in ["triple planetary crisis", "digital age", "people-centred"] {
            assert!(e.contains(&p.to_string()), "{p} missing from {e:?}");
        }
        // Both uses of "lived experience" are "lived experience of crime".
        assert!(
            e.contains(&"lived experience of crime".to_string()),
            "{e:?}"
        );
        let f = phrases(&t.fading);
        for p in ["fourteenth congress", "member states", "doha declaration"] {
            assert!(f.contains(&p.to_string()), "{p} missing from {f:?}");
        }
        assert_eq!(t.old_docs, ["rpm2019"]);
        assert_eq!(t.new_docs, ["rpm2025-item4", "rpm2025-item5b"]);
    }

    #[test]
    fn a_phrase_inside_a_longer_one_with_the_same_counts_is_dropped() {
        let t = seeds_terms("2019", "2025", usize::MAX);
        let e = phrases(&t.emerging);
        assert!(e.contains(&"triple planetary crisis".to_string()));
        for part in ["triple planetary", "planetary crisis", "lived experience"] {
            assert!(!e.contains(&part.to_string()), "{part} kept");
        }
        // Different counts: both stay ("criminal justice system" is in
        // fewer places than "criminal justice").
        let all: Vec<String> = e.iter().chain(&phrases(&t.fading)).cloned().collect();
        assert!(all.contains(&"criminal justice".to_string()), "{all:?}");
        assert!(all.contains(&"criminal justice system".to_string()));
    }

    #[test]
    fn candidates_stop_at_punctuation_and_function_words() {
        assert_eq!(
            grams("crime prevention, criminal justice"),
            ["crime prevention", "criminal justice"]
        );
        // 2-4 words, no function word at either end; one inside is fine.
        assert_eq!(
            grams("the protection of victims of the"),
            ["protection of victims"]
        );
        assert_eq!(
            grams("people-centred justice"),
            [
                "centred justice",
                "people-centred",
                "people-centred justice"
            ]
        );
        assert!(
            grams("a b c d e f").is_empty(),
            "one-letter words never edge a phrase"
        );
    }

    #[test]
    fn inflections_count_as_one_phrase_shown_in_the_commonest_form() {
        let mut c = Counter::new();
        for t in [
            "victims of trafficking",
            "Victims of trafficking",
            "victim of trafficking",
            "victims of trafficking",
        ] {
            c.add(t, 1, 1);
        }
        assert_eq!(c.phrases.len(), 1);
        let (g, counts) = c.phrases.iter().next().map(|(g, n)| (*g, *n)).unwrap();
        assert_eq!(counts[1].seen, 4);
        let wanted = FxHashSet::from_iter([g]);
        for t in [
            "victims of trafficking",
            "Victims of trafficking",
            "victim of trafficking",
            "victims of trafficking",
        ] {
            c.add_forms(t, &wanted);
        }
        assert_eq!(c.surface(&g), "victims of trafficking");
    }

    #[test]
    fn log_likelihood_values() {
        // Same rate on both sides: no evidence either way.
        assert_eq!(log_likelihood(10, 1000, 20, 2000), 0.0);
        // 2 of 2,500 against 0 of 8,000: 2 ln(2 / E), E = 2 * 2500 / 10500.
        let e = 2.0 * 2500.0 / 10500.0;
        assert!((log_likelihood(2, 2500, 0, 8000) - 4.0 * (2.0_f64 / e).ln()).abs() < 1e-9);
        // More evidence, more score.
        assert!(log_likelihood(4, 2500, 0, 8000) > log_likelihood(2, 2500, 0, 8000));
        assert_eq!(log_likelihood(0, 0, 3, 100), 0.0);
    }

    #[test]
    fn loose_word_pairs_rank_below_fixed_phrases() {
        let t = seeds_terms("2019", "2025", usize::MAX);
        let find = |p: &str| t.emerging.iter().find(|x| x.phrase == p).unwrap();
        let (loose, fixed) = (
            find("Speakers highlighted"),
            find("triple planetary crisis"),
        );
        // "Speakers highlighted" is more frequent, but "highlighted" is
        // used in many other ways; "planetary" only in this phrase.
        assert!(loose.log_likelihood > fixed.log_likelihood);
        assert!(loose.cohesion < 0.5 && fixed.cohesion == 1.0);
        assert!(loose.score < fixed.score);
    }

    #[test]
    fn minimum_count_ranking_and_direction() {
        let t = seeds_terms("2019", "2025", usize::MAX);
        for x in &t.emerging {
            assert!(x.new_count >= 2 || x.in_heading, "{x:?}");
            // Direction is decided on heading-weighted counts; without a
            // heading, it is the plain rates' direction.
            if !x.in_heading {
                let (new_rate, old_rate) = (
                    x.new_count as f64 / t.new_words as f64,
                    x.old_count as f64 / t.old_words as f64,
                );
                assert!(new_rate > old_rate * 0.95, "{x:?}");
            }
        }
        for x in &t.fading {
            assert!(x.old_count >= 2 || x.in_heading, "{x:?}");
        }
        for list in [&t.emerging, &t.fading] {
            for w in list.windows(2) {
                assert!(
                    w[0].score > w[1].score
                        || (w[0].score == w[1].score
                            && w[0].phrase.to_lowercase() <= w[1].phrase.to_lowercase()),
                    "{w:?}"
                );
            }
        }
        let top = seeds_terms("2019", "2025", 5);
        assert_eq!(top.emerging.len(), 5);
        assert_eq!(top.emerging[..], t.emerging[..5]);
    }

    #[test]
    fn headings_count_but_front_matter_does_not() {
        let lib = Library::new(Corpus::seeds());
        let doc = lib.doc("rpm2025-item4").unwrap();
        let h = section_headings(doc);
        assert!(h.iter().any(|h| h.contains("in the digital age")), "{h:?}");
        assert!(!h.iter().any(|h| h.contains("General Assembly")), "{h:?}");
        let t = seeds_terms("2019", "2025", usize::MAX);
        let digital = t
            .emerging
            .iter()
            .find(|x| x.phrase == "digital age")
            .unwrap();
        assert!(digital.in_heading && digital.new_count == 1);
    }
}
