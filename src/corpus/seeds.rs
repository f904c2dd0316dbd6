//! The default corpus: the five source documents, embedded at build time
//! from `seeds/` so the installed binary needs no files around it. Each
//! seed carries its metadata in a front-matter block, exactly as a user
//! document would.

use super::{Document, Origin};

/// File name and text of every seed, in time order.
pub(super) const SEEDS: [(&str, &str); 5] = [
    ("rpm2019.md", include_str!("../../seeds/rpm2019.md")),
    (
        "congress2021-item4.md",
        include_str!("../../seeds/congress2021-item4.md"),
    ),
    (
        "thematic2021-2024.md",
        include_str!("../../seeds/thematic2021-2024.md"),
    ),
    (
        "rpm2025-item4.md",
        include_str!("../../seeds/rpm2025-item4.md"),
    ),
    (
        "rpm2025-item5b.md",
        include_str!("../../seeds/rpm2025-item5b.md"),
    ),
];

/// The seed documents, parsed from their embedded text.
pub(super) fn documents() -> Vec<Document> {
    SEEDS
        .iter()
        .map(|(file, text)| {
            let stem = file.trim_end_matches(".md");
            Document::from_text(stem, file, text, Origin::Seed).expect("seed front matter is valid")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Authority;

    #[test]
    fn seeds_carry_their_metadata() {
        let docs = documents();
        let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "rpm2019",
                "congress2021-item4",
                "thematic2021-2024",
                "rpm2025-item4",
                "rpm2025-item5b"
            ]
        );
        for (file, _) in SEEDS {
            let d = docs.iter().find(|d| file.starts_with(&d.meta.id)).unwrap();
            assert!(d.meta.title.is_some() && d.meta.date.is_some() && d.meta.year.is_some());
            assert!(d.meta.meeting.is_some() && d.meta.venue.is_some() && d.meta.kind.is_some());
        }
        let thematic = &docs[2];
        assert_eq!(thematic.meta.year, Some(2024));
        assert_eq!(thematic.meta.date.as_deref(), Some("2025-01-16"));
        assert_eq!(thematic.meta.authority, Some(Authority::ChairsSummary));
        assert!(!docs[0].body.starts_with("---"));
    }
}
