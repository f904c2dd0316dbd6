//! Evaluation of alignment against hand-labelled pairs, in the format of
//! `shared/eval-dev/` (`{"a": doc, "b": doc, "items": [{"b": unit, "same":
//! [...], "related": [...], "new": bool}]}`).
//!
//! Four figures:
//!
//! * **P@1**, the share of newer units labelled with `same` counterparts
//!   whose backbone link (or, failing that, best link) points to one of
//!   them;
//! * **novelty**, the share of units labelled `new` that get no
//!   identical/reworded link;
//! * **margin**, the weakest true link's score minus the strongest link of
//!   a unit labelled new: room for the threshold (negative when no
//!   threshold separates them);
//! * **AUC**, over every pair of a labelled newer unit with a unit of the
//!   older side: the probability that a pair labelled `same` scores above
//!   a pair with no label (pairs labelled `related` left out), ties
//!   counting half (the Mann-Whitney statistic). It measures the score
//!   itself, before thresholds and the one-to-one assignment.

use std::path::Path;

use serde::Deserialize;

use crate::align::AlignOptions;
use crate::parse::Citation;
use crate::Library;

#[derive(Debug, Deserialize)]
struct LabelFile {
    a: String,
    b: String,
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
struct Item {
    b: String,
    same: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    new: bool,
}

/// Figures for one labelled file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// File name.
    pub name: String,
    /// Units labelled with `same` counterparts.
    pub same_total: usize,
    /// Of those, units whose backbone/best link is one of them.
    pub same_hit: usize,
    /// Units labelled `new`.
    pub new_total: usize,
    /// Of those, units with no identical/reworded link.
    pub new_ok: usize,
    /// One line per miss, for reading.
    pub misses: Vec<String>,
    /// Per unit labelled `same`: its best link to a labelled counterpart
    /// (0 without one).
    pub same_scores: Vec<f64>,
    /// Per unit labelled `new`: its best link of any kind (0 without one).
    pub new_scores: Vec<f64>,
    /// Scores of every pair labelled `same`.
    pub same_pairs: Vec<f64>,
    /// Scores of every pair with no label (neither same nor related).
    pub unlabelled_pairs: Vec<f64>,
}

/// Figures over a folder of labelled files.
#[derive(Debug, Clone)]
pub struct Report {
    /// Per file.
    pub files: Vec<FileReport>,
    /// P@1 over all files.
    pub precision_at_1: f64,
    /// Novelty over all files.
    pub novelty: f64,
    /// The weakest true match's score minus the strongest score of a new
    /// unit: how far apart the threshold has room to sit (negative when
    /// no threshold separates them).
    pub margin: f64,
    /// Same-versus-unlabelled ranking of all pairs, 0..1 (0.5: chance).
    pub auc: f64,
}

/// Evaluates every `*.json` file in `dir` against `lib` (the seed corpus,
/// with or without paraphrase matching).
pub fn evaluate_dir(dir: &Path, lib: &Library, opts: &AlignOptions) -> Result<Report, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let labels: LabelFile =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        files.push(evaluate_file(lib, &labels, opts, &path)?);
    }
    Ok(Report::of(files))
}

impl Report {
    /// The figures over `files` (any subset of a folder's, for example all
    /// but one, to see whether a setting holds on a file it was not chosen
    /// on).
    pub fn of(files: Vec<FileReport>) -> Report {
        let sum = |f: fn(&FileReport) -> usize| files.iter().map(f).sum::<usize>() as f64;
        let min_same = files
            .iter()
            .flat_map(|f| &f.same_scores)
            .fold(f64::INFINITY, |a, &b| a.min(b));
        let max_new = files
            .iter()
            .flat_map(|f| &f.new_scores)
            .fold(0.0f64, |a, &b| a.max(b));
        let same: Vec<f64> = files
            .iter()
            .flat_map(|f| f.same_pairs.iter().copied())
            .collect();
        let unlabelled: Vec<f64> = files
            .iter()
            .flat_map(|f| f.unlabelled_pairs.iter().copied())
            .collect();
        Report {
            auc: auc(&same, &unlabelled),
            margin: if min_same.is_finite() {
                min_same - max_new
            } else {
                0.0
            },
            precision_at_1: sum(|f| f.same_hit) / sum(|f| f.same_total).max(1.0),
            novelty: sum(|f| f.new_ok) / sum(|f| f.new_total).max(1.0),
            files,
        }
    }
}

fn evaluate_file(
    lib: &Library,
    labels: &LabelFile,
    opts: &AlignOptions,
    path: &Path,
) -> Result<FileReport, String> {
    let a = lib.doc(&labels.a).map_err(|e| e.to_string())?;
    let b = lib.doc(&labels.b).map_err(|e| e.to_string())?;
    let labelled: Vec<Citation> = labels
        .items
        .iter()
        .map(|i| Citation::parse(&i.b).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    // Within one document, the older side is what precedes the first
    // labelled unit and the newer side is the rest.
    let (old, new): (Vec<_>, Vec<_>) = if labels.a == labels.b {
        let first = b
            .units
            .iter()
            .position(|u| labelled.contains(&u.id))
            .ok_or("no labelled unit found")?;
        (
            a.units[..first].iter().collect(),
            b.units[first..].iter().collect(),
        )
    } else {
        (a.units.iter().collect(), b.units.iter().collect())
    };
    let scope = lib.scope(&[&old, &new]).map_err(|e| e.to_string())?;
    let al = scope.align(&old, &new, opts);
    let mut r = FileReport {
        name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into(),
        same_total: 0,
        same_hit: 0,
        new_total: 0,
        new_ok: 0,
        misses: Vec::new(),
        same_scores: Vec::new(),
        new_scores: Vec::new(),
        same_pairs: Vec::new(),
        unlabelled_pairs: Vec::new(),
    };
    for (item, cite) in labels.items.iter().zip(&labelled) {
        if let Some(n) = new.iter().find(|u| &u.id == cite) {
            for o in &old {
                let id = o.id.to_string();
                let Some(parts) = scope.score(o, n) else {
                    continue;
                };
                let score = parts.total(opts.semantic_weight);
                if item.same.contains(&id) {
                    r.same_pairs.push(score);
                } else if !item.related.contains(&id) {
                    r.unlabelled_pairs.push(score);
                }
            }
        }
        let backbone = al.backbone_of_new(cite);
        let best_score = |keep: &dyn Fn(&str) -> bool| {
            al.links_of_new(cite)
                .filter(|l| keep(&l.old.to_string()))
                .map(|l| l.score)
                .fold(0.0f64, f64::max)
        };
        if !item.same.is_empty() {
            r.same_scores
                .push(best_score(&|old| item.same.iter().any(|s| s == old)));
        }
        if item.new {
            r.new_scores.push(best_score(&|_| true));
        }
        if !item.same.is_empty() {
            r.same_total += 1;
            let best = backbone.or_else(|| {
                al.links_of_new(cite)
                    .max_by(|x, y| x.score.total_cmp(&y.score).then(y.old.cmp(&x.old)))
            });
            match best {
                Some(l) if item.same.contains(&l.old.to_string()) => r.same_hit += 1,
                Some(l) => r.misses.push(format!(
                    "{cite}: got {} ({} {:.3}), labelled same {:?}",
                    l.old,
                    l.relation.as_str(),
                    l.score,
                    item.same
                )),
                None => r
                    .misses
                    .push(format!("{cite}: no link, labelled same {:?}", item.same)),
            }
        }
        if item.new {
            r.new_total += 1;
            match backbone {
                None => r.new_ok += 1,
                Some(l) => r.misses.push(format!(
                    "{cite}: labelled new, got {} {} {:.3}",
                    l.relation.as_str(),
                    l.old,
                    l.score
                )),
            }
        }
    }
    Ok(r)
}

/// The probability that a score of `positive` beats one of `negative`,
/// ties counting half (Mann-Whitney U over the product of the sizes); 0.5
/// when either is empty.
pub fn auc(positive: &[f64], negative: &[f64]) -> f64 {
    if positive.is_empty() || negative.is_empty() {
        return 0.5;
    }
    let mut neg = negative.to_vec();
    neg.sort_by(f64::total_cmp);
    let mut wins = 0.0;
    for &p in positive {
        let below = neg.partition_point(|&x| x < p);
        let ties = neg.partition_point(|&x| x <= p) - below;
        wins += below as f64 + 0.5 * ties as f64;
    }
    wins / (positive.len() * neg.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::auc;

    #[test]
    fn auc_counts_wins_and_half_ties() {
        assert_eq!(auc(&[0.9, 0.8], &[0.1, 0.2]), 1.0);
        assert_eq!(auc(&[0.1], &[0.9]), 0.0);
        assert_eq!(auc(&[0.5], &[0.5, 0.4]), 0.75);
        assert_eq!(auc(&[], &[0.5]), 0.5);
    }
}
