//! CLI tests for `accord review` on the illustrative draft in `examples/`,
//! checked against the classification written for it by hand.

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    let mut c = Command::cargo_bin("accord").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100");
    c
}

fn review_json(args: &[&str]) -> Value {
    let out = accord()
        .arg("review")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

struct Expected {
    id: String,
    part: String,
    class: String,
    precedents: Vec<String>,
}

fn expected() -> Vec<Expected> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/draft-declaration.expected.tsv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Expected {
                id: f[0].into(),
                part: f[1].into(),
                class: f[2].into(),
                precedents: f.get(3).map_or(vec![], |p| {
                    p.split(',')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                }),
            }
        })
        .collect()
}

#[test]
fn the_example_draft_meets_the_targets() {
    let v = review_json(&["examples/draft-declaration.md"]);
    let paras = v["paragraphs"].as_array().unwrap();
    let exp = expected();
    assert_eq!(paras.len(), exp.len());
    let (mut prec_ok, mut prec_n, mut new_ok, mut new_n) = (0, 0, 0, 0);
    for (p, e) in paras.iter().zip(&exp) {
        assert_eq!(p["id"], e.id.as_str());
        assert_eq!(p["part"], e.part.as_str(), "{}", e.id);
        if e.class == "new" {
            new_n += 1;
            new_ok += usize::from(p["class"] == "new");
        } else {
            prec_n += 1;
            let first = p["precedents"][0]["citation"].as_str().unwrap_or("");
            prec_ok += usize::from(e.precedents.iter().any(|c| c == first) && p["class"] != "new");
        }
    }
    eprintln!("precedent first: {prec_ok}/{prec_n}; new classified new: {new_ok}/{new_n}");
    assert!(
        prec_ok * 10 >= prec_n * 9,
        "precedent first {prec_ok}/{prec_n}"
    );
    assert!(new_ok * 10 >= new_n * 9, "new {new_ok}/{new_n}");
    // The two copied paragraphs are verbatim.
    assert_eq!(paras[5]["class"], "verbatim");
    assert_eq!(paras[7]["class"], "verbatim");
}

#[test]
fn brackets_are_kept_and_each_alternative_checked() {
    let v = review_json(&["examples/draft-declaration.md"]);
    let p = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "5")
        .unwrap();
    assert!(p["text"]
        .as_str()
        .unwrap()
        .contains("[strengthen / enhance]"));
    let alts = p["alternatives"].as_array().unwrap();
    let options: Vec<&str> = alts.iter().map(|a| a["option"].as_str().unwrap()).collect();
    assert_eq!(options, ["strengthen", "enhance", ", as appropriate", ""]);
    assert!(alts.iter().all(|a| a["citation"] == "rpm2025-item4:12(a)"));
}

#[test]
fn uptake_lists_the_recommendations_left_out() {
    let v = review_json(&["examples/draft-declaration.md"]);
    let uptake = v["uptake"].as_array().unwrap();
    assert_eq!(uptake.len(), 15, "the 2025 recommendations");
    let reflected =
        |c: &str| uptake.iter().find(|u| u["recommendation"] == c).unwrap()["reflected_in"].clone();
    assert_eq!(reflected("rpm2025-item4:12(b)"), "abudhabi-draft:6");
    assert_eq!(reflected("rpm2025-item5b:17(a)"), "abudhabi-draft:9");
    assert!(
        reflected("rpm2025-item5b:17(h)").is_null(),
        "restorative justice guidelines are not in the draft"
    );
    let left: Vec<&str> = v["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(left.contains(&"rpm2025-item5b:17(h)"));
    assert_eq!(v["totals"]["recommendations"], 15);
    // A chosen side works too.
    let v = review_json(&["examples/draft-declaration.md", "--uptake", "rpm2019"]);
    assert_eq!(v["uptake"].as_array().unwrap().len(), 46);
}

#[test]
fn preamble_and_operative_from_stdin() {
    let draft = "We, the Ministers,\n\nRecalling the Kyoto Declaration,\n\nWelcoming the adoption of the United Nations Convention against Cybercrime,\n\n1. Calls upon Member States to sign and ratify the Convention;\n\n2. We will act.\n";
    let out = accord()
        .args(["review", "-", "--format", "json"])
        .write_stdin(draft)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let parts: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["part"].as_str().unwrap())
        .collect();
    assert_eq!(
        parts,
        ["preamble", "preamble", "preamble", "operative", "operative"]
    );
    assert_eq!(v["draft"], "stdin");
    assert_eq!(v["paragraphs"][3]["id"], "stdin:4");
    assert_eq!(v["paragraphs"][3]["label"], "1");
    let text = accord()
        .args(["review", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("Review of stdin (5 paragraphs: 3 preambular, 2 operative)"),
        "{text}"
    );
    assert!(text.contains("% of the draft's words come from precedent"));
}

#[test]
fn bad_drafts() {
    let out = accord()
        .args(["review", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = accord().args(["review", "nowhere.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    let out = accord()
        .args([
            "review",
            "examples/draft-declaration.md",
            "--against",
            "nosuch",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
