//! `evolve`: chains along the strongest path of links, contemporaries as
//! one stage, merges, and the stages skipped with their reasons.
//!
//! These run with paraphrase matching on the built-in documents (their
//! vectors are shipped, so no model is needed) and on wording alone.

mod common;

use assert_cmd::Command;
use serde_json::Value;

/// `accord` matching as a user's first run does: the shipped vectors of
/// the built-in documents, whether or not the model is installed.
fn accord_shipped() -> Command {
    let mut c = common::accord_wording();
    c.env_remove("ACCORD_LEXICAL_ONLY");
    c
}

fn evolve(mut c: Command, citation: &str) -> Value {
    let out = common::output_with_status(c.args(["evolve", citation, "--format", "json"]), 0);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn citations(chain: &Value) -> Vec<&str> {
    chain["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["citation"].as_str().unwrap())
        .collect()
}

#[test]
fn a_recommendation_reaches_the_provision_that_restates_it_as_a_merge() {
    for (mode, c) in [
        ("shipped vectors", accord_shipped()),
        ("wording", common::accord_wording()),
    ] {
        let v = evolve(c, "rpm2019:13(e)");
        // Not the background paragraph on the Kyoto Declaration, nor the
        // speakers' remarks: the 2025 recommendation, which restates 13(e)
        // together with 62(d).
        assert_eq!(
            citations(&v),
            ["rpm2019:13(e)", "rpm2025-item4:12(f)"],
            "{mode}"
        );
        let step = &v["steps"][1];
        assert_eq!(
            step["merged_with"],
            serde_json::json!(["rpm2019:62(d)"]),
            "{mode}"
        );
        assert!(step["score"].as_f64().unwrap() >= 0.22, "{mode}");
        assert_eq!(step["stage"], "rpm2025-item4 + rpm2025-item5b (2025)");
        // The discussions are listed as skipped, with the link and why.
        let skipped = v["skipped"].as_array().unwrap();
        let background = skipped
            .iter()
            .find(|k| k["stage"] == "thematic2021-2024 (2025)")
            .unwrap();
        assert_eq!(background["reason"], "other_kind", "{mode}");
        assert_eq!(background["best"]["role"], "narrative", "{mode}");
        let congress = skipped
            .iter()
            .find(|k| k["stage"] == "congress2021-item4 (2021)")
            .unwrap();
        assert_eq!(congress["reason"], "no_link", "{mode}");
        assert!(congress["best"].is_null());
    }
}

#[test]
fn going_back_in_time_every_step_has_a_link() {
    let v = evolve(accord_shipped(), "rpm2025-item4:12(g)");
    assert_eq!(citations(&v), ["rpm2019:13(d)", "rpm2025-item4:12(g)"]);
    let step = &v["steps"][1];
    assert!(step["relation"].is_string() && step["score"].as_f64().unwrap() >= 0.22);
    assert_eq!(step["strength"][0]["kind"], "verb", "{step}");
}

#[test]
fn chains_of_every_2025_provision_step_by_links_through_distinct_stages() {
    let all = common::json_wording(&["units", "2025", "--format", "json"]);
    let mut followed = 0;
    for unit in all.as_array().unwrap() {
        let role = unit["role"].as_str().unwrap();
        if role == "procedural" || role == "chapeau" {
            continue;
        }
        let v = evolve(accord_shipped(), unit["id"].as_str().unwrap());
        let steps = v["steps"].as_array().unwrap();
        followed += 1;
        let mut stages: Vec<&str> = steps.iter().map(|s| s["stage"].as_str().unwrap()).collect();
        let n = stages.len();
        stages.dedup();
        assert_eq!(stages.len(), n, "one step per stage: {v}");
        assert!(steps[0]["relation"].is_null() && steps[0]["score"].is_null());
        for s in &steps[1..] {
            assert!(
                s["relation"].is_string() && s["score"].as_f64().is_some_and(|x| x >= 0.22),
                "a step without a link: {s}"
            );
        }
        // The two 2025 addenda are contemporaries: never both in a chain.
        let docs: Vec<&str> = steps.iter().map(|s| s["doc"].as_str().unwrap()).collect();
        assert!(
            !(docs.contains(&"rpm2025-item4") && docs.contains(&"rpm2025-item5b")),
            "{docs:?}"
        );
        // A provision is followed through provisions of its kind.
        if role == "recommendation" || role == "operative" {
            for s in steps {
                let r = s["role"].as_str().unwrap();
                assert!(r == "recommendation" || r == "operative", "{v}");
            }
        }
        // Every stage is a step or a skip.
        assert_eq!(n + v["skipped"].as_array().unwrap().len(), 8, "{v}");
    }
    assert!(followed >= 30, "{followed}");
}

#[test]
fn a_chain_is_the_same_whatever_the_thread_count() {
    let run = |threads: &str| {
        let mut c = accord_shipped();
        c.env("RAYON_NUM_THREADS", threads)
            .args(["evolve", "rpm2019:44(d)", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("3"));
}

#[test]
fn skipped_stages_are_said_in_the_text() {
    let out = accord_shipped()
        .env("COLUMNS", "100")
        .args(["evolve", "rpm2019:13(e)", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // Reasons wrap: read them as one line.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("congress2021-item4 (2021) skipped: no unit here is linked to the chain"),
        "{text}"
    );
    assert!(
        text.contains(
            "thematic2021-2024 (2025) skipped: thematic2021-2024:1 is linked to rpm2019:13(e)"
        ),
        "{text}"
    );
    assert!(text.contains("but it is a narrative paragraph, not a recommendation"));
    assert!(
        text.contains("merged: restates rpm2019:13(e) together with rpm2019:62(d)"),
        "{text}"
    );
    // Time order: the skipped 2021 stage comes before the 2025 step.
    assert!(text.find("congress2021-item4 (2021)") < text.find("rpm2025-item4:12(f)"));
}

#[test]
fn a_loosely_linked_intermediary_does_not_hide_the_direct_source() {
    // A user's paragraph restating rpm2019:13(e) in other words (undated,
    // so it comes after 2025). It is linked to 13(e) directly (0.30) and,
    // loosely (0.23), to 2025's 12(f), whose own source is 62(d): the
    // chain goes back to 13(e), not through 12(f) to 62(d). In other
    // words: the model must embed it.
    let Some(model) = common::model_dir("a_loosely_linked_intermediary") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let mut c = accord_shipped();
    c.env("XDG_CACHE_HOME", cache.path())
        .arg("--model")
        .arg(&model)
        .args(["--doc", "mine=tests/data/chains/restated-2019.md"]);
    let v = evolve(c, "mine:1(a)");
    assert_eq!(citations(&v), ["rpm2019:13(e)", "mine:1(a)"], "{v}");
}

#[test]
fn a_named_pair_is_labelled_as_align_and_evolve_label_it() {
    let relation = |old: &str, new: &str| {
        let out = accord_shipped()
            .args(["diff", old, new, "--format", "json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["pairs"][0]["relation"].as_str().unwrap().to_string()
    };
    // 12(f)'s reworded source is 62(d); 13(e) is related, as in `align`.
    assert_eq!(relation("rpm2019:62(d)", "rpm2025-item4:12(f)"), "reworded");
    assert_eq!(relation("rpm2019:13(e)", "rpm2025-item4:12(f)"), "related");
}
