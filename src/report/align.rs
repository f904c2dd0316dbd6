//! Renderers for `align`: one line per newer unit, the dropped older
//! units, a summary; or the documented JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::style::{wrap, RenderOptions, Style};
use crate::align::{explain, Alignment, Link, Relation, ScoreParts, Summary};
use crate::parse::Citation;
use crate::Library;

/// JSON view of a link.
#[derive(Debug, Serialize)]
pub struct LinkView<'a> {
    /// Older unit.
    pub old: &'a Citation,
    /// Newer unit.
    pub new: &'a Citation,
    /// Combined score.
    pub score: f64,
    /// identical, reworded, related.
    pub relation: Relation,
    /// The parts of the score.
    pub parts: ScoreParts,
    /// With `--explain`: the longest phrases the two share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_phrases: Option<Vec<String>>,
}

/// JSON view of an alignment (documented in README).
#[derive(Debug, Serialize)]
pub struct AlignmentView<'a> {
    /// Documents of the older side.
    pub old: &'a [String],
    /// Documents of the newer side.
    pub new: &'a [String],
    /// Links by newer citation, then relation and score.
    pub links: Vec<LinkView<'a>>,
    /// Newer units with no link.
    pub new_units: &'a [Citation],
    /// Older units with no link.
    pub dropped_units: &'a [Citation],
    /// Older units set apart as procedural (not aligned).
    pub procedural_old: &'a [Citation],
    /// Newer units set apart as procedural (not aligned).
    pub procedural_new: &'a [Citation],
    /// Older chapeaux of lists: aligned, counted apart.
    pub boilerplate_old: &'a [Citation],
    /// Newer chapeaux of lists: aligned, counted apart.
    pub boilerplate_new: &'a [Citation],
    /// Counts.
    pub summary: Summary,
}

fn phrases(lib: &Library, l: &Link) -> Vec<String> {
    match (lib.unit(&l.old.to_string()), lib.unit(&l.new.to_string())) {
        (Ok(o), Ok(n)) => explain::shared_phrases(&o.text, &n.text, 3, 3),
        _ => Vec::new(),
    }
}

/// The JSON view; `explain` adds the shared phrases.
pub fn json<'a>(lib: &Library, al: &'a Alignment, explain: bool) -> AlignmentView<'a> {
    AlignmentView {
        old: &al.old_docs,
        new: &al.new_docs,
        links: al
            .links
            .iter()
            .map(|l| LinkView {
                old: &l.old,
                new: &l.new,
                score: l.score,
                relation: l.relation,
                parts: l.parts,
                shared_phrases: explain.then(|| phrases(lib, l)),
            })
            .collect(),
        new_units: &al.new_units,
        dropped_units: &al.dropped_units,
        procedural_old: &al.procedural_old,
        procedural_new: &al.procedural_new,
        boilerplate_old: &al.boilerplate_old,
        boilerplate_new: &al.boilerplate_new,
        summary: al.summary(),
    }
}

fn relation_style(st: &Style, r: &str) -> String {
    if !st.color {
        return r.to_string();
    }
    use owo_colors::OwoColorize;
    match r {
        "identical" => r.dimmed().to_string(),
        "reworded" => r.yellow().to_string(),
        "related" => r.blue().to_string(),
        "new" => r.green().bold().to_string(),
        _ => r.red().to_string(),
    }
}

/// The summary sentence.
pub fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "{} carried over verbatim, {} reworded, {} related only, {} new; {} older units dropped",
        s.identical, s.reworded, s.related, s.new, s.dropped
    );
    if let Some(apart) = counted_apart(s) {
        line.push_str("; ");
        line.push_str(&apart);
    }
    line
}

/// What a summary counts apart from substance, as a clause (`not counted:
/// 7 chapeaux of lists (boilerplate), 35 procedural units set apart
/// (--include-procedural aligns them)`), or `None` when nothing is.
pub fn counted_apart(s: &Summary) -> Option<String> {
    let plural = super::written::plural;
    let mut parts = Vec::new();
    let chapeaux = s.boilerplate();
    if chapeaux > 0 {
        parts.push(format!(
            "{} (boilerplate)",
            plural(chapeaux, "chapeau of a list", "chapeaux of lists")
        ));
    }
    if s.procedural() > 0 {
        parts.push(format!(
            "{} set apart (--include-procedural aligns them)",
            plural(s.procedural(), "procedural unit", "procedural units")
        ));
    }
    (!parts.is_empty()).then(|| format!("not counted: {}", parts.join(", ")))
}

/// Text output.
pub fn text(
    lib: &Library,
    al: &Alignment,
    explain: bool,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    writeln!(
        out,
        "{}",
        st.heading_fit(
            &format!("{}  ->  {}", al.old_docs.join(", "), al.new_docs.join(", ")),
            render.width
        )
    )?;
    let w = al
        .new_order
        .iter()
        .map(|c| c.to_string().len())
        .max()
        .unwrap_or(10);
    let links_by_new = al.links_by_new();
    let chapeaux: rustc_hash::FxHashSet<&Citation> = al.boilerplate_new.iter().collect();
    for cite in &al.new_order {
        let links = links_by_new.get(cite).map_or(&[][..], Vec::as_slice);
        let id = format!("{:w$}", cite.to_string());
        let Some(first) = links.first() else {
            let what = if chapeaux.contains(cite) {
                st.dim("chapeau of a list (boilerplate, not counted)")
            } else {
                relation_style(&st, "new      ")
            };
            writeln!(out, "{}  {what}", st.id(&id))?;
            continue;
        };
        let rel = format!("{:9}", first.relation.as_str());
        let olds: Vec<String> = links
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l.old.to_string()
                } else {
                    format!("{} ({:.2})", l.old, l.score)
                }
            })
            .collect();
        // Wrapped to the width, later lines indented; the id and relation
        // at the start of the first line keep their colours.
        let prefix = format!("{id}  {rel}");
        let plain = format!(
            "{prefix} {:.3}  <- {}{}",
            first.score,
            olds.join(", "),
            if chapeaux.contains(cite) {
                "  (chapeau of a list: boilerplate, not counted)"
            } else {
                ""
            }
        );
        let wrapped = wrap(&plain, render.width, "", "      ");
        for (i, line) in wrapped.lines().enumerate() {
            match line.strip_prefix(prefix.as_str()) {
                Some(rest) if i == 0 => {
                    writeln!(out, "{}  {}{rest}", st.id(&id), relation_style(&st, &rel))?
                }
                _ => writeln!(out, "{line}")?,
            }
        }
        if explain {
            for l in links {
                let p = l.parts;
                // Both parts of a mixed score, with their weights, so the
                // reader can redo the sum.
                let meaning = match (p.semantic, p.semantic_scaled(), al.semantic_weight) {
                    (Some(c), Some(scaled), Some(semantic_weight)) => format!(
                        "; meaning {scaled:.2} (embedding cosine {c:.2}); score = {:.2} × wording + {:.2} × meaning",
                        1.0 - semantic_weight,
                        semantic_weight
                    ),
                    _ => String::new(),
                };
                // A related link found sentence by sentence says so.
                let w = al.semantic_weight.unwrap_or(0.0);
                let passage = match p.passage_total(w) {
                    Some(t) if t > p.total(w) => format!(
                        "; read sentence by sentence: wording {:.2} against the best sentence, score {t:.3}",
                        p.passage.unwrap_or_default()
                    ),
                    _ => String::new(),
                };
                let line = format!(
                    "    {} {:.3}{}: wording {:.2} (cosine {:.2}, containment {:.2}, phrases {:.2}, chars {}){meaning}{passage}",
                    l.old,
                    l.score,
                    if l.relation == Relation::Identical {
                        " (same words)"
                    } else {
                        ""
                    },
                    p.lexical(),
                    p.cosine,
                    p.containment,
                    p.phrases,
                    p.chars.map_or("-".to_string(), |c| format!("{c:.2}"))
                );
                writeln!(out, "{}", st.dim(&wrap(&line, render.width, "", "      ")))?;
                let shared = phrases(lib, l);
                if !shared.is_empty() {
                    let quoted: Vec<String> = shared.iter().map(|s| format!("“{s}”")).collect();
                    writeln!(
                        out,
                        "{}",
                        st.dim(&wrap(
                            &quoted.join(" · "),
                            render.width,
                            "      shared: ",
                            "        "
                        ))
                    )?;
                }
            }
        }
    }
    if !al.dropped_units.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            st.heading_fit("Dropped (no successor in the newer side):", render.width)
        )?;
        let list: Vec<String> = al.dropped_units.iter().map(|c| c.to_string()).collect();
        writeln!(out, "{}", wrap(&list.join(", "), render.width, "  ", "  "))?;
    }
    if explain && !(al.procedural_old.is_empty() && al.procedural_new.is_empty()) {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            st.heading_fit("Set apart as procedural (agenda, attendance, election of officers, adoption of the report; --include-procedural aligns them):", render.width)
        )?;
        let list: Vec<String> = al
            .procedural_old
            .iter()
            .chain(&al.procedural_new)
            .map(|c| c.to_string())
            .collect();
        writeln!(out, "{}", wrap(&list.join(", "), render.width, "  ", "  "))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        wrap(&summary_line(&al.summary()), render.width, "", "  ")
    )?;
    Ok(())
}
