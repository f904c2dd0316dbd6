//! CLI tests for `accord memo`: the structure of each format, citations in
//! both styles, counts that match `accord diff --format json`, escaping of
//! hostile documents, tracked changes in the Word file, atomic writes,
//! refusals, and byte-for-byte determinism with `--date`.

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use accord::{corpus::Corpus, Library};

mod common;
use common::files_in;

const DATE: &str = "2025-06-30";

fn accord() -> Command {
    let mut c = common::accord_wording();
    c.env("COLUMNS", "80");
    c
}

/// Runs `accord memo OLD NEW -o DIR/NAME --date DATE [extra]` and returns
/// the file's bytes, checking that it succeeded quietly on stdout.
fn memo(dir: &Path, old: &str, new: &str, name: &str, extra: &[&str]) -> Vec<u8> {
    let path = dir.join(name);
    let out = common::output_with_status(
        accord()
            .args(["memo", old, new, "-o"])
            .arg(&path)
            .args(["--date", DATE])
            .args(extra),
        0,
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    // One line says what was written; any other is a note.
    assert!(
        stderr.starts_with(&format!("wrote {}", path.display()))
            && stderr
                .lines()
                .skip(1)
                .all(|l| l.starts_with("accord: note: ")),
        "{stderr}"
    );
    std::fs::read(&path).unwrap()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

/// `accord diff OLD NEW --format json`.
fn diff_json(old: &str, new: &str) -> Value {
    let out = accord()
        .args(["diff", old, new, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Both citation styles of a unit, as the memo writes them.
fn both(lib: &Library, citation: &str) -> String {
    let u = lib.unit(citation).unwrap();
    format!("{} — {}", u.un_style(), u.id)
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn markdown_memo_has_every_section_citation_and_count() {
    let dir = tempfile::tempdir().unwrap();
    let md = text(memo(dir.path(), "2019", "2025", "memo.md", &[]));
    let lib = Library::new(Corpus::seeds());
    let diff = diff_json("2019", "2025");
    let s = &diff["summary"];

    assert!(md.starts_with("# How the language evolved: rpm2019 → rpm2025-item4, rpm2025-item5b\n"));
    assert!(md.contains(&format!(
        "Memo of 30 June 2025 ({DATE}), written by accord {}. Matching: wording alone; no sentence-embedding model was used, so a provision restated in other words may be missed. Alignment thresholds: reworded from a score of 0.30, related from 0.22.",
        env!("CARGO_PKG_VERSION")
    )));
    for heading in [
        "\n## Documents compared\n",
        "\n## Executive summary\n",
        "\n## Provisions by topic\n",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("**rpm2019**: Report of the Asia and Pacific Regional Preparatory Meeting"));
    assert!(md.contains("2019-01-24"));
    assert!(md.contains("**rpm2025-item5b**: Recommendations - Agenda item 5 (b)"));

    // Counts as `accord diff` has them.
    for (label, key) in [
        ("Carried over verbatim", "identical"),
        ("Reworded", "reworded"),
        ("Related only", "related"),
        ("New", "new"),
        ("Dropped", "dropped"),
    ] {
        assert!(
            md.contains(&format!("\n- {label}: {}\n", s[key])),
            "{label}: {}",
            s[key]
        );
    }
    let strength: usize = diff["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["strength"].as_array().unwrap().len())
        .sum();
    assert!(md.contains(&format!("\n- Changes of drafting strength: {strength}\n")));
    assert!(md.contains(&format!(
        "\n### Changes of drafting strength ({strength})\n"
    )));
    // Every older unit without successor is listed, a chapeau included.
    assert!(md.contains(&format!(
        "\n## Dropped provisions ({})\n",
        diff["dropped_units"].as_array().unwrap().len()
    )));
    assert!(md.contains(&format!("\n- Dropped: {}\n", s["dropped"])));
    // Provisions: the 44 units but 2 chapeaux of lists and 2 procedural
    // units.
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        n("identical") + n("reworded") + n("related") + n("new"),
        44 - n("boilerplate_new") - n("procedural_new")
    );
    assert!(md.contains(&format!(
        "Of the {} provisions of rpm2025-item4, rpm2025-item5b, {} carry over earlier language from rpm2019",
        44 - n("boilerplate_new") - n("procedural_new"),
        n("identical") + n("reworded") + n("related")
    )));

    // Every pair: the newer provision as a heading, its precedent, both in
    // both styles; every new and dropped unit too.
    for p in diff["pairs"].as_array().unwrap() {
        let (old, new) = (p["old"].as_str().unwrap(), p["new"].as_str().unwrap());
        assert!(
            md.contains(&format!("\n#### {}\n", both(&lib, new))),
            "{new}"
        );
        assert!(
            md.contains(&format!("\n- Precedent: {}\n", both(&lib, old))),
            "{old}"
        );
        assert!(md.contains(&format!(
            "- Relation: {}, score {:.3}",
            p["relation"].as_str().unwrap(),
            p["score"].as_f64().unwrap()
        )));
    }
    for c in diff["new_units"].as_array().unwrap() {
        assert!(md.contains(&format!(
            "\n#### New: {}\n",
            both(&lib, c.as_str().unwrap())
        )));
    }
    for c in diff["dropped_units"].as_array().unwrap() {
        assert!(md.contains(&format!("\n#### {}\n", both(&lib, c.as_str().unwrap()))));
    }
    // The strength change negotiators watch, with both citations.
    assert!(md.contains(
        "- rpm2025-item4, para. 12 (g) — rpm2025-item4:12(g), from rpm2019, para. 13 (d) — rpm2019:13(d): verb: Support -> Collaborate with"
    ));
    // Redlines in Markdown's own markers.
    assert!(md.contains("~~Meeting~~ recalled that"));
    assert!(md.contains("**77/231,**"));
    // Topics in the newer side's document order.
    let first = md
        .find("### 1. II. Recommendations – Agenda item 4 (rpm2025-item4)")
        .unwrap();
    // (The one paragraph under "B. Substantive items and workshops" of
    // rpm2025-item5b records statements: set apart, it is no topic.)
    let later = md
        .find("### 4. Summary of deliberations (rpm2025-item5b)")
        .unwrap();
    assert!(first < later);
}

#[test]
fn memo_lists_the_emerging_and_fading_terms_of_accord_terms() {
    let dir = tempfile::tempdir().unwrap();
    let md = text(memo(dir.path(), "2019", "2025", "m.md", &[]));
    let out = accord()
        .args(["terms", "2019", "2025", "--top", "10", "--format", "json"])
        .output()
        .unwrap();
    let terms: Value = serde_json::from_slice(&out.stdout).unwrap();
    let section = md
        .split("## Emerging and fading terms\n")
        .nth(1)
        .expect("a terms section")
        .split("\n## ")
        .next()
        .unwrap();
    let (emerging, fading) = section.split_once("### Fading").unwrap();
    for (list, text) in [("emerging", emerging), ("fading", fading)] {
        let want = terms[list].as_array().unwrap();
        assert!(!want.is_empty(), "{list}");
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(lines.len(), want.len(), "{list}: {text}");
        for (line, t) in lines.iter().zip(want) {
            let expect = format!(
                "- “{}”: {} in ",
                t["phrase"].as_str().unwrap(),
                t["new_count"]
            );
            assert!(line.starts_with(&expect), "{line} / {expect}");
        }
    }
    // The summary names the first emerging term with its counts.
    let first = &terms["emerging"][0];
    assert!(
        md.contains(&format!(
            "The emerging terms include “{}” ({} against {})",
            first["phrase"].as_str().unwrap(),
            first["new_count"],
            first["old_count"]
        )),
        "{md}"
    );
}

#[test]
fn only_changed_leaves_verbatim_provisions_out() {
    let dir = tempfile::tempdir().unwrap();
    let all = text(memo(dir.path(), "2019", "2025", "all.md", &[]));
    let changed = text(memo(
        dir.path(),
        "2019",
        "2025",
        "changed.md",
        &["--only-changed"],
    ));
    assert!(all.contains("- Relation: identical"));
    assert!(!changed.contains("- Relation: identical"));
    // The verbatim carry-overs of 2019 to 2025 are the chapeaux of lists:
    // hidden too, counted apart.
    assert!(
        changed.contains("- Carried over verbatim: 0\n")
            && changed.contains("- Chapeaux of lists (boilerplate, not counted): 8\n"),
        "still counted"
    );
    assert!(changed.contains("carried over verbatim, not listed"));
}

#[test]
fn html_memo_is_self_contained_with_contents_legend_and_redlines() {
    let dir = tempfile::tempdir().unwrap();
    let html = text(memo(dir.path(), "2019", "2025", "memo.html", &[]));
    let lib = Library::new(Corpus::seeds());
    let s = &diff_json("2019", "2025")["summary"];
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<nav class=\"toc\""));
    assert!(html.contains("<a href=\"#t1\">II. Recommendations – Agenda item 4</a>"));
    assert!(html.contains("id=\"t1\""));
    assert!(html.contains("class=\"legend\">Legend: <del>deleted</del>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("Preparatory <del>Meeting </del>recalled"));
    assert!(html.contains("<del>71/206, all </del><ins>77/231, </ins>"));
    // No scripts, nothing fetched.
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("href=\"http"));
    assert!(!html.contains("@import"));
    assert!(html.contains("default-src 'none'"));
    for (label, key) in [
        ("Carried over verbatim", "identical"),
        ("Reworded", "reworded"),
        ("Related only", "related"),
        ("New", "new"),
        ("Dropped", "dropped"),
    ] {
        assert!(html.contains(&format!(
            "<tr><th>{label}</th><td class=\"n\">{}</td></tr>",
            s[key]
        )));
    }
    let u = lib.unit("rpm2025-item4:12(g)").unwrap();
    assert!(html.contains(&format!(
        "<h4>{} — <span class=\"cite-id\">{}</span></h4>",
        u.un_style(),
        u.id
    )));
}

/// Writes two documents whose text and metadata try to inject markup.
fn hostile_docs(dir: &Path) -> (PathBuf, PathBuf) {
    let old = dir.join("old.md");
    let new = dir.join("new.md");
    std::fs::write(
        &old,
        "---\ntitle: Old <script>alert('t')</script> title\nmeeting: \"><img src=x onerror=alert(2)>\n---\n\n\
1. The Meeting noted <script>alert('x')</script> the role of the rule of law in criminal justice systems and crime prevention.\n\n\
2. Speakers called for mutual legal assistance & extradition in criminal matters.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "1. The Meeting noted \"><img src=x onerror=alert(1)> <script>alert('x')</script> the central role of the rule of law in criminal justice systems and crime prevention.\n\n\
2. Speakers called for mutual legal assistance & extradition in criminal matters, as appropriate.\n\n\
3. # Not a heading | pipe ~~strike~~ `code` *star* _under_ <![CDATA[x]]>\n",
    )
    .unwrap();
    (old, new)
}

fn hostile_memo(dir: &Path, old: &Path, new: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let out = accord()
        .arg("--no-seeds")
        .arg("--doc")
        .arg(format!("old={}", old.display()))
        .arg("--doc")
        .arg(format!("new={}", new.display()))
        .args(["memo", "old", "new", "--date", DATE, "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(path).unwrap()
}

#[test]
fn hostile_document_text_renders_as_text_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = hostile_docs(dir.path());

    let html = text(hostile_memo(dir.path(), &old, &new, "h.html"));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(html.contains("script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("onerror=alert(1)&gt;"));
    assert!(html.contains("Old &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; title"));
    assert!(html.contains("&gt;&lt;img src=x onerror=alert(2)&gt;"));

    let md = text(hostile_memo(dir.path(), &old, &new, "h.md"));
    // Every < of the document is escaped, and no markup of its own leaks.
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "unescaped < at {i}: {md}");
    }
    assert!(
        md.contains(r"\# Not a heading \| pipe \~\~strike\~\~ \`code\`"),
        "{md}"
    );
    assert!(md.contains(r"mutual legal assistance \& extradition"));

    let docx = hostile_memo(dir.path(), &old, &new, "h.docx");
    let xml = docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains("script&gt;alert(&apos;x&apos;)&lt;/script&gt;"),
        "{xml}"
    );
    assert!(xml.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(xml.contains("Old &lt;script&gt;alert(&apos;t&apos;)&lt;/script&gt; title"));
    assert!(!xml.contains("<script"));
    assert!(!xml.contains("<img"));
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>How the language evolved: old → new</dc:title>"));
}

#[test]
fn word_memo_has_tracked_changes_headings_and_fixed_dates() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = memo(dir.path(), "2019", "2025", "memo.docx", &[]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (2025, 6, 30, 0, 0, 0),
            "{}",
            f.name().unwrap()
        );
    }
    let xml = docx_part(&bytes, "word/document.xml");
    let stamp = "w:author=\"accord\" w:date=\"2025-06-30T00:00:00Z\"";
    assert!(xml.contains("<w:ins w:id=\""), "w:ins");
    assert!(xml.contains("<w:del w:id=\""), "w:del");
    assert!(xml.contains("<w:delText xml:space=\"preserve\">Meeting </w:delText>"));
    let ins = xml.matches("<w:ins ").count();
    let del = xml.matches("<w:del ").count();
    assert!(ins > 10 && del > 10, "{ins} insertions, {del} deletions");
    assert_eq!(
        xml.matches(stamp).count(),
        ins + del,
        "every revision by accord, dated"
    );
    // Deleted text only ever in w:delText.
    for chunk in xml.split("<w:del ").skip(1) {
        let inside = &chunk[..chunk.find("</w:del>").unwrap()];
        assert!(!inside.contains("<w:t"), "{inside}");
        assert!(inside.contains("<w:delText"), "{inside}");
    }
    for style in ["Title", "Heading1", "Heading2", "Heading3"] {
        assert!(
            xml.contains(&format!("<w:pStyle w:val=\"{style}\"/>")),
            "{style}"
        );
    }
    let styles = docx_part(&bytes, "word/styles.xml");
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
    ] {
        assert!(styles.contains(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>")));
    }
    // Citations in both styles, in the text.
    assert!(xml.contains("rpm2025-item4, para. 12 (g) — rpm2025-item4:12(g)"));
    assert!(xml.contains("Precedent: </w:t></w:r><w:r><w:t xml:space=\"preserve\">rpm2019, para. 13 (d) — rpm2019:13(d); related, score 0.224"));
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(core.contains(">2025-06-30T00:00:00Z</dcterms:created>"));
    assert!(core.contains(">2025-06-30T00:00:00Z</dcterms:modified>"));
}

#[test]
fn the_same_date_gives_the_same_bytes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["memo.md", "memo.html", "memo.docx"] {
        let a = memo(dir.path(), "2019", "2025", name, &[]);
        let b = memo(dir.path(), "2019", "2025", &format!("again-{name}"), &[]);
        assert!(a == b, "{name} differs between runs");
    }
    // The date is part of the content: another date, other bytes.
    let other = dir.path().join("other.docx");
    accord()
        .args(["memo", "2019", "2025", "--date", "2025-07-01", "-o"])
        .arg(&other)
        .assert()
        .success();
    assert!(std::fs::read(other).unwrap() != std::fs::read(dir.path().join("memo.docx")).unwrap());
}

#[test]
fn without_a_date_the_memo_is_dated_today() {
    let out = accord()
        .args(["memo", "congress2021-item4", "rpm2025-item5b", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = text(out.stdout);
    let days = |t: std::time::SystemTime| {
        t.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64 / 86_400
    };
    let now = days(std::time::SystemTime::now());
    // Either side of midnight.
    let ok = [now - 1, now].iter().any(|&d| {
        let date = accord::report::memo::MemoDate::from_unix_days(d);
        md.contains(&format!("Memo of {} ({date})", date.long()))
    });
    assert!(ok, "{}", md.lines().nth(2).unwrap_or_default());
}

#[test]
fn writes_atomically_and_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo.html"), "old contents").unwrap();
    let html = text(memo(
        dir.path(),
        "congress2021-item4",
        "rpm2025-item5b",
        "memo.html",
        &[],
    ));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        files_in(dir.path()),
        ["memo.html"],
        "no temporary file left"
    );
}

#[test]
fn refuses_what_it_cannot_do_with_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let fails = |args: &[&str], expect: &str| {
        let out = accord().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    };
    let missing = dir.path().join("no/such/folder/memo.md");
    fails(
        &["memo", "2019", "2025", "-o", missing.to_str().unwrap()],
        "does not exist; create it first",
    );
    assert!(!missing.exists());
    let txt = dir.path().join("memo.txt");
    fails(
        &["memo", "2019", "2025", "-o", txt.to_str().unwrap()],
        "cannot tell the memo format",
    );
    let md = dir.path().join("memo.md");
    fails(
        &[
            "memo",
            "2019",
            "2025",
            "-o",
            md.to_str().unwrap(),
            "--date",
            "2025-02-30",
        ],
        "--date '2025-02-30' is not a date YYYY-MM-DD",
    );
    fails(
        &["memo", "rpm2019:13(e)", "2025", "-o", md.to_str().unwrap()],
        "use accord diff",
    );
    fails(
        &["memo", "2019", "nosuch", "-o", md.to_str().unwrap()],
        "unknown document 'nosuch'",
    );
    // clap's own message for a missing -o (several lines, with usage).
    let out = accord().args(["memo", "2019", "2025"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--output <FILE>"));
    fails(
        &["memo", "2019", "2025", "-o", dir.path().to_str().unwrap()],
        "cannot tell the memo format",
    );
    fails(
        &[
            "memo",
            "2019",
            "2025",
            "--format",
            "md",
            "-o",
            dir.path().to_str().unwrap(),
        ],
        "it is a directory",
    );
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn dash_writes_to_standard_output() {
    let md = accord()
        .args([
            "memo",
            "congress2021-item4",
            "rpm2025-item5b",
            "-o",
            "-",
            "--date",
            DATE,
        ])
        .output()
        .unwrap();
    assert!(md.status.success());
    assert!(
        md.stderr.is_empty(),
        "no 'wrote' line when the memo is on stdout"
    );
    assert!(md.stdout.starts_with(b"# How the language evolved"));
    let html = accord()
        .args([
            "memo",
            "congress2021-item4",
            "rpm2025-item5b",
            "-o",
            "-",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(html.stdout.starts_with(b"<!DOCTYPE html>"));
    // A Word file goes to stdout only when that is not a terminal, as here.
    let docx = accord()
        .args([
            "memo",
            "congress2021-item4",
            "rpm2025-item5b",
            "-o",
            "-",
            "--format",
            "docx",
            "--date",
            DATE,
        ])
        .output()
        .unwrap();
    assert!(docx.status.success());
    assert!(docx.stdout.starts_with(b"PK\x03\x04"));
    assert!(docx_part(&docx.stdout, "word/document.xml").contains("<w:ins "));
}

#[test]
fn format_flag_wins_over_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let html = text(memo(
        dir.path(),
        "congress2021-item4",
        "rpm2025-item5b",
        "memo.md",
        &["--format", "html"],
    ));
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn markdown_memo_snapshot() {
    let md = accord()
        .args([
            "memo",
            "congress2021-item4",
            "rpm2025-item5b",
            "-o",
            "-",
            "--date",
            DATE,
        ])
        .output()
        .unwrap();
    let md = text(md.stdout).replace(env!("CARGO_PKG_VERSION"), "VERSION");
    insta::assert_snapshot!("memo_congress2021_item4_rpm2025_item5b_md", md);
}

#[test]
fn a_word_file_is_not_written_to_a_terminal() {
    use accord::cli::{dispatch, Command as Cmd, Config, MemoFormat};
    let lib = Library::new(Corpus::seeds());
    let memo = |stdout_tty: bool| {
        let config = Config {
            color: false,
            width: 80,
            progress: false,
            stdout_tty,
        };
        let cmd = Cmd::Memo {
            old: "congress2021-item4".into(),
            new: "rpm2025-item5b".into(),
            output: PathBuf::from("-"),
            format: Some(MemoFormat::Docx),
            date: Some(DATE.into()),
            only_changed: false,
            include_procedural: false,
        };
        let mut out = Vec::new();
        dispatch(&lib, cmd, &config, &mut out).map(|_| out)
    };
    let err = memo(true).unwrap_err().to_string();
    assert!(
        err.starts_with("refusing to write a Word file to a terminal"),
        "{err}"
    );
    assert!(memo(false).unwrap().starts_with(b"PK\x03\x04"));
}
