//! CLI tests for `accord align` on the real seeds and on documents built
//! from their text (renumbered, reordered, split, merged).

mod common;

use assert_cmd::Command;
use serde_json::Value;

use accord::{corpus::Corpus, Library};

fn accord() -> Command {
    common::accord_wording()
}

fn run_json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn seed_text(cite: &str) -> String {
    Library::new(Corpus::seeds())
        .unit(cite)
        .unwrap()
        .text
        .clone()
}

/// Links of one newer unit as (old, relation).
fn links_of(v: &Value, new: &str) -> Vec<(String, String)> {
    v["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["new"] == new)
        .map(|l| {
            (
                l["old"].as_str().unwrap().to_string(),
                l["relation"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn json_has_the_documented_shape_and_order() {
    let v = run_json(accord().args(["align", "2019", "2025", "--format", "json"]));
    assert_eq!(v["old"], serde_json::json!(["rpm2019"]));
    assert_eq!(
        v["new"],
        serde_json::json!(["rpm2025-item4", "rpm2025-item5b"])
    );
    let links = v["links"].as_array().unwrap();
    assert!(!links.is_empty());
    for l in links {
        let s = l["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s));
        assert!(["identical", "reworded", "related"].contains(&l["relation"].as_str().unwrap()));
    }
    // Sorted by newer citation (document order), backbone first, then score.
    let lib = Library::new(Corpus::seeds());
    let order: Vec<String> = lib
        .side_units("2025")
        .unwrap()
        .iter()
        .map(|u| u.id.to_string())
        .collect();
    let pos = |c: &Value| order.iter().position(|o| o == c.as_str().unwrap()).unwrap();
    for w in links.windows(2) {
        assert!(pos(&w[0]["new"]) <= pos(&w[1]["new"]));
        if w[0]["new"] == w[1]["new"]
            && w[1]["relation"] == "related"
            && w[0]["relation"] == "related"
        {
            assert!(w[0]["score"].as_f64() >= w[1]["score"].as_f64());
        }
    }
    // Every newer unit is linked, new or set apart as procedural.
    let linked_new: std::collections::BTreeSet<&str> =
        links.iter().map(|l| l["new"].as_str().unwrap()).collect();
    let list = |key: &str| -> Vec<&str> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect()
    };
    let (new_units, procedural) = (list("new_units"), list("procedural_new"));
    assert_eq!(
        linked_new.len() + new_units.len() + procedural.len(),
        order.len()
    );
    assert!(new_units.iter().all(|c| !linked_new.contains(c)));
    assert!(procedural
        .iter()
        .all(|c| !linked_new.contains(c) && !new_units.contains(c)));
}

#[test]
fn identical_boilerplate_links_only_to_boilerplate() {
    let v = run_json(accord().args(["align", "2019", "2025", "--format", "json"]));
    // "The following recommendations, which were not negotiated by the
    // participants, were identified:" opens each list of recommendations.
    let boiler = links_of(&v, "rpm2025-item4:12");
    assert_eq!(
        boiler[0],
        ("rpm2019:13".to_string(), "identical".to_string()),
        "the main-theme copy"
    );
    let boiler_2019 = [
        "rpm2019:13",
        "rpm2019:26",
        "rpm2019:34",
        "rpm2019:44",
        "rpm2019:61",
    ];
    for l in v["links"].as_array().unwrap() {
        let (old, new) = (l["old"].as_str().unwrap(), l["new"].as_str().unwrap());
        let old_is_boiler = boiler_2019.contains(&old);
        let new_is_boiler = new == "rpm2025-item4:12" || new == "rpm2025-item5b:17";
        assert_eq!(
            old_is_boiler, new_is_boiler,
            "boilerplate pulled {old} and {new} together"
        );
    }
    assert_eq!(links_of(&v, "rpm2025-item5b:17")[0].1, "identical");
}

#[test]
fn renumbered_reordered_and_moved_provisions_are_found() {
    // The 2019 main-theme recommendations, renumbered as paragraphs, in
    // reverse order, under other headings, with small edits.
    let mut doc = String::from("# Draft\n\n## Part one\n\n");
    let letters = ['g', 'f', 'e', 'd', 'c', 'b', 'a'];
    for (i, l) in letters.iter().enumerate() {
        if i == 4 {
            doc.push_str("## Part two\n\n");
        }
        let text = seed_text(&format!("rpm2019:13({l})"))
            .replace("Enhance", "Further enhance")
            .replace("Strengthen", "Reinforce");
        doc.push_str(&format!("{}. {text}\n\n", i + 1));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    std::fs::write(&path, doc).unwrap();
    let v = run_json(
        accord()
            .arg("--doc")
            .arg(&path)
            .args(["align", "rpm2019", "draft", "--format", "json"]),
    );
    for (i, l) in letters.iter().enumerate() {
        let links = links_of(&v, &format!("draft:{}", i + 1));
        assert_eq!(
            links[0].0,
            format!("rpm2019:13({l})"),
            "draft:{} {links:?}",
            i + 1
        );
        assert!(links[0].1 == "reworded" || links[0].1 == "identical");
    }
}

#[test]
fn a_split_and_a_merge() {
    // 2019 para 29 split in two; 2019 items 61(c) and 61(d) merged into one.
    let p29 = seed_text("rpm2019:29");
    let sentences: Vec<&str> = p29.split_inclusive(". ").collect();
    let half = sentences.len() / 2;
    let first: String = sentences[..half].concat();
    let second: String = sentences[half..].concat();
    let merged = format!(
        "{} {}",
        seed_text("rpm2019:61(c)").trim_end_matches(';'),
        seed_text("rpm2019:61(d)")
    );
    let doc = format!("1. {first}\n\n2. {second}\n\n3. {merged}\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("later.md");
    std::fs::write(&path, doc).unwrap();
    let v = run_json(
        accord()
            .arg("--doc")
            .arg(&path)
            .args(["align", "rpm2019", "later", "--format", "json"]),
    );
    let l1 = links_of(&v, "later:1");
    let l2 = links_of(&v, "later:2");
    let both: Vec<&(String, String)> = l1
        .iter()
        .chain(&l2)
        .filter(|(o, _)| o == "rpm2019:29")
        .collect();
    assert_eq!(both.len(), 2, "both halves point to 29: {l1:?} {l2:?}");
    assert_eq!(
        both.iter().filter(|(_, r)| r == "reworded").count(),
        1,
        "one backbone link"
    );
    let l3: Vec<String> = links_of(&v, "later:3")
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    assert!(
        l3.contains(&"rpm2019:61(c)".to_string()) && l3.contains(&"rpm2019:61(d)".to_string()),
        "{l3:?}"
    );
}

#[test]
fn an_empty_side_and_a_side_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("headings.md");
    std::fs::write(&empty, "# Only a heading\n\n## And another\n").unwrap();
    let v = run_json(accord().arg("--doc").arg(&empty).args([
        "align",
        "congress2021-item4",
        "headings",
        "--format",
        "json",
    ]));
    assert!(v["links"].as_array().unwrap().is_empty());
    assert!(v["new_units"].as_array().unwrap().is_empty());
    // The Congress's "Proceedings" (consideration of the item, documents,
    // chairs) are set apart; the rest is dropped.
    assert_eq!(v["dropped_units"].as_array().unwrap().len(), 10);
    assert_eq!(v["procedural_old"].as_array().unwrap().len(), 6);
    let out = accord().args(["align", ",", "2025"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("side ',' is empty"));
    // The same document on both sides: everything carried over verbatim.
    let v = run_json(accord().args([
        "align",
        "rpm2025-item4",
        "rpm2025-item4",
        "--format",
        "json",
    ]));
    let backbone: Vec<&Value> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] != "related")
        .collect();
    // Every unit but the one procedural paragraph ("Presentations were
    // delivered by ..."), set apart on both sides.
    assert_eq!(backbone.len(), 18);
    assert_eq!(v["procedural_new"], serde_json::json!(["rpm2025-item4:2"]));
    assert_eq!(v["procedural_old"], v["procedural_new"]);
    assert!(backbone
        .iter()
        .all(|l| l["relation"] == "identical" && l["old"] == l["new"]));
    // Naming a document twice in one side counts it once.
    let a = accord()
        .args(["align", "2019,rpm2019", "2025"])
        .output()
        .unwrap();
    let b = accord()
        .args(["align", "rpm2019", "2025"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let pair = accord::synth::generate(1500, 11);
    std::fs::write(dir.path().join("old.md"), &pair.old).unwrap();
    std::fs::write(dir.path().join("new.md"), &pair.new).unwrap();
    for args in [
        vec!["align", "all", "all", "--format", "json"],
        vec![
            "--no-seeds",
            "--corpus",
            dir.path().to_str().unwrap(),
            "align",
            "old",
            "new",
            "--format",
            "json",
        ],
    ] {
        let one = accord()
            .args(&args)
            .env("RAYON_NUM_THREADS", "1")
            .output()
            .unwrap();
        let many = accord()
            .args(&args)
            .env("RAYON_NUM_THREADS", "4")
            .output()
            .unwrap();
        assert!(one.status.success());
        assert_eq!(one.stdout, many.stdout, "{args:?}");
    }
}

#[test]
fn text_output_and_explain() {
    let out = accord()
        .args(["align", "rpm2019", "congress2021-item4", "--explain"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("rpm2019  ->  congress2021-item4\n"));
    assert!(text.contains("congress2021-item4:4 "));
    assert!(
        text.contains("cosine ") && text.contains("containment ") && text.contains("shared: “"),
        "{text}"
    );
    assert!(text.contains("carried over verbatim"));
    let out = accord()
        .args(["align", "2019", "2025", "--min-score", "1.5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn min_score_raises_the_floor_and_never_lowers_it() {
    let links = |args: &[&str]| -> Vec<(f64, String)> {
        let out = accord().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["score"].as_f64().unwrap(),
                    l["relation"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let all = links(&["align", "2019", "2025", "--format", "json"]);
    let high = links(&[
        "align",
        "2019",
        "2025",
        "--format",
        "json",
        "--min-score",
        "0.4",
    ]);
    assert!(high.len() < all.len() && !high.is_empty());
    assert!(high.iter().all(|(s, _)| *s >= 0.4), "{high:?}");
    // No link under the related threshold is ever shown, let alone called
    // related: a lower floor is refused, naming the range.
    assert!(all.iter().all(|(s, _)| *s >= 0.22), "{all:?}");
    let out = accord()
        .args(["align", "2019", "2025", "--min-score", "0.1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("from 0.22 (the related threshold) to 1"),
        "{err}"
    );
}

#[test]
fn a_note_about_capped_candidates_is_for_large_sides_and_goes_to_stderr() {
    // Below 5,000 older units every shared word proposes candidates: no note.
    let out = accord().args(["align", "2019", "2025"]).output().unwrap();
    assert!(out.status.success());
    let all = [out.stdout, out.stderr].concat();
    assert!(!String::from_utf8(all).unwrap().contains("candidates"));
    // Above, the search is bounded, and the note says so on stderr only.
    let dir = tempfile::tempdir().unwrap();
    let pair = accord::synth::generate_kind(accord::synth::Kind::NearDuplicate, 6_000, 2);
    std::fs::write(dir.path().join("old.md"), &pair.old).unwrap();
    std::fs::write(dir.path().join("new.md"), &pair.new).unwrap();
    let out = accord()
        .args(["--no-seeds", "--lexical-only", "--corpus"])
        .arg(dir.path())
        .args(["align", "old", "new"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(!stdout.contains("candidates"), "{stdout}");
    assert!(
        stderr.starts_with("accord: note: ") && stderr.contains("more than 64 candidates"),
        "{stderr}"
    );
}
