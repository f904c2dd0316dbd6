//! Document metadata and the front-matter block that carries it.

use serde::Serialize;

use super::CorpusError;

/// How much weight a document's language carries in a negotiation. A
/// negotiated text outranks a report's non-negotiated recommendations when
/// both are equally close to a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Language agreed line by line by Member States (a declaration).
    Negotiated,
    /// Adopted by a body without line-by-line negotiation (a resolution, a report adopted as a whole).
    Adopted,
    /// A meeting report; its recommendations were not negotiated.
    Report,
    /// A chair's summary of deliberations.
    ChairsSummary,
}

impl Authority {
    /// Parses the front-matter spelling (`negotiated`, `adopted`, `report`,
    /// `chair's summary`).
    pub fn parse(s: &str) -> Option<Authority> {
        let s: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match s.as_str() {
            "negotiated" => Some(Authority::Negotiated),
            "adopted" => Some(Authority::Adopted),
            "report" => Some(Authority::Report),
            "chairssummary" | "chairsummary" | "chairssummaries" => Some(Authority::ChairsSummary),
            _ => None,
        }
    }

    /// The front-matter spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Authority::Negotiated => "negotiated",
            Authority::Adopted => "adopted",
            Authority::Report => "report",
            Authority::ChairsSummary => "chair's summary",
        }
    }

    /// Rank for ordering precedents: lower is stronger.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

impl std::fmt::Display for Authority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The `date:` key of the front matter.
    FrontMatter,
    /// A date line near the top of the text (see [`date_from_text`](super::date_from_text)).
    Text,
}

impl DateSource {
    /// The JSON spelling (`front_matter`, `text`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front_matter",
            DateSource::Text => "text",
        }
    }
}

/// What is known about a document. Only `id` is required; the seeds fill in
/// every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocMeta {
    /// The id used in citations (`rpm2019`).
    pub id: String,
    /// The document's year, from front matter or its date.
    pub year: Option<u16>,
    /// Issue date, `YYYY-MM-DD` (or a shorter prefix).
    pub date: Option<String>,
    /// Where `date` came from, when there is one.
    pub date_source: Option<DateSource>,
    /// The meeting that produced it.
    pub meeting: Option<String>,
    /// Where the meeting was held.
    pub venue: Option<String>,
    /// The kind of document as the UN labels it ("report", "draft report addendum").
    pub kind: Option<String>,
    /// How negotiated its language is.
    pub authority: Option<Authority>,
    /// Full title.
    pub title: Option<String>,
    /// The UN document symbol (`A/CONF.234/L.6`), from front matter or the
    /// document's cover block and running heads.
    pub symbol: Option<String>,
    /// The distribution line of the cover block (`General`, `Limited`,
    /// `Restricted`).
    pub distribution: Option<String>,
    /// The original language (`English`), from the cover block.
    pub original: Option<String>,
}

impl DocMeta {
    /// Metadata with only an id.
    pub fn new(id: impl Into<String>) -> Self {
        DocMeta {
            id: id.into(),
            year: None,
            date: None,
            date_source: None,
            meeting: None,
            venue: None,
            kind: None,
            authority: None,
            title: None,
            symbol: None,
            distribution: None,
            original: None,
        }
    }

    /// The year of the date if there is one, else the year field.
    pub fn date_year(&self) -> Option<u16> {
        self.date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .or(self.year)
    }

    /// Sort key for time order: (year, date), undated documents last.
    pub(crate) fn time_key(&self) -> (u16, String) {
        let year = self.year.or_else(|| self.date_year()).unwrap_or(u16::MAX);
        (year, self.date.clone().unwrap_or_default())
    }
}

/// What the cover block of a UN document says: its symbol, distribution and
/// original language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cover {
    pub symbol: Option<String>,
    pub distribution: Option<String>,
    pub original: Option<String>,
}

/// Reads the cover block from the first lines of a document (page
/// furniture first: running heads carry the symbol). The symbol is the
/// first whole word of a short line (at most six words) that is a UN
/// symbol ([`is_un_symbol`]); `Distr.: X` and `Original: X` lines give the
/// others.
pub(crate) fn cover_block<'a>(lines: impl Iterator<Item = &'a str>) -> Cover {
    let mut c = Cover::default();
    for line in lines {
        let t = line.trim().trim_start_matches('#').trim();
        let words: Vec<&str> = t.split_whitespace().collect();
        if c.symbol.is_none() && words.len() <= 6 {
            c.symbol = words
                .iter()
                .map(|w| w.trim_end_matches([',', ';']))
                .find(|w| is_un_symbol(w))
                .map(str::to_string);
        }
        let value = |prefixes: &[&str]| {
            prefixes.iter().find_map(|p| {
                t.get(..p.len())
                    .filter(|h| h.eq_ignore_ascii_case(p))
                    .and_then(|_| t.get(p.len()..))
                    .map(|v| v.trim().trim_end_matches('.').to_string())
                    .filter(|v| !v.is_empty() && v.split_whitespace().count() <= 4)
            })
        };
        if c.distribution.is_none() {
            c.distribution = value(&["Distr.:", "Distr:", "Distribution:"]);
        }
        if c.original.is_none() {
            c.original = value(&["Original:"]);
        }
    }
    c
}

/// True for a UN document symbol: slash-separated parts, the first of one
/// to ten capital letters (`A`, `E`, `S`, `CTOC`, `UNODC`), the others of
/// letters, digits, `.`, `-` and parentheses, with a digit somewhere
/// (`A/CONF.234/L.6`, `E/CN.15/2021/L.3/Rev.1`, `A/RES/70/174`), as the
/// *United Nations Editorial Manual* describes document symbols.
pub fn is_un_symbol(s: &str) -> bool {
    let mut parts = s.split('/');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    (1..=10).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_uppercase())
        && !rest.is_empty()
        && s.len() <= 60
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'(' | b')'))
        })
        && s.bytes().any(|b| b.is_ascii_digit())
}

/// A document id made from a symbol: lower-cased, `/` as `-`
/// (`A/CONF.234/L.6` gives `a-conf.234-l.6`).
pub(crate) fn symbol_id(symbol: &str) -> String {
    symbol
        .chars()
        .map(|c| match c {
            '/' | '(' | ')' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .trim_matches('-')
        .to_string()
}

/// True for ids usable in citations: `[A-Za-z0-9][A-Za-z0-9._-]*`.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Splits a leading front-matter block (`---` ... `---`) off `text`.
/// Returns the metadata fields found and the body that follows. Text that
/// does not open with `---` on its first line has no front matter.
#[allow(clippy::string_slice, reason = "offset is a sum of whole line lengths")]
pub(crate) fn split_front_matter<'a>(
    name: &str,
    text: &'a str,
    meta: &mut DocMeta,
) -> Result<&'a str, CorpusError> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok(text);
    };
    let err = |line: usize, message: String| CorpusError::FrontMatter {
        name: name.to_string(),
        line,
        message,
    };
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let lineno = i + 2;
        offset += line.len();
        let line = line.trim_end_matches('\n');
        if line.trim() == "---" {
            return Ok(&text[offset..]);
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(
                lineno,
                format!("expected 'key: value', found '{line}'"),
            ));
        };
        let key = key.trim().to_lowercase();
        let value = value.trim().trim_matches('"').to_string();
        let opt = |v: String| if v.is_empty() { None } else { Some(v) };
        match key.as_str() {
            "id" => {
                if !valid_id(&value) {
                    return Err(CorpusError::BadId(value));
                }
                meta.id = value;
            }
            "year" => {
                let y: u16 = value
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .ok_or_else(|| err(lineno, format!("year '{value}' is not a year like 2025")))?;
                meta.year = Some(y);
            }
            "date" => {
                // `get`, not `[..4]`: the value is user text and its fourth
                // byte may fall inside a character (`202é-01-01`).
                let ok = value
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
                    && value.chars().all(|c| c.is_ascii_digit() || c == '-');
                if !ok {
                    return Err(err(lineno, format!("date '{value}' is not YYYY-MM-DD")));
                }
                // A real day of the calendar, 1945 to 2100 as dates read
                // from the text (`2021-02-30` and `0000-01-01` are not).
                if !super::date::valid_iso_prefix(&value) {
                    return Err(err(
                        lineno,
                        format!("date '{value}' is not a real date YYYY-MM-DD from 1945 to 2100"),
                    ));
                }
                meta.date = Some(value);
                meta.date_source = Some(DateSource::FrontMatter);
            }
            "meeting" => meta.meeting = opt(value),
            "venue" => meta.venue = opt(value),
            "kind" => meta.kind = opt(value),
            "title" => meta.title = opt(value),
            "symbol" => meta.symbol = opt(value),
            "authority" => {
                meta.authority = Some(Authority::parse(&value).ok_or_else(|| {
                    err(
                        lineno,
                        format!(
                            "authority '{value}' is not one of: negotiated, adopted, report, chair's summary"
                        ),
                    )
                })?)
            }
            other => {
                return Err(err(
                    lineno,
                    format!(
                        "unknown key '{other}' (known: id, year, date, meeting, venue, kind, authority, title, symbol)"
                    ),
                ))
            }
        }
    }
    Err(err(
        1,
        "front matter opened with '---' is never closed".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_blocks_and_symbols() {
        for s in [
            "A/CONF.234/L.6",
            "E/CN.15/2021/L.3/Rev.1",
            "A/RES/70/174",
            "CTOC/COP/2020/L.9",
        ] {
            assert!(is_un_symbol(s), "{s}");
        }
        for s in [
            "and/or",
            "A/B",
            "1/2",
            "http://x.org/1",
            "30/11/2026",
            "Ab/CONF.1",
        ] {
            assert!(!is_un_symbol(s), "{s}");
        }
        let c = cover_block(
            [
                "United Nations A/CONF.999/L.1",
                "Distr.: Limited",
                "5 May 2027",
                "Original: English",
                "1. Recalling resolution 70/174 and A/RES/70/1, the Assembly decided to act.",
            ]
            .into_iter(),
        );
        assert_eq!(c.symbol.as_deref(), Some("A/CONF.999/L.1"));
        assert_eq!(c.distribution.as_deref(), Some("Limited"));
        assert_eq!(c.original.as_deref(), Some("English"));
        assert_eq!(symbol_id("A/CONF.999/L.1"), "a-conf.999-l.1");
        assert_eq!(
            cover_block(["1. We note A/RES/70/1 with thanks and more words."].into_iter()).symbol,
            None
        );
    }

    #[test]
    fn front_matter_is_split_and_read() {
        let mut m = DocMeta::new("x");
        let body = split_front_matter(
            "t",
            "---\nid: draft1\nyear: 2026\nauthority: negotiated\ntitle: A draft\n---\n1. Text.\n",
            &mut m,
        )
        .unwrap();
        assert_eq!(body, "1. Text.\n");
        assert_eq!(m.id, "draft1");
        assert_eq!(m.year, Some(2026));
        assert_eq!(m.authority, Some(Authority::Negotiated));
        assert_eq!(m.title.as_deref(), Some("A draft"));
    }

    #[test]
    fn a_horizontal_rule_later_in_the_text_is_not_front_matter() {
        let mut m = DocMeta::new("x");
        let text = "\n# Title\n---\nbody\n";
        assert_eq!(split_front_matter("t", text, &mut m).unwrap(), text);
    }

    #[test]
    fn bad_front_matter_names_the_line() {
        let mut m = DocMeta::new("x");
        let e = split_front_matter("f.md", "---\nid: a\nyaer: 2020\n---\n", &mut m).unwrap_err();
        assert_eq!(
            e.to_string(),
            "'f.md', front matter line 3: unknown key 'yaer' (known: id, year, date, meeting, venue, kind, authority, title, symbol)"
        );
        let e = split_front_matter("f.md", "---\nid: a\n", &mut m).unwrap_err();
        assert!(e.to_string().contains("never closed"));
    }

    #[test]
    fn odd_dates_in_front_matter_are_errors_not_panics() {
        for value in [
            "abcé",
            "202é-01-01",
            "é",
            "20é",
            "2021é",
            "ééé-01-01",
            "１２３４-01-01",
        ] {
            let mut m = DocMeta::new("x");
            let text = format!("---\ndate: {value}\n---\n1. Text.\n");
            let e = split_front_matter("f.md", &text, &mut m).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("'f.md', front matter line 2: date '{value}' is not YYYY-MM-DD")
            );
            assert_eq!(m.date, None);
        }
        // Other keys with non-ASCII values neither panic nor pass.
        let mut m = DocMeta::new("x");
        assert!(split_front_matter("f.md", "---\nyear: 202é\n---\n1.\n", &mut m).is_err());
        assert!(split_front_matter("f.md", "---\nid: é\n---\n1.\n", &mut m).is_err());
        let mut m = DocMeta::new("x");
        split_front_matter("f.md", "---\ndate: 2021-02-17\n---\n1.\n", &mut m).unwrap();
        assert_eq!(m.date.as_deref(), Some("2021-02-17"));
        assert_eq!(m.date_source, Some(DateSource::FrontMatter));
    }

    #[test]
    fn authority_spellings() {
        assert_eq!(
            Authority::parse("Chair's summary"),
            Some(Authority::ChairsSummary)
        );
        assert_eq!(Authority::parse("negotiated"), Some(Authority::Negotiated));
        assert_eq!(Authority::parse("rumour"), None);
        assert!(Authority::Negotiated.rank() < Authority::Report.rank());
    }

    #[test]
    fn ids() {
        assert!(valid_id("rpm2025-item5b"));
        assert!(!valid_id("a:b"));
        assert!(!valid_id("-x"));
        assert!(!valid_id(""));
    }
}
