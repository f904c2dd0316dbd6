//! Word diff speed on generated revisions of 10 KB, 100 KB and 1 MB (see
//! `support/gen.rs`): seed paragraphs with one word in 50 edited.
//!
//! `cargo bench --bench diff`. To compare with git on the same texts:
//! `cargo run --release --example diff_files -- --generate 1000000 a.txt b.txt`,
//! then time `git diff --no-index --word-diff a.txt b.txt` against
//! `target/release/examples/diff_files a.txt b.txt`.
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod gen;

fn bench_diff_words(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff_words");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, bytes) in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000)] {
        let (old, new) = gen::pair(bytes);
        group.throughput(Throughput::Bytes(old.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &(old, new),
            |b, (o, n)| b.iter(|| accord::diff::diff_words(o, n)),
        );
    }
    group.finish();
}

fn bench_strength(c: &mut Criterion) {
    let old =
        "Support UNODC, upon request, in continuing its role in operationalizing the outcome \
               documents, as appropriate, and Member States should report";
    let new = "Collaborate with UNODC to operationalize the outcomes of the Congress, and Member \
               States shall report within existing resources";
    c.bench_function("strength_changes", |b| {
        b.iter(|| accord::diff::strength_changes(old, new))
    });
}

criterion_group!(benches, bench_diff_words, bench_strength);
criterion_main!(benches);
