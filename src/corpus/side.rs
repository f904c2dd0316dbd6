//! Sides: the documents on one side of a comparison, named by id, year,
//! comma list or `all`.

use super::{Corpus, CorpusError, Document};

/// One side of a comparison as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    spec: String,
}

impl Side {
    /// Wraps a side specification: a document id (`rpm2019`), a year
    /// (`2025`: every document of that year), a comma list of those, or
    /// `all`.
    pub fn new(spec: impl Into<String>) -> Side {
        Side { spec: spec.into() }
    }

    /// The specification as written.
    pub fn spec(&self) -> &str {
        &self.spec
    }

    /// The documents this side names, in corpus order, each once.
    pub fn resolve<'c>(&self, corpus: &'c Corpus) -> Result<Vec<&'c Document>, CorpusError> {
        let mut picked: Vec<&Document> = Vec::new();
        let items: Vec<&str> = self
            .spec
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.is_empty() {
            return Err(CorpusError::EmptySide(self.spec.clone()));
        }
        for item in items {
            let found: Vec<&Document> = if item.eq_ignore_ascii_case("all") {
                corpus.documents().iter().collect()
            } else if let Some(doc) = corpus.get(item) {
                vec![doc]
            } else if let Some(year) = parse_year(item) {
                let docs: Vec<&Document> = corpus
                    .documents()
                    .iter()
                    .filter(|d| d.meta.year == Some(year))
                    .collect();
                if docs.is_empty() {
                    let years = corpus_years(corpus);
                    return Err(CorpusError::NoDocOfYear { year, years });
                }
                docs
            } else {
                return Err(CorpusError::UnknownDoc {
                    name: item.to_string(),
                    suggestions: corpus.nearest_ids(item),
                });
            };
            for d in found {
                if !picked.iter().any(|p| p.meta.id == d.meta.id) {
                    picked.push(d);
                }
            }
        }
        // Corpus order, so that `b,a` and `a,b` mean the same side.
        picked.sort_by_key(|d| {
            corpus
                .documents()
                .iter()
                .position(|c| c.meta.id == d.meta.id)
        });
        Ok(picked)
    }
}

/// True when `s` is a side keyword: `all` (any case) or a four-digit
/// year. A document id may not be one.
pub fn is_keyword(s: &str) -> bool {
    s.eq_ignore_ascii_case("all") || parse_year(s).is_some()
}

fn parse_year(s: &str) -> Option<u16> {
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn corpus_years(corpus: &Corpus) -> String {
    let mut years: Vec<u16> = corpus
        .documents()
        .iter()
        .filter_map(|d| d.meta.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(side: &str) -> Vec<String> {
        let c = Corpus::seeds();
        Side::new(side)
            .resolve(&c)
            .unwrap()
            .iter()
            .map(|d| d.meta.id.clone())
            .collect()
    }

    #[test]
    fn years_ids_lists_and_all() {
        assert_eq!(ids("2025"), ["rpm2025-item4", "rpm2025-item5b"]);
        assert_eq!(ids("2019"), ["rpm2019"]);
        assert_eq!(ids("rpm2025-item5b,rpm2019"), ["rpm2019", "rpm2025-item5b"]);
        assert_eq!(ids("all").len(), 5);
        assert_eq!(ids("2019,rpm2019"), ["rpm2019"]);
    }

    #[test]
    fn unknown_sides_suggest() {
        let c = Corpus::seeds();
        let e = Side::new("rpm2020").resolve(&c).unwrap_err().to_string();
        assert!(e.starts_with("unknown document 'rpm2020'"), "{e}");
        assert!(e.contains("did you mean"), "{e}");
        let e = Side::new("2030").resolve(&c).unwrap_err().to_string();
        assert!(e.starts_with("no document of year 2030"), "{e}");
        assert!(Side::new(" , ").resolve(&c).is_err());
    }
}
