//! The memo as Markdown, laid out with the escaping and redlines of
//! [`crate::report::written::markdown`] (see there for how document text
//! is kept from injecting markup).

use std::io::{self, Write};

use super::{Entry, Memo, Provision, Topic};
use crate::report::written::markdown::{cite, doc_item, escape, quoted, redline};

/// Writes the memo as Markdown.
pub fn write(m: &Memo, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", escape(&m.title, false))?;
    writeln!(out, "{}\n", escape(&m.provenance(), true))?;

    writeln!(out, "## Documents compared\n")?;
    for (label, docs) in [("Older side", &m.old_docs), ("Newer side", &m.new_docs)] {
        writeln!(out, "{label}:\n")?;
        for d in docs {
            writeln!(out, "{}", doc_item(d))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## Executive summary\n")?;
    writeln!(out, "{}\n", escape(&m.sentences.join(" "), true))?;
    for (label, n) in m.count_rows() {
        writeln!(out, "- {label}: {n}")?;
    }
    writeln!(out)?;
    if m.only_changed && m.counts.identical > 0 {
        writeln!(
            out,
            "Provisions carried over verbatim are counted but not listed below (`--only-changed`).\n"
        )?;
    }
    writeln!(
        out,
        "### Changes of drafting strength ({})\n",
        m.strength.len()
    )?;
    if m.strength.is_empty() {
        writeln!(out, "None.\n")?;
    } else {
        for s in &m.strength {
            writeln!(
                out,
                "- {}, from {}: {}",
                cite(&s.new),
                cite(&s.old),
                escape(&s.change.to_string(), false)
            )?;
        }
        writeln!(out)?;
    }

    if let Some(t) = &m.terms {
        writeln!(out, "## Emerging and fading terms\n")?;
        for (label, list) in [("Emerging", &t.emerging), ("Fading", &t.fading)] {
            writeln!(out, "### {label}\n")?;
            if list.is_empty() {
                writeln!(out, "None.\n")?;
                continue;
            }
            for term in list {
                writeln!(
                    out,
                    "- “{}”: {} in {}, {} in {}",
                    escape(&term.phrase, false),
                    term.new_count,
                    escape(&m.new_names(), false),
                    term.old_count,
                    escape(&m.old_names(), false)
                )?;
            }
            writeln!(out)?;
        }
    }

    writeln!(out, "## Provisions by topic\n")?;
    writeln!(
        out,
        "Redlines run from the precedent to the newer text: ~~deleted~~ words are struck through, **inserted** words are bold.\n"
    )?;
    if m.topics.is_empty() {
        writeln!(out, "No provisions to list.\n")?;
    }
    for (i, t) in m.topics.iter().enumerate() {
        write_topic(m, i + 1, t, out)?;
    }

    writeln!(out, "## Dropped provisions ({})\n", m.dropped_count())?;
    if m.dropped_count() == 0 {
        writeln!(
            out,
            "Every provision of {} has a successor in {}.\n",
            escape(&m.old_names(), false),
            escape(&m.new_names(), false)
        )?;
    } else {
        writeln!(
            out,
            "Provisions of {} with no successor in {}, in document order.\n",
            escape(&m.old_names(), false),
            escape(&m.new_names(), false)
        )?;
    }
    for g in &m.dropped {
        writeln!(
            out,
            "### {} ({})\n",
            escape(&g.title, false),
            escape(&g.doc, false)
        )?;
        for e in &g.entries {
            write_entry(e, out)?;
        }
    }
    Ok(())
}

fn write_topic(m: &Memo, n: usize, t: &Topic, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "### {n}. {} ({})\n",
        escape(&t.title, false),
        escape(&t.doc, false)
    )?;
    if t.path.len() > 1 {
        writeln!(
            out,
            "Heading path: {}\n",
            escape(&t.path.join(" > "), false)
        )?;
    }
    if let Some(note) = t.hidden_note() {
        writeln!(
            out,
            "{note}
"
        )?;
    }
    for p in &t.provisions {
        write_provision(p, out)?;
    }
    for e in &t.new_units {
        writeln!(out, "#### New: {}\n", cite(&e.cite))?;
        writeln!(
            out,
            "- No precedent in {}.\n",
            escape(&m.old_names(), false)
        )?;
        writeln!(out, "> {}\n", quoted(&escape(&e.text, true)))?;
    }
    Ok(())
}

fn write_provision(p: &Provision, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#### {}\n", cite(&p.new))?;
    writeln!(out, "- Precedent: {}", cite(&p.precedent))?;
    writeln!(
        out,
        "- Relation: {}, score {:.3}",
        p.relation.as_str(),
        p.score
    )?;
    if !p.related.is_empty() {
        let rel: Vec<String> = p
            .related
            .iter()
            .map(|(c, s)| format!("{} ({s:.2})", cite(c)))
            .collect();
        writeln!(out, "- Also related: {}", rel.join("; "))?;
    }
    if !p.strength.is_empty() {
        let s: Vec<String> = p
            .strength
            .iter()
            .map(|c| escape(&c.to_string(), false))
            .collect();
        writeln!(out, "- Drafting strength: {}", s.join("; "))?;
    }
    writeln!(out)?;
    writeln!(out, "> {}\n", quoted(&redline(&p.edits)))
}

fn write_entry(e: &Entry, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#### {}\n", cite(&e.cite))?;
    writeln!(out, "> {}\n", quoted(&escape(&e.text, true)))
}
