//! Alignment benchmarks: the seed corpus against itself, and synthetic
//! corpora of 1,000 and 10,000 units (100,000 is measured by
//! `examples/scale.rs`, too slow for criterion's repetitions).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use accord::align::{AlignOptions, Scope};
use accord::corpus::Corpus;
use accord::Library;

fn seeds(c: &mut Criterion) {
    let lib = Library::new(Corpus::seeds());
    c.bench_function("parse five seeds", |b| {
        b.iter(|| Library::new(Corpus::seeds()))
    });
    c.bench_function("align all seeds against all seeds", |b| {
        b.iter(|| lib.align("all", "all", &AlignOptions::default()).unwrap())
    });
}

fn synthetic(c: &mut Criterion) {
    let mut g = c.benchmark_group("align synthetic");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let pair = accord::synth::generate(n, 42);
        let lib = pair.library();
        let (old, new) = (
            lib.side_units("old").unwrap(),
            lib.side_units("new").unwrap(),
        );
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| Scope::new(lib.all_units()).align(&old, &new, &AlignOptions::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, seeds, synthetic);
criterion_main!(benches);
