//! Renderers for `diff` and `evolve`: redlines on the terminal (inline or
//! side by side, wrapped on word boundaries), and their JSON views.
//!
//! With colour, deletions are red and struck through and insertions green
//! and underlined (so neither rests on colour alone: a reader who cannot
//! tell red from green still sees which is which, as in delta and
//! difftastic); without it, the same meaning is carried by wdiff's markers,
//! `[-deleted-]{+inserted+}`, so nothing is lost in a pipe or a log.

use std::io::{self, Write};

use owo_colors::OwoColorize;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::escape;
use super::style::{shorten, wrap, RenderOptions, Style};
use crate::align::chain::{Chain, Skip, SkipReason, Stage, Step};
use crate::align::{Relation, Summary};
use crate::diff::{Comparison, Edit, Op, PairDiff, StrengthChange};
use crate::parse::{Citation, Role, Unit};

/// Display options for `diff`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Hide pairs whose texts are the same character for character (a
    /// punctuation-only change is still shown).
    pub only_changed: bool,
    /// Two columns instead of an inline redline.
    pub side_by_side: bool,
    /// Say when drafting strength was not compared because the two units
    /// are not provisions of one kind (for a pair the user named; across
    /// sides it would be said of every narrative paragraph).
    pub say_uncompared: bool,
}

/// A word of a redline: its op, its text, and whether a space precedes it.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    op: Op,
    text: String,
    space: bool,
}

/// Splits edits into words, keeping track of spacing. Without colour the
/// first and last word of each change carry the wdiff markers.
fn pieces(edits: &[Edit], markers: bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut pending_space = false;
    for e in edits {
        let words: Vec<&str> = e.text.split_whitespace().collect();
        let leading = e.text.starts_with(char::is_whitespace);
        let first = out.len();
        for (i, w) in words.iter().enumerate() {
            // Controls escaped; in a change, invisible characters shown.
            let text = match e.op {
                Op::Equal => escape::terminal(w),
                Op::Insert | Op::Delete => escape::changed(w),
            };
            out.push(Piece {
                op: e.op,
                text: text.into_owned(),
                space: if i == 0 {
                    pending_space || leading
                } else {
                    true
                },
            });
        }
        if markers && !words.is_empty() {
            let (open, close) = match e.op {
                Op::Delete => ("[-", "-]"),
                Op::Insert => ("{+", "+}"),
                Op::Equal => ("", ""),
            };
            out[first].text.insert_str(0, open);
            let last = out.len() - 1;
            out[last].text.push_str(close);
        }
        if words.is_empty() {
            pending_space |= !e.text.is_empty();
        } else {
            pending_space = e.text.ends_with(char::is_whitespace);
        }
    }
    if let Some(p) = out.first_mut() {
        p.space = false;
    }
    out
}

/// Greedy word wrap of pieces into lines of at most `width` columns.
/// Pieces with no space between them (a word and its comma) stay on one
/// line together.
fn wrap_pieces(pieces: &[Piece], width: usize) -> Vec<Vec<Piece>> {
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        match groups.last_mut() {
            Some(g) if !p.space => g.push(p.clone()),
            _ => groups.push(vec![p.clone()]),
        }
    }
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    let mut line: Vec<Piece> = Vec::new();
    let mut used = 0;
    for mut g in groups {
        let w: usize = g.iter().map(|p| p.text.width()).sum();
        if !line.is_empty() && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if line.is_empty() {
            g[0].space = false;
        } else {
            used += 1;
        }
        used += w;
        line.extend(g);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn paint(op: Op, s: &str, color: bool) -> String {
    if !color {
        return s.to_string();
    }
    match op {
        Op::Delete => s.red().strikethrough().to_string(),
        Op::Insert => s.green().underline().to_string(),
        Op::Equal => s.to_string(),
    }
}

/// One wrapped line: runs of the same op painted once, so a strikethrough
/// runs across the spaces of a deleted phrase.
fn render_line(line: &[Piece], color: bool) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut run_op = None;
    for p in line {
        if run_op != Some(p.op) {
            if let Some(op) = run_op {
                out.push_str(&paint(op, &run, color));
                run.clear();
            }
            // In colour a replacement would otherwise read as one word
            // ("SupportCollaborate"): a space between a struck-through run and
            // the inserted one (display only; the edits are untouched).
            let replacement = color && run_op == Some(Op::Delete) && p.op == Op::Insert;
            if p.space || replacement {
                out.push(' ');
            }
            run_op = Some(p.op);
        } else if p.space {
            run.push(' ');
        }
        run.push_str(&p.text);
    }
    if let Some(op) = run_op {
        out.push_str(&paint(op, &run, color));
    }
    out
}

/// The lines of a redline, wrapped to `width` after `indent`.
pub fn redline_lines(edits: &[Edit], width: usize, color: bool) -> Vec<String> {
    wrap_pieces(&pieces(edits, !color), width.max(10))
        .iter()
        .map(|l| render_line(l, color))
        .collect()
}

fn relation_label(st: &Style, r: Relation, score: f64) -> String {
    let text = format!("{} {score:.3}", r.as_str());
    if !st.color {
        return text;
    }
    match r {
        Relation::Identical => text.dimmed().to_string(),
        Relation::Reworded => text.yellow().to_string(),
        Relation::Related => text.blue().to_string(),
    }
}

fn strength_text(st: &Style, changes: &[StrengthChange]) -> String {
    let s: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
    let joined = s.join("; ");
    if st.color && !joined.is_empty() {
        joined.magenta().bold().to_string()
    } else {
        joined
    }
}

/// The header's mark of a pair whose words are the same but whose
/// punctuation changed.
const PUNCTUATION_ONLY: &str = "punctuation only";

/// Header and redline of one pair; `versions` when the comparison is of two
/// versions of one text, where the header marks a renumbering.
pub fn write_pair(
    p: &PairDiff,
    versions: bool,
    opts: DiffOptions,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let head = format!("{} -> {}", p.old.id, p.new.id);
    let rel = format!("{} {:.3}", p.relation.as_str(), p.score);
    // The relation and its marks follow the citations on one line when
    // they fit the width, else on the next line, indented.
    let mut line = relation_label(&st, p.relation, p.score);
    let mut rel = rel;
    if p.is_punctuation_only() {
        rel.push_str(&format!("  {PUNCTUATION_ONLY}"));
        line.push_str(&format!("  {}", st.dim(PUNCTUATION_ONLY)));
    }
    if versions && p.is_renumbered() && p.is_identical() {
        rel.push_str("  renumbered");
        line.push_str(&format!("  {}", st.dim("renumbered")));
    }
    if p.new.role.is_boilerplate() {
        const CHAPEAU: &str = "chapeau of a list, not counted";
        rel.push_str(&format!("  {CHAPEAU}"));
        line.push_str(&format!("  {}", st.dim(CHAPEAU)));
    }
    let line = if head.width() + 2 + rel.width() <= render.width {
        format!("{}  {line}", st.id(&head))
    } else {
        writeln!(out, "{}", st.id(&head))?;
        format!("  {line}")
    };
    let strength: Vec<String> = p.strength.iter().map(|c| c.to_string()).collect();
    let strength = strength.join("; ");
    // The strength changes go on the header line when they fit, else below.
    if strength.is_empty() {
        writeln!(out, "{}", wrap(&line, render.width, "", "    "))?;
        if opts.say_uncompared && !crate::parse::same_provision(p.old.role, p.new.role) {
            let note = format!(
                "drafting strength not compared: {} against {}",
                p.old.role.label(),
                p.new.role.label()
            );
            writeln!(out, "{}", st.dim(&wrap(&note, render.width, "  ", "  ")))?;
        }
    } else if head.width() + rel.width() + strength.width() + 4 <= render.width {
        let full = format!("{line}  {}", strength_text(&st, &p.strength));
        writeln!(out, "{}", wrap(&full, render.width, "", "    "))?;
    } else {
        writeln!(out, "{}", wrap(&line, render.width, "", "    "))?;
        let wrapped = wrap(&strength, render.width, "  ", "  ");
        writeln!(
            out,
            "{}",
            if st.color {
                wrapped.magenta().bold().to_string()
            } else {
                wrapped
            }
        )?;
    }
    if !p.new.section.is_empty() {
        writeln!(
            out,
            "{}",
            st.dim(&shorten(
                &format!("  § {}", escape::line(&p.new.section_path())),
                render.width
            ))
        )?;
    }
    if !p.related.is_empty() {
        let rel: Vec<String> = p
            .related
            .iter()
            .map(|(c, s)| format!("{c} ({s:.2})"))
            .collect();
        writeln!(
            out,
            "{}",
            st.dim(&wrap(
                &format!("see also: {}", rel.join(", ")),
                render.width,
                "  ",
                "  "
            ))
        )?;
    }
    if opts.side_by_side {
        write_side_by_side(&p.edits, render, out)?;
    } else {
        for l in redline_lines(&p.edits, render.width.saturating_sub(2), render.color) {
            writeln!(out, "  {l}")?;
        }
    }
    writeln!(out)
}

/// Words of common text from which an equal stretch anchors both columns
/// on one row; a shorter one stays inside the change around it (else a
/// redline of scattered one-word edits would break into a row per word).
const ANCHOR_WORDS: usize = 2;

/// Two columns, older text left and newer right, aligned on the text they
/// share: each stretch of at least [`ANCHOR_WORDS`] common words starts on
/// the same row in both columns, so the same phrase is never on row 19 on
/// one side and row 5 on the other; each change between two anchors takes
/// as many rows as its longer side.
fn write_side_by_side(
    edits: &[Edit],
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let col = (render.width.saturating_sub(5) / 2).max(12);
    // Blocks in order: (is an anchor, its edits).
    let mut blocks: Vec<(bool, Vec<Edit>)> = Vec::new();
    for e in edits {
        let anchor = e.op == Op::Equal && e.text.split_whitespace().count() >= ANCHOR_WORDS;
        match blocks.last_mut() {
            Some((false, b)) if !anchor => b.push(e.clone()),
            _ => blocks.push((anchor, vec![e.clone()])),
        }
    }
    for (_, block) in &blocks {
        let side = |keep: Op| -> Vec<Vec<Piece>> {
            let kept: Vec<Edit> = block
                .iter()
                .filter(|e| e.op == Op::Equal || e.op == keep)
                .cloned()
                .collect();
            wrap_pieces(&pieces(&kept, !render.color), col)
        };
        let (left, right) = (side(Op::Delete), side(Op::Insert));
        for i in 0..left.len().max(right.len()) {
            let l = left
                .get(i)
                .map(|l| (render_line(l, render.color), plain_width(l)))
                .unwrap_or_default();
            let r = right
                .get(i)
                .map(|l| render_line(l, render.color))
                .unwrap_or_default();
            let pad = " ".repeat(col.saturating_sub(l.1));
            writeln!(out, "{}", format!("  {}{pad} │ {}", l.0, r).trim_end())?;
        }
    }
    Ok(())
}

fn plain_width(line: &[Piece]) -> usize {
    line.iter()
        .enumerate()
        .map(|(i, p)| p.text.width() + usize::from(p.space && i > 0))
        .sum()
}

fn write_whole(
    units: &[&Unit],
    op: Op,
    title: &str,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if units.is_empty() {
        return Ok(());
    }
    let st = Style {
        color: render.color,
    };
    writeln!(out, "{}", st.heading_fit(title, render.width))?;
    for u in units {
        writeln!(out, "{}", st.id(&u.id.to_string()))?;
        let edits = [Edit::new(op, u.text.clone())];
        for l in redline_lines(&edits, render.width.saturating_sub(2), render.color) {
            writeln!(out, "  {l}")?;
        }
    }
    writeln!(out)
}

/// The summary line of a comparison.
pub fn summary_line(c: &Comparison) -> String {
    let strength: usize = c.pairs.iter().map(|p| p.strength.len()).sum();
    let s = &c.summary;
    let punctuation = match c.punctuation_only() {
        0 => String::new(),
        n => format!(" ({n} with changes of punctuation only)"),
    };
    let mut line = format!(
        "{} -> {}: {} identical{punctuation}, {} reworded, {} related only, {} new, {} dropped; {} change{} of drafting strength",
        c.old_docs.join(", "),
        c.new_docs.join(", "),
        s.identical,
        s.reworded,
        s.related,
        s.new,
        s.dropped,
        strength,
        if strength == 1 { "" } else { "s" }
    );
    if let Some(apart) = super::align::counted_apart(s) {
        line.push_str("; ");
        line.push_str(&apart);
    }
    line
}

/// `accord diff OLD NEW` as text.
pub fn text(
    c: &Comparison,
    opts: DiffOptions,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for p in &c.pairs {
        if opts.only_changed && !c.pair_changed(p) {
            continue;
        }
        write_pair(p, c.is_versions(), opts, render, out)?;
    }
    let old = c.old_docs.join(", ");
    write_whole(
        &c.new_units,
        Op::Insert,
        &format!("New (no precedent in {old}):"),
        render,
        out,
    )?;
    let new = c.new_docs.join(", ");
    write_whole(
        &c.dropped_units,
        Op::Delete,
        &format!("Dropped (not carried into {new}):"),
        render,
        out,
    )?;
    if !c.related_only.is_empty() {
        let ids: Vec<String> = c.related_only.iter().map(|u| u.id.to_string()).collect();
        writeln!(
            out,
            "{}\n",
            wrap(
                &format!(
                    "Not carried over (only related to a newer unit): {}",
                    ids.join(", ")
                ),
                render.width,
                "",
                "  "
            )
        )?;
    }
    if !c.context.is_empty() {
        let st = Style {
            color: render.color,
        };
        writeln!(
            out,
            "{}",
            st.heading_fit(
                "Title, chapeaux, headings and set-aside lines:",
                render.width
            )
        )?;
        for e in &c.context {
            let edits = [Edit::new(e.op, format!("{}: {}", e.role, e.text))];
            for l in redline_lines(&edits, render.width.saturating_sub(2), render.color) {
                writeln!(out, "  {l}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", wrap(&summary_line(c), render.width, "", "  "))
}

/// JSON view of one pair.
#[derive(Debug, Serialize)]
pub struct PairView<'a> {
    /// Older unit.
    pub old: &'a Citation,
    /// Newer unit.
    pub new: &'a Citation,
    /// identical, reworded, related.
    pub relation: Relation,
    /// Alignment score.
    pub score: f64,
    /// The words are the same (relation identical) but some punctuation,
    /// case or spacing changed.
    pub punctuation_only: bool,
    /// The two units are cited differently in their documents (`2bis` ->
    /// `3`).
    pub renumbered: bool,
    /// Heading path of the newer unit.
    pub section: &'a [String],
    /// Word-level edits; equal+delete gives the old text, equal+insert the new.
    pub edits: &'a [Edit],
    /// Changes of drafting strength.
    pub strength: &'a [StrengthChange],
    /// False when the two units are not provisions of one kind, so that
    /// their strength was not compared (`strength` is then empty).
    pub strength_compared: bool,
    /// Further related older units.
    pub related: Vec<RelatedView<'a>>,
}

/// A related unit in JSON.
#[derive(Debug, Serialize)]
pub struct RelatedView<'a> {
    /// Citation.
    pub citation: &'a Citation,
    /// Score.
    pub score: f64,
}

impl<'a> PairView<'a> {
    /// The view of a pair.
    pub fn new(p: &'a PairDiff) -> Self {
        PairView {
            old: &p.old.id,
            new: &p.new.id,
            relation: p.relation,
            score: p.score,
            punctuation_only: p.is_punctuation_only(),
            renumbered: p.is_renumbered(),
            section: &p.new.section,
            edits: &p.edits,
            strength: &p.strength,
            strength_compared: crate::parse::same_provision(p.old.role, p.new.role),
            related: p
                .related
                .iter()
                .map(|(c, s)| RelatedView {
                    citation: c,
                    score: *s,
                })
                .collect(),
        }
    }
}

/// JSON view of `diff` (documented in README).
#[derive(Debug, Serialize)]
pub struct ComparisonView<'a> {
    /// Documents of the older side.
    pub old: &'a [String],
    /// Documents of the newer side.
    pub new: &'a [String],
    /// One pair per newer unit with a precedent.
    pub pairs: Vec<PairView<'a>>,
    /// Newer units without precedent.
    pub new_units: Vec<&'a Citation>,
    /// Older units not carried over.
    pub dropped_units: Vec<&'a Citation>,
    /// Older units that are no newer unit's precedent, only related to one.
    pub related_only: Vec<&'a Citation>,
    /// Changed titles, chapeaux, headings and set-aside lines.
    pub context: &'a [crate::diff::compare::ContextEdit],
    /// Counts.
    pub summary: Summary,
}

/// The JSON view of a comparison.
pub fn json<'a>(c: &'a Comparison, opts: DiffOptions) -> ComparisonView<'a> {
    ComparisonView {
        old: &c.old_docs,
        new: &c.new_docs,
        pairs: c
            .pairs
            .iter()
            .filter(|p| !opts.only_changed || c.pair_changed(p))
            .map(PairView::new)
            .collect(),
        new_units: c.new_units.iter().map(|u| &u.id).collect(),
        dropped_units: c.dropped_units.iter().map(|u| &u.id).collect(),
        related_only: c.related_only.iter().map(|u| &u.id).collect(),
        context: &c.context,
        summary: c.summary,
    }
}

/// JSON view of one step of an evolution.
#[derive(Debug, Serialize)]
pub struct StepView<'a> {
    /// The unit.
    pub citation: &'a Citation,
    /// Its document.
    pub doc: &'a str,
    /// Its year.
    pub year: Option<u16>,
    /// Its stage (`rpm2025-item4 + rpm2025-item5b (2025)`).
    pub stage: String,
    /// Its role (`recommendation`, `narrative`, ...).
    pub role: &'static str,
    /// Relation to the previous step (null for the first).
    pub relation: Option<Relation>,
    /// Score of that link, 0..1 (null for the first).
    pub score: Option<f64>,
    /// Other units of the previous step's stage that this one restates
    /// too (its closest source, when that is not the previous step).
    pub merged_with: &'a [Citation],
    /// The unit's text.
    pub text: &'a str,
    /// Edits from the previous step's text (empty for the first).
    pub edits: Vec<Edit>,
    /// Changes of drafting strength from the previous step.
    pub strength: Vec<StrengthChange>,
}

/// Views of a chain's steps, each diffed against the one before.
pub fn steps_json<'a>(steps: &'a [Step<'a>], stages: &[Stage]) -> Vec<StepView<'a>> {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let prev = i.checked_sub(1).map(|p| steps[p].unit);
            StepView {
                citation: &s.unit.id,
                doc: &s.unit.id.doc,
                year: s.unit.year,
                stage: stages[s.stage].label(),
                role: s.unit.role.as_str(),
                relation: s.relation,
                score: s.score,
                merged_with: &s.merged_with,
                text: &s.unit.text,
                edits: prev
                    .map_or_else(Vec::new, |p| crate::diff::diff_words(&p.text, &s.unit.text)),
                strength: prev
                    .map_or_else(Vec::new, |p| crate::diff::provision_strength(p, s.unit)),
            }
        })
        .collect()
}

/// JSON view of a stage a chain skipped.
#[derive(Debug, Serialize)]
pub struct SkipView<'a> {
    /// The stage (`congress2021-item4 (2021)`).
    pub stage: String,
    /// Its documents.
    pub docs: &'a [String],
    /// Its year.
    pub year: Option<u16>,
    /// `no_link`, `other_kind`, `not_restated` or `weaker_path`.
    pub reason: SkipReason,
    /// Its strongest link with the chain (null for `no_link`).
    pub best: Option<SkipLinkView<'a>>,
}

/// The strongest link of a skipped stage with a chain.
#[derive(Debug, Serialize)]
pub struct SkipLinkView<'a> {
    /// The unit of the skipped stage.
    pub citation: &'a Citation,
    /// Its role.
    pub role: &'static str,
    /// The step it is linked to.
    pub step: &'a Citation,
    /// The link's score, 0..1.
    pub score: f64,
}

/// A followed chain as JSON: its start, steps, and skipped stages.
pub fn chain_json(start: &Citation, chain: &Chain, stages: &[Stage]) -> serde_json::Value {
    let skipped: Vec<SkipView> = chain
        .skipped
        .iter()
        .map(|k| SkipView {
            stage: stages[k.stage].label(),
            docs: &stages[k.stage].docs,
            year: stages[k.stage].year,
            reason: k.reason,
            best: k.best.as_ref().map(|b| SkipLinkView {
                citation: &b.unit,
                role: b.role.as_str(),
                step: &b.step,
                score: b.score,
            }),
        })
        .collect();
    serde_json::json!({
        "start": start,
        "steps": steps_json(&chain.steps, stages),
        "skipped": skipped,
    })
}

/// Why a stage was skipped, in a sentence: `no unit here is linked to the
/// chain`, or its strongest link and why it was not taken (`start_role`:
/// the role of the provision followed).
pub fn skip_reason(skip: &Skip, start_role: Role) -> String {
    let Some(b) = &skip.best else {
        return "no unit here is linked to the chain".into();
    };
    let link = format!("{} is linked to {} ({:.3})", b.unit, b.step, b.score);
    match skip.reason {
        SkipReason::OtherKind => format!(
            "{link}, but it is {}, not {}",
            b.role.label(),
            start_role.label()
        ),
        SkipReason::NotRestated => format!(
            "{link}, below the {:.2} a chain of a narrative paragraph needs for a step",
            crate::align::REWORDED
        ),
        _ => format!("{link}, on a weaker path"),
    }
}

/// A chain as text: each stage in time order, its unit and the redline
/// from the previous step, or why the stage was skipped (`skipped` may be
/// empty, as for `evolve --all`).
pub fn chain_text(
    steps: &[Step],
    skipped: &[Skip],
    stages: &[Stage],
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let start_role = steps
        .iter()
        .find(|s| s.relation.is_none())
        .map_or(Role::Narrative, |s| s.unit.role);
    let width = render.width.saturating_sub(2);
    let mut skips = skipped.iter().peekable();
    for (i, s) in steps.iter().enumerate() {
        while let Some(k) = skips.next_if(|k| k.stage < s.stage) {
            skip_text(&st, k, stages, start_role, width, out)?;
        }
        let stage = stages[s.stage].label();
        let mut head = format!("{}  {}", st.heading(&stage), st.id(&s.unit.id.to_string()));
        if let (Some(r), Some(score)) = (s.relation, s.score) {
            head.push_str(&format!("  {}", relation_label(&st, r, score)));
        }
        let edits = match i.checked_sub(1) {
            Some(p) => {
                let prev = &steps[p].unit.text;
                let strength = crate::diff::provision_strength(steps[p].unit, s.unit);
                if !strength.is_empty() {
                    head.push_str(&format!("  {}", strength_text(&st, &strength)));
                }
                crate::diff::diff_words(prev, &s.unit.text)
            }
            None => vec![Edit::new(Op::Equal, s.unit.text.clone())],
        };
        writeln!(out, "{}", wrap(&head, width + 2, "", "  "))?;
        if let (false, Some(p)) = (s.merged_with.is_empty(), i.checked_sub(1)) {
            let with: Vec<String> = s.merged_with.iter().map(ToString::to_string).collect();
            let line = format!(
                "merged: restates {} together with {}",
                steps[p].unit.id,
                with.join(", ")
            );
            for l in wrap(&line, width, "  ", "    ").lines() {
                writeln!(out, "{}", st.dim(l))?;
            }
        }
        for l in redline_lines(&edits, width, render.color) {
            writeln!(out, "  {l}")?;
        }
        writeln!(out)?;
    }
    for k in skips {
        skip_text(&st, k, stages, start_role, width, out)?;
    }
    Ok(())
}

/// One skipped stage: its label and the reason, wrapped to `width`.
fn skip_text(
    st: &Style,
    skip: &Skip,
    stages: &[Stage],
    start_role: Role,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let line = format!(
        "{} skipped: {}",
        stages[skip.stage].label(),
        escape::terminal(&skip_reason(skip, start_role))
    );
    for l in wrap(&line, width, "", "  ").lines() {
        writeln!(out, "{}", st.dim(l))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_words;

    #[test]
    fn markers_without_colour() {
        let edits = diff_words(
            "Strengthen the role of the Commission",
            "Enhance the function of the Commission in",
        );
        let lines = redline_lines(&edits, 200, false);
        assert_eq!(
            lines,
            ["[-Strengthen the role-]{+Enhance the function+} of the Commission {+in+}"]
        );
    }

    #[test]
    fn wraps_on_word_boundaries_without_losing_words() {
        let old = "Support UNODC in continuing its role in operationalizing the outcome documents of the congresses";
        let new = "Collaborate with UNODC to operationalize the outcomes of the Congress through technical assistance";
        let edits = diff_words(old, new);
        let lines = redline_lines(&edits, 30, false);
        assert!(lines.len() > 2);
        assert!(
            lines.iter().all(|l| l.width() <= 30 || !l.contains(' ')),
            "{lines:?}"
        );
        let joined = lines.join(" ");
        for w in new.split_whitespace().chain(old.split_whitespace()) {
            assert!(
                joined.contains(w.trim_matches(|c: char| !c.is_alphanumeric())),
                "{w} lost"
            );
        }
    }

    #[test]
    fn punctuation_attaches_without_a_space() {
        let edits = diff_words("as appropriate, the", "as appropriate; the");
        assert_eq!(
            redline_lines(&edits, 80, false),
            ["as appropriate[-,-]{+;+} the"]
        );
    }

    #[test]
    fn colour_paints_runs() {
        let edits = diff_words("a b c", "a x c");
        let l = redline_lines(&edits, 80, true).join("");
        assert!(
            l.contains("\u{1b}[9m") || l.contains(";9m"),
            "strikethrough: {l:?}"
        );
        // Insertions are underlined, not only green.
        assert!(
            l.contains("\u{1b}[4m") || l.contains(";4m"),
            "underline: {l:?}"
        );
        assert!(!l.contains("[-"));
    }
}
