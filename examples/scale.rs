//! Alignment at scale on synthetic corpora: time, peak memory, precision
//! and recall of the true links.
//!
//! ```sh
//! cargo run --release --example scale -- 1000 10000 100000
//! ```
use std::time::Instant;

use accord::align::{AlignOptions, Scope};

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    println!(
        "{:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>8}",
        "old", "new", "gen s", "parse s", "align s", "precision", "recall", "peak MB"
    );
    for n in sizes {
        let t = Instant::now();
        let pair = accord::synth::generate(n, 42);
        let gen = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let lib = pair.library();
        let parse = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let old = lib.side_units("old").unwrap();
        let new = lib.side_units("new").unwrap();
        let al = Scope::new(lib.all_units()).align(&old, &new, &AlignOptions::default());
        let align = t.elapsed().as_secs_f64();
        let truth: std::collections::HashSet<(u32, u32)> = pair.true_links().into_iter().collect();
        let predicted: Vec<(u32, u32)> = al
            .links
            .iter()
            .map(|l| (l.old.path.para, l.new.path.para))
            .collect();
        let hits = predicted.iter().filter(|p| truth.contains(p)).count();
        let precision = hits as f64 / predicted.len().max(1) as f64;
        let recall = hits as f64 / truth.len().max(1) as f64;
        println!(
            "{:>8} {:>8} {:>8.2} {:>8.2} {:>8.2} {:>9.4} {:>9.4} {:>8.0}",
            old.len(),
            new.len(),
            gen,
            parse,
            align,
            precision,
            recall,
            peak_rss_mb()
        );
    }
}
