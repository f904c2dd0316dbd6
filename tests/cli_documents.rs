//! The documents users bring (`tests/data/cases/`, right answers in its
//! README): negotiated texts with preambles and annexes, numbering
//! restarts, set-aside lines, and one parser for `units` and `review`.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    common::accord_wording()
}

fn case(name: &str) -> String {
    format!("{}/tests/data/cases/{name}", env!("CARGO_MANIFEST_DIR"))
}

use common::json_wording as json;

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_declaration_is_read_as_its_drafters_wrote_it() {
    let v1 = format!("d={}", case("declaration-v1.txt"));
    let v = json(&["--no-seeds", "--doc", &v1, "units", "d", "--format", "json"]);
    assert_eq!(
        ids(&v),
        [
            "d:PP1",
            "d:PP2",
            "d:PP3",
            "d:PP4",
            "d:1",
            "d:2",
            "d:2(a)",
            "d:2(b)",
            "d:2bis",
            "d:3",
            "d:3+1",
            "d:annex/1",
            "d:annex/2"
        ]
    );
    let kinds: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        &kinds[..5],
        ["preambular"; 4]
            .iter()
            .chain(&["paragraph"])
            .copied()
            .collect::<Vec<_>>()
    );
    assert_eq!(v[1]["un_citation"], "d, second preambular paragraph");
    assert_eq!(
        v[1]["chapeau"],
        "We, the Ministers and Representatives of Member States,"
    );
    assert_eq!(v[4]["chapeau"], "Declare as follows:");
    assert_eq!(v[8]["label"], "2 bis.");
    assert_eq!(v[11]["un_citation"], "d, annex, para. 1");
    assert_eq!(
        v[11]["section"],
        serde_json::json!(["Annex", "Plan of action"])
    );
    // Nothing set aside: title and chapeaux frame the text.
    let aside = json(&[
        "--no-seeds",
        "--doc",
        &v1,
        "show",
        "d",
        "--set-aside",
        "--format",
        "json",
    ]);
    assert_eq!(aside, serde_json::json!([]));
    // Citations in every accepted spelling.
    for spelling in ["d:pp2", "d:PP 2", "d, second preambular paragraph"] {
        let v = json(&[
            "--no-seeds",
            "--doc",
            &v1,
            "show",
            spelling,
            "--format",
            "json",
        ]);
        assert_eq!(v[0]["id"], "d:PP2", "{spelling}");
    }
    for spelling in ["d:annex/1", "d:annex 1", "d:Annex/1", "d, annex, para. 1"] {
        let v = json(&[
            "--no-seeds",
            "--doc",
            &v1,
            "show",
            spelling,
            "--format",
            "json",
        ]);
        assert_eq!(v[0]["id"], "d:annex/1", "{spelling}");
    }
    let v = json(&[
        "--no-seeds",
        "--doc",
        &v1,
        "show",
        "d:2 bis",
        "--format",
        "json",
    ]);
    assert_eq!(v[0]["id"], "d:2bis");
}

#[test]
fn diffing_two_versions_of_a_declaration_shows_every_change() {
    let v1 = format!("o={}", case("declaration-v1.txt"));
    let v2 = format!("n={}", case("declaration-v2.txt"));
    let out = accord()
        .args([
            "--no-seeds",
            "--doc",
            &v1,
            "--doc",
            &v2,
            "diff",
            "o",
            "n",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "changes: exit status 1");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    let pair = |old: &str| {
        pairs
            .iter()
            .find(|p| p["old"] == old)
            .unwrap_or_else(|| panic!("{old} unpaired"))
    };
    let strength = |old: &str| -> Vec<(String, String, String)> {
        pair(old)["strength"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["old"].as_str().unwrap_or("").to_string(),
                    s["new"].as_str().unwrap_or("").to_string(),
                    s["direction"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let s = |a: &str, b: &str, d: &str| (a.to_string(), b.to_string(), d.to_string());
    // The preamble is compared too.
    assert_eq!(strength("o:PP2"), [s("Reaffirming", "Noting", "weaker")]);
    assert_eq!(
        strength("o:PP3"),
        [s("Deeply concerned", "Noting", "weaker")]
    );
    assert!(strength("o:1").contains(&s("We urge", "We encourage", "weaker")));
    assert_eq!(strength("o:3"), [s("We request", "We invite", "weaker")]);
    assert_eq!(strength("o:annex/1"), [s("should", "shall", "stronger")]);
    let q = &pair("o:1")["strength"];
    assert!(q
        .to_string()
        .contains("in accordance with national legislation"));
    assert!(q.to_string().contains("as appropriate"));
    // 2bis became 3 and 3 became 4.
    assert_eq!(pair("o:2bis")["new"], "n:3");
    assert_eq!(pair("o:3")["new"], "n:4");
    assert_eq!(pair("o:3+1")["new"], "n:4+1");
    assert_eq!(pair("o:2(b)")["relation"], "reworded");
    assert_eq!(pair("o:annex/2")["relation"], "reworded");
    assert_eq!(v["new_units"], serde_json::json!([]));
    assert_eq!(v["dropped_units"], serde_json::json!([]));
    // The text output names the preambular change in its header line.
    let out = accord()
        .args([
            "--no-seeds",
            "--doc",
            &v1,
            "--doc",
            &v2,
            "diff",
            "o",
            "n",
            "--only-changed",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("o:PP2 -> n:PP2  reworded"), "{text}");
    assert!(
        text.contains("verb: Reaffirming -> Noting (weaker)"),
        "{text}"
    );
}

#[test]
fn a_numbering_restart_opens_a_part_and_loses_nothing() {
    let d = format!("w={}", case("numbering-restart.txt"));
    let v = json(&["--no-seeds", "--doc", &d, "units", "w", "--format", "json"]);
    assert_eq!(
        ids(&v),
        [
            "w:1",
            "w:2",
            "w:2+1",
            "w:part2/1",
            "w:part2/2",
            "w:part2/15",
            "w:part2/16"
        ]
    );
    // Every paragraph is there for trace too.
    let out = accord()
        .args([
            "--no-seeds",
            "--doc",
            &d,
            "trace",
            "restarted second paragraph",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(t.to_string().contains("w:part2/2"), "{t}");
}

/// The paragraph ids `review` reports for a draft, and the unit ids
/// `units` lists for it.
fn review_and_units(path: &str) -> (Vec<String>, Vec<String>) {
    let r = json(&["review", path, "--format", "json"]);
    let reviewed: Vec<String> = r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    let id = r["draft"].as_str().unwrap().to_string();
    let spec = format!("{id}={path}");
    let u = json(&["--doc", &spec, "units", &id, "--format", "json"]);
    (reviewed, ids(&u))
}

#[test]
fn review_and_units_read_a_draft_alike() {
    let example = format!(
        "{}/examples/draft-declaration.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let (reviewed, listed) = review_and_units(&example);
    assert_eq!(reviewed, listed);
    assert_eq!(
        reviewed[..5],
        [
            "abudhabi-draft:PP1",
            "abudhabi-draft:PP2",
            "abudhabi-draft:PP3",
            "abudhabi-draft:PP4",
            "abudhabi-draft:1"
        ]
    );
    let (reviewed, listed) = review_and_units(&case("declaration-v1.txt"));
    assert_eq!(reviewed, listed);
    assert!(reviewed.iter().any(|i| i.ends_with(":annex/2")));
    // The title is not reviewed, and gets no drafting-strength change.
    let r = json(&["review", &case("declaration-v1.txt"), "--format", "json"]);
    assert!(!r
        .to_string()
        .contains("Draft Lisbon declaration on safer cities\""));
    let parts: Vec<&str> = r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["part"].as_str().unwrap())
        .collect();
    assert_eq!(parts.iter().filter(|p| **p == "preamble").count(), 4);
}

#[test]
fn set_aside_lines_are_listed_and_a_large_share_is_noted() {
    let dir = docs(&[(
        "memo.txt",
        "This note was prepared by the secretariat for the meeting of experts.\n\nIt has not been formally edited, and Distr.: General applies.\n\n1. Only paragraph of the memo.\n",
    )]);
    let spec = format!("m={}", dir.path().join("memo.txt").display());
    let out = accord()
        .args(["--no-seeds", "--doc", &spec, "units", "m"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("were set aside") && stderr.contains("accord show m --set-aside"),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.contains("set aside")).count(),
        1
    );
    let v = json(&[
        "--no-seeds",
        "--doc",
        &spec,
        "show",
        "m",
        "--set-aside",
        "--format",
        "json",
    ]);
    let texts: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(texts.concat().contains("Distr.: General"), "{v}");
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["reason"] == "front_matter"));
    let out = accord()
        .args([
            "--no-seeds",
            "--doc",
            &spec,
            "show",
            "m",
            "--set-aside",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("m  "), "{text}");
    assert!(text.contains("front matter"), "{text}");
    // A citation is refused with --set-aside.
    let out = accord()
        .args(["--no-seeds", "--doc", &spec, "show", "m:1", "--set-aside"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_dated_draft_is_reviewed_against_earlier_documents() {
    let dir = docs(&[(
        "draft.txt",
        "Distr.: Limited\n\n1 March 2020\n\nDraft declaration\n\nWe, the Ministers,\n\n1. Integrate responses to the triple planetary crisis – climate change, biodiversity loss, and pollution – into crime prevention and criminal justice strategies.\n",
    )]);
    let path = dir.path().join("draft.txt");
    let p = path.to_str().unwrap();
    let out = accord()
        .args(["review", p, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cited = v["paragraphs"].to_string();
    assert!(
        !cited.contains("rpm2025")
            && !cited.contains("congress2021")
            && !cited.contains("thematic"),
        "{cited}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("dated after the draft (2020-03-01)"),
        "{stderr}"
    );
    assert!(stderr.contains("--any-date"), "{stderr}");
    let v = json(&["review", p, "--any-date", "--format", "json"]);
    assert_eq!(
        v["paragraphs"][0]["precedents"][0]["citation"], "rpm2025-item4:12(b)",
        "{v}"
    );
}

#[test]
fn the_seeds_keep_their_unit_ids() {
    let path = format!(
        "{}/tests/data/seed-unit-ids.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let before: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect();
    let v = json(&["units", "all", "--format", "json"]);
    assert_eq!(ids(&v), before);
}

/// Writes `files` (name, text) into a temporary folder.
fn docs(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn diff_status(dir: &tempfile::TempDir, extra: &[&str]) -> (Option<i32>, String) {
    let a = format!("a={}", dir.path().join("a.txt").display());
    let b = format!("b={}", dir.path().join("b.txt").display());
    let mut args = vec![
        "--no-seeds",
        "--doc",
        &a,
        "--doc",
        &b,
        "diff",
        "a",
        "b",
        "--color",
        "never",
    ];
    args.extend_from_slice(extra);
    let out = accord().args(&args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

const RESOLUTION: &str = "Strengthening cooperation\n\nThe General Assembly,\n\nRecalling its resolution 70/174,\n\n1. Welcomes the report;\n\n2. Notes the progress made;\n\n2 bis. Invites donors to contribute;\n\n3. Decides to remain seized of the matter.\n";

#[test]
fn what_frames_the_units_is_compared_too() {
    let same = docs(&[("a.txt", RESOLUTION), ("b.txt", RESOLUTION)]);
    assert_eq!(diff_status(&same, &[]).0, Some(0));
    let changed = RESOLUTION.replace("The General Assembly,", "The Economic and Social Council,");
    let dir = docs(&[("a.txt", RESOLUTION), ("b.txt", &changed)]);
    let (code, text) = diff_status(&dir, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("[-chapeau: The General Assembly,-]"),
        "{text}"
    );
    assert!(
        text.contains("{+chapeau: The Economic and Social Council,+}"),
        "{text}"
    );
    let retitled = RESOLUTION.replace("Strengthening cooperation", "Enhancing cooperation");
    let dir = docs(&[("a.txt", RESOLUTION), ("b.txt", &retitled)]);
    assert_eq!(diff_status(&dir, &[]).0, Some(1));
}

#[test]
fn renumbering_and_a_deleted_repetition_are_changes() {
    let renumbered = RESOLUTION
        .replace("3. Decides", "4. Decides")
        .replace("2 bis.", "3.");
    let dir = docs(&[("a.txt", RESOLUTION), ("b.txt", &renumbered)]);
    let (code, text) = diff_status(&dir, &["--only-changed"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("a:2bis -> b:3  identical 1.000  renumbered"),
        "{text}"
    );
    assert!(
        text.contains("a:3 -> b:4  identical 1.000  renumbered"),
        "{text}"
    );
    assert!(
        !text.contains("a:1 -> b:1"),
        "unchanged pairs are hidden: {text}"
    );
    let twice = RESOLUTION.replace(
        "3. Decides to remain seized of the matter.\n",
        "3. Decides to remain seized of the matter.\n\n4. Decides to remain seized of the matter.\n",
    );
    let dir = docs(&[("a.txt", &twice), ("b.txt", RESOLUTION)]);
    let (code, text) = diff_status(&dir, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("only related to a newer unit"), "{text}");
}

#[test]
fn headings_no_unit_stands_under_are_shown() {
    let dir = docs(&[(
        "a.txt",
        "My Title Here\n\nI. Intro\n\n1. First para.\n\n2. Second para.\n\n12th plenary meeting\n20 December 2024\n",
    )]);
    let a = format!("a={}", dir.path().join("a.txt").display());
    let out = accord()
        .args(["--no-seeds", "--doc", &a, "show", "a", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[heading] My Title Here"), "{text}");
    assert!(
        text.contains("[heading] 12th plenary meeting 20 December 2024"),
        "{text}"
    );
}

#[test]
fn french_and_spanish_preambles() {
    let dir = docs(&[
        ("a.txt", "La Asamblea General,\n\nRecordando su resolución 46/152,\n\nReafirmando su compromiso con el estado de derecho,\n\n1. Solicita al Secretario General que le presente un informe:\n\na) Sobre la aplicación de la presente resolución;\n\nb) Sobre las dificultades encontradas.\n"),
        ("b.txt", "Nous, chefs d'État et de gouvernement,\n\nRéaffirmant notre attachement à l'état de droit,\n\nProfondément préoccupés par la criminalité organisée,\n\nDéclarons ce qui suit :\n\n1. Nous nous engageons à renforcer la coopération.\n"),
    ]);
    let a = format!("a={}", dir.path().join("a.txt").display());
    let b = format!("b={}", dir.path().join("b.txt").display());
    let v = json(&[
        "--no-seeds",
        "--doc",
        &a,
        "--doc",
        &b,
        "units",
        "a,b",
        "--format",
        "json",
    ]);
    assert_eq!(
        ids(&v),
        ["a:PP1", "a:PP2", "a:1", "a:1(a)", "a:1(b)", "b:PP1", "b:PP2", "b:1"]
    );
    assert_eq!(v[7]["chapeau"], "Déclarons ce qui suit :");
}

#[test]
fn a_change_outside_the_compared_words_is_still_a_change() {
    // Markup is removed from unit text, but the documents differ: never
    // "identical" with exit 0.
    let dir = docs(&[
        ("a.txt", "1. The rate was 2*4=8.\n"),
        ("b.txt", "1. The rate was 24=8.\n"),
    ]);
    let (code, text) = diff_status(&dir, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("other: the documents differ"), "{text}");
    // Layout alone (line breaks, runs of spaces) is no change.
    let dir = docs(&[
        ("a.txt", "1. The rate was\nhigh.\n"),
        ("b.txt", "1. The rate  was high.\n"),
    ]);
    assert_eq!(diff_status(&dir, &[]).0, Some(0));
}

#[test]
fn drafts_as_they_are_typed() {
    // Tabs from a word processor, a skipped letter, a repeated number.
    let dir = docs(&[(
        "a.txt",
        "The General Assembly,\n\nRecalling\tits resolution 2024/15,\n\n1.\tCalls upon States:\n\n(a)\tTo cooperate;\n\n(c) To report;\n\n2. Decides to continue.\n",
    )]);
    let a = format!("a={}", dir.path().join("a.txt").display());
    let v = json(&["--no-seeds", "--doc", &a, "units", "a", "--format", "json"]);
    assert_eq!(ids(&v), ["a:PP1", "a:1", "a:1(a)", "a:1(c)", "a:2"]);
    assert_eq!(v[0]["text"], "Recalling its resolution 2024/15,");
}
