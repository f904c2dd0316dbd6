//! Word-diffs two files and prints the edit count and the time taken, to
//! compare with `git diff --no-index --word-diff A B`.
//!
//! ```text
//! cargo run --release --example diff_files -- OLD NEW
//! cargo run --release --example diff_files -- --generate BYTES OLD NEW
//! ```
//!
//! `--generate` writes a pair made by the benchmark's generator (seed
//! paragraphs, one word in 50 edited) instead of diffing.
use std::process::ExitCode;
use std::time::Instant;

use accord::diff::{diff_words, similarity, Op};

#[path = "../benches/support/gen.rs"]
#[allow(dead_code)]
mod gen;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, bytes, old, new] if flag == "--generate" => {
            let Ok(bytes) = bytes.parse() else {
                eprintln!("BYTES must be a number: {bytes}");
                return ExitCode::from(2);
            };
            let (a, b) = gen::pair(bytes);
            if let Err(e) = std::fs::write(old, a).and_then(|()| std::fs::write(new, b)) {
                eprintln!("cannot write: {e}");
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        [old, new] => {
            let read = |p: &str| {
                std::fs::read_to_string(p).map_err(|e| eprintln!("cannot read '{p}': {e}"))
            };
            let (Ok(a), Ok(b)) = (read(old), read(new)) else {
                return ExitCode::from(2);
            };
            let start = Instant::now();
            let edits = diff_words(&a, &b);
            let took = start.elapsed();
            let changes = edits.iter().filter(|e| e.op != Op::Equal).count();
            println!(
                "{} edits ({changes} inserted or deleted runs), similarity {:.3}, {:.1} ms",
                edits.len(),
                similarity(&edits),
                took.as_secs_f64() * 1e3
            );
            ExitCode::from(u8::from(changes > 0))
        }
        _ => {
            eprintln!("usage: diff_files OLD NEW | diff_files --generate BYTES OLD NEW");
            ExitCode::from(2)
        }
    }
}
