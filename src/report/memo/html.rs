//! The memo as one self-contained HTML file: inline CSS, no scripts, no
//! external assets, a table of contents, redlines as styled `<del>` and
//! `<ins>` with a legend, and print styles.
//!
//! Every piece of document text (unit text, titles, headings, phrases)
//! goes through [`escape`], which escapes `&`, `<`, `>`, `"` and `'`, so a
//! document containing `<script>` or `"><img onerror=...>` shows as text.
//! A Content-Security-Policy that allows only inline styles backs this
//! up: even markup that slipped through could load or run nothing.
//! Anchors are made from counters, never from document text.

use std::io::{self, Write};

use super::{Cite, Entry, Memo, Provision, Topic};
use crate::align::Relation;
use crate::diff::{Edit, Op};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not
            // allowed in HTML text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A redline: equal text as is, deletions in `<del>`, insertions in
/// `<ins>`.
pub fn redline(edits: &[Edit]) -> String {
    let mut out = String::new();
    for e in edits {
        let text = escape(&e.text);
        match e.op {
            Op::Equal => out.push_str(&text),
            Op::Delete => {
                out.push_str("<del>");
                out.push_str(&text);
                out.push_str("</del>");
            }
            Op::Insert => {
                out.push_str("<ins>");
                out.push_str(&text);
                out.push_str("</ins>");
            }
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d8d8d8; --accent: #005b99;
  --del: #b3261e; --del-bg: #fde7e5; --ins: #116329; --ins-bg: #e3f4e6; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink);
  max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.12rem; margin-top: 2rem; }
h4 { font-size: 1rem; margin: 1.5rem 0 .35rem; }
a { color: var(--accent); }
.provenance, .path, .meta, .note { color: var(--muted); font-size: .92rem; }
.legend { font-size: .92rem; border: 1px solid var(--rule); padding: .4rem .7rem;
  display: inline-block; border-radius: 4px; }
nav.toc { border: 1px solid var(--rule); background: #fafafa; padding: .5rem 1.25rem; margin: 1.5rem 0; }
nav.toc h2 { border: 0; margin: .5rem 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.4rem; }
nav.toc .count { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; margin: .75rem 0; }
th, td { text-align: left; padding: .2rem .8rem .2rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap, td .cite-id { white-space: nowrap; }
.cite-id { font-family: "SFMono-Regular", Consolas, monospace; font-size: .88em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0 .5rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.rel { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .03em; padding: .05rem .35rem; border-radius: 3px; border: 1px solid currentColor; }
.rel.identical { color: var(--muted); } .rel.reworded { color: #8a5300; }
.rel.related { color: var(--accent); } .rel.new { color: var(--ins); } .rel.dropped { color: var(--del); }
.strength { color: #6b2a8a; font-weight: bold; }
.text { white-space: pre-wrap; margin: .4rem 0 1rem; padding: .5rem .8rem; border-left: 3px solid var(--rule); background: #fcfcfc; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  nav.toc { background: none; break-after: page; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, .path, dl.meta { break-after: avoid; }
  dl.meta, tr { break-inside: avoid; }
  .text { orphans: 3; widows: 3; }
  .text { background: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 2cm; }
"#;

fn cite(c: &Cite) -> String {
    format!(
        "{} — <span class=\"cite-id\">{}</span>",
        escape(&c.un),
        escape(&c.id)
    )
}

fn relation(r: Relation) -> String {
    format!("<span class=\"rel {0}\">{0}</span>", r.as_str())
}

/// Writes the memo as a complete HTML document.
pub fn write(m: &Memo, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"accord {}\">",
        escape(&m.version)
    )?;
    writeln!(out, "<title>{}</title>", escape(&m.title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;

    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", escape(&m.title))?;
    writeln!(
        out,
        "<p class=\"provenance\">{}</p>",
        escape(&m.provenance())
    )?;
    writeln!(
        out,
        "<p class=\"legend\">Legend: <del>deleted</del> text was in the precedent only; <ins>inserted</ins> text is new in the later provision.</p>"
    )?;
    writeln!(out, "</header>")?;

    write_toc(m, out)?;

    writeln!(out, "<section id=\"documents\">")?;
    writeln!(out, "<h2>Documents compared</h2>")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Side</th><th>Document</th><th>Title</th><th>Meeting</th><th>Date</th><th>Units</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for (side, docs) in [("older", &m.old_docs), ("newer", &m.new_docs)] {
        for d in docs {
            let opt = |s: &Option<String>| s.as_deref().map_or(String::from("—"), escape);
            let meeting = match (&d.meeting, &d.venue) {
                (Some(mt), Some(v)) => format!("{}, {}", escape(mt), escape(v)),
                (Some(mt), None) => escape(mt),
                (None, Some(v)) => escape(v),
                (None, None) => "—".into(),
            };
            writeln!(
                out,
                "<tr><td>{side}</td><td><span class=\"cite-id\">{}</span></td><td>{}</td><td>{meeting}</td><td class=\"nowrap\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&d.id),
                opt(&d.title),
                opt(&d.date),
                d.units
            )?;
        }
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"summary\">")?;
    writeln!(out, "<h2>Executive summary</h2>")?;
    writeln!(out, "<p>{}</p>", escape(&m.sentences.join(" ")))?;
    writeln!(out, "<table class=\"counts\">")?;
    for (label, n) in m.count_rows() {
        writeln!(out, "<tr><th>{label}</th><td class=\"n\">{n}</td></tr>")?;
    }
    writeln!(out, "</table>")?;
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
    writeln!(
        out,
        "<footer class=\"note\"><p>Written by accord {} on {}.</p></footer>",
        escape(&m.version),
        m.date
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_words;

    #[test]
    fn escapes_markup_and_attribute_breakouts() {
        assert_eq!(
            escape(r#"<script>alert(1)</script> "><img src=x onerror=alert(1)> & 'q'"#),
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;"
        );
        assert_eq!(escape("a\u{7}b\tc"), "ab\tc");
    }

    #[test]
    fn redline_uses_del_and_ins_around_escaped_text() {
        let edits = diff_words("keep <old> words", "keep <new> words");
        assert_eq!(
            redline(&edits),
            "keep &lt;<del>old</del><ins>new</ins>&gt; words"
        );
    }
}
