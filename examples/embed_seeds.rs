//! Measures the embedding stage on the five seed documents: every
//! unit-sized block of text (the bodies split on blank lines, blocks of at
//! least 40 characters) embedded cold, then again from a warm cache.
//!
//! `cargo run --release --example embed_seeds [-- MODEL_DIR]`
//! (default: models/all-MiniLM-L6-v2, see scripts/fetch-model.sh).

use std::path::PathBuf;
use std::time::Instant;

use accord::corpus::Corpus;
use accord::embed::{default_model_dir, embed_cached, Embedder, EmbeddingCache};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_model_dir);
    let corpus = Corpus::seeds();
    let texts: Vec<&str> = corpus
        .documents()
        .iter()
        .flat_map(|d| d.body.split("\n\n"))
        .map(str::trim)
        .filter(|b| b.chars().count() >= 40)
        .collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();

    let t = Instant::now();
    let embedder = Embedder::load(&dir)?;
    let load = t.elapsed();
    let tokens: usize = texts
        .iter()
        .map(|t| embedder.token_count(t))
        .sum::<Result<_, _>>()?;
    println!(
        "{} texts from {} seeds ({} chars, {} tokens after truncation); model {} loaded and verified in {:.2?}",
        texts.len(),
        corpus.len(),
        chars,
        tokens,
        embedder.model_id(),
        load
    );

    let cache_dir = tempfile::tempdir()?;
    let (mut cache, _) = EmbeddingCache::open(cache_dir.path(), embedder.model_id());
    let t = Instant::now();
    let cpu = cpu_seconds();
    let cold = embed_cached(&embedder, &mut cache, &texts)?;
    let cold_time = t.elapsed();
    let cold_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    cache.save()?;
    match cold_cpu {
        Some(cpu) => println!("cold (model, empty cache): {cold_time:.2?} wall, {cpu:.1} s CPU"),
        None => println!("cold (model, empty cache): {cold_time:.2?}"),
    }

    let t = Instant::now();
    let (mut warm_cache, warning) = EmbeddingCache::open(cache_dir.path(), embedder.model_id());
    let warm = embed_cached(&embedder, &mut warm_cache, &texts)?;
    let warm_time = t.elapsed();
    if let Some(w) = warning {
        println!("warning: {w}");
    }
    println!("warm (open cache file + lookups): {warm_time:.2?}");

    let same = cold
        .iter()
        .zip(&warm)
        .all(|(a, b)| a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()));
    println!("warm results identical to cold: {same}");
    Ok(())
}

/// CPU time of this process so far (all threads, user + system), where
/// `/proc` has it: on a shared machine wall time alone says little.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields overall, in clock ticks (100 per second on Linux).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}
