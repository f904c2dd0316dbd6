//! A document's date from its own text, for documents whose front matter
//! gives none.
//!
//! UN documents print their issue date on a line of its own near the top,
//! under the distribution line:
//!
//! ```text
//! Distr.: General
//! 17 February 2021
//!
//! Original: English
//! ```
//!
//! Only such a line is taken: a date that is the whole line (after markup,
//! a `Date:` label, a weekday and a final full stop are removed), within the
//! first [`MAX_LINES`] non-blank lines and [`MAX_CHARS`] characters. Dates
//! inside sentences and datelines after a place ("Kyoto, Japan, 20–27 April
//! 2020") are not taken: in these documents they name meetings and earlier
//! resolutions, often of another year than the document itself. A range
//! ("17–19 February 2021", "28 February–3 March 2021") gives its first day.
//!
//! Accepted forms: `17 February 2021`, `February 17, 2021`, `2021-02-17`,
//! the ranges of the first two, and three-letter month abbreviations
//! (`17 Feb. 2021`). Only real dates count: a valid day for the month
//! (29 February in leap years only) and a year from 1945 to 2100.

/// Non-blank lines searched from the top of the body.
pub const MAX_LINES: usize = 40;
/// Characters searched from the top of the body.
pub const MAX_CHARS: usize = 3_000;
/// A line longer than this (in characters) is prose, not a date line.
const MAX_DATE_LINE: usize = 80;

/// The first date line near the top of `body`, as `YYYY-MM-DD`.
pub fn date_from_text(body: &str) -> Option<String> {
    let mut seen_chars = 0usize;
    let mut non_blank = 0usize;
    for line in body.lines() {
        if seen_chars >= MAX_CHARS || non_blank >= MAX_LINES {
            break;
        }
        // Count at most what is left of the budget: a huge line costs no more.
        let len = line.chars().take(MAX_CHARS + 1).count();
        seen_chars += len + 1;
        if line.trim().is_empty() {
            continue;
        }
        non_blank += 1;
        if len > MAX_DATE_LINE {
            continue;
        }
        if let Some((y, m, d)) = date_line(line) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// The date a line consists of, if it is nothing but a date.
fn date_line(line: &str) -> Option<(u16, u8, u8)> {
    let mut s = line.trim();
    // Markdown around the line: headings, quotes, emphasis.
    s = s.trim_start_matches(['#', '>', ' ']);
    s = s.trim_matches(['*', '_', ' ', '\u{a0}']);
    s = s.trim_end_matches(['.', ' ']);
    s = s.trim_matches(['*', '_']);
    if let Some(rest) = strip_prefix_ci(s, "date:") {
        s = rest.trim_start_matches(['*', '_', ' ']);
    }
    let tokens = tokenize(s)?;
    let tokens = skip_weekday(&tokens);
    if let [Tok::Iso(y, m, d)] = tokens {
        return valid(*y, *m, *d);
    }
    parse_tokens(tokens)
}

#[allow(clippy::string_slice, reason = "s.get(..len) succeeded just before")]
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A number of up to four digits.
    Num(u32, usize),
    /// A month, 1-12.
    Month(u8),
    /// A weekday name.
    Weekday,
    /// `YYYY-MM-DD` as one token.
    Iso(u32, u32, u32),
    /// A range dash (`-`, en dash, em dash, non-breaking hyphen) or `to`.
    Dash,
    /// A comma.
    Comma,
}

/// Splits a line into date tokens; `None` as soon as anything else appears.
fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == ',' {
            chars.next();
            out.push(Tok::Comma);
        } else if matches!(c, '-' | '–' | '—' | '‑' | '‐') {
            chars.next();
            out.push(Tok::Dash);
        } else if c.is_ascii_digit() {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || (c == '-' && word.len() >= 4 && out.is_empty()) {
                    word.push(c);
                    chars.next();
                } else {
                    break;
                }
                if word.len() > 10 {
                    return None;
                }
            }
            out.push(number_or_iso(&word)?);
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_alphabetic() {
                    word.push(c);
                    chars.next();
                } else {
                    break;
                }
                if word.len() > 12 {
                    return None;
                }
            }
            let abbreviated = word.chars().count() == 3 || word.eq_ignore_ascii_case("sept");
            if abbreviated && chars.peek() == Some(&'.') {
                chars.next();
            }
            out.push(word_token(&word)?);
        } else {
            return None;
        }
    }
    Some(out)
}

/// `2021` or `17`, or `2021-02-17` when the token is an ISO date.
fn number_or_iso(word: &str) -> Option<Tok> {
    if word.contains('-') {
        let mut parts = word.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        return Some(Tok::Iso(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?));
    }
    if word.len() > 4 {
        return None;
    }
    Some(Tok::Num(word.parse().ok()?, word.len()))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn word_token(word: &str) -> Option<Tok> {
    let w = word.to_lowercase();
    if w == "to" {
        return Some(Tok::Dash);
    }
    for (i, m) in MONTHS.iter().enumerate() {
        if w == *m || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && i == 8) {
            return Some(Tok::Month(i as u8 + 1));
        }
    }
    WEEKDAYS
        .iter()
        .any(|d| w == *d || (w.len() == 3 && d.starts_with(&w)))
        .then_some(Tok::Weekday)
}

/// Drops a leading weekday ("Wednesday, 17 February 2021").
fn skip_weekday(tokens: &[Tok]) -> &[Tok] {
    match tokens {
        [Tok::Weekday, Tok::Comma, rest @ ..] | [Tok::Weekday, rest @ ..] => rest,
        _ => tokens,
    }
}

/// A day: one or two digits.
fn day(t: &Tok) -> Option<u32> {
    match t {
        Tok::Num(n, len) if *len <= 2 => Some(*n),
        _ => None,
    }
}

/// A year: four digits.
fn year(t: &Tok) -> Option<u32> {
    match t {
        Tok::Num(n, 4) => Some(*n),
        _ => None,
    }
}

fn month(t: &Tok) -> Option<u32> {
    match t {
        Tok::Month(m) => Some(u32::from(*m)),
        _ => None,
    }
}

/// The first day of the date or range the tokens spell, checked.
fn parse_tokens(t: &[Tok]) -> Option<(u16, u8, u8)> {
    use Tok::{Comma, Dash, Month, Num};
    // A comma after the year is noise.
    let t = match t {
        [rest @ .., Comma] => rest,
        _ => t,
    };
    match t {
        // 17 February 2021
        [d @ Num(..), m, y] => valid(year(y)?, month(m)?, day(d)?),
        // 17-19 February 2021
        [d1 @ Num(..), Dash, d2, m, y] => {
            let (y, m) = (year(y)?, month(m)?);
            valid(y, m, day(d2)?)?;
            valid(y, m, day(d1)?)
        }
        // 28 February-3 March 2021 (a December-January range starts the year before)
        [d1 @ Num(..), m1, Dash, d2, m2, y] => span(d1, m1, d2, m2, y),
        // 30 December 2020-2 January 2021
        [d1 @ Num(..), m1, y1, Dash, d2, m2, y2] => {
            valid(year(y2)?, month(m2)?, day(d2)?)?;
            valid(year(y1)?, month(m1)?, day(d1)?)
        }
        // February 17, 2021
        [m @ Month(_), d, Comma, y] | [m @ Month(_), d, y] => valid(year(y)?, month(m)?, day(d)?),
        // February 17-19, 2021
        [m @ Month(_), d1, Dash, d2 @ Num(..), Comma, y]
        | [m @ Month(_), d1, Dash, d2 @ Num(..), y] => {
            let (y, m) = (year(y)?, month(m)?);
            valid(y, m, day(d2)?)?;
            valid(y, m, day(d1)?)
        }
        // February 28-March 3, 2021
        [m1 @ Month(_), d1, Dash, m2 @ Month(_), d2, Comma, y]
        | [m1 @ Month(_), d1, Dash, m2 @ Month(_), d2, y] => span(d1, m1, d2, m2, y),
        _ => None,
    }
}

/// A range across two months of one printed year: its first day.
fn span(d1: &Tok, m1: &Tok, d2: &Tok, m2: &Tok, y: &Tok) -> Option<(u16, u8, u8)> {
    let (y, m1, m2) = (year(y)?, month(m1)?, month(m2)?);
    valid(y, m2, day(d2)?)?;
    valid(if m1 > m2 { y.checked_sub(1)? } else { y }, m1, day(d1)?)
}

/// The date if it exists: year 1945-2100, month 1-12, a day the month has.
/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month or
/// day from 1945 to 2100 (front matter's `date:`).
pub(crate) fn valid_iso_prefix(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match parts[..] {
        [y] => num(y, 4).is_some_and(|y| valid(y, 1, 1).is_some()),
        [y, m] => matches!((num(y, 4), num(m, 2)), (Some(y), Some(m)) if valid(y, m, 1).is_some()),
        [y, m, d] => matches!(
            (num(y, 4), num(m, 2), num(d, 2)),
            (Some(y), Some(m), Some(d)) if valid(y, m, d).is_some()
        ),
        _ => false,
    }
}

fn valid(y: u32, m: u32, d: u32) -> Option<(u16, u8, u8)> {
    if !(1945..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days)
        .contains(&d)
        .then_some((y as u16, m as u8, d as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Option<String> {
        date_line(s).map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
    }

    #[test]
    fn a_un_header_gives_its_issue_date() {
        let body = "Distr.: General\n17 February 2021\n\nOriginal: English\n\n1. Text.\n";
        assert_eq!(date_from_text(body).as_deref(), Some("2021-02-17"));
        // Markdown from a PDF conversion: heading, hard line breaks.
        let md =
            "# General Assembly\n\nDistr.: Limited  \n21 January 2025\n\nOriginal: English  \n";
        assert_eq!(date_from_text(md).as_deref(), Some("2025-01-21"));
    }

    #[test]
    fn the_forms_un_documents_print() {
        assert_eq!(line("17 February 2021").as_deref(), Some("2021-02-17"));
        assert_eq!(line("February 17, 2021").as_deref(), Some("2021-02-17"));
        assert_eq!(line("2021-02-17").as_deref(), Some("2021-02-17"));
        assert_eq!(line("**17 February 2021**").as_deref(), Some("2021-02-17"));
        assert_eq!(line("Date: 17 Feb. 2021.").as_deref(), Some("2021-02-17"));
        assert_eq!(
            line("Wednesday, 17 February 2021").as_deref(),
            Some("2021-02-17")
        );
        assert_eq!(
            line("17\u{a0}February\u{a0}2021").as_deref(),
            Some("2021-02-17")
        );
        assert_eq!(line("17 FEBRUARY 2021").as_deref(), Some("2021-02-17"));
    }

    #[test]
    fn a_range_gives_its_first_day() {
        assert_eq!(line("17-19 February 2021").as_deref(), Some("2021-02-17"));
        assert_eq!(line("17–19 February 2021").as_deref(), Some("2021-02-17"));
        assert_eq!(
            line("17 to 19 February 2021").as_deref(),
            Some("2021-02-17")
        );
        assert_eq!(
            line("28 February – 3 March 2021").as_deref(),
            Some("2021-02-28")
        );
        assert_eq!(
            line("30 December–2 January 2021").as_deref(),
            Some("2020-12-30")
        );
        assert_eq!(
            line("30 December 2020 - 2 January 2021").as_deref(),
            Some("2020-12-30")
        );
        assert_eq!(line("February 17–19, 2021").as_deref(), Some("2021-02-17"));
        // Both ends must be real.
        assert_eq!(line("17-32 February 2021"), None);
    }

    #[test]
    fn only_real_dates() {
        assert_eq!(line("30 February 2021"), None);
        assert_eq!(line("29 February 2021"), None);
        assert_eq!(line("29 February 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(line("29 February 2000").as_deref(), Some("2000-02-29"));
        assert_eq!(line("29 February 2100"), None);
        assert_eq!(line("31 April 2021"), None);
        assert_eq!(line("0 May 2021"), None);
        assert_eq!(line("17 February 1944"), None);
        assert_eq!(line("17 February 2101"), None);
        assert_eq!(line("2021-13-01"), None);
        assert_eq!(line("2021-02-30"), None);
        assert_eq!(line("2021-2-3"), None);
        assert_eq!(line("17 Febtober 2021"), None);
        assert_eq!(line("170 February 2021"), None);
        assert_eq!(line("17 February 21"), None);
    }

    #[test]
    fn dates_in_sentences_and_datelines_are_not_the_documents_date() {
        let body = "Kyoto, Japan, 20–27 April 2020\n\n\
                    1. At its meeting held on 10 March 2021, the Congress decided.\n";
        assert_eq!(date_from_text(body), None);
        assert_eq!(line("Kyoto, Japan, 7–12 March 2021"), None);
        assert_eq!(line("Resolution 75/1 of 21 September 2020"), None);
    }

    #[test]
    fn only_near_the_top() {
        let mut body = "Title\n".repeat(MAX_LINES);
        body.push_str("17 February 2021\n");
        assert_eq!(date_from_text(&body), None);
        let mut body = "\n\n".repeat(100);
        body.push_str("17 February 2021\n");
        assert_eq!(date_from_text(&body).as_deref(), Some("2021-02-17"));
        let mut body = "x".repeat(MAX_CHARS);
        body.push_str("\n17 February 2021\n");
        assert_eq!(date_from_text(&body), None);
    }

    #[test]
    fn odd_text_is_no_date_and_no_panic() {
        for s in [
            "",
            "é",
            "17 é 2021",
            "2021-é",
            "202é-01-01",
            "---",
            "— – ‑",
            ",,,",
            "99999999999999999999 May 2021",
            "May",
            "17",
            "Date:",
            "dat",
            "Daté: 17 May 2021",
            "17 May 2021 – ",
            "Sept. 17, 2021",
            "17 Mayyyyyyyyyyyyyyyyyyyyyyyyy 2021",
        ] {
            let _ = line(s);
            let _ = date_from_text(s);
        }
        assert_eq!(line("Sept. 17, 2021").as_deref(), Some("2021-09-17"));
        assert_eq!(line("17 May 2021 –"), None);
    }

    #[test]
    fn the_seeds_give_their_front_matter_date_or_none() {
        // Four seeds print their issue date; rpm2019 prints only meeting
        // dates ("Kyoto, Japan, 20–27 April 2020"), which are not its date.
        for (file, text) in super::super::seeds::SEEDS {
            let body = text.splitn(3, "---\n").nth(2).unwrap();
            let front = text.lines().find_map(|l| l.strip_prefix("date: ")).unwrap();
            let found = date_from_text(body);
            if file.starts_with("rpm2019") {
                assert_eq!(found, None, "{file}");
            } else {
                assert_eq!(found.as_deref(), Some(front), "{file}");
            }
        }
    }
}
