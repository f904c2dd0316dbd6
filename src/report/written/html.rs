//! HTML pieces shared by the memo and the written review: one
//! self-contained file (inline CSS, no scripts, no external assets), the
//! document head, the style sheet with its print styles, redlines as
//! styled `<del>` and `<ins>`, citations, and the table of documents.
//!
//! Every piece of document text (unit text, titles, headings, phrases)
//! goes through [`escape`], which escapes `&`, `<`, `>`, `"` and `'`, so a
//! document containing `<script>` or `"><img onerror=...>` shows as text.
//! A Content-Security-Policy that allows only inline styles backs this
//! up: even markup that slipped through could load or run nothing.
//! Anchors are made from counters, never from document text.

use std::io::{self, Write};

use super::{Cite, DocInfo, MemoDate};
use crate::diff::{Edit, Op};

/// Escapes text for HTML content and attribute values. Characters XML 1.0
/// cannot hold, DEL and C1 controls are shown escaped first
/// ([`crate::report::escape::xml`]: ESC becomes the text `\x1b`).
pub fn escape(text: &str) -> String {
    let text = crate::report::escape::xml(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
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

/// The style sheet of every written report: screen and print.
pub const CSS: &str = r#"
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
table.docs { width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .2rem .8rem .2rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap, td .cite-id { white-space: nowrap; }
.cite-id { font-family: "SFMono-Regular", Consolas, monospace; font-size: .88em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0 .5rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
dl.meta ol.inline, dl.meta ul.inline { margin: 0; padding-left: 1.2rem; }
.bracket { font-family: "SFMono-Regular", Consolas, monospace; font-size: .88em; }
nav.toc .rel { font-size: .7rem; }
.rel { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .03em; padding: .05rem .35rem; border-radius: 3px; border: 1px solid currentColor; }
.rel.identical { color: var(--muted); } .rel.reworded { color: #8a5300; }
.rel.related { color: var(--accent); } .rel.new { color: var(--ins); } .rel.dropped { color: var(--del); }
.rel.verbatim { color: var(--muted); } .rel.adapted { color: #8a5300; }
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

/// A citation in both styles, the tool id in monospace.
pub fn cite(c: &Cite) -> String {
    format!(
        "{} — <span class=\"cite-id\">{}</span>",
        escape(&c.un),
        escape(&c.id)
    )
}

/// A label in a coloured frame (`identical`, `adapted`, `new`...): the
/// class names of [`CSS`]. `name` is one of accord's own words, never
/// document text.
pub fn badge(name: &str) -> String {
    format!("<span class=\"rel {0}\">{0}</span>", escape(name))
}

/// Writes everything up to and including `<body>`: the character set, the
/// Content-Security-Policy, the title and the style sheet.
pub fn head(out: &mut dyn Write, title: &str, version: &str) -> io::Result<()> {
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
        escape(version)
    )?;
    writeln!(out, "<title>{}</title>", escape(title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

/// Writes the page header: the title, the provenance line and the legend
/// of the redlines (`legend` is trusted markup; the others are escaped).
pub fn header(out: &mut dyn Write, title: &str, provenance: &str, legend: &str) -> io::Result<()> {
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", escape(title))?;
    writeln!(out, "<p class=\"provenance\">{}</p>", escape(provenance))?;
    writeln!(out, "<p class=\"legend\">Legend: {legend}</p>")?;
    writeln!(out, "</header>")
}

/// Writes the footer naming the version and date, and closes the document.
pub fn foot(out: &mut dyn Write, version: &str, date: MemoDate) -> io::Result<()> {
    writeln!(
        out,
        "<footer class=\"note\"><p>Written by accord {} on {date}.</p></footer>",
        escape(version)
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// Writes a table of documents, one row per `(role, document)`: role, id,
/// title, meeting and venue, date, authority and number of units.
pub fn docs_table(out: &mut dyn Write, role: &str, rows: &[(&str, &DocInfo)]) -> io::Result<()> {
    writeln!(out, "<table class=\"docs\">")?;
    writeln!(
        out,
        "<thead><tr><th>{}</th><th>Document</th><th>Title</th><th>Meeting</th><th>Date</th><th>Authority</th><th>Units</th></tr></thead>",
        escape(role)
    )?;
    writeln!(out, "<tbody>")?;
    let opt = |s: &Option<String>| s.as_deref().map_or(String::from("—"), escape);
    for (role, d) in rows {
        let meeting = match (&d.meeting, &d.venue) {
            (Some(mt), Some(v)) => format!("{}, {}", escape(mt), escape(v)),
            (Some(mt), None) => escape(mt),
            (None, Some(v)) => escape(v),
            (None, None) => "—".into(),
        };
        writeln!(
            out,
            "<tr><td>{}</td><td><span class=\"cite-id\">{}</span></td><td>{}</td><td>{meeting}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            escape(role),
            escape(&d.id),
            opt(&d.title),
            opt(&d.date),
            opt(&d.authority),
            d.units
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// Writes a two-column table of labels and numbers (the summary counts).
pub fn counts_table<S: std::fmt::Display>(
    out: &mut dyn Write,
    rows: &[(&str, S)],
) -> io::Result<()> {
    writeln!(out, "<table class=\"counts\">")?;
    for (label, n) in rows {
        writeln!(
            out,
            "<tr><th>{}</th><td class=\"n\">{}</td></tr>",
            escape(label),
            escape(&n.to_string())
        )?;
    }
    writeln!(out, "</table>")
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
        assert_eq!(escape("a\u{7}b\tc"), "a\\x07b\tc");
        assert_eq!(escape("\u{1b}[31m\u{FFFF}"), "\\x1b[31m\\u{ffff}");
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
