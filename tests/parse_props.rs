//! Property tests of the parser over arbitrary generated documents: numbers
//! in any order, restarts, inserted `bis` paragraphs, preambles and
//! chapeaux, annexes, stray markup, footnote markers, tables, blank-line
//! runs and text in several scripts.
//!
//! * Conservation: every word of the input is in exactly one unit (label
//!   or text), title or chapeau, heading, footnote or set-aside line.
//! * Citations: unit ids are unique in their document, and each prints and
//!   reads back as itself (canonical and UN style).
//!
//! 10,000 documents per run (set `PROPTEST_CASES` to change it).

use accord::corpus::{Document, Origin};
use accord::parse::{parse, unaccounted_words, Citation, UnitPath};
use proptest::prelude::*;

/// Words of several scripts, with accents, digits and joiners.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "cooperation",
            "Member",
            "States",
            "justice",
            "crime",
            "prevention",
            "the",
            "of",
            "and",
            "to",
            "strengthen",
            "victims",
            "Côte",
            "d’Ivoire",
            "régime",
            "multi-stakeholder",
            "2030",
            "A/RES/70/174",
            "1,000",
            "United",
            "Nations",
            "Office",
            "bis",
            "ter",
            "annex",
            "Annex",
            "II",
            "iv",
            "e",
            "a",
            "PP2",
            "ﬁnancing",
            "合作",
            "国际",
            "ความยุติธรรม",
            "правосудие",
            "العدالة",
        ])
        .prop_map(String::from),
        "[a-z]{1,8}",
        "[A-Z][a-z]{1,8}",
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..12),
        prop::sample::select(vec!["", ".", ",", ";", ":", " and", "-"]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// One line of a document, of any of the kinds the parser knows, or not.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1u32..25, sentence()).prop_map(|(n, s)| format!("{n}. {s}")),
        1 => (1u32..5, prop::sample::select(vec!["bis", "ter", "quater"]), sentence())
            .prop_map(|(n, l, s)| format!("{n} {l}. {s}")),
        2 => (prop::sample::select(vec!['a', 'b', 'c', 'd', 'i']), sentence())
            .prop_map(|(c, s)| format!("({c}) {s}")),
        1 => (prop::sample::select(vec!["ii", "iii", "iv"]), sentence())
            .prop_map(|(c, s)| format!("({c}) {s}")),
        2 => sentence().prop_map(|s| format!("- {s}")),
        4 => sentence(),
        1 => sentence().prop_map(|s| format!("Recalling {s},")),
        1 => sentence().prop_map(|s| format!("Deeply concerned by {s};")),
        1 => Just("We, the Ministers and Representatives of Member States,".to_string()),
        1 => Just("The General Assembly,".to_string()),
        1 => Just("Declare as follows:".to_string()),
        1 => prop::sample::select(vec!["Annex", "Annex II", "Draft resolution II", "Plan of action", "Appendix 3"])
            .prop_map(String::from),
        1 => sentence().prop_map(|s| format!("# {s}")),
        1 => sentence().prop_map(|s| format!("**{s}**")),
        1 => (sentence(), sentence()).prop_map(|(a, b)| format!("{a}**{b}**")),
        1 => (1u32..9, sentence()).prop_map(|(n, s)| format!("<sup>{n}</sup> {s}")),
        1 => (sentence(), 1u32..9).prop_map(|(s, n)| format!("{s}<sup>{n}</sup> more")),
        1 => sentence().prop_map(|s| format!("¹ {s}")),
        1 => (sentence(), sentence()).prop_map(|(a, b)| format!("{a} [{b}](#) *emphasis* <i>{a}</i>")),
        1 => (sentence(), 1u32..99).prop_map(|(s, n)| format!("{s}\t{n}")),
        1 => Just("---".to_string()),
        1 => Just("<sup>".to_string()),
        1 => Just("[unclosed".to_string()),
        3 => Just(String::new()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(10_000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_word_is_lost_and_citations_read_back(body in document()) {
        let Ok(doc) = Document::from_text("gen", "gen.md", &body, Origin::Stdin) else {
            // Blank documents are refused at loading, before parsing.
            return Ok(());
        };
        let parsed = parse(&doc);
        let lost = unaccounted_words(&doc.body, &parsed);
        prop_assert!(lost.is_empty(), "words lost (+) or duplicated (-): {:?}", lost);
        let mut seen = std::collections::HashSet::new();
        for u in &parsed.units {
            prop_assert!(seen.insert(u.id.to_string()), "duplicate id {}", u.id);
            let back = Citation::parse(&u.id.to_string()).unwrap();
            prop_assert_eq!(&back, &u.id);
            let un = UnitPath::parse(&u.id.path.un_style(false)).unwrap();
            prop_assert_eq!(&un, &u.id.path);
        }
    }
}
