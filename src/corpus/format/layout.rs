//! From positioned text on PDF pages to paragraphs.
//!
//! A PDF holds glyphs at positions, not paragraphs. This module takes the
//! text runs an extractor found (with page, position and font size) and
//! undoes the printed layout of a UN document:
//!
//! 1. **Lines**: runs on one baseline form a line; a smaller run raised
//!    above the baseline is a superscript, and digits there are a footnote
//!    reference (`<sup>3</sup>`).
//! 2. **Running heads and feet**: the symbol, page numbers, job numbers and
//!    barcode lines repeat at the top or foot of the pages. A short line
//!    among the first or last [`EDGE_LINES`] of its page whose text, with
//!    digits masked, appears in that zone on two pages in five (and on two
//!    at least) is page furniture. This is detected by repetition, not by
//!    listing patterns, so it works for any document series.
//! 3. **Footnotes**: at the foot of a page, lines set smaller than the body
//!    (below [`NOTE_SIZE_RATIO`] of the body size) that start with a mark
//!    are footnote definitions, and the small lines after them continue
//!    them; they are written as `<sup>N</sup> text` at the end.
//! 4. **Paragraphs**: a line joins the one before it unless a gap wider
//!    than the usual line spacing, a list label (`1.`, `(a)`, `2 bis.`) at
//!    the start, a change of font size, or a short line before it (one that
//!    stops well short of the right margin) says a paragraph ended.
//! 5. **Hyphenation**: a word broken at a line end is joined again, unless
//!    the hyphen is a real one: the document writes the hyphenated form
//!    elsewhere, or the first half is a word that forms compounds
//!    ("cross-border", "evidence-based"). The joined form written elsewhere
//!    in the document wins over both.
//! 6. **Ligatures** printed as one glyph (`ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`, `ﬄ`) are
//!    written as their letters.

use std::collections::{HashMap, HashSet};

/// How many lines at the top and at the foot of a page are looked at for
/// running heads and feet. UN documents print at most two lines of head
/// (symbol; a part name) and three of foot (job number, page number,
/// barcode).
pub const EDGE_LINES: usize = 3;

/// Lines below this share of the body's font size, at the foot of a page,
/// are footnote text. UN documents set the body at 10 pt and footnotes at
/// 8.5 pt (0.85); Word's default footnote text is 10 pt for an 11 pt body
/// (0.91). 0.93 accepts both and no body text.
pub const NOTE_SIZE_RATIO: f32 = 0.93;

/// A run of text on a page, as an extractor gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// 0-based page.
    pub page: usize,
    /// Left edge, in points from the left of the page.
    pub x: f32,
    /// Right edge, in points.
    pub x_end: f32,
    /// Baseline, in points from the *top* of the page (grows downwards).
    pub y: f32,
    /// Font size in points (the rendered size: font size times text
    /// matrix scale).
    pub size: f32,
    /// The text (may contain spaces).
    pub text: String,
}

/// A line of a page.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    page: usize,
    x: f32,
    x_end: f32,
    y: f32,
    size: f32,
    text: String,
    /// Starts with a superscript mark (a footnote definition's mark).
    mark_first: Option<String>,
}

/// The text of a PDF after clean-up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Laid {
    /// Paragraphs, one per line, blank lines between, footnote definitions
    /// at the end.
    pub text: String,
    /// Running heads and feet taken out, each distinct line once, in order
    /// of first appearance.
    pub furniture: Vec<String>,
}

/// Turns the spans of a document's pages into paragraphs.
pub fn lay_out(spans: Vec<Span>, pages: usize) -> Laid {
    let mut lines = lines_of(spans);
    let body_size = body_size(&lines);
    let furniture = take_furniture(&mut lines, pages);
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut body: Vec<Line> = Vec::new();
    // Lines come sorted by page: take them a page at a time.
    let mut rest = lines.into_iter().peekable();
    while let Some(first) = rest.next() {
        let page = first.page;
        let mut on_page = vec![first];
        while let Some(l) = rest.next_if(|l| l.page == page) {
            on_page.push(l);
        }
        let (b, n) = split_notes(on_page, body_size);
        body.extend(b);
        for l in n {
            match l.mark_first {
                Some(m) => notes.push((m, l.text)),
                None => match notes.last_mut() {
                    Some(last) => join_into(&mut last.1, &l.text),
                    // Small text at the foot with no mark before it: body.
                    None => body.push(l),
                },
            }
        }
    }
    let paragraphs = paragraphs(&body, body_size);
    let mut text = String::new();
    let known = vocabulary(&paragraphs, &notes);
    for p in &paragraphs {
        text.push_str(&dehyphenate(p, &known));
        text.push_str("\n\n");
    }
    for (mark, n) in &notes {
        text.push_str(&format!("<sup>{mark}</sup> {}\n\n", dehyphenate(n, &known)));
    }
    Laid { text, furniture }
}

/// Groups spans into lines by page and baseline, attaching raised smaller
/// spans as superscripts.
fn lines_of(mut spans: Vec<Span>) -> Vec<Line> {
    spans.retain(|s| !s.text.trim().is_empty() && s.size.is_finite() && s.y.is_finite());
    spans.sort_by(|a, b| {
        (a.page, a.y)
            .partial_cmp(&(b.page, b.y))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.x.total_cmp(&b.x))
    });
    // Lines by baseline: a span within a fifth of its size of the line's
    // baseline is on it.
    let mut groups: Vec<Vec<Span>> = Vec::new();
    for s in spans {
        match groups.last_mut() {
            Some(g)
                if g[0].page == s.page
                    && (g[0].y - s.y).abs() <= 0.2 * g[0].size.max(s.size).max(1.0) =>
            {
                g.push(s)
            }
            _ => groups.push(vec![s]),
        }
    }
    // A group of small digits just above the next line (within 0.6 of that
    // line's size, and set smaller than 0.8 of it) is that line's
    // superscripts: footnote references, or a footnote's own mark.
    let mut lines = Vec::with_capacity(groups.len());
    let mut groups = groups.into_iter().peekable();
    while let Some(g) = groups.next() {
        let superscripts_of = |next: &Vec<Span>| {
            let size = max_size(next);
            let raised = next[0].y - g[0].y;
            is_small_digits(&g)
                && next[0].page == g[0].page
                && max_size(&g) < 0.8 * size
                && raised > 0.0
                && raised <= 0.6 * size
        };
        match groups.next_if(superscripts_of) {
            Some(next) => lines.push(build_line(next, g)),
            None => lines.push(build_line(g, Vec::new())),
        }
    }
    lines
}

fn max_size(g: &[Span]) -> f32 {
    g.iter().map(|s| s.size).fold(0.0, f32::max)
}

/// A group made only of digits (a superscript mark on its own baseline).
fn is_small_digits(g: &[Span]) -> bool {
    g.iter().all(|s| {
        let t = s.text.trim();
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit() || c == ',')
    })
}

/// Writes one line: spans left to right, a space where a gap is wider than
/// a fifth of the font size, superscripts as `<sup>`.
fn build_line(main: Vec<Span>, sups: Vec<Span>) -> Line {
    let size = dominant_size(&main);
    let mut all: Vec<(Span, bool)> = main
        .into_iter()
        .map(|s| {
            let sup = s.size < 0.8 * size && is_small_digits(std::slice::from_ref(&s));
            (s, sup)
        })
        .chain(sups.into_iter().map(|s| (s, true)))
        .collect();
    all.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    let mut text = String::new();
    let mut mark_first = None;
    let mut last_end: Option<f32> = None;
    for (i, (s, sup)) in all.iter().enumerate() {
        let t = if *sup {
            let digits = s.text.trim();
            if i == 0 {
                mark_first = Some(digits.to_string());
                last_end = Some(s.x_end);
                continue;
            }
            format!("<sup>{digits}</sup>")
        } else {
            s.text.clone()
        };
        if let Some(end) = last_end {
            let gap = s.x - end;
            let needs_space =
                gap > 0.2 * size && !text.ends_with(' ') && !t.starts_with(' ') && !*sup;
            if needs_space {
                text.push(' ');
            }
        }
        text.push_str(&t);
        last_end = Some(s.x_end);
    }
    let (x, x_end) = all.iter().fold((f32::MAX, f32::MIN), |(a, b), (s, _)| {
        (a.min(s.x), b.max(s.x_end))
    });
    Line {
        page: all.first().map_or(0, |s| s.0.page),
        x,
        x_end,
        y: all
            .iter()
            .filter(|(_, sup)| !sup)
            .map(|(s, _)| s.y)
            .next()
            .unwrap_or_else(|| all.first().map_or(0.0, |s| s.0.y)),
        size,
        text: ligatures(&collapse(&text)),
        mark_first,
    }
}

/// The size most of a line's characters are set in.
fn dominant_size(spans: &[Span]) -> f32 {
    prevailing_size(spans.iter().map(|s| (s.size, s.text.as_str())))
}

/// The body's font size: the size most characters of the document are set
/// in.
fn body_size(lines: &[Line]) -> f32 {
    prevailing_size(lines.iter().map(|l| (l.size, l.text.as_str())))
}

/// The size (in points) that most characters of `runs` are set in, sizes
/// within a quarter point being one; the larger on a tie, 10 when there is
/// no text.
fn prevailing_size<'a>(runs: impl Iterator<Item = (f32, &'a str)>) -> f32 {
    let mut by: Vec<(f32, usize)> = Vec::new();
    for (size, text) in runs {
        let n = text.chars().count();
        match by.iter_mut().find(|(sz, _)| (sz - size).abs() < 0.25) {
            Some(e) => e.1 += n,
            None => by.push((size, n)),
        }
    }
    by.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)))
        .map_or(10.0, |(s, _)| s)
}

/// A line's text with digits masked and spaces removed: the key under
/// which running heads and page numbers repeat.
fn furniture_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            // A run of digits is one mark: page 9 and page 10 repeat.
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Running heads and feet are short: a symbol, a page number, a job
/// number, a barcode, a part name. A line of more words (a footnote that
/// repeats on several pages, a recurring sentence) is never furniture.
const MAX_FURNITURE_WORDS: usize = 12;

/// Takes running heads and feet out of `lines`; returns them.
fn take_furniture(lines: &mut Vec<Line>, pages: usize) -> Vec<String> {
    if pages < 2 {
        return Vec::new();
    }
    // The first and last lines of each page (lines come sorted by page),
    // each with its key.
    let mut edge: HashMap<usize, String> = HashMap::new();
    let mut start = 0;
    for run in lines.chunk_by(|a, b| a.page == b.page) {
        let n = run.len();
        for j in (0..n.min(EDGE_LINES)).chain(n.saturating_sub(EDGE_LINES)..n) {
            let l = &run[j];
            if l.mark_first.is_none() && l.text.split_whitespace().count() <= MAX_FURNITURE_WORDS {
                edge.insert(start + j, furniture_key(&l.text));
            }
        }
        start += n;
    }
    let mut pages_of: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (&i, key) in &edge {
        pages_of.entry(key).or_default().insert(lines[i].page);
    }
    // On at least two pages, and on two in five: running heads that
    // alternate between odd and even pages (symbol left, then right) are
    // each on half the pages, less the cover page.
    let need = (pages * 2).div_ceil(5).max(2);
    let repeated: HashSet<&str> = pages_of
        .into_iter()
        .filter(|(_, p)| p.len() >= need)
        .map(|(k, _)| k)
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut keep = Vec::with_capacity(lines.len());
    for (i, l) in lines.drain(..).enumerate() {
        if edge.get(&i).is_some_and(|k| repeated.contains(k.as_str())) {
            if seen.insert(l.text.clone()) {
                out.push(l.text);
            }
        } else {
            keep.push(l);
        }
    }
    *lines = keep;
    out
}

/// Splits a page's lines into body and footnote lines: the footnote block
/// is the run of small lines at the foot that starts with a marked line.
fn split_notes(lines: Vec<Line>, body_size: f32) -> (Vec<Line>, Vec<Line>) {
    let small = |l: &Line| l.size < NOTE_SIZE_RATIO * body_size;
    let mut start = lines.len();
    for i in (0..lines.len()).rev() {
        if !small(&lines[i]) {
            break;
        }
        if lines[i].mark_first.is_some() || starts_with_number(&lines[i].text) {
            start = i;
        }
    }
    let mut body = lines;
    let mut notes = body.split_off(start);
    for n in &mut notes {
        if n.mark_first.is_none() {
            // A mark printed on the baseline: "3 See the ...", "3See".
            if let Some((num, rest)) = note_mark(&n.text) {
                let (num, rest) = (num.to_string(), rest.to_string());
                n.mark_first = Some(num);
                n.text = rest;
            }
        }
    }
    (body, notes)
}

/// A footnote's mark printed on its baseline, before a space or glued to
/// the text (`3 See`, `3See`): one to three digits.
fn starts_with_number(t: &str) -> bool {
    note_mark(t).is_some()
}

/// The mark and the text of a footnote line whose mark is printed on the
/// baseline (`3 See the ...`, `3See the ...`).
#[allow(
    clippy::string_slice,
    reason = "`digits` counts ASCII digits: a byte each"
)]
fn note_mark(t: &str) -> Option<(&str, &str)> {
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    let rest = &t[digits..];
    let next = rest.chars().next()?;
    ((1..=3).contains(&digits) && (next == ' ' || next.is_alphabetic() || next == '\u{201c}'))
        .then(|| (&t[..digits], rest.trim_start()))
}

/// True when a line opens with a list label: `12.`, `(a)`, `(iv)`, `2 bis.`,
/// `a)`, a bullet.
fn starts_with_label(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let num = |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    if let Some(n) = first.strip_suffix('.') {
        if num(n) {
            return true;
        }
    }
    if num(first) {
        if let Some(second) = words.next() {
            return matches!(second, "bis." | "ter." | "quater." | "bis" | "ter");
        }
    }
    if let Some(inner) = first.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        return !inner.is_empty()
            && inner.len() <= 5
            && inner
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    }
    matches!(
        first,
        "\u{2022}" | "-" | "\u{2013}" | "\u{25aa}" | "\u{f0b7}"
    )
}

/// Joins lines into paragraphs.
fn paragraphs(lines: &[Line], body_size: f32) -> Vec<String> {
    if lines.is_empty() {
        return Vec::new();
    }
    // The usual distance between two lines of one paragraph: the most
    // common baseline step between consecutive body-size lines.
    let mut steps: Vec<i32> = lines
        .windows(2)
        .filter(|w| {
            w[0].page == w[1].page
                && (w[0].size - body_size).abs() < 0.5
                && (w[1].size - body_size).abs() < 0.5
        })
        .map(|w| ((w[1].y - w[0].y) * 4.0).round() as i32)
        .filter(|s| *s > 0)
        .collect();
    steps.sort_unstable();
    let leading = mode(&steps).map_or(body_size * 1.2, |s| s as f32 / 4.0);
    // The right margin: the right edge most full lines reach.
    let mut ends: Vec<f32> = lines.iter().map(|l| l.x_end).collect();
    ends.sort_by(f32::total_cmp);
    let right = ends[(ends.len() * 9 / 10).min(ends.len() - 1)];
    let mut starts: Vec<f32> = lines.iter().map(|l| l.x).collect();
    starts.sort_by(f32::total_cmp);
    let left = starts[ends.len() / 20];
    let width = (right - left).max(1.0);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, l) in lines.iter().enumerate() {
        let new_paragraph = match i.checked_sub(1).map(|j| &lines[j]) {
            None => true,
            Some(prev) => {
                let same_page = prev.page == l.page;
                // Line spacing grows with the type: a 26 pt title's lines
                // are further apart than the body's.
                let scale = (prev.size.max(l.size) / body_size).max(1.0);
                let gap = same_page && l.y - prev.y > leading * 1.25 * scale;
                let size_change = (prev.size - l.size).abs() > 0.5;
                // A title or heading set larger than the body wraps short
                // of the margin (centred): its lines stay together.
                let display = !size_change && prev.size > body_size * 1.1;
                let short = !display && prev.x_end < right - 0.12 * width;
                // ...but a line much narrower than the next is a heading of
                // its own above another ("Annex" over its title): a wrapped
                // line is the wider one.
                let stacked = display && (prev.x_end - prev.x) < 0.6 * (l.x_end - l.x);
                // Short lines set flush right (the cover block's
                // distribution, date and language) are lines of their own.
                let flush_right =
                    |x: &Line| x.x > left + 0.4 * width && x.x_end >= right - 0.03 * width;
                let cover = flush_right(prev) || flush_right(l);
                gap || short || stacked || size_change || cover || starts_with_label(&l.text)
            }
        };
        if new_paragraph && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        join_into(&mut cur, &l.text);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn mode(sorted: &[i32]) -> Option<i32> {
    let mut best: Option<(i32, usize)> = None;
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|v| **v == sorted[i]).count();
        if best.is_none_or(|(_, n)| j > n) {
            best = Some((sorted[i], j));
        }
        i += j;
    }
    best.map(|(v, _)| v)
}

/// Appends a line to a paragraph. A line ending in a hyphen is joined with
/// `\u{1}` in place of the line break, for [`dehyphenate`] to decide.
fn join_into(cur: &mut String, line: &str) {
    if cur.is_empty() {
        cur.push_str(line);
        return;
    }
    let hyphen = cur.ends_with('-') || cur.ends_with('\u{2010}') || cur.ends_with('\u{ad}');
    let before = cur.chars().rev().nth(1);
    let next = line.chars().next();
    if hyphen && before.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
        // A word broken at the line end, or a compound: decided later.
        cur.push('\u{1}');
    } else if hyphen
        && before.is_some_and(char::is_alphanumeric)
        && next.is_some_and(|c| c.is_ascii_digit())
    {
        // A symbol or number broken after its hyphen (`CI-`/`24/CONF.202`):
        // the hyphen is real and nothing stood between the two halves.
    } else {
        cur.push(' ');
    }
    cur.push_str(line);
}

/// Words of the document written whole (lower-cased), to decide broken
/// words: both plain words and hyphenated compounds.
fn vocabulary(paragraphs: &[String], notes: &[(String, String)]) -> HashSet<String> {
    let mut v = HashSet::new();
    for t in paragraphs.iter().chain(notes.iter().map(|(_, t)| t)) {
        for w in t.split(|c: char| c.is_whitespace() || c == '\u{1}') {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if !w.is_empty() {
                v.insert(w.to_lowercase());
            }
        }
    }
    v
}

/// First halves that form hyphenated compounds in UN texts ("cross-border",
/// "non-governmental", "follow-up"), and second halves ("evidence-based",
/// "gender-responsive", "long-term"). Used only when the document itself
/// does not show whether the word is written with a hyphen.
const COMPOUND_FIRST: &[&str] = &[
    "cross",
    "non",
    "self",
    "co",
    "well",
    "long",
    "short",
    "medium",
    "high",
    "low",
    "follow",
    "anti",
    "multi",
    "semi",
    "inter-agency",
    "pre",
    "post",
    "ex",
    "vice",
    "sub",
    "so",
    "up",
    "mid",
    "full",
    "part",
    "small",
    "large",
    "open",
    "child",
    "gender",
    "state",
    "community",
    "evidence",
    "human",
    "law",
    "rule",
    "country",
    "region",
    "results",
    "cost",
    "time",
    "peer",
    "case",
    "decision",
    "policy",
    "capacity",
    "south",
    "north",
    "east",
    "west",
];
const COMPOUND_SECOND: &[&str] = &[
    "based",
    "related",
    "sensitive",
    "responsive",
    "specific",
    "oriented",
    "led",
    "owned",
    "driven",
    "friendly",
    "free",
    "term",
    "level",
    "making",
    "building",
    "wide",
    "up",
    "scale",
    "party",
    "border",
    "governmental",
    "operation",
    "operative",
    "ordination",
    "ordinated",
    "sponsored",
    "centred",
    "centered",
    "focused",
    "appropriate",
    "time",
];

/// Resolves the line-end breaks (`\u{1}`) of a paragraph: joined, or kept
/// with their hyphen.
#[allow(
    clippy::string_slice,
    reason = "every offset is that of a character found by find/rfind or a character's length"
)]
fn dehyphenate(p: &str, known: &HashSet<String>) -> String {
    if !p.contains('\u{1}') {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(at) = rest.find('\u{1}') {
        let (before, after) = (&rest[..at], &rest[at + 1..]);
        let hyphen = before.chars().next_back().unwrap_or('-');
        let stem = &before[..before.len() - hyphen.len_utf8()];
        let first_start = stem
            .rfind(|c: char| !c.is_alphabetic() && c != '-')
            .map_or(0, |i| {
                i + stem[i..].chars().next().map_or(1, char::len_utf8)
            });
        let first = &stem[first_start..];
        let second_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        let second = &after[..second_len];
        let joined = format!("{first}{second}").to_lowercase();
        let hyphenated = format!("{first}-{second}").to_lowercase();
        let first_l = first.rsplit('-').next().unwrap_or(first).to_lowercase();
        // A soft hyphen is never kept; else the document's own spelling
        // decides, then the compound halves.
        let keep = hyphen != '\u{ad}'
            && !known.contains(&joined)
            && (known.contains(&hyphenated)
                || COMPOUND_FIRST.contains(&first_l.as_str())
                || COMPOUND_SECOND.contains(&second.to_lowercase().as_str()));
        out.push_str(stem);
        if keep {
            out.push(hyphen);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Ligature glyphs as their letters (Unicode's compatibility forms
/// U+FB00..U+FB06).
pub fn ligatures(s: &str) -> String {
    if !s.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(page: usize, x: f32, y: f32, size: f32, text: &str) -> Span {
        Span {
            page,
            x,
            x_end: x + text.chars().count() as f32 * size * 0.5,
            y,
            size,
            text: text.into(),
        }
    }

    /// A three-page document: a running head and a foot with the page
    /// number on every page, a footnote on page 1, a paragraph that runs
    /// across the page break, and a word broken at a line end.
    fn pages() -> Vec<Span> {
        let mut v = Vec::new();
        for p in 0..3 {
            v.push(span(p, 72.0, 40.0, 10.0, "A/CONF.999/L.1"));
            v.push(span(p, 72.0, 800.0, 9.0, "V.27-01234"));
            v.push(span(p, 400.0, 800.0, 9.0, &format!("{}", p + 1)));
        }
        // 100 columns of 5 pt: full lines end at x = 572.
        let full = |p, y, t: &str| {
            let mut s = span(p, 72.0, y, 10.0, t);
            s.x_end = 572.0;
            s
        };
        v.push(full(
            0,
            100.0,
            "1. We urge Member States to strengthen their pur-",
        ));
        v.push(span(
            0,
            72.0,
            112.0,
            10.0,
            "poses and cross-border cooperation.",
        ));
        v.push(full(
            0,
            130.0,
            "2. We commit to developing community-based alter-",
        ));
        v.push(span(0, 72.0, 142.0, 10.0, "natives"));
        v.push(span(0, 107.0, 138.0, 6.0, "1"));
        v.push(span(0, 112.0, 142.0, 10.0, " for minor offences;"));
        v.push(full(
            0,
            160.0,
            "(a) Ensuring access to legal aid at all stages of the cross-",
        ));
        v.push(span(0, 72.0, 172.0, 10.0, "border process;"));
        v.push(full(
            0,
            190.0,
            "3. We request the Office to provide technical assistance to",
        ));
        v.push(span(0, 72.0, 740.0, 6.0, "1"));
        v.push(span(0, 80.0, 744.0, 8.5, "See resolution 70/1."));
        v.push(span(1, 72.0, 100.0, 10.0, "Member States, upon request."));
        v.push(span(1, 72.0, 130.0, 10.0, "Annex"));
        v.push(span(
            2,
            72.0,
            100.0,
            10.0,
            "1. Member States should collect data.",
        ));
        v
    }

    #[test]
    fn heads_feet_footnotes_paragraphs_and_hyphens() {
        let laid = lay_out(pages(), 3);
        let paras: Vec<&str> = laid.text.split("\n\n").filter(|s| !s.is_empty()).collect();
        assert_eq!(
            paras,
            [
                "1. We urge Member States to strengthen their purposes and cross-border cooperation.",
                "2. We commit to developing community-based alternatives<sup>1</sup> for minor offences;",
                "(a) Ensuring access to legal aid at all stages of the cross-border process;",
                "3. We request the Office to provide technical assistance to Member States, upon request.",
                "Annex",
                "1. Member States should collect data.",
                "<sup>1</sup> See resolution 70/1.",
            ]
        );
        // Each line taken out is listed once: the symbol once, the foot of
        // each page with its own number.
        assert_eq!(
            laid.furniture,
            [
                "A/CONF.999/L.1",
                "V.27-01234 1",
                "V.27-01234 2",
                "V.27-01234 3"
            ]
        );
    }

    #[test]
    fn titles_cover_lines_and_broken_symbols() {
        let full = |y, t: &str| {
            let mut s = span(0, 72.0, y, 10.0, t);
            s.x_end = 572.0;
            s
        };
        let right = |y, t: &str| {
            let mut s = span(0, 472.0, y, 10.0, t);
            s.x_end = 572.0;
            s
        };
        let v = vec![
            right(60.0, "Distr.: General"),
            right(72.0, "14 December 2026"),
            right(84.0, "Original: English"),
            // A heading over a 20 pt title on two centred lines, 24 pt
            // apart.
            span(0, 280.0, 106.0, 20.0, "Annex"),
            span(0, 150.0, 130.0, 20.0, "Recommended measures for"),
            span(0, 160.0, 154.0, 20.0, "the protection of journalists"),
            full(190.0, "1. See the report of the Committee (CI-"),
            span(0, 72.0, 202.0, 10.0, "24/CONF.202/4) on this."),
            full(
                220.0,
                "2. More text that fills the line to the right margin",
            ),
            span(0, 72.0, 232.0, 10.0, "and ends here."),
        ];
        let laid = lay_out(v, 1);
        let paras: Vec<&str> = laid.text.split("\n\n").filter(|s| !s.is_empty()).collect();
        assert_eq!(
            paras,
            [
                "Distr.: General",
                "14 December 2026",
                "Original: English",
                "Annex",
                "Recommended measures for the protection of journalists",
                "1. See the report of the Committee (CI-24/CONF.202/4) on this.",
                "2. More text that fills the line to the right margin and ends here.",
            ]
        );
    }

    #[test]
    fn one_page_keeps_its_edges() {
        let laid = lay_out(vec![span(0, 72.0, 40.0, 10.0, "A/CONF.999/L.1")], 1);
        assert_eq!(laid.text.trim(), "A/CONF.999/L.1");
        assert!(laid.furniture.is_empty());
    }

    #[test]
    fn labels_and_ligatures() {
        for t in [
            "12. Text",
            "(a) Text",
            "(iv) Text",
            "2 bis. Text",
            "\u{2022} x",
        ] {
            assert!(starts_with_label(t), "{t}");
        }
        for t in ["2030 Agenda", "(see above)", "Text 1."] {
            assert!(!starts_with_label(t), "{t}");
        }
        assert_eq!(
            ligatures("signi\u{fb01}cant e\u{fb00}orts"),
            "significant efforts"
        );
    }

    #[test]
    fn hyphens_follow_the_document_first() {
        let known: HashSet<String> = ["policymaking", "follow-up"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            dehyphenate("policy-\u{1}making and", &known),
            "policymaking and"
        );
        assert_eq!(dehyphenate("the follow-\u{1}up", &known), "the follow-up");
        assert_eq!(dehyphenate("inter-\u{1}national", &known), "international");
        assert_eq!(dehyphenate("cross-\u{1}border", &known), "cross-border");
        assert_eq!(
            dehyphenate("gender-\u{1}responsive", &known),
            "gender-responsive"
        );
        assert_eq!(dehyphenate("pro\u{ad}\u{1}cess", &known), "process");
    }
}
