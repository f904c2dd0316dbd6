//! Word (.docx): the text a reader sees, as lines the parser reads.
//!
//! A Word file is a zip of XML parts (ECMA-376, *Office Open XML*, part 1,
//! §17). What a reader sees is not the text of `document.xml` alone:
//!
//! * **Automatic numbering** (§17.9): the `1.`, `(a)` and `(i)` of a
//!   paragraph are not in its text but come from `numbering.xml`: the
//!   paragraph (or its style) names a list (`numId`) and a level (`ilvl`);
//!   the list names an abstract definition whose level gives a start, a
//!   format (`decimal`, `lowerLetter`, `lowerRoman`, ...) and a pattern
//!   (`%1.`, `(%2)`). Counters belong to the abstract definition, so two
//!   lists built on one definition continue each other, unless a list
//!   overrides the start of a level (`startOverride`): then it starts again
//!   there (an annex numbered from 1). A level's counter restarts when a
//!   higher level is used.
//! * **Headings** are paragraphs whose style (or the style it is based on)
//!   has an outline level, or is named "heading N"; they are written as
//!   Markdown headings (`# Annex`). The Title style is written as a plain
//!   first line, as a title is typed.
//! * **Footnotes** (`footnotes.xml`, and endnotes after them) are numbered
//!   in order of reference, as Word numbers them, cited inline as
//!   `<sup>N</sup>` and defined at the end as `<sup>N</sup> text`; the parser
//!   attaches each to the unit that cites it.
//! * **Tables** are read row by row, one `| cell | cell |` line per row.
//! * **Tracked changes** (§17.13.5): with [`Changes::Accepted`] insertions
//!   are kept and deletions dropped, as if every change were accepted; with
//!   [`Changes::Original`] the reverse, and a paragraph's properties are
//!   those before a tracked change of them (`pPrChange`). A deleted
//!   paragraph mark joins the paragraph to the next, as Word does.
//! * **Comments**, field instructions and the fallback copies of drawings
//!   are not text of the document and are ignored. Page headers and footers
//!   are returned apart, as page furniture (they carry the symbol).

use std::collections::{HashMap, HashSet};
use std::io::Read;

use super::xml::{self, Element, Node};
use super::{Changes, FormatError};

/// The largest part read from a Word file, decompressed: the document
/// size limit ([`MAX_DOCUMENT_BYTES`](crate::corpus::MAX_DOCUMENT_BYTES)).
/// A zip bomb ends here with an error.
const MAX_PART_BYTES: u64 = crate::corpus::MAX_DOCUMENT_BYTES;

/// What a Word file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordText {
    /// The body as lines the parser reads: one paragraph per line, blank
    /// lines between, numbering written out, headings as `#` lines,
    /// footnote definitions at the end.
    pub text: String,
    /// The text of the page headers and footers, one line per paragraph.
    pub furniture: Vec<String>,
    /// The file holds tracked changes (insertions, deletions, moves, or
    /// changed paragraph properties).
    pub tracked_changes: bool,
}

/// Reads a Word file.
///
/// # Errors
/// [`FormatError::NotWord`] for a zip without a Word document in it (an
/// `.xlsx`, an `.odt`, any other archive); [`FormatError::Damaged`] for a
/// zip or XML part that cannot be read.
pub fn read(bytes: &[u8], changes: Changes) -> Result<WordText, FormatError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| FormatError::Damaged(format!("the zip archive cannot be read ({e})")))?;
    let main = main_part(&mut zip)?;
    let rels = relationships(&mut zip, &main)?;
    let part = |kind: &str| {
        rels.iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    let document = read_xml(&mut zip, &main)?
        .ok_or_else(|| FormatError::NotWord(format!("its main part {main} is missing")))?;
    let styles = match part("styles").first() {
        Some(p) => read_xml(&mut zip, p)?
            .map(|e| Styles::read(&e))
            .unwrap_or_default(),
        None => Styles::default(),
    };
    let numbering = match part("numbering").first() {
        Some(p) => read_xml(&mut zip, p)?
            .map(|e| Numbering::read(&e))
            .unwrap_or_default(),
        None => Numbering::default(),
    };
    let mut notes = HashMap::new();
    for (kind, tag) in [("footnotes", "footnote"), ("endnotes", "endnote")] {
        if let Some(p) = part(kind).first() {
            if let Some(e) = read_xml(&mut zip, p)? {
                for n in e.elements().filter(|n| n.name == tag) {
                    if n.attr("type").is_some_and(|t| t != "normal") {
                        continue;
                    }
                    if let Some(id) = n.attr("id") {
                        notes.insert((tag == "endnote", id.to_string()), n.clone());
                    }
                }
            }
        }
    }
    let mut furniture = Vec::new();
    for p in part("header").iter().chain(part("footer").iter()) {
        if let Some(e) = read_xml(&mut zip, p)? {
            let mut r = Reader::new(&styles, &numbering, changes);
            r.block(&e);
            furniture.extend(r.lines);
        }
    }
    let body = document
        .child("body")
        .ok_or_else(|| FormatError::NotWord(format!("{main} has no body")))?;
    let mut r = Reader::new(&styles, &numbering, changes);
    r.block(body);
    r.flush_carry();
    // Footnote texts, read in the same view of the changes. They are read
    // with their own reader: their paragraphs are not numbered with the
    // body's lists.
    let mut defs = Vec::new();
    let cited = std::mem::take(&mut r.cited);
    let no_lists = Numbering::default();
    for (mark, key) in (1..).zip(&cited) {
        if let Some(n) = notes.get(key) {
            let mut nr = Reader::new(&styles, &no_lists, changes);
            nr.in_note = true;
            nr.block(n);
            nr.flush_carry();
            defs.push(format!("<sup>{mark}</sup> {}", nr.lines.join(" ").trim()));
            r.tracked |= nr.tracked;
        }
    }
    let mut text = String::new();
    for line in r.lines.iter().chain(&defs) {
        if line.trim().is_empty() {
            continue;
        }
        text.push_str(line);
        text.push_str("\n\n");
    }
    Ok(WordText {
        text,
        furniture: furniture
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect(),
        tracked_changes: r.tracked,
    })
}

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// The main part's name, from the package relationships (`word/document.xml`
/// in every Word file seen, but the package says where it is).
fn main_part(zip: &mut Zip<'_>) -> Result<String, FormatError> {
    let rels = read_xml(zip, "_rels/.rels")?;
    let target = rels.as_ref().and_then(|r| {
        r.elements()
            .find(|e| {
                e.attr("Type")
                    .is_some_and(|t| t.ends_with("/officeDocument"))
            })
            .and_then(|e| e.attr("Target"))
            .map(|t| t.trim_start_matches('/').to_string())
    });
    match target {
        // Excel and PowerPoint files name their workbook or presentation as
        // the package's main part too.
        Some(t) if t.starts_with("xl/") => Err(FormatError::NotWord(
            "an Excel workbook (.xlsx): save the text as .docx, PDF or text".into(),
        )),
        Some(t) if t.starts_with("ppt/") => Err(FormatError::NotWord(
            "a PowerPoint presentation (.pptx): save the text as .docx, PDF or text".into(),
        )),
        Some(t) if t.ends_with(".xml") => Ok(t),
        _ if zip.by_name("word/document.xml").is_ok() => Ok("word/document.xml".into()),
        _ => {
            let what = if zip.by_name("content.xml").is_ok() {
                "an OpenDocument file (.odt): save it as .docx"
            } else if zip.by_name("xl/workbook.xml").is_ok() {
                "an Excel workbook (.xlsx): save the text as .docx, PDF or text"
            } else if zip.by_name("ppt/presentation.xml").is_ok() {
                "a PowerPoint presentation (.pptx): save the text as .docx, PDF or text"
            } else {
                "a zip archive with no Word document in it"
            };
            Err(FormatError::NotWord(what.into()))
        }
    }
}

/// The main part's relationships: (kind, part name), the kind being the last
/// segment of the relationship type (`styles`, `numbering`, `footnotes`,
/// `header`, ...). External targets are left out.
fn relationships(zip: &mut Zip<'_>, main: &str) -> Result<Vec<(String, String)>, FormatError> {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(rels) = read_xml(zip, &rels_name)? else {
        return Ok(Vec::new());
    };
    Ok(rels
        .elements()
        .filter(|e| e.attr("TargetMode") != Some("External"))
        .filter_map(|e| {
            let kind = e.attr("Type")?.rsplit('/').next()?.to_string();
            let target = e.attr("Target")?;
            let name = match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None if dir.is_empty() => target.to_string(),
                None => format!("{dir}/{target}"),
            };
            Some((kind, name))
        })
        .collect())
}

/// Reads and parses one part; `None` when the archive has no such part.
fn read_xml(zip: &mut Zip<'_>, name: &str) -> Result<Option<Element>, FormatError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(FormatError::Damaged(format!("part {name}: {e}"))),
    };
    let mut bytes = Vec::new();
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FormatError::Damaged(format!("part {name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(FormatError::TooComplex(format!(
            "is too large: its part {name} is over 256 MiB when decompressed (accord reads documents up to that size); split the document"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| FormatError::Damaged(format!("part {name} is not UTF-8 XML")))?;
    xml::parse(&text)
        .map(Some)
        .map_err(|e| FormatError::Damaged(format!("part {name}: {e}")))
}

/// Paragraph styles: what a paragraph inherits from its style.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    num: Option<(String, Option<u8>)>,
    outline: Option<u8>,
}

impl Styles {
    fn read(root: &Element) -> Styles {
        let mut s = Styles::default();
        for st in root.elements().filter(|e| e.name == "style") {
            if st.attr("type").is_some_and(|t| t != "paragraph") {
                continue;
            }
            let Some(id) = st.attr("styleId") else {
                continue;
            };
            if st.attr("default").is_some_and(|d| d == "1" || d == "true") {
                s.default_paragraph = Some(id.to_string());
            }
            let ppr = st.child("pPr");
            let num = ppr.and_then(|p| p.child("numPr")).and_then(|n| {
                Some((
                    n.child_val("numId")?.to_string(),
                    n.child_val("ilvl").and_then(|v| v.parse().ok()),
                ))
            });
            s.by_id.insert(
                id.to_string(),
                Style {
                    name: st.child_val("name").unwrap_or(id).to_lowercase(),
                    based_on: st.child_val("basedOn").map(str::to_string),
                    num,
                    outline: ppr
                        .and_then(|p| p.child_val("outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        s
    }

    /// The style chain from `id` up through `basedOn`, at most 16 deep
    /// (a cycle in a damaged file ends there).
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut cur = id.or(self.default_paragraph.as_deref());
        while let Some(i) = cur {
            let Some(st) = self.by_id.get(i) else { break };
            out.push(st);
            if out.len() >= 16 {
                break;
            }
            cur = st.based_on.as_deref();
        }
        out
    }

    /// The heading level (0 = top) a style gives, if it is a heading.
    fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        for st in self.chain(id) {
            if let Some(l) = st.outline {
                return (l < 9).then_some(l);
            }
            if let Some(n) = st.name.strip_prefix("heading ") {
                return n.trim().parse::<u8>().ok().map(|n| n.saturating_sub(1));
            }
        }
        None
    }

    fn is_title(&self, id: Option<&str>) -> bool {
        self.chain(id).first().is_some_and(|s| s.name == "title")
    }

    /// The list and level a style gives its paragraphs.
    fn numbering(&self, id: Option<&str>) -> Option<(String, Option<u8>)> {
        self.chain(id).into_iter().find_map(|s| s.num.clone())
    }
}

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: String,
    pattern: String,
    legal: bool,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".into(),
            pattern: String::new(),
            legal: false,
        }
    }
}

impl Level {
    fn read(l: &Element) -> Level {
        Level {
            start: l
                .child_val("start")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1),
            format: l.child_val("numFmt").unwrap_or("decimal").to_string(),
            pattern: l.child_val("lvlText").unwrap_or("").to_string(),
            legal: l.child("isLgl").is_some(),
        }
    }
}

#[derive(Debug, Default, Clone)]
struct List {
    abstract_id: String,
    /// Level overrides: a new start and/or a new level definition.
    overrides: HashMap<u8, (Option<i64>, Option<Level>)>,
}

/// `numbering.xml`: list definitions and the lists built on them.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    lists: HashMap<String, List>,
}

impl Numbering {
    fn read(root: &Element) -> Numbering {
        let mut n = Numbering::default();
        for a in root.elements().filter(|e| e.name == "abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            let levels = a
                .elements()
                .filter(|e| e.name == "lvl")
                .filter_map(|l| Some((l.attr("ilvl")?.parse::<u8>().ok()?, Level::read(l))))
                .collect();
            n.abstracts.insert(id.to_string(), levels);
        }
        for num in root.elements().filter(|e| e.name == "num") {
            let (Some(id), Some(abs)) = (num.attr("numId"), num.child_val("abstractNumId")) else {
                continue;
            };
            let overrides = num
                .elements()
                .filter(|e| e.name == "lvlOverride")
                .filter_map(|o| {
                    let ilvl = o.attr("ilvl")?.parse::<u8>().ok()?;
                    let start = o.child_val("startOverride").and_then(|v| v.parse().ok());
                    let level = o.child("lvl").map(Level::read);
                    Some((ilvl, (start, level)))
                })
                .collect();
            n.lists.insert(
                id.to_string(),
                List {
                    abstract_id: abs.to_string(),
                    overrides,
                },
            );
        }
        n
    }

    fn level(&self, list: &List, ilvl: u8) -> Level {
        if let Some((_, Some(l))) = list.overrides.get(&ilvl) {
            return l.clone();
        }
        self.abstracts
            .get(&list.abstract_id)
            .and_then(|a| a.get(&ilvl))
            .cloned()
            .unwrap_or_default()
    }
}

/// Counters of the lists met so far.
#[derive(Debug, Default)]
struct Counters {
    /// Per abstract definition, the current value of each level.
    values: HashMap<String, [Option<i64>; 9]>,
    /// Lists already met (their start overrides are applied once).
    seen: HashSet<String>,
}

impl Counters {
    /// The label of the next paragraph of list `num_id` at level `ilvl`,
    /// and the counters moved on. `None` when the list does not exist or
    /// the level shows no number.
    fn next(&mut self, numbering: &Numbering, num_id: &str, ilvl: u8) -> Option<String> {
        let list = numbering.lists.get(num_id)?;
        let ilvl = ilvl.min(8);
        let values = self.values.entry(list.abstract_id.clone()).or_default();
        if self.seen.insert(num_id.to_string()) {
            for (l, (start, _)) in &list.overrides {
                if let (Some(s), Some(slot)) = (start, values.get_mut(usize::from(*l))) {
                    *slot = Some(s - 1);
                }
            }
        }
        let level = numbering.level(list, ilvl);
        let i = usize::from(ilvl);
        values[i] = Some(values[i].map_or(level.start, |v| v + 1));
        for v in values.iter_mut().skip(i + 1) {
            *v = None;
        }
        match level.format.as_str() {
            "none" => return None,
            "bullet" => return Some("\u{2022}".into()),
            _ => {}
        }
        let mut label = String::new();
        let mut chars = level.pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let j = (d as usize).saturating_sub(1).min(8);
                    let lj = numbering.level(list, j as u8);
                    let v = values[j].unwrap_or(lj.start);
                    let fmt = if level.legal {
                        "decimal"
                    } else {
                        lj.format.as_str()
                    };
                    label.push_str(&format_number(v, fmt));
                    continue;
                }
            }
            label.push(c);
        }
        Some(label)
    }
}

/// A number in one of Word's formats (ECMA-376 §17.18.59); unknown
/// formats are written as decimal numbers.
fn format_number(v: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(v),
        "upperLetter" => letters(v).to_uppercase(),
        "lowerRoman" => roman(v),
        "upperRoman" => roman(v).to_uppercase(),
        "decimalZero" if (0..10).contains(&v) => format!("0{v}"),
        "ordinal" => format!("{v}{}", ordinal_suffix(v)),
        _ => v.to_string(),
    }
}

/// Word's letters: a..z, then aa..zz, then aaa (not base 26).
fn letters(v: i64) -> String {
    if v < 1 {
        return v.to_string();
    }
    let v = (v - 1) as u64;
    let c = char::from(b'a' + (v % 26) as u8);
    std::iter::repeat_n(c, (v / 26 + 1).min(100) as usize).collect()
}

fn roman(v: i64) -> String {
    if !(1..4000).contains(&v) {
        return v.to_string();
    }
    let mut v = v;
    let mut s = String::new();
    for (n, r) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

fn ordinal_suffix(v: i64) -> &'static str {
    match (v % 10, v % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Walks block-level content (body, cells, text boxes, notes) and writes
/// lines.
struct Reader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    changes: Changes,
    counters: Counters,
    /// The lines written, one per paragraph or table row.
    lines: Vec<String>,
    /// Text of paragraphs whose mark is gone in this view: it joins the
    /// next paragraph.
    carry: String,
    /// Footnotes and endnotes cited, in order: (is endnote, id). The
    /// k-th (from 1) has mark k.
    cited: Vec<(bool, String)>,
    tracked: bool,
    in_note: bool,
}

/// Whether a run of text is in the view, given the tracked change around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    None,
    Inserted,
    Deleted,
}

impl<'a> Reader<'a> {
    fn new(styles: &'a Styles, numbering: &'a Numbering, changes: Changes) -> Self {
        Reader {
            styles,
            numbering,
            changes,
            counters: Counters::default(),
            lines: Vec::new(),
            carry: String::new(),
            cited: Vec::new(),
            tracked: false,
            in_note: false,
        }
    }

    fn visible(&self, change: Change) -> bool {
        match (change, self.changes) {
            (Change::None, _) => true,
            (Change::Inserted, Changes::Accepted) | (Change::Deleted, Changes::Original) => true,
            (Change::Inserted, Changes::Original) | (Change::Deleted, Changes::Accepted) => false,
        }
    }

    /// Block-level content: paragraphs, tables, content controls.
    fn block(&mut self, e: &Element) {
        for c in e.elements() {
            match c.name.as_str() {
                "p" => self.paragraph(c),
                "tbl" => self.table(c),
                // Content controls, custom XML and tracked block changes
                // hold paragraphs.
                "sdt" | "sdtContent" | "customXml" | "smartTag" | "hdr" | "ftr" | "footnote"
                | "endnote" | "txbxContent" => self.block(c),
                "ins" | "moveTo" | "del" | "moveFrom" => {
                    self.tracked = true;
                    self.block(c)
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, t: &Element) {
        for row in t.elements().filter(|e| e.name == "tr") {
            let mut cells = Vec::new();
            for cell in row.elements().filter(|e| e.name == "tc") {
                let mut r = Reader::new(self.styles, self.numbering, self.changes);
                r.counters = std::mem::take(&mut self.counters);
                r.cited = std::mem::take(&mut self.cited);
                r.block(cell);
                r.flush_carry();
                self.counters = std::mem::take(&mut r.counters);
                self.cited = std::mem::take(&mut r.cited);
                self.tracked |= r.tracked;
                cells.push(r.lines.join(" ").replace('|', "/"));
            }
            if cells.iter().any(|c| !c.trim().is_empty()) {
                self.lines.push(format!("| {} |", cells.join(" | ")));
            }
        }
    }

    fn flush_carry(&mut self) {
        if !self.carry.trim().is_empty() {
            let text = std::mem::take(&mut self.carry);
            self.lines.push(text.trim().to_string());
        }
        self.carry.clear();
    }

    fn paragraph(&mut self, p: &Element) {
        let ppr = p.child("pPr");
        // The paragraph mark's own tracked change: a deleted (or, in the
        // original, an inserted) mark joins this paragraph to the next.
        let mark = ppr.and_then(|p| p.child("rPr")).map_or(Change::None, |r| {
            if r.child("del").is_some() || r.child("moveFrom").is_some() {
                Change::Deleted
            } else if r.child("ins").is_some() || r.child("moveTo").is_some() {
                Change::Inserted
            } else {
                Change::None
            }
        });
        // Properties in this view: before a tracked change of them, in the
        // original.
        let changed = ppr.and_then(|p| p.child("pPrChange"));
        if mark != Change::None || changed.is_some() {
            self.tracked = true;
        }
        let props = match (self.changes, changed.and_then(|c| c.child("pPr"))) {
            (Changes::Original, Some(old)) => Some(old),
            _ => ppr,
        };
        let style = props.and_then(|p| p.child_val("pStyle"));
        let mut text = std::mem::take(&mut self.carry);
        let mut boxes = Vec::new();
        self.inline(p, Change::None, &mut text, &mut boxes);
        if !self.visible(mark) {
            // The mark is gone: the text runs on into the next paragraph.
            self.carry = text;
        } else {
            let text = collapse(&text);
            if !text.is_empty() {
                let line = self.decorate(props, style, text);
                self.lines.push(line);
            }
        }
        for b in boxes {
            self.block(b);
        }
    }

    /// The paragraph's text as a reader sees it: its number written out, or
    /// a heading's `#`.
    fn decorate(&mut self, props: Option<&Element>, style: Option<&str>, text: String) -> String {
        if self.in_note {
            return text;
        }
        // The paragraph's own list and level, else its style's.
        let own = props.and_then(|p| p.child("numPr"));
        let from_style = self.styles.numbering(style);
        let ilvl = own
            .and_then(|n| n.child_val("ilvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .or(from_style.as_ref().and_then(|(_, l)| *l))
            .unwrap_or(0);
        let num_id = own
            .and_then(|n| n.child_val("numId"))
            .map(str::to_string)
            .or(from_style.map(|(id, _)| id));
        // numId 0 removes numbering the style would give.
        let label = num_id
            .filter(|id| id != "0")
            .and_then(|id| self.counters.next(self.numbering, &id, ilvl));
        let body = match label {
            Some(l) if !l.trim().is_empty() => format!("{} {text}", l.trim()),
            _ => text,
        };
        let outline = props
            .and_then(|p| p.child_val("outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|l| *l < 9)
            .or_else(|| self.styles.heading_level(style));
        if self.styles.is_title(style) {
            body
        } else if let Some(l) = outline {
            format!("{} {body}", "#".repeat(usize::from(l.min(5)) + 1))
        } else {
            body
        }
    }

    /// Inline content of a paragraph, in document order.
    fn inline<'e>(
        &mut self,
        e: &'e Element,
        change: Change,
        out: &mut String,
        boxes: &mut Vec<&'e Element>,
    ) {
        for n in &e.children {
            let Node::Element(c) = n else { continue };
            match c.name.as_str() {
                "pPr"
                | "rPr"
                | "instrText"
                | "delInstrText"
                | "commentReference"
                | "annotationRef"
                | "fldChar"
                | "Fallback"
                | "footnoteRef"
                | "endnoteRef"
                | "separator"
                | "continuationSeparator"
                | "lastRenderedPageBreak"
                | "bookmarkStart"
                | "bookmarkEnd"
                | "proofErr"
                | "softHyphen" => {}
                "ins" | "moveTo" => {
                    self.tracked = true;
                    self.inline(c, Change::Inserted, out, boxes)
                }
                "del" | "moveFrom" => {
                    self.tracked = true;
                    self.inline(c, Change::Deleted, out, boxes)
                }
                "t" if self.visible(change) => out.push_str(&c.text()),
                "delText" if self.visible(change) && change == Change::Deleted => {
                    out.push_str(&c.text())
                }
                "tab" | "br" | "cr" | "ptab" if self.visible(change) => out.push(' '),
                "noBreakHyphen" if self.visible(change) => out.push('-'),
                "sym" if self.visible(change) => {
                    if let Some(ch) = c
                        .attr("char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .map(|v| {
                            if (0xF000..=0xF0FF).contains(&v) {
                                v - 0xF000
                            } else {
                                v
                            }
                        })
                        .and_then(char::from_u32)
                        .filter(|ch| !ch.is_control())
                    {
                        out.push(ch);
                    }
                }
                "footnoteReference" | "endnoteReference" if self.visible(change) => {
                    if let Some(id) = c.attr("id") {
                        let key = (c.name == "endnoteReference", id.to_string());
                        self.cited.push(key);
                        let mark = self.cited.len();
                        out.push_str(&format!("<sup>{mark}</sup>"));
                    }
                }
                // A text box holds paragraphs of its own: they follow this
                // paragraph.
                "txbxContent" => boxes.push(c),
                _ => self.inline(c, change, out, boxes),
            }
        }
    }
}

/// Runs of white space (tabs, breaks, several spaces) as one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split([' ', '\t', '\n', '\r']) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

    /// A Word file with this body and these other parts of `word/`
    /// (`numbering.xml`, `styles.xml`, `footnotes.xml`, ...).
    pub(crate) fn docx(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opt = zip::write::SimpleFileOptions::default();
            let mut put = |name: &str, data: &str| {
                z.start_file(name, opt).unwrap();
                z.write_all(data.as_bytes()).unwrap();
            };
            put("[Content_Types].xml", "<Types/>");
            put(
                "_rels/.rels",
                r#"<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            );
            let rels: String = parts
                .iter()
                .map(|(name, _)| {
                    let kind = name.trim_end_matches(".xml").trim_end_matches(char::is_numeric);
                    format!(
                        r#"<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}"/>"#
                    )
                })
                .collect();
            put(
                "word/_rels/document.xml.rels",
                &format!("<Relationships>{rels}</Relationships>"),
            );
            put(
                "word/document.xml",
                &format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
            );
            for (name, data) in parts {
                put(&format!("word/{name}"), data);
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    pub(crate) fn numbering_xml() -> String {
        let lvl = |i: u8, fmt: &str, text: &str| {
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
            )
        };
        format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            lvl(0, "decimal", "%1."),
            lvl(1, "lowerLetter", "(%2)"),
            lvl(2, "lowerRoman", "(%3)"),
            lvl(0, "bullet", "\u{F0B7}"),
        )
    }

    fn p(num: Option<(u8, u8)>, text: &str) -> String {
        let num = num.map_or(String::new(), |(lvl, id)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        format!(r#"<w:p>{num}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    fn lines(w: &WordText) -> Vec<&str> {
        w.text.lines().filter(|l| !l.is_empty()).collect()
    }

    #[test]
    fn numbering_is_written_out_with_levels_restarts_and_continuations() {
        let body = [
            p(Some((0, 1)), "First."),
            p(Some((1, 1)), "item a;"),
            p(Some((2, 1)), "sub i;"),
            p(Some((2, 1)), "sub ii;"),
            p(Some((1, 1)), "item b;"),
            p(Some((0, 1)), "Second."),
            p(Some((1, 1)), "item a again;"),
            // A list on the same definition continues it...
            p(Some((0, 4)), "Third."),
            // ...unless it overrides the start.
            p(Some((0, 2)), "Annex one."),
            p(Some((0, 3)), "A bullet."),
            p(None, "Plain."),
        ]
        .concat();
        let num = numbering_xml();
        let w = read(&docx(&body, &[("numbering.xml", &num)]), Changes::Accepted).unwrap();
        assert_eq!(
            lines(&w),
            [
                "1. First.",
                "(a) item a;",
                "(i) sub i;",
                "(ii) sub ii;",
                "(b) item b;",
                "2. Second.",
                "(a) item a again;",
                "3. Third.",
                "1. Annex one.",
                "\u{2022} A bullet.",
                "Plain."
            ]
        );
        assert!(!w.tracked_changes);
    }

    #[test]
    fn number_formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(1994), "mcmxciv");
        assert_eq!(format_number(3, "upperRoman"), "III");
        assert_eq!(format_number(2, "ordinal"), "2nd");
        assert_eq!(format_number(0, "lowerLetter"), "0");
    }

    #[test]
    fn headings_footnotes_tables_and_comments() {
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="H23"><w:name w:val="UN H2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/><w:basedOn w:val="H23"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t> See resolution 70/1.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let body = r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>A title</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Annex</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Mine"/></w:pPr><w:r><w:t>Inherited heading</w:t></w:r></w:p><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> cited.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
            .to_string();
        let w = read(
            &docx(
                &body,
                &[
                    ("styles.xml", &styles),
                    ("footnotes.xml", &notes),
                    (
                        "comments.xml",
                        &format!(r#"<w:comments {W}><w:comment w:id="0"><w:p><w:r><w:t>SECRET</w:t></w:r></w:p></w:comment></w:comments>"#),
                    ),
                ],
            ),
            Changes::Accepted,
        )
        .unwrap();
        assert_eq!(
            lines(&w),
            [
                "A title",
                "# Annex",
                "## Inherited heading",
                "Text<sup>1</sup> cited.",
                "| Cell 1 | Cell two |",
                "<sup>1</sup> See resolution 70/1."
            ]
        );
        assert!(!w.text.contains("SECRET"));
    }

    #[test]
    fn tracked_changes_accepted_and_original() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">1. We </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>urge</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>encourage</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> States.</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A"/></w:rPr></w:pPr><w:ins w:id="4" w:author="A"><w:r><w:t>2. A new paragraph.</w:t></w:r></w:ins></w:p><w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:del w:id="6" w:author="A"><w:r><w:delText>3. An old paragraph.</w:delText></w:r></w:del></w:p><w:p><w:r><w:t>4. Last.</w:t></w:r></w:p>"#;
        let file = docx(body, &[]);
        let acc = read(&file, Changes::Accepted).unwrap();
        assert_eq!(
            lines(&acc),
            ["1. We encourage States.", "2. A new paragraph.", "4. Last."]
        );
        assert!(acc.tracked_changes);
        let orig = read(&file, Changes::Original).unwrap();
        assert_eq!(
            lines(&orig),
            ["1. We urge States.", "3. An old paragraph.", "4. Last."]
        );
    }

    #[test]
    fn a_changed_numbering_reads_as_before_in_the_original() {
        let num = numbering_xml();
        let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:pPrChange w:id="1" w:author="A"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Demoted.</w:t></w:r></w:p>"#;
        let file = docx(body, &[("numbering.xml", &num)]);
        assert_eq!(
            lines(&read(&file, Changes::Accepted).unwrap()),
            ["(a) Demoted."]
        );
        assert_eq!(
            lines(&read(&file, Changes::Original).unwrap()),
            ["1. Demoted."]
        );
    }

    #[test]
    fn text_boxes_once_and_headers_as_furniture() {
        let body = r#"<w:p><w:r><w:t>Before.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>In the box.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In the box.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
        let header = format!(r#"<w:hdr {W}><w:p><w:r><w:t>A/CONF.1/L.2</w:t></w:r></w:p></w:hdr>"#);
        let w = read(&docx(body, &[("header1.xml", &header)]), Changes::Accepted).unwrap();
        assert_eq!(lines(&w), ["Before.", "In the box."]);
        assert_eq!(w.furniture, ["A/CONF.1/L.2"]);
    }

    #[test]
    fn archives_that_are_not_word_files() {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("content.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"<x/>").unwrap();
            z.finish().unwrap();
        }
        let err = read(buf.get_ref(), Changes::Accepted).unwrap_err();
        assert!(err.to_string().contains("OpenDocument"), "{err}");
        let mut cut = docx(&p(None, "x"), &[]);
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            read(&cut, Changes::Accepted),
            Err(FormatError::Damaged(_))
        ));
        let bad = docx("<w:p><w:r><w:t>unclosed</w:r></w:p>", &[]);
        assert!(matches!(
            read(&bad, Changes::Accepted),
            Err(FormatError::Damaged(_))
        ));
    }
}
