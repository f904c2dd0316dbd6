//! CLI tests for text in any script (tests/data/cases): composed and
//! decomposed accents match, invisible characters are ignored for matching
//! but kept in output, control characters never reach a terminal or a
//! written memo raw, and Chinese (no spaces between words) is segmented for
//! alignment, diffs and trace.

use assert_cmd::Command;
use serde_json::Value;

mod common;

fn accord() -> Command {
    let mut c = common::accord_wording();
    c.env("COLUMNS", "80").arg("--no-seeds");
    c
}

/// `accord --no-seeds --doc old=cases/OLD --doc new=cases/NEW` then `args`.
fn run(old: &str, new: &str, args: &[&str]) -> (String, i32) {
    let case = |f: &str| format!("{}/tests/data/cases/{f}", env!("CARGO_MANIFEST_DIR"));
    let out = accord()
        .arg("--doc")
        .arg(format!("old={}", case(old)))
        .arg("--doc")
        .arg(format!("new={}", case(new)))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn json(old: &str, new: &str, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let (out, _) = run(old, new, &args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// No C0 control but line feed and tab (the column separator of
/// `units`), no DEL, no C1 control, no U+2028/9.
fn assert_no_raw_controls(out: &str) {
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
        })
        .collect();
    assert!(bad.is_empty(), "raw controls {bad:?} in:\n{out}");
}

#[test]
fn composed_and_decomposed_texts_are_identical() {
    let (out, code) = run("nfc.txt", "nfd.txt", &["diff", "old", "new"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("identical"), "{out}");
    assert!(!out.contains("[-") && !out.contains("{+"), "{out}");
    let v = json("nfc.txt", "nfd.txt", &["align", "old", "new"]);
    assert_eq!(v["links"][0]["relation"], "identical", "{v}");
}

#[test]
fn a_diff_between_nfc_and_nfd_keeps_both_texts_as_written() {
    let v = json("nfc.txt", "nfd.txt", &["diff", "old", "new"]);
    let edits = v["pairs"][0]["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{v}");
    assert_eq!(edits[0]["op"], "equal");
    let nfc = std::fs::read_to_string("tests/data/cases/nfc.txt").unwrap();
    let nfd = std::fs::read_to_string("tests/data/cases/nfd.txt").unwrap();
    let text = edits[0]["text"].as_str().unwrap();
    let as_new = edits[0]["as_new"].as_str().unwrap();
    assert!(nfc.contains(text) && nfd.contains(as_new), "{v}");
    assert_ne!(text, as_new);
}

#[test]
fn a_phrase_typed_either_way_traces_both_documents() {
    for phrase in ["São Tomé", "Sa\u{303}o Tome\u{301}", "re\u{301}gime"] {
        let v = json("nfc.txt", "nfd.txt", &["trace", phrase]);
        let docs: Vec<&str> = v["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["doc"].as_str().unwrap())
            .collect();
        assert_eq!(docs, ["old", "new"], "{phrase}: {v}");
    }
}

#[test]
fn matching_ignores_a_zero_width_space_and_splits_at_a_no_break_space() {
    // `strength\u{200B}en` is the word "strengthen": no edit against the
    // same word without it.
    let v = json(
        "zero-width.txt",
        "control-chars.txt",
        &["diff", "old", "new"],
    );
    let edits = v["pairs"][0]["edits"].as_array().unwrap();
    let changed: String = edits
        .iter()
        .filter(|e| e["op"] != "equal")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(!changed.contains("strength"), "{v}");
    // `among\u{A0}central` is two words.
    let (out, _) = run("zero-width.txt", "nfc.txt", &["trace", "among central"]);
    assert!(out.contains("1 occurrence"), "{out}");
    let (out, _) = run(
        "zero-width.txt",
        "nfc.txt",
        &["trace", "strengthen cooperation"],
    );
    assert!(out.contains("1 occurrence"), "{out}");
}

#[test]
fn output_keeps_the_zero_width_space_as_written() {
    let (out, _) = run("zero-width.txt", "nfc.txt", &["show", "old:1"]);
    assert!(out.contains("strength\u{200B}en"), "{out}");
    let v = json("zero-width.txt", "nfc.txt", &["units", "old"]);
    assert!(v[0]["text"]
        .as_str()
        .unwrap()
        .contains("strength\u{200B}en"));
}

#[test]
fn a_diff_edit_that_holds_an_invisible_character_shows_it() {
    // Against a text without the sentence, the whole zero-width sentence
    // is an edit: the terminal shows the zero-width space visibly.
    let (out, _) = run("zero-width.txt", "cjk-old.txt", &["diff", "old", "new"]);
    assert!(out.contains("strength<U+200B>en"), "{out}");
    assert!(!out.contains('\u{200B}'), "{out}");
}

#[test]
fn escape_sequences_never_reach_the_terminal_raw() {
    for args in [
        &["show", "new:1"][..],
        &["show", "new"],
        &["units", "new"],
        &["diff", "old", "new"],
        &["diff", "old", "new", "--side-by-side"],
        &["align", "old", "new", "--explain"],
        &["evolve", "new:1"],
        &["trace", "should strengthen"],
        &["terms", "old", "new"],
        &["docs"],
    ] {
        let (out, _) = run("zero-width.txt", "control-chars.txt", args);
        assert_no_raw_controls(&out);
        if args[0] != "docs" && args[0] != "terms" && args[0] != "align" {
            assert!(out.contains("\\x1b[31mcompetent"), "{args:?}: {out}");
        }
    }
}

#[test]
fn escape_sequences_never_reach_markdown_html_word_or_json_raw() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["md", "html", "docx"] {
        let path = dir.path().join(format!("memo.{ext}"));
        let (_, code) = run(
            "zero-width.txt",
            "control-chars.txt",
            &["memo", "old", "new", "-o", path.to_str().unwrap()],
        );
        assert_eq!(code, 0, "{ext}");
        let text = common::written_text(&path).replace(['\r', '\t'], "");
        assert_no_raw_controls(&text);
        assert!(text.contains("x1b"), "{ext}: the escape is shown");
    }
    // JSON escapes them as \u001b: the raw byte never appears.
    let (out, _) = run(
        "zero-width.txt",
        "control-chars.txt",
        &["units", "new", "--format", "json"],
    );
    assert!(!out.contains('\u{1b}'));
    assert!(out.contains("\\u001b[31mcompetent"), "{out}");
}

#[test]
fn an_edited_chinese_sentence_is_a_reworded_link() {
    let v = json("cjk-old.txt", "cjk-new.txt", &["align", "old", "new"]);
    assert_eq!(v["links"][0]["relation"], "reworded", "{v}");
}

#[test]
fn a_chinese_diff_marks_the_inserted_characters_only() {
    let (out, code) = run("cjk-old.txt", "cjk-new.txt", &["diff", "old", "new"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("会员国应{+进一步+}加强国际合作，打击跨国有组织犯罪{+和腐败+}。"),
        "{out}"
    );
    let v = json("cjk-old.txt", "cjk-new.txt", &["diff", "old", "new"]);
    let inserted: Vec<&str> = v["pairs"][0]["edits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["op"] == "insert")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(inserted, ["进一步", "和腐败"], "{v}");
}

#[test]
fn trace_finds_a_chinese_phrase_in_a_sentence_without_spaces() {
    let (out, _) = run("cjk-old.txt", "cjk-new.txt", &["trace", "国际合作"]);
    assert!(out.contains("«国际合作»"), "{out}");
    assert!(
        out.contains("total: 2 occurrences in 2 units of 2 documents"),
        "{out}"
    );
    let (out, _) = run("cjk-old.txt", "cjk-new.txt", &["trace", "进一步"]);
    assert!(out.contains("total: 1 occurrence"), "{out}");
    assert!(out.contains("new:1"), "{out}");
}

#[test]
fn an_error_message_never_carries_a_raw_control_or_line_separator() {
    let doc = format!(
        "{}/tests/data/cases/cjk-old.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = accord()
        .arg("--doc")
        .arg(doc)
        .args(["trace", "\u{1b}[\u{2028}\u{7}"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_no_raw_controls(&err);
    assert!(err.contains("\\x1b["), "{err}");
}
