//! Comparisons: an [`Alignment`] turned into redlines, one [`PairDiff`] per
//! newer unit that has a precedent, plus the units that are new or dropped.
//! This is the value the `diff` renderers (terminal, JSON, memo) consume.

use rustc_hash::FxHashMap;

use super::{diff_words, is_identical, strength_changes, Edit, StrengthChange};
use crate::align::{Alignment, Relation, Summary};
use crate::parse::{Citation, Unit};

/// One newer unit against its precedent.
#[derive(Debug, Clone, PartialEq)]
pub struct PairDiff<'a> {
    /// The precedent.
    pub old: &'a Unit,
    /// The newer unit.
    pub new: &'a Unit,
    /// identical, reworded or (when there is no backbone link) related.
    pub relation: Relation,
    /// Alignment score.
    pub score: f64,
    /// Word-level edits from the precedent's text to the newer text.
    pub edits: Vec<Edit>,
    /// Changes in drafting strength.
    pub strength: Vec<StrengthChange>,
    /// Further related older units, with scores.
    pub related: Vec<(Citation, f64)>,
}

impl PairDiff<'_> {
    /// True when the words are the same after normalisation (case,
    /// punctuation and spacing aside): the relation is identical.
    pub fn is_identical(&self) -> bool {
        self.relation == Relation::Identical
    }

    /// True when the two texts are the same character for character: no
    /// edit inserts or deletes anything.
    pub fn is_unchanged(&self) -> bool {
        is_identical(&self.edits)
    }

    /// True when the words are the same but some other character changed:
    /// a semicolon that became a comma, a capital, a space. Such a pair is
    /// [identical](Self::is_identical) yet still a difference.
    pub fn is_punctuation_only(&self) -> bool {
        self.is_identical() && !self.is_unchanged()
    }
}

/// Everything `accord diff OLD NEW` shows.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// Documents of the older side.
    pub old_docs: Vec<String>,
    /// Documents of the newer side.
    pub new_docs: Vec<String>,
    /// Pairs in the newer side's document order.
    pub pairs: Vec<PairDiff<'a>>,
    /// Newer units with no precedent.
    pub new_units: Vec<&'a Unit>,
    /// Older units with no successor.
    pub dropped_units: Vec<&'a Unit>,
    /// Counts from the alignment.
    pub summary: Summary,
}

impl Comparison<'_> {
    /// True when the two sides differ at all (for diff(1)-style exit
    /// codes): a new or dropped unit, or a pair with any changed
    /// character, punctuation included.
    pub fn has_differences(&self) -> bool {
        !self.new_units.is_empty()
            || !self.dropped_units.is_empty()
            || self
                .pairs
                .iter()
                .any(|p| !p.is_identical() || !p.is_unchanged())
    }

    /// Pairs whose words are the same but whose punctuation (or case or
    /// spacing) changed.
    pub fn punctuation_only(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| p.is_punctuation_only())
            .count()
    }
}

/// Diffs one pair of units.
pub fn pair<'a>(old: &'a Unit, new: &'a Unit, relation: Relation, score: f64) -> PairDiff<'a> {
    PairDiff {
        old,
        new,
        relation,
        score,
        edits: diff_words(&old.text, &new.text),
        strength: strength_changes(&old.text, &new.text),
        related: Vec::new(),
    }
}

/// Turns an alignment of `old` and `new` into redlines: each newer unit is
/// diffed against its backbone precedent or, failing one, its best related
/// unit.
pub fn compare<'a>(al: &Alignment, old: &[&'a Unit], new: &[&'a Unit]) -> Comparison<'a> {
    let by_id: FxHashMap<&Citation, &'a Unit> =
        old.iter().chain(new).map(|u| (&u.id, *u)).collect();
    let mut pairs = Vec::new();
    for cite in &al.new_order {
        let links: Vec<_> = al.links_of_new(cite).collect();
        let Some(first) = links.first() else { continue };
        let (Some(&o), Some(&n)) = (by_id.get(&first.old), by_id.get(cite)) else {
            continue;
        };
        let mut p = pair(o, n, first.relation, first.score);
        p.related = links[1..]
            .iter()
            .map(|l| (l.old.clone(), l.score))
            .collect();
        pairs.push(p);
    }
    let pick = |cites: &[Citation]| cites.iter().filter_map(|c| by_id.get(c).copied()).collect();
    Comparison {
        old_docs: al.old_docs.clone(),
        new_docs: al.new_docs.clone(),
        pairs,
        new_units: pick(&al.new_units),
        dropped_units: pick(&al.dropped_units),
        summary: al.summary(),
    }
}
