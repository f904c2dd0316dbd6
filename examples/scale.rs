//! Alignment at scale on synthetic corpora: time, peak memory, and the
//! quality of the one-to-one backbone and of all links against the truth.
//!
//! ```sh
//! cargo run --release --example scale -- --kind near-duplicate 1000 10000 100000
//! cargo run --release --example scale -- --kind distinctive 1000 10000 100000
//! ```
//!
//! "bb": the backbone (identical + reworded links) against the truth, as
//! [`SynthPair::backbone_quality`](accord::synth::SynthPair::backbone_quality)
//! defines it. "all": every link, related ones too, against every true
//! pair (both halves of a split, both sources of a merge).
use std::collections::HashSet;
use std::time::Instant;

use accord::align::{AlignOptions, Relation, Scope};
use accord::synth::Kind;

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = match args.iter().position(|a| a == "--kind") {
        Some(i) if args.get(i + 1).map(String::as_str) == Some("near-duplicate") => {
            Kind::NearDuplicate
        }
        _ => Kind::Distinctive,
    };
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    println!("kind: {}", kind.as_str());
    println!(
        "{:>7} {:>7} {:>6} {:>6} {:>7} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>7}",
        "old",
        "new",
        "gen s",
        "parse",
        "align s",
        "bb P",
        "bb R",
        "bb F1",
        "all P",
        "all R",
        "peak MB"
    );
    for n in sizes {
        let t = Instant::now();
        let pair = accord::synth::generate_kind(kind, n, 42);
        let gen = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let lib = pair.library();
        let parse = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let old = lib.side_units("old").unwrap();
        let new = lib.side_units("new").unwrap();
        let al = Scope::new(lib.all_units()).align(&old, &new, &AlignOptions::default());
        let align = t.elapsed().as_secs_f64();

        let pair_of = |l: &accord::align::Link| (l.old.path.para, l.new.path.para);
        let backbone: Vec<(u32, u32)> = al
            .links
            .iter()
            .filter(|l| l.relation != Relation::Related)
            .map(pair_of)
            .collect();
        let q = pair.backbone_quality(&backbone);
        let truth: HashSet<(u32, u32)> = pair.true_links().into_iter().collect();
        let all: Vec<(u32, u32)> = al.links.iter().map(pair_of).collect();
        let all_hits = all.iter().filter(|p| truth.contains(p)).count();
        println!(
            "{:>7} {:>7} {:>6.2} {:>6.2} {:>7.2} | {:>6.4} {:>6.4} {:>6.4} | {:>6.4} {:>6.4} | {:>7.0}",
            old.len(),
            new.len(),
            gen,
            parse,
            align,
            q.precision,
            q.recall,
            q.f1,
            all_hits as f64 / all.len().max(1) as f64,
            all_hits as f64 / truth.len().max(1) as f64,
            peak_rss_mb()
        );
        for note in &al.notes {
            println!("        note: {note}");
        }
    }
}
