//! Memos: how the language evolved between two sides, written for a
//! drafter as Markdown, HTML or Word.
//!
//! This module owns the memo *model*: plain data built from a
//! [`Comparison`] and the documents' metadata by [`build`], with no I/O and
//! no reads of the environment (the memo date comes in through
//! [`MemoOptions`]). One renderer per format turns a [`Memo`] into bytes:
//! [`markdown`], [`html`] and [`docx`], laid out with the building blocks
//! of [`super::written`] that the written review shares. Every renderer
//! shows the same content in the same order:
//!
//! 1. the title, the documents compared, the memo date, the accord version
//!    and the alignment thresholds;
//! 2. an executive summary: counts, a few sentences generated from those
//!    counts (templated, every claim naming its citations) and the list of
//!    changes of drafting strength;
//! 3. emerging and fading terms, when [`Memo::terms`] is filled in;
//! 4. one section per topic of the newer side (its heading path), in
//!    document order: each provision with its precedent(s), relation,
//!    score, drafting-strength changes and redline, then the topic's new
//!    provisions;
//! 5. the dropped provisions of the older side.
//!
//! Citations are given in both styles, UN style first and the tool id
//! after it: `rpm2019, para. 13 (e) — rpm2019:13(e)`.

pub mod docx;
pub mod html;
pub mod markdown;

use rustc_hash::FxHashMap;

use super::style::shorten;
use super::written::{names, plural};
pub use super::written::{Cite, DocInfo, Format, MemoDate, VERSION};
use crate::align::{Relation, RELATED, REWORDED};
use crate::diff::{Comparison, Edit, StrengthChange, StrengthKind};
use crate::parse::{Citation, Unit, UnitKind};
use crate::Library;

/// The memo rendered in `format`, as bytes.
pub fn render(memo: &Memo, format: Format) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Markdown => markdown::write(memo, &mut out)?,
        Format::Html => html::write(memo, &mut out)?,
        Format::Docx => out = docx::to_bytes(memo)?,
    }
    Ok(out)
}

/// What the caller decides: the date (the library never reads the clock),
/// whether verbatim provisions are listed, the thresholds of the alignment.
#[derive(Debug, Clone)]
pub struct MemoOptions {
    /// The memo's date, also the date of its tracked changes.
    pub date: MemoDate,
    /// Leave provisions carried over verbatim out of the topic sections
    /// (they are still counted).
    pub only_changed: bool,
    /// The thresholds the alignment was made with.
    pub thresholds: Thresholds,
    /// Emerging and fading terms, when the caller has them.
    pub terms: Option<Terms>,
}

impl MemoOptions {
    /// Options for a memo dated `date`, default thresholds, every provision.
    pub fn new(date: MemoDate) -> MemoOptions {
        MemoOptions {
            date,
            only_changed: false,
            thresholds: Thresholds::default(),
            terms: None,
        }
    }
}

/// Alignment thresholds, stated in the memo so a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Minimum score of a reworded link.
    pub reworded: f64,
    /// Minimum score of a related link.
    pub related: f64,
    /// The share of meaning in each score when sentence vectors were used
    /// (paraphrase matching), 0..1; `None` for wording alone. The memo
    /// states it: the two give different results.
    pub semantic_weight: Option<f64>,
    /// Units matched on wording alone although paraphrase matching was on
    /// (no vector: text of the user's with no model to embed it).
    pub wording_only: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            reworded: REWORDED,
            related: RELATED,
            semantic_weight: None,
            wording_only: 0,
        }
    }
}

/// The counts of the executive summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Newer provisions carried over verbatim (the same words).
    pub identical: usize,
    /// Of those, the provisions whose punctuation (or case or spacing)
    /// changed all the same.
    pub punctuation_only: usize,
    /// Newer provisions carried over with changes.
    pub reworded: usize,
    /// Newer provisions with only related precedents.
    pub related: usize,
    /// Newer provisions with no precedent.
    pub new: usize,
    /// Older provisions with no successor.
    pub dropped: usize,
    /// Provisions of the older side: its units but chapeaux of lists and
    /// procedural units set apart.
    pub old_units: usize,
    /// Provisions of the newer side, counted likewise.
    pub new_units: usize,
    /// Chapeaux of lists, both sides (boilerplate: shown, not counted).
    pub boilerplate: usize,
    /// Procedural units set apart, both sides.
    pub procedural: usize,
    /// Changes of drafting strength, all provisions together.
    pub strength_changes: usize,
    /// Provisions with at least one change of drafting strength.
    pub strength_provisions: usize,
}

/// One change of drafting strength, with the two provisions it is between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrengthItem {
    /// The precedent.
    pub old: Cite,
    /// The newer provision.
    pub new: Cite,
    /// What changed.
    pub change: StrengthChange,
}

/// A phrase whose use grew or shrank between the sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The phrase.
    pub phrase: String,
    /// Occurrences in the newer side.
    pub new_count: usize,
    /// Occurrences in the older side.
    pub old_count: usize,
}

/// Emerging and fading terms (from `accord terms`); rendered when present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Terms {
    /// Phrases more frequent in the newer side.
    pub emerging: Vec<TermCount>,
    /// Phrases less frequent in the newer side.
    pub fading: Vec<TermCount>,
}

impl From<&crate::analysis::Term> for TermCount {
    fn from(t: &crate::analysis::Term) -> TermCount {
        TermCount {
            phrase: t.phrase.clone(),
            new_count: t.new_count as usize,
            old_count: t.old_count as usize,
        }
    }
}

impl From<&crate::analysis::Terms> for Terms {
    /// The memo's view of `accord terms`: each phrase with its counts, in
    /// the ranking order of the analysis.
    fn from(t: &crate::analysis::Terms) -> Terms {
        Terms {
            emerging: t.emerging.iter().map(TermCount::from).collect(),
            fading: t.fading.iter().map(TermCount::from).collect(),
        }
    }
}

/// A newer provision and its precedent.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    /// The newer provision.
    pub new: Cite,
    /// Its precedent (backbone link, or the best related unit).
    pub precedent: Cite,
    /// identical, reworded or related.
    pub relation: Relation,
    /// Alignment score.
    pub score: f64,
    /// Further related older units, with scores.
    pub related: Vec<(Cite, f64)>,
    /// Changes of drafting strength from the precedent.
    pub strength: Vec<StrengthChange>,
    /// Word-level redline from the precedent's text to the newer text.
    pub edits: Vec<Edit>,
}

/// A unit shown whole: a new provision or a dropped one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its citation.
    pub cite: Cite,
    /// Its document.
    pub doc: String,
    /// Its heading path.
    pub section: Vec<String>,
    /// Its text.
    pub text: String,
}

/// The provisions of the newer side under one heading path.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The document the heading belongs to.
    pub doc: String,
    /// Heading path, outermost first (empty for text before any heading).
    pub path: Vec<String>,
    /// Short title: the innermost heading, with as many of its parents as
    /// it takes to tell it from the document's other topics.
    pub title: String,
    /// Provisions with a precedent, in document order.
    pub provisions: Vec<Provision>,
    /// Provisions with no precedent, in document order.
    pub new_units: Vec<Entry>,
    /// Verbatim provisions left out by `only_changed`.
    pub hidden_identical: usize,
}

impl Topic {
    /// "3 provisions carried over verbatim, not listed." when
    /// `only_changed` left some out.
    pub fn hidden_note(&self) -> Option<String> {
        match self.hidden_identical {
            0 => None,
            1 => Some("1 provision carried over verbatim, not listed.".into()),
            n => Some(format!("{n} provisions carried over verbatim, not listed.")),
        }
    }
}

/// Dropped provisions under one heading path of the older side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The document.
    pub doc: String,
    /// Heading path, outermost first.
    pub path: Vec<String>,
    /// Short title, as [`Topic::title`].
    pub title: String,
    /// The provisions, in document order.
    pub entries: Vec<Entry>,
}

/// Longest length of a parent heading in a short title.
const PARENT_CHARS: usize = 60;

/// Short titles for heading paths: the innermost heading, preceded by as
/// many parents as it takes to tell it from the other paths of the same
/// document ("1. Comprehensive strategies… › Summary of deliberations"
/// rather than a fifth "Summary of deliberations"). Parents are shortened.
pub fn short_titles(paths: &[(&str, &[String])]) -> Vec<String> {
    // How many distinct paths of a document end with the same k headings,
    // for each k up to the deepest path: linear in the paths, however many.
    let mut distinct: Vec<(&str, &[String])> = paths.to_vec();
    distinct.sort();
    distinct.dedup();
    let depth = distinct.iter().map(|(_, p)| p.len()).max().unwrap_or(0);
    let mut shared: Vec<FxHashMap<(&str, &[String]), usize>> = Vec::with_capacity(depth + 1);
    shared.push(FxHashMap::default());
    for k in 1..=depth {
        let mut counts = FxHashMap::default();
        for &(doc, p) in &distinct {
            *counts
                .entry((doc, &p[p.len().saturating_sub(k)..]))
                .or_insert(0) += 1;
        }
        shared.push(counts);
    }
    paths
        .iter()
        .map(|&(doc, path)| {
            if path.is_empty() {
                return "(before the first heading)".to_string();
            }
            let mut k = 1;
            while k < path.len() && shared[k][&(doc, &path[path.len() - k..])] > 1 {
                k += 1;
            }
            let start = path.len() - k;
            path[start..]
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    if i + 1 < k {
                        shorten(h, PARENT_CHARS)
                    } else {
                        h.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" › ")
        })
        .collect()
}

/// Everything a memo says.
#[derive(Debug, Clone, PartialEq)]
pub struct Memo {
    /// Title: `How the language evolved: rpm2019 → rpm2025-item4, ...`.
    pub title: String,
    /// The memo's date.
    pub date: MemoDate,
    /// The accord version that wrote it.
    pub version: String,
    /// Alignment thresholds.
    pub thresholds: Thresholds,
    /// Documents of the older side.
    pub old_docs: Vec<DocInfo>,
    /// Documents of the newer side.
    pub new_docs: Vec<DocInfo>,
    /// Counts.
    pub counts: Counts,
    /// The executive summary's sentences, generated from the counts.
    pub sentences: Vec<String>,
    /// Every change of drafting strength, in the newer side's order.
    pub strength: Vec<StrengthItem>,
    /// Emerging and fading terms, when known.
    pub terms: Option<Terms>,
    /// Topics of the newer side, in document order.
    pub topics: Vec<Topic>,
    /// Older provisions not carried over, by heading, in document order.
    pub dropped: Vec<Group>,
    /// Whether verbatim provisions were left out of the topics.
    pub only_changed: bool,
}

impl Memo {
    /// Ids of the older side, comma-separated.
    pub fn old_names(&self) -> String {
        names(&self.old_docs)
    }

    /// Ids of the newer side, comma-separated.
    pub fn new_names(&self) -> String {
        names(&self.new_docs)
    }

    /// Number of dropped provisions.
    pub fn dropped_count(&self) -> usize {
        self.dropped.iter().map(|g| g.entries.len()).sum()
    }

    /// Number of provisions listed in the topic sections.
    pub fn listed(&self) -> usize {
        self.topics
            .iter()
            .map(|t| t.provisions.len() + t.new_units.len())
            .sum()
    }

    /// The line stating the date, version and thresholds.
    pub fn provenance(&self) -> String {
        format!(
            "Memo of {} ({}), written by accord {}. {} Alignment thresholds: reworded from a score of {:.2}, related from {:.2}.",
            self.date.long(),
            self.date,
            self.version,
            super::written::matching_sentence(
                self.thresholds.semantic_weight,
                self.thresholds.wording_only,
            ),
            self.thresholds.reworded,
            self.thresholds.related
        )
    }

    /// Labelled counts for the summary table, in a fixed order.
    pub fn count_rows(&self) -> Vec<(&'static str, usize)> {
        let c = &self.counts;
        vec![
            ("Carried over verbatim", c.identical),
            ("Reworded", c.reworded),
            ("Related only", c.related),
            ("New", c.new),
            ("Dropped", c.dropped),
            ("Changes of drafting strength", c.strength_changes),
            (
                "Chapeaux of lists (boilerplate, not counted)",
                c.boilerplate,
            ),
            ("Procedural units set apart", c.procedural),
        ]
    }
}

/// Builds the memo of a comparison. `lib` supplies the documents'
/// metadata and the units that related links name.
pub fn build(cmp: &Comparison, lib: &Library, opts: &MemoOptions) -> Memo {
    let old_docs: Vec<DocInfo> = cmp.old_docs.iter().map(|d| DocInfo::of(lib, d)).collect();
    let new_docs: Vec<DocInfo> = cmp.new_docs.iter().map(|d| DocInfo::of(lib, d)).collect();
    // Lookups by citation, built once: a large corpus has many units.
    let kinds: FxHashMap<&Citation, UnitKind> = lib
        .docs()
        .iter()
        .filter(|d| cmp.old_docs.contains(&d.meta.id))
        .flat_map(|d| d.units.iter().map(|u| (&u.id, u.kind)))
        .collect();
    let kind_of = |c: &Citation| kinds.get(c).copied();

    // Topics keyed by (document, heading path), in order of first
    // appearance; pairs and new units are each in document order already,
    // and are merged by their unit's position in the newer side.
    let positions: FxHashMap<&Citation, (usize, usize)> = cmp
        .new_docs
        .iter()
        .enumerate()
        .filter_map(|(i, id)| lib.docs().iter().find(|d| d.meta.id == *id).map(|d| (i, d)))
        .flat_map(|(i, d)| {
            d.units
                .iter()
                .enumerate()
                .map(move |(j, u)| (&u.id, (i, j)))
        })
        .collect();
    let position = |u: &Unit| {
        let (doc, idx) = positions
            .get(&u.id)
            .copied()
            .unwrap_or((usize::MAX, usize::MAX));
        (doc, idx, u.line)
    };
    enum Item<'c, 'a> {
        Pair(&'c crate::diff::PairDiff<'a>),
        New(&'a Unit),
    }
    let mut items: Vec<((usize, usize, usize), Item)> = cmp
        .pairs
        .iter()
        .map(|p| (position(p.new), Item::Pair(p)))
        .chain(cmp.new_units.iter().map(|u| (position(u), Item::New(u))))
        .collect();
    items.sort_by_key(|(k, _)| *k);

    let mut topics: Vec<Topic> = Vec::new();
    let mut topic_of: FxHashMap<(&str, &[String]), usize> = FxHashMap::default();
    for (_, item) in items {
        let unit = match item {
            Item::Pair(p) => p.new,
            Item::New(u) => u,
        };
        let at = match topic_of.get(&(unit.id.doc.as_str(), unit.section.as_slice())) {
            Some(&i) => i,
            None => {
                topic_of.insert((&unit.id.doc, &unit.section), topics.len());
                topics.push(Topic {
                    doc: unit.id.doc.clone(),
                    path: unit.section.clone(),
                    title: String::new(),
                    provisions: Vec::new(),
                    new_units: Vec::new(),
                    hidden_identical: 0,
                });
                topics.len() - 1
            }
        };
        let topic = &mut topics[at];
        match item {
            Item::Pair(p) if opts.only_changed && p.is_unchanged() => topic.hidden_identical += 1,
            Item::Pair(p) => topic.provisions.push(Provision {
                new: Cite::of(p.new),
                precedent: Cite::of(p.old),
                relation: p.relation,
                score: p.score,
                related: p
                    .related
                    .iter()
                    .map(|(c, s)| (Cite::of_citation(c, kind_of(c)), *s))
                    .collect(),
                strength: p.strength.clone(),
                edits: p.edits.clone(),
            }),
            Item::New(u) => topic.new_units.push(entry(u)),
        }
    }
    // A topic whose provisions are all hidden as verbatim stays, to say so.
    topics
        .retain(|t| !t.provisions.is_empty() || !t.new_units.is_empty() || t.hidden_identical > 0);

    // Dropped provisions: consecutive runs under one heading path.
    let mut dropped: Vec<Group> = Vec::new();
    for u in &cmp.dropped_units {
        match dropped.last_mut() {
            Some(g) if g.doc == u.id.doc && g.path == u.section => g.entries.push(entry(u)),
            _ => dropped.push(Group {
                doc: u.id.doc.clone(),
                path: u.section.clone(),
                title: String::new(),
                entries: vec![entry(u)],
            }),
        }
    }
    // Titles are told apart among every heading path the memo shows.
    let paths: Vec<(&str, &[String])> = topics
        .iter()
        .map(|t| (t.doc.as_str(), t.path.as_slice()))
        .chain(dropped.iter().map(|g| (g.doc.as_str(), g.path.as_slice())))
        .collect();
    let titles = short_titles(&paths);
    let (topic_titles, group_titles) = titles.split_at(topics.len());
    for (t, title) in topics.iter_mut().zip(topic_titles) {
        t.title = title.clone();
    }
    for (g, title) in dropped.iter_mut().zip(group_titles) {
        g.title = title.clone();
    }

    let strength: Vec<StrengthItem> = cmp
        .pairs
        .iter()
        .flat_map(|p| {
            p.strength.iter().map(|c| StrengthItem {
                old: Cite::of(p.old),
                new: Cite::of(p.new),
                change: c.clone(),
            })
        })
        .collect();
    let s = &cmp.summary;
    let counts = Counts {
        identical: s.identical,
        punctuation_only: cmp.punctuation_only(),
        reworded: s.reworded,
        related: s.related,
        new: s.new,
        dropped: s.dropped,
        // Every newer provision is identical, reworded, related or new; every
        // older one is a precedent or dropped: the counts add up.
        new_units: s.identical + s.reworded + s.related + s.new,
        old_units: old_docs
            .iter()
            .map(|d| d.units)
            .sum::<usize>()
            .saturating_sub(s.boilerplate_old + s.procedural_old),
        boilerplate: s.boilerplate(),
        procedural: s.procedural(),
        strength_changes: strength.len(),
        strength_provisions: cmp.pairs.iter().filter(|p| !p.strength.is_empty()).count(),
    };
    let mut memo = Memo {
        title: format!(
            "How the language evolved: {} → {}",
            names(&old_docs),
            names(&new_docs)
        ),
        date: opts.date,
        version: VERSION.to_string(),
        thresholds: opts.thresholds,
        old_docs,
        new_docs,
        counts,
        sentences: Vec::new(),
        strength,
        terms: opts.terms.clone(),
        topics,
        dropped,
        only_changed: opts.only_changed,
    };
    memo.sentences = sentences(&memo);
    memo
}

fn entry(u: &Unit) -> Entry {
    Entry {
        cite: Cite::of(u),
        doc: u.id.doc.clone(),
        section: u.section.clone(),
        text: u.text.clone(),
    }
}

/// The executive summary's sentences: three to five, each a template
/// filled with counts and citations from the memo, never a judgement the
/// data does not carry.
fn sentences(m: &Memo) -> Vec<String> {
    let c = &m.counts;
    let mut out = Vec::new();
    let with_precedent = c.identical + c.reworded + c.related;
    out.push(format!(
        "Of the {} of {}, {} earlier language from {}: {} verbatim{}, {} reworded and {} only related; {} new.",
        plural(c.new_units, "provision", "provisions"),
        m.new_names(),
        if with_precedent == 1 {
            "1 carries over".to_string()
        } else {
            format!("{with_precedent} carry over")
        },
        m.old_names(),
        c.identical,
        match c.punctuation_only {
            0 => String::new(),
            n => format!(" (of which {n} with changes of punctuation only)"),
        },
        c.reworded,
        c.related,
        if c.new == 1 {
            "1 is".to_string()
        } else {
            format!("{} are", c.new)
        },
    ));
    out.push(format!(
        "{} of the {} of {} {} no successor in {}.",
        c.dropped,
        plural(c.old_units, "provision", "provisions"),
        m.old_names(),
        if c.dropped == 1 { "has" } else { "have" },
        m.new_names(),
    ));
    let mut apart = Vec::new();
    if c.boilerplate > 0 {
        apart.push(format!(
            "{} (boilerplate such as “The following recommendations … were identified:”, shown with their precedent when they have one)",
            plural(c.boilerplate, "chapeau of a list", "chapeaux of lists")
        ));
    }
    if c.procedural > 0 {
        apart.push(format!(
            "{} (agenda, attendance, election of officers, adoption of the report), set apart from the alignment",
            plural(c.procedural, "procedural unit", "procedural units")
        ));
    }
    if !apart.is_empty() {
        out.push(format!("Not counted above: {}.", apart.join("; ")));
    }
    if c.strength_changes == 0 {
        out.push(
            "No change of drafting strength (operative verb, modal or qualifier) was found."
                .to_string(),
        );
    } else {
        let by = |k: StrengthKind| m.strength.iter().filter(|s| s.change.kind == k).count();
        let counts = format!(
            "Drafting strength changed {} in {}: {}, {} and {}",
            plural(c.strength_changes, "time", "times"),
            plural(c.strength_provisions, "provision", "provisions"),
            plural(by(StrengthKind::Verb), "operative verb", "operative verbs"),
            plural(by(StrengthKind::Modal), "modal", "modals"),
            plural(by(StrengthKind::Qualifier), "qualifier", "qualifiers"),
        );
        // The first replaced operative verb if there is one (the change
        // negotiators watch most), else the first verb change, else the
        // first change of any kind.
        let verb = |s: &&StrengthItem| s.change.kind == StrengthKind::Verb;
        let example = m
            .strength
            .iter()
            .find(|s| verb(s) && s.change.old.is_some() && s.change.new.is_some())
            .or_else(|| m.strength.iter().find(verb))
            .or_else(|| m.strength.first());
        out.push(match example {
            Some(s) => format!("{counts}; for example, {}.", strength_sentence(s)),
            None => format!("{counts}."),
        });
    }
    if let Some(t) = &m.terms {
        if let Some(s) = terms_sentence(t) {
            out.push(s);
        }
    }
    // The topic with the most new provisions (the first such in document
    // order on a tie).
    let mut best: Option<&Topic> = None;
    for t in &m.topics {
        let more = match best {
            None => true,
            Some(b) => t.new_units.len() > b.new_units.len(),
        };
        if !t.new_units.is_empty() && more {
            best = Some(t);
        }
    }
    if let Some(t) = best {
        let total = t.provisions.len() + t.new_units.len() + t.hidden_identical;
        out.push(format!(
            "The most new provisions are under “{}” ({}): {} of {}, from {}.",
            t.title,
            t.doc,
            t.new_units.len(),
            total,
            t.new_units[0].cite.un,
        ));
    }
    out
}

/// The emerging and fading terms as one sentence naming the first three of
/// each with their counts (newer side first); `None` when there are none.
fn terms_sentence(t: &Terms) -> Option<String> {
    fn list(terms: &[TermCount]) -> String {
        let items: Vec<String> = terms
            .iter()
            .take(3)
            .map(|t| format!("“{}” ({} against {})", t.phrase, t.new_count, t.old_count))
            .collect();
        match items.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }
    let mut parts = Vec::new();
    if !t.emerging.is_empty() {
        parts.push(format!("the emerging terms include {}", list(&t.emerging)));
    }
    if !t.fading.is_empty() {
        parts.push(format!("the fading terms include {}", list(&t.fading)));
    }
    let mut s = parts.join("; ");
    if s.is_empty() {
        return None;
    }
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s.push_str(" (occurrences in the newer side against the older).");
    Some(s)
}

/// One change of drafting strength as a clause: `rpm2025-item4, para. 12
/// (g) opens with “Collaborate with” where rpm2019, para. 13 (d) opened
/// with “Support”`, followed by ` (weaker)` or ` (stronger)` when a scale
/// gives the change a direction.
pub fn strength_sentence(s: &StrengthItem) -> String {
    let (old, new) = (&s.old.un, &s.new.un);
    let c = &s.change;
    let sentence = match (c.kind, c.old.as_deref(), c.new.as_deref()) {
        (StrengthKind::Verb, Some(o), Some(n)) => {
            format!("{new} opens with “{n}” where {old} opened with “{o}”")
        }
        (StrengthKind::Verb, None, Some(n)) => {
            format!("{new} opens with the operative verb “{n}”, which {old} did not")
        }
        (StrengthKind::Verb, Some(o), None) => {
            format!("{new} no longer opens with “{o}” as {old} did")
        }
        (kind, Some(o), Some(n)) => {
            format!(
                "{new} has the {} “{n}” where {old} had “{o}”",
                kind.as_str()
            )
        }
        (kind, None, Some(n)) => format!("{new} adds the {} “{n}” to {old}", kind.as_str()),
        (kind, Some(o), None) => format!("{new} drops the {} “{o}” of {old}", kind.as_str()),
        (_, None, None) => format!("{new} differs in drafting strength from {old}"),
    };
    match c.direction {
        Some(d) => format!("{sentence} ({})", d.as_str()),
        None => sentence,
    }
}

#[cfg(test)]
mod tests;
