//! Renderers for `review`: the per-paragraph verdicts with redlines, the
//! totals and the uptake of recommendations, as text or JSON.

use std::io::{self, Write};

use owo_colors::OwoColorize;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::diff::redline_lines;
use super::escape::line as esc_line;
use super::style::{shorten, wrap, RenderOptions, Style};
use crate::diff::{Edit, StrengthChange};
use crate::parse::Citation;
use crate::review::{Class, Part, Review, Totals};

fn class_label(st: &Style, c: Class) -> String {
    let s = c.as_str();
    if !st.color {
        return s.to_string();
    }
    match c {
        Class::Verbatim => s.dimmed().to_string(),
        Class::Adapted => s.yellow().to_string(),
        Class::New => s.green().bold().to_string(),
    }
}

/// Text output.
pub fn text(r: &Review, render: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let t = &r.totals;
    writeln!(
        out,
        "{}",
        st.heading_fit(
            &format!(
                "Review of {} ({} paragraphs: {} preambular, {} operative)",
                r.draft, t.paragraphs, t.preamble, t.operative
            ),
            render.width
        )
    )?;
    writeln!(
        out,
        "{}",
        st.dim(&wrap(
            &format!("precedents from: {}", r.against.join(", ")),
            render.width,
            "",
            "  "
        ))
    )?;
    writeln!(out)?;
    for p in &r.paragraphs {
        let para = p.paragraph;
        let label = para
            .label
            .as_ref()
            .map_or(String::new(), |l| format!(" ({})", esc_line(l)));
        let part = para.part.as_str();
        let mut head = format!(
            "{}{label}  {part}  {}",
            st.id(&para.unit.id.to_string()),
            class_label(&st, p.class)
        );
        if let Some(b) = p.precedents.first() {
            head.push_str(&format!(" {:.3}  <- {}", b.score, b.unit.id));
        }
        writeln!(out, "{}", wrap(&head, render.width, "", "  "))?;
        if !p.precedents.is_empty() {
            let list: Vec<String> = p
                .precedents
                .iter()
                .map(|x| {
                    let auth = x.authority.map_or(String::new(), |a| format!(", {a}"));
                    format!("{} ({:.2}{auth})", x.unit.un_style(), x.score)
                })
                .collect();
            writeln!(
                out,
                "{}",
                st.dim(&wrap(
                    &format!("precedents: {}", list.join("; ")),
                    render.width,
                    "  ",
                    "    "
                ))
            )?;
        }
        if !p.strength.is_empty() {
            let s: Vec<String> = p.strength.iter().map(|c| c.to_string()).collect();
            let s = wrap(&s.join("; "), render.width, "  ", "  ");
            writeln!(
                out,
                "{}",
                if st.color {
                    s.magenta().bold().to_string()
                } else {
                    s
                }
            )?;
        }
        let edits = if p.class == crate::review::Class::New || p.edits.is_empty() {
            vec![Edit::new(crate::diff::Op::Equal, para.unit.text.clone())]
        } else {
            p.edits.clone()
        };
        for l in redline_lines(&edits, render.width.saturating_sub(2), render.color) {
            writeln!(out, "  {l}")?;
        }
        for a in &p.alternatives {
            let option = if a.option.is_empty() {
                "(dropped)".to_string()
            } else {
                format!("“{}”", esc_line(&a.option))
            };
            let best = a
                .best
                .as_ref()
                .map_or("no precedent".to_string(), |(c, s)| format!("{c} {s:.2}"));
            writeln!(
                out,
                "{}",
                st.dim(&wrap(
                    &format!(
                        "bracket {}: {option} -> {best}",
                        esc_line(&bracket_label(&a.bracket))
                    ),
                    render.width,
                    "  ",
                    "    "
                ))
            )?;
        }
        if p.alternatives_unchecked > 0 {
            writeln!(
                out,
                "{}",
                st.dim(&wrap(
                    &format!(
                        "{} more bracket readings not checked (accord checks the first {} of a paragraph)",
                        p.alternatives_unchecked,
                        crate::review::MAX_ALTERNATIVES
                    ),
                    render.width,
                    "  ",
                    "    "
                ))
            )?;
        }
        for u in &para.unmatched {
            let line = wrap(
                &format!("warning: {}: {}", esc_line(&u.describe()), u.advice()),
                render.width,
                "  ",
                "    ",
            );
            writeln!(
                out,
                "{}",
                if st.color {
                    line.yellow().bold().to_string()
                } else {
                    line
                }
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", wrap(&totals_line(t), render.width, "", "  "))?;
    if r.procedural > 0 {
        writeln!(
            out,
            "{}",
            st.dim(&wrap(
                &format!(
                    "{} (agenda, attendance, election of officers, adoption of the report) not offered as precedent; --include-procedural offers them",
                    crate::report::written::plural(r.procedural, "procedural unit", "procedural units")
                ),
                render.width,
                "",
                "  "
            ))
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        st.heading_fit(
            &format!(
                "Uptake: {} of {} recommendations of {} reflected in the draft",
                t.reflected,
                t.recommendations,
                r.uptake_docs.join(", ")
            ),
            render.width
        )
    )?;
    let left: Vec<_> = r.left_out().collect();
    if !left.is_empty() {
        writeln!(out, "Left out:")?;
        for u in left {
            let id = u.recommendation.id.to_string();
            // The rest of the line, after the indent, the citation and
            // two spaces.
            let room = render.width.saturating_sub(id.width() + 4).max(10);
            writeln!(
                out,
                "  {}  {}",
                st.id(&id),
                shorten(&esc_line(&u.recommendation.text), room)
            )?;
        }
    }
    Ok(())
}

/// The totals sentence.
pub fn totals_line(t: &Totals) -> String {
    format!(
        "{:.0}% of the draft's words come from precedent; {} verbatim, {} adapted, {} new",
        t.share_from_precedent * 100.0,
        t.verbatim,
        t.adapted,
        t.new
    )
}

/// A precedent in JSON.
#[derive(Debug, Serialize)]
pub struct PrecedentView<'a> {
    /// Citation.
    pub citation: &'a Citation,
    /// UN-style citation.
    pub un_citation: String,
    /// Score.
    pub score: f64,
    /// Authority of its document.
    pub authority: Option<&'static str>,
}

/// A bracket alternative in JSON.
#[derive(Debug, Serialize)]
pub struct AlternativeView<'a> {
    /// The bracket as written.
    pub bracket: &'a str,
    /// The option checked ("" for the bracketed text dropped).
    pub option: &'a str,
    /// Best precedent, if any.
    pub citation: Option<&'a Citation>,
    /// Its score.
    pub score: Option<f64>,
}

/// A paragraph in JSON.
#[derive(Debug, Serialize)]
pub struct ParagraphView<'a> {
    /// `draft:N`.
    pub id: &'a Citation,
    /// The draft's own numbering.
    pub label: Option<&'a str>,
    /// preamble or operative.
    pub part: Part,
    /// verbatim, adapted or new.
    pub class: Class,
    /// The paragraph's text.
    pub text: &'a str,
    /// Up to three precedents.
    pub precedents: Vec<PrecedentView<'a>>,
    /// Edits against the best precedent.
    pub edits: &'a [Edit],
    /// Drafting-strength changes.
    pub strength: &'a [StrengthChange],
    /// Bracket alternatives, at most `review::MAX_ALTERNATIVES` (32).
    pub alternatives: Vec<AlternativeView<'a>>,
    /// Readings beyond that limit, not checked (usually 0).
    pub alternatives_unchecked: usize,
    /// Brackets with no partner (`[` never closed, `]` never opened),
    /// read as plain text: `mark`, byte offset `at` in `text`, and the
    /// `context` around it. Usually empty.
    pub unmatched_brackets: &'a [crate::review::Unmatched],
}

/// An uptake row in JSON.
#[derive(Debug, Serialize)]
pub struct UptakeView<'a> {
    /// The recommendation.
    pub recommendation: &'a Citation,
    /// The draft paragraph reflecting it, or null.
    pub reflected_in: Option<&'a Citation>,
    /// Best score.
    pub score: f64,
}

/// JSON view of a review (documented in README).
#[derive(Debug, Serialize)]
pub struct ReviewView<'a> {
    /// The draft's id.
    pub draft: &'a str,
    /// Precedent documents.
    pub against: &'a [String],
    /// Paragraphs in order.
    pub paragraphs: Vec<ParagraphView<'a>>,
    /// Counts.
    pub totals: Totals,
    /// Uptake per recommendation.
    pub uptake: Vec<UptakeView<'a>>,
    /// Recommendations left out, in order.
    pub left_out: Vec<&'a Citation>,
    /// Procedural units of the precedent documents (agenda, attendance...)
    /// not offered as precedents; 0 with `--include-procedural`.
    pub procedural_set_apart: usize,
    /// The share of meaning in each score (0..1) when sentence vectors were
    /// used; null for wording alone.
    pub semantic_weight: Option<f64>,
}

/// The JSON view.
pub fn json<'a>(r: &'a Review) -> ReviewView<'a> {
    ReviewView {
        draft: &r.draft,
        against: &r.against,
        paragraphs: r
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                id: &p.paragraph.unit.id,
                label: p.paragraph.label.as_deref(),
                part: p.paragraph.part,
                class: p.class,
                text: &p.paragraph.unit.text,
                precedents: p
                    .precedents
                    .iter()
                    .map(|x| PrecedentView {
                        citation: &x.unit.id,
                        un_citation: x.unit.un_style(),
                        score: x.score,
                        authority: x.authority.map(|a| a.as_str()),
                    })
                    .collect(),
                edits: &p.edits,
                strength: &p.strength,
                alternatives: p
                    .alternatives
                    .iter()
                    .map(|a| AlternativeView {
                        bracket: &a.bracket,
                        option: &a.option,
                        citation: a.best.as_ref().map(|b| &b.0),
                        score: a.best.as_ref().map(|b| b.1),
                    })
                    .collect(),
                alternatives_unchecked: p.alternatives_unchecked,
                unmatched_brackets: &p.paragraph.unmatched,
            })
            .collect(),
        totals: r.totals,
        uptake: r
            .uptake
            .iter()
            .map(|u| UptakeView {
                recommendation: &u.recommendation.id,
                reflected_in: u.reflected_in.as_ref(),
                score: u.score,
            })
            .collect(),
        left_out: r.left_out().map(|u| &u.recommendation.id).collect(),
        procedural_set_apart: r.procedural,
        semantic_weight: r.semantic_weight,
    }
}

/// A bracket as shown beside each of its readings: whole up to 60
/// characters, else its first 60 and `…]` (a bracket of 10,000 options
/// repeated for each reading made a review of megabytes). JSON keeps it
/// whole.
pub(crate) fn bracket_label(raw: &str) -> String {
    const MAX: usize = 60;
    if raw.chars().count() <= MAX {
        return raw.to_string();
    }
    let mut s: String = raw.chars().take(MAX).collect();
    s.push_str("…]");
    s
}
