//! Alignment quality above the size where every shared word proposes
//! candidates (`align::index::EXHAUSTIVE_UP_TO`), on the generator's
//! near-duplicate kind: paragraphs spliced from real sentences of the
//! seeds, where vocabulary is shared throughout.

mod common;

use accord::align::{AlignOptions, Relation, Scope};
use accord::synth::{generate_kind, Kind};
use assert_cmd::Command;

/// Older paragraphs: above `EXHAUSTIVE_UP_TO` (5,000), so candidates come
/// from the budgeted search.
const UNITS: usize = 6_000;

#[test]
fn near_duplicate_backbone_finds_the_true_precedent() {
    let pair = generate_kind(Kind::NearDuplicate, UNITS, 5);
    let lib = pair.library();
    let old = lib.side_units("old").unwrap();
    let new = lib.side_units("new").unwrap();
    let al = Scope::new(lib.all_units()).align(&old, &new, &AlignOptions::default());
    let backbone: Vec<(u32, u32)> = al
        .links
        .iter()
        .filter(|l| l.relation != Relation::Related)
        .map(|l| (l.old.path.para, l.new.path.para))
        .collect();
    let q = pair.backbone_quality(&backbone);
    // Measured 0.92 (examples/scale.rs); before word pairs were indexed and
    // second choices bounded, 0.86 at 10,000 units.
    assert!(q.f1 >= 0.90, "{q:?}");
    assert!(q.precision >= 0.88 && q.recall >= 0.90, "{q:?}");
}

/// The same bytes with 1 or 4 threads, on wording alone and with
/// paraphrase matching (the inverted file of `align::neighbours` included:
/// stand-in vectors in a cache of the test's own, so no model is needed).
#[test]
fn near_duplicates_align_to_the_same_bytes_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let pair = generate_kind(Kind::NearDuplicate, UNITS, 9);
    std::fs::write(dir.path().join("old.md"), &pair.old).unwrap();
    std::fs::write(dir.path().join("new.md"), &pair.new).unwrap();
    let lib = pair.library();
    let model_id = accord::embed::Semantic::without_model(None).model_id();
    let (mut vectors, _) =
        accord::embed::EmbeddingCache::open(&cache.path().join("accord"), model_id);
    for u in lib.all_units() {
        vectors
            .insert(&u.text, accord::synth::stand_in_vector(&u.text))
            .unwrap();
    }
    vectors.save().unwrap();
    let run = |threads: &str, lexical: bool| {
        let mut c = Command::cargo_bin("accord").unwrap();
        c.env_remove("ACCORD_LEXICAL_ONLY")
            .env_remove("ACCORD_MODEL")
            .env("XDG_CACHE_HOME", cache.path())
            .env("RAYON_NUM_THREADS", threads)
            .args(["--no-seeds", "--corpus"])
            .arg(dir.path());
        if lexical {
            c.arg("--lexical-only");
        }
        c.args(["align", "old", "new", "--format", "json"]);
        common::output_with_status(&mut c, 0).stdout
    };
    for lexical in [true, false] {
        let (one, many) = (run("1", lexical), run("4", lexical));
        assert!(one.len() > 100_000);
        assert_eq!(one, many, "lexical only: {lexical}");
        // Paraphrase matching was on (every unit had a cached vector).
        let semantic = String::from_utf8(one).unwrap().contains("\"semantic\":");
        assert_eq!(semantic, !lexical);
    }
}

/// Above `neighbours::EXACT_UP_TO` older units, a newer unit that shares
/// no word with any of them still finds its precedent by meaning: the
/// approximate-nearest-neighbour graph proposes it.
#[test]
fn above_the_exact_size_a_paraphrase_is_found_through_the_graph() {
    use accord::corpus::{Corpus, Document, Origin};
    use rand::{Rng, SeedableRng};

    let pair = generate_kind(Kind::NearDuplicate, UNITS, 5);
    let mut corpus = Corpus::new();
    let restated = "---\nid: restated\nyear: 2026\n---\n\n1. Zorblat quenvish taddermoor plinx.\n\n2. Vrask ulmendor fripple snee.\n";
    for (id, text) in [("old", pair.old.as_str()), ("restated", restated)] {
        let doc = Document::from_text(id, &format!("{id}.md"), text, Origin::Stdin).unwrap();
        corpus.add(doc).unwrap();
    }
    let lib = accord::Library::new(corpus);
    let old = lib.side_units("old").unwrap();
    let new = lib.side_units("restated").unwrap();
    // Stand-in vectors: random (unrelated) for every unit, except that
    // restated:1 has the vector of old:4321.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let mut random = || -> Vec<f32> {
        let v: Vec<f32> = (0..64).map(|_| rng.random_range(-1.0f32..1.0)).collect();
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.into_iter().map(|x| x / n).collect()
    };
    let mut vectors: Vec<Vec<f32>> = old.iter().map(|_| random()).collect();
    let target = old
        .iter()
        .position(|u| u.id.to_string() == "old:4321")
        .unwrap();
    vectors.push(vectors[target].clone());
    vectors.push(random());
    let units: Vec<_> = old.iter().chain(&new).copied().collect();
    let mut scope = Scope::new(lib.all_units());
    scope.set_vectors(&units, vectors);
    let al = scope.align(&old, &new, &AlignOptions::default());
    let links: Vec<String> = al
        .links
        .iter()
        .map(|l| format!("{} {}", l.old, l.new))
        .collect();
    assert_eq!(links, ["old:4321 restated:1"], "{:?}", al.links);
}
