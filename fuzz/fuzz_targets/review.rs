//! Fuzz target: arbitrary bytes through `accord review FILE`'s path: load
//! the draft as a user file, read its paragraphs (preamble or operative,
//! brackets and their alternatives), then review them against a small
//! library. Nothing may panic; brackets must be read where they stand; the
//! alternatives checked per paragraph stay within the cap, and the rest are
//! counted, so that no input makes a review's work or memory explode.
#![no_main]

use std::sync::OnceLock;

use accord::corpus::{Corpus, Document, Origin};
use accord::Library;
use libfuzzer_sys::fuzz_target;

/// One built-in document as the precedents: enough to score against,
/// small enough for thousands of runs a second.
fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        let seeds = Corpus::seeds();
        let mut corpus = Corpus::new();
        let doc = seeds
            .documents()
            .iter()
            .find(|d| d.meta.id == "rpm2025-item4")
            .expect("seed rpm2025-item4")
            .clone();
        corpus.add(doc).expect("one document");
        Library::new(corpus)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("draft", "draft.md", data, Origin::Stdin) else {
        return;
    };
    let parsed = accord::parse::parse(&doc);
    let paragraphs = accord::review::draft_paragraphs(&parsed);
    assert_eq!(paragraphs.len(), parsed.units.len());
    for p in &paragraphs {
        for b in &p.brackets {
            // A bracket is read where it stands, brackets included.
            assert_eq!(p.unit.text.get(b.span.clone()), Some(b.raw.as_str()));
            assert!(b.raw.starts_with('[') && b.raw.ends_with(']'));
            // Options are the non-blank pieces between `/`; a bracket of
            // nothing (`[]`, `[ / ]`) offers none.
            let inner = &b.raw[1..b.raw.len() - 1];
            assert_eq!(
                b.options.is_empty(),
                inner.split('/').all(|o| o.trim().is_empty())
            );
        }
        // Every bracket is in a closed pair or said to have no partner.
        let marks = p.unit.text.matches(['[', ']']).count();
        let paired: usize = p.brackets.iter().map(|b| b.raw.matches(['[', ']']).count()).sum();
        let after_open = p
            .unmatched
            .iter()
            .find(|u| u.mark == '[')
            .map_or(0, |u| p.unit.text[u.at..].matches(['[', ']']).count());
        let stray = p.unmatched.iter().filter(|u| u.mark == ']').count();
        // Marks after an unclosed '[' are inside it (read as plain text).
        assert!(paired + stray + after_open >= marks);
        for u in &p.unmatched {
            assert_eq!(p.unit.text.get(u.at..u.at + 1), Some(u.mark.to_string().as_str()));
        }
    }
    let Ok(review) = accord::review::review(library(), "draft", &paragraphs, &Default::default())
    else {
        // Only an empty draft is refused.
        assert!(paragraphs.is_empty());
        return;
    };
    assert_eq!(review.paragraphs.len(), paragraphs.len());
    for (r, p) in review.paragraphs.iter().zip(&paragraphs) {
        let readings: usize = p.brackets.iter().map(|b| b.options.len()).sum();
        assert!(r.alternatives.len() <= accord::review::MAX_ALTERNATIVES);
        assert_eq!(r.alternatives.len() + r.alternatives_unchecked, readings);
        assert!(r.words_from_precedent <= r.words);
    }
});
