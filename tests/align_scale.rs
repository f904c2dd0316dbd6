//! Alignment quality above the size where every shared word proposes
//! candidates (`align::index::EXHAUSTIVE_UP_TO`), on the generator's
//! near-duplicate kind: paragraphs spliced from real sentences of the
//! seeds, where vocabulary is shared throughout.

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

#[test]
fn near_duplicates_align_to_the_same_bytes_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let pair = generate_kind(Kind::NearDuplicate, UNITS, 9);
    std::fs::write(dir.path().join("old.md"), &pair.old).unwrap();
    std::fs::write(dir.path().join("new.md"), &pair.new).unwrap();
    let run = |threads: &str| {
        Command::cargo_bin("accord")
            .unwrap()
            .args(["--no-seeds", "--corpus"])
            .arg(dir.path())
            .args(["align", "old", "new", "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let (one, many) = (run("1"), run("4"));
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert!(one.stdout.len() > 100_000);
    assert_eq!(one.stdout, many.stdout);
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
