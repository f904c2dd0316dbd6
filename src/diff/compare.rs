//! Comparisons: an [`Alignment`] turned into redlines, one [`PairDiff`] per
//! newer unit that has a precedent, plus the units that are new or dropped.
//! This is the value the `diff` renderers (terminal, JSON, memo) consume.

use rustc_hash::FxHashMap;

use super::{diff_words, is_identical, strength_changes, Edit, StrengthChange};
use crate::align::{Alignment, Relation, Summary};
use crate::parse::{same_provision, Citation, ParsedDoc, Unit};

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
    /// Changes in drafting strength; always empty when the two are not
    /// provisions of one kind (see [`provision_strength`]).
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

    /// True when the two units are cited differently within their
    /// documents (`2bis` -> `3`, an item moved under another paragraph):
    /// in two versions of one text, a renumbering is a change.
    pub fn is_renumbered(&self) -> bool {
        self.old.id.path != self.new.id.path
    }

    /// True when nothing about the pair changed: same characters, same
    /// place in the document.
    pub fn is_same(&self) -> bool {
        self.is_unchanged() && !self.is_renumbered()
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
    /// Older units that are no newer unit's backbone precedent, though
    /// some newer unit is related to them (a paragraph that repeated
    /// another and was deleted): not dropped, but not carried over either.
    pub related_only: Vec<&'a Unit>,
    /// Changes to what frames the units: titles, chapeaux, headings and
    /// set-aside lines, line by line (see [`context_changes`]).
    pub context: Vec<ContextEdit>,
    /// Counts from the alignment.
    pub summary: Summary,
}

/// One line of what frames the units, deleted or inserted between the two
/// sides: `chapeau: The General Assembly,`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContextEdit {
    /// `delete` (only in the older side) or `insert` (only in the newer).
    pub op: super::Op,
    /// What the line is: `title`, `chapeau`, `operative chapeau`,
    /// `heading`, `set aside` or `procedural` (a procedural unit set apart
    /// from the alignment).
    pub role: &'static str,
    /// Its text.
    pub text: String,
}

/// The lines that frame the units of `docs` (titles, chapeaux, headings,
/// set-aside lines), in document order, with what each is.
fn context_lines(docs: &[&ParsedDoc]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for d in docs {
        let mut lines: Vec<(usize, &'static str, String)> = Vec::new();
        for f in &d.framing {
            lines.push((f.line, f.role.label(), f.text.clone()));
        }
        for (h, line) in d.headings.iter().zip(&d.heading_lines) {
            lines.push((*line, "heading", h.clone()));
        }
        // Page furniture (running heads, page numbers) is layout: a Word
        // file and its PDF, or two printings, differ in it and say the same.
        for s in d
            .skipped
            .iter()
            .filter(|s| s.reason != crate::parse::SkipReason::PageFurniture)
        {
            lines.push((s.line, "set aside", s.text.clone()));
        }
        lines.sort_by_key(|(line, ..)| *line);
        out.extend(lines.into_iter().map(|(_, r, t)| (r, t)));
    }
    out
}

/// True when the texts of two sides differ in more than the layout of
/// their whitespace (line breaks, runs of spaces, blank lines): the check
/// behind every "identical", so that a change accord does not compare
/// (an emphasis mark, a link target, a numbering label) still counts.
/// Markdown's heading marks (`#`, `##`) are layout too: a Word file writes
/// its headings with them and its PDF without, and the headings' words are
/// compared as context.
pub fn texts_differ(old: &[&str], new: &[&str]) -> bool {
    let words = |sides: &[&str]| -> Vec<String> {
        sides
            .iter()
            .flat_map(|t| t.split_whitespace())
            .filter(|w| !w.bytes().all(|b| b == b'#'))
            .map(|w| crate::parse::unicode::matching_form(w).into_owned())
            .collect()
    };
    words(old) != words(new)
}

/// The context line that says two sides differ only in what accord does
/// not compare (see [`texts_differ`]).
pub fn other_change() -> ContextEdit {
    ContextEdit {
        op: super::Op::Insert,
        role: "other",
        text: "the documents differ in text accord does not compare as words (markup such as emphasis marks or link targets, numbering labels, rule lines)".into(),
    }
}

/// What changed in the lines that frame the units of two sides: titles,
/// chapeaux, headings and set-aside lines, compared line by line (Myers'
/// diff from `similar`); empty when they are the same.
pub fn context_changes(old: &[&ParsedDoc], new: &[&ParsedDoc]) -> Vec<ContextEdit> {
    let (a, b) = (context_lines(old), context_lines(new));
    line_changes(&a, &b)
        .into_iter()
        .map(|(op, i)| {
            let (role, text) = if op == super::Op::Delete {
                &a[i]
            } else {
                &b[i]
            };
            ContextEdit {
                op,
                role,
                text: text.clone(),
            }
        })
        .collect()
}

/// The lines deleted from `a` and inserted in `b` (Myers' diff from
/// `similar`), in order: the op and the index of the line in its side.
fn line_changes<T: Eq + std::hash::Hash + Ord>(a: &[T], b: &[T]) -> Vec<(super::Op, usize)> {
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, a, b) {
        let (tag, old, new) = op.as_tag_tuple();
        if matches!(tag, similar::DiffTag::Delete | similar::DiffTag::Replace) {
            out.extend(old.map(|i| (super::Op::Delete, i)));
        }
        if matches!(tag, similar::DiffTag::Insert | similar::DiffTag::Replace) {
            out.extend(new.map(|i| (super::Op::Insert, i)));
        }
    }
    out
}

impl Comparison<'_> {
    /// True when the comparison is of two versions of one text: one
    /// document on each side. Only then is a renumbering a change (across
    /// different documents every number differs).
    pub fn is_versions(&self) -> bool {
        self.old_docs.len() == 1 && self.new_docs.len() == 1
    }

    /// True when the pair changed: any character, or, between two versions
    /// of one text, its number.
    pub fn pair_changed(&self, p: &PairDiff) -> bool {
        !p.is_unchanged() || (self.is_versions() && p.is_renumbered())
    }

    /// True when the two sides differ at all (for diff(1)-style exit
    /// codes): a new or dropped unit, an older unit carried over only as
    /// related, a pair with any changed character (punctuation included)
    /// or a new number, or a changed title, chapeau, heading or set-aside
    /// line.
    pub fn has_differences(&self) -> bool {
        !self.new_units.is_empty()
            || !self.dropped_units.is_empty()
            || !self.related_only.is_empty()
            || !self.context.is_empty()
            || self
                .pairs
                .iter()
                .any(|p| !p.is_identical() || self.pair_changed(p))
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

/// The changes in drafting strength from unit `old` to unit `new`, when
/// the two are provisions of one kind (two recommendations or operative
/// paragraphs, or two preambular paragraphs: see
/// [`Role::provision`](crate::parse::Role::provision)); empty otherwise.
/// A recommendation paired with an account of the discussion it came from
/// has no change of verb to speak of: `Pursue ...` against `Speakers
/// highlighted ...` is not a weakening.
pub fn provision_strength(old: &Unit, new: &Unit) -> Vec<StrengthChange> {
    if same_provision(old.role, new.role) {
        strength_changes(&old.text, &new.text)
    } else {
        Vec::new()
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
        strength: provision_strength(old, new),
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
    let links_by_new = al.links_by_new();
    for cite in &al.new_order {
        let links = links_by_new.get(cite).map_or(&[][..], Vec::as_slice);
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
    let dropped: Vec<&Unit> = pick(&al.dropped_units);
    // Older units that are a backbone precedent, or dropped: the rest are
    // only related to some newer unit. One hash look-up per older unit.
    // Procedural units set apart are accounted for as such.
    let accounted: rustc_hash::FxHashSet<&Citation> = pairs
        .iter()
        .filter(|p| p.relation != Relation::Related)
        .map(|p| &p.old.id)
        .chain(al.dropped_units.iter())
        .chain(al.procedural_old.iter())
        .chain(al.boilerplate_old.iter())
        .collect();
    let related_only = old
        .iter()
        .copied()
        .filter(|u| !accounted.contains(&u.id))
        .collect();
    Comparison {
        old_docs: al.old_docs.clone(),
        new_docs: al.new_docs.clone(),
        pairs,
        new_units: pick(&al.new_units),
        dropped_units: dropped,
        related_only,
        // Between two versions of one text, a change in a procedural unit
        // set apart is still a change; across documents they all differ,
        // and listing them would bury the context.
        context: if al.old_docs.len() == 1 && al.new_docs.len() == 1 {
            procedural_changes(&pick(&al.procedural_old), &pick(&al.procedural_new))
        } else {
            Vec::new()
        },
        summary: al.summary(),
    }
}

/// What changed in the procedural units set apart from an alignment, as
/// context lines (`procedural: v2:6-3 3. Adoption of the agenda.`: the
/// citation, then the text), compared by text in order (Myers' diff from
/// `similar`): they are no one's precedent, but a change in them is still
/// a change, so that `diff` never calls two versions identical when only
/// their agenda differs.
pub fn procedural_changes(old: &[&Unit], new: &[&Unit]) -> Vec<ContextEdit> {
    let text = |units: &[&Unit]| -> Vec<String> {
        units
            .iter()
            .map(|u| format!("{} {}", u.label, u.text).trim().to_string())
            .collect()
    };
    let (a, b) = (text(old), text(new));
    line_changes(&a, &b)
        .into_iter()
        .map(|(op, i)| {
            let (unit, text) = if op == super::Op::Delete {
                (old[i], &a[i])
            } else {
                (new[i], &b[i])
            };
            ContextEdit {
                op,
                role: "procedural",
                text: format!("{} {text}", unit.id),
            }
        })
        .collect()
}
