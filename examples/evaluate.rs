//! Evaluates alignment against hand-labelled pairs (`shared/eval-dev/`).
//!
//! ```sh
//! cargo run --release --example evaluate -- ../shared/eval-dev
//! ```
//!
//! For every newer unit labelled with `same` counterparts: does accord's
//! identical/reworded link (or, failing that, its best link) point to one
//! of them (P@1)? For every unit labelled `new`: does accord report no
//! identical/reworded link (novelty)?
use accord::evaluate::{evaluate_dir, Report};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval-dev".into());
    let verbose = std::env::args().any(|a| a == "-v");
    match evaluate_dir(
        std::path::Path::new(&dir),
        &accord::align::AlignOptions::default(),
    ) {
        Ok(Report {
            files,
            precision_at_1,
            novelty,
            ..
        }) => {
            for f in &files {
                println!(
                    "{:45} same: {}/{}  new: {}/{}",
                    f.name, f.same_hit, f.same_total, f.new_ok, f.new_total
                );
                if verbose {
                    for m in &f.misses {
                        println!("    {m}");
                    }
                }
            }
            println!("P@1 {:.3}  novelty {:.3}", precision_at_1, novelty);
        }
        Err(e) => {
            eprintln!("evaluate: {e}");
            std::process::exit(2);
        }
    }
}
