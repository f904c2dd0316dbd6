//! The written review as one self-contained HTML file: a table of
//! contents, a legend, redlines as styled `<del>` and `<ins>`, and print
//! styles, laid out with the pieces of [`crate::report::written::html`]
//! (which escapes every piece of document text; see there).

use std::io::{self, Write};

use super::{ParagraphEntry, ReviewDoc, UptakeEntry};
use crate::report::written::html::{
    badge, cite, counts_table, docs_table, escape, foot, head, header, redline,
};
use crate::report::written::DocInfo;

/// Writes the review as a complete HTML document.
pub fn write(d: &ReviewDoc, out: &mut dyn Write) -> io::Result<()> {
    head(out, &d.title, &d.version)?;

    header(
        out,
        &d.title,
        &d.provenance(),
        "<del>deleted</del> text is in the best precedent only; <ins>inserted</ins> text is the draft's own.",
    )?;

    write_toc(d, out)?;

    writeln!(out, "<section id=\"documents\">")?;
    writeln!(out, "<h2>Documents</h2>")?;
    let rows: Vec<(&str, &DocInfo)> = std::iter::once(("draft", &d.draft))
        .chain(d.precedent_docs.iter().map(|p| ("precedent", p)))
        .collect();
    docs_table(out, "Role", &rows)?;
    writeln!(
        out,
        "<p>Recommendations checked for uptake: {}.</p>",
        escape(&d.uptake_names())
    )?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"summary\">")?;
    writeln!(out, "<h2>Summary</h2>")?;
    writeln!(out, "<p>{}</p>", escape(&d.sentences.join(" ")))?;
    counts_table(out, &d.count_rows())?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"paragraphs\">")?;
    writeln!(out, "<h2>Paragraphs</h2>")?;
    writeln!(out, "<p class=\"note\">{}</p>", escape(d.redline_note()))?;
    let mut n = 0;
    for (i, g) in d.parts.iter().enumerate() {
        writeln!(out, "<section class=\"part\" id=\"part{}\">", i + 1)?;
        writeln!(
            out,
            "<h3>{} <span class=\"count\">({})</span></h3>",
            g.title(),
            g.paragraphs.len()
        )?;
        for p in &g.paragraphs {
            n += 1;
            write_paragraph(p, n, out)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"uptake\">")?;
    writeln!(out, "<h2>Uptake of recommendations</h2>")?;
    writeln!(
        out,
        "<p>Recommendations of {}: {} of {} reflected in the draft (a paragraph scores at least {:.2} against them).</p>",
        escape(&d.uptake_names()),
        d.totals.reflected,
        d.totals.recommendations,
        d.thresholds.uptake
    )?;
    writeln!(
        out,
        "<h3 id=\"left-out\">Left out ({})</h3>",
        d.left_out.len()
    )?;
    if d.left_out.is_empty() {
        writeln!(out, "<p>None.</p>")?;
    }
    for (i, u) in d.left_out.iter().enumerate() {
        write_left_out(u, i + 1, out)?;
    }
    writeln!(
        out,
        "<h3 id=\"reflected\">Reflected ({})</h3>",
        d.reflected.len()
    )?;
    if d.reflected.is_empty() {
        writeln!(out, "<p>None.</p>")?;
    } else {
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th>Recommendation</th><th>Reflected in</th><th>Score</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for u in &d.reflected {
            writeln!(
                out,
                "<tr><td>{}</td><td><span class=\"cite-id\">{}</span></td><td class=\"n\">{:.3}</td></tr>",
                cite(&u.cite),
                escape(u.reflected_in.as_deref().unwrap_or_default()),
                u.score
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</section>")?;
    foot(out, &d.version, d.date)
}

fn write_toc(d: &ReviewDoc, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<nav class=\"toc\" aria-label=\"Contents\">")?;
    writeln!(out, "<h2>Contents</h2>")?;
    writeln!(out, "<ol>")?;
    writeln!(out, "<li><a href=\"#documents\">Documents</a></li>")?;
    writeln!(out, "<li><a href=\"#summary\">Summary</a></li>")?;
    writeln!(out, "<li><a href=\"#paragraphs\">Paragraphs</a>")?;
    writeln!(out, "<ol>")?;
    let mut n = 0;
    for (i, g) in d.parts.iter().enumerate() {
        writeln!(
            out,
            "<li><a href=\"#part{}\">{}</a> <span class=\"count\">({})</span>",
            i + 1,
            g.title(),
            g.paragraphs.len()
        )?;
        writeln!(out, "<ol>")?;
        for p in &g.paragraphs {
            n += 1;
            writeln!(
                out,
                "<li><a href=\"#p{n}\">{}</a> {}</li>",
                escape(&p.heading()),
                badge(p.class.as_str())
            )?;
        }
        writeln!(out, "</ol>")?;
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</li>")?;
    writeln!(
        out,
        "<li><a href=\"#uptake\">Uptake of recommendations</a> <span class=\"count\">(<a href=\"#left-out\">{} left out</a>, <a href=\"#reflected\">{} reflected</a>)</span></li>",
        d.left_out.len(),
        d.reflected.len()
    )?;
    writeln!(out, "</ol>")?;
    writeln!(out, "</nav>")
}

fn write_paragraph(p: &ParagraphEntry, n: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<article class=\"provision\" id=\"p{n}\">")?;
    writeln!(
        out,
        "<h4><span class=\"cite-id\">{}</span> {}</h4>",
        escape(&p.heading()),
        badge(p.class.as_str())
    )?;
    writeln!(out, "<dl class=\"meta\">")?;
    writeln!(out, "<dt>Part</dt><dd>{}</dd>", p.part.as_str())?;
    writeln!(
        out,
        "<dt>Words</dt><dd>{}, {} from precedent</dd>",
        p.words, p.words_from_precedent
    )?;
    if p.precedents.is_empty() {
        writeln!(out, "<dt>Precedents</dt><dd>none</dd>")?;
    } else {
        writeln!(out, "<dt>Precedents</dt><dd><ol class=\"inline\">")?;
        for x in &p.precedents {
            writeln!(out, "<li>{}; {}</li>", cite(&x.cite), escape(&x.details()))?;
        }
        writeln!(out, "</ol></dd>")?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p.strength.iter().map(|c| escape(&c.to_string())).collect();
        writeln!(
            out,
            "<dt>Drafting strength</dt><dd class=\"strength\">{}</dd>",
            s.join("; ")
        )?;
    }
    if !p.alternatives.is_empty() {
        writeln!(out, "<dt>Brackets</dt><dd><ul class=\"inline\">")?;
        for a in &p.alternatives {
            let outcome = match &a.best {
                Some((c, s)) => format!("{}, score {s:.2}", cite(c)),
                None => "no precedent".to_string(),
            };
            writeln!(
                out,
                "<li><span class=\"bracket\">{}</span>: {} → {outcome}</li>",
                escape(&a.bracket),
                escape(&a.option_label())
            )?;
        }
        writeln!(out, "</ul></dd>")?;
    }
    match p.redline_from() {
        Some(best) => {
            writeln!(out, "<dt>Redline</dt><dd>against {}</dd>", cite(&best.cite))?;
            writeln!(out, "</dl>")?;
            writeln!(out, "<p class=\"text\">{}</p>", redline(&p.edits))?;
        }
        None => {
            writeln!(out, "<dt>Redline</dt><dd>none: new language</dd>")?;
            writeln!(out, "</dl>")?;
            writeln!(out, "<p class=\"text\"><ins>{}</ins></p>", escape(&p.text))?;
        }
    }
    writeln!(out, "</article>")
}

fn write_left_out(u: &UptakeEntry, n: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<article class=\"provision\" id=\"r{n}\">")?;
    writeln!(out, "<h4>{}</h4>", cite(&u.cite))?;
    writeln!(
        out,
        "<dl class=\"meta\"><dt>Best score</dt><dd>{:.3} against the draft</dd></dl>",
        u.score
    )?;
    writeln!(out, "<p class=\"text\">{}</p>", escape(&u.text))?;
    writeln!(out, "</article>")
}
