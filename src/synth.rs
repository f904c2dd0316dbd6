//! Synthetic corpora for benchmarks and scale tests: an older document of N
//! numbered paragraphs and a newer one made from it by rewording,
//! splitting, merging, reordering, deleting and inserting paragraphs, with
//! the true mapping alongside.
//!
//! Text mixes real words of the seed documents (so features behave as on
//! real reports) with invented words drawn from a large Zipf-distributed
//! vocabulary (so that, as in a real large corpus, most paragraphs have a
//! few distinctive terms). Everything is driven by a seeded ChaCha RNG:
//! the same arguments give the same bytes.

use std::fmt::Write as _;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::corpus::{Corpus, Document, Origin as DocOrigin};

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

/// Edits about `rate` of the words: substitutions, inflections, deletions
/// and inserted clauses.
fn reword(words: &[String], vocab: &Vocab, rng: &mut ChaCha8Rng, rate: f64) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 8);
    for w in words {
        if !rng.random_bool(rate) {
            out.push(w.clone());
            continue;
        }
        match rng.random_range(0..4) {
            0 => out.push(vocab.word(rng)),
            1 => out.push(format!("{w}s")),
            2 => {}
            _ => {
                out.push(w.clone());
                out.extend((0..rng.random_range(2..5)).map(|_| vocab.word(rng)));
            }
        }
    }
    if out.is_empty() {
        out.push(vocab.word(rng));
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
/// about 1.12 times as many.
pub fn generate(units: usize, seed: u64) -> SynthPair {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let vocab = Vocab::new(&mut rng, (units * 2).clamp(5_000, 200_000));
    let old: Vec<Vec<String>> = (0..units).map(|_| vocab.paragraph(&mut rng)).collect();
    let mut new: Vec<(Vec<String>, Origin, Vec<u32>)> = Vec::with_capacity(units * 9 / 8);
    let mut i = 0;
    while i < units {
        let o = i as u32 + 1;
        let r: f64 = rng.random();
        if r < 0.30 {
            new.push((old[i].clone(), Origin::Identical, vec![o]));
        } else if r < 0.65 {
            let rate = rng.random_range(0.05..0.25);
            new.push((
                reword(&old[i], &vocab, &mut rng, rate),
                Origin::Reworded,
                vec![o],
            ));
        } else if r < 0.75 {
            let mid = old[i].len() / 2;
            let (a, b) = old[i].split_at(mid);
            new.push((reword(a, &vocab, &mut rng, 0.05), Origin::Split, vec![o]));
            new.push((reword(b, &vocab, &mut rng, 0.05), Origin::Split, vec![o]));
        } else if r < 0.82 && i + 1 < units {
            let mut joined = old[i].clone();
            joined.extend(old[i + 1].iter().cloned());
            new.push((
                reword(&joined, &vocab, &mut rng, 0.05),
                Origin::Merged,
                vec![o, o + 1],
            ));
            i += 1;
        } else if r < 0.90 {
            // deleted
        } else {
            new.push((
                reword(&old[i], &vocab, &mut rng, 0.1),
                Origin::Reworded,
                vec![o],
            ));
        }
        if rng.random_bool(0.17) {
            new.push((vocab.paragraph(&mut rng), Origin::Inserted, vec![]));
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
            chunk[..n].shuffle(&mut rng);
        }
    }
    let old_text: Vec<String> = old.iter().map(|w| render(w)).collect();
    let new_text: Vec<String> = new.iter().map(|(w, ..)| render(w)).collect();
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
}
