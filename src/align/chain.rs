//! Chains: one provision followed through every document in time order,
//! by the alignment links between consecutive stages.
//!
//! A *stage* is a document, or one year of a document that spans several
//! (the thematic summaries: 2021, 2022, 2023, 2024, then the closing
//! section of 2025). Stages are ordered by year, then by document date.
//! From a provision, the chain goes forward stage by stage, following the
//! provision's backbone link in the alignment of its stage with the next
//! (or, failing one, its best related link), and likewise backwards. A
//! stage where the provision has no link is skipped, not a break.

use rustc_hash::FxHashMap;

use super::{AlignOptions, Alignment, Relation, Scope};
use crate::parse::{Citation, Unit};
use crate::Library;

/// The least score of a related link that anchors a chain in a stage
/// where the provision has no backbone link: between the related and the
/// reworded thresholds, so only the stronger partial precedents count.
pub const ANCHOR_RELATED: f64 = 0.25;

/// A document, or one year of a document that spans several.
#[derive(Debug, Clone)]
pub struct Stage<'a> {
    /// Document id.
    pub doc: String,
    /// The year of the stage's units.
    pub year: Option<u16>,
    /// Units in document order.
    pub units: Vec<&'a Unit>,
}

impl Stage<'_> {
    /// `rpm2019 (2019)`.
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y})", self.doc),
            None => self.doc.clone(),
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
    /// Score of that link.
    pub score: Option<f64>,
}

/// The stages of a library in time order.
pub fn stages(lib: &Library) -> Vec<Stage<'_>> {
    let mut out: Vec<(u16, String, usize, Stage)> = Vec::new();
    for (pos, doc) in lib.docs().iter().enumerate() {
        let mut by_year: Vec<Stage> = Vec::new();
        for u in &doc.units {
            match by_year.iter_mut().find(|s| s.year == u.year) {
                Some(s) => s.units.push(u),
                None => by_year.push(Stage {
                    doc: doc.meta.id.clone(),
                    year: u.year,
                    units: vec![u],
                }),
            }
        }
        let date = doc.meta.date.clone().unwrap_or_default();
        for s in by_year {
            out.push((s.year.unwrap_or(u16::MAX), date.clone(), pos, s));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    out.into_iter().map(|(.., s)| s).collect()
}

/// Follows provisions through stages, caching stage-to-stage alignments.
pub struct Chainer<'a, 's> {
    scope: &'s Scope<'a>,
    stages: &'s [Stage<'a>],
    opts: AlignOptions,
    cache: FxHashMap<(usize, usize), Alignment>,
}

impl<'a, 's> Chainer<'a, 's> {
    /// A chainer over `stages`, scoring with `scope`.
    pub fn new(scope: &'s Scope<'a>, stages: &'s [Stage<'a>], opts: AlignOptions) -> Self {
        Chainer {
            scope,
            stages,
            opts,
            cache: FxHashMap::default(),
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
        self.stages
            .iter()
            .position(|s| s.units.iter().any(|u| &u.id == c))
    }

    fn unit(&self, stage: usize, c: &Citation) -> Option<&'a Unit> {
        self.stages[stage]
            .units
            .iter()
            .find(|u| &u.id == c)
            .copied()
    }

    /// The successor of `tip` in stage `to`: its backbone link, else (when
    /// `related` is allowed) its best related link, provided the two are
    /// each other's best match: a weak link that is not mutual would lead
    /// the chain astray into a neighbouring subject.
    fn forward(
        &mut self,
        from: usize,
        tip: &Citation,
        to: usize,
        related: bool,
    ) -> Option<(Citation, Relation, f64)> {
        let al = self.alignment(from, to);
        let links = al.links.iter().filter(|l| &l.old == tip);
        if let Some(b) = links.clone().find(|l| l.relation != Relation::Related) {
            return Some((b.new.clone(), b.relation, b.score));
        }
        if !related {
            return None;
        }
        let best = links.max_by(|a, b| a.score.total_cmp(&b.score).then(b.new.cmp(&a.new)))?;
        let mutual = al
            .links_of_new(&best.new)
            .next()
            .is_some_and(|l| &l.old == tip);
        mutual.then(|| (best.new.clone(), best.relation, best.score))
    }

    fn find_link(
        &mut self,
        from: usize,
        old: &Citation,
        to: usize,
        new: &Citation,
    ) -> Option<(Relation, f64)> {
        if from >= to {
            return None;
        }
        self.alignment(from, to)
            .links
            .iter()
            .find(|l| &l.old == old && &l.new == new)
            .map(|l| (l.relation, l.score))
    }

    /// The backbone predecessor of `tip` in stage `to`.
    fn backward(
        &mut self,
        from: usize,
        tip: &Citation,
        to: usize,
    ) -> Option<(Citation, Relation, f64)> {
        let al = self.alignment(to, from);
        al.backbone_of_new(tip)
            .map(|l| (l.old.clone(), l.relation, l.score))
    }

    /// The best link of the provision `start` (in stage `s0`) with stage
    /// `s`, in either time direction: its backbone link, else its best
    /// related link of at least [`ANCHOR_RELATED`].
    fn anchored(&mut self, s0: usize, start: &Citation, s: usize) -> Option<Citation> {
        let al = if s > s0 {
            self.alignment(s0, s)
        } else {
            self.alignment(s, s0)
        };
        let (mine, other): (Vec<_>, fn(&super::Link) -> &Citation) = if s > s0 {
            (al.links.iter().filter(|l| &l.old == start).collect(), |l| {
                &l.new
            })
        } else {
            (al.links.iter().filter(|l| &l.new == start).collect(), |l| {
                &l.old
            })
        };
        mine.iter()
            .find(|l| l.relation != Relation::Related)
            .or_else(|| {
                mine.iter()
                    .filter(|l| l.score >= ANCHOR_RELATED)
                    .max_by(|a, b| a.score.total_cmp(&b.score).then(other(b).cmp(other(a))))
            })
            .map(|l| other(l).clone())
    }

    /// The chain through `start`, earliest stage first. In each other stage
    /// the chain takes the backbone successor (or predecessor) of its
    /// nearest step; where there is none, the provision's own best link
    /// with that stage, so a stage that skipped the provision neither ends
    /// the chain nor leads it astray through a chain of weak links.
    pub fn follow(&mut self, start: &Citation) -> Vec<Step<'a>> {
        let Some(s0) = self.stage_of(start) else {
            return Vec::new();
        };
        let mut later: Vec<(usize, Citation)> = vec![(s0, start.clone())];
        for s in s0 + 1..self.stages.len() {
            let (tip_stage, tip) = later.last().cloned().expect("non-empty");
            let next = self
                .forward(tip_stage, &tip, s, false)
                .map(|(c, ..)| c)
                .or_else(|| self.anchored(s0, start, s));
            if let Some(c) = next {
                later.push((s, c));
            }
        }
        let mut earlier: Vec<(usize, Citation)> = Vec::new();
        for s in (0..s0).rev() {
            let (tip_stage, tip) = earlier.last().cloned().unwrap_or((s0, start.clone()));
            let prev = self
                .backward(tip_stage, &tip, s)
                .map(|(c, ..)| c)
                .or_else(|| self.anchored(s0, start, s));
            if let Some(c) = prev {
                earlier.push((s, c));
            }
        }
        earlier.reverse();
        let path: Vec<(usize, Citation)> = earlier.into_iter().chain(later).collect();
        // Each step's relation is that of its link with the step before
        // (or, where the chain was anchored, with the provision itself).
        let mut steps = Vec::with_capacity(path.len());
        for (i, (stage, c)) in path.iter().enumerate() {
            let link = i.checked_sub(1).and_then(|p| {
                let (ps, pc) = path[p].clone();
                self.find_link(ps, &pc, *stage, c)
                    .or_else(|| self.find_link(s0, start, *stage, c))
                    .or_else(|| self.find_link(*stage, c, s0, start))
            });
            steps.push(Step {
                unit: self.unit(*stage, c).expect("unit of its stage"),
                stage: *stage,
                relation: link.map(|l| l.0),
                score: link.map(|l| l.1),
            });
        }
        steps
    }

    /// Every chain of backbone links that spans at least `min_docs`
    /// documents, each unit in at most one chain, in time order of their
    /// first step. No chain starts from a chapeau of a list (boilerplate).
    pub fn all(&mut self, min_docs: usize) -> Vec<Vec<Step<'a>>> {
        let mut used: rustc_hash::FxHashSet<Citation> = Default::default();
        let mut chains = Vec::new();
        for s0 in 0..self.stages.len() {
            for u in self.stages[s0].units.clone() {
                // A chapeau of a list ("The following recommendations ...")
                // repeats from report to report: its chain says nothing.
                if used.contains(&u.id) || u.role.is_boilerplate() {
                    continue;
                }
                let mut steps = vec![Step {
                    unit: u,
                    stage: s0,
                    relation: None,
                    score: None,
                }];
                let (mut tip, mut tip_stage) = (u.id.clone(), s0);
                for s in s0 + 1..self.stages.len() {
                    if let Some((c, rel, score)) = self.forward(tip_stage, &tip, s, false) {
                        if used.contains(&c) {
                            break;
                        }
                        steps.push(Step {
                            unit: self.unit(s, &c).expect("unit of its stage"),
                            stage: s,
                            relation: Some(rel),
                            score: Some(score),
                        });
                        tip = c;
                        tip_stage = s;
                    }
                }
                let mut docs: Vec<&str> = steps.iter().map(|st| st.unit.id.doc.as_str()).collect();
                docs.dedup();
                docs.sort_unstable();
                docs.dedup();
                if docs.len() >= min_docs {
                    used.extend(steps.iter().map(|st| st.unit.id.clone()));
                    chains.push(steps);
                }
            }
        }
        chains
    }
}
