//! Reading Word and PDF files (issue 14): the 30-page report written by
//! `tests/fixtures/formats/make-fixtures.py` (`long.docx`, and
//! LibreOffice's `long.pdf` of it), from bytes to parsed units, as
//! `--doc FILE` reads them. The goal is under a second for each on the
//! project's 2-core machine.
//!
//! `cargo bench --bench formats`.
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use accord::corpus::{Changes, Document, Origin};

fn read(c: &mut Criterion) {
    let mut g = c.benchmark_group("read 30 pages");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for file in ["long.docx", "long.pdf", "declaration.pdf"] {
        let path = format!(
            "{}/tests/fixtures/formats/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).expect("run tests/fixtures/formats/make-fixtures.py");
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("read and parse", file),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    let doc = Document::read("long", file, bytes, Origin::Stdin, Changes::Accepted)
                        .unwrap();
                    accord::parse::parse(&doc)
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
