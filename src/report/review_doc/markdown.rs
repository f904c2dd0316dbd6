//! The written review as Markdown, laid out with the escaping and redlines
//! of [`crate::report::written::markdown`]: plain CommonMark, readable as
//! text, redlines as `~~deleted~~` and `**inserted**`, and every piece of
//! document text escaped so it cannot inject markup.

use std::io::{self, Write};

use super::{ParagraphEntry, ReviewDoc, UptakeEntry};
use crate::report::written::markdown::{cite, doc_item, escape, quoted, redline};

/// Writes the review as Markdown.
pub fn write(d: &ReviewDoc, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", escape(&d.title, false))?;
    writeln!(out, "{}\n", escape(&d.provenance(), true))?;

    writeln!(out, "## Documents\n")?;
    writeln!(out, "Draft:\n")?;
    writeln!(out, "{}\n", doc_item(&d.draft))?;
    writeln!(out, "Precedent documents:\n")?;
    for p in &d.precedent_docs {
        writeln!(out, "{}", doc_item(p))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Recommendations checked for uptake: {}.\n",
        escape(&d.uptake_names(), false)
    )?;

    writeln!(out, "## Summary\n")?;
    writeln!(out, "{}\n", escape(&d.sentences.join(" "), true))?;
    for (label, n) in d.count_rows() {
        writeln!(out, "- {label}: {n}")?;
    }
    writeln!(out)?;

    writeln!(out, "## Paragraphs\n")?;
    writeln!(
        out,
        "{} Deleted words are ~~struck through~~, inserted words **bold**.\n",
        d.redline_note()
    )?;
    for g in &d.parts {
        writeln!(out, "### {} ({})\n", g.title(), g.paragraphs.len())?;
        for p in &g.paragraphs {
            write_paragraph(p, out)?;
        }
    }

    writeln!(out, "## Uptake of recommendations\n")?;
    writeln!(
        out,
        "Recommendations of {}: {} of {} reflected in the draft (a paragraph scores at least {:.2} against them).\n",
        escape(&d.uptake_names(), false),
        d.totals.reflected,
        d.totals.recommendations,
        d.thresholds.uptake
    )?;
    writeln!(out, "### Left out ({})\n", d.left_out.len())?;
    if d.left_out.is_empty() {
        writeln!(out, "None.\n")?;
    }
    for u in &d.left_out {
        write_left_out(u, out)?;
    }
    writeln!(out, "### Reflected ({})\n", d.reflected.len())?;
    if d.reflected.is_empty() {
        writeln!(out, "None.\n")?;
    } else {
        for u in &d.reflected {
            writeln!(
                out,
                "- {}: in {}, score {:.3}",
                cite(&u.cite),
                escape(u.reflected_in.as_deref().unwrap_or_default(), false),
                u.score
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_paragraph(p: &ParagraphEntry, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#### {}\n", escape(&p.heading(), false))?;
    writeln!(out, "- {}", escape(&p.facts(), false))?;
    if p.precedents.is_empty() {
        writeln!(out, "- No precedent.")?;
    }
    for (i, x) in p.precedents.iter().enumerate() {
        writeln!(
            out,
            "- Precedent {}: {}; {}",
            i + 1,
            cite(&x.cite),
            escape(&x.details(), false)
        )?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p
            .strength
            .iter()
            .map(|c| escape(&c.to_string(), false))
            .collect();
        writeln!(out, "- Drafting strength: {}", s.join("; "))?;
    }
    for a in &p.alternatives {
        writeln!(
            out,
            "- Bracket {}: {} → {}",
            escape(&a.bracket, false),
            escape(&a.option_label(), false),
            escape(&a.outcome(), false)
        )?;
    }
    writeln!(out)?;
    match p.redline_from() {
        Some(best) => {
            writeln!(out, "Redline against {}:\n", cite(&best.cite))?;
            writeln!(out, "> {}\n", quoted(&redline(&p.edits)))
        }
        None => {
            writeln!(out, "New language:\n")?;
            writeln!(out, "> {}\n", quoted(&escape(&p.text, true)))
        }
    }
}

fn write_left_out(u: &UptakeEntry, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#### {}\n", cite(&u.cite))?;
    writeln!(out, "- Best score against the draft: {:.3}\n", u.score)?;
    writeln!(out, "> {}\n", quoted(&escape(&u.text, true)))
}
