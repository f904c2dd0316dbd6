//! CLI tests for `accord trace` and `accord terms` on the real seeds.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    common::accord_wording()
}

fn run_text(args: &[&str]) -> String {
    let out = accord().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn run_json(args: &[&str]) -> Value {
    serde_json::from_str(&run_text(args)).expect("valid JSON")
}

/// A failing run: exit 2, nothing on stdout, one line on stderr.
fn trouble(args: &[&str]) -> String {
    let out = accord().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("accord: "), "{err}");
    err
}

#[test]
fn trace_finds_culture_of_lawfulness_from_2019_to_2025() {
    let text = run_text(&["trace", "culture of lawfulness"]);
    assert!(
        text.starts_with("rpm2019 (2019): 7 occurrences\n"),
        "{text}"
    );
    assert!(
        text.contains("\nrpm2025-item4 (2025): 2 occurrences\n"),
        "{text}"
    );
    assert!(text.contains("«culture of lawfulness»"), "{text}");
    assert!(text.contains("  rpm2025-item4:12(d)  "), "{text}");
    assert!(
        text.contains("\nfirst appearance: rpm2019:13(b) (2019)\n"),
        "{text}"
    );
    assert!(text.ends_with("total: 14 occurrences in 13 units of 3 documents, 2019–2025\n"));
    // Every line fits the default width of 80 columns.
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn trace_stages_are_in_time_order_with_the_thematic_summaries_split_by_year() {
    let v = run_json(&["trace", "culture of lawfulness", "--format", "json"]);
    let stages: Vec<(String, u64)> = v["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["doc"].as_str().unwrap().to_string(),
                s["year"].as_u64().unwrap(),
            )
        })
        .collect();
    let expect = [
        ("rpm2019", 2019),
        ("thematic2021-2024", 2021),
        ("thematic2021-2024", 2022),
        ("rpm2025-item4", 2025),
    ];
    let expect: Vec<(String, u64)> = expect.iter().map(|(d, y)| (d.to_string(), *y)).collect();
    assert_eq!(stages, expect);
}

#[test]
fn trace_json_has_the_documented_shape() {
    let v = run_json(&["trace", "strengthen the capacity", "--format", "json"]);
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["first", "phrase", "stages", "total"]);
    assert_eq!(v["phrase"], "strengthen the capacity");
    let stages = v["stages"].as_array().unwrap();
    let mut total = 0;
    let mut matches = Vec::new();
    for s in stages {
        assert_eq!(keys(s), ["count", "doc", "occurrences", "year"]);
        let occ = s["occurrences"].as_array().unwrap();
        assert_eq!(s["count"].as_u64().unwrap() as usize, occ.len());
        total += occ.len();
        for o in occ {
            assert_eq!(keys(o), ["after", "before", "citation", "match"]);
            let cite = o["citation"].as_str().unwrap();
            assert!(cite.starts_with(s["doc"].as_str().unwrap()), "{cite}");
            matches.push(o["match"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(v["total"].as_u64().unwrap() as usize, total);
    assert_eq!(
        v["first"], stages[0]["occurrences"][0]["citation"],
        "first is the first occurrence"
    );
    // Inflections: the plural and the capitalised imperative both count.
    assert!(
        matches.iter().any(|m| m == "strengthen the capacities"),
        "{matches:?}"
    );
    assert!(
        matches.iter().any(|m| m == "Strengthen the capacity"),
        "{matches:?}"
    );
}

#[test]
fn trace_context_in_json_is_the_text_around_the_match() {
    let v = run_json(&["trace", "culture of lawfulness", "--format", "json"]);
    let o = &v["stages"][0]["occurrences"][0];
    assert_eq!(o["citation"], "rpm2019:13(b)");
    let show = run_json(&["show", "rpm2019:13(b)", "--format", "json"]);
    let text = show[0]["text"].as_str().unwrap();
    let joined = format!(
        "{}{}{}",
        o["before"].as_str().unwrap(),
        o["match"].as_str().unwrap(),
        o["after"].as_str().unwrap()
    );
    assert!(text.contains(&joined), "{joined}");
    assert!(o["before"].as_str().unwrap().chars().count() <= 60);
}

#[test]
fn a_phrase_that_occurs_nowhere_is_not_an_error() {
    let text = run_text(&["trace", "quantum lawfulness"]);
    assert_eq!(
        text,
        "“quantum lawfulness” occurs nowhere in the 5 documents searched.\n"
    );
    let v = run_json(&["trace", "quantum lawfulness", "--format", "json"]);
    assert_eq!(
        v,
        serde_json::json!({"phrase": "quantum lawfulness", "first": null, "stages": [], "total": 0})
    );
}

#[test]
fn a_phrase_without_words_is_an_error() {
    let e = trouble(&["trace", ""]);
    assert!(e.contains("the phrase is empty"), "{e}");
    let e = trouble(&["trace", " – ; "]);
    assert!(e.contains("has no words"), "{e}");
}

#[test]
fn trace_colour_marks_the_match_without_markers() {
    let text = run_text(&["--color", "always", "trace", "culture of lawfulness"]);
    assert!(text.contains('\u{1b}'));
    assert!(!text.contains('«'));
    let plain = run_text(&["--color", "never", "trace", "culture of lawfulness"]);
    assert!(!plain.contains('\u{1b}'));
}

#[test]
fn trace_width_follows_columns() {
    let out = accord()
        .env("COLUMNS", "120")
        .args(["trace", "culture of lawfulness"])
        .output()
        .unwrap();
    let wide = String::from_utf8(out.stdout).unwrap();
    let longest = wide.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest > 80 && longest <= 120, "{longest}");
}

#[test]
fn trace_output_does_not_depend_on_the_thread_count() {
    let run = |threads: &str| {
        accord()
            .env("RAYON_NUM_THREADS", threads)
            .args(["trace", "access to justice", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

fn phrases(v: &Value, list: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["phrase"].as_str().unwrap().to_lowercase())
        .collect()
}

#[test]
fn terms_2019_2025_surface_the_new_vocabulary() {
    let v = run_json(&["terms", "2019", "2025", "--format", "json"]);
    let e = phrases(&v, "emerging");
    assert!(e.contains(&"triple planetary crisis".to_string()), "{e:?}");
    assert!(e.contains(&"digital age".to_string()), "{e:?}");
    // Both uses of "lived experience" are "lived experience of crime", so
    // the longer phrase stands for it.
    assert!(e.iter().any(|p| p.starts_with("lived experience")), "{e:?}");
    assert!(!e.contains(&"triple planetary".to_string()));
    let f = phrases(&v, "fading");
    assert!(f.contains(&"fourteenth congress".to_string()), "{f:?}");
    let text = run_text(&["terms", "2019", "2025"]);
    assert!(text.contains("\nEmerging in rpm2025-item4, rpm2025-item5b\n"));
    assert!(text.contains("\nFading from rpm2019\n"));
    assert!(text.contains("  triple planetary crisis "), "{text}");
}

#[test]
fn terms_json_has_the_documented_shape_and_order() {
    let v = run_json(&["terms", "2019", "2025", "--format", "json", "--top", "7"]);
    assert_eq!(v["old"], serde_json::json!(["rpm2019"]));
    assert_eq!(
        v["new"],
        serde_json::json!(["rpm2025-item4", "rpm2025-item5b"])
    );
    for list in ["emerging", "fading"] {
        let items = v[list].as_array().unwrap();
        assert_eq!(items.len(), 7);
        for t in items {
            for key in ["phrase", "new_count", "old_count", "score"] {
                assert!(t.get(key).is_some(), "{key} in {t}");
            }
            let (n, o) = (
                t["new_count"].as_u64().unwrap(),
                t["old_count"].as_u64().unwrap(),
            );
            if list == "emerging" {
                assert!(n >= 1 && (n >= 2 || t["in_heading"] == true), "{t}");
            } else {
                assert!(o >= 2 || t["in_heading"] == true, "{t}");
            }
        }
        for w in items.windows(2) {
            let (a, b) = (
                w[0]["score"].as_f64().unwrap(),
                w[1]["score"].as_f64().unwrap(),
            );
            assert!(a >= b, "{list} not ranked: {w:?}");
        }
    }
}

#[test]
fn terms_output_does_not_depend_on_the_run() {
    let one = accord()
        .env("RAYON_NUM_THREADS", "1")
        .args(["terms", "all", "2025", "--format", "json"])
        .output()
        .unwrap();
    let many = accord()
        .env("RAYON_NUM_THREADS", "4")
        .args(["terms", "all", "2025", "--format", "json"])
        .output()
        .unwrap();
    assert!(one.status.success());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn terms_with_a_bad_side_is_trouble() {
    let e = trouble(&["terms", "2019", "rpm2020"]);
    assert!(e.contains("unknown document 'rpm2020'"), "{e}");
    let e = trouble(&["terms", "2031", "2025"]);
    assert!(e.contains("no document of year 2031"), "{e}");
    trouble(&["terms", ",", "2025"]);
}
