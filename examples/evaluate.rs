//! Evaluates alignment against hand-labelled pairs (`shared/eval-dev/`).
//!
//! ```sh
//! cargo run --release --example evaluate -- ../shared/eval-dev [-v]
//! ```
//!
//! For every newer unit labelled with `same` counterparts: does accord's
//! identical/reworded link (or, failing that, its best link) point to one
//! of them (P@1)? For every unit labelled `new`: does accord report no
//! identical/reworded link (novelty)? Printed for wording alone and, when
//! the model is installed (`scripts/fetch-model.sh`), for meaning alone and
//! for the mix accord uses.
use accord::align::AlignOptions;
use accord::corpus::Corpus;
use accord::embed::{default_cache_dir, default_model_dir, Semantic};
use accord::evaluate::evaluate_dir;
use accord::Library;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval-dev".into());
    let verbose = std::env::args().any(|a| a == "-v");
    let lexical = Library::new(Corpus::seeds());
    let mut runs = vec![("wording alone", &lexical, 0.0)];
    let semantic = Semantic::new(&default_model_dir(), default_cache_dir())
        .map(|s| Library::new(Corpus::seeds()).with_semantic(s));
    match &semantic {
        Ok(lib) => {
            runs.push(("meaning alone (embeddings)", lib, 1.0));
            runs.push((
                "wording + meaning (default)",
                lib,
                AlignOptions::default().semantic_weight,
            ));
        }
        Err(e) => eprintln!("no paraphrase runs: {e}"),
    }
    for (name, lib, weight) in runs {
        let opts = AlignOptions {
            semantic_weight: weight,
            ..AlignOptions::default()
        };
        match evaluate_dir(std::path::Path::new(&dir), lib, &opts) {
            Ok(r) => {
                println!("== {name}");
                for f in &r.files {
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
                println!(
                    "P@1 {:.3}  novelty {:.3}  margin {:+.3}",
                    r.precision_at_1, r.novelty, r.margin
                );
            }
            Err(e) => {
                eprintln!("evaluate: {e}");
                std::process::exit(2);
            }
        }
    }
}
