use std::io::Read;

use super::*;
use crate::corpus::{Corpus, Document, Origin};
use crate::report::written::docx::accept_and_reject;
use crate::review::{read_draft, review, DraftParagraph};

fn date() -> MemoDate {
    MemoDate::parse("2026-11-23").unwrap()
}

fn example() -> Document {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/draft-declaration.md");
    let text = std::fs::read_to_string(path).unwrap();
    Document::from_text("draft-declaration", path, &text, Origin::Stdin).unwrap()
}

fn paragraphs(doc: &Document) -> Vec<DraftParagraph> {
    read_draft(doc)
}

#[test]
fn the_document_carries_the_review_whole_and_in_order() {
    let lib = Library::new(Corpus::seeds());
    let draft = example();
    let paras = paragraphs(&draft);
    let r = review(&lib, &draft.meta.id, &paras, &Default::default()).unwrap();
    let d = build(&r, &lib, &draft.meta, date());

    assert_eq!(d.title, "Review of abudhabi-draft");
    assert_eq!(d.totals, r.totals);
    assert_eq!(d.draft.id, "abudhabi-draft");
    assert_eq!(d.draft.authority.as_deref(), Some("negotiated"));
    let ids: Vec<&str> = d.precedent_docs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, r.against);
    assert!(d.precedent_docs.iter().all(|p| p.title.is_some()));
    assert_eq!(d.uptake_names(), "rpm2025-item4, rpm2025-item5b");

    // Every paragraph once, in order, under runs of its part.
    let listed: Vec<String> = d.paragraphs().map(|p| p.id.clone()).collect();
    let want: Vec<String> = r
        .paragraphs
        .iter()
        .map(|p| p.paragraph.unit.id.to_string())
        .collect();
    assert_eq!(listed, want);
    let parts: Vec<(Part, usize)> = d
        .parts
        .iter()
        .map(|g| (g.part, g.paragraphs.len()))
        .collect();
    assert_eq!(
        parts,
        [
            (Part::Preamble, r.totals.preamble),
            (Part::Operative, r.totals.operative)
        ]
    );
    for (p, rp) in d.paragraphs().zip(&r.paragraphs) {
        assert_eq!(p.class, rp.class);
        assert_eq!(p.precedents.len(), rp.precedents.len());
        assert!(p.precedents.len() <= 3);
        // New paragraphs carry no redline: they are shown whole.
        assert_eq!(
            p.edits.is_empty(),
            p.class == Class::New || rp.edits.is_empty()
        );
    }
    let p = d.paragraphs().find(|p| p.id == "abudhabi-draft:1").unwrap();
    assert_eq!(p.heading(), "abudhabi-draft:1");
    assert_eq!(p.precedents[0].cite.un, "rpm2025-item4, para. 12 (b)");
    assert_eq!(p.precedents[0].cite.id, "rpm2025-item4:12(b)");
    assert_eq!(p.precedents[0].authority.as_deref(), Some("report"));

    // Uptake: left out and reflected partition the recommendations, in order.
    let left: Vec<String> = r
        .left_out()
        .map(|u| u.recommendation.id.to_string())
        .collect();
    assert_eq!(
        d.left_out
            .iter()
            .map(|u| u.cite.id.clone())
            .collect::<Vec<_>>(),
        left
    );
    assert_eq!(d.reflected.len(), r.totals.reflected);
    assert_eq!(
        d.left_out.len() + d.reflected.len(),
        r.totals.recommendations
    );
    let b = d
        .reflected
        .iter()
        .find(|u| u.cite.id == "rpm2025-item4:12(b)")
        .unwrap();
    assert_eq!(b.reflected_in.as_deref(), Some("abudhabi-draft:1"));
    assert!(d
        .left_out
        .iter()
        .all(|u| u.reflected_in.is_none() && u.score < UPTAKE));
}

#[test]
fn sentences_state_the_counts_and_name_their_citations() {
    let lib = Library::new(Corpus::seeds());
    let draft = example();
    let paras = paragraphs(&draft);
    let r = review(&lib, &draft.meta.id, &paras, &Default::default()).unwrap();
    let d = build(&r, &lib, &draft.meta, date());
    let t = r.totals;
    assert_eq!(
        d.sentences[0],
        format!(
            "abudhabi-draft has {} paragraphs, {} preambular and {} operative: {} take a precedent's words verbatim, {} adapt a precedent and {} are new.",
            t.paragraphs, t.preamble, t.operative, t.verbatim, t.adapted, t.new
        )
    );
    assert_eq!(
        d.sentences[1],
        format!(
            "{:.0}% of its words ({} of {}) are kept from precedent.",
            t.share_from_precedent * 100.0,
            t.words_from_precedent,
            t.words
        )
    );
    assert!(d.sentences[2].starts_with(
        "New language, with no precedent scoring 0.35: abudhabi-draft:PP4, abudhabi-draft:8, "
    ));
    assert!(d
        .sentences
        .iter()
        .any(|s| s.starts_with("Drafting strength differs from the best precedent")));
    assert!(d.sentences.iter().any(|s| s
        == "1 paragraph with brackets (abudhabi-draft:5): 4 readings of 2 brackets, each checked for precedent."));
    assert_eq!(
        d.sentences.last().unwrap(),
        &format!(
            "It reflects {} of the {} recommendations of rpm2025-item4, rpm2025-item5b; {} are left out, the first {}.",
            t.reflected,
            t.recommendations,
            t.recommendations - t.reflected,
            d.left_out[0].cite.un
        )
    );
}

/// A small draft whose text, title and numbering try to inject markup.
fn hostile() -> (Library, Document) {
    let text = "---\ntitle: Draft <script>alert('t')</script>\n---\n\n\
Recalling <script>alert(1)</script> the Kyoto Declaration,\n\n\
1. Strengthen the role of the Commission on Crime Prevention and Criminal Justice \"><img src=x onerror=alert(1)> in continuing to advance discussions on the relationship between the rule of law, crime prevention and criminal justice and the 2030 Agenda;\n\n\
2. # Not a heading | pipe ~~strike~~ `code` *star* _under_ & more\n";
    let doc = Document::from_text("hostile", "hostile.md", text, Origin::Stdin).unwrap();
    (Library::new(Corpus::seeds()), doc)
}

fn hostile_doc() -> ReviewDoc {
    let (lib, draft) = hostile();
    let paras = paragraphs(&draft);
    let r = review(&lib, &draft.meta.id, &paras, &Default::default()).unwrap();
    let d = build(&r, &lib, &draft.meta, date());
    // The hostile text sits in a redline as well as in new language.
    let classes: Vec<Class> = d.paragraphs().map(|p| p.class).collect();
    assert_eq!(classes, [Class::New, Class::Adapted, Class::New]);
    d
}

#[test]
fn hostile_draft_text_is_escaped_in_every_format() {
    let d = hostile_doc();
    let html = String::from_utf8(render(&d, Format::Html).unwrap()).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("Recalling &lt;script&gt;alert(1)&lt;/script&gt; the Kyoto"));
    assert!(
        html.contains("<ins>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; </ins>"),
        "{html}"
    );
    assert!(html.contains("Draft &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));

    let md = String::from_utf8(render(&d, Format::Markdown).unwrap()).unwrap();
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "unescaped < at {i}: {md}");
    }
    assert!(md.contains(r"\# Not a heading \| pipe \~\~strike\~\~ \`code\` star \_under\_ \& more"));

    let docx = render(&d, Format::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(!xml.contains("<script") && !xml.contains("<img"), "{xml}");
    assert!(
        xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{xml}"
    );
    assert!(xml.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn accepting_the_word_file_gives_the_draft_and_rejecting_it_the_precedents() {
    let lib = Library::new(Corpus::seeds());
    let draft = example();
    let paras = paragraphs(&draft);
    let r = review(&lib, &draft.meta.id, &paras, &Default::default()).unwrap();
    let d = build(&r, &lib, &draft.meta, date());
    let bytes = render(&d, Format::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let (accepted, rejected) = accept_and_reject(&xml);
    for p in &r.paragraphs {
        assert!(
            accepted.contains(&p.paragraph.unit.text),
            "{}",
            p.paragraph.unit.id
        );
        match p.class {
            Class::New => assert!(!rejected.contains(&p.paragraph.unit.text)),
            _ => assert!(
                rejected.contains(&p.precedents[0].unit.text),
                "{}",
                p.paragraph.unit.id
            ),
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    let d = hostile_doc();
    for f in [Format::Markdown, Format::Html, Format::Docx] {
        assert_eq!(render(&d, f).unwrap(), render(&d, f).unwrap(), "{f:?}");
    }
}

#[test]
fn a_draft_is_not_called_the_draft_draft() {
    assert_eq!(review_title("draft"), "Review of draft");
    assert_eq!(review_title("abudhabi-draft"), "Review of abudhabi-draft");
    assert_eq!(
        review_title("declaration"),
        "Review of the draft declaration"
    );
}

#[test]
fn a_part_the_draft_returns_to_is_headed_as_continued() {
    let group = |part, continued| PartGroup {
        part,
        paragraphs: Vec::new(),
        continued,
    };
    assert_eq!(group(Part::Operative, false).title(), "Operative");
    assert_eq!(group(Part::Operative, true).title(), "Operative, continued");
    assert_eq!(group(Part::Preamble, false).title(), "Preamble");
}
