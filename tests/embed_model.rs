//! The embedding stage with the real model: refusing damaged files,
//! determinism across batch compositions and thread counts, truncation, and
//! the cache in front of the model.

mod common;

use std::path::Path;
use std::process::Command;

use accord::embed::{embed_cached, EmbedError, Embedder, EmbeddingCache, DIMENSION, MAX_TOKENS};
use common::bits;

/// Copies the model folder (the files `load` reads) into a fresh temp dir.
fn copy_model(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["model.safetensors", "tokenizer.json", "config.json"] {
        if from.join(name).is_file() {
            std::fs::copy(from.join(name), dir.path().join(name)).unwrap();
        }
    }
    dir
}

fn expect_refused(dir: &Path, file: &str) {
    let err = Embedder::load(dir).expect_err("a damaged file is refused");
    match &err {
        EmbedError::Tampered { file: f, .. } => assert_eq!(*f, file),
        other => panic!("expected Tampered for {file}, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains(file), "{msg}");
    assert!(msg.contains("scripts/fetch-model.sh"), "{msg}");
}

#[test]
fn damaged_model_files_are_refused() {
    let Some(model) = common::model_dir("damaged_model_files_are_refused") else {
        return;
    };

    // One flipped bit in the middle of the weights.
    let dir = copy_model(&model);
    let path = dir.path().join("model.safetensors");
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    expect_refused(dir.path(), "model.safetensors");

    // Truncated weights.
    bytes[middle] ^= 0x01;
    std::fs::write(&path, &bytes[..bytes.len() - 4096]).unwrap();
    expect_refused(dir.path(), "model.safetensors");

    // A truncated tokenizer.
    let dir = copy_model(&model);
    let path = dir.path().join("tokenizer.json");
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    expect_refused(dir.path(), "tokenizer.json");

    // An edited configuration.
    let dir = copy_model(&model);
    let path = dir.path().join("config.json");
    if path.is_file() {
        let config = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            config.replace("\"num_hidden_layers\": 6", "\"num_hidden_layers\": 5"),
        )
        .unwrap();
        expect_refused(dir.path(), "config.json");
    }

    // A missing tokenizer.
    let dir = copy_model(&model);
    std::fs::remove_file(dir.path().join("tokenizer.json")).unwrap();
    assert!(matches!(
        Embedder::load(dir.path()),
        Err(EmbedError::MissingFile { path }) if path.ends_with("tokenizer.json")
    ));
}

#[test]
fn built_in_config_gives_the_same_bits_as_config_json() {
    let Some(embedder) = common::embedder("built_in_config") else {
        return;
    };
    let model = common::model_dir("built_in_config").unwrap();
    let dir = copy_model(&model);
    let _ = std::fs::remove_file(dir.path().join("config.json"));
    let bare = Embedder::load(dir.path()).unwrap();
    let texts = ["The Commission on Crime Prevention and Criminal Justice."];
    assert_eq!(
        bits(&bare.embed(&texts).unwrap()),
        bits(&embedder.embed(&texts).unwrap())
    );
    assert_eq!(bare.model_id(), embedder.model_id());
}

/// Texts of which several share a token count, so that equal-length
/// batches of more than one text really occur.
fn sample_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "crime prevention", "criminal justice", "the rule of law", "money laundering",
        "Strengthen the role of the Commission on Crime Prevention and Criminal Justice.",
        "Support UNODC in operationalizing the outcome documents of the congresses.",
        "We resolve to protect undersea cables from criminal sabotage.",
        "",
        "Integrate responses to the triple planetary crisis – climate change, biodiversity loss, and pollution – into crime prevention strategies.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for word in ["one", "two", "three", "four", "five", "six"] {
        texts.push(format!(
            "Member States are encouraged to cooperate, {word}."
        ));
    }
    texts
}

#[test]
fn same_bits_whatever_the_batch_composition() {
    let Some(embedder) = common::embedder("batch_composition") else {
        return;
    };
    let texts = sample_texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let counts: Vec<usize> = refs
        .iter()
        .map(|t| embedder.token_count(t).unwrap())
        .collect();
    let shared = counts
        .iter()
        .filter(|c| counts.iter().filter(|d| d == c).count() >= 3)
        .count();
    assert!(
        shared >= 6,
        "the sample must have equal-length texts: {counts:?}"
    );

    let together = bits(&embedder.embed(&refs).unwrap());
    let alone: Vec<Vec<u32>> = refs
        .iter()
        .map(|t| bits(&embedder.embed(&[t]).unwrap()).remove(0))
        .collect();
    assert_eq!(together, alone, "alone vs all together");

    // Reversed, with duplicates and other texts mixed in.
    let mut mixed: Vec<&str> = refs.iter().rev().copied().collect();
    mixed.insert(
        3,
        "An unrelated sentence of some other length entirely, for padding.",
    );
    mixed.extend_from_slice(&refs[..5]);
    let mixed_bits = bits(&embedder.embed(&mixed).unwrap());
    for (text, b) in mixed.iter().zip(&mixed_bits) {
        if let Some(i) = refs.iter().position(|t| t == text) {
            assert_eq!(b, &alone[i], "mixed batch changed the bits of {text:?}");
        }
    }

    // Only the texts of one length, as a single batch.
    let len = counts[9];
    let same_len: Vec<&str> = refs
        .iter()
        .zip(&counts)
        .filter(|(_, &c)| c == len)
        .map(|(t, _)| *t)
        .collect();
    assert!(same_len.len() >= 3);
    for (text, b) in same_len
        .iter()
        .zip(bits(&embedder.embed(&same_len).unwrap()))
    {
        let i = refs.iter().position(|t| t == text).unwrap();
        assert_eq!(b, alone[i]);
    }
}

#[test]
fn same_bits_in_any_rayon_pool() {
    let Some(embedder) = common::embedder("rayon_pool") else {
        return;
    };
    let texts = sample_texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| bits(&embedder.embed(&refs).unwrap()))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(5));
}

/// Helper run as a subprocess by `same_bits_whatever_rayon_num_threads`:
/// prints a digest of the embeddings' bits.
#[test]
#[ignore = "run as a subprocess by same_bits_whatever_rayon_num_threads"]
fn print_embedding_bits() {
    let embedder = common::embedder("print_embedding_bits").expect("model present");
    let texts = sample_texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    println!("EMBEDDING-BITS {}", digest(&embedder.embed(&refs).unwrap()));
}

fn digest(vectors: &[Vec<f32>]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bits(vectors).hash(&mut h);
    format!("{:016x}", h.finish())
}

#[test]
fn same_bits_whatever_rayon_num_threads() {
    let Some(model) = common::model_dir("rayon_num_threads") else {
        return;
    };
    let exe = std::env::current_exe().unwrap();
    let run = |threads: &str| {
        let out = Command::new(&exe)
            .args([
                "--exact",
                "print_embedding_bits",
                "--ignored",
                "--nocapture",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .env("ACCORD_MODEL", &model)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "child failed: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
            .lines()
            .find_map(|l| l.strip_prefix("EMBEDDING-BITS "))
            .unwrap_or_else(|| panic!("no digest in: {stdout}"))
            .to_string()
    };
    let one = run("1");
    assert_eq!(one, run("2"), "RAYON_NUM_THREADS=1 vs 2");
    assert_eq!(one, run("3"), "RAYON_NUM_THREADS=1 vs 3");
    let embedder = common::embedder("rayon_num_threads").unwrap();
    let texts = sample_texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(
        one,
        digest(&embedder.embed(&refs).unwrap()),
        "subprocess vs this process"
    );
}

#[test]
fn long_texts_are_truncated_at_max_tokens() {
    let Some(embedder) = common::embedder("truncation") else {
        return;
    };
    let body = "the commission shall review progress ".repeat(100);
    assert_eq!(embedder.token_count(&body).unwrap(), MAX_TOKENS);
    let longer = format!("{body} and many other words that the model never sees");
    let v = embedder.embed(&[&body, &longer]).unwrap();
    assert_eq!(v[0].len(), DIMENSION);
    assert_eq!(bits(&v[..1]), bits(&v[1..]));
}

#[test]
fn empty_text_gives_a_unit_vector() {
    let Some(embedder) = common::embedder("empty_text") else {
        return;
    };
    let v = embedder.embed(&[""]).unwrap().remove(0);
    assert!(v.iter().all(|x| x.is_finite()));
    let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-5);
    assert!(embedder.embed(&[]).unwrap().is_empty());
}

#[test]
fn the_cache_answers_hits_and_sends_only_misses_to_the_model() {
    let Some(embedder) = common::embedder("cache") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut cache, warning) = EmbeddingCache::open(dir.path(), embedder.model_id());
    assert!(warning.is_none());
    // A planted entry: if the model were asked, this vector would not come back.
    let planted = vec![0.5f32; DIMENSION];
    cache.insert("planted text", planted.clone()).unwrap();
    let texts = [
        "planted text",
        "criminal justice",
        "criminal justice",
        "the rule of law",
    ];
    let got = embed_cached(embedder, &mut cache, &texts).unwrap();
    assert_eq!(got[0], planted);
    let direct = embedder.embed(&texts[1..]).unwrap();
    assert_eq!(bits(&got[1..]), bits(&direct));
    assert_eq!(cache.len(), 3);
    cache.save().unwrap();

    // Warm: a reopened cache gives the same bits without the model.
    let (mut reopened, warning) = EmbeddingCache::open(dir.path(), embedder.model_id());
    assert!(warning.is_none());
    assert_eq!(reopened.len(), 3);
    let warm = embed_cached(embedder, &mut reopened, &texts).unwrap();
    assert_eq!(bits(&warm), bits(&got));

    // A cache of another model is refused.
    let (mut other, _) = EmbeddingCache::open(dir.path(), "another-model");
    assert!(matches!(
        embed_cached(embedder, &mut other, &texts),
        Err(EmbedError::CacheModel { .. })
    ));
}

/// What a long embedding run reported, in order.
#[derive(Default)]
struct Recorded(std::sync::Mutex<Vec<String>>);

impl accord::progress::Progress for Recorded {
    fn estimate(&self, items: u64, time: std::time::Duration) {
        let secs = if time.as_secs_f64() > 0.0 {
            "some"
        } else {
            "no"
        };
        self.0
            .lock()
            .unwrap()
            .push(format!("estimate {items} texts, {secs} time"));
    }
    fn start(&self, total: u64) {
        self.0.lock().unwrap().push(format!("start {total}"));
    }
    fn advance(&self, n: u64) {
        let mut v = self.0.lock().unwrap();
        let done = v
            .iter()
            .rev()
            .find_map(|e| e.strip_prefix("done ").and_then(|n| n.parse::<u64>().ok()))
            .unwrap_or(0);
        v.push(format!("done {}", done + n));
    }
    fn finish(&self) {
        self.0.lock().unwrap().push("finish".into());
    }
}

#[test]
fn a_long_first_run_is_estimated_before_it_starts() {
    let Some(embedder) = common::embedder("a_long_first_run_is_estimated") else {
        return;
    };
    // Short distinct texts: enough to be estimated, quick to embed.
    let n = accord::embed::ESTIMATE_FROM + 100;
    let owned: Vec<String> = (0..n)
        .map(|i| format!("Paragraph {i} of the declaration"))
        .collect();
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    let dir = tempfile::tempdir().unwrap();
    let (mut cache, _) = EmbeddingCache::open(dir.path(), embedder.model_id());
    let progress = Recorded::default();
    let got = accord::embed::embed_cached_with(embedder, &mut cache, &texts, &progress).unwrap();
    assert_eq!(got.len(), n);
    let events = progress.0.into_inner().unwrap();
    assert_eq!(events[0], format!("estimate {n} texts, some time"));
    assert_eq!(events[1], format!("start {n}"));
    assert_eq!(events[events.len() - 2], format!("done {n}"));
    assert_eq!(events.last().unwrap(), "finish");

    // The vectors are the model's, the sample's included.
    let direct = embedder.embed(&texts[..3]).unwrap();
    assert_eq!(bits(&got[..3]), bits(&direct));
}
