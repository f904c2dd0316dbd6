//! CLI tests for `accord diff` and `accord evolve`: redlines, exit status,
//! colour conventions, widths, JSON that reconstructs both texts, and
//! snapshots of the rendered output.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use accord::{corpus::Corpus, Library};

fn accord() -> Command {
    let mut c = common::accord_wording();
    c.env("COLUMNS", "80");
    c
}

fn stdout(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn json_edits_rebuild_both_texts_exactly() {
    let lib = Library::new(Corpus::seeds());
    let (out, code) = stdout(accord().args(["diff", "2019", "2025", "--format", "json"]));
    assert_eq!(code, 1, "differences found");
    let v: Value = serde_json::from_str(&out).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.len() > 10);
    for p in pairs {
        let (mut old, mut new) = (String::new(), String::new());
        for e in p["edits"].as_array().unwrap() {
            let t = e["text"].as_str().unwrap();
            match e["op"].as_str().unwrap() {
                "equal" => {
                    old.push_str(t);
                    new.push_str(t);
                }
                "delete" => old.push_str(t),
                "insert" => new.push_str(t),
                op => panic!("op {op}"),
            }
        }
        assert_eq!(old, lib.unit(p["old"].as_str().unwrap()).unwrap().text);
        assert_eq!(new, lib.unit(p["new"].as_str().unwrap()).unwrap().text);
        assert!(p["strength"].is_array());
    }
    assert!(v["new_units"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.is_string()));
    assert!(v["dropped_units"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.is_string()));
}

#[test]
fn two_citations_make_one_pair_with_drafting_strength() {
    let (out, code) = stdout(accord().args([
        "diff",
        "rpm2019:13(d)",
        "rpm2025-item4:12(g)",
        "--format",
        "json",
    ]));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 1);
    let strength = &v["pairs"][0]["strength"][0];
    assert_eq!(strength["kind"], "verb");
    assert_eq!(strength["old"], "Support");
    assert_eq!(strength["new"], "Collaborate with");
    let (text, _) = stdout(accord().args(["diff", "rpm2019:13d", "rpm2025-item4:12g"]));
    // In the pair's header: on its first line when it fits, else the next.
    let header: String = text.lines().take(2).collect::<Vec<_>>().join("\n");
    assert!(
        header.contains("verb: Support -> Collaborate with"),
        "{text}"
    );
    let (wide, _) = stdout(
        accord()
            .args(["diff", "rpm2019:13d", "rpm2025-item4:12g"])
            .env("COLUMNS", "120"),
    );
    assert!(
        wide.lines()
            .next()
            .unwrap()
            .ends_with("related 0.224  verb: Support -> Collaborate with"),
        "{wide}"
    );
}

#[test]
fn exit_status_like_diff() {
    assert_eq!(
        stdout(accord().args(["diff", "rpm2025-item4", "rpm2025-item4"])).1,
        0
    );
    assert_eq!(
        stdout(accord().args(["diff", "rpm2019:13(e)", "rpm2019:13(e)"])).1,
        0
    );
    assert_eq!(stdout(accord().args(["diff", "2019", "2025"])).1, 1);
    assert_eq!(stdout(accord().args(["diff", "2019", "nosuch"])).1, 2);
    assert_eq!(
        stdout(accord().args(["diff", "rpm2019:13(e)", "2025"])).1,
        2
    );
    assert_eq!(
        stdout(accord().args(["diff", "rpm2019:13(z)", "rpm2025-item4:12(f)"])).1,
        2
    );
}

#[test]
fn colour_conventions() {
    let args = ["diff", "rpm2019:13(e)", "rpm2025-item4:12(f)"];
    let (plain, _) = stdout(accord().args(args));
    assert!(!plain.contains('\u{1b}'), "no escape codes in a pipe");
    assert!(
        plain.contains("[-") && plain.contains("{+"),
        "markers carry the meaning"
    );
    let (coloured, _) = stdout(accord().args(args).arg("--color=always"));
    assert!(coloured.contains("\u{1b}[") && !coloured.contains("{+"));
    let (forced, _) = stdout(accord().args(args).env("CLICOLOR_FORCE", "1"));
    assert!(forced.contains('\u{1b}'));
    let (no, _) = stdout(
        accord()
            .args(args)
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1")
            .arg("--color=never"),
    );
    assert!(!no.contains('\u{1b}'));
    let (nocolor, _) = stdout(accord().args(args).env("NO_COLOR", "1"));
    assert!(!nocolor.contains('\u{1b}'));
}

#[test]
fn lines_fit_the_width() {
    for cols in ["60", "100"] {
        for extra in [None, Some("--side-by-side")] {
            let mut cmd = accord();
            cmd.args(["diff", "2019", "2025", "--only-changed"])
                .env("COLUMNS", cols);
            if let Some(e) = extra {
                cmd.arg(e);
            }
            let (out, _) = stdout(&mut cmd);
            let width: usize = cols.parse().unwrap();
            for l in out.lines() {
                // A single word longer than the line may overflow; nothing else.
                assert!(
                    l.width() <= width || !l.trim().contains(' '),
                    "{cols} {extra:?}: {l}"
                );
            }
        }
    }
}

#[test]
fn only_changed_hides_identical_pairs() {
    let (all, _) = stdout(accord().args(["diff", "2019", "2025"]));
    let (changed, _) = stdout(accord().args(["diff", "2019", "2025", "--only-changed"]));
    assert!(all.contains("identical 1.000"));
    assert!(!changed.contains("identical 1.000"));
    assert!(changed.contains("New (no precedent in rpm2019):"));
    assert!(changed.contains("Dropped (not carried into rpm2025-item4, rpm2025-item5b):"));
    assert!(changed.contains(" new, ") && changed.contains("dropped"));
}

#[test]
fn rendered_pair_snapshots() {
    let args = ["diff", "rpm2019:13(d)", "rpm2025-item4:12(g)"];
    let (plain, _) = stdout(accord().args(args));
    insta::assert_snapshot!("diff_13d_12g_plain", plain);
    let (coloured, _) = stdout(accord().args(args).arg("--color=always"));
    insta::assert_snapshot!("diff_13d_12g_colour", coloured);
    let (sbs, _) = stdout(accord().args(args).arg("--side-by-side"));
    insta::assert_snapshot!("diff_13d_12g_side_by_side", sbs);
}

#[test]
fn evolve_follows_a_provision_in_time_order() {
    let (out, code) = stdout(accord().args(["evolve", "rpm2019:13(e)", "--format", "json"]));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["start"], "rpm2019:13(e)");
    let steps = v["steps"].as_array().unwrap();
    assert!(steps.len() >= 2, "{steps:?}");
    assert_eq!(steps[0]["citation"], "rpm2019:13(e)");
    assert!(steps[0]["relation"].is_null());
    let years: Vec<u64> = steps.iter().map(|s| s["year"].as_u64().unwrap()).collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    for s in &steps[1..] {
        assert!(s["relation"].is_string() && s["edits"].as_array().is_some_and(|e| !e.is_empty()));
    }
    // Started from a later unit, the chain runs back in time too: the
    // closing summary restates a paragraph of 2021.
    let (out, _) = stdout(accord().args(["evolve", "thematic2021-2024:160-2", "--format", "json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let last = steps.last().unwrap();
    assert_eq!(last["citation"], "thematic2021-2024:160-2");
    assert_eq!(
        steps[steps.len() - 2]["citation"],
        "thematic2021-2024:21",
        "{steps:?}"
    );
    assert_eq!(last["relation"], "reworded");
    let (text, _) = stdout(accord().args(["evolve", "rpm2019:13(e)"]));
    assert!(text.starts_with("rpm2019 (2019)  rpm2019:13(e)"), "{text}");
}

#[test]
fn evolve_all_lists_chains_over_three_documents() {
    let (out, code) = stdout(accord().args(["evolve", "--all", "--format", "json"]));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    for chain in v["chains"].as_array().unwrap() {
        let mut docs: Vec<&str> = chain
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["doc"].as_str().unwrap())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        assert!(docs.len() >= 3, "{docs:?}");
    }
    assert_eq!(
        stdout(accord().args(["evolve"])).1,
        2,
        "a citation or --all is needed"
    );
}

/// `accord --no-seeds --doc old=... --doc new=...` over two case files.
fn cases(old: &str, new: &str) -> Command {
    let mut c = accord();
    c.args([
        "--no-seeds",
        "--doc",
        &format!("old=tests/data/cases/{old}"),
        "--doc",
        &format!("new=tests/data/cases/{new}"),
    ]);
    c
}

#[test]
fn a_punctuation_only_change_is_a_difference() {
    let files = ("punctuation-old.txt", "punctuation-new.txt");
    let (out, code) =
        stdout(cases(files.0, files.1).args(["diff", "old", "new", "--color", "never"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("identical 1.000  punctuation only"), "{out}");
    assert!(out.contains("legislation[-;-]{+,+} and"), "{out}");
    assert!(
        out.contains("1 identical (1 with changes of punctuation only)"),
        "{out}"
    );

    let (changed, code) = stdout(cases(files.0, files.1).args([
        "diff",
        "old",
        "new",
        "--only-changed",
        "--color",
        "never",
    ]));
    assert_eq!(code, 1);
    assert!(changed.contains("old:1 -> new:1"), "{changed}");
    assert!(changed.contains("[-;-]{+,+}"), "{changed}");

    let (json, code) =
        stdout(cases(files.0, files.1).args(["diff", "old", "new", "--format", "json"]));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&json).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{json}");
    assert_eq!(pairs[0]["relation"], "identical");
    assert_eq!(pairs[0]["punctuation_only"], true);
    let (json, _) = stdout(cases(files.0, files.1).args([
        "diff",
        "old",
        "new",
        "--format",
        "json",
        "--only-changed",
    ]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 1, "{json}");
}

#[test]
fn byte_identical_documents_are_the_same() {
    let file = "punctuation-old.txt";
    let (out, code) = stdout(cases(file, file).args(["diff", "old", "new", "--color", "never"]));
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("punctuation only"), "{out}");
    let (out, code) = stdout(cases(file, file).args(["diff", "old", "new", "--only-changed"]));
    assert_eq!(code, 0);
    assert!(!out.contains("old:1 -> new:1"), "{out}");
    let (json, _) = stdout(cases(file, file).args(["diff", "old", "new", "--format", "json"]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pairs"][0]["punctuation_only"], false);
}

#[test]
fn declaration_strength_changes_carry_their_direction() {
    let (json, code) = stdout(
        cases("declaration-v1.txt", "declaration-v2.txt")
            .args(["diff", "old", "new", "--format", "json"]),
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&json).unwrap();
    let changes: Vec<&Value> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["strength"].as_array().unwrap())
        .collect();
    let find = |old: &str, new: &str| {
        changes
            .iter()
            .find(|c| c["old"] == old && c["new"] == new)
            .unwrap_or_else(|| panic!("no {old} -> {new} in {changes:?}"))["direction"]
            .clone()
    };
    assert_eq!(find("We urge", "We encourage"), "weaker");
    assert_eq!(find("We request", "We invite"), "weaker");
    assert!(changes.iter().all(|c| c.get("direction").is_some()));

    let (out, _) = stdout(
        cases("declaration-v1.txt", "declaration-v2.txt")
            .args(["diff", "old", "new", "--color", "never"]),
    );
    assert!(
        out.contains("verb: We urge -> We encourage (weaker)"),
        "{out}"
    );
}
