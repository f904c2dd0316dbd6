//! The structure pass: classified lines to units.
//!
//! The rules, in the order they matter:
//!
//! * **Paragraph numbers run monotonically.** A numbered line is a paragraph
//!   when it carries the next number (or a later one that the following
//!   numbered line confirms). A number out of sequence is a heading
//!   (`1.`-`4.` section headings) or, right after a paragraph ending with a
//!   colon, a numbered list line `N-k` (the agenda inside paragraph 74).
//! * **A numbered line that repeats the next paragraph's number** and reads
//!   as a heading (a bold workshop title) is a heading.
//! * **Lettered lines** `(x)` are items only where a list is open: after a
//!   paragraph or list line ending with a colon, or continuing the letters
//!   of the same paragraph. Elsewhere they are sub-section headings
//!   (`(a) Opening session`).
//! * **Text without a number** continues the unit before it when it starts
//!   in lower case or the unit's text stops mid-sentence (a page break);
//!   reads as a heading when it is short, capitalised and unpunctuated;
//!   and otherwise is the rest of the unit before it.
//! * **Footnote definitions** are taken out wherever they stand, and
//!   attached to the units that cite their marks.
//! * **Everything before the first paragraph** is front matter; only the
//!   headings directly above paragraph 1 are kept as its heading path.

use super::citation::{roman_value, UnitPath};
use super::lines::{classify, Kind, Line};
use super::markup::{clean, ends_terminal, ends_with_colon};
use super::{Footnote, ParsedDoc, SkipReason, Skipped, Unit, UnitKind};
use crate::corpus::DocMeta;
use crate::parse::Citation;

/// A unit being built.
#[derive(Debug, Clone)]
struct Draft {
    path: UnitPath,
    kind: UnitKind,
    text: String,
    refs: Vec<(String, usize)>,
    section: Vec<String>,
    year: Option<u16>,
    line: usize,
    parent: Option<usize>,
    /// Last lettered child (paragraphs and list lines).
    last_letter: Option<char>,
    /// Last roman child (items).
    last_roman: Option<u32>,
    /// Bullets and list lines under a paragraph.
    bullets: u32,
    list_lines: u32,
}

#[derive(Debug, Clone)]
struct Heading {
    level: u8,
    text: String,
    year: Option<u16>,
}

/// Who receives a text line that directly follows another, with no blank
/// line between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    None,
    Unit(usize),
    Footnote(usize),
    Heading,
    Skipped(usize),
}

struct State<'m> {
    meta: &'m DocMeta,
    units: Vec<Draft>,
    stack: Vec<Heading>,
    headings: Vec<String>,
    footnotes: Vec<(Footnote, usize)>,
    skipped: Vec<Skipped>,
    started: bool,
    last_para: Option<u32>,
    para: Option<usize>,
    cur: Option<usize>,
    heading_since: bool,
    owner: Owner,
}

pub(crate) fn parse(meta: &DocMeta, body: &str) -> ParsedDoc {
    let lines = classify(body);
    let next_numbered = next_numbered(&lines);
    let mut st = State {
        meta,
        units: Vec::new(),
        stack: Vec::new(),
        headings: Vec::new(),
        footnotes: Vec::new(),
        skipped: Vec::new(),
        started: false,
        last_para: None,
        para: None,
        cur: None,
        heading_since: false,
        owner: Owner::None,
    };
    let mut prev_blank = true;
    for (i, line) in lines.iter().enumerate() {
        let follows = !prev_blank;
        prev_blank = line.kind == Kind::Blank;
        if line.kind == Kind::Blank {
            continue;
        }
        if let Kind::Text(t) = &line.kind {
            if follows && st.append_to_owner(t, line.no) {
                continue;
            }
        }
        if st.started {
            st.body_line(line, next_numbered[i]);
        } else {
            st.front_line(line, next_numbered[i]);
        }
    }
    if st.units.is_empty() {
        return unnumbered(meta, &lines);
    }
    st.finish(false)
}

/// For each line, the number of the next numbered line after it.
fn next_numbered(lines: &[Line]) -> Vec<Option<u32>> {
    let mut out = vec![None; lines.len()];
    let mut next = None;
    for i in (0..lines.len()).rev() {
        out[i] = next;
        if let Kind::Numbered(n, _) = lines[i].kind {
            next = Some(n);
        }
    }
    out
}

/// Reads as a heading: capitalised or numbered, not ending a sentence or
/// trailing off into the next line.
fn heading_like(t: &str, max_chars: usize) -> bool {
    let t = t.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if t.chars().count() > max_chars {
        return false;
    }
    let last_word = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    (first.is_uppercase() || first.is_ascii_digit() || matches!(first, '(' | '“' | '"'))
        && !ends_terminal(t)
        && !t.ends_with([',', '-', '–'])
        && !matches!(
            last_word.as_str(),
            "and" | "or" | "of" | "the" | "in" | "to" | "with" | "for" | "a" | "an" | "by" | "on"
        )
}

const ROMAN_HEADINGS: [&str; 15] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
];

/// Heading level from its numbering: `I.` 1, `A.` 2, `1.` 3, `(a)` 4,
/// unnumbered 5. Returns the level and the text after the numbering.
fn heading_level(t: &str) -> (u8, &str) {
    if let Some((num, rest)) = t.split_once(". ") {
        if ROMAN_HEADINGS.contains(&num) {
            return (1, rest);
        }
        if num.len() == 1 && num.chars().all(|c| c.is_ascii_uppercase()) {
            return (2, rest);
        }
        if !num.is_empty() && num.len() <= 3 && num.chars().all(|c| c.is_ascii_digit()) {
            return (3, rest);
        }
    }
    if let Some(rest) = t.strip_prefix('(') {
        if let Some((label, after)) = rest.split_once(") ") {
            if !label.is_empty()
                && label.len() <= 4
                && label.chars().all(|c| c.is_ascii_lowercase())
            {
                return (4, after);
            }
        }
    }
    (5, t)
}

/// A year opening a heading's text: `2021 Thematic Discussions – Pillar I`.
fn heading_year(rest: &str) -> Option<u16> {
    let digits: String = rest.chars().take(5).collect();
    let year = digits.get(..4)?;
    let after = digits.get(4..).unwrap_or("");
    if year.chars().all(|c| c.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"))
        && !after.starts_with(|c: char| c.is_ascii_digit())
    {
        year.parse().ok()
    } else {
        None
    }
}

fn starts_lower(t: &str) -> bool {
    match t.chars().find(|c| !matches!(c, '*' | '_' | ' ')) {
        Some(c) => c.is_lowercase() || matches!(c, ',' | ';' | ')' | '–' | '-'),
        None => false,
    }
}

fn successor(c: char) -> char {
    char::from_u32(c as u32 + 1).unwrap_or(c)
}

impl State<'_> {
    fn push_heading(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let (level, rest) = heading_level(&text);
        let year = heading_year(rest);
        while self.stack.last().is_some_and(|h| h.level >= level) {
            self.stack.pop();
        }
        self.headings.push(text.clone());
        self.stack.push(Heading { level, text, year });
        self.heading_since = true;
        self.cur = None;
        self.owner = Owner::Heading;
    }

    fn skip(&mut self, no: usize, text: &str, reason: SkipReason) {
        let text = clean(text).text;
        if text.is_empty() {
            self.owner = Owner::None;
            return;
        }
        self.skipped.push(Skipped {
            line: no,
            text,
            reason,
        });
        self.owner = Owner::Skipped(self.skipped.len() - 1);
    }

    fn footnote(&mut self, no: usize, mark: &str, rest: &str) {
        self.footnotes.push((
            Footnote {
                mark: mark.to_string(),
                text: clean(rest).text,
            },
            no,
        ));
        self.owner = Owner::Footnote(self.footnotes.len() - 1);
    }

    /// A text line directly under another line: it belongs to that line's
    /// element. Returns false when there is no such element.
    fn append_to_owner(&mut self, t: &str, no: usize) -> bool {
        match self.owner {
            Owner::None => false,
            Owner::Unit(u) => {
                self.append(u, t, no);
                true
            }
            Owner::Footnote(f) => {
                let c = clean(t).text;
                let text = &mut self.footnotes[f].0.text;
                text.push(' ');
                text.push_str(&c);
                true
            }
            Owner::Skipped(s) => {
                let c = clean(t).text;
                let text = &mut self.skipped[s].text;
                text.push(' ');
                text.push_str(&c);
                true
            }
            Owner::Heading => {
                let c = clean(t).text;
                if let Some(h) = self.stack.last_mut() {
                    h.text.push(' ');
                    h.text.push_str(&c);
                }
                if let Some(h) = self.headings.last_mut() {
                    h.push(' ');
                    h.push_str(&c);
                }
                true
            }
        }
    }

    fn append(&mut self, u: usize, t: &str, no: usize) {
        let c = clean(t);
        let d = &mut self.units[u];
        if !c.text.is_empty() {
            if !d.text.is_empty() {
                d.text.push(' ');
            }
            d.text.push_str(&c.text);
        }
        d.refs.extend(c.refs.into_iter().map(|r| (r, no)));
        self.owner = Owner::Unit(u);
    }

    fn year(&self) -> Option<u16> {
        self.stack
            .iter()
            .rev()
            .find_map(|h| h.year)
            .or_else(|| self.meta.date_year())
            .or(self.meta.year)
    }

    fn new_unit(
        &mut self,
        path: UnitPath,
        kind: UnitKind,
        rest: &str,
        no: usize,
        parent: Option<usize>,
    ) -> usize {
        let c = clean(rest);
        self.units.push(Draft {
            path,
            kind,
            text: c.text,
            refs: c.refs.into_iter().map(|r| (r, no)).collect(),
            section: self.stack.iter().map(|h| h.text.clone()).collect(),
            year: self.year(),
            line: no,
            parent,
            last_letter: None,
            last_roman: None,
            bullets: 0,
            list_lines: 0,
        });
        let idx = self.units.len() - 1;
        self.cur = Some(idx);
        self.heading_since = false;
        self.owner = Owner::Unit(idx);
        idx
    }

    fn start_paragraph(&mut self, n: u32, rest: &str, no: usize) {
        self.started = true;
        let idx = self.new_unit(UnitPath::para(n), UnitKind::Paragraph, rest, no, None);
        self.last_para = Some(n);
        self.para = Some(idx);
    }

    /// Lines before the first paragraph.
    fn front_line(&mut self, line: &Line, next: Option<u32>) {
        match &line.kind {
            Kind::Blank => {}
            Kind::Numbered(n, rest) => {
                let c = clean(rest).text;
                let hl = heading_like(&c, 400);
                let is_para = !hl || next == Some(n + 1);
                if is_para && next != Some(*n) {
                    self.start_paragraph(*n, rest, line.no);
                } else {
                    self.push_heading(format!("{n}. {c}"));
                }
            }
            Kind::Heading(t) => self.push_heading(t.clone()),
            Kind::Text(t) => {
                let c = clean(t).text;
                if heading_like(&c, 200) {
                    self.push_heading(c);
                } else {
                    self.stack.clear();
                    self.skip(line.no, t, SkipReason::FrontMatter);
                }
            }
            Kind::Footnote(mark, rest) => self.footnote(line.no, mark, rest),
            Kind::Rule => self.owner = Owner::None,
            Kind::Table(t) => {
                self.stack.clear();
                self.skip(line.no, t, SkipReason::Table);
            }
            Kind::Lettered(label, rest) => {
                self.stack.clear();
                self.skip(
                    line.no,
                    &format!("({label}) {rest}"),
                    SkipReason::FrontMatter,
                );
            }
            Kind::Bullet(rest) => {
                self.stack.clear();
                self.skip(line.no, rest, SkipReason::FrontMatter);
            }
        }
    }

    fn body_line(&mut self, line: &Line, next: Option<u32>) {
        match &line.kind {
            Kind::Blank => {}
            Kind::Rule => self.owner = Owner::None,
            Kind::Table(t) => self.skip(line.no, t, SkipReason::Table),
            Kind::Heading(t) => self.push_heading(t.clone()),
            Kind::Footnote(mark, rest) => self.footnote(line.no, mark, rest),
            Kind::Numbered(n, rest) => self.numbered(*n, rest, line.no, next),
            Kind::Lettered(label, rest) => self.lettered(label, rest, line.no),
            Kind::Bullet(rest) => self.bullet(rest, line.no),
            Kind::Text(t) => self.text(t, line.no),
        }
    }

    fn numbered(&mut self, n: u32, rest: &str, no: usize, next: Option<u32>) {
        let c = clean(rest).text;
        let bold = {
            let r = rest.trim();
            r.starts_with("**") && r.ends_with("**")
        };
        let hl = heading_like(&c, 400) || bold;
        let expected = self.last_para.map_or(1, |p| p + 1);
        // A heading carrying the number of the paragraph that follows it.
        if hl && next == Some(n) {
            self.push_heading(format!("{n}. {c}"));
            return;
        }
        let list_next = self.para.and_then(|p| {
            let d = &self.units[p];
            let open = !self.heading_since
                && d.bullets == 0
                && d.last_letter.is_none()
                && (d.list_lines > 0 || ends_with_colon(&d.text));
            open.then_some(d.list_lines + 1)
        });
        let is_list = list_next == Some(n);
        // A later number than expected is a paragraph only when the next
        // numbered line confirms the new sequence (numbering gaps happen in
        // excerpts), and never when it reads as a heading.
        let confirmed_gap = n > expected && !hl && (next == Some(n + 1) || next.is_none());
        let is_para = n == expected || confirmed_gap;
        let as_list = match (is_list, is_para) {
            (true, true) => c.chars().count() < 120 || c.ends_with(';'),
            (true, false) => true,
            _ => false,
        };
        if as_list {
            let p = self.para.expect("list lines need a paragraph");
            self.units[p].list_lines += 1;
            let path = UnitPath {
                sub: Some(self.units[p].list_lines),
                ..self.units[p].path
            };
            self.new_unit(path, UnitKind::ListLine, rest, no, Some(p));
            self.units[p].last_letter = None;
        } else if is_para {
            self.start_paragraph(n, rest, no);
        } else if hl || (n < expected && !ends_terminal(&c)) {
            // A number running backwards is never a paragraph: a section
            // heading, however long.
            self.push_heading(format!("{n}. {c}"));
        } else {
            // A number that fits nowhere: keep the words with the unit above.
            self.text(&format!("{n}. {rest}"), no);
        }
    }

    /// The unit whose lettered items a new `(x)` line would continue.
    fn letter_target(&self) -> Option<usize> {
        if self.heading_since {
            return None;
        }
        let cur = self.cur?;
        let d = &self.units[cur];
        match d.kind {
            UnitKind::Paragraph | UnitKind::ListLine => Some(cur),
            UnitKind::Item | UnitKind::ListItem => d.parent,
            UnitKind::Subitem => d.parent.and_then(|p| self.units[p].parent),
            UnitKind::Bullet => self.para,
        }
    }

    fn lettered(&mut self, label: &str, rest: &str, no: usize) {
        // A roman sub-item of the current lettered item?
        if let (Some(rv), Some(cur), false) = (roman_value(label), self.cur, self.heading_since) {
            let d = &self.units[cur];
            let item = match d.kind {
                UnitKind::Item | UnitKind::ListItem
                    if rv == 1 && d.last_roman.is_none() && ends_with_colon(&d.text) =>
                {
                    Some(cur)
                }
                UnitKind::Subitem => d
                    .parent
                    .filter(|&p| self.units[p].last_roman == Some(rv - 1)),
                _ => None,
            };
            if let Some(item) = item {
                let path = UnitPath {
                    roman: Some(rv),
                    ..self.units[item].path
                };
                self.units[item].last_roman = Some(rv);
                self.new_unit(path, UnitKind::Subitem, rest, no, Some(item));
                return;
            }
        }
        let letter = (label.len() == 1).then(|| label.chars().next()).flatten();
        if let (Some(ch), Some(t)) = (letter, self.letter_target()) {
            let d = &self.units[t];
            let opens = match d.last_letter {
                None => ch == 'a' && (ends_with_colon(&d.text) || rest.trim_end().ends_with(';')),
                Some(prev) => ch == successor(prev),
            };
            if opens {
                let kind = if d.kind == UnitKind::ListLine {
                    UnitKind::ListItem
                } else {
                    UnitKind::Item
                };
                let path = UnitPath {
                    letter: Some(ch),
                    ..d.path
                };
                self.units[t].last_letter = Some(ch);
                self.new_unit(path, kind, rest, no, Some(t));
                return;
            }
        }
        let c = clean(rest).text;
        if heading_like(&c, 300) {
            self.push_heading(format!("({label}) {c}"));
        } else {
            self.text(&format!("({label}) {rest}"), no);
        }
    }

    fn bullet(&mut self, rest: &str, no: usize) {
        if clean(rest).text.is_empty() {
            self.owner = Owner::None;
            return;
        }
        match self.para {
            Some(p) if !self.heading_since => {
                let d = &mut self.units[p];
                d.bullets += 1;
                let path = UnitPath {
                    sub: Some(d.bullets + d.list_lines),
                    ..d.path
                };
                self.new_unit(path, UnitKind::Bullet, rest, no, Some(p));
            }
            _ => self.text(rest, no),
        }
    }

    /// Text with no number of its own, after a blank line.
    fn text(&mut self, t: &str, no: usize) {
        let c = clean(t).text;
        match self.cur {
            Some(u) => {
                // `A. Title` / `IV. Title`: section numbering is a heading even
                // when the unit above stops mid-sentence (a list of names).
                let numbered_heading = heading_level(&c).0 <= 2 && heading_like(&c, 300);
                if numbered_heading {
                    self.push_heading(c);
                } else if starts_lower(t)
                    || !ends_terminal(&self.units[u].text)
                    || !heading_like(&c, 200)
                {
                    self.append(u, t, no);
                } else {
                    self.push_heading(c);
                }
            }
            None => {
                if heading_like(&c, 200) {
                    self.push_heading(c);
                } else {
                    self.skip(no, t, SkipReason::Orphan);
                }
            }
        }
    }

    fn finish(self, numbered_by_accord: bool) -> ParsedDoc {
        let State {
            meta,
            mut units,
            headings,
            footnotes,
            skipped,
            ..
        } = self;
        fold_single_bullets(&mut units);
        let units = units
            .into_iter()
            .map(|d| {
                let mut notes: Vec<Footnote> = Vec::new();
                for (mark, line) in &d.refs {
                    if notes.iter().any(|n| &n.mark == mark) {
                        continue;
                    }
                    if let Some(f) = resolve_footnote(&footnotes, mark, *line) {
                        notes.push(f.clone());
                    }
                }
                Unit {
                    id: Citation::new(meta.id.clone(), d.path),
                    kind: d.kind,
                    text: d.text,
                    section: d.section,
                    footnotes: notes,
                    year: d.year,
                    line: d.line,
                }
            })
            .collect();
        ParsedDoc {
            meta: meta.clone(),
            units,
            headings,
            footnotes: footnotes.into_iter().map(|(f, _)| f).collect(),
            skipped,
            numbered_by_accord,
        }
    }
}

/// The definition of footnote `mark` nearest after the citing line (notes
/// sit at the foot of the page), else the nearest before it.
fn resolve_footnote<'f>(
    notes: &'f [(Footnote, usize)],
    mark: &str,
    line: usize,
) -> Option<&'f Footnote> {
    let after = notes
        .iter()
        .filter(|(f, l)| f.mark == mark && *l >= line)
        .min_by_key(|(_, l)| *l);
    let before = || {
        notes
            .iter()
            .filter(|(f, l)| f.mark == mark && *l < line)
            .max_by_key(|(_, l)| *l)
    };
    after.or_else(before).map(|(f, _)| f)
}

/// A paragraph with a single bullet has no list: the "bullet" is a
/// converter artefact (an officers' table, a stray dash), and its text is
/// the rest of the paragraph.
fn fold_single_bullets(units: &mut Vec<Draft>) {
    let singles: Vec<usize> = (0..units.len())
        .filter(|&p| {
            units[p].kind == UnitKind::Paragraph
                && units[p].bullets == 1
                && units[p].list_lines == 0
        })
        .collect();
    let mut remove = Vec::new();
    for p in singles {
        if let Some(b) = (p + 1..units.len())
            .find(|&b| units[b].kind == UnitKind::Bullet && units[b].parent == Some(p))
        {
            let bullet = units[b].clone();
            let para = &mut units[p];
            if !bullet.text.is_empty() {
                para.text.push(' ');
                para.text.push_str(&bullet.text);
            }
            para.refs.extend(bullet.refs);
            para.bullets = 0;
            remove.push(b);
        }
    }
    // Indices shift as we remove; go from the back. Parents always precede
    // children, and a bullet has no children, so no parent index changes
    // meaning for the units that remain.
    for b in remove.into_iter().rev() {
        units.remove(b);
        for d in units.iter_mut() {
            if let Some(p) = d.parent {
                if p > b {
                    d.parent = Some(p - 1);
                }
            }
        }
    }
}

/// A document without paragraph numbers: every block of text between blank
/// lines is a paragraph, numbered 1, 2, 3 in order; markdown headings stay
/// headings; a block starting in lower case continues the one before.
fn unnumbered(meta: &DocMeta, lines: &[Line]) -> ParsedDoc {
    let mut st = State {
        meta,
        units: Vec::new(),
        stack: Vec::new(),
        headings: Vec::new(),
        footnotes: Vec::new(),
        skipped: Vec::new(),
        started: true,
        last_para: None,
        para: None,
        cur: None,
        heading_since: false,
        owner: Owner::None,
    };
    let mut prev_blank = true;
    for line in lines {
        let follows = !prev_blank;
        prev_blank = line.kind == Kind::Blank;
        let text = match &line.kind {
            Kind::Blank => continue,
            Kind::Rule => {
                st.owner = Owner::None;
                continue;
            }
            Kind::Heading(t) => {
                st.push_heading(t.clone());
                continue;
            }
            Kind::Footnote(mark, rest) => {
                st.footnote(line.no, mark, rest);
                continue;
            }
            Kind::Table(t) => {
                st.skip(line.no, t, SkipReason::Table);
                continue;
            }
            Kind::Bullet(rest) if st.para.is_some() && !st.heading_since => {
                st.bullet(rest, line.no);
                continue;
            }
            Kind::Numbered(n, rest) => format!("{n}. {rest}"),
            Kind::Lettered(l, rest) => format!("({l}) {rest}"),
            Kind::Bullet(rest) => rest.clone(),
            Kind::Text(t) => t.clone(),
        };
        if follows && st.append_to_owner(&text, line.no) {
            continue;
        }
        match st.cur {
            Some(u) if starts_lower(&text) => st.append(u, &text, line.no),
            _ => {
                let n = st.last_para.map_or(1, |p| p + 1);
                st.start_paragraph(n, &text, line.no);
            }
        }
    }
    st.finish(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_and_years() {
        assert_eq!(heading_level("II. Conclusions").0, 1);
        assert_eq!(heading_level("C. Other issues").0, 2);
        assert_eq!(
            heading_level("2. 2022 Thematic Discussions – Pillar II").0,
            3
        );
        assert_eq!(heading_level("(a) Opening session").0, 4);
        assert_eq!(heading_level("Summary of deliberations").0, 5);
        assert_eq!(
            heading_year(heading_level("2. 2022 Thematic Discussions").1),
            Some(2022)
        );
        assert_eq!(heading_year("Main theme: towards the 2030 Agenda"), None);
        assert_eq!(heading_year("20215 items"), None);
    }

    #[test]
    fn heading_like_lines() {
        assert!(heading_like("Outcome of deliberations", 200));
        assert!(heading_like(
            "Mainstreaming a gender perspective in crime prevention",
            200
        ));
        assert!(!heading_like(
            "Examples of collecting and visualizing geo-referenced data were shown.",
            200
        ));
        assert!(!heading_like(
            "Organization for Security and Co-operation in",
            200
        ));
        assert!(!heading_like("building on the success", 200));
    }
}
