//! Word and PDF files as delegates receive them (`tests/fixtures/formats/`,
//! written by `make-fixtures.py` there with LibreOffice): the same
//! declaration as text, as a Word file written by hand, as the same Word
//! file saved by LibreOffice and as LibreOffice's PDF of it must give the
//! same units; a Word draft with tracked changes diffs against its own
//! original; bad files get one line and exit status 2.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    common::accord_wording()
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

use common::json_wording as json;

/// The entry of `docs --format json` for one file, loaded as `d`.
fn doc_entry(file: &str) -> Value {
    let doc = format!("d={file}");
    json(&["--no-seeds", "--doc", &doc, "docs", "--format", "json"])[0].clone()
}

/// The units of one file, as `units --format json` gives them, with the
/// fields that must not depend on the format (not `line`: a PDF's lines
/// are those of accord's text of it).
fn units_of(file: &str) -> Vec<Value> {
    let doc = format!("d={}", fixture(file));
    let v = json(&[
        "--no-seeds",
        "--doc",
        &doc,
        "units",
        "d",
        "--format",
        "json",
    ]);
    v.as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let keep = [
                "id",
                "kind",
                "label",
                "section",
                "chapeau",
                "text",
                "footnotes",
                "role",
            ];
            Value::Object(
                keep.iter()
                    .map(|k| (k.to_string(), u[*k].clone()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_declaration_gives_the_same_units_from_text_word_and_pdf() {
    let truth = units_of("declaration.txt");
    let ids: Vec<&str> = truth.iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "d:PP1",
            "d:PP2",
            "d:PP3",
            "d:PP4",
            "d:PP5",
            "d:1",
            "d:2",
            "d:2(a)",
            "d:2(b)",
            "d:2(b)(i)",
            "d:2(b)(ii)",
            "d:2(c)",
            "d:2bis",
            "d:3",
            "d:4",
            "d:5",
            "d:5+1",
            "d:annex/1",
            "d:annex/2",
            "d:annex/3"
        ]
    );
    // Footnotes attach to the units that cite them.
    let notes: Vec<(&str, usize)> = truth
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap(),
                u["footnotes"].as_array().unwrap().len(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(notes, [("d:PP2", 1), ("d:PP4", 1), ("d:3", 1)]);
    for file in ["declaration.docx", "declaration-lo.docx", "declaration.pdf"] {
        let got = units_of(file);
        assert_eq!(got.len(), truth.len(), "{file}");
        for (g, t) in got.iter().zip(&truth) {
            assert_eq!(g, t, "{file}");
        }
    }
}

#[test]
fn the_pdf_loses_no_word_and_lists_its_running_heads() {
    use accord::corpus::DocSource;
    for file in [
        "declaration.pdf",
        "declaration.docx",
        "long.pdf",
        "long.docx",
    ] {
        let doc = DocSource::parse(&fixture(file))
            .unwrap()
            .load(&mut std::io::empty())
            .unwrap();
        let parsed = accord::parse::parse(&doc);
        let lost = accord::parse::unaccounted_words(&doc.body, &parsed);
        assert!(lost.is_empty(), "{file}: {lost:?}");
    }
    let out = accord()
        .args(["--no-seeds", "--doc", &fixture("declaration.pdf")])
        .args(["show", "declaration", "--set-aside"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The symbol at the top of both pages, the job number and page number
    // at their foot: taken out of the text, listed, without a line.
    for furniture in ["A/CONF.999/L.1", "V.27-01234 (E) 1", "V.27-01234 (E) 2"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with("-  page furniture") && l.ends_with(furniture)),
            "{furniture} in {text}"
        );
    }
    // No running head inside a unit, no word broken at a line end.
    let units = pdf_units();
    for u in units.as_array().unwrap() {
        let t = u["text"].as_str().unwrap();
        assert!(!t.contains("A/CONF.999") && !t.contains("V.27-"), "{t}");
    }
    let all = units.to_string();
    for word in [
        "cross-border",
        "mutual legal assistance",
        "commitments",
        "transnational",
    ] {
        assert!(all.contains(word), "{word}");
    }
}

#[test]
fn the_cover_block_is_the_documents_metadata() {
    for file in ["declaration.txt", "declaration.docx", "declaration.pdf"] {
        let d = doc_entry(&fixture(file));
        assert_eq!(d["symbol"], "A/CONF.999/L.1", "{file}");
        assert_eq!(d["date"], "2027-05-05", "{file}");
        assert_eq!(d["year"], 2027, "{file}");
        assert_eq!(d["distribution"], "Limited", "{file}");
        assert_eq!(d["original"], "English", "{file}");
        assert_eq!(
            d["title"], "Draft Lisbon declaration on safer cities and fair justice",
            "{file}"
        );
        let format = file.rsplit('.').next().unwrap();
        assert_eq!(d["format"], if format == "txt" { "text" } else { format });
    }
    // The table shows the symbol; so do the lines of a narrow terminal.
    accord()
        .env("COLUMNS", "50")
        .args(["--no-seeds", "--doc", &fixture("declaration.pdf"), "docs"])
        .assert()
        .success()
        .stdout(predicates::str::contains("A/CONF.999/L.1"));
    accord()
        .env("COLUMNS", "120")
        .args(["--no-seeds", "--doc", &fixture("declaration.pdf"), "docs"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("SYMBOL").and(predicates::str::contains("A/CONF.999/L.1")),
        );
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn a_tracked_revision_is_shown_as_redlines() {
    let out = common::output_with_status(
        accord()
            .args(["--no-seeds", "diff"])
            .arg(format!("{}:original", fixture("draft-tracked.docx")))
            .arg(fixture("draft-tracked.docx"))
            .args(["--format", "json"]),
        1,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    let one = pairs
        .iter()
        .find(|p| p["old"] == "draft-tracked-original:1")
        .expect("paragraph 1 paired");
    assert_eq!(one["new"], "draft-tracked:1");
    let strength = one["strength"].to_string();
    assert!(
        strength.contains("Urges") && strength.contains("Encourages"),
        "{strength}"
    );
    assert!(strength.contains("weaker"), "{strength}");
    assert!(
        v["new_units"].to_string().contains("draft-tracked:PP2"),
        "{}",
        v["new_units"]
    );
    assert!(
        v["dropped_units"]
            .to_string()
            .contains("draft-tracked-original:3"),
        "{}",
        v["dropped_units"]
    );
    // The text view says the same in words.
    accord()
        .args(["--no-seeds", "--color", "never", "diff"])
        .arg(format!("{}:original", fixture("draft-tracked.docx")))
        .arg(fixture("draft-tracked.docx"))
        .assert()
        .code(1)
        .stdout(predicates::str::contains("[-Urges-]{+Encourages+}"))
        .stdout(predicates::str::contains("weaker"));
}

#[test]
fn each_reading_of_a_tracked_draft_is_its_text() {
    let texts = |args: &[&str]| -> Vec<String> {
        json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                format!(
                    "{} {}",
                    u["path"].as_str().unwrap(),
                    u["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let tracked = format!("d={}", fixture("draft-tracked.docx"));
    let accepted = format!("d={}", fixture("draft-accepted.txt"));
    let original = format!("d={}", fixture("draft-original.txt"));
    let units = ["units", "d", "--format", "json"];
    let with = |doc: &str, extra: &[&str]| {
        let mut a = vec!["--no-seeds", "--doc", doc];
        a.extend_from_slice(extra);
        a.extend_from_slice(&units);
        texts(&a.iter().map(|s| &**s).collect::<Vec<_>>())
    };
    assert_eq!(with(&tracked, &[]), with(&accepted, &[]));
    assert_eq!(
        with(&tracked, &["--changes", "original"]),
        with(&original, &[])
    );
    let orig_suffix = format!("d={}:original", fixture("draft-tracked.docx"));
    assert_eq!(with(&orig_suffix, &[]), with(&original, &[]));
    // `:original` of a file without tracked changes is an error, not the
    // same text twice.
    let out = accord()
        .args(["--no-seeds", "--doc"])
        .arg(format!("{}:original", fixture("declaration.docx")))
        .arg("docs")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("has no tracked changes"), "{err}");
}

/// A temporary folder with one file of these bytes.
fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        for (name, data) in parts {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// Runs `docs` on `path` (with `--doc`, then in a `--corpus` folder, then
/// as a draft to review) and returns the one line of stderr.
fn refused(path: &std::path::Path) -> String {
    let mut lines = Vec::new();
    for args in [
        vec![
            "--no-seeds".to_string(),
            "--doc".into(),
            path.display().to_string(),
            "docs".into(),
        ],
        vec![
            "--no-seeds".into(),
            "--corpus".into(),
            path.parent().unwrap().display().to_string(),
            "docs".into(),
        ],
        vec!["review".into(), path.display().to_string()],
    ] {
        let out = accord()
            .args(&args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"), "{err}");
        lines.push(err.trim().to_string());
    }
    lines.swap_remove(0)
}

#[test]
fn bad_word_and_pdf_files_get_one_line_and_status_2() {
    let encrypted = std::fs::read(fixture("encrypted.pdf")).unwrap();
    let (_d1, p) = file_with("encrypted.pdf", &encrypted);
    assert!(refused(&p).contains("is an encrypted PDF: save an unencrypted copy"));

    let scanned = std::fs::read(fixture("scanned.pdf")).unwrap();
    let (_d2, p) = file_with("scanned.pdf", &scanned);
    assert!(refused(&p).contains("no text layer"));
    assert!(refused(&p).contains("run OCR first"));

    let mut docx = std::fs::read(fixture("declaration.docx")).unwrap();
    docx.truncate(docx.len() / 2);
    let (_d3, p) = file_with("damaged.docx", &docx);
    assert!(refused(&p).contains("is damaged"));

    let mut pdf = std::fs::read(fixture("declaration.pdf")).unwrap();
    pdf.truncate(pdf.len() / 3);
    let (_d4, p) = file_with("damaged.pdf", &pdf);
    assert!(refused(&p).contains("is damaged"));

    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let (_d5, p) = file_with("old.doc", &ole);
    assert!(refused(&p).contains("old binary Word file (.doc)"));

    let odt = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<x/>"),
    ]);
    let (_d6, p) = file_with("really-odt.docx", &odt);
    assert!(refused(&p).contains("is not a Word document: it is an OpenDocument file"));

    let xlsx = zip_of(&[
        (
            "_rels/.rels",
            r#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        ("xl/workbook.xml", "<workbook/>"),
    ]);
    let (_d9, p) = file_with("sheet.docx", &xlsx);
    assert!(refused(&p).contains("is not a Word document: it is an Excel workbook (.xlsx)"));

    let other = zip_of(&[("notes.txt", "hello")]);
    let (_d7, p) = file_with("archive.docx", &other);
    assert!(refused(&p).contains("is not a Word document: it is a zip archive"));

    let broken_xml = zip_of(&[(
        "word/document.xml",
        "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>",
    )]);
    let (_d8, p) = file_with("broken.docx", &broken_xml);
    assert!(refused(&p).contains("is damaged: part word/document.xml: malformed XML"));
}

#[test]
fn formats_are_told_by_content_not_by_name() {
    // A PDF named .txt is read as a PDF; a text file named .docx as text.
    let pdf = std::fs::read(fixture("declaration.pdf")).unwrap();
    let (_d1, p) = file_with("saved-wrongly.txt", &pdf);
    let v = doc_entry(&p.display().to_string());
    assert_eq!(v["format"], "pdf");
    assert_eq!(v["units"], 20);
    let (_d2, p) = file_with("notes.docx", b"1. We urge Member States to act.\n");
    let v = doc_entry(&p.display().to_string());
    assert_eq!(v["format"], "text");
    assert_eq!(v["units"], 1);
}

#[test]
fn a_folder_of_word_and_pdf_files_is_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["declaration.docx", "declaration.pdf", "draft-tracked.docx"] {
        std::fs::copy(fixture(f), dir.path().join(f)).unwrap();
    }
    let v = json(&[
        "--no-seeds",
        "--corpus",
        &dir.path().display().to_string(),
        "docs",
        "--format",
        "json",
    ]);
    let got: Vec<(&str, &str, &Value)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["format"].as_str().unwrap(),
                &d["tracked_changes"],
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // The Word file and the PDF of one document: told apart by
            // their extension.
            ("declaration", "docx", &Value::Null),
            ("declaration-pdf", "pdf", &Value::Null),
            ("draft-tracked", "docx", &Value::from("accepted"))
        ]
    );
    // The Word file and its PDF say the same thing.
    accord()
        .args(["--no-seeds", "--corpus", &dir.path().display().to_string()])
        .args(["diff", "declaration", "declaration-pdf"])
        .assert()
        .code(0);
}

#[test]
fn the_text_accord_read_can_be_seen() {
    let out = accord()
        .args(["--no-seeds", "--doc", &fixture("declaration.pdf")])
        .args(["show", "declaration", "--text"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.ends_with(
            "Deeply concerned by the growing use of online platforms and encrypted communication services to recruit, advertise and exploit victims of trafficking in persons, including children, and by the cross-border nature of these crimes,"
        )),
        "{text}"
    );
    // Units cite lines of this text.
    let units = pdf_units();
    let pp3 = &units[2];
    let line = pp3["line"].as_u64().unwrap() as usize;
    let printed = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(&line.to_string()))
        .unwrap();
    assert!(printed.contains("Deeply concerned"), "{printed}");
}

#[test]
fn a_word_draft_is_reviewed_into_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.docx");
    let status = accord()
        .args(["review", &fixture("declaration.docx"), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let written = common::written_text(&out);
    assert!(written.contains("Lisbon"), "the review names the draft");
    assert!(
        written.contains("Reaffirming"),
        "the review quotes its paragraphs"
    );
}

#[test]
fn a_tracked_draft_is_reviewed_in_the_reading_asked_for() {
    let review = |extra: &[&str]| {
        let out = accord()
            .args(extra)
            .args(["--color", "never", "review", &fixture("draft-tracked.docx")])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let accepted = review(&[]);
    assert!(
        accepted.contains("Encourages") && !accepted.contains("Urges"),
        "{accepted}"
    );
    let original = review(&["--changes", "original"]);
    assert!(
        original.contains("Urges") && !original.contains("Encourages"),
        "{original}"
    );
}

/// The units of the declaration's PDF, as JSON.
fn pdf_units() -> Value {
    json(&[
        "--no-seeds",
        "--doc",
        &fixture("declaration.pdf"),
        "units",
        "declaration",
        "--format",
        "json",
    ])
}
