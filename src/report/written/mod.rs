//! Building blocks of the written reports, the memo ([`super::memo`]) and
//! the written review ([`super::review_doc`]): the date they carry,
//! citations in both styles, what is known of a document, and per format
//! the pieces both use: escaping and redlines in [`markdown`] and
//! [`html`] (with the shared style sheet), and the Word document builder
//! and package in [`docx`].
//!
//! Nothing here knows what a memo or a review says; those modules build
//! their own plain-data models and lay them out with these pieces, so the
//! two kinds of report escape, redline and package the same way.

pub mod docx;
pub mod html;
pub mod markdown;

use std::fmt;

use crate::corpus::DocMeta;
use crate::parse::{Citation, Unit, UnitKind};
use crate::Library;

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
    /// Word .docx with tracked changes.
    Docx,
}

impl Format {
    /// How the format is named to a reader: `Markdown`, `HTML`, `Word`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "Word",
        }
    }

    /// The format a file name asks for, by its extension (`.md`,
    /// `.markdown`, `.html`, `.htm`, `.docx`, in any case).
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// The accord version named in every written report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The sentence that says which matching produced a memo or review:
/// wording and meaning, with the weight of each, or wording alone.
/// `semantic_weight` is the share of meaning in each score (0..1), `None`
/// when no sentence vectors were used; `wording_only` counts the units
/// matched on wording alone all the same (no vector: no model for text
/// other than the built-in documents').
pub fn matching_sentence(semantic_weight: Option<f64>, wording_only: usize) -> String {
    match semantic_weight {
        Some(w) if wording_only > 0 => format!(
            "Matching: wording and meaning; each score is {:.0}% wording and {:.0}% meaning (sentence embeddings from the all-MiniLM-L6-v2 model), except for {} with no sentence embedding (no model was installed for text other than the built-in documents), matched on wording alone, so a provision restated in other words there may be missed.",
            (1.0 - w) * 100.0,
            w * 100.0,
            plural(wording_only, "unit", "units")
        ),
        Some(w) => format!(
            "Matching: wording and meaning; each score is {:.0}% wording and {:.0}% meaning (sentence embeddings from the all-MiniLM-L6-v2 model).",
            (1.0 - w) * 100.0,
            w * 100.0
        ),
        None => "Matching: wording alone; no sentence-embedding model was used, so a provision restated in other words may be missed.".to_string(),
    }
}

/// `1 provision`, `2 provisions`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Ids of documents, comma-separated.
pub fn names(docs: &[DocInfo]) -> String {
    docs.iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A calendar date (proleptic Gregorian): the date of a memo or a written
/// review, and of the tracked changes in its Word file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemoDate {
    year: u16,
    month: u8,
    day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl MemoDate {
    /// The date, if it exists (years 1000 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<MemoDate> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(MemoDate {
            year,
            month,
            day,
        })
    }

    /// Parses `YYYY-MM-DD`.
    #[allow(
        clippy::string_slice,
        reason = "the shape check above makes every byte ASCII"
    )]
    pub fn parse(s: &str) -> Result<MemoDate, String> {
        let bad = || format!("'{s}' is not a date YYYY-MM-DD (for example 2025-06-30)");
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(bad());
        }
        let (y, m, d) = (
            s[..4].parse().map_err(|_| bad())?,
            s[5..7].parse().map_err(|_| bad())?,
            s[8..].parse().map_err(|_| bad())?,
        );
        MemoDate::new(y, m, d).ok_or_else(bad)
    }

    /// The date `days` days after 1970-01-01 (negative: before), by Howard
    /// Hinnant's `civil_from_days`. Clamped to the years `new` accepts.
    pub fn from_unix_days(days: i64) -> MemoDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = year.clamp(1000, 9999) as u16;
        MemoDate::new(year, month, day).unwrap_or(MemoDate {
            year,
            month: 12,
            day: 31,
        })
    }

    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// As the UN writes dates: `30 June 2025`.
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month) - 1],
            self.year
        )
    }

    /// W3C date-time at midnight UTC, as Word wants for revisions and
    /// document properties: `2025-06-30T00:00:00Z`.
    pub fn w3c(self) -> String {
        format!("{self}T00:00:00Z")
    }
}

impl fmt::Display for MemoDate {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A unit's citation in both styles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    /// Tool id: `rpm2019:13(e)`.
    pub id: String,
    /// UN style: `rpm2019, para. 13 (e)`.
    pub un: String,
}

impl Cite {
    /// The citation of a unit.
    pub fn of(unit: &Unit) -> Cite {
        Cite {
            id: unit.id.to_string(),
            un: unit.un_style(),
        }
    }

    /// The citation `c` of a unit of kind `kind` (`None` when unknown: a
    /// list item is then cited as an item, not a bullet).
    pub fn of_citation(c: &Citation, kind: Option<UnitKind>) -> Cite {
        Cite {
            id: c.to_string(),
            un: c.un_style(kind == Some(UnitKind::Bullet)),
        }
    }
}

impl fmt::Display for Cite {
    /// `rpm2019, para. 13 (e) — rpm2019:13(e)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.un, self.id)
    }
}

/// A document named in a written report: its id and what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocInfo {
    /// Id used in citations.
    pub id: String,
    /// Full title.
    pub title: Option<String>,
    /// The meeting that produced it.
    pub meeting: Option<String>,
    /// Issue date.
    pub date: Option<String>,
    /// Where the meeting was held.
    pub venue: Option<String>,
    /// How negotiated its language is.
    pub authority: Option<String>,
    /// Its number of citable units.
    pub units: usize,
}

impl DocInfo {
    /// What `lib` knows of document `id` (only the id when it has no such
    /// document).
    pub fn of(lib: &Library, id: &str) -> DocInfo {
        match lib.docs().iter().find(|d| d.meta.id == id) {
            Some(d) => DocInfo::from_meta(&d.meta, d.units.len()),
            None => DocInfo::from_meta(&DocMeta::new(id), 0),
        }
    }

    /// A document known only by its metadata (a draft read on its own),
    /// with `units` citable units.
    pub fn from_meta(meta: &DocMeta, units: usize) -> DocInfo {
        DocInfo {
            id: meta.id.clone(),
            title: meta.title.clone(),
            meeting: meta.meeting.clone(),
            date: meta.date.clone(),
            venue: meta.venue.clone(),
            authority: meta.authority.map(|a| a.as_str().to_string()),
            units,
        }
    }

    /// [`DocInfo::description`] with the number of units and the
    /// authority: `Title · Meeting · Venue · 2019-01-24 (63 units;
    /// authority: report)`.
    pub fn line(&self) -> String {
        let mut s = format!("{} ({} units", self.description(), self.units);
        if let Some(a) = &self.authority {
            s.push_str("; authority: ");
            s.push_str(a);
        }
        s.push(')');
        s
    }

    /// Title, meeting, venue and date, as one line (what is known of them).
    pub fn description(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for s in [&self.title, &self.meeting, &self.venue, &self.date]
            .into_iter()
            .flatten()
        {
            parts.push(s);
        }
        if parts.is_empty() {
            "(no title, meeting or date given)".to_string()
        } else {
            parts.join(" · ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> MemoDate {
        MemoDate::parse("2025-06-30").unwrap()
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(date().to_string(), "2025-06-30");
        assert_eq!(date().long(), "30 June 2025");
        assert_eq!(date().w3c(), "2025-06-30T00:00:00Z");
        assert!(MemoDate::parse("2024-02-29").is_ok());
        for bad in [
            "2025-02-29",
            "2025-6-30",
            "2025-13-01",
            "2025-00-10",
            "30/06/2025",
            "",
            "2025-06-31",
        ] {
            assert!(MemoDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn civil_dates_from_unix_days() {
        for (days, want) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
            (19_000, "2022-01-08"),
            (20_269, "2025-06-30"),
        ] {
            assert_eq!(MemoDate::from_unix_days(days).to_string(), want, "{days}");
        }
    }

    #[test]
    fn formats_by_extension() {
        use std::path::Path;
        assert_eq!(Format::of_path(Path::new("a/r.MD")), Some(Format::Markdown));
        assert_eq!(Format::of_path(Path::new("r.htm")), Some(Format::Html));
        assert_eq!(Format::of_path(Path::new("r.docx")), Some(Format::Docx));
        assert_eq!(Format::of_path(Path::new("r.pdf")), None);
        assert_eq!(Format::of_path(Path::new("docx")), None);
    }
}
