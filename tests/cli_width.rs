//! Every text renderer honours the width it is given (`COLUMNS`, or the
//! terminal's): no line of any command's text output is wider, at 40, 60,
//! 80 and 120 columns. `units` is exempt (tab-separated data for cut and
//! grep), as is a single word longer than a column of `--side-by-side`.

mod common;

use unicode_width::UnicodeWidthStr;

const COMMANDS: &[&[&str]] = &[
    &["docs"],
    &["show", "rpm2019:13(e)"],
    &["show", "rpm2025-item4"],
    &["align", "2019", "2025"],
    &["align", "2019", "2025", "--explain"],
    &["diff", "2019", "2025"],
    &["diff", "rpm2019:13(d)", "rpm2025-item4:12(g)"],
    &["evolve", "rpm2019:13(e)"],
    &["evolve", "rpm2019:44(d)"],
    &["evolve", "--all"],
    &["trace", "culture of lawfulness"],
    &["terms", "2019", "2025"],
    &["review", "examples/draft-declaration.md"],
];

fn widest(width: usize, args: &[&str]) -> (usize, String) {
    let out = common::accord_wording()
        .env("COLUMNS", width.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| (l.width(), l.to_string()))
        .max()
        .unwrap_or_default()
}

#[test]
fn no_line_is_wider_than_the_width_given() {
    let mut over = Vec::new();
    for width in [40, 60, 80, 120] {
        for args in COMMANDS {
            let (w, line) = widest(width, args);
            if w > width {
                over.push(format!("{width}: {args:?} has a line of {w}: {line}"));
            }
        }
    }
    assert!(over.is_empty(), "{}", over.join("\n"));
}

#[test]
fn side_by_side_columns_fit_the_width() {
    for width in [60, 80, 120] {
        let (w, line) = widest(width, &["diff", "2019", "2025", "--side-by-side"]);
        assert!(w <= width, "{width}: {w}: {line}");
    }
}

#[test]
fn a_narrow_docs_gives_each_title_whole() {
    let out = common::accord_wording()
        .env("COLUMNS", "60")
        .arg("docs")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The title of rpm2019 is 124 characters: none of it is cut.
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("Report of the Asia and Pacific Regional Preparatory Meeting for the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice"),
        "{text}"
    );
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn side_by_side_columns_meet_on_the_text_both_share() {
    for (old, new, phrase) in [
        (
            "rpm2019:13(d)",
            "rpm2025-item4:12(g)",
            "technical assistance",
        ),
        ("rpm2019:7", "rpm2025-item4:1", "efforts had been made"),
    ] {
        for width in ["80", "120"] {
            let out = common::accord_wording()
                .env("COLUMNS", width)
                .args(["diff", old, new, "--side-by-side"])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let rows: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once(" │")).collect();
            let row = |right: bool| {
                rows.iter().position(|(l, r)| {
                    if right {
                        r.contains(phrase)
                    } else {
                        l.contains(phrase)
                    }
                })
            };
            assert!(
                row(false).is_some(),
                "{width}: {phrase} not on the left:\n{text}"
            );
            assert_eq!(
                row(false),
                row(true),
                "{width}: {phrase} on different rows:\n{text}"
            );
        }
    }
}
