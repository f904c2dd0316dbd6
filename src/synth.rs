//! Synthetic corpora for benchmarks and scale tests: an older document of N
//! numbered paragraphs and a newer one made from it by rewording,
//! splitting, merging, reordering, deleting and inserting paragraphs, with
//! the true mapping alongside.
//!
//! Two kinds ([`Kind`]):
//! - [`Kind::Distinctive`]: text mixes real words of the seed documents
//!   with invented words drawn from a large Zipf-distributed vocabulary, so
//!   that most paragraphs have a few distinctive terms.
//! - [`Kind::NearDuplicate`]: paragraphs are spliced from a pool of about a
//!   thousand real sentences of the seeds and edited with real words only,
//!   as in a decade of resolutions that repeat "Recalling its resolution
//!   ..." with small edits. No word is invented: what tells two paragraphs
//!   apart is which sentences they join, in what order, and their edits.
//!
//! Everything is driven by a seeded ChaCha RNG: the same arguments give
//! the same bytes.

use std::fmt::Write as _;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::corpus::{Corpus, Document, Origin as DocOrigin};

/// The kind of corpus to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Real and invented words; most paragraphs carry distinctive terms.
    #[default]
    Distinctive,
    /// Paragraphs spliced from about a thousand real sentences of the
    /// seeds, edited with real words: vocabulary shared throughout.
    NearDuplicate,
}

impl Kind {
    /// The name used on the command line (`accord synth --kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Distinctive => "distinctive",
            Kind::NearDuplicate => "near-duplicate",
        }
    }
}

/// What happened to produce a newer paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Copied unchanged.
    Identical,
    /// Copied with word edits.
    Reworded,
    /// One half of an older paragraph.
    Split,
    /// Two older paragraphs joined.
    Merged,
    /// Written fresh.
    Inserted,
}

impl Origin {
    /// Name used in the truth file.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Identical => "identical",
            Origin::Reworded => "reworded",
            Origin::Split => "split",
            Origin::Merged => "merged",
            Origin::Inserted => "inserted",
        }
    }
}

/// A generated pair of documents.
#[derive(Debug, Clone)]
pub struct SynthPair {
    /// The older document (Markdown with front matter, id `old`).
    pub old: String,
    /// The newer document (id `new`).
    pub new: String,
    /// For each newer paragraph (1-based, in order): its origin and the
    /// older paragraph numbers it derives from.
    pub truth: Vec<(Origin, Vec<u32>)>,
}

impl SynthPair {
    /// The true links as (older paragraph, newer paragraph) pairs.
    pub fn true_links(&self) -> Vec<(u32, u32)> {
        let mut v = Vec::new();
        for (i, (_, olds)) in self.truth.iter().enumerate() {
            for &o in olds {
                v.push((o, i as u32 + 1));
            }
        }
        v
    }

    /// Precision, recall and F1 of a one-to-one backbone, given as
    /// (older paragraph, newer paragraph) pairs.
    ///
    /// A link is correct when the truth derives the newer paragraph from
    /// that older one. Recall is over the most a one-to-one backbone can
    /// get right: one per newer paragraph copied or reworded, one per older
    /// paragraph split in two (only one half can take it), one per merged
    /// paragraph.
    pub fn backbone_quality(&self, links: &[(u32, u32)]) -> Quality {
        let truth: std::collections::HashSet<(u32, u32)> = self.true_links().into_iter().collect();
        let mut split = std::collections::HashSet::new();
        let attainable = self
            .truth
            .iter()
            .filter(|(origin, olds)| match origin {
                Origin::Identical | Origin::Reworded | Origin::Merged => true,
                Origin::Split => split.insert(olds[0]),
                Origin::Inserted => false,
            })
            .count();
        let hits = links.iter().filter(|l| truth.contains(l)).count();
        Quality::new(hits, links.len(), attainable)
    }

    /// The two documents as a library (ids `old` and `new`), parsed.
    pub fn library(&self) -> crate::Library {
        let mut corpus = Corpus::new();
        for (id, text) in [("old", &self.old), ("new", &self.new)] {
            let doc = Document::from_text(id, &format!("{id}.md"), text, DocOrigin::Stdin)
                .expect("generated documents are valid");
            corpus.add(doc).expect("distinct ids");
        }
        crate::Library::new(corpus)
    }

    /// The truth as TSV: `new<TAB>origin<TAB>old,old`.
    pub fn truth_tsv(&self) -> String {
        let mut s = String::from("new\torigin\told\n");
        for (i, (origin, olds)) in self.truth.iter().enumerate() {
            let olds: Vec<String> = olds.iter().map(|o| format!("old:{o}")).collect();
            let _ = writeln!(s, "new:{}\t{}\t{}", i + 1, origin.as_str(), olds.join(","));
        }
        s
    }
}

/// A stand-in sentence vector for `text` ([`DIMENSION`](crate::embed::DIMENSION)
/// long, unit length): the normalised sum of pseudo-random vectors of its
/// lower-cased words, so that texts sharing words are near each other. NOT
/// the model's vector: for timing the paraphrase path and testing it
/// without the model, never for measuring quality.
pub fn stand_in_vector(text: &str) -> Vec<f32> {
    let dim = crate::embed::DIMENSION;
    let mut sum = vec![0f32; dim];
    for w in text.split_whitespace() {
        // FNV-1a of the word seeds its vector.
        let seed = w
            .to_lowercase()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for s in &mut sum {
            *s += rng.random_range(-1.0f32..1.0);
        }
    }
    let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    sum.into_iter().map(|x| x / norm).collect()
}

/// Precision, recall and F1 of links against a truth, each in 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// Correct links over links made (1 when none were made).
    pub precision: f64,
    /// Correct links over the links that could be right.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Quality {
    /// From `hits` correct links of `made`, with `possible` to find.
    pub fn new(hits: usize, made: usize, possible: usize) -> Quality {
        let precision = if made == 0 {
            1.0
        } else {
            hits as f64 / made as f64
        };
        let recall = if possible == 0 {
            1.0
        } else {
            hits as f64 / possible as f64
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Quality {
            precision,
            recall,
            f1,
        }
    }
}

struct Vocab {
    real: Vec<String>,
    invented: Vec<String>,
}

impl Vocab {
    fn new(rng: &mut ChaCha8Rng, invented: usize) -> Vocab {
        let mut real: Vec<String> = Corpus::seeds()
            .documents()
            .iter()
            .flat_map(|d| {
                d.body
                    .split(|c: char| !c.is_alphabetic())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| w.len() > 2)
            .collect();
        real.sort();
        real.dedup();
        const SYL: [&str; 24] = [
            "ka", "lo", "mi", "ran", "tu", "ver", "sol", "an", "de", "pri", "qua", "mon", "zel",
            "tor", "ix", "bra", "nu", "ges", "hal", "or", "fen", "ti", "ul", "par",
        ];
        let invented = (0..invented)
            .map(|_| {
                let n = rng.random_range(2..=4);
                (0..n)
                    .map(|_| SYL[rng.random_range(0..SYL.len())])
                    .collect::<String>()
            })
            .collect();
        Vocab { real, invented }
    }

    /// A Zipf-like draw: index ~ n * u^3 favours the head of the list.
    fn zipf<'a>(rng: &mut ChaCha8Rng, list: &'a [String]) -> &'a str {
        let u: f64 = rng.random();
        &list[((u * u * u) * list.len() as f64) as usize % list.len()]
    }

    fn word(&self, rng: &mut ChaCha8Rng) -> String {
        if rng.random_bool(0.6) {
            Self::zipf(rng, &self.real).to_string()
        } else {
            Self::zipf(rng, &self.invented).to_string()
        }
    }

    fn paragraph(&self, rng: &mut ChaCha8Rng) -> Vec<String> {
        let n = rng.random_range(25..70);
        (0..n).map(|_| self.word(rng)).collect()
    }
}

fn render(words: &[String]) -> String {
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s.replace_range(..1, &first.to_uppercase());
    }
    s.push('.');
    s
}

/// Edits about `rate` of the words: a word substituted (`substitute`),
/// made plural, deleted, or followed by inserted words (`insert`), each as
/// often; a paragraph left empty gets one substituted word.
fn edit_words(
    words: &[String],
    rng: &mut ChaCha8Rng,
    rate: f64,
    substitute: impl Fn(&mut ChaCha8Rng) -> String,
    insert: impl Fn(&mut ChaCha8Rng) -> Vec<String>,
) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 8);
    for w in words {
        if !rng.random_bool(rate) {
            out.push(w.clone());
            continue;
        }
        match rng.random_range(0..4) {
            0 => out.push(substitute(rng)),
            1 => {
                // Before any punctuation the word carries.
                let (bare, tail) = w.split_at(w.trim_end_matches(['.', ',', ';']).len());
                out.push(format!("{bare}s{tail}"));
            }
            2 => {}
            _ => {
                out.push(w.clone());
                out.extend(insert(rng));
            }
        }
    }
    if out.is_empty() {
        out.push(substitute(rng));
    }
    out
}

fn document(id: &str, paras: &[String]) -> String {
    let mut s = format!(
        "---\nid: {id}\nyear: {}\n---\n",
        if id == "old" { 2019 } else { 2025 }
    );
    for (i, p) in paras.iter().enumerate() {
        if i % 50 == 0 {
            let _ = write!(s, "\n## Section {}\n", i / 50 + 1);
        }
        let _ = write!(s, "\n{}. {p}\n", i + 1);
    }
    s
}

/// Generates an older document of `units` paragraphs and a newer one of
/// about 1.12 times as many, of the [`Kind::Distinctive`] kind.
pub fn generate(units: usize, seed: u64) -> SynthPair {
    generate_kind(Kind::Distinctive, units, seed)
}

/// Generates an older document of `units` paragraphs and a newer one of
/// about 1.12 times as many, of the given kind.
pub fn generate_kind(kind: Kind, units: usize, seed: u64) -> SynthPair {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    match kind {
        Kind::Distinctive => {
            let vocab = Vocab::new(&mut rng, (units * 2).clamp(5_000, 200_000));
            derive(&vocab, units, &mut rng)
        }
        Kind::NearDuplicate => {
            let pool = Pool::new(&mut rng, POOL_SENTENCES);
            derive(&pool, units, &mut rng)
        }
    }
}

/// How paragraphs are written and edited, per kind.
trait Source {
    /// A fresh paragraph, as words.
    fn paragraph(&self, rng: &mut ChaCha8Rng) -> Vec<String>;
    /// Edits about `rate` of the words.
    fn reword(&self, words: &[String], rng: &mut ChaCha8Rng, rate: f64) -> Vec<String>;
    /// The paragraph's text.
    fn render(&self, words: &[String]) -> String;
}

impl Source for Vocab {
    fn paragraph(&self, rng: &mut ChaCha8Rng) -> Vec<String> {
        Vocab::paragraph(self, rng)
    }
    /// Substitutions, plurals, deletions and inserted clauses of two to
    /// four words.
    fn reword(&self, words: &[String], rng: &mut ChaCha8Rng, rate: f64) -> Vec<String> {
        edit_words(
            words,
            rng,
            rate,
            |rng| self.word(rng),
            |rng| {
                (0..rng.random_range(2..5))
                    .map(|_| self.word(rng))
                    .collect()
            },
        )
    }
    fn render(&self, words: &[String]) -> String {
        render(words)
    }
}

/// Sentences in the pool of the near-duplicate kind ("about a thousand
/// real sentences", as in the corpus issue 17 was measured on).
const POOL_SENTENCES: usize = 1_000;

/// The near-duplicate kind's material: real sentences of the seeds, each
/// as words with their punctuation attached.
struct Pool {
    sentences: Vec<Vec<String>>,
}

impl Pool {
    /// Up to `size` distinct sentences of 6 to 60 words from the
    /// substantive units of the seeds, chosen by `rng`. Sentences that the
    /// parser would read as structure (brackets, list markers, a leading
    /// number) or as a record of proceedings ("On 6 December ...") are
    /// left out, so that every generated paragraph is one unit of
    /// substance.
    fn new(rng: &mut ChaCha8Rng, size: usize) -> Pool {
        use unicode_segmentation::UnicodeSegmentation;
        let lib = crate::Library::new(Corpus::seeds());
        let mut sentences: Vec<Vec<String>> = lib
            .all_units()
            .into_iter()
            .filter(|u| !u.role.is_procedural() && !u.role.is_boilerplate())
            .flat_map(|u| u.text.unicode_sentences().collect::<Vec<_>>())
            .filter(|s| {
                s.starts_with(|c: char| c.is_uppercase())
                    && !s.starts_with("On ")
                    && s.chars().all(|c| {
                        c.is_alphanumeric() || c.is_whitespace() || ",.;:'’-–—/".contains(c)
                    })
            })
            .map(|s| s.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .filter(|w| (6..=60).contains(&w.len()))
            .collect();
        sentences.sort();
        sentences.dedup();
        sentences.shuffle(rng);
        sentences.truncate(size);
        Pool { sentences }
    }

    /// A sentence, some far more often than others (index ~ n·u², as
    /// boilerplate recurs in real collections).
    fn sentence(&self, rng: &mut ChaCha8Rng) -> &[String] {
        let u: f64 = rng.random();
        &self.sentences[((u * u) * self.sentences.len() as f64) as usize % self.sentences.len()]
    }

    /// A real word, drawn as often as it occurs in the pool.
    fn word(&self, rng: &mut ChaCha8Rng) -> String {
        let s = self.sentence(rng);
        let w = &s[rng.random_range(0..s.len())];
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    }

    /// A run of two to five consecutive words of a pool sentence.
    fn phrase(&self, rng: &mut ChaCha8Rng) -> Vec<String> {
        let s = self.sentence(rng);
        let n = rng.random_range(2..=5).min(s.len());
        let at = rng.random_range(0..=s.len() - n);
        s[at..at + n]
            .iter()
            .map(|w| w.trim_end_matches(['.', ';', ':']).to_string())
            .collect()
    }
}

impl Source for Pool {
    /// One to four pool sentences, joined, with at least one word
    /// substituted so that no two older paragraphs are bound to be equal.
    fn paragraph(&self, rng: &mut ChaCha8Rng) -> Vec<String> {
        let n = match rng.random_range(0..100) {
            0..15 => 1,
            15..55 => 2,
            55..85 => 3,
            _ => 4,
        };
        let mut words: Vec<String> = Vec::new();
        for _ in 0..n {
            words.extend(self.sentence(rng).iter().cloned());
        }
        let edits = (words.len() / 25).max(1);
        for _ in 0..edits {
            let at = rng.random_range(0..words.len());
            let w = self.word(rng);
            if !w.is_empty() {
                words[at] = w;
            }
        }
        words
    }

    /// Substitutions with real words, plurals, deletions and inserted
    /// phrases at about `rate` of the words; then, one time in three, a
    /// local reordering (two adjacent sentences, or the two halves of a
    /// sentence at a comma, change places).
    fn reword(&self, words: &[String], rng: &mut ChaCha8Rng, rate: f64) -> Vec<String> {
        let mut out = edit_words(
            words,
            rng,
            rate,
            |rng| self.word(rng),
            |rng| self.phrase(rng),
        );
        if rng.random_bool(1.0 / 3.0) {
            let ends: Vec<usize> = (0..out.len())
                .filter(|&i| out[i].ends_with(['.', ',', ';']) && i + 1 < out.len())
                .collect();
            if let Some(&cut) = ends.get(rng.random_range(0..ends.len().max(1))) {
                out.rotate_left(cut + 1);
            }
        }
        out
    }

    fn render(&self, words: &[String]) -> String {
        let mut s = words.join(" ");
        while s.ends_with([',', ';', ':', '.']) {
            s.pop();
        }
        if let Some(first) = s.chars().next() {
            let upper: String = first.to_uppercase().collect();
            s.replace_range(..first.len_utf8(), &upper);
        }
        s.push('.');
        s
    }
}

/// The older paragraphs and the newer ones derived from them.
fn derive(source: &dyn Source, units: usize, rng: &mut ChaCha8Rng) -> SynthPair {
    let old: Vec<Vec<String>> = (0..units).map(|_| source.paragraph(rng)).collect();
    let mut new: Vec<(Vec<String>, Origin, Vec<u32>)> = Vec::with_capacity(units * 9 / 8);
    let mut i = 0;
    while i < units {
        let o = i as u32 + 1;
        let r: f64 = rng.random();
        if r < 0.30 {
            new.push((old[i].clone(), Origin::Identical, vec![o]));
        } else if r < 0.65 {
            let rate = rng.random_range(0.05..0.25);
            new.push((source.reword(&old[i], rng, rate), Origin::Reworded, vec![o]));
        } else if r < 0.75 {
            let mid = old[i].len() / 2;
            let (a, b) = old[i].split_at(mid);
            new.push((source.reword(a, rng, 0.05), Origin::Split, vec![o]));
            new.push((source.reword(b, rng, 0.05), Origin::Split, vec![o]));
        } else if r < 0.82 && i + 1 < units {
            let mut joined = old[i].clone();
            joined.extend(old[i + 1].iter().cloned());
            new.push((
                source.reword(&joined, rng, 0.05),
                Origin::Merged,
                vec![o, o + 1],
            ));
            i += 1;
        } else if r < 0.90 {
            // deleted
        } else {
            new.push((source.reword(&old[i], rng, 0.1), Origin::Reworded, vec![o]));
        }
        if rng.random_bool(0.17) {
            new.push((source.paragraph(rng), Origin::Inserted, vec![]));
        }
        i += 1;
    }
    // Reorder: move about 5% of paragraphs far away.
    for _ in 0..new.len() / 20 {
        let from = rng.random_range(0..new.len());
        let item = new.remove(from);
        let to = rng.random_range(0..=new.len());
        new.insert(to, item);
    }
    // And shuffle a few short runs locally.
    for chunk in new.chunks_mut(97) {
        if rng.random_bool(0.1) {
            let n = chunk.len().min(4);
            chunk[..n].shuffle(rng);
        }
    }
    let old_text: Vec<String> = old.iter().map(|w| source.render(w)).collect();
    let new_text: Vec<String> = new.iter().map(|(w, ..)| source.render(w)).collect();
    SynthPair {
        old: document("old", &old_text),
        new: document("new", &new_text),
        truth: new.into_iter().map(|(_, o, v)| (o, v)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_the_truth_covers_every_paragraph() {
        let a = generate(300, 7);
        let b = generate(300, 7);
        assert_eq!(a.old, b.old);
        assert_eq!(a.new, b.new);
        let paras = a
            .new
            .lines()
            .filter(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            })
            .count();
        assert_eq!(paras, a.truth.len());
        assert!(
            a.truth.len() > 300 && a.truth.len() < 400,
            "{}",
            a.truth.len()
        );
        assert!(a.truth.iter().any(|(o, _)| *o == Origin::Merged));
        assert_ne!(generate(300, 8).new, a.new);
    }

    /// Words of a text, lower-cased, without punctuation.
    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    #[test]
    fn near_duplicates_are_one_unit_each_of_real_words_only() {
        let a = generate_kind(Kind::NearDuplicate, 400, 7);
        assert_eq!(a.new, generate_kind(Kind::NearDuplicate, 400, 7).new);
        let lib = a.library();
        let old = lib.side_units("old").unwrap();
        let new = lib.side_units("new").unwrap();
        assert_eq!(old.len(), 400);
        assert_eq!(new.len(), a.truth.len());
        for (i, u) in new.iter().enumerate() {
            assert_eq!(u.id.to_string(), format!("new:{}", i + 1));
            assert!(!u.role.is_procedural(), "{}: {}", u.id, u.text);
        }
        // No invented word: every word is a word of the seeds, or one with
        // a plural "s" added by an edit.
        let seeds: std::collections::HashSet<String> = Corpus::seeds()
            .documents()
            .iter()
            .flat_map(|d| words(&d.body))
            .collect();
        for u in old.iter().chain(&new) {
            for w in words(&u.text) {
                let known =
                    seeds.contains(&w) || w.strip_suffix('s').is_some_and(|b| seeds.contains(b));
                assert!(known, "{w:?} in {}", u.id);
            }
        }
        // Vocabulary is shared: the most common tenth of the words of the
        // older side covers most of its text.
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for u in &old {
            for w in words(&u.text) {
                *counts.entry(w).or_default() += 1;
            }
        }
        let mut c: Vec<usize> = counts.values().copied().collect();
        c.sort_unstable_by(|a, b| b.cmp(a));
        let head: usize = c[..c.len() / 10].iter().sum();
        assert!(head * 10 > c.iter().sum::<usize>() * 6, "{head}");
    }
}
