//! Makes `seeds/vectors.bin`: the sentence vectors of every unit of the
//! built-in documents, shipped in the binary so that matching on the seeds
//! is paraphrase-aware without the model (see `accord::embed::ShippedVectors`).
//!
//! ```sh
//! bash scripts/fetch-model.sh
//! cargo run --release --example ship_vectors [-- MODEL_DIR]
//! ```
//!
//! Run it after changing a seed or the pinned model; `cargo test --release` fails
//! until it is run (`tests/shipped_vectors.rs`). The vectors are computed
//! afresh (no cache), and the file's bytes depend only on the texts and the
//! model, so running it twice gives the same file.
use std::path::{Path, PathBuf};

use accord::corpus::Corpus;
use accord::embed::{default_model_dir, pin_bytes, Embedder, ShippedVectors, SHIPPED_PATH};
use accord::Library;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_model_dir);
    let lib = Library::new(Corpus::seeds());
    let mut texts: Vec<&str> = lib.all_units().iter().map(|u| u.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    let start = std::time::Instant::now();
    let embedder = Embedder::load(&dir)?;
    let vectors = embedder.embed(&texts)?;
    let pairs: Vec<(&str, &[f32])> = texts
        .iter()
        .zip(&vectors)
        .map(|(t, v)| (*t, v.as_slice()))
        .collect();
    let bytes = ShippedVectors::write(&pairs, &pin_bytes());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED_PATH);
    let tmp = path.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes)?;
    std::fs::rename(&tmp, &path)?;
    println!(
        "{}: {} vectors of {} units, {} bytes, in {:.1?} (model {})",
        path.display(),
        pairs.len(),
        lib.all_units().len(),
        bytes.len(),
        start.elapsed(),
        embedder.model_id()
    );
    Ok(())
}
