//! The written review as a Word document (`.docx`), built with the
//! document builder and package of [`crate::report::written::docx`].
//!
//! Each paragraph's redline is a genuine tracked change against its best
//! precedent, by author `accord` and dated with the review's date: *reject
//! all* on a paragraph restores the precedent's wording, *accept all*
//! leaves the draft's. A new paragraph is one tracked insertion. Sections
//! are in Heading 1 (Documents, Summary, Paragraphs, Uptake), parts and
//! uptake lists in Heading 2, and each paragraph and left-out
//! recommendation in Heading 3, so Word's navigation pane lists them all.

use std::io::{self, Write};

use super::{ParagraphEntry, ReviewDoc, UptakeEntry};
use crate::diff::Op;
use crate::report::written::docx::{package, Body, Properties, AUTHOR, BOLD, PLAIN, STRENGTH};

fn document_xml(d: &ReviewDoc) -> io::Result<Vec<u8>> {
    let mut b = Body::new(d.date)?;
    b.para(Some("Title"), &d.title)?;
    b.para(Some("Meta"), &d.provenance())?;

    b.para(Some("Heading1"), "Documents")?;
    b.para_runs(None, &[("Draft", BOLD)])?;
    b.doc_entry(&d.draft)?;
    b.para_runs(None, &[("Precedent documents", BOLD)])?;
    for p in &d.precedent_docs {
        b.doc_entry(p)?;
    }
    b.para(
        None,
        &format!("Recommendations checked for uptake: {}.", d.uptake_names()),
    )?;

    b.para(Some("Heading1"), "Summary")?;
    b.para(None, &d.sentences.join(" "))?;
    b.counts_table(&d.count_rows())?;

    b.para(Some("Heading1"), "Paragraphs")?;
    b.para(
        Some("Meta"),
        &format!(
            "{} Each redline is a tracked change by “{AUTHOR}” dated {}: reject a change to keep the precedent’s wording, accept it to keep the draft’s.",
            d.redline_note(),
            d.date.long()
        ),
    )?;
    for g in &d.parts {
        b.para(
            Some("Heading2"),
            &format!("{} ({})", g.title(), g.paragraphs.len()),
        )?;
        for p in &g.paragraphs {
            write_paragraph(&mut b, p)?;
        }
    }

    b.para(Some("Heading1"), "Uptake of recommendations")?;
    b.para(
        None,
        &format!(
            "Recommendations of {}: {} of {} reflected in the draft (a paragraph scores at least {:.2} against them).",
            d.uptake_names(),
            d.totals.reflected,
            d.totals.recommendations,
            d.thresholds.uptake
        ),
    )?;
    b.para(
        Some("Heading2"),
        &format!("Left out ({})", d.left_out.len()),
    )?;
    if d.left_out.is_empty() {
        b.para(None, "None.")?;
    }
    for u in &d.left_out {
        write_left_out(&mut b, u)?;
    }
    b.para(
        Some("Heading2"),
        &format!("Reflected ({})", d.reflected.len()),
    )?;
    if d.reflected.is_empty() {
        b.para(None, "None.")?;
    }
    for u in &d.reflected {
        let rest = format!(
            ": in {}, score {:.3}",
            u.reflected_in.as_deref().unwrap_or_default(),
            u.score
        );
        b.para_runs(
            Some("Entry"),
            &[(&u.cite.to_string(), BOLD), (&rest, PLAIN)],
        )?;
    }
    b.finish()
}

fn write_paragraph(b: &mut Body, p: &ParagraphEntry) -> io::Result<()> {
    b.para(Some("Heading3"), &p.heading())?;
    b.para(Some("Meta"), &p.facts())?;
    if p.precedents.is_empty() {
        b.para(Some("Meta"), "No precedent.")?;
    }
    for (i, x) in p.precedents.iter().enumerate() {
        let label = format!("Precedent {}: ", i + 1);
        let rest = format!("{}; {}", x.cite, x.details());
        b.para_runs(Some("Meta"), &[(&label, BOLD), (&rest, PLAIN)])?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p.strength.iter().map(|c| c.to_string()).collect();
        b.para_runs(
            Some("Meta"),
            &[("Drafting strength: ", BOLD), (&s.join("; "), STRENGTH)],
        )?;
    }
    for a in &p.alternatives {
        let rest = format!("{}: {} → {}", a.bracket, a.option_label(), a.outcome());
        b.para_runs(Some("Meta"), &[("Bracket ", BOLD), (&rest, PLAIN)])?;
    }
    match p.redline_from() {
        Some(best) => {
            let rest = best.cite.to_string();
            b.para_runs(Some("Meta"), &[("Redline against ", BOLD), (&rest, PLAIN)])?;
            b.redline(&p.edits)
        }
        None => {
            b.para_runs(Some("Meta"), &[("New language", BOLD)])?;
            b.whole(Op::Insert, &p.text)
        }
    }
}

fn write_left_out(b: &mut Body, u: &UptakeEntry) -> io::Result<()> {
    b.para(Some("Heading3"), &u.cite.to_string())?;
    b.para(
        Some("Meta"),
        &format!("Best score against the draft: {:.3}", u.score),
    )?;
    b.para(Some("Redline"), &u.text)
}

/// The review as the bytes of a .docx file.
pub fn to_bytes(d: &ReviewDoc) -> io::Result<Vec<u8>> {
    let props = Properties {
        title: &d.title,
        date: d.date,
        version: &d.version,
    };
    package(&props, document_xml(d)?)
}

/// Writes the review as a .docx file to `out`.
pub fn write(d: &ReviewDoc, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&to_bytes(d)?)
}
