//! Helpers shared by the integration tests: the real model, and reading
//! what a command wrote.
// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use accord::embed::{Embedder, MODEL_DIR_NAME};

/// The model folder: `ACCORD_MODEL` if set, else `models/all-MiniLM-L6-v2`
/// in the repository. `None` (after a skip notice) if it holds no model and
/// `CI` is unset; with `CI` set a missing model fails the test.
pub fn model_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("ACCORD_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("models")
                .join(MODEL_DIR_NAME)
        });
    if dir.join("model.safetensors").is_file() {
        return Some(dir);
    }
    let hint = format!(
        "no model in '{}': run scripts/fetch-model.sh (or set ACCORD_MODEL to a model folder)",
        dir.display()
    );
    if std::env::var_os("CI").is_some() || std::env::var_os("ACCORD_REQUIRE_MODEL").is_some() {
        panic!("{test}: {hint}");
    }
    eprintln!("SKIPPED {test}: {hint}");
    None
}

/// One embedder per test binary (loading hashes 90 MB).
pub fn embedder(test: &str) -> Option<&'static Embedder> {
    static EMBEDDER: OnceLock<Embedder> = OnceLock::new();
    let dir = model_dir(test)?;
    Some(EMBEDDER.get_or_init(|| Embedder::load(&dir).expect("the model loads")))
}

/// The bits of a set of embeddings, for exact comparisons.
pub fn bits(vectors: &[Vec<f32>]) -> Vec<Vec<u32>> {
    vectors
        .iter()
        .map(|v| v.iter().map(|x| x.to_bits()).collect())
        .collect()
}

/// The text of a file a command wrote: a Word file's XML parts
/// concatenated, any other file as UTF-8.
pub fn written_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "docx") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut all = String::new();
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            std::io::Read::read_to_string(&mut part, &mut all).unwrap();
        }
        all
    } else {
        String::from_utf8(bytes).unwrap()
    }
}

/// The names in a folder, sorted.
pub fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `accord`, matching on wording alone, with the environment that would
/// change its output cleared (a model folder, colour, terminal width,
/// thread count): tests/cli_semantic.rs covers the model. A test file adds
/// what it pins, such as a width.
pub fn accord_wording() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("accord").unwrap();
    c.env("ACCORD_LEXICAL_ONLY", "1")
        .env_remove("ACCORD_MODEL")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env_remove("RAYON_NUM_THREADS");
    c
}

/// The JSON a wording-only run of `args` prints; the run must exit 0 or 1
/// (1: the sides differ).
pub fn json_wording(args: &[&str]) -> serde_json::Value {
    let out = accord_wording().args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Runs `cmd` and checks its exit status is `code`, showing its stderr
/// when it is not; the output, for the test to read.
pub fn output_with_status(cmd: &mut assert_cmd::Command, code: i32) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
