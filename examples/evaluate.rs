//! Evaluates alignment against hand-labelled pairs (`shared/eval-dev/`),
//! and the weight of meaning in the score.
//!
//! ```sh
//! cargo run --release --example evaluate -- ../shared/eval-dev [-v]
//! ```
//!
//! Prints P@1, novelty, margin and AUC (see `accord::evaluate`) for wording
//! alone, meaning alone (the all-MiniLM-L6-v2 vectors; for the built-in
//! documents they are shipped, so no model is needed) and the mix accord
//! uses; then the same figures for every weight of meaning from 0 to 1 in
//! steps of 0.025; the range of weights below the reworded threshold (0.30:
//! meaning alone must never make a pair the same provision) at which the
//! AUC is at its best (any weight in it is as good as another by that
//! measure; accord uses 0.25, where P@1 and novelty are at their best
//! below the cap too); and, file by
//! file, what the middle of that range, chosen without the file, gives on
//! it (leave one file out: a weight that holds only on the file it was
//! chosen on would show here).
use accord::align::AlignOptions;
use accord::corpus::Corpus;
use accord::embed::Semantic;
use accord::evaluate::{evaluate_dir, FileReport, Report};
use accord::Library;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .filter(|a| a != "-v")
        .unwrap_or_else(|| "../shared/eval-dev".into());
    let verbose = std::env::args().any(|a| a == "-v");
    let wording = Library::new(Corpus::seeds());
    let meaning = Library::new(Corpus::seeds()).with_semantic(Semantic::without_model(None));
    let run = |lib: &Library, weight: f64| -> Report {
        let opts = AlignOptions {
            semantic_weight: weight,
            ..AlignOptions::default()
        };
        evaluate_dir(std::path::Path::new(&dir), lib, &opts).unwrap_or_else(|e| {
            eprintln!("evaluate: {e}");
            std::process::exit(2);
        })
    };
    let default = AlignOptions::default().semantic_weight;
    for (name, lib, weight) in [
        ("wording alone", &wording, 0.0),
        ("meaning alone", &meaning, 1.0),
        ("wording + meaning (default)", &meaning, default),
    ] {
        let r = run(lib, weight);
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
        println!("{}", figures(&r));
        println!(
            "({} pairs labelled same, {} unlabelled)",
            r.files.iter().map(|f| f.same_pairs.len()).sum::<usize>(),
            r.files
                .iter()
                .map(|f| f.unlabelled_pairs.len())
                .sum::<usize>()
        );
    }

    println!("\n== weight of meaning (0: wording alone, 1: meaning alone)");
    let weights: Vec<f64> = (0..=40).map(|i| f64::from(i) * 0.025).collect();
    let sweep: Vec<(f64, Report)> = weights
        .iter()
        .map(|&w| (w, run(if w == 0.0 { &wording } else { &meaning }, w)))
        .collect();
    for (w, r) in &sweep {
        println!("{w:.3}  {}", figures(r));
    }
    let all: Vec<(f64, Vec<FileReport>)> =
        sweep.iter().map(|(w, r)| (*w, r.files.clone())).collect();
    let cap = AlignOptions::default().reworded;
    match plateau(&all, cap, |_| true) {
        Some((lo, hi)) => println!(
            "AUC within {AUC_TOLERANCE} of its best below {cap:.2} from {lo:.3} to {hi:.3}: middle {:.3} (accord uses {default:.3})",
            (lo + hi) / 2.0
        ),
        None => println!("no weight"),
    }

    println!("\n== leave one file out: the middle of that range chosen without the file, on it");
    let names: Vec<String> = sweep[0].1.files.iter().map(|f| f.name.clone()).collect();
    let on = |w: f64, name: &str| -> Report {
        let files = all
            .iter()
            .min_by(|a, b| (a.0 - w).abs().total_cmp(&(b.0 - w).abs()))
            .map(|(_, files)| files.iter().filter(|f| f.name == name).cloned().collect())
            .unwrap_or_default();
        Report::of(files)
    };
    for name in &names {
        let Some((lo, hi)) = plateau(&all, cap, |f| &f.name != name) else {
            continue;
        };
        let w = (lo + hi) / 2.0;
        println!("{name}");
        println!(
            "  range {lo:.3}-{hi:.3}, weight {w:.3}: {}",
            figures(&on(w, name))
        );
        println!(
            "  wording alone:                {}",
            figures(&on(0.0, name))
        );
    }
}

/// How far below the best AUC a weight may be and still count as best:
/// the fourth decimal, one pair comparison in 10,000.
const AUC_TOLERANCE: f64 = 0.0001;

fn figures(r: &Report) -> String {
    // A share of nothing is not a figure.
    let share = |x: f64, n: usize| {
        if n == 0 {
            "  n/a".to_string()
        } else {
            format!("{x:.3}")
        }
    };
    format!(
        "P@1 {}  novelty {}  margin {:+.3}  AUC {:.4}",
        share(r.precision_at_1, r.files.iter().map(|f| f.same_total).sum()),
        share(r.novelty, r.files.iter().map(|f| f.new_total).sum()),
        r.margin,
        r.auc
    )
}

/// The weights below `cap` at which the AUC over the files `keep` selects
/// is within [`AUC_TOLERANCE`] of its best there, as (first, last) of the
/// widest consecutive run.
fn plateau(
    sweep: &[(f64, Vec<FileReport>)],
    cap: f64,
    keep: impl Fn(&FileReport) -> bool,
) -> Option<(f64, f64)> {
    let scored: Vec<(f64, f64)> = sweep
        .iter()
        .filter(|(w, _)| *w < cap)
        .map(|(w, files)| {
            let r = Report::of(files.iter().filter(|f| keep(f)).cloned().collect());
            (*w, r.auc)
        })
        .collect();
    let best = scored.iter().map(|(_, a)| *a).fold(f64::MIN, f64::max);
    let mut runs: Vec<(f64, f64)> = Vec::new();
    let mut open: Option<(f64, f64)> = None;
    for &(w, auc) in &scored {
        if auc >= best - AUC_TOLERANCE {
            open = Some(open.map_or((w, w), |(lo, _)| (lo, w)));
        } else if let Some(run) = open.take() {
            runs.push(run);
        }
    }
    runs.extend(open);
    runs.into_iter().max_by(|a, b| {
        (a.1 - a.0)
            .total_cmp(&(b.1 - b.0))
            .then(b.0.total_cmp(&a.0))
    })
}
