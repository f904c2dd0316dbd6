//! Renderers for the corpus commands: `docs`, `show`, `units`.

use std::io::{self, Write};

use serde::Serialize;

use super::escape::{line as esc_line, terminal as esc};
use super::style::{shorten, wrap, RenderOptions, Style};
use crate::parse::{Footnote, ParsedDoc, Unit, UnitKind};

/// JSON view of a unit (documented in README, "units").
#[derive(Debug, Serialize)]
pub struct UnitView<'a> {
    /// Canonical citation `DOC:PATH`.
    pub id: String,
    /// Document id.
    pub doc: &'a str,
    /// Path inside the document (`13(e)`).
    pub path: String,
    /// paragraph, item, subitem, bullet, list_line, list_item,
    /// preambular, unnumbered.
    pub kind: &'static str,
    /// The numbering as printed (`13.`, `2 bis.`, `(e)`); empty when none.
    pub label: &'a str,
    /// The unit's year.
    pub year: Option<u16>,
    /// Heading path, outermost first.
    pub section: &'a [String],
    /// The chapeau the unit stands under (negotiated texts), else null.
    pub chapeau: Option<&'a str>,
    /// Clean text.
    pub text: &'a str,
    /// Footnotes the unit cites.
    pub footnotes: &'a [Footnote],
    /// UN-style citation (`rpm2019, para. 13 (e)`).
    pub un_citation: String,
    /// Line of the document's file where the unit starts (front matter
    /// counted).
    pub line: usize,
    /// recommendation, operative, preambular, narrative, chapeau or
    /// procedural.
    pub role: &'static str,
}

impl<'a> UnitView<'a> {
    /// The view of one unit.
    pub fn new(u: &'a Unit) -> Self {
        UnitView {
            id: u.id.to_string(),
            doc: &u.id.doc,
            path: u.id.path.to_string(),
            kind: u.kind.as_str(),
            label: &u.label,
            year: u.year,
            section: &u.section,
            chapeau: u.chapeau.as_deref(),
            text: &u.text,
            footnotes: &u.footnotes,
            un_citation: u.un_style(),
            line: u.line,
            role: u.role.as_str(),
        }
    }
}

/// JSON view of a document for `docs` (documented in README).
#[derive(Debug, Serialize)]
pub struct DocView<'a> {
    /// Document id.
    pub id: &'a str,
    /// Year.
    pub year: Option<u16>,
    /// Date.
    pub date: Option<&'a str>,
    /// Where the date came from: `front_matter`, `text`, or null.
    pub date_source: Option<&'static str>,
    /// Title: the front matter's, else the title of a negotiated text.
    pub title: Option<&'a str>,
    /// Meeting.
    pub meeting: Option<&'a str>,
    /// Venue.
    pub venue: Option<&'a str>,
    /// Kind of document.
    pub kind: Option<&'a str>,
    /// Authority of its language.
    pub authority: Option<&'static str>,
    /// Numbered paragraphs.
    pub paragraphs: usize,
    /// Lettered recommendations.
    pub recommendations: usize,
    /// All units.
    pub units: usize,
    /// True when accord numbered the paragraphs itself.
    pub numbered_by_accord: bool,
    /// UN document symbol (`A/CONF.234/L.6`), from front matter or the
    /// document's cover block and running heads; null when none.
    pub symbol: Option<&'a str>,
    /// Distribution from the cover block (`General`, `Limited`), or null.
    pub distribution: Option<&'a str>,
    /// Original language from the cover block, or null.
    pub original: Option<&'a str>,
    /// The file's format: `text`, `docx` or `pdf`.
    pub format: &'static str,
    /// For a Word file with tracked changes, the reading parsed:
    /// `accepted` or `original`; null otherwise.
    pub tracked_changes: Option<&'static str>,
}

/// Views for `docs --format json`.
pub fn docs_json<'a>(docs: &[&'a ParsedDoc]) -> Vec<DocView<'a>> {
    docs.iter()
        .map(|d| DocView {
            id: &d.meta.id,
            year: d.meta.year,
            date: d.meta.date.as_deref(),
            date_source: d.meta.date_source.map(|s| s.as_str()),
            title: d.display_title(),
            meeting: d.meta.meeting.as_deref(),
            venue: d.meta.venue.as_deref(),
            kind: d.meta.kind.as_deref(),
            authority: d.meta.authority.map(|a| a.as_str()),
            paragraphs: d.paragraph_count(),
            recommendations: d.recommendations().len(),
            units: d.units.len(),
            numbered_by_accord: d.numbered_by_accord,
            symbol: d.meta.symbol.as_deref(),
            distribution: d.meta.distribution.as_deref(),
            original: d.meta.original.as_deref(),
            format: d.format.as_str(),
            tracked_changes: d.tracked_changes.map(|c| c.as_str()),
        })
        .collect()
}

/// `docs` as a table.
pub fn docs_text(
    docs: &[&ParsedDoc],
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let idw = docs
        .iter()
        .map(|d| d.meta.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    // The symbol column is there only when a document has a symbol; it
    // is as wide as the longest (at most 24 columns, then shortened).
    let symw = docs
        .iter()
        .filter_map(|d| d.meta.symbol.as_deref())
        .map(|s| s.chars().count().clamp(6, 24))
        .max();
    // The table needs its fixed columns and 30 for the title; narrower,
    // each document is written as lines of its own, the title whole.
    let fixed = idw + 2 + 6 + 12 + symw.map_or(0, |w| w + 2) + 7 + 6 + 7;
    if render.width < fixed + 30 {
        return docs_narrow(docs, render, out);
    }
    let symbol_head = symw.map_or(String::new(), |w| format!("{:w$}  ", "SYMBOL"));
    let head = format!(
        "{:idw$}  YEAR  DATE        {symbol_head}PARAS  RECS  UNITS  TITLE",
        "ID"
    );
    writeln!(out, "{}", st.heading(&head))?;
    for d in docs {
        let year = d.meta.year.map_or("-".to_string(), |y| y.to_string());
        let date = d.meta.date.as_deref().unwrap_or("-");
        let symbol = symw.map_or(String::new(), |w| {
            let s = esc_line(d.meta.symbol.as_deref().unwrap_or("-"));
            format!("{:w$}  ", shorten(&s, w))
        });
        let line = format!(
            "{:idw$}  {:4}  {:10}  {symbol}{:5}  {:4}  {:5}  ",
            d.meta.id,
            year,
            date,
            d.paragraph_count(),
            d.recommendations().len(),
            d.units.len()
        );
        let room = render.width.saturating_sub(line.chars().count()).max(10);
        let title = d.display_title().unwrap_or("");
        writeln!(out, "{}{}", st.id(&line), shorten(&esc_line(title), room))?;
    }
    Ok(())
}

/// `docs` for a narrow terminal: per document, its id, year, date,
/// symbol and counts, then its title, each wrapped to the width.
fn docs_narrow(docs: &[&ParsedDoc], render: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let mut facts = vec![
            d.meta.year.map_or("-".to_string(), |y| y.to_string()),
            d.meta.date.clone().unwrap_or_else(|| "-".into()),
        ];
        facts.extend(d.meta.symbol.as_deref().map(|s| esc_line(s).into_owned()));
        facts.push(format!(
            "{} paragraphs, {} recommendations, {} units",
            d.paragraph_count(),
            d.recommendations().len(),
            d.units.len()
        ));
        let line = format!("{}  {}", d.meta.id, facts.join("  "));
        for (j, l) in wrap(&line, render.width, "", "  ").lines().enumerate() {
            match l.strip_prefix(d.meta.id.as_str()) {
                Some(rest) if j == 0 => writeln!(out, "{}{rest}", st.id(&d.meta.id))?,
                _ => writeln!(out, "{l}")?,
            }
        }
        let title = d.display_title().unwrap_or("");
        if !title.is_empty() {
            writeln!(out, "{}", wrap(&esc_line(title), render.width, "  ", "  "))?;
        }
    }
    Ok(())
}

/// `units` as text: one tab-separated line per unit (citation, kind, year,
/// text), for grep and cut.
pub fn units_text(units: &[&Unit], render: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    for u in units {
        let year = u.year.map_or("-".to_string(), |y| y.to_string());
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            st.id(&u.id.to_string()),
            u.kind.as_str(),
            year,
            esc_line(&u.text)
        )?;
    }
    Ok(())
}

/// Views for `units --format json`.
pub fn units_json<'a>(units: &[&'a Unit]) -> Vec<UnitView<'a>> {
    units.iter().map(|u| UnitView::new(u)).collect()
}

/// A unit and the units nested in it (a paragraph's items and bullets, an
/// item's roman sub-items), in document order.
pub fn family<'a>(doc: &'a ParsedDoc, unit: &'a Unit) -> Vec<&'a Unit> {
    let p = &unit.id.path;
    let head = p.paragraph();
    doc.units
        .iter()
        .filter(|u| {
            let q = &u.id.path;
            q.paragraph() == head
                && (p.sub.is_none() || q.sub == p.sub)
                && (p.letter.is_none() || q.letter == p.letter)
                && (p.roman.is_none() || q.roman == p.roman)
        })
        .collect()
}

/// `show DOC:PATH`: the unit with its heading path and footnotes, then
/// any units nested in it.
pub fn show_unit_text(
    doc: &ParsedDoc,
    family: &[&Unit],
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let Some(head) = family.first() else {
        return Ok(());
    };
    let year = head.year.map_or(String::new(), |y| format!(" · {y}"));
    let line = format!(
        "{}  {}",
        st.id(&head.id.to_string()),
        st.dim(&format!(
            "{} · {}{}",
            head.un_style(),
            head.kind.as_str(),
            year
        ))
    );
    writeln!(out, "{}", wrap(&line, render.width, "", "  "))?;
    if let Some(t) = &doc.meta.title {
        writeln!(out, "{}", st.dim(&shorten(&esc_line(t), render.width)))?;
    }
    if !head.section.is_empty() {
        writeln!(
            out,
            "{}",
            st.dim(&wrap(&esc(&head.section_path()), render.width, "§ ", "  "))
        )?;
    }
    if let Some(c) = &head.chapeau {
        writeln!(out, "{}", st.dim(&wrap(c, render.width, "… ", "  ")))?;
    }
    writeln!(out)?;
    for (i, u) in family.iter().enumerate() {
        if i == 0 {
            writeln!(out, "{}", wrap(&esc(&u.text), render.width, "  ", "  "))?;
        } else {
            let label = child_label(u);
            let indent = " ".repeat(label.chars().count() + 3);
            writeln!(
                out,
                "{}",
                wrap(&esc(&u.text), render.width, &format!("  {label} "), &indent)
            )?;
        }
    }
    let notes: Vec<&Footnote> = family.iter().flat_map(|u| u.footnotes.iter()).collect();
    if !notes.is_empty() {
        writeln!(out)?;
        for n in notes {
            let mark = format!("  [{}] ", n.mark);
            let indent = " ".repeat(mark.chars().count());
            writeln!(
                out,
                "{}",
                st.dim(&wrap(&esc(&n.text), render.width, &mark, &indent))
            )?;
        }
    }
    Ok(())
}

/// The numbering of a nested unit as printed in the document: `(e)`,
/// `(iv)`, `5.`, and `-` for a bullet.
fn child_label(u: &Unit) -> String {
    if u.label.is_empty() || u.kind == UnitKind::Bullet {
        "-".into()
    } else {
        u.label.clone()
    }
}

/// `show DOC --set-aside`: every line that is in no unit, heading,
/// framing or footnote (front matter, tables, orphans), with its line
/// number and why, then the share of the document's words they hold.
pub fn set_aside_text(
    doc: &ParsedDoc,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    writeln!(
        out,
        "{}  {}",
        st.id(&doc.meta.id),
        st.dim(&format!(
            "{} set aside ({:.1}% of its words)",
            crate::report::written::plural(doc.skipped.len(), "line", "lines"),
            doc.set_aside_share() * 100.0
        ))
    )?;
    for s in &doc.skipped {
        // Page furniture is not in the text: it has no line.
        let line = match s.reason {
            crate::parse::SkipReason::PageFurniture => "-".to_string(),
            _ => s.line.to_string(),
        };
        let head = format!("{line:>5}  {:<12} ", s.reason.as_str().replace('_', " "));
        let indent = " ".repeat(head.chars().count());
        writeln!(out, "{}", wrap(&s.text, render.width, &head, &indent))?;
    }
    Ok(())
}

/// `show DOC --text`: the text accord read, one line per line of the
/// text, each after its line number (right-aligned in five columns) as
/// units cite it; control characters escaped.
pub fn document_text(body: &str, first_line: usize, out: &mut dyn Write) -> io::Result<()> {
    for (i, line) in body.lines().enumerate() {
        writeln!(out, "{:>5}  {}", i + first_line, esc_line(line))?;
    }
    Ok(())
}

/// JSON view of `show DOC --text` (documented in README, "show").
#[derive(Debug, Serialize)]
pub struct DocumentTextView<'a> {
    /// Document id.
    pub id: &'a str,
    /// `text`, `docx` or `pdf`.
    pub format: &'static str,
    /// For a Word file with tracked changes, the reading: `accepted` or
    /// `original`; else null.
    pub tracked_changes: Option<&'static str>,
    /// The line of the file (text) or of accord's text (Word, PDF) on
    /// which `text` starts.
    pub first_line: usize,
    /// The body as read.
    pub text: &'a str,
    /// Page furniture taken out of a Word or PDF file.
    pub furniture: &'a [String],
}

/// The view for `show DOC --text --format json`.
pub fn document_json(doc: &crate::corpus::Document) -> DocumentTextView<'_> {
    DocumentTextView {
        id: &doc.meta.id,
        format: doc.format.as_str(),
        tracked_changes: doc.tracked_changes.map(|c| c.as_str()),
        first_line: doc.body_line,
        text: &doc.body,
        furniture: &doc.furniture,
    }
}

/// JSON view of a set-aside line (documented in README, "show").
#[derive(Debug, Serialize)]
pub struct SetAsideView<'a> {
    /// 1-based line of the document body.
    pub line: usize,
    /// front_matter, table, rule or orphan.
    pub reason: &'static str,
    /// The text, markup removed.
    pub text: &'a str,
}

/// Views for `show DOC --set-aside --format json`.
pub fn set_aside_json(doc: &ParsedDoc) -> Vec<SetAsideView<'_>> {
    doc.skipped
        .iter()
        .map(|s| SetAsideView {
            line: s.line,
            reason: s.reason.as_str(),
            text: &s.text,
        })
        .collect()
}

/// `show DOC`: the document with its headings, every unit under its path.
pub fn show_doc_text(
    doc: &ParsedDoc,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let st = Style {
        color: render.color,
    };
    let m = &doc.meta;
    writeln!(out, "{}", st.id(&m.id))?;
    if let Some(t) = &m.title {
        writeln!(out, "{}", st.heading(&wrap(&esc(t), render.width, "", "")))?;
    }
    let facts: Vec<String> = [
        m.meeting.clone(),
        m.venue.clone(),
        m.date.clone(),
        m.authority.map(|a| a.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        writeln!(
            out,
            "{}",
            st.dim(&wrap(&esc(&facts.join(" · ")), render.width, "", ""))
        )?;
    }
    let mut prev: &[String] = &[];
    let mut framing = doc.framing.iter().peekable();
    // Headings no unit stands under (a report's title above its first
    // section, a signature after the last paragraph) are printed where
    // they stand, so that every word of the document is seen.
    let on_paths: std::collections::HashSet<&str> = doc
        .units
        .iter()
        .flat_map(|u| u.section.iter().map(String::as_str))
        .collect();
    let mut loose = doc
        .headings
        .iter()
        .zip(&doc.heading_lines)
        .filter(|(h, _)| !on_paths.contains(h.as_str()))
        .peekable();
    let write_loose = |out: &mut dyn Write, h: &str| -> io::Result<()> {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            st.dim(&wrap(&esc(h), render.width, "[heading] ", "          "))
        )
    };
    for u in &doc.units {
        while let Some((h, _)) = loose.next_if(|(_, l)| **l < u.line) {
            write_loose(out, h)?;
        }
        if u.section != prev {
            let common = u
                .section
                .iter()
                .zip(prev)
                .take_while(|(a, b)| a == b)
                .count();
            for (depth, h) in u.section.iter().enumerate().skip(common) {
                writeln!(out)?;
                let indent = "  ".repeat(depth);
                writeln!(
                    out,
                    "{}",
                    st.heading(&wrap(&esc(h), render.width, &indent, &indent))
                )?;
            }
            prev = &u.section;
        }
        // Chapeaux before the unit they introduce (the title is the first
        // heading above).
        while let Some(f) = framing.next_if(|f| f.line < u.line) {
            if f.role == crate::parse::FramingRole::Title {
                continue;
            }
            writeln!(out)?;
            let role = format!("[{}] ", f.role.label());
            let indent = " ".repeat(role.chars().count());
            writeln!(
                out,
                "{}",
                st.dim(&wrap(&esc(&f.text), render.width, &role, &indent))
            )?;
        }
        writeln!(out)?;
        let label = format!("{} ", u.id.path);
        let indent = " ".repeat(label.chars().count());
        let body = wrap(&esc(&u.text), render.width, &label, &indent);
        let (first, rest) = body.split_at(label.len().min(body.len()));
        writeln!(out, "{}{}", st.id(first), rest)?;
        for n in &u.footnotes {
            let mark = format!("{indent}[{}] ", n.mark);
            writeln!(
                out,
                "{}",
                st.dim(&wrap(&esc(&n.text), render.width, &mark, &indent))
            )?;
        }
    }
    for (h, _) in loose {
        write_loose(out, h)?;
    }
    if !doc.skipped.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            st.dim(&format!(
                "{} set aside (front matter, tables): accord show {} --set-aside",
                crate::report::written::plural(doc.skipped.len(), "line", "lines"),
                m.id
            ))
        )?;
    }
    Ok(())
}
