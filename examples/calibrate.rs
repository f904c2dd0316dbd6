//! Dumps, for every labelled newer unit of `shared/eval-dev/`, its score
//! parts against every unit of the older side, with the label of the pair,
//! as TSV: the data the semantic weight and scale in `align::score` were
//! chosen on (see the module docs there).
//!
//! ```sh
//! cargo run --release --example calibrate -- ../shared/eval-dev > pairs.tsv
//! ```
use accord::corpus::Corpus;
use accord::embed::{default_cache_dir, default_model_dir, Semantic};
use accord::parse::Citation;
use accord::Library;
use serde_json::Value;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval-dev".into());
    let lib = Library::new(Corpus::seeds())
        .with_semantic(Semantic::new(&default_model_dir(), default_cache_dir())?);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    println!("file\tnew\told\tlabel\tlexical\twords\tsemantic");
    for path in paths {
        let labels: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let (a, b) = (
            lib.doc(labels["a"].as_str().unwrap())?,
            lib.doc(labels["b"].as_str().unwrap())?,
        );
        let items = labels["items"].as_array().unwrap();
        let labelled: Vec<Citation> = items
            .iter()
            .map(|i| Citation::parse(i["b"].as_str().unwrap()).unwrap())
            .collect();
        let (old, new): (Vec<_>, Vec<_>) = if a.meta.id == b.meta.id {
            let first = b
                .units
                .iter()
                .position(|u| labelled.contains(&u.id))
                .unwrap();
            (
                a.units[..first].iter().collect(),
                b.units[first..].iter().collect(),
            )
        } else {
            (a.units.iter().collect(), b.units.iter().collect())
        };
        let scope = lib.scope(&[&old, &new])?;
        let name = path.file_stem().unwrap().to_string_lossy();
        for (item, cite) in items.iter().zip(&labelled) {
            let Some(n) = new.iter().find(|u| &u.id == cite) else {
                continue;
            };
            let has = |key: &str, id: &str| {
                item[key]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|x| x.as_str() == Some(id)))
            };
            for o in &old {
                let id = o.id.to_string();
                let label = if has("same", &id) {
                    "same"
                } else if has("related", &id) {
                    "related"
                } else if item["new"].as_bool() == Some(true) {
                    "new"
                } else {
                    "none"
                };
                let p = scope.score(o, n).unwrap();
                println!(
                    "{name}\t{cite}\t{id}\t{label}\t{:.4}\t{:.4}\t{:.4}",
                    p.lexical(),
                    p.words(),
                    p.semantic.unwrap_or(f64::NAN)
                );
            }
        }
    }
    Ok(())
}
