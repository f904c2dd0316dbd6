//! Chains: one provision followed through every document in time order,
//! along the strongest path of alignment links.
//!
//! # Stages
//!
//! A *stage* is one moment of the trail: a document, or one year of a
//! document that spans several (the thematic summaries: 2021, 2022, 2023,
//! 2024, and the background and closing sections written in 2025).
//! Documents of one date are *contemporaries* (the two 2025 addenda of one
//! report) and make one stage: neither is a version of the other, so a
//! chain never steps from one to the other. Stages are ordered by year,
//! then date; an undated document is a stage of its own.
//!
//! # The strongest path
//!
//! A chain is the path from the provision, forward and backward in time,
//! whose steps add up to the most. Every step is an alignment link between
//! its two units (identical, reworded or related, in the alignment of their
//! two stages), so a chain never takes a step without a link; a path may
//! skip a stage (a provision left out of the 2021 report and taken up
//! again in 2025 is linked across it), and may reach a unit whose own
//! closest source is another provision (a *merge*: `rpm2025-item4:12(f)`
//! restates `rpm2019:13(e)` together with `rpm2019:62(d)`).
//!
//! A chain of a provision visits provisions of its kind only (see
//! [`Role::provision`](crate::parse::Role::provision)), by any link: a
//! recommendation is followed into recommendations and operative
//! paragraphs, a preambular paragraph into preambular paragraphs. A
//! paragraph that discusses a provision is not a version of it: the
//! background paragraph of the thematic summaries that recounts the Kyoto
//! Declaration scores 0.39 against `rpm2019:13(e)`, above the 2025
//! recommendation that restates 13(e) (0.32), and a chain allowed to step
//! through it wanders off into the discussion. A chain of anything else (a
//! narrative paragraph) may step to any unit, but only by a restatement, a
//! link at the reworded threshold (0.30) or above: without the constraint
//! of kind, links at the related level lead from one subject to the next
//! (measured on `evolve --all` over the seeds: chains of seven steps at
//! 0.22-0.27 through unrelated discussions). Stages without a step are
//! listed with their strongest link and the reason.
//!
//! A step is worth the weakest link between it and the provision, minus
//! the related threshold (0.22 by default): a unit is no closer to the
//! provision than the weakest link that connects them. So two good links
//! beat one slightly stronger, a link at the threshold adds nothing, and a
//! strong link beyond a weak one counts only as much as the weak one: a
//! path that reaches the provision's true source through a loosely linked
//! intermediary does not outweigh the direct link (a paragraph restating
//! `rpm2019:13(e)` goes back to 13(e), not through a 2025 recommendation
//! it is loosely linked to and on to that recommendation's other source).
//!
//! Paths are found by dynamic programming over the stages in time order
//! (keeping, for each unit, the paths that no other beats on both value
//! and weakest link), so the result is the best path, not a greedy walk
//! from the latest step;
//! ties go to the path that reaches further, then to the earlier citation.
//! Every stage the chain does not visit is listed with the reason
//! ([`Skip`]).

use rustc_hash::FxHashMap;

use super::{AlignOptions, Alignment, Link, Relation, Scope};
use crate::parse::{Citation, Role, Unit};
use crate::Library;

/// A moment of the trail: one document, contemporaneous documents, or one
/// year of a document that spans several.
#[derive(Debug, Clone)]
pub struct Stage<'a> {
    /// Ids of its documents, in corpus order.
    pub docs: Vec<String>,
    /// The year of the stage's units.
    pub year: Option<u16>,
    /// The date its documents share, if dated.
    pub date: Option<String>,
    /// Units in document order.
    pub units: Vec<&'a Unit>,
}

impl Stage<'_> {
    /// `rpm2019 (2019)`, `rpm2025-item4 + rpm2025-item5b (2025)`.
    pub fn label(&self) -> String {
        let docs = self.docs.join(" + ");
        match self.year {
            Some(y) => format!("{docs} ({y})"),
            None => docs,
        }
    }
}

/// One step of a chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    /// The unit at this step.
    pub unit: &'a Unit,
    /// Index of its stage.
    pub stage: usize,
    /// How it relates to the previous step (None for the first).
    pub relation: Option<Relation>,
    /// Score of that link, 0..1 (None for the first).
    pub score: Option<f64>,
    /// Other units of the previous step's stage whose closest successor
    /// this unit is (its backbone source, when that is not the previous
    /// step): the provisions it restates together.
    pub merged_with: Vec<Citation>,
}

/// A stage a chain does not visit, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skip {
    /// Index of the stage.
    pub stage: usize,
    /// Why.
    pub reason: SkipReason,
    /// The strongest link between one of its units and a step of the
    /// chain, if any: it was not on the strongest path (a weaker path, or
    /// a unit of another kind). `None`: nothing in the stage is linked to
    /// the chain.
    pub best: Option<SkipLink>,
}

/// Why a chain does not visit a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No unit of the stage is linked to any step of the chain.
    NoLink,
    /// Its strongest link is to a unit of another kind than the provision
    /// (a narrative paragraph that discusses a recommendation), which a
    /// chain of a provision does not visit.
    OtherKind,
    /// Its strongest link is below the reworded threshold, which a chain
    /// of a narrative paragraph needs for a step (a restatement).
    NotRestated,
    /// Its units are linked, of the provision's kind, but the path through
    /// them adds up to less.
    WeakerPath,
}

impl SkipReason {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::NoLink => "no_link",
            SkipReason::OtherKind => "other_kind",
            SkipReason::NotRestated => "not_restated",
            SkipReason::WeakerPath => "weaker_path",
        }
    }
}

/// The strongest link of a skipped stage with the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct SkipLink {
    /// The unit of the skipped stage.
    pub unit: Citation,
    /// Its role.
    pub role: Role,
    /// The step of the chain it is linked to.
    pub step: Citation,
    /// The link's score, 0..1.
    pub score: f64,
}

/// A provision through time: its steps, earliest first, and the stages
/// left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain<'a> {
    /// Steps in time order; consecutive steps are linked.
    pub steps: Vec<Step<'a>>,
    /// Stages without a step, in time order.
    pub skipped: Vec<Skip>,
}

/// The stages of a library in time order.
pub fn stages(lib: &Library) -> Vec<Stage<'_>> {
    // Key: year, date, and for an undated document its position (an
    // undated document is nobody's contemporary).
    type Key = (u16, Option<String>, Option<usize>);
    let mut out: Vec<(Key, usize, Stage)> = Vec::new();
    for (pos, doc) in lib.docs().iter().enumerate() {
        let date = doc.meta.date.clone();
        for u in &doc.units {
            let key: Key = (
                u.year.unwrap_or(u16::MAX),
                date.clone(),
                date.is_none().then_some(pos),
            );
            match out.iter_mut().find(|(k, ..)| *k == key) {
                Some((_, _, s)) => {
                    if s.docs.last() != Some(&doc.meta.id) {
                        s.docs.push(doc.meta.id.clone());
                    }
                    s.units.push(u);
                }
                None => out.push((
                    key,
                    pos,
                    Stage {
                        docs: vec![doc.meta.id.clone()],
                        year: u.year,
                        date: date.clone(),
                        units: vec![u],
                    },
                )),
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    out.into_iter().map(|(.., s)| s).collect()
}

/// Follows provisions through stages, caching stage-to-stage alignments.
pub struct Chainer<'a, 's> {
    scope: &'s Scope<'a>,
    stages: &'s [Stage<'a>],
    opts: AlignOptions,
    cache: FxHashMap<(usize, usize), Alignment>,
    /// Each unit of the stages, by citation, with its stage.
    stage_of: FxHashMap<&'a Citation, (usize, &'a Unit)>,
}

/// A path found by [`Chainer::best_path`]: its value and its steps after
/// the start, nearest first, each with the link that reaches it.
type Path = (f64, Vec<(usize, Link)>);

/// A path to a unit, as [`Chainer::best_path`] keeps them.
#[derive(Debug, Clone)]
struct Label {
    /// The unit the path reaches.
    unit: Citation,
    /// Its stage.
    stage: usize,
    /// The weakest link score on the path (1 for the start alone).
    weakest: f64,
    /// The path's value.
    value: f64,
    /// The link that reaches the unit (none for the start).
    link: Option<Link>,
    /// The path without its last step, as an index into the labels.
    parent: Option<usize>,
}

impl<'a, 's> Chainer<'a, 's> {
    /// A chainer over `stages`, scoring with `scope`.
    pub fn new(scope: &'s Scope<'a>, stages: &'s [Stage<'a>], opts: AlignOptions) -> Self {
        let stage_of = stages
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.units.iter().map(move |&u| (&u.id, (i, u))))
            .collect();
        Chainer {
            scope,
            stages,
            opts,
            cache: FxHashMap::default(),
            stage_of,
        }
    }

    fn alignment(&mut self, from: usize, to: usize) -> &Alignment {
        let (scope, stages, opts) = (self.scope, self.stages, self.opts);
        self.cache
            .entry((from, to))
            .or_insert_with(|| scope.align(&stages[from].units, &stages[to].units, &opts))
    }

    /// The stage of a unit.
    pub fn stage_of(&self, c: &Citation) -> Option<usize> {
        self.stage_of.get(c).map(|&(s, _)| s)
    }

    fn unit(&self, stage: usize, c: &Citation) -> &'a Unit {
        match self.stage_of.get(c) {
            Some(&(s, u)) if s == stage => u,
            _ => panic!("a linked unit is in its stage"),
        }
    }

    /// Whether a chain of `start` may step to `to` by a link of `score`:
    /// for a provision, to a provision of its kind by any link; for
    /// anything else, to any unit by a restatement (a score at the
    /// reworded threshold or above).
    fn may_step(&self, start: &Unit, to: &Unit, score: f64) -> bool {
        match start.role.provision() {
            Some(kind) => to.role.provision() == Some(kind),
            None => score >= self.opts.reworded,
        }
    }

    /// The links of `unit` (in stage `at`) with stage `other`: as the older
    /// unit when `other` is later, as the newer when earlier; with the unit
    /// at the other end.
    fn links_with(&mut self, at: usize, unit: &Citation, other: usize) -> Vec<(Citation, Link)> {
        let forward = other > at;
        let al = if forward {
            self.alignment(at, other)
        } else {
            self.alignment(other, at)
        };
        al.links
            .iter()
            .filter(|l| {
                if forward {
                    &l.old == unit
                } else {
                    &l.new == unit
                }
            })
            .map(|l| {
                let end = if forward { &l.new } else { &l.old };
                (end.clone(), l.clone())
            })
            .collect()
    }

    /// The best path from `start` (in stage `s0`) through later stages
    /// (`forward`) or earlier ones (see the module docs for its value).
    /// Dynamic programming over the stages in the direction of travel:
    /// each unit reached keeps the paths to it that no other beats on both
    /// value and weakest link (a Pareto set: either may win further on),
    /// and each is extended by the unit's links to every stage beyond.
    fn best_path(&mut self, start: &'a Unit, s0: usize, forward: bool) -> Path {
        let order: Vec<usize> = if forward {
            (s0 + 1..self.stages.len()).collect()
        } else {
            (0..s0).rev().collect()
        };
        let mut labels: Vec<Label> = vec![Label {
            unit: start.id.clone(),
            stage: s0,
            weakest: 1.0,
            value: 0.0,
            link: None,
            parent: None,
        }];
        let mut alive: FxHashMap<Citation, Vec<usize>> = FxHashMap::default();
        self.extend(start, 0, forward, &mut labels, &mut alive);
        for &s in &order {
            // Paths to units of stage `s` are complete: every unit that can
            // reach them lies nearer the start.
            let mut here: Vec<usize> = alive
                .iter()
                .filter(|(_, ls)| ls.first().is_some_and(|&l| labels[l].stage == s))
                .flat_map(|(_, ls)| ls.iter().copied())
                .collect();
            here.sort_by(|&a, &b| labels[a].unit.cmp(&labels[b].unit).then(a.cmp(&b)));
            for l in here {
                self.extend(start, l, forward, &mut labels, &mut alive);
            }
        }
        // The end: the highest value; then the furthest stage; then the
        // earlier citation. The start alone is worth 0.
        let end = alive
            .values()
            .flatten()
            .copied()
            .filter(|&l| labels[l].value > 0.0)
            .max_by(|&a, &b| {
                let (la, lb) = (&labels[a], &labels[b]);
                la.value
                    .total_cmp(&lb.value)
                    .then(if forward {
                        la.stage.cmp(&lb.stage)
                    } else {
                        lb.stage.cmp(&la.stage)
                    })
                    .then(lb.unit.cmp(&la.unit))
                    .then(b.cmp(&a))
            });
        let Some(end) = end else {
            return (0.0, Vec::new());
        };
        let value = labels[end].value;
        let mut path = Vec::new();
        let mut at = Some(end);
        while let Some(l) = at {
            if let Some(link) = &labels[l].link {
                path.push((labels[l].stage, link.clone()));
            }
            at = labels[l].parent;
        }
        path.reverse();
        (value, path)
    }

    /// Extends the path `labels[from]` by each link of its unit to the
    /// stages beyond it (later when `forward`, else earlier), keeping for
    /// each unit reached the paths no other beats on both value and
    /// weakest link.
    fn extend(
        &mut self,
        start: &Unit,
        from: usize,
        forward: bool,
        labels: &mut Vec<Label>,
        alive: &mut FxHashMap<Citation, Vec<usize>>,
    ) {
        let (at, unit) = (labels[from].stage, labels[from].unit.clone());
        let order: Vec<usize> = if forward {
            (at + 1..self.stages.len()).collect()
        } else {
            (0..at).rev().collect()
        };
        for s in order {
            for (end, link) in self.links_with(at, &unit, s) {
                if !self.may_step(start, self.unit(s, &end), link.score) {
                    continue;
                }
                let weakest = labels[from].weakest.min(link.score);
                let value = labels[from].value + weakest - self.opts.related;
                let kept = alive.entry(end.clone()).or_default();
                let beaten = kept.iter().any(|&k| {
                    labels[k].weakest >= weakest - 1e-12 && labels[k].value >= value - 1e-12
                });
                if beaten {
                    continue;
                }
                kept.retain(|&k| !(weakest >= labels[k].weakest && value >= labels[k].value));
                kept.push(labels.len());
                labels.push(Label {
                    unit: end,
                    stage: s,
                    weakest,
                    value,
                    link: Some(link),
                    parent: Some(from),
                });
            }
        }
    }

    /// The chain through `start` along the strongest path, earliest stage
    /// first (see the module docs), with the stages it skips.
    pub fn follow(&mut self, start: &Citation) -> Chain<'a> {
        let Some(s0) = self.stage_of(start) else {
            return Chain {
                steps: Vec::new(),
                skipped: Vec::new(),
            };
        };
        let first = self.unit(s0, start);
        let (_, back) = self.best_path(first, s0, false);
        let (_, ahead) = self.best_path(first, s0, true);
        // Earliest first: the backward path reversed, each step with the
        // link to the step after it moved onto that later step.
        let mut placed: Vec<(usize, &'a Unit)> = back
            .iter()
            .rev()
            .map(|(s, l)| (*s, self.unit(*s, &l.old)))
            .collect();
        let mut links: Vec<Option<Link>> = vec![None];
        links.extend(back.iter().rev().map(|(_, l)| Some(l.clone())));
        placed.push((s0, first));
        for (s, l) in &ahead {
            placed.push((*s, self.unit(*s, &l.new)));
            links.push(Some(l.clone()));
        }
        let mut steps = Vec::with_capacity(placed.len());
        for (i, ((stage, unit), link)) in placed.iter().zip(links).enumerate() {
            let merged_with = match (&link, i.checked_sub(1)) {
                (Some(l), Some(p)) => self.merged_with(placed[p].0, *stage, l),
                _ => Vec::new(),
            };
            steps.push(Step {
                unit,
                stage: *stage,
                relation: link.as_ref().map(|l| l.relation),
                score: link.as_ref().map(|l| l.score),
                merged_with,
            });
        }
        let skipped = self.skipped(first, &steps);
        Chain { steps, skipped }
    }

    /// The closest source of `link.new` in the alignment of the two
    /// stages (its backbone link, else its strongest), when it is not
    /// `link.old`: the provision it restates together with the step
    /// before.
    fn merged_with(&mut self, from: usize, to: usize, link: &Link) -> Vec<Citation> {
        let al = self.alignment(from, to);
        al.backbone_of_new(&link.new)
            .or_else(|| {
                al.links_of_new(&link.new)
                    .max_by(|a, b| a.score.total_cmp(&b.score).then(b.old.cmp(&a.old)))
            })
            .filter(|b| b.old != link.old)
            .map(|b| vec![b.old.clone()])
            .unwrap_or_default()
    }

    /// Every stage without a step, with its strongest link to a step.
    fn skipped(&mut self, start: &Unit, steps: &[Step<'a>]) -> Vec<Skip> {
        let visited: Vec<usize> = steps.iter().map(|s| s.stage).collect();
        let mut out = Vec::new();
        for stage in 0..self.stages.len() {
            if visited.contains(&stage) {
                continue;
            }
            let mut best: Option<SkipLink> = None;
            for step in steps {
                for (end, link) in self.links_with(step.stage, &step.unit.id, stage) {
                    if best.as_ref().is_none_or(|b| link.score > b.score) {
                        best = Some(SkipLink {
                            role: self.unit(stage, &end).role,
                            unit: end,
                            step: step.unit.id.clone(),
                            score: link.score,
                        });
                    }
                }
            }
            let reason = match &best {
                None => SkipReason::NoLink,
                Some(b)
                    if start.role.provision().is_some()
                        && b.role.provision() != start.role.provision() =>
                {
                    SkipReason::OtherKind
                }
                Some(b) if start.role.provision().is_none() && b.score < self.opts.reworded => {
                    SkipReason::NotRestated
                }
                Some(_) => SkipReason::WeakerPath,
            };
            out.push(Skip {
                stage,
                reason,
                best,
            });
        }
        out
    }

    /// Every chain that spans at least `min_docs` documents, each unit in
    /// at most one chain, in time order of their first step. From every
    /// unit, its strongest path forward (as [`follow`](Self::follow) finds
    /// it); the strongest paths are taken first, each cut before any unit
    /// a stronger chain took, so a loose chain of discussion paragraphs
    /// does not take the provision a stronger chain leads to. No chain
    /// starts from a chapeau of a list (boilerplate) or, unless procedural
    /// units are aligned, from a procedural unit.
    pub fn all(&mut self, min_docs: usize) -> Vec<Vec<Step<'a>>> {
        // (stage, position in it, strongest path forward)
        let mut candidates: Vec<(usize, usize, Path)> = Vec::new();
        for s0 in 0..self.stages.len() {
            for (i, u) in self.stages[s0].units.clone().into_iter().enumerate() {
                // A chapeau of a list ("The following recommendations ...")
                // repeats from report to report: its chain says nothing.
                if u.role.is_boilerplate()
                    || (u.role.is_procedural() && !self.opts.include_procedural)
                {
                    continue;
                }
                let path = self.best_path(u, s0, true);
                if !path.1.is_empty() {
                    candidates.push((s0, i, path));
                }
            }
        }
        // Strongest first; ties in time order.
        candidates.sort_by(|a, b| b.2 .0.total_cmp(&a.2 .0).then((a.0, a.1).cmp(&(b.0, b.1))));
        let mut used: rustc_hash::FxHashSet<Citation> = Default::default();
        let mut chains: Vec<((usize, usize), Vec<Step<'a>>)> = Vec::new();
        for (s0, i, (_, ahead)) in candidates {
            let u = self.stages[s0].units[i];
            if used.contains(&u.id) {
                continue;
            }
            let mut steps = vec![Step {
                unit: u,
                stage: s0,
                relation: None,
                score: None,
                merged_with: Vec::new(),
            }];
            for (s, link) in ahead {
                if used.contains(&link.new) {
                    break;
                }
                let prev = steps.last().map_or(s0, |p| p.stage);
                let merged_with = self.merged_with(prev, s, &link);
                steps.push(Step {
                    unit: self.unit(s, &link.new),
                    stage: s,
                    relation: Some(link.relation),
                    score: Some(link.score),
                    merged_with,
                });
            }
            let mut docs: Vec<&str> = steps.iter().map(|st| st.unit.id.doc.as_str()).collect();
            docs.sort_unstable();
            docs.dedup();
            if docs.len() >= min_docs {
                used.extend(steps.iter().map(|st| st.unit.id.clone()));
                chains.push(((s0, i), steps));
            }
        }
        chains.sort_by_key(|(first, _)| *first);
        chains.into_iter().map(|(_, steps)| steps).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document, Origin};

    fn doc(id: &str, date: Option<&str>, body: &str) -> Document {
        let text = match date {
            Some(d) => format!("---\ndate: {d}\n---\n{body}"),
            None => body.to_string(),
        };
        Document::from_text(id, &format!("{id}.md"), &text, Origin::Stdin).unwrap()
    }

    #[test]
    fn documents_of_one_date_are_one_stage_and_undated_ones_each_their_own() {
        let mut corpus = Corpus::new();
        for d in [
            doc("b1", Some("2025-01-21"), "1. Strengthen cooperation.\n"),
            doc("a", Some("2019-01-24"), "1. Strengthen cooperation.\n"),
            doc("b2", Some("2025-01-21"), "1. Promote access to justice.\n"),
            doc("u1", None, "1. Promote access to justice.\n"),
            doc("u2", None, "1. Promote access to justice.\n"),
        ] {
            corpus.add(d).unwrap();
        }
        let lib = Library::new(corpus);
        let labels: Vec<String> = stages(&lib).iter().map(Stage::label).collect();
        assert_eq!(labels, ["a (2019)", "b1 + b2 (2025)", "u1", "u2"]);
    }

    #[test]
    fn a_chain_skips_a_stage_and_takes_no_step_without_a_link() {
        let mut corpus = Corpus::new();
        let text = "1. Strengthen international cooperation against trafficking in cultural property, including through mutual legal assistance and the return of stolen objects.\n";
        for d in [
            doc("v1", Some("2019-01-01"), text),
            doc(
                "mid",
                Some("2021-01-01"),
                "1. Elect the officers of the meeting.\n",
            ),
            doc("v2", Some("2025-01-01"), text),
        ] {
            corpus.add(d).unwrap();
        }
        let lib = Library::new(corpus);
        let stages = stages(&lib);
        let scope = Scope::new(lib.all_units());
        let mut chainer = Chainer::new(&scope, &stages, AlignOptions::default());
        let chain = chainer.follow(&Citation::parse("v1:1").unwrap());
        let ids: Vec<String> = chain.steps.iter().map(|s| s.unit.id.to_string()).collect();
        assert_eq!(ids, ["v1:1", "v2:1"]);
        assert_eq!(chain.steps[1].relation, Some(Relation::Identical));
        assert_eq!(chain.skipped.len(), 1);
        assert_eq!(chain.skipped[0].reason, SkipReason::NoLink);
        // Backwards from the end, the same path.
        let back = chainer.follow(&Citation::parse("v2:1").unwrap());
        assert_eq!(back.steps, chain.steps);
    }
}
