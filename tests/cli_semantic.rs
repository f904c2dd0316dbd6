//! CLI tests for paraphrase matching: what the model adds to `align`,
//! `--explain` showing both parts, the cache (a second run does no
//! inference), determinism across thread counts with the model, the
//! refusal of a damaged model, the small-corpus limit, and how `docs`
//! reports the matching in use. They need the model (scripts/fetch-model.sh);
//! without it they are skipped, except in CI where they fail.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// `accord` with the model in `model` and the embedding cache under
/// `cache` (as XDG_CACHE_HOME).
fn accord(model: &Path, cache: &Path) -> Command {
    let mut c = Command::cargo_bin("accord").unwrap();
    c.env_remove("ACCORD_LEXICAL_ONLY")
        .env_remove("ACCORD_MODEL")
        .env_remove("NO_COLOR")
        .env_remove("RAYON_NUM_THREADS")
        .env("COLUMNS", "100")
        .env("XDG_CACHE_HOME", cache)
        .arg("--model")
        .arg(model);
    c
}

fn run(mut c: Command) -> (Vec<u8>, String) {
    let out = c.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.code() == Some(0), "{stderr}");
    (out.stdout, stderr)
}

/// A cache shared by the tests that align 2019 with 2025, filled once (the
/// first run embeds every unit of both sides).
fn warm_cache(model: &Path) -> &'static Path {
    static CACHE: OnceLock<tempfile::TempDir> = OnceLock::new();
    CACHE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let mut c = accord(model, dir.path());
            c.args(["align", "2019", "2025"]);
            run(c);
            dir
        })
        .path()
}

fn align_json(model: Option<&Path>, cache: &Path, old: &str, new: &str) -> Value {
    let mut c = match model {
        Some(m) => accord(m, cache),
        None => {
            let mut c = Command::cargo_bin("accord").unwrap();
            c.arg("--lexical-only");
            c
        }
    };
    c.args(["align", old, new, "--format", "json", "--explain"]);
    serde_json::from_slice(&run(c).0).unwrap()
}

fn backbone(al: &Value, new: &str) -> Option<(String, String)> {
    al["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["new"] == new && l["relation"] != "related")
        .map(|l| {
            (
                l["old"].as_str().unwrap().to_string(),
                l["relation"].as_str().unwrap().to_string(),
            )
        })
}

#[test]
fn the_model_links_provisions_restated_in_other_words() {
    let Some(model) = common::model_dir("the_model_links_provisions_restated") else {
        return;
    };
    let cache = warm_cache(&model);
    let with = align_json(Some(&model), cache, "2019", "2025");
    let without = align_json(None, cache, "2019", "2025");

    // Every scored link carries both parts with the model, one without.
    for l in with["links"].as_array().unwrap() {
        assert!(l["parts"]["semantic"].is_number(), "{l}");
    }
    for l in without["links"].as_array().unwrap() {
        assert!(l["parts"].get("semantic").is_none(), "{l}");
    }
    // "Speakers emphasized the importance of ensuring strong, transparent,
    // effective and accountable justice institutions" restates 2019's
    // "independent and transparent criminal justice institutions were
    // critical ...": too few shared words for wording alone.
    assert_eq!(
        backbone(&with, "rpm2025-item5b:6"),
        Some(("rpm2019:27".into(), "reworded".into()))
    );
    assert_eq!(backbone(&without, "rpm2025-item5b:6"), None);
    // The model adds links; it does not take verbatim reuse away.
    let count = |al: &Value, rel: &str| al["summary"][rel].as_u64().unwrap();
    assert!(count(&with, "reworded") > count(&without, "reworded"));
    assert_eq!(count(&with, "identical"), count(&without, "identical"));
}

#[test]
fn explain_shows_the_wording_and_the_meaning_parts() {
    let Some(model) = common::model_dir("explain_shows_both_parts") else {
        return;
    };
    let cache = warm_cache(&model);
    let mut c = accord(&model, cache);
    c.args(["align", "2019", "2025", "--explain", "--color", "never"]);
    let text = String::from_utf8(run(c).0).unwrap();
    let block: String = text
        .split("\nrpm2025-item5b:6 ")
        .nth(1)
        .unwrap()
        .lines()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(block.contains("rpm2019:27"), "{block}");
    assert!(block.contains("wording 0."), "{block}");
    assert!(block.contains("embedding cosine 0."), "{block}");
    assert!(
        block.contains("score = 0.75 × wording + 0.25 × meaning"),
        "{block}"
    );
}

/// A document of the user's, which the model must embed (the built-in
/// documents have shipped vectors and need no model).
const DRAFT: &str = "draft=examples/draft-declaration.md";

/// A model folder whose files are there but wrong: loading it fails.
fn broken_model(real: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        real.join("tokenizer.json"),
        dir.path().join("tokenizer.json"),
    )
    .unwrap();
    // A truncated download.
    let weights = std::fs::read(real.join("model.safetensors")).unwrap();
    std::fs::write(
        dir.path().join("model.safetensors"),
        &weights[..weights.len() / 3],
    )
    .unwrap();
    dir
}

#[test]
fn a_second_run_reads_the_cache_and_does_no_inference() {
    let Some(model) = common::model_dir("second_run_reads_the_cache") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    // A user's document: the built-in ones have shipped vectors.
    let args = [
        "--doc",
        DRAFT,
        "align",
        "congress2021-item4",
        "draft",
        "--explain",
    ];
    let mut c = accord(&model, cache.path());
    c.args(args);
    let (first, _) = run(c);
    let files: Vec<PathBuf> = std::fs::read_dir(cache.path().join("accord"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let cached = std::fs::read(&files[0]).unwrap();

    // With every text cached the model is never loaded: a damaged model
    // folder goes unnoticed, and the output is byte for byte the same.
    let broken = broken_model(&model);
    let mut c = accord(broken.path(), cache.path());
    c.args(args);
    let (second, stderr) = run(c);
    assert_eq!(first, second);
    assert_eq!(stderr, "");
    assert_eq!(std::fs::read(&files[0]).unwrap(), cached, "cache unchanged");
}

#[test]
fn a_damaged_model_is_refused_with_one_line() {
    let Some(model) = common::model_dir("a_damaged_model_is_refused") else {
        return;
    };
    let broken = broken_model(&model);
    let cache = tempfile::tempdir().unwrap();
    let out = accord(broken.path(), cache.path())
        .args(["--doc", DRAFT, "align", "congress2021-item4", "draft"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("model.safetensors"), "{stderr}");
    assert!(stderr.contains("scripts/fetch-model.sh"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_named_model_folder_must_exist() {
    let cache = tempfile::tempdir().unwrap();
    let out = accord(Path::new("/nonexistent/model"), cache.path())
        .args(["align", "2019", "2025"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("/nonexistent/model/model.safetensors"));
}

#[test]
fn same_bytes_whatever_the_thread_count_with_the_model() {
    let Some(model) = common::model_dir("same_bytes_whatever_the_thread_count") else {
        return;
    };
    // Cold caches both times, so the embeddings themselves are computed
    // with one thread and with the default pool.
    let outputs: Vec<Vec<u8>> = [Some("1"), None]
        .iter()
        .map(|threads| {
            let cache = tempfile::tempdir().unwrap();
            let mut c = accord(&model, cache.path());
            if let Some(n) = threads {
                c.env("RAYON_NUM_THREADS", n);
            }
            c.args([
                "--doc",
                DRAFT,
                "align",
                "congress2021-item4",
                "draft",
                "--format",
                "json",
                "--explain",
            ]);
            run(c).0
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn docs_says_which_matching_is_on() {
    let cache = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("accord")
        .unwrap()
        .args(["docs", "--lexical-only"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with("matching: wording only (--lexical-only)\n"),
        "{text}"
    );
    let Some(model) = common::model_dir("docs_says_which_matching_is_on") else {
        return;
    };
    let mut c = accord(&model, cache.path());
    c.arg("docs");
    let text = String::from_utf8(run(c).0).unwrap();
    assert!(
        text.ends_with(&format!(
            "matching: wording and paraphrase (all-MiniLM-L6-v2 in {})\n",
            model.display()
        )),
        "{text}"
    );
}

#[test]
fn memos_and_written_reviews_state_the_matching_that_made_them() {
    let Some(model) = common::model_dir("memos_state_the_matching") else {
        return;
    };
    let cache = warm_cache(&model);
    let meaning = "Matching: wording and meaning; each score is 75% wording and 25% meaning (sentence embeddings from the all-MiniLM-L6-v2 model).";
    let wording = "Matching: wording alone; no sentence-embedding model was used";
    for (args, what) in [
        (
            &["memo", "2019", "2025", "-o", "-", "--date", "2025-06-30"][..],
            "memo",
        ),
        (
            &[
                "review",
                "examples/draft-declaration.md",
                "-o",
                "-",
                "--date",
                "2026-11-23",
            ],
            "review",
        ),
    ] {
        let mut c = accord(&model, cache);
        c.args(args);
        let md = String::from_utf8(run(c).0).unwrap();
        assert!(md.contains(meaning) && !md.contains(wording), "{what}");
        let mut c = accord(&model, cache);
        c.arg("--lexical-only").args(args);
        let md = String::from_utf8(run(c).0).unwrap();
        assert!(md.contains(wording) && !md.contains(meaning), "{what}");
    }
}
