//! CLI tests for `accord review` on the illustrative draft in `examples/`,
//! checked against the classification written for it by hand; and the
//! written reviews (`-o review.md|html|docx`): their structure, citations
//! and counts against `--format json`, escaping of a hostile draft from
//! standard input, tracked changes in the Word file, determinism with
//! `--date`, standard output and refusals.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn accord() -> Command {
    let mut c = common::accord_wording();
    c.env("COLUMNS", "100");
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
    assert_eq!(paras[4]["class"], "verbatim");
    assert_eq!(paras[6]["class"], "verbatim");
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
    assert_eq!(reflected("rpm2025-item4:12(b)"), "abudhabi-draft:1");
    assert_eq!(reflected("rpm2025-item5b:17(a)"), "abudhabi-draft:4");
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

    // In text, each recommendation left out is shortened to the width,
    // after a whole word: never "promo…".
    for width in ["60", "100"] {
        let out = accord()
            .env("COLUMNS", width)
            .args(["review", "examples/draft-declaration.md"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .skip_while(|l| *l != "Left out:")
            .skip(1)
            .collect();
        assert_eq!(lines.len(), left.len(), "{text}");
        for (line, id) in lines.iter().zip(&left) {
            let full = accord()
                .args(["show", id, "--format", "json"])
                .output()
                .unwrap();
            let full: Value = serde_json::from_slice(&full.stdout).unwrap();
            let full = full[0]["text"].as_str().unwrap();
            let shown = line.trim_start().strip_prefix(id).unwrap().trim_start();
            assert!(line.chars().count() <= width.parse().unwrap(), "{line}");
            match shown.strip_suffix('…') {
                None => assert_eq!(shown, full),
                Some(cut) => {
                    assert!(full.starts_with(cut), "{cut:?} / {full:?}");
                    let next = full[cut.len()..].chars().next().unwrap();
                    assert!(!next.is_alphanumeric(), "cut mid-word: {line}");
                }
            }
        }
    }
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
    // The chapeau frames the text: it is not a paragraph.
    assert_eq!(parts, ["preamble", "preamble", "operative", "operative"]);
    let ids: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["stdin:PP1", "stdin:PP2", "stdin:1", "stdin:2"]);
    assert_eq!(v["draft"], "stdin");
    assert_eq!(v["paragraphs"][2]["label"], "1");
    let text = accord()
        .args(["review", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("Review of stdin (4 paragraphs: 2 preambular, 2 operative)"),
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

// ---------------------------------------------------------------------------
// Written reviews: `-o FILE` in Markdown, HTML and Word.

const DATE: &str = "2026-11-23";
const DRAFT: &str = "examples/draft-declaration.md";

/// Runs `accord review DRAFT -o DIR/NAME --date DATE [extra]` and returns
/// the file's bytes, checking that it succeeded with nothing on stdout and
/// one `wrote` line on stderr.
fn written(dir: &std::path::Path, name: &str, extra: &[&str]) -> Vec<u8> {
    let path = dir.join(name);
    let out = common::output_with_status(
        accord()
            .args(["review", DRAFT, "-o"])
            .arg(&path)
            .args(["--date", DATE])
            .args(extra),
        0,
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("wrote {} (", path.display()))
            && stderr.contains("abudhabi-draft, 17 paragraphs (2 verbatim, 10 adapted, 5 new), 7 of 15 recommendations reflected")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    std::fs::read(&path).unwrap()
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

/// `review DRAFT --format json`: the facts every written review is checked against.
fn example_json() -> Value {
    review_json(&[DRAFT])
}

/// A paragraph's heading: its citation, and the draft's own number when
/// the citation does not show it.
fn heading(p: &Value) -> String {
    let id = p["id"].as_str().unwrap();
    match p["label"].as_str() {
        Some(l) if !id.ends_with(&l.replace(' ', "")) => format!("{id} (numbered {l})"),
        _ => id.to_string(),
    }
}

/// The labelled counts of the summary, from the JSON totals.
fn count_rows(t: &Value) -> Vec<(&'static str, String)> {
    let n = |k: &str| t[k].as_u64().unwrap();
    vec![
        ("Paragraphs", n("paragraphs").to_string()),
        ("Preambular", n("preamble").to_string()),
        ("Operative", n("operative").to_string()),
        ("Verbatim", n("verbatim").to_string()),
        ("Adapted", n("adapted").to_string()),
        ("New", n("new").to_string()),
        ("Words", n("words").to_string()),
        (
            "Words from precedent",
            format!(
                "{} ({:.0}%)",
                n("words_from_precedent"),
                t["share_from_precedent"].as_f64().unwrap() * 100.0
            ),
        ),
        ("Recommendations checked", n("recommendations").to_string()),
        ("Reflected", n("reflected").to_string()),
        (
            "Left out",
            (n("recommendations") - n("reflected")).to_string(),
        ),
    ]
}

/// The left-out recommendations of the JSON, in order.
fn left_out(v: &Value) -> Vec<String> {
    v["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect()
}

/// Both citation styles of a unit, as the written review gives them.
fn both(citation: &str) -> String {
    let lib = accord::Library::new(accord::corpus::Corpus::seeds());
    let u = lib.unit(citation).unwrap();
    format!("{} — {}", u.un_style(), u.id)
}

/// Positions of `needles` in `hay`, asserting each is there.
fn positions(hay: &str, needles: &[String]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| {
            hay.find(n.as_str())
                .unwrap_or_else(|| panic!("missing {n}"))
        })
        .collect()
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn markdown_review_has_every_section_paragraph_citation_and_count() {
    let dir = tempfile::tempdir().unwrap();
    let md = utf8(written(dir.path(), "review.md", &[]));
    let v = example_json();

    assert!(md.starts_with("# Review of abudhabi-draft\n"));
    assert!(md.contains(&format!(
        "Review of 23 November 2026 ({DATE}), written by accord {}. Matching: wording alone; no sentence-embedding model was used, so a provision restated in other words may be missed. Thresholds: a paragraph is adapted when its best precedent scores at least 0.35, and verbatim when at least 95% of its text and that precedent's is the same; a recommendation is reflected when a paragraph scores at least 0.25 against it.",
        env!("CARGO_PKG_VERSION")
    )));
    // Sections in order.
    let sections: Vec<String> = [
        "\n## Documents\n",
        "\n## Summary\n",
        "\n## Paragraphs\n",
        "\n### Preamble (4)\n",
        "\n### Operative (13)\n",
        "\n## Uptake of recommendations\n",
        "\n### Left out (8)\n",
        "\n### Reflected (7)\n",
    ]
    .map(String::from)
    .to_vec();
    let at = positions(&md, &sections);
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // The draft and each precedent document, with title, meeting, date and authority.
    assert!(md.contains("- **abudhabi-draft**: Illustrative draft declaration of the Fifteenth Congress (for testing accord review) (17 units; authority: negotiated)"));
    assert!(md.contains("- **rpm2019**: Report of the Asia and Pacific Regional Preparatory Meeting for the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice · Asia and Pacific Regional Preparatory Meeting for the Fourteenth Congress · Bangkok · 2019-01-24 (138 units; authority: report)"));
    for d in v["against"].as_array().unwrap() {
        assert!(
            md.contains(&format!("\n- **{}**: ", d.as_str().unwrap())),
            "{d}"
        );
    }
    assert!(md.contains("- **thematic2021-2024**: "));
    assert!(md.contains("authority: chair's summary)"));

    // Counts as the JSON has them, and the sentences built from them.
    for (label, n) in count_rows(&v["totals"]) {
        assert!(md.contains(&format!("\n- {label}: {n}\n")), "{label}: {n}");
    }
    assert!(md.contains("abudhabi-draft has 17 paragraphs, 4 preambular and 13 operative: 2 take a precedent's words verbatim, 10 adapt a precedent and 5 are new. 73% of its words (347 of 474) are kept from precedent."));

    // Every paragraph in order, each with its facts and precedents in both styles.
    let paras = v["paragraphs"].as_array().unwrap();
    let headings: Vec<String> = paras
        .iter()
        .map(|p| {
            format!(
                "\n#### {}\n\n- {}, {};",
                heading(p),
                p["part"].as_str().unwrap(),
                p["class"].as_str().unwrap()
            )
        })
        .collect();
    let at = positions(&md, &headings);
    assert!(at.windows(2).all(|w| w[0] < w[1]), "paragraphs in order");
    for p in paras {
        for (i, x) in p["precedents"].as_array().unwrap().iter().enumerate() {
            let line = format!(
                "- Precedent {}: {} — {}; score {:.3}, {}\n",
                i + 1,
                x["un_citation"].as_str().unwrap(),
                x["citation"].as_str().unwrap(),
                x["score"].as_f64().unwrap(),
                x["authority"].as_str().unwrap()
            );
            assert!(md.contains(&line), "{line}");
        }
        if p["class"] != "new" {
            let best = p["precedents"][0]["citation"].as_str().unwrap();
            assert!(
                md.contains(&format!("Redline against {}:\n", both(best))),
                "{best}"
            );
        }
    }
    assert_eq!(md.matches("\nNew language:\n").count(), 5);
    assert!(
        md.contains("- Precedent 1: rpm2019, para. 13 (c) — rpm2019:13(c); score 1.000, report")
    );
    // Redlines, strength and brackets.
    assert!(md.contains("> ~~Strengthen~~**We commit to strengthen** the role of the Commission"));
    assert!(md.contains(
        "- Drafting strength: verb: Strengthen -> We commit to; qualifier: + as appropriate (weaker)\n"
    ));
    assert!(md.contains("- Bracket \\[strengthen / enhance\\]: “enhance” → rpm2025-item4, para. 12 (a) — rpm2025-item4:12(a), score 0.56\n"));
    assert!(md.contains("- Bracket \\[, as appropriate\\]: (dropped) → "));

    // Uptake: the left-out list in the JSON's order, each with its text;
    // the reflected ones with the paragraph and score.
    let uptake = &md[md.find("\n## Uptake of recommendations\n").unwrap()..];
    let left: Vec<String> = left_out(&v)
        .iter()
        .map(|c| format!("\n#### {}\n", both(c)))
        .collect();
    let at = positions(uptake, &left);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(uptake.matches("\n#### ").count(), left.len());
    assert!(uptake
        .contains("> Develop guidelines to promote coordination and a harmonized understanding"));
    for u in v["uptake"].as_array().unwrap() {
        if let Some(p) = u["reflected_in"].as_str() {
            let para = paras.iter().find(|x| x["id"] == p).unwrap();
            let line = format!(
                "- {}: in {}, score {:.3}\n",
                both(u["recommendation"].as_str().unwrap()),
                heading(para),
                u["score"].as_f64().unwrap()
            );
            assert!(uptake.contains(&line), "{line}");
        }
    }
}

#[test]
fn html_review_is_self_contained_with_contents_legend_and_redlines() {
    let dir = tempfile::tempdir().unwrap();
    let html = utf8(written(dir.path(), "review.html", &[]));
    let v = example_json();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<title>Review of abudhabi-draft</title>"));
    assert!(html.contains("<nav class=\"toc\""));
    assert!(html.contains("class=\"legend\">Legend: <del>deleted</del>"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("href=\"http"));
    assert!(html.contains("default-src 'none'"));
    for (label, n) in count_rows(&v["totals"]) {
        assert!(
            html.contains(&format!(
                "<tr><th>{label}</th><td class=\"n\">{n}</td></tr>"
            )),
            "{label}"
        );
    }
    // Every paragraph, in the contents and in the text, in order.
    let paras = v["paragraphs"].as_array().unwrap();
    let toc: Vec<String> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<li><a href=\"#p{}\">{}</a> <span class=\"rel {2}\">{2}</span></li>",
                i + 1,
                heading(p),
                p["class"].as_str().unwrap()
            )
        })
        .collect();
    let at = positions(&html, &toc);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    let heads: Vec<String> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<article class=\"provision\" id=\"p{}\">\n<h4><span class=\"cite-id\">{}</span> <span class=\"rel {2}\">{2}</span></h4>\n<dl class=\"meta\">\n<dt>Part</dt><dd>{3}</dd>",
                i + 1,
                heading(p),
                p["class"].as_str().unwrap(),
                p["part"].as_str().unwrap()
            )
        })
        .collect();
    let at = positions(&html, &heads);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    assert!(html.contains("<li>rpm2025-item4, para. 12 (b) — <span class=\"cite-id\">rpm2025-item4:12(b)</span>; score 1.000, report</li>"));
    assert!(html.contains("<del>Strengthen</del><ins>We commit to strengthen</ins> the role"));
    assert!(html.contains(
        "<dt>Drafting strength</dt><dd class=\"strength\">verb: Establish -&gt; We will</dd>"
    ));
    let uptake = &html[html.find("<section id=\"uptake\">").unwrap()..];
    let left: Vec<String> = left_out(&v)
        .iter()
        .map(|c| {
            let (un, id) = both(c)
                .split_once(" — ")
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap();
            format!("<h4>{un} — <span class=\"cite-id\">{id}</span></h4>")
        })
        .collect();
    let at = positions(uptake, &left);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(uptake.matches("<h4>").count(), left.len());
}

#[test]
fn word_review_has_tracked_changes_headings_and_fixed_dates() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = written(dir.path(), "review.docx", &[]);
    let v = example_json();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2026, 11, 23, 0));
    }
    let xml = docx_part(&bytes, "word/document.xml");
    let stamp = "w:author=\"accord\" w:date=\"2026-11-23T00:00:00Z\"";
    let ins = xml.matches("<w:ins ").count();
    let del = xml.matches("<w:del ").count();
    // Every adapted paragraph has both; every new one is one insertion.
    assert!(
        ins >= 10 + 6 && del >= 10,
        "{ins} insertions, {del} deletions"
    );
    assert_eq!(
        xml.matches(stamp).count(),
        ins + del,
        "every revision by accord, dated"
    );
    for chunk in xml.split("<w:del ").skip(1) {
        let inside = &chunk[..chunk.find("</w:del>").unwrap()];
        assert!(
            !inside.contains("<w:t") && inside.contains("<w:delText"),
            "{inside}"
        );
    }
    assert!(xml.contains(r#"<w:delText xml:space="preserve">Strengthen</w:delText>"#));
    assert!(xml.contains(r#"<w:t xml:space="preserve">We commit to strengthen</w:t>"#));
    // New language is one tracked insertion, whole.
    assert!(xml.contains(r#"<w:t xml:space="preserve">We decide to publish an annual almanac of proverbs about honesty collected from schoolchildren;</w:t></w:r></w:ins>"#));
    // Headings in Word's styles: sections, parts, each paragraph and each left-out recommendation.
    let heading_text = |style: &str, text: &str| {
        format!(
            "<w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t>"
        )
    };
    for (style, text) in [
        ("Title", "Review of abudhabi-draft".to_string()),
        ("Heading1", "Documents".into()),
        ("Heading1", "Summary".into()),
        ("Heading1", "Paragraphs".into()),
        ("Heading2", "Preamble (4)".into()),
        ("Heading2", "Operative (13)".into()),
        ("Heading1", "Uptake of recommendations".into()),
        ("Heading2", "Left out (8)".into()),
        ("Heading2", "Reflected (7)".into()),
    ] {
        assert!(xml.contains(&heading_text(style, &text)), "{style} {text}");
    }
    let paras = v["paragraphs"].as_array().unwrap();
    let heads: Vec<String> = paras
        .iter()
        .map(|p| heading_text("Heading3", &heading(p)))
        .collect();
    let at = positions(&xml, &heads);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    let left: Vec<String> = left_out(&v)
        .iter()
        .map(|c| heading_text("Heading3", &both(c)))
        .collect();
    let at = positions(&xml, &left);
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(
        xml.matches("<w:pStyle w:val=\"Heading3\"/>").count(),
        paras.len() + left.len()
    );
    let styles = docx_part(&bytes, "word/styles.xml");
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
    ] {
        assert!(styles.contains(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>")));
    }
    // Precedents in both styles; counts as the JSON has them.
    assert!(xml.contains("Precedent 1: </w:t></w:r><w:r><w:t xml:space=\"preserve\">rpm2025-item4, para. 12 (f) — rpm2025-item4:12(f); score 0.759, report"));
    for (label, n) in count_rows(&v["totals"]) {
        assert!(
            xml.contains(&format!(">{label}</w:t>")) && xml.contains(&format!(">{n}</w:t>")),
            "{label}: {n}"
        );
    }
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Review of abudhabi-draft</dc:title>"));
    assert!(core.contains(">2026-11-23T00:00:00Z</dcterms:modified>"));
}

/// A draft whose title and text try to inject markup.
const HOSTILE: &str = "---\ntitle: Draft <script>alert('t')</script>\n---\n\n\
Recalling <script>alert(1)</script> the Kyoto Declaration,\n\n\
1. Strengthen the role of the Commission on Crime Prevention and Criminal Justice \"><img src=x onerror=alert(1)> in continuing to advance discussions on the relationship between the rule of law, crime prevention and criminal justice and the 2030 Agenda;\n\n\
2. # Not a heading | pipe ~~strike~~ `code` _under_ & more\n";

/// `accord review - -o DIR/NAME < HOSTILE`.
fn hostile(dir: &std::path::Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let out = accord()
        .args(["review", "-", "--date", DATE, "-o"])
        .arg(&path)
        .write_stdin(HOSTILE)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("stdin, 3 paragraphs (0 verbatim, 1 adapted, 2 new)"));
    std::fs::read(path).unwrap()
}

#[test]
fn a_hostile_draft_from_stdin_renders_as_text_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let html = utf8(hostile(dir.path(), "r.html"));
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("<h1>Review of the draft stdin</h1>"));
    assert!(html.contains(
        "<ins>Recalling &lt;script&gt;alert(1)&lt;/script&gt; the Kyoto Declaration,</ins>"
    ));
    // In a redline too.
    assert!(
        html.contains("<ins>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; </ins>"),
        "{html}"
    );
    assert!(html.contains("Draft &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));

    let md = utf8(hostile(dir.path(), "r.md"));
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "unescaped < at {i}: {md}");
    }
    assert!(md.contains(r"\# Not a heading \| pipe \~\~strike\~\~ \`code\` \_under\_ \& more"));
    // In a redline: the `<` escaped, the insertion in bold.
    assert!(
        md.contains(r#"Criminal Justice **">\<img src=x onerror=alert(1)>** in continuing"#),
        "{md}"
    );

    let docx = hostile(dir.path(), "r.docx");
    let xml = docx_part(&docx, "word/document.xml");
    assert!(!xml.contains("<script") && !xml.contains("<img"), "{xml}");
    assert!(xml.contains("Recalling &lt;script&gt;alert(1)&lt;/script&gt; the Kyoto"));
    assert!(xml.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(docx_part(&docx, "docProps/core.xml")
        .contains("<dc:title>Review of the draft stdin</dc:title>"));
}

#[test]
fn the_same_date_gives_the_same_bytes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["review.md", "review.html", "review.docx"] {
        let a = written(dir.path(), name, &[]);
        let b = written(dir.path(), &format!("again-{name}"), &[]);
        assert!(a == b, "{name} differs between runs");
    }
    // The date is part of the content: another date, other bytes.
    let other = dir.path().join("other.docx");
    accord()
        .args(["review", DRAFT, "--date", "2026-11-24", "-o"])
        .arg(&other)
        .assert()
        .success();
    assert!(
        std::fs::read(other).unwrap() != std::fs::read(dir.path().join("review.docx")).unwrap()
    );
}

#[test]
fn text_and_json_can_be_written_to_a_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let json: Value = serde_json::from_slice(&written(dir.path(), "review.json", &[])).unwrap();
    assert_eq!(json, example_json());
    // Text in a file never has colour codes, and --format wins over the extension.
    let text = utf8(written(
        dir.path(),
        "review.md",
        &["--format", "text", "--color", "always"],
    ));
    assert!(
        text.starts_with("Review of abudhabi-draft (17 paragraphs: 4 preambular, 13 operative)")
    );
    assert!(!text.contains('\u{1b}'));
    let text = utf8(written(dir.path(), "review.txt", &[]));
    assert!(text.starts_with("Review of abudhabi-draft"));
}

#[test]
fn written_reviews_go_to_standard_output_on_request() {
    let run = |args: &[&str]| {
        let out = accord()
            .args(["review", DRAFT, "--date", DATE])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "no 'wrote' line on stdout");
        out.stdout
    };
    assert!(run(&["-o", "-"]).starts_with(b"# Review of abudhabi-draft\n"));
    assert!(run(&["--format", "html"]).starts_with(b"<!DOCTYPE html>"));
    assert!(run(&["--format", "md"]).starts_with(b"# Review of abudhabi-draft"));
    // A Word file goes to standard output when it is not a terminal, as here.
    let docx = run(&["-o", "-", "--format", "docx"]);
    assert!(docx.starts_with(b"PK\x03\x04"));
    assert!(docx_part(&docx, "word/document.xml").contains("<w:del "));
    // Without -o, text as before.
    assert!(run(&[]).starts_with(b"Review of abudhabi-draft (17 paragraphs"));
}

#[test]
fn refuses_what_it_cannot_do_with_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let fails = |args: &[&str], expect: &str| {
        let out = accord().arg("review").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    };
    let missing = dir.path().join("no/such/folder/review.html");
    fails(
        &[DRAFT, "-o", missing.to_str().unwrap()],
        "does not exist; create it first",
    );
    let pdf = dir.path().join("review.pdf");
    fails(
        &[DRAFT, "-o", pdf.to_str().unwrap()],
        "cannot tell the review format from",
    );
    let md = dir.path().join("review.md");
    fails(
        &[DRAFT, "-o", md.to_str().unwrap(), "--date", "2026-02-30"],
        "--date '2026-02-30' is not a date YYYY-MM-DD",
    );
    fails(
        &[DRAFT, "--format", "md", "-o", dir.path().to_str().unwrap()],
        "it is a directory",
    );
    // The target is checked before the draft is read.
    fails(
        &["nowhere.md", "-o", pdf.to_str().unwrap()],
        "cannot tell the review format",
    );
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written"
    );
}

#[test]
fn a_word_review_is_not_written_to_a_terminal() {
    use accord::cli::{dispatch, Command as Cmd, Config, ReviewFormat};
    let lib = accord::Library::new(accord::corpus::Corpus::seeds());
    let run = |stdout_tty: bool, output: Option<&str>| {
        let config = Config {
            color: false,
            width: 80,
            progress: false,
            stdout_tty,
        };
        let cmd = Cmd::Review {
            draft: DRAFT.into(),
            against: None,
            uptake: None,
            output: output.map(std::path::PathBuf::from),
            format: Some(ReviewFormat::Docx),
            date: Some(DATE.into()),
            any_date: false,
            include_procedural: false,
        };
        let mut out = Vec::new();
        dispatch(&lib, cmd, &config, &mut out).map(|_| out)
    };
    for output in [None, Some("-")] {
        let err = run(true, output).unwrap_err().to_string();
        assert!(
            err.starts_with("refusing to write a Word file to a terminal"),
            "{err}"
        );
        assert!(run(false, output).unwrap().starts_with(b"PK\x03\x04"));
    }
}

#[test]
fn markdown_review_snapshot() {
    let out = accord()
        .args(["review", DRAFT, "-o", "-", "--date", DATE])
        .output()
        .unwrap();
    let md = utf8(out.stdout).replace(env!("CARGO_PKG_VERSION"), "VERSION");
    insta::assert_snapshot!("review_draft_declaration_md", md);
}

#[test]
fn a_bracket_left_open_is_said_not_passed_over() {
    let draft = "We, the Ministers,\n\n1. We will [strengthen / enhance] cooperation [at all levels;\n\n2. We will act] now.\n";
    // Text: a warning on stderr for each, and one under its paragraph.
    let out = accord()
        .args(["review", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    assert!(out.status.success());
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("accord: warning: "))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("stdin:1: unclosed '[' in “…will [strengthen / enhance] cooperation [at all levels;”: the text after it is read as plain text"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("stdin:2: ']' with no opening '['"),
        "{stderr}"
    );
    assert_eq!(stdout.matches("  warning: ").count(), 2, "{stdout}");
    // The closed bracket before the open one is still checked.
    assert!(
        stdout.contains("bracket [strengthen / enhance]"),
        "{stdout}"
    );
    // JSON: where, what and around it.
    let out = accord()
        .args(["review", "-", "--format", "json"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let u = &v["paragraphs"][0]["unmatched_brackets"];
    assert_eq!(u.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(u[0]["mark"], "[");
    let text = v["paragraphs"][0]["text"].as_str().unwrap();
    assert_eq!(&text[u[0]["at"].as_u64().unwrap() as usize..][..1], "[");
    assert_eq!(v["paragraphs"][1]["unmatched_brackets"][0]["mark"], "]");
    // A written review says it in its summary.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    let out = accord()
        .args(["review", "-", "-o"])
        .arg(&path)
        .write_stdin(draft)
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(
        md.contains("Brackets without a partner were read as plain text"),
        "{md}"
    );
}
