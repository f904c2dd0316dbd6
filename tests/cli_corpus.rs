//! CLI tests for the corpus commands (`docs`, `show`, `units`) and for bad
//! input: each must give one clear line on stderr and exit status 2.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn accord() -> Command {
    common::accord_wording()
}

fn json(args: &[&str]) -> Value {
    let out = accord().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Runs and expects exit 2 with exactly one line on stderr; returns it.
fn fails(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("accord: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn docs_lists_the_five_seeds_with_counts() {
    let v = json(&["docs", "--format", "json"]);
    let docs = v.as_array().unwrap();
    let summary: Vec<(String, u64, u64, u64)> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["year"].as_u64().unwrap(),
                d["paragraphs"].as_u64().unwrap(),
                d["recommendations"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("rpm2019".to_string(), 2019, 81, 46),
            ("congress2021-item4".to_string(), 2021, 13, 0),
            ("thematic2021-2024".to_string(), 2024, 163, 0),
            ("rpm2025-item4".to_string(), 2025, 12, 7),
            ("rpm2025-item5b".to_string(), 2025, 17, 8),
        ]
    );
    assert!(docs
        .iter()
        .all(|d| d["title"].is_string() && d["date"].is_string()));
    accord().arg("docs").assert().success().stdout(
        predicate::str::contains("rpm2019").and(predicate::str::contains("thematic2021-2024")),
    );
}

#[test]
fn show_prints_a_recommendation_in_any_spelling() {
    let canonical = accord().args(["show", "rpm2019:13(e)"]).output().unwrap();
    assert!(canonical.status.success());
    let text = String::from_utf8(canonical.stdout.clone()).unwrap();
    assert!(text.starts_with("rpm2019:13(e)"), "{text}");
    assert!(text.contains("Strengthen the role of the Commission on Crime Prevention"));
    assert!(
        text.contains("Outcome of deliberations"),
        "heading path shown"
    );
    for spelling in ["rpm2019:13e", "rpm2019:13.e", "rpm2019:13 (e)"] {
        let out = accord().args(["show", spelling]).output().unwrap();
        assert_eq!(out.stdout, canonical.stdout, "{spelling}");
    }
    // A paragraph shows its own text and its sub-items; footnotes come along.
    accord()
        .args(["show", "rpm2019:44"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(l) Enhance the support provided by UNODC",
        ))
        .stdout(predicate::str::contains(
            "[1] Economic and Social Council resolution 2002/13",
        ));
}

#[test]
fn show_a_whole_document() {
    accord()
        .args(["show", "rpm2025-item4"])
        .assert()
        .success()
        .stdout(predicate::str::contains("12(g) Collaborate with UNODC"))
        .stdout(predicate::str::contains("Outcome of deliberations"));
}

#[test]
fn units_json_has_the_documented_fields() {
    let v = json(&["units", "rpm2019", "--format", "json"]);
    let units = v.as_array().unwrap();
    assert_eq!(units.len(), 138);
    let u = units.iter().find(|u| u["id"] == "rpm2019:44(h)").unwrap();
    assert_eq!(u["doc"], "rpm2019");
    assert_eq!(u["path"], "44(h)");
    assert_eq!(u["kind"], "item");
    assert_eq!(u["year"], 2019);
    assert_eq!(u["un_citation"], "rpm2019, para. 44 (h)");
    assert!(u["section"].as_array().unwrap().len() >= 3);
    assert!(u["text"]
        .as_str()
        .unwrap()
        .starts_with("Promote, taking into consideration"));
    assert_eq!(u["footnotes"][0]["mark"], "1");
    let kinds: std::collections::BTreeSet<&str> =
        units.iter().map(|u| u["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["item", "list_item", "list_line", "paragraph"]
    );
    // Years and comma lists work as document selectors.
    let v = json(&["units", "2025", "--format", "json"]);
    assert_eq!(v.as_array().unwrap().len(), 19 + 25);
}

#[test]
fn user_documents_by_file_id_folder_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("My Draft.md");
    std::fs::write(
        &draft,
        "---\ntitle: A draft\nyear: 2026\nauthority: negotiated\n---\n1. We commit to act.\n\n2. We will cooperate.\n",
    )
    .unwrap();
    // The id comes from the file stem; options work after the subcommand.
    accord()
        .args(["units", "my-draft", "--doc"])
        .arg(&draft)
        .assert()
        .success()
        .stdout("my-draft:1\tparagraph\t2026\tWe commit to act.\nmy-draft:2\tparagraph\t2026\tWe will cooperate.\n");
    accord()
        .arg("--doc")
        .arg(format!("d1={}", draft.display()))
        .args(["--no-seeds", "docs", "--format", "json"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("\"id\": \"d1\"")
                .and(predicate::str::contains("rpm2019").not()),
        );
    accord()
        .args(["--no-seeds", "--corpus"])
        .arg(dir.path())
        .args(["units", "all"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("my-draft:1\t"));
    // Standard input, with a BOM and CRLF line endings; no numbers: split on blank lines.
    accord()
        .args(["--doc", "-", "units", "stdin"])
        .write_stdin("\u{feff}First paragraph.\r\n\r\nSecond paragraph.\r\n")
        .assert()
        .success()
        .stdout(
            "stdin:1\tparagraph\t-\tFirst paragraph.\nstdin:2\tparagraph\t-\tSecond paragraph.\n",
        );
}

#[test]
fn a_date_line_in_the_text_dates_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    std::fs::write(
        &file,
        "General Assembly\n\nDistr.: General\n17 February 2021\n\nOriginal: English\n\n\
         Vienna, 22–26 March 2021\n\n1. The Meeting was held on 22 March 2021.\n",
    )
    .unwrap();
    let named = format!("d={}", file.display());
    let v = json(&["--no-seeds", "--doc", &named, "docs", "--format", "json"]);
    let d = &v[0];
    assert_eq!(d["id"], "d");
    assert_eq!(d["date"], "2021-02-17");
    assert_eq!(d["date_source"], "text");
    assert_eq!(d["year"], 2021);
    // The text table shows it too.
    accord()
        .args(["--no-seeds", "--doc", &named, "docs"])
        .assert()
        .success()
        .stdout(predicate::str::contains("d   2021  2021-02-17"));

    // Front matter wins; odd front-matter dates are one-line errors, never panics.
    let dated = dir.path().join("dated.md");
    std::fs::write(
        &dated,
        "---\ndate: 2021-03-01\n---\nDistr.: General\n17 February 2021\n\n1. Text.\n",
    )
    .unwrap();
    let dated = dated.display().to_string();
    let v = json(&["--no-seeds", "--doc", &dated, "docs", "--format", "json"]);
    assert_eq!(v[0]["date"], "2021-03-01");
    assert_eq!(v[0]["date_source"], "front_matter");
    for value in ["abcé", "202é-01-01"] {
        let odd = dir.path().join("odd.md");
        std::fs::write(&odd, format!("---\ndate: {value}\n---\n1. Text.\n")).unwrap();
        let e = fails(accord().args(["--no-seeds", "docs", "--doc"]).arg(&odd));
        assert!(
            e.contains(&format!(
                "front matter line 2: date '{value}' is not YYYY-MM-DD"
            )),
            "{e}"
        );
    }
}

#[test]
fn bad_input_is_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("empty.md"), "").unwrap();
    std::fs::write(p("blank.md"), "\n  \n").unwrap();
    std::fs::write(p("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p("latin1.txt"), b"1. Caf\xe9 society.\n").unwrap();
    std::fs::write(p("badfm.md"), "---\nyaer: 2020\n---\n1. Text.\n").unwrap();

    let e = fails(accord().args(["docs", "--doc"]).arg(p("missing.md")));
    assert!(e.contains("missing.md': no such file"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(dir.path()));
    assert!(e.contains("is a directory"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(p("empty.md")));
    assert!(e.contains("is empty"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(p("blank.md")));
    assert!(e.contains("is empty"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(p("image.png")));
    assert!(e.contains("looks binary (NUL byte at offset 8)"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(p("latin1.txt")));
    assert!(e.contains("not valid UTF-8 (byte 0xE9 at offset 6)"), "{e}");
    let e = fails(accord().args(["docs", "--doc"]).arg(p("badfm.md")));
    assert!(e.contains("front matter line 2: unknown key 'yaer'"), "{e}");
    let e = fails(accord().args(["docs", "--corpus"]).arg(p("nowhere")));
    assert!(e.contains("no such file"), "{e}");
    let e = fails(accord().args(["docs", "--doc", "-"]).write_stdin(""));
    assert!(e.contains("'<stdin>' is empty"), "{e}");
    let e = fails(accord().args(["--no-seeds", "docs"]));
    assert!(e.contains("corpus is empty"), "{e}");
    // The same file twice under one id.
    let good = p("good.md");
    std::fs::write(&good, "1. Text.\n").unwrap();
    let e = fails(
        accord()
            .arg("--doc")
            .arg(&good)
            .arg("--doc")
            .arg(&good)
            .arg("docs"),
    );
    assert!(e.contains("document id 'good' is used twice"), "{e}");
}

#[test]
fn unknown_ids_and_malformed_citations() {
    let e = fails(accord().args(["show", "rpm2020"]));
    assert!(
        e.contains("unknown document 'rpm2020'") && e.contains("did you mean"),
        "{e}"
    );
    let e = fails(accord().args(["show", "rpm2020:13(e)"]));
    assert!(e.contains("unknown document 'rpm2020'"), "{e}");
    let e = fails(accord().args(["show", "rpm2019:13(z)"]));
    assert!(
        e.contains("no unit rpm2019:13(z)") && e.contains("nearest: rpm2019:13(g)"),
        "{e}"
    );
    let e = fails(accord().args(["show", "rpm2019:82"]));
    assert!(e.contains("nearest: rpm2019:81"), "{e}");
    let e = fails(accord().args(["show", "rpm2019:(e)13"]));
    assert!(e.contains("malformed citation 'rpm2019:(e)13'"), "{e}");
    let e = fails(accord().args(["show", "rpm2019:13((e"]));
    assert!(e.contains("malformed citation"), "{e}");
    let e = fails(accord().args(["units", "nosuchdoc"]));
    assert!(e.contains("unknown document 'nosuchdoc'"), "{e}");
    let e = fails(accord().args(["units", "1999"]));
    assert!(e.contains("no document of year 1999"), "{e}");
}

#[test]
fn no_colour_when_stdout_is_not_a_terminal() {
    let out = accord().args(["show", "rpm2019:13(e)"]).output().unwrap();
    assert!(!out.stdout.contains(&0x1b));
    let out = accord()
        .args(["--color", "always", "show", "rpm2019:13(e)"])
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b));
    let out = accord()
        .args(["show", "rpm2019:13(e)"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b));
    let out = accord()
        .args(["show", "rpm2019:13(e)", "--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `accord units all | head -1`: the reader leaves early.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("accord"))
        .args(["units", "all"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "status {:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_json_line_of_a_unit_is_the_line_of_its_file() {
    // The seed file opens with front matter; the line counts it, as an
    // editor does (it once said 191 for the file's line 201).
    let file =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/rpm2019.md")).unwrap();
    let v = json(&["show", "rpm2019:44h", "--format", "json"]);
    let line = v[0]["line"].as_u64().unwrap() as usize;
    assert!(
        file.lines()
            .nth(line - 1)
            .unwrap()
            .starts_with("(h) Promote, taking"),
        "line {line}"
    );
    // A user document with front matter on standard input.
    let out = accord()
        .args(["units", "mine", "--doc", "-", "--format", "json"])
        .write_stdin("---\nid: mine\ntitle: Mine\n---\n\n1. First.\n\n2. Second.\n")
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let lines: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [6, 8]);
}
