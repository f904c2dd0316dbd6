//! The memo as one self-contained HTML file: a table of contents,
//! redlines as styled `<del>` and `<ins>` with a legend, and print styles,
//! laid out with the pieces of [`crate::report::written::html`] (which
//! escapes every piece of document text; see there).

use std::io::{self, Write};

use super::{DocInfo, Entry, Memo, Provision, Topic};
use crate::align::Relation;
use crate::report::written::html::{
    badge, cite, counts_table, docs_table, escape, foot, head, header, redline,
};

fn relation(r: Relation) -> String {
    badge(r.as_str())
}

/// Writes the memo as a complete HTML document.
pub fn write(m: &Memo, out: &mut dyn Write) -> io::Result<()> {
    head(out, &m.title, &m.version)?;

    header(
        out,
        &m.title,
        &m.provenance(),
        "<del>deleted</del> text was in the precedent only; <ins>inserted</ins> text is new in the later provision.",
    )?;

    write_toc(m, out)?;

    writeln!(out, "<section id=\"documents\">")?;
    writeln!(out, "<h2>Documents compared</h2>")?;
    let rows: Vec<(&str, &DocInfo)> = m
        .old_docs
        .iter()
        .map(|d| ("older", d))
        .chain(m.new_docs.iter().map(|d| ("newer", d)))
        .collect();
    docs_table(out, "Side", &rows)?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"summary\">")?;
    writeln!(out, "<h2>Executive summary</h2>")?;
    writeln!(out, "<p>{}</p>", escape(&m.sentences.join(" ")))?;
    counts_table(out, &m.count_rows())?;
    if m.only_changed && m.counts.identical > 0 {
        writeln!(
            out,
            "<p class=\"note\">Provisions carried over verbatim are counted but not listed (--only-changed).</p>"
        )?;
    }
    writeln!(
        out,
        "<h3 id=\"strength\">Changes of drafting strength ({})</h3>",
        m.strength.len()
    )?;
    if m.strength.is_empty() {
        writeln!(out, "<p>None.</p>")?;
    } else {
        writeln!(out, "<ol>")?;
        for s in &m.strength {
            writeln!(
                out,
                "<li>{}, from {}: <span class=\"strength\">{}</span></li>",
                cite(&s.new),
                cite(&s.old),
                escape(&s.change.to_string())
            )?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")?;

    if let Some(t) = &m.terms {
        writeln!(out, "<section id=\"terms\">")?;
        writeln!(out, "<h2>Emerging and fading terms</h2>")?;
        for (label, list) in [("Emerging", &t.emerging), ("Fading", &t.fading)] {
            writeln!(out, "<h3>{label}</h3>")?;
            if list.is_empty() {
                writeln!(out, "<p>None.</p>")?;
                continue;
            }
            writeln!(out, "<table>")?;
            writeln!(
                out,
                "<thead><tr><th>Phrase</th><th>{}</th><th>{}</th></tr></thead>",
                escape(&m.new_names()),
                escape(&m.old_names())
            )?;
            for term in list {
                writeln!(
                    out,
                    "<tr><td>“{}”</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                    escape(&term.phrase),
                    term.new_count,
                    term.old_count
                )?;
            }
            writeln!(out, "</table>")?;
        }
        writeln!(out, "</section>")?;
    }

    writeln!(out, "<section id=\"topics\">")?;
    writeln!(out, "<h2>Provisions by topic</h2>")?;
    if m.topics.is_empty() {
        writeln!(out, "<p>No provisions to list.</p>")?;
    }
    let mut n = 0;
    for (i, t) in m.topics.iter().enumerate() {
        write_topic(m, i + 1, t, &mut n, out)?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"dropped\">")?;
    writeln!(out, "<h2>Dropped provisions ({})</h2>", m.dropped_count())?;
    if m.dropped_count() == 0 {
        writeln!(
            out,
            "<p>Every provision of {} has a successor in {}.</p>",
            escape(&m.old_names()),
            escape(&m.new_names())
        )?;
    } else {
        writeln!(
            out,
            "<p>Provisions of {} with no successor in {}, in document order.</p>",
            escape(&m.old_names()),
            escape(&m.new_names())
        )?;
    }
    for g in &m.dropped {
        writeln!(
            out,
            "<h3>{} <span class=\"cite-id\">({})</span></h3>",
            escape(&g.title),
            escape(&g.doc)
        )?;
        for e in &g.entries {
            n += 1;
            write_entry(e, n, out)?;
        }
    }
    writeln!(out, "</section>")?;
    foot(out, &m.version, m.date)
}

fn write_toc(m: &Memo, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<nav class=\"toc\" aria-label=\"Contents\">")?;
    writeln!(out, "<h2>Contents</h2>")?;
    writeln!(out, "<ol>")?;
    writeln!(
        out,
        "<li><a href=\"#documents\">Documents compared</a></li>"
    )?;
    writeln!(
        out,
        "<li><a href=\"#summary\">Executive summary</a> <span class=\"count\">(<a href=\"#strength\">{} changes of drafting strength</a>)</span></li>",
        m.strength.len()
    )?;
    if m.terms.is_some() {
        writeln!(
            out,
            "<li><a href=\"#terms\">Emerging and fading terms</a></li>"
        )?;
    }
    writeln!(out, "<li><a href=\"#topics\">Provisions by topic</a>")?;
    if !m.topics.is_empty() {
        writeln!(out, "<ol>")?;
        for (i, t) in m.topics.iter().enumerate() {
            writeln!(
                out,
                "<li><a href=\"#t{}\">{}</a> <span class=\"count\">{} · {} with precedent, {} new</span></li>",
                i + 1,
                escape(&t.title),
                escape(&t.doc),
                t.provisions.len(),
                t.new_units.len()
            )?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</li>")?;
    writeln!(
        out,
        "<li><a href=\"#dropped\">Dropped provisions</a> <span class=\"count\">({})</span></li>",
        m.dropped_count()
    )?;
    writeln!(out, "</ol>")?;
    writeln!(out, "</nav>")
}

fn write_topic(
    m: &Memo,
    i: usize,
    t: &Topic,
    n: &mut usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "<section class=\"topic\" id=\"t{i}\">")?;
    writeln!(out, "<h3>{i}. {}</h3>", escape(&t.title))?;
    let path = if t.path.is_empty() {
        String::new()
    } else {
        format!(" · {}", escape(&t.path.join(" › ")))
    };
    writeln!(
        out,
        "<p class=\"path\"><span class=\"cite-id\">{}</span>{path}</p>",
        escape(&t.doc)
    )?;
    if let Some(note) = t.hidden_note() {
        writeln!(out, "<p class=\"note\">{note}</p>")?;
    }
    for p in &t.provisions {
        *n += 1;
        write_provision(p, *n, out)?;
    }
    for e in &t.new_units {
        *n += 1;
        writeln!(out, "<article class=\"provision\" id=\"p{n}\">")?;
        writeln!(out, "<h4>New: {}</h4>", cite(&e.cite))?;
        writeln!(
            out,
            "<dl class=\"meta\"><dt>Relation</dt><dd><span class=\"rel new\">new</span> no precedent in {}</dd></dl>",
            escape(&m.old_names())
        )?;
        writeln!(out, "<p class=\"text\"><ins>{}</ins></p>", escape(&e.text))?;
        writeln!(out, "</article>")?;
    }
    writeln!(out, "</section>")
}

fn write_provision(p: &Provision, n: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<article class=\"provision\" id=\"p{n}\">")?;
    writeln!(out, "<h4>{}</h4>", cite(&p.new))?;
    writeln!(out, "<dl class=\"meta\">")?;
    writeln!(out, "<dt>Precedent</dt><dd>{}</dd>", cite(&p.precedent))?;
    writeln!(
        out,
        "<dt>Relation</dt><dd>{} score {:.3}</dd>",
        relation(p.relation),
        p.score
    )?;
    if !p.related.is_empty() {
        let rel: Vec<String> = p
            .related
            .iter()
            .map(|(c, s)| format!("{} ({s:.2})", cite(c)))
            .collect();
        writeln!(out, "<dt>Also related</dt><dd>{}</dd>", rel.join("; "))?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p.strength.iter().map(|c| escape(&c.to_string())).collect();
        writeln!(
            out,
            "<dt>Drafting strength</dt><dd class=\"strength\">{}</dd>",
            s.join("; ")
        )?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "<p class=\"text\">{}</p>", redline(&p.edits))?;
    writeln!(out, "</article>")
}

fn write_entry(e: &Entry, n: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<article class=\"provision\" id=\"d{n}\">")?;
    writeln!(out, "<h4>{}</h4>", cite(&e.cite))?;
    writeln!(out, "<p class=\"text\"><del>{}</del></p>", escape(&e.text))?;
    writeln!(out, "</article>")
}
