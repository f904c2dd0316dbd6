//! The memo as a Word document (`.docx`), built with the document builder
//! and package of [`crate::report::written::docx`].
//!
//! Every redline is a tracked change against the precedent. New
//! provisions are tracked insertions and dropped provisions tracked
//! deletions: *accept all* leaves the newer wording, *reject all* restores
//! the older. Headings use Word's built-in Heading 1-3 styles, so the
//! navigation pane shows the topics and provisions.

use std::io::{self, Write};

use super::{Cite, Entry, Memo, Provision, Topic};
use crate::diff::Op;
use crate::report::written::docx::{
    package, Body, Properties, AUTHOR, BOLD, ITALIC, PLAIN, STRENGTH,
};

fn cite(c: &Cite) -> String {
    c.to_string()
}

fn document_xml(m: &Memo) -> io::Result<Vec<u8>> {
    let mut b = Body::new(m.date)?;
    b.para(Some("Title"), &m.title)?;
    b.para(Some("Meta"), &m.provenance())?;

    b.para(Some("Heading1"), "Documents compared")?;
    for (label, docs) in [("Older side", &m.old_docs), ("Newer side", &m.new_docs)] {
        b.para_runs(None, &[(label, BOLD)])?;
        for d in docs {
            b.doc_entry(d)?;
        }
    }

    b.para(Some("Heading1"), "Executive summary")?;
    b.para(None, &m.sentences.join(" "))?;
    b.counts_table(&m.count_rows())?;
    if m.only_changed && m.counts.identical > 0 {
        b.para(
            Some("Meta"),
            "Provisions carried over verbatim are counted but not listed (--only-changed).",
        )?;
    }
    b.para(
        Some("Heading2"),
        &format!("Changes of drafting strength ({})", m.strength.len()),
    )?;
    if m.strength.is_empty() {
        b.para(None, "None.")?;
    }
    for (i, s) in m.strength.iter().enumerate() {
        b.para_runs(
            Some("Entry"),
            &[
                (
                    &format!("{}. {}, from {}: ", i + 1, cite(&s.new), cite(&s.old)),
                    PLAIN,
                ),
                (&s.change.to_string(), BOLD),
            ],
        )?;
    }

    if let Some(t) = &m.terms {
        b.para(Some("Heading1"), "Emerging and fading terms")?;
        for (label, list) in [("Emerging", &t.emerging), ("Fading", &t.fading)] {
            b.para(Some("Heading2"), label)?;
            if list.is_empty() {
                b.para(None, "None.")?;
            }
            for term in list {
                b.para(
                    Some("Entry"),
                    &format!(
                        "“{}”: {} in {}, {} in {}",
                        term.phrase,
                        term.new_count,
                        m.new_names(),
                        term.old_count,
                        m.old_names()
                    ),
                )?;
            }
        }
    }

    b.para(Some("Heading1"), "Provisions by topic")?;
    b.para(
        Some("Meta"),
        &format!(
            "Each redline is a tracked change by “{AUTHOR}” dated {}: accept a change to take the newer wording, reject it to keep the precedent’s. New provisions are tracked insertions, dropped provisions tracked deletions.",
            m.date.long()
        ),
    )?;
    if m.topics.is_empty() {
        b.para(None, "No provisions to list.")?;
    }
    for (i, t) in m.topics.iter().enumerate() {
        write_topic(&mut b, m, i + 1, t)?;
    }

    b.para(
        Some("Heading1"),
        &format!("Dropped provisions ({})", m.dropped_count()),
    )?;
    let dropped = if m.dropped_count() == 0 {
        format!(
            "Every provision of {} has a successor in {}.",
            m.old_names(),
            m.new_names()
        )
    } else {
        format!(
            "Provisions of {} with no successor in {}, in document order.",
            m.old_names(),
            m.new_names()
        )
    };
    b.para(None, &dropped)?;
    for g in &m.dropped {
        b.para(Some("Heading2"), &format!("{} ({})", g.title, g.doc))?;
        for e in &g.entries {
            write_entry(&mut b, e, Op::Delete, "")?;
        }
    }
    b.finish()
}

fn write_topic(b: &mut Body, m: &Memo, n: usize, t: &Topic) -> io::Result<()> {
    b.para(Some("Heading2"), &format!("{n}. {}", &t.title))?;
    let mut path = t.doc.clone();
    if !t.path.is_empty() {
        path.push_str(" · ");
        path.push_str(&t.path.join(" › "));
    }
    b.para(Some("Meta"), &path)?;
    if let Some(note) = t.hidden_note() {
        b.para(Some("Meta"), &note)?;
    }
    for p in &t.provisions {
        write_provision(b, p)?;
    }
    for e in &t.new_units {
        write_entry(
            b,
            e,
            Op::Insert,
            &format!("No precedent in {}.", m.old_names()),
        )?;
    }
    Ok(())
}

fn write_provision(b: &mut Body, p: &Provision) -> io::Result<()> {
    b.para(Some("Heading3"), &cite(&p.new))?;
    let precedent = format!(
        "{}; {}, score {:.3}",
        cite(&p.precedent),
        p.relation.as_str(),
        p.score
    );
    b.para_runs(Some("Meta"), &[("Precedent: ", BOLD), (&precedent, PLAIN)])?;
    if !p.related.is_empty() {
        let rel: Vec<String> = p
            .related
            .iter()
            .map(|(c, s)| format!("{} ({s:.2})", cite(c)))
            .collect();
        b.para_runs(
            Some("Meta"),
            &[("Also related: ", BOLD), (&rel.join("; "), PLAIN)],
        )?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p.strength.iter().map(|c| c.to_string()).collect();
        b.para_runs(
            Some("Meta"),
            &[("Drafting strength: ", BOLD), (&s.join("; "), STRENGTH)],
        )?;
    }
    b.redline(&p.edits)
}

fn write_entry(b: &mut Body, e: &Entry, op: Op, note: &str) -> io::Result<()> {
    let head = match op {
        Op::Insert => format!("New: {}", cite(&e.cite)),
        _ => cite(&e.cite),
    };
    b.para(Some("Heading3"), &head)?;
    if !note.is_empty() {
        b.para_runs(Some("Meta"), &[(note, ITALIC)])?;
    }
    b.whole(op, &e.text)
}

/// The memo as the bytes of a .docx file.
pub fn to_bytes(m: &Memo) -> io::Result<Vec<u8>> {
    let props = Properties {
        title: &m.title,
        date: m.date,
        version: &m.version,
    };
    package(&props, document_xml(m)?)
}

/// Writes the memo as a .docx file to `out`.
pub fn write(m: &Memo, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&to_bytes(m)?)
}
