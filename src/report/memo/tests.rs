use super::*;
use crate::align::AlignOptions;
use crate::corpus::Corpus;
use crate::diff::compare;

fn date() -> MemoDate {
    MemoDate::parse("2025-06-30").unwrap()
}

/// What a test checks a memo against, taken from the comparison.
struct Facts {
    summary: crate::align::Summary,
    strength: usize,
    with_precedent: usize,
    new_units: usize,
    dropped_units: Vec<crate::parse::Citation>,
}

fn memo_of(lib: &Library, old: &str, new: &str, only_changed: bool) -> (Memo, Facts) {
    let al = lib.align(old, new, &AlignOptions::default()).unwrap();
    let (o, n) = (lib.side_units(old).unwrap(), lib.side_units(new).unwrap());
    let cmp = compare(&al, &o, &n);
    let terms = lib
        .terms(old, new, &crate::analysis::TermsOptions::default())
        .unwrap();
    let opts = MemoOptions {
        only_changed,
        terms: Some(Terms::from(&terms)),
        ..MemoOptions::new(date())
    };
    let facts = Facts {
        dropped_units: al.dropped_units.clone(),
        summary: cmp.summary,
        strength: cmp.pairs.iter().map(|p| p.strength.len()).sum(),
        with_precedent: cmp.pairs.len(),
        new_units: cmp.new_units.len(),
    };
    (build(&cmp, lib, &opts), facts)
}

#[test]
fn counts_and_strength_come_from_the_comparison() {
    let lib = Library::new(Corpus::seeds());
    let (m, facts) = memo_of(&lib, "2019", "2025", false);
    let s = facts.summary;
    assert_eq!(
        (
            m.counts.identical,
            m.counts.reworded,
            m.counts.related,
            m.counts.new,
            m.counts.dropped
        ),
        (s.identical, s.reworded, s.related, s.new, s.dropped)
    );
    assert_eq!(m.counts.strength_changes, facts.strength);
    assert_eq!(m.strength.len(), facts.strength);
    // Provisions: units but chapeaux of lists and procedural units; the
    // counts add up.
    let (old, new) = (
        lib.side_units("2019").unwrap(),
        lib.side_units("2025").unwrap(),
    );
    let substance = |units: &[&crate::parse::Unit]| {
        units
            .iter()
            .filter(|u| !u.role.is_boilerplate() && !u.role.is_procedural())
            .count()
    };
    assert_eq!(m.counts.old_units, substance(&old));
    assert_eq!(m.counts.new_units, substance(&new));
    assert_eq!(
        m.counts.new_units,
        s.identical + s.reworded + s.related + s.new
    );
    assert!(s.procedural() > 0 && s.boilerplate() > 0);
    assert_eq!(m.counts.procedural, s.procedural());
    assert_eq!(
        m.counts.boilerplate,
        old.len() + new.len() - substance(&old) - substance(&new) - s.procedural()
    );
    // The dropped section lists every older unit without successor, a
    // chapeau included; the count is of provisions.
    let dropped_chapeaux = facts
        .dropped_units
        .iter()
        .filter(|c| lib.unit(&c.to_string()).unwrap().role.is_boilerplate())
        .count();
    assert_eq!(m.dropped_count(), s.dropped + dropped_chapeaux);
    assert_eq!(m.old_names(), "rpm2019");
    assert_eq!(m.new_names(), "rpm2025-item4, rpm2025-item5b");
    assert_eq!(m.version, env!("CARGO_PKG_VERSION"));
}

#[test]
fn every_newer_unit_is_listed_once_in_document_order() {
    let lib = Library::new(Corpus::seeds());
    let (m, facts) = memo_of(&lib, "2019", "2025", false);
    let listed: Vec<&str> = m
        .topics
        .iter()
        .flat_map(|t| {
            t.provisions
                .iter()
                .map(|p| p.new.id.as_str())
                .chain(t.new_units.iter().map(|e| e.cite.id.as_str()))
        })
        .collect();
    assert_eq!(listed.len(), facts.with_precedent + facts.new_units);
    assert_eq!(m.listed(), listed.len());
    let mut unique = listed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), listed.len());
    // Topics follow the newer side's order: the first unit of each topic
    // comes after the first unit of the topic before it.
    let order: Vec<String> = lib
        .side_units("2025")
        .unwrap()
        .iter()
        .map(|u| u.id.to_string())
        .collect();
    let pos = |id: &str| order.iter().position(|o| o == id).unwrap();
    let firsts: Vec<usize> = m
        .topics
        .iter()
        .map(|t| {
            t.provisions
                .iter()
                .map(|p| pos(&p.new.id))
                .chain(t.new_units.iter().map(|e| pos(&e.cite.id)))
                .min()
                .unwrap()
        })
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    // Each topic holds only units under its own heading path.
    for t in &m.topics {
        for p in &t.provisions {
            assert_eq!(lib.unit(&p.new.id).unwrap().section, t.path);
        }
    }
}

#[test]
fn only_changed_hides_verbatim_provisions_but_counts_them() {
    let lib = Library::new(Corpus::seeds());
    // One report against itself and another: half carried verbatim.
    let (all, _) = memo_of(&lib, "rpm2025-item4", "2025", false);
    let (changed, _) = memo_of(&lib, "rpm2025-item4", "2025", true);
    assert!(all.counts.identical > 0, "{:?}", all.counts);
    assert_eq!(all.counts, changed.counts);
    let hidden: usize = changed.topics.iter().map(|t| t.hidden_identical).sum();
    // The verbatim provisions, and the chapeaux of lists carried verbatim
    // (shown with them, counted apart).
    assert!(
        hidden >= all.counts.identical && hidden - all.counts.identical <= all.counts.boilerplate,
        "{hidden} {:?}",
        all.counts
    );
    assert_eq!(changed.listed() + hidden, all.listed());
    assert!(changed
        .topics
        .iter()
        .flat_map(|t| &t.provisions)
        .all(|p| p.relation != Relation::Identical));
}

#[test]
fn summary_sentences_state_the_counts_and_cite_their_examples() {
    let lib = Library::new(Corpus::seeds());
    let (m, _) = memo_of(&lib, "2019", "2025", false);
    assert!((3..=6).contains(&m.sentences.len()), "{:?}", m.sentences);
    let c = m.counts;
    let first = &m.sentences[0];
    assert!(
        first.starts_with(&format!(
            "Of the {} provisions of rpm2025-item4, rpm2025-item5b, {} carry over earlier language from rpm2019: {} verbatim, {} reworded and {} only related; {} are new.",
            c.new_units,
            c.identical + c.reworded + c.related,
            c.identical,
            c.reworded,
            c.related,
            c.new
        )),
        "{first}"
    );
    assert!(m.sentences[1].starts_with(&format!(
        "{} of the {} provisions of rpm2019",
        c.dropped, c.old_units
    )));
    // Chapeaux of lists and procedural units are said, not counted.
    assert_eq!(
        m.sentences[2],
        format!(
            "Not counted above: {} chapeaux of lists (boilerplate such as “The following recommendations … were identified:”, shown with their precedent when they have one); {} procedural units (agenda, attendance, election of officers, adoption of the report), set apart from the alignment.",
            c.boilerplate, c.procedural
        )
    );
    assert!(m.sentences[3].starts_with(&format!(
        "Drafting strength changed {} times in {} provisions",
        c.strength_changes, c.strength_provisions
    )));
    // The example names both provisions in UN style.
    let example = &m.sentences[3];
    // It is the first replaced operative verb.
    let s = m
        .strength
        .iter()
        .find(|s| {
            s.change.kind == StrengthKind::Verb && s.change.old.is_some() && s.change.new.is_some()
        })
        .unwrap();
    assert!(
        example.ends_with(&format!("; for example, {}.", strength_sentence(s))),
        "{example}"
    );
    assert!(
        example.contains(&s.new.un) && example.contains(&s.old.un),
        "{example}"
    );
}

#[test]
fn strength_sentences_cover_every_shape() {
    let item = |kind, old: Option<&str>, new: Option<&str>| StrengthItem {
        old: Cite {
            id: "a:1".into(),
            un: "a, para. 1".into(),
        },
        new: Cite {
            id: "b:2".into(),
            un: "b, para. 2".into(),
        },
        change: StrengthChange {
            kind,
            old: old.map(String::from),
            new: new.map(String::from),
            direction: None,
        },
    };
    assert_eq!(
        strength_sentence(&item(
            StrengthKind::Verb,
            Some("Support"),
            Some("Collaborate with")
        )),
        "b, para. 2 opens with “Collaborate with” where a, para. 1 opened with “Support”"
    );
    assert_eq!(
        strength_sentence(&item(StrengthKind::Modal, Some("should"), Some("shall"))),
        "b, para. 2 has the modal “shall” where a, para. 1 had “should”"
    );
    assert_eq!(
        strength_sentence(&item(StrengthKind::Qualifier, None, Some("as appropriate"))),
        "b, para. 2 adds the qualifier “as appropriate” to a, para. 1"
    );
    assert_eq!(
        strength_sentence(&item(StrengthKind::Qualifier, Some("upon request"), None)),
        "b, para. 2 drops the qualifier “upon request” of a, para. 1"
    );
}

#[test]
fn no_strength_change_and_singular_counts_read_right() {
    let lib = Library::new(Corpus::seeds());
    let (m, _) = memo_of(&lib, "rpm2025-item4", "rpm2025-item4", false);
    assert_eq!(m.counts.new, 0);
    assert_eq!(m.counts.dropped, 0);
    assert_eq!(m.sentences.len(), 4, "{:?}", m.sentences);
    assert!(m.sentences[2].starts_with("Not counted above: 2 chapeaux of lists"));
    assert!(m.sentences[3].starts_with("No change of drafting strength"));
    assert!(m.sentences[0].ends_with("0 are new."), "{}", m.sentences[0]);
}

#[test]
fn terms_are_carried_when_given() {
    let lib = Library::new(Corpus::seeds());
    let al = lib
        .align(
            "congress2021-item4",
            "rpm2025-item5b",
            &AlignOptions::default(),
        )
        .unwrap();
    let (o, n) = (
        lib.side_units("congress2021-item4").unwrap(),
        lib.side_units("rpm2025-item5b").unwrap(),
    );
    let cmp = compare(&al, &o, &n);
    let terms = Terms {
        emerging: vec![TermCount {
            phrase: "artificial intelligence".into(),
            new_count: 3,
            old_count: 0,
        }],
        fading: vec![],
    };
    let opts = MemoOptions {
        terms: Some(terms.clone()),
        ..MemoOptions::new(date())
    };
    let m = build(&cmp, &lib, &opts);
    assert_eq!(m.terms, Some(terms));
    assert!(build(&cmp, &lib, &MemoOptions::new(date())).terms.is_none());
}

#[test]
fn short_titles_add_parents_only_to_tell_recurring_headings_apart() {
    let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let a = p(&[
        "II. Conclusions",
        "1. Crime prevention strategies",
        "Summary of deliberations",
    ]);
    let b = p(&[
        "II. Conclusions",
        "2. Integrated approaches",
        "Summary of deliberations",
    ]);
    let c = p(&["II. Conclusions", "C. Other issues"]);
    let long = p(&[
        "A. Main theme of the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice",
        "Outcome",
    ]);
    let long2 = p(&["B. Substantive items", "Outcome"]);
    let paths: Vec<(&str, &[String])> = vec![
        ("doc", &a),
        ("doc", &b),
        ("doc", &c),
        // The same path again (a second run of dropped units) is not another heading.
        ("doc", &c),
        ("doc", &long),
        ("doc", &long2),
        // Another document's headings do not count.
        ("other", &a),
        ("doc", &[]),
    ];
    assert_eq!(
        short_titles(&paths),
        [
            "1. Crime prevention strategies › Summary of deliberations",
            "2. Integrated approaches › Summary of deliberations",
            "C. Other issues",
            "C. Other issues",
            "A. Main theme of the Fourteenth United Nations Congress on… › Outcome",
            "B. Substantive items › Outcome",
            "Summary of deliberations",
            "(before the first heading)",
        ]
    );
}
