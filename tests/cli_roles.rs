//! CLI tests for the roles of units on the built-in corpus: drafting
//! strength only between provisions of one kind, procedural units kept out
//! of precedents, uptake and chains unless `--include-procedural`, and
//! chapeaux of lists counted apart in summaries.

mod common;

use std::collections::BTreeMap;

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    common::accord_wording()
}

use common::json_wording as json;

/// The role of every unit of the built-in corpus, by citation.
fn roles() -> BTreeMap<String, String> {
    json(&["units", "all", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_string(),
                u["role"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn kind(role: &str) -> Option<&'static str> {
    match role {
        "recommendation" | "operative" => Some("action"),
        "preambular" => Some("preambular"),
        _ => None,
    }
}

#[test]
fn the_roles_of_the_seeds_are_read_from_their_form() {
    let r = roles();
    let count = |role: &str, doc: &str| {
        r.iter()
            .filter(|(id, x)| x.as_str() == role && id.starts_with(&format!("{doc}:")))
            .count()
    };
    // Every lettered recommendation of 2019, and the 15 of 2025.
    assert_eq!(count("recommendation", "rpm2019"), 46);
    assert_eq!(
        count("recommendation", "rpm2025-item4") + count("recommendation", "rpm2025-item5b"),
        15
    );
    // The organisation of the 2019 meeting (III and IV: paragraphs 64 to 81
    // and the agenda's lines), and the presentations that open each
    // discussion.
    for id in [
        "rpm2019:64",
        "rpm2019:73",
        "rpm2019:74",
        "rpm2019:74-4",
        "rpm2019:74-5(d)",
        "rpm2019:81",
        "rpm2019:8",
        "rpm2025-item4:2",
        "rpm2025-item5b:1",
        "congress2021-item4:1(a)",
    ] {
        assert_eq!(r[id], "procedural", "{id}");
    }
    for id in ["rpm2019:13", "rpm2025-item4:12", "rpm2025-item5b:17"] {
        assert_eq!(r[id], "chapeau", "{id}");
    }
    for id in [
        "rpm2025-item4:8",
        "rpm2019:55",
        "thematic2021-2024:71",
        "rpm2019:1",
    ] {
        assert_eq!(r[id], "narrative", "{id}");
    }
}

#[test]
fn strength_changes_are_only_between_provisions_of_one_kind() {
    let r = roles();
    for args in [
        &["diff", "2019", "2025", "--format", "json"][..],
        &["diff", "2021", "2025", "--format", "json"],
        &["diff", "2019", "2024", "--format", "json"],
    ] {
        let d = json(args);
        let mut changes = 0;
        for p in d["pairs"].as_array().unwrap() {
            let (o, n) = (p["old"].as_str().unwrap(), p["new"].as_str().unwrap());
            let same_kind = kind(&r[o]).is_some() && kind(&r[o]) == kind(&r[n]);
            assert_eq!(p["strength_compared"], same_kind, "{o} -> {n}");
            if p["strength"].as_array().unwrap().is_empty() {
                continue;
            }
            changes += 1;
            let (old, new) = (p["old"].as_str().unwrap(), p["new"].as_str().unwrap());
            assert!(
                kind(&r[old]).is_some() && kind(&r[old]) == kind(&r[new]),
                "{args:?}: {old} ({}) -> {new} ({}): {}",
                r[old],
                r[new],
                p["strength"]
            );
        }
        if args[1] == "2019" && args[2] == "2025" {
            assert!(
                changes >= 2,
                "Support -> Collaborate with, Enhance -> Foster"
            );
        }
    }
    // Named pairs: a recommendation against an account of the discussion
    // has no change of verb; two recommendations do.
    let d = json(&[
        "diff",
        "rpm2019:34(c)",
        "rpm2025-item4:8",
        "--format",
        "json",
    ]);
    assert_eq!(d["pairs"][0]["strength"], serde_json::json!([]));
    // In text, a pair the user named says why.
    let out = accord()
        .args(["diff", "rpm2019:34(c)", "rpm2025-item4:8"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "drafting strength not compared: a recommendation against a narrative paragraph"
        ),
        "{text}"
    );
    let d = json(&[
        "diff",
        "rpm2019:13(d)",
        "rpm2025-item4:12(g)",
        "--format",
        "json",
    ]);
    assert_eq!(d["pairs"][0]["strength"][0]["old"], "Support");
    assert_eq!(d["pairs"][0]["strength"][0]["new"], "Collaborate with");
    // A recommendation whose purpose clause comes first is compared by its
    // main clause's verb.
    let d = json(&[
        "diff",
        "rpm2019:44(e)",
        "rpm2025-item5b:17(g)",
        "--format",
        "json",
    ]);
    assert_eq!(d["pairs"][0]["strength"][0]["old"], "Promote");
    assert_eq!(d["pairs"][0]["strength"][0]["new"], "establish");
}

/// Every citation an alignment JSON links, older and newer.
fn linked(al: &Value) -> Vec<String> {
    al["links"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| [l["old"].as_str().unwrap(), l["new"].as_str().unwrap()])
        .map(str::to_string)
        .collect()
}

#[test]
fn procedural_units_are_no_precedent_successor_uptake_or_chain_step() {
    let r = roles();
    let procedural = |c: &str| r[c] == "procedural";

    // align 2019 2025.
    let al = json(&["align", "2019", "2025", "--format", "json"]);
    assert!(!linked(&al).iter().any(|c| procedural(c)));
    for key in ["new_units", "dropped_units"] {
        assert!(!al[key]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| procedural(c.as_str().unwrap())));
    }
    let apart = al["procedural_old"].as_array().unwrap().len()
        + al["procedural_new"].as_array().unwrap().len();
    assert_eq!(
        apart,
        r.iter()
            .filter(|(id, x)| x.as_str() == "procedural"
                && (id.starts_with("rpm2019:") || id.starts_with("rpm2025")))
            .count()
    );
    let al = json(&[
        "align",
        "2019",
        "2025",
        "--format",
        "json",
        "--include-procedural",
    ]);
    assert!(
        linked(&al).iter().any(|c| procedural(c)),
        "--include-procedural aligns them"
    );
    assert!(al["procedural_old"].as_array().unwrap().is_empty());

    // review: precedents and uptake.
    let review = |extra: &[&str]| {
        let mut args = vec![
            "review",
            "examples/draft-declaration.md",
            "--format",
            "json",
        ];
        args.extend(extra);
        json(&args)
    };
    let precedents = |v: &Value| -> Vec<String> {
        v["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["precedents"].as_array().unwrap().iter())
            .map(|x| x["citation"].as_str().unwrap().to_string())
            .chain(
                v["uptake"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| u["recommendation"].as_str().unwrap().to_string()),
            )
            .collect()
    };
    let v = review(&[]);
    assert!(
        !precedents(&v).iter().any(|c| procedural(c)),
        "{:?}",
        precedents(&v)
    );
    assert!(v["procedural_set_apart"].as_u64().unwrap() > 30);
    let v = review(&["--include-procedural"]);
    assert_eq!(v["procedural_set_apart"], 0);

    // evolve --all: no step; with the flag, the presentations that open
    // each discussion form a chain of their own.
    let steps = |v: &Value| -> Vec<String> {
        v["chains"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c.as_array().unwrap().iter())
            .map(|s| s["citation"].as_str().unwrap().to_string())
            .collect()
    };
    let v = json(&["evolve", "--all", "--format", "json"]);
    // (On wording alone the seeds have no chain over three documents;
    // with meaning, from the shipped vectors, there are two.)
    assert!(!steps(&v).iter().any(|c| procedural(c)));
    assert!(!steps(&v).iter().any(|c| r[c] == "chapeau"));
    let v = json(&[
        "evolve",
        "--all",
        "--format",
        "json",
        "--include-procedural",
    ]);
    assert!(steps(&v).iter().any(|c| procedural(c)), "{:?}", steps(&v));

    // Two procedural units the user names are compared like any others.
    let d = json(&["diff", "rpm2019:8", "rpm2025-item4:2", "--format", "json"]);
    assert_eq!(d["pairs"][0]["relation"], "reworded", "{d}");

    // --explain says what was set apart.
    let out = accord()
        .args(["align", "2019", "2025", "--explain"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Set apart as procedural"), "{text}");
    assert!(text.contains("rpm2019:74-4"), "{text}");
}

#[test]
fn chapeaux_of_lists_are_counted_apart_not_as_carried_over() {
    let al = json(&["align", "2019", "2025", "--format", "json"]);
    let s = &al["summary"];
    // The two 2025 chapeaux ("The following recommendations, which were
    // not negotiated ...") are still linked to 2019's, verbatim.
    assert_eq!(s["boilerplate_new"], 2);
    assert_eq!(s["boilerplate_old"], 6);
    assert_eq!(s["identical"], 0, "{s}");
    let identical: Vec<&Value> = al["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] == "identical")
        .collect();
    assert_eq!(identical.len(), 2);
    // Text summaries of align and diff say so.
    for cmd in ["align", "diff"] {
        let out = accord().args([cmd, "2019", "2025"]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let tail = lines[lines.len().saturating_sub(4)..].join(" ");
        assert!(
            tail.contains("8 chapeaux of lists (boilerplate)"),
            "{cmd}: {tail}"
        );
        assert!(
            tail.contains("0 carried over verbatim") || tail.contains("0 identical"),
            "{cmd}: {tail}"
        );
    }
}

#[test]
fn a_change_in_a_procedural_unit_between_two_versions_is_still_a_difference() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = "# Report\n\n## I. Recommendations\n\n1. The following recommendations were identified:\n\n(a) Strengthen cooperation;\n\n## II. Attendance and organization of work\n\n2. The Meeting was attended by representatives of Japan.\n";
    let v2 = v1.replace("of Japan.", "of Japan and Thailand.");
    std::fs::write(dir.path().join("v1.md"), v1).unwrap();
    std::fs::write(dir.path().join("v2.md"), &v2).unwrap();
    let out = accord()
        .arg("--doc")
        .arg(dir.path().join("v1.md"))
        .arg("--doc")
        .arg(dir.path().join("v2.md"))
        .args(["diff", "v1", "v2"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for v in ["v1", "v2"] {
        assert!(
            text.contains(&format!("procedural: {v}:2 2. The Meeting was attended")),
            "{text}"
        );
    }
}
