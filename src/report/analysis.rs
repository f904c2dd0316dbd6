//! Renderers for the analyses: `trace` (keyword in context, stage by
//! stage) and `terms` (two ranked lists); or the documented JSON.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::escape::{line as esc_line, terminal as esc};
use super::style::{wrap, RenderOptions, Style};
use crate::analysis::{Occurrence, Stage, Term, Terms, Trace};
use crate::parse::Citation;

/// Columns of context either side of a match in JSON: enough for the
/// clause around it, independent of the terminal.
pub const JSON_CONTEXT: usize = 60;

/// JSON view of one occurrence.
#[derive(Debug, Serialize)]
pub struct OccurrenceView<'a> {
    /// The unit it occurs in.
    pub citation: &'a Citation,
    /// Up to [`JSON_CONTEXT`] columns of text before the match, cut at a
    /// word boundary.
    pub before: String,
    /// The matched words as written.
    #[serde(rename = "match")]
    pub matched: &'a str,
    /// Up to [`JSON_CONTEXT`] columns after it.
    pub after: String,
}

/// JSON view of one stage.
#[derive(Debug, Serialize)]
pub struct StageView<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Year of the units.
    pub year: Option<u16>,
    /// Number of occurrences.
    pub count: usize,
    /// The occurrences, in document order.
    pub occurrences: Vec<OccurrenceView<'a>>,
}

/// JSON view of a trace (documented in README).
#[derive(Debug, Serialize)]
pub struct TraceView<'a> {
    /// The phrase as given, whitespace collapsed.
    pub phrase: &'a str,
    /// The earliest occurrence's unit, or null.
    pub first: Option<&'a Citation>,
    /// Stages in time order.
    pub stages: Vec<StageView<'a>>,
    /// Number of occurrences.
    pub total: usize,
}

/// The JSON view of a trace.
pub fn trace_json<'a>(t: &'a Trace<'a>) -> TraceView<'a> {
    TraceView {
        phrase: t.phrase.text(),
        first: t.first().map(|o| &o.unit.id),
        stages: t
            .stages
            .iter()
            .map(|s| StageView {
                doc: &s.doc.id,
                year: s.year,
                count: s.occurrences.len(),
                occurrences: s
                    .occurrences
                    .iter()
                    .map(|o| OccurrenceView {
                        citation: &o.unit.id,
                        before: left_context(o.before(), JSON_CONTEXT, false),
                        matched: o.matched(),
                        after: right_context(o.after(), JSON_CONTEXT, false),
                    })
                    .collect(),
            })
            .collect(),
        total: t.total(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn year_label(y: Option<u16>) -> String {
    y.map_or("undated".to_string(), |y| y.to_string())
}

/// The end of `text` that fits in `cols` columns, starting at a word;
/// with `ellipsis`, a cut is marked with a leading `…` (inside `cols`).
#[allow(
    clippy::string_slice,
    reason = "start from char_indices; cuts at whitespace found by find"
)]
pub fn left_context(text: &str, cols: usize, ellipsis: bool) -> String {
    if text.width() <= cols {
        return text.to_string();
    }
    let room = cols.saturating_sub(ellipsis as usize);
    let mut start = text.len();
    let mut used = 0;
    for (i, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    // Start at a word: drop a partial word at the cut.
    let cut = &text[start..];
    let at_word = start == 0 || text[..start].ends_with(char::is_whitespace);
    let kept = if at_word {
        cut
    } else {
        cut.find(char::is_whitespace).map_or("", |i| &cut[i..])
    };
    let kept = kept.trim_start();
    if ellipsis {
        format!("…{kept}")
    } else {
        kept.to_string()
    }
}

/// The start of `text` that fits in `cols` columns, ending at a word;
/// with `ellipsis`, a cut is marked with a trailing `…`.
#[allow(
    clippy::string_slice,
    reason = "end from char_indices; cuts at whitespace found by rfind"
)]
pub fn right_context(text: &str, cols: usize, ellipsis: bool) -> String {
    if text.width() <= cols {
        return text.to_string();
    }
    let room = cols.saturating_sub(ellipsis as usize);
    let mut end = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let cut = &text[..end];
    let at_word = text[end..].starts_with(char::is_whitespace);
    let kept = if at_word {
        cut
    } else {
        cut.rfind(char::is_whitespace).map_or("", |i| &cut[..i])
    };
    let kept = kept.trim_end();
    if ellipsis {
        format!("{kept}…")
    } else {
        kept.to_string()
    }
}

/// One keyword-in-context line: the left context right-aligned in `left`
/// columns, the match, then as much right context as fits in `width`.
fn kwic(o: &Occurrence, left: usize, width: usize, st: &Style) -> String {
    let matched = esc(o.matched());
    let shown = st.emphasis(&matched);
    let match_cols = matched.width() + if st.color { 0 } else { 2 };
    let before = left_context(&esc(o.before()), left, true);
    let pad = left.saturating_sub(before.width());
    let right = width.saturating_sub(left + match_cols).max(4);
    let after = right_context(&esc(o.after()), right, true);
    format!("{}{before}{shown}{after}", " ".repeat(pad))
}

fn stage_line(s: &Stage) -> String {
    format!(
        "{} ({}): {}",
        s.doc.id,
        year_label(s.year),
        plural(s.occurrences.len(), "occurrence", "occurrences")
    )
}

/// `trace` as text: a line per stage, a keyword-in-context line per
/// occurrence, the first appearance and the totals.
pub fn trace_text(t: &Trace, render: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let phrase = esc_line(t.phrase.text());
    let Some(first) = t.first() else {
        writeln!(
            out,
            "“{phrase}” occurs nowhere in the {} searched.",
            plural(t.documents, "document", "documents")
        )?;
        return Ok(());
    };
    let cite_w = t
        .stages
        .iter()
        .flat_map(|s| s.occurrences.iter())
        .map(|o| o.unit.id.to_string().width())
        .max()
        .unwrap_or(0);
    // Everything after the citation column; the match sits at the same
    // column on every line, with about as much context either side.
    // When the citation column leaves less than 40 columns of context,
    // each citation goes on a line of its own, the context under it.
    let stacked = render.width < 2 + cite_w + 2 + 40;
    let avail = if stacked {
        render.width.saturating_sub(4).max(16)
    } else {
        render.width.saturating_sub(2 + cite_w + 2)
    };
    let phrase_cols = phrase.width() + if st.color { 0 } else { 2 };
    let left = (avail.saturating_sub(phrase_cols) / 2).max(4);
    for s in &t.stages {
        writeln!(
            out,
            "{}",
            st.heading(&wrap(&stage_line(s), render.width, "", "  "))
        )?;
        for o in &s.occurrences {
            if stacked {
                writeln!(out, "  {}", st.id(&o.unit.id.to_string()))?;
                writeln!(out, "    {}", kwic(o, left, avail, &st))?;
            } else {
                let cite = format!("{:cite_w$}", o.unit.id.to_string());
                writeln!(out, "  {}  {}", st.id(&cite), kwic(o, left, avail, &st))?;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "first appearance: {} ({})",
        st.id(&first.unit.id.to_string()),
        year_label(t.stages[0].year)
    )?;
    let years: Vec<u16> = t.stages.iter().filter_map(|s| s.year).collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    writeln!(
        out,
        "{}",
        st.dim(&wrap(
            &format!(
                "total: {} in {} of {}{span}",
                plural(t.total(), "occurrence", "occurrences"),
                plural(t.units(), "unit", "units"),
                plural(t.docs(), "document", "documents"),
            ),
            render.width,
            "",
            "  "
        ))
    )?;
    Ok(())
}

/// JSON view of a ranked phrase.
#[derive(Debug, Serialize)]
pub struct TermView<'a> {
    /// Most frequent written form.
    pub phrase: &'a str,
    /// Occurrences in the newer side.
    pub new_count: u32,
    /// Occurrences in the older side.
    pub old_count: u32,
    /// The rank: `log_likelihood` × `cohesion` (3 decimals).
    pub score: f64,
    /// G² of the (heading-weighted) counts.
    pub log_likelihood: f64,
    /// Share of the uses of the phrase's rarest content word that it accounts for.
    pub cohesion: f64,
    /// The phrase occurs in a heading of the side it grows in.
    pub in_heading: bool,
}

/// JSON view of `terms` (documented in README).
#[derive(Debug, Serialize)]
pub struct TermsView<'a> {
    /// Documents of the older side.
    pub old: &'a [String],
    /// Documents of the newer side.
    pub new: &'a [String],
    /// Words in the older side.
    pub old_words: usize,
    /// Words in the newer side.
    pub new_words: usize,
    /// Phrases growing in the newer side, best first.
    pub emerging: Vec<TermView<'a>>,
    /// Phrases fading from the older side, best first.
    pub fading: Vec<TermView<'a>>,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The JSON view of `terms`.
pub fn terms_json(t: &Terms) -> TermsView<'_> {
    fn list(l: &[Term]) -> Vec<TermView<'_>> {
        l.iter()
            .map(|x| TermView {
                phrase: &x.phrase,
                new_count: x.new_count,
                old_count: x.old_count,
                score: round3(x.score),
                log_likelihood: round3(x.log_likelihood),
                cohesion: round3(x.cohesion),
                in_heading: x.in_heading,
            })
            .collect()
    }
    TermsView {
        old: &t.old_docs,
        new: &t.new_docs,
        old_words: t.old_words,
        new_words: t.new_words,
        emerging: list(&t.emerging),
        fading: list(&t.fading),
    }
}

fn truncate(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    right_context(s, cols, true)
}

fn per_10k(count: u32, words: usize) -> String {
    if words == 0 {
        "-".into()
    } else {
        format!("{:.1}", count as f64 * 10_000.0 / words as f64)
    }
}

/// `terms` as text: the sides, then "Emerging in NEW" and "Fading from
/// OLD", one phrase a line with its counts, rates per 10,000 words and
/// score.
pub fn terms_text(t: &Terms, render: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let (old, new) = (t.old_docs.join(", "), t.new_docs.join(", "));
    writeln!(
        out,
        "{}",
        st.heading_fit(
            &format!(
                "{old} ({} words)  ->  {new} ({} words)",
                t.old_words, t.new_words
            ),
            render.width
        )
    )?;
    let numbers = "   NEW   OLD  NEW/10k  OLD/10k  SCORE";
    let longest = t
        .emerging
        .iter()
        .chain(&t.fading)
        .map(|x| x.phrase.width() + 2 * x.in_heading as usize)
        .max()
        .unwrap_or(6)
        .max(6);
    let phrase_w = longest.min(render.width.saturating_sub(2 + numbers.len()).max(20));
    // Too narrow for the table: each phrase on a line, its figures under it.
    let narrow = render.width < 2 + 20 + numbers.len();
    for (title, list) in [
        (format!("Emerging in {new}"), &t.emerging),
        (format!("Fading from {old}"), &t.fading),
    ] {
        writeln!(out)?;
        writeln!(out, "{}", st.heading_fit(&title, render.width))?;
        if list.is_empty() {
            writeln!(out, "  (none)")?;
            continue;
        }
        if !narrow {
            writeln!(
                out,
                "{}",
                st.dim(&format!("  {:phrase_w$}{numbers}", "PHRASE"))
            )?;
        }
        for x in list {
            let mark = if x.in_heading { " §" } else { "" };
            if narrow {
                let phrase = format!("{}{mark}", esc_line(&x.phrase));
                writeln!(out, "{}", wrap(&phrase, render.width, "  ", "    "))?;
                let figures = format!(
                    "new {}, old {}; per 10k words {} and {}; score {:.2}",
                    x.new_count,
                    x.old_count,
                    per_10k(x.new_count, t.new_words).trim(),
                    per_10k(x.old_count, t.old_words).trim(),
                    x.score
                );
                writeln!(
                    out,
                    "{}",
                    st.dim(&wrap(&figures, render.width, "    ", "    "))
                )?;
                continue;
            }
            let phrase = truncate(&esc_line(&x.phrase), phrase_w.saturating_sub(mark.width()));
            let cell = format!("{phrase}{mark}");
            let pad = phrase_w.saturating_sub(cell.width());
            writeln!(
                out,
                "  {cell}{}  {:>4}  {:>4}  {:>7}  {:>7}  {:>5.2}",
                " ".repeat(pad),
                x.new_count,
                x.old_count,
                per_10k(x.new_count, t.new_words),
                per_10k(x.old_count, t.old_words),
                x.score
            )?;
        }
    }
    if t.emerging.iter().chain(&t.fading).any(|x| x.in_heading) {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            st.dim(&wrap(
                "§ also in a heading of that side (a heading counts twice in the score)",
                render.width,
                "",
                "  "
            ))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_at_words_and_marked() {
        let t = "the promotion of a culture";
        assert_eq!(left_context(t, 40, true), t);
        assert_eq!(left_context(t, 12, true), "…a culture");
        assert_eq!(left_context(t, 12, false), "of a culture");
        assert_eq!(right_context(t, 14, true), "the promotion…");
        assert_eq!(right_context(t, 14, false), "the promotion");
        assert!(left_context(t, 9, true).width() <= 9);
        // A single word longer than the room leaves only the mark.
        assert_eq!(right_context("internationalization", 5, true), "…");
    }
}
