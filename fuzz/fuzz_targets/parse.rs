//! Fuzz target: arbitrary bytes through the same path as a user file
//! (`--doc FILE`): decode and check the text, read any front matter, take a
//! date from the text, then parse into units. Input the loader refuses
//! (binary, invalid UTF-8, empty, bad front matter) must be refused with an
//! error, never a panic; input it accepts must parse without panicking and
//! give units that satisfy the invariants below.
#![no_main]

use std::collections::HashSet;

use accord::corpus::{Document, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz", "fuzz.md", data, Origin::Stdin) else {
        return;
    };
    // The loader's own promises.
    assert!(!doc.body.trim().is_empty());
    assert!(!doc.body.contains('\r'));
    if let Some(date) = &doc.meta.date {
        assert!(date.len() >= 4, "date {date:?}");
    }

    let parsed = accord::parse::parse(&doc);
    assert_eq!(parsed.meta, doc.meta);

    let lines = doc.body.lines().count().max(1);
    let mut ids = HashSet::new();
    for unit in &parsed.units {
        // Unit ids are unique within the document and name it.
        assert!(ids.insert(unit.id.clone()), "duplicate unit id {}", unit.id);
        assert_eq!(unit.id.doc, doc.meta.id);
        // A citation prints in a form that reads back as itself.
        let printed = unit.id.to_string();
        assert_eq!(
            accord::parse::Citation::parse(&printed).as_ref(),
            Ok(&unit.id),
            "citation {printed} does not read back"
        );
        // Units point at a line of the body, counted in the file (front
        // matter included).
        assert!(
            (doc.body_line..doc.body_line + lines).contains(&unit.line),
            "unit {} at line {} of {lines}",
            unit.id,
            unit.line
        );
    }
    // Units come in document order.
    assert!(parsed.units.windows(2).all(|w| w[0].line <= w[1].line));

    // Conservation: every word of the body is in exactly one unit (label or
    // text), title or chapeau, heading, footnote or set-aside line.
    let lost = accord::parse::unaccounted_words(&doc.body, &parsed);
    assert!(lost.is_empty(), "words lost (+) or duplicated (-): {lost:?}");
});
