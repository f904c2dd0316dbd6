//! The Rust pipeline reproduces sentence-transformers' all-MiniLM-L6-v2:
//! embeddings and cosines of tests/data/minilm-reference.json within its
//! tolerance.

mod common;

use accord::embed::{cosine, PINNED_FILES};
use serde_json::Value;

fn reference() -> Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minilm-reference.json"),
    )
    .expect("tests/data/minilm-reference.json is in the repository");
    serde_json::from_str(&text).expect("the reference file is JSON")
}

fn floats(v: &Value) -> Vec<f32> {
    v.as_array()
        .expect("an array of numbers")
        .iter()
        .map(|x| x.as_f64().expect("a number") as f32)
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<f32>> {
    v.as_array().expect("rows").iter().map(floats).collect()
}

#[test]
fn pinned_hashes_match_the_reference_file() {
    let reference = reference();
    let pins = &reference["files_sha256"];
    for name in ["model.safetensors", "tokenizer.json"] {
        let pinned = PINNED_FILES.iter().find(|f| f.name == name).unwrap();
        assert_eq!(pins[name].as_str(), Some(pinned.sha256), "{name}");
    }
}

/// Checks one set of sentences; returns the largest element and cosine
/// deviations.
fn check_set(set: &Value, cosines: &Value, tolerance: f32) -> (f32, f32) {
    let Some(embedder) = common::embedder("embed_reference") else {
        return (0.0, 0.0);
    };
    let sentences = set.as_array().expect("sentences");
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    let ours = embedder.embed(&texts).unwrap();
    let mut max_element = 0f32;
    for ((s, mine), text) in sentences.iter().zip(&ours).zip(&texts) {
        let expected = floats(&s["embedding"]);
        assert_eq!(mine.len(), expected.len());
        let norm = mine.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5, "norm {norm} for {text:?}");
        for (i, (a, b)) in mine.iter().zip(&expected).enumerate() {
            let d = (a - b).abs();
            assert!(
                d <= tolerance,
                "{text:?}: element {i} is {a}, reference {b} (off by {d}, tolerance {tolerance})"
            );
            max_element = max_element.max(d);
        }
        let agreement = cosine(mine, &expected);
        assert!(
            1.0 - agreement <= tolerance,
            "{text:?}: cosine with the reference {agreement}"
        );
    }
    let mut max_cosine = 0f32;
    for (i, row) in matrix(cosines).iter().enumerate() {
        for (j, &want) in row.iter().enumerate() {
            let got = cosine(&ours[i], &ours[j]);
            let d = (got - want).abs();
            assert!(
                d <= tolerance,
                "cosine({i},{j}) is {got}, reference {want} (tolerance {tolerance})"
            );
            max_cosine = max_cosine.max(d);
        }
    }
    (max_element, max_cosine)
}

#[test]
fn un_sentences_match_the_reference() {
    let reference = reference();
    let tolerance = reference["tolerance"].as_f64().unwrap() as f32;
    let (element, cos) = check_set(&reference["sentences"], &reference["cosine"], tolerance);
    eprintln!("UN sentences: max element deviation {element:.2e}, max cosine deviation {cos:.2e}");
}

#[test]
fn published_example_matches_sentence_transformers() {
    let reference = reference();
    let tolerance = reference["tolerance"].as_f64().unwrap() as f32;
    let check = &reference["published_check"];
    let (element, cos) = check_set(&check["sentences"], &check["cosine"], tolerance);
    eprintln!(
        "published example: max element deviation {element:.2e}, max cosine deviation {cos:.2e}"
    );
}
