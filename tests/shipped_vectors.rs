//! The vectors shipped for the built-in documents (`seeds/vectors.bin`):
//! present for every unit, made by the pinned model, and giving the same
//! links whether or not the model is installed.
//!
//! A seed edited without re-running `cargo run --release --example
//! ship_vectors` fails the first test; a change of model, the second (in
//! CI, where the model is always installed) and the file's own check.

mod common;

use accord::align::AlignOptions;
use accord::corpus::Corpus;
use accord::embed::{cosine, Semantic, ShippedVectors, DIMENSION, SHIP_COMMAND};
use accord::Library;

/// Largest difference allowed between a shipped component and the model's:
/// half precision rounds a value below 1 by at most 2^-12 (0.000244), plus
/// a margin for the last bits of f32 arithmetic.
const COMPONENT_TOLERANCE: f32 = 0.00025;

/// Least cosine between a shipped vector and the model's own.
const COSINE_TOLERANCE: f32 = 0.99999;

fn seed_texts(lib: &Library) -> Vec<&str> {
    let mut texts: Vec<&str> = lib.all_units().iter().map(|u| u.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    texts
}

#[test]
fn every_built_in_unit_has_a_shipped_vector_and_nothing_else_is_shipped() {
    let shipped = ShippedVectors::builtin().unwrap_or_else(|e| panic!("{e}"));
    let lib = Library::new(Corpus::seeds());
    let texts = seed_texts(&lib);
    let missing: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| !shipped.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "{} built-in units have no shipped vector (a seed changed): run `{SHIP_COMMAND}`; first: {:?}",
        missing.len(),
        missing.first()
    );
    assert_eq!(
        shipped.len(),
        texts.len(),
        "the shipped file holds vectors of texts no unit has: run `{SHIP_COMMAND}`"
    );
    for t in &texts {
        let v = shipped.get(t).unwrap();
        assert_eq!(v.len(), DIMENSION);
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 0.001, "norm {norm}");
    }
}

#[test]
fn the_shipped_vectors_are_what_the_pinned_model_makes() {
    let Some(embedder) = common::embedder("the_shipped_vectors_are_what_the_pinned_model_makes")
    else {
        return;
    };
    let shipped = ShippedVectors::builtin().unwrap_or_else(|e| panic!("{e}"));
    let lib = Library::new(Corpus::seeds());
    let texts = seed_texts(&lib);
    let made = embedder.embed(&texts).unwrap();
    let (mut worst_component, mut worst_cosine) = (0f32, 1f32);
    for (t, v) in texts.iter().zip(&made) {
        let s = shipped.get(t).expect("every unit has a vector");
        for (a, b) in s.iter().zip(v) {
            worst_component = worst_component.max((a - b).abs());
        }
        worst_cosine = worst_cosine.min(cosine(s, v));
    }
    eprintln!(
        "{} vectors: largest component difference {worst_component:.2e}, least cosine {worst_cosine:.7}",
        texts.len()
    );
    assert!(
        worst_component <= COMPONENT_TOLERANCE && worst_cosine >= COSINE_TOLERANCE,
        "the shipped vectors are not the model's (component {worst_component:.2e}, cosine {worst_cosine}): run `{SHIP_COMMAND}`"
    );
}

#[test]
fn the_seeds_give_the_same_links_without_the_model_as_with_it() {
    let opts = AlignOptions::default();
    let without = Library::new(Corpus::seeds()).with_semantic(Semantic::without_model(None));
    let links = |lib: &Library| {
        let al = lib.align("2019", "2025", &opts).unwrap();
        assert_eq!(al.semantic_weight, Some(opts.semantic_weight));
        al.links
            .iter()
            .map(|l| format!("{} {} {} {:.3}", l.old, l.new, l.relation.as_str(), l.score))
            .collect::<Vec<_>>()
    };
    let shipped_only = links(&without);
    let notes = without.take_notices();
    assert!(
        !notes
            .iter()
            .any(|n| n.contains("vector") || n.contains("wording alone")),
        "no note about vectors for the seeds: {notes:?}"
    );
    // Meaning is in the scores: the wording-alone links differ.
    let wording = links_wording();
    assert_ne!(shipped_only, wording);
    let Some(model) =
        common::model_dir("the_seeds_give_the_same_links_without_the_model_as_with_it")
    else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let with = Library::new(Corpus::seeds())
        .with_semantic(Semantic::new(&model, Some(cache.path().to_path_buf())).unwrap());
    assert_eq!(shipped_only, links(&with));
}

fn links_wording() -> Vec<String> {
    let lib = Library::new(Corpus::seeds());
    lib.align("2019", "2025", &AlignOptions::default())
        .unwrap()
        .links
        .iter()
        .map(|l| format!("{} {} {} {:.3}", l.old, l.new, l.relation.as_str(), l.score))
        .collect()
}

#[test]
fn without_the_model_a_users_document_is_matched_on_wording_and_the_note_says_so() {
    let doc = accord::corpus::Document::from_text(
        "mine",
        "mine.md",
        "1. Strengthen the role of the Commission on Crime Prevention and Criminal Justice as a platform for global discussions.\n",
        accord::corpus::Origin::Stdin,
    )
    .unwrap();
    let mut corpus = Corpus::seeds();
    corpus.add(doc).unwrap();
    let lib = Library::new(corpus).with_semantic(Semantic::without_model(None));
    let al = lib.align("2019", "mine", &AlignOptions::default()).unwrap();
    let link = al.links.first().expect("the paragraph has a precedent");
    assert!(link.parts.semantic.is_none(), "no vector without the model");
    // The 2019 units have theirs: only the user's paragraph goes without,
    // and a memo or written review says so.
    assert_eq!(al.wording_only, 1);
    assert!(
        accord::report::written::matching_sentence(al.semantic_weight, al.wording_only)
            .contains("except for 1 unit with no sentence embedding")
    );
    let notes = lib.take_notices().join("\n");
    assert!(
        notes.contains("1 units of your documents are matched on wording alone")
            && notes.contains("fetch-model.sh"),
        "{notes}"
    );
}
