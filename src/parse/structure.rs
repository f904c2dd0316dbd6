//! The structure pass: classified lines to units.
//!
//! The rules, in the order they matter:
//!
//! * **Paragraph numbers run monotonically within a part.** A numbered line
//!   is a paragraph when it carries the next number (or a later one that
//!   the following numbered line confirms). A number out of sequence is a
//!   heading (`1.`-`4.` section headings) or, right after a paragraph
//!   ending with a colon, a numbered list line `N-k` (the agenda inside
//!   paragraph 74). `2 bis.` is an inserted paragraph `2bis`.
//! * **Numbering that starts again at 1 opens a part** (an annex, a second
//!   draft resolution, a restart with no heading) when the `1.` line reads
//!   as a paragraph. The part is labelled from its heading (`Annex` ->
//!   `annex`, `Annex II` -> `annexII`, `Draft resolution II` -> `II`), else
//!   `part2`, `part3`, ...; the unnumbered text between the previous unit
//!   and the part's heading stays with the previous part.
//! * **A negotiated text's front** (title, chapeau, preambular paragraphs,
//!   operative chapeau) is read as its drafters wrote it: it is recognised
//!   by a chapeau ("We, the Ministers ...,", "The General Assembly,") or a
//!   paragraph in preambular form (an opening participle or adjective,
//!   ending with a comma or semicolon). Every paragraph between the chapeau
//!   and the first numbered paragraph is a preambular paragraph `PPk`, but
//!   a closing line ending with a colon ("Declare as follows:") is the
//!   operative chapeau. Title and chapeaux are [`Framing`], not units. A
//!   report's front (symbols, dates, contents) stays front matter, listed
//!   as set aside.
//! * **A numbered line that repeats the next paragraph's number** and reads
//!   as a heading (a bold workshop title) is a heading.
//! * **Lettered lines** `(x)` are items only where a list is open: after a
//!   paragraph or list line ending with a colon, or continuing the letters
//!   of the same paragraph. Elsewhere they are sub-section headings
//!   (`(a) Opening session`).
//! * **Text without a number** continues the unit before it when it starts
//!   in lower case or the unit's text stops mid-sentence (a page break);
//!   reads as a heading when it is short, capitalised and unpunctuated;
//!   and otherwise is an unnumbered paragraph `N+k` of its own.
//! * **Footnote definitions** are taken out wherever they stand, and
//!   attached to the units that cite their marks.
//!
//! Unnumbered text between units is held back until the next numbered
//! line shows whether a part starts there (see `State::feed`); then it is
//! replayed through the same rules, so the decision costs one pass.

use super::citation::{roman_value, UnitPath};
use super::lines::{classify, Kind, Line};
use super::markup::{clean, ends_terminal, ends_with_colon};
use super::{Footnote, Framing, FramingRole, ParsedDoc, Role, SkipReason, Skipped, Unit, UnitKind};
use crate::corpus::DocMeta;
use crate::parse::Citation;

/// A unit being built.
#[derive(Debug, Clone)]
struct Draft {
    path: UnitPath,
    kind: UnitKind,
    label: String,
    text: String,
    refs: Vec<(String, usize)>,
    section: Vec<String>,
    chapeau: Option<String>,
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
    /// 0 for a document title or a part heading, which stay at the root of
    /// the heading path; 1-5 from the heading's numbering.
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
    lines: &'m [Line],
    /// For each line, the number of the next numbered line after it.
    next: Vec<Option<u32>>,
    /// For each line, whether it directly follows a non-blank line.
    follows: Vec<bool>,
    units: Vec<Draft>,
    stack: Vec<Heading>,
    headings: Vec<String>,
    heading_lines: Vec<usize>,
    /// The body line being read (for the headings it makes).
    at: usize,
    footnotes: Vec<(Footnote, usize)>,
    skipped: Vec<Skipped>,
    framing: Vec<Framing>,
    started: bool,
    last_para: Option<u32>,
    /// The current numbered paragraph.
    para: Option<usize>,
    /// The current top-level unit (paragraph, preambular or unnumbered).
    top: Option<usize>,
    cur: Option<usize>,
    heading_since: bool,
    owner: Owner,
    /// Label of the current part (`None` in the first).
    part: Option<Box<str>>,
    /// Parts opened so far, the first included.
    parts: u32,
    /// Labels of the parts opened so far, in lower case (a set: a text
    /// of thousands of parts must not compare each with all before it).
    labels: rustc_hash::FxHashSet<String>,
    /// Preambular paragraphs in the current part.
    pp: u32,
    /// Unnumbered paragraphs after the current numbered paragraph.
    after: u32,
    /// Inserted paragraphs (`2bis`) of the current part.
    inserts: Vec<(u32, u8)>,
    /// Paragraph numbers used in the current part.
    used: rustc_hash::FxHashSet<u32>,
    /// The chapeau the next units stand under.
    chapeau: Option<String>,
    /// Lines held back (indices into `lines`), see [`State::feed`].
    held: Vec<usize>,
    /// Operative paragraphs numbered 1, 2, 3 by accord (a negotiated text
    /// without numbers).
    numbered_by_accord: bool,
    /// The document has a negotiated front (chapeau or preamble).
    negotiated: bool,
    /// While replaying held lines that the next paragraph number follows
    /// in sequence, in a report: a whole unnumbered paragraph there is
    /// the rest of the paragraph above, cut by a page break.
    glue: bool,
}

/// Parses a document body.
pub(crate) fn parse(meta: &DocMeta, body: &str) -> ParsedDoc {
    let lines = classify(body);
    let mut st = State::new(meta, &lines);
    for (i, line) in lines.iter().enumerate() {
        if line.kind != Kind::Blank {
            st.feed(i);
        }
    }
    st.end();
    if st.units.is_empty() {
        return unnumbered(meta, &lines);
    }
    let by_accord = st.numbered_by_accord;
    st.finish(by_accord)
}

/// For each line, the number of the next numbered line after it.
fn next_numbered(lines: &[Line]) -> Vec<Option<u32>> {
    let mut out = vec![None; lines.len()];
    let mut next = None;
    for i in (0..lines.len()).rev() {
        out[i] = next;
        if let Kind::Numbered(n, ..) = lines[i].kind {
            next = Some(n);
        }
    }
    out
}

/// For each line, whether the line before it is not blank.
fn follows_flags(lines: &[Line]) -> Vec<bool> {
    let mut out = Vec::with_capacity(lines.len());
    let mut prev_blank = true;
    for l in lines {
        out.push(!prev_blank);
        prev_blank = l.kind == Kind::Blank;
    }
    out
}

/// Words that open a preambular paragraph besides participles in -ing
/// (the adjectives and phrases of GA and Congress preambles: "Mindful",
/// "Deeply concerned", "Bearing in mind", "Having considered").
const PREAMBULAR_OPENERS: &[&str] = &[
    "mindful",
    "aware",
    "convinced",
    "concerned",
    "deeply",
    "gravely",
    "seriously",
    "bearing",
    "guided",
    "having",
    "cognizant",
    "cognisant",
    "conscious",
    "determined",
    "alarmed",
    "desirous",
    "fully",
    "further",
    "also",
    "gathered",
    "meeting",
    "taking",
    "stressing",
    "emphasizing",
    "emphasising",
    "underlining",
    "acknowledging",
    "reiterating",
    "expressing",
    "encouraged",
    "pleased",
    "welcoming",
    "appreciating",
    "believing",
    "considering",
    "affirming",
    "reaffirming",
    "recalling",
    "recognizing",
    "recognising",
    "noting",
    "committed",
    "resolved",
    "united",
    // French and Spanish preambles ("Profondément préoccupés", "Consciente
    // de", "Tomando nota"): their participles end in -ant / -ando, -iendo.
    "profondément",
    "gravement",
    "consciente",
    "conscients",
    "convaincue",
    "convaincus",
    "préoccupée",
    "préoccupés",
    "profundamente",
    "gravemente",
    "convencida",
    "convencidos",
    "preocupada",
    "preocupados",
];

/// -ing words that open ordinary sentences, not preambular paragraphs.
const NOT_PARTICIPLES: &[&str] = &[
    "during",
    "according",
    "including",
    "notwithstanding",
    "regarding",
    "concerning",
    "nothing",
    "something",
    "everything",
    "anything",
    "bring",
    "thing",
    "pendant",
    "durante",
    "cuando",
];

fn first_word(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// Opens as a preambular paragraph does: a participle ("Recalling") or
/// one of the [`PREAMBULAR_OPENERS`].
pub(crate) fn preambular_opening(text: &str) -> bool {
    let first = first_word(text);
    let starts_upper = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_uppercase);
    starts_upper
        && (PREAMBULAR_OPENERS.contains(&first.as_str())
            || (first.chars().count() > 4
                && ["ing", "ant", "ando", "iendo"]
                    .iter()
                    .any(|e| first.ends_with(e))
                && !NOT_PARTICIPLES.contains(&first.as_str())))
}

/// The end of a paragraph without closing quotes and brackets.
fn trimmed_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*')
    })
}

/// A preambular paragraph in form: a preambular opening, ending with a
/// comma or semicolon.
fn preambular_form(text: &str) -> bool {
    preambular_opening(text) && trimmed_end(text).ends_with([',', ';'])
}

/// A chapeau: the subject of a resolution or declaration, ending with a
/// comma: "We, the Heads of State and Government, ...,", "The General
/// Assembly,", "The Commission on Crime Prevention and Criminal Justice,".
fn chapeau_form(text: &str) -> bool {
    let t = text.trim();
    if !trimmed_end(t).ends_with(',') || t.chars().count() > 400 {
        return false;
    }
    if ["We,", "We ", "Nous,", "Nous ", "Nosotros,", "Nosotros "]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    // "The <Organ>,": a short capitalised name and nothing else (also "La
    // Asamblea General,", "L'Assemblée générale,").
    let body = trimmed_end(t).trim_end_matches(',');
    let words: Vec<&str> = body.split_whitespace().collect();
    let article = words.first().is_some_and(|w| {
        ["The", "La", "El", "Le", "Les", "Los", "Las"].contains(w)
            || w.starts_with("L'")
            || w.starts_with("L’")
    });
    if article
        && words.len() <= 8
        && !body.contains(',')
        && words.len() >= 2
        && words[1].starts_with(char::is_uppercase)
    {
        return true;
    }
    words.first() == Some(&"The")
        && words.len() <= 12
        && !body.contains(',')
        && words.iter().skip(1).all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "of" | "on" | "and" | "for" | "the" | "to" | "in")
        })
}

/// The label a part takes from its heading: `Annex` -> `annex`, `Annex II`
/// -> `annexII`, `Appendix 2` -> `appendix2`, `Draft resolution II` ->
/// `II`; `None` when the heading does not name a part.
fn part_label(heading: &str) -> Option<String> {
    let words: Vec<String> = heading
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let numeral = |w: Option<&String>| {
        w.filter(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || (w.chars().all(|c| "IVXLC".contains(c)) && !w.is_empty())
                || (w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        })
        .cloned()
    };
    let first = words.first()?.to_lowercase();
    match first.as_str() {
        "annex" | "appendix" | "attachment" | "enclosure" | "schedule" | "addendum" => {
            if words.len() > 2 && numeral(words.get(1)).is_none() {
                // "Annex to the report": still the annex.
                return Some(first);
            }
            Some(match numeral(words.get(1)) {
                Some(n) => format!("{first}{n}"),
                None => first,
            })
        }
        "draft"
            if matches!(
                words.get(1).map(|w| w.to_lowercase()).as_deref(),
                Some("resolution" | "decision" | "declaration")
            ) =>
        {
            numeral(words.get(2))
        }
        "resolution" | "decision" => numeral(words.get(1)),
        "part" | "chapter" => numeral(words.get(1)).map(|n| format!("{first}{n}")),
        _ => None,
    }
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

/// A run of held-back lines read together: a line and the text lines that
/// directly follow it.
struct Block {
    /// Indices into the lines, the first one heading the block.
    lines: Vec<usize>,
    /// The block's text, markup removed, lines joined.
    text: String,
}

impl<'m> State<'m> {
    fn new(meta: &'m DocMeta, lines: &'m [Line]) -> State<'m> {
        State {
            meta,
            lines,
            next: next_numbered(lines),
            follows: follows_flags(lines),
            units: Vec::new(),
            stack: Vec::new(),
            headings: Vec::new(),
            heading_lines: Vec::new(),
            at: 0,
            footnotes: Vec::new(),
            skipped: Vec::new(),
            framing: Vec::new(),
            started: false,
            last_para: None,
            para: None,
            top: None,
            cur: None,
            heading_since: false,
            owner: Owner::None,
            part: None,
            parts: 1,
            labels: rustc_hash::FxHashSet::default(),
            pp: 0,
            after: 0,
            inserts: Vec::new(),
            used: rustc_hash::FxHashSet::default(),
            chapeau: None,
            held: Vec::new(),
            numbered_by_accord: false,
            negotiated: false,
            glue: false,
        }
    }

    /// Takes line `i`. Before the first paragraph every line is held until
    /// the first numbered paragraph shows where the front ends. In the
    /// body, unnumbered text and headings after a unit are held until the
    /// next numbered, lettered or bulleted line: a numbering restart there
    /// makes the held lines from the first heading on the front of a new
    /// part; otherwise they are replayed in order.
    fn feed(&mut self, i: usize) {
        let line = &self.lines[i];
        self.at = line.no;
        if !self.started {
            if let Kind::Numbered(n, insert, label, rest) = &line.kind {
                if self.front_paragraph(*n, rest, self.next[i]) {
                    let held = std::mem::take(&mut self.held);
                    self.resolve_front(&held, false);
                    self.start_paragraph(*n, *insert, label, rest, line.no);
                    return;
                }
            }
            self.held.push(i);
            return;
        }
        match &line.kind {
            Kind::Blank => {}
            Kind::Numbered(n, insert, label, rest) => {
                match self.restart(*n, *insert, rest) {
                    Some(split) => {
                        let held = std::mem::take(&mut self.held);
                        for &j in &held[..split] {
                            self.process(j);
                        }
                        self.open_part(&held[split..]);
                        self.resolve_front(&held[split..], false);
                        self.start_paragraph(*n, None, label, rest, line.no);
                    }
                    None => {
                        // Text between paragraphs N and N+1 of a report is
                        // paragraph N's (every paragraph of a report is
                        // numbered); elsewhere it is a paragraph `N+k`.
                        self.glue = !self.negotiated
                            && insert.is_none()
                            && self.last_para.is_some_and(|p| *n == p + 1);
                        self.replay();
                        self.glue = false;
                        self.numbered(*n, *insert, label, rest, line.no, self.next[i]);
                    }
                }
            }
            Kind::Lettered(..) | Kind::Bullet(..) => {
                self.glue = !self.negotiated;
                self.replay();
                self.glue = false;
                self.process(i);
            }
            Kind::Text(_)
                if self.follows[i] && self.held.is_empty() && self.owner != Owner::None =>
            {
                self.process(i);
            }
            Kind::Footnote(..) | Kind::Table(_) | Kind::Rule if self.held.is_empty() => {
                self.process(i);
            }
            _ => self.held.push(i),
        }
    }

    /// Replays the held lines through the ordinary rules.
    fn replay(&mut self) {
        for j in std::mem::take(&mut self.held) {
            self.process(j);
        }
    }

    /// The end of the document: what is held is replayed, or, if no
    /// paragraph was ever numbered, read as a front to its end.
    fn end(&mut self) {
        let held = std::mem::take(&mut self.held);
        if self.started {
            for j in held {
                self.process(j);
            }
        } else {
            self.resolve_front(&held, true);
        }
    }

    /// The ordinary rules for one line.
    fn process(&mut self, i: usize) {
        let line = &self.lines[i];
        self.at = line.no;
        if let Kind::Text(t) = &line.kind {
            if self.follows[i] && self.append_to_owner(t, line.no) {
                return;
            }
        }
        if self.started {
            self.body_line(line, self.next[i]);
        } else {
            self.front_line(line);
        }
    }

    /// Whether numbered line `n` before any paragraph starts the first one.
    fn front_paragraph(&self, n: u32, rest: &str, next: Option<u32>) -> bool {
        let c = clean(rest).text;
        let hl = heading_like(&c, 400);
        // A heading may carry the number of the paragraph below it; a
        // paragraph that shares its number with the next one is still one.
        !hl || next == Some(n + 1)
    }

    /// Whether numbered line `n` starts a new part, and if so where its
    /// front begins among the held lines (index into `held`): at the first
    /// heading or chapeau; lines before it stay with the previous part.
    fn restart(&self, n: u32, insert: Option<u8>, rest: &str) -> Option<usize> {
        if n != 1 || insert.is_some() || self.last_para.is_none() {
            return None;
        }
        let c = clean(rest).text;
        let bold = {
            let r = rest.trim();
            r.starts_with("**") && r.ends_with("**")
        };
        if heading_like(&c, 400) || bold {
            return None;
        }
        if self.held.is_empty() && self.list_next() == Some(1) {
            return None;
        }
        let split = self
            .held
            .iter()
            .position(|&j| self.opens_part(j))
            .unwrap_or(self.held.len());
        Some(split)
    }

    /// A held line that opens a part's front: a heading, or a block that
    /// reads as a heading or a chapeau.
    fn opens_part(&self, j: usize) -> bool {
        match &self.lines[j].kind {
            Kind::Heading(_) => true,
            Kind::Text(t) if !self.follows[j] => {
                let c = clean(t).text;
                heading_like(&c, 200) || chapeau_form(&c)
            }
            _ => false,
        }
    }

    /// Opens a new part whose front is `front`: its label comes from the
    /// first heading there that names a part, else `partN`.
    fn open_part(&mut self, front: &[usize]) {
        self.parts += 1;
        let named = front.iter().find_map(|&j| match &self.lines[j].kind {
            Kind::Heading(t) => part_label(t),
            Kind::Text(t) if !self.follows[j] => part_label(&clean(t).text),
            _ => None,
        });
        let auto = || format!("part{}", self.parts);
        let mut label = named.unwrap_or_else(auto);
        if self.labels.contains(&label.to_ascii_lowercase()) {
            label = auto();
        }
        self.labels.insert(label.to_ascii_lowercase());
        let label: Box<str> = label.into();
        self.part = Some(label);
        self.last_para = None;
        self.para = None;
        self.top = None;
        self.cur = None;
        self.pp = 0;
        self.after = 0;
        self.inserts.clear();
        self.used.clear();
        self.chapeau = None;
        self.stack.clear();
        self.owner = Owner::None;
    }

    /// Groups held lines into blocks: each line with the text lines that
    /// directly follow it.
    fn blocks(&self, held: &[usize]) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::new();
        for &j in held {
            let line = &self.lines[j];
            let cont = self.follows[j] && matches!(line.kind, Kind::Text(_)) && !out.is_empty();
            let text = match &line.kind {
                Kind::Heading(t) => t.clone(),
                kind => clean(&kind.text()).text,
            };
            match out.last_mut() {
                Some(b) if cont => {
                    b.lines.push(j);
                    if !text.is_empty() {
                        if !b.text.is_empty() {
                            b.text.push(' ');
                        }
                        b.text.push_str(&text);
                    }
                }
                _ => out.push(Block {
                    lines: vec![j],
                    text,
                }),
            }
        }
        out
    }

    /// Reads the front of a part (the held lines before its first
    /// numbered paragraph; `at_end` when there is none). A negotiated front
    /// becomes title, chapeau, preambular paragraphs and operative
    /// chapeau; a report's front is replayed through the front-matter
    /// rules.
    fn resolve_front(&mut self, held: &[usize], at_end: bool) {
        let blocks = self.blocks(held);
        let is_text = |b: &Block| {
            matches!(
                self.lines[b.lines[0]].kind,
                Kind::Text(_) | Kind::Lettered(..) | Kind::Bullet(_)
            )
        };
        let later_part = self.parts > 1;
        let chapeau = blocks
            .iter()
            .position(|b| is_text(b) && chapeau_form(&b.text));
        let first_pp = blocks
            .iter()
            .position(|b| is_text(b) && preambular_form(&b.text));
        if !later_part && chapeau.is_none() && first_pp.is_none() {
            for &j in held {
                self.process(j);
            }
            return;
        }
        self.started = true;
        self.negotiated = true;
        // Where the preamble starts: after the chapeau, else at the first
        // paragraph in preambular form; in a later part, after its
        // headings.
        let start = match (chapeau, first_pp) {
            (Some(c), _) => c + 1,
            (None, Some(p)) if !later_part => p,
            _ => blocks
                .iter()
                .position(|b| {
                    is_text(b) && (!heading_like(&b.text, 200) || preambular_form(&b.text))
                })
                .unwrap_or(blocks.len()),
        };
        // Before it: the title (the last heading before the preamble),
        // headings, front matter, the chapeau.
        let title = (!later_part)
            .then(|| {
                (0..start).rev().find(|&k| {
                    let b = &blocks[k];
                    Some(k) != chapeau
                        && (matches!(self.lines[b.lines[0]].kind, Kind::Heading(_))
                            || (is_text(b) && heading_like(&b.text, 300)))
                })
            })
            .flatten();
        for (k, b) in blocks[..start].iter().enumerate() {
            let first = b.lines[0];
            let no = self.lines[first].no;
            if Some(k) == chapeau {
                self.frame(FramingRole::Chapeau, b);
                self.chapeau = Some(b.text.clone());
            } else if Some(k) == title {
                self.frame(FramingRole::Title, b);
                self.stack.clear();
                self.stack.push(Heading {
                    level: 0,
                    text: b.text.clone(),
                    year: None,
                });
            } else if later_part
                && (matches!(self.lines[first].kind, Kind::Heading(_))
                    || (is_text(b) && heading_like(&b.text, 200)))
            {
                self.replay_block(b, true);
            } else if matches!(self.lines[first].kind, Kind::Heading(_)) {
                self.replay_block(b, false);
            } else if is_text(b) && heading_like(&b.text, 300) {
                // "Draft resolution I", "General Assembly": headings.
                self.replay_block(b, false);
            } else if is_text(b) {
                // Cleaned line by line already: cleaning the joined text
                // again could read a link across two lines and lose words.
                self.skip_clean(no, b.text.clone(), SkipReason::FrontMatter);
                self.owner = Owner::None;
            } else {
                self.replay_block(b, false);
            }
        }
        // From it: preambular paragraphs, then the operative chapeau; with
        // no numbered paragraph to follow, operative paragraphs numbered by
        // accord.
        let last_text = blocks.iter().rposition(is_text);
        let mut operative = false;
        for (k, b) in blocks.iter().enumerate().skip(start) {
            let head = &self.lines[b.lines[0]].kind;
            let listed = matches!(head, Kind::Lettered(..) | Kind::Bullet(_));
            if listed && self.cur.is_some() {
                // Items and bullets of the paragraph above.
                for &j in &b.lines {
                    self.process(j);
                }
                continue;
            }
            if !is_text(b) {
                self.replay_block(b, false);
                continue;
            }
            let colon = ends_with_colon(&b.text) && !preambular_opening(&b.text);
            if !operative && colon && (Some(k) == last_text || at_end) {
                self.frame(FramingRole::OperativeChapeau, b);
                self.chapeau = Some(b.text.clone());
                operative = true;
                continue;
            }
            if at_end
                && !operative
                && !preambular_opening(&b.text)
                && !trimmed_end(&b.text).ends_with(',')
            {
                operative = true;
            }
            if operative && at_end {
                let n = self.last_para.map_or(1, |p| p + 1);
                self.numbered_by_accord = true;
                self.start_paragraph(n, None, "", "", self.lines[b.lines[0]].no);
            } else {
                self.pp += 1;
                let path = UnitPath {
                    part: self.part.clone(),
                    ..UnitPath::preambular(self.pp)
                };
                let no = self.lines[b.lines[0]].no;
                let idx = self.new_unit(path, UnitKind::Preambular, "", "", no, None);
                self.top = Some(idx);
            }
            let u = self.cur.expect("a unit was just made");
            for &j in &b.lines {
                let line = &self.lines[j];
                self.append(u, &line.kind.text(), line.no);
            }
        }
    }

    /// Records a title or chapeau block.
    fn frame(&mut self, role: FramingRole, b: &Block) {
        self.framing.push(Framing {
            role,
            part: self.part.clone(),
            text: b.text.clone(),
            line: self.lines[b.lines[0]].no,
        });
        self.owner = Owner::None;
    }

    /// Replays a block's lines through the ordinary rules; `part_heading`
    /// keeps a heading at the root of the heading path (a part's own
    /// heading).
    fn replay_block(&mut self, b: &Block, part_heading: bool) {
        if part_heading {
            let text = b.text.clone();
            if !text.is_empty() {
                self.headings.push(text.clone());
                self.heading_lines.push(self.lines[b.lines[0]].no);
                self.stack.push(Heading {
                    level: 0,
                    text,
                    year: None,
                });
                self.heading_since = true;
            }
            self.owner = Owner::None;
            return;
        }
        for &j in &b.lines {
            let line = &self.lines[j];
            self.at = line.no;
            if let Kind::Text(t) = &line.kind {
                if self.follows[j] && self.append_to_owner(t, line.no) {
                    continue;
                }
            }
            self.front_line(line);
        }
    }

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
        self.heading_lines.push(self.at);
        self.stack.push(Heading { level, text, year });
        self.heading_since = true;
        self.cur = None;
        self.owner = Owner::Heading;
    }

    fn skip(&mut self, no: usize, text: &str, reason: SkipReason) {
        self.skip_clean(no, clean(text).text, reason);
    }

    /// Sets aside `text`, already free of markup.
    fn skip_clean(&mut self, no: usize, text: String, reason: SkipReason) {
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
        let push = |text: &mut String, c: &str| {
            if !c.is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(c);
            }
        };
        match self.owner {
            Owner::None => false,
            Owner::Unit(u) => {
                self.append(u, t, no);
                true
            }
            Owner::Footnote(f) => {
                push(&mut self.footnotes[f].0.text, &clean(t).text);
                true
            }
            Owner::Skipped(s) => {
                push(&mut self.skipped[s].text, &clean(t).text);
                true
            }
            Owner::Heading => {
                let c = clean(t).text;
                if let Some(h) = self.stack.last_mut() {
                    push(&mut h.text, &c);
                }
                if let Some(h) = self.headings.last_mut() {
                    push(h, &c);
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
        label: &str,
        rest: &str,
        no: usize,
        parent: Option<usize>,
    ) -> usize {
        let c = clean(rest);
        self.units.push(Draft {
            path,
            kind,
            label: label.to_string(),
            text: c.text,
            refs: c.refs.into_iter().map(|r| (r, no)).collect(),
            section: self.stack.iter().map(|h| h.text.clone()).collect(),
            chapeau: self.chapeau.clone(),
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

    fn start_paragraph(&mut self, n: u32, insert: Option<u8>, label: &str, rest: &str, no: usize) {
        self.started = true;
        let path = UnitPath {
            part: self.part.clone(),
            insert,
            ..UnitPath::para(n)
        };
        let idx = self.new_unit(path, UnitKind::Paragraph, label, rest, no, None);
        // A number out of order (5, then 4) does not set the sequence back.
        if self.last_para.is_none_or(|p| n > p) {
            self.last_para = Some(n);
        }
        match insert {
            Some(i) => self.inserts.push((n, i)),
            None => {
                self.used.insert(n);
            }
        }
        self.para = Some(idx);
        self.top = Some(idx);
        self.after = 0;
    }

    /// Text with no number after a numbered paragraph, not a heading and
    /// not continuing the unit above: an unnumbered paragraph `N+k`.
    fn unnumbered_paragraph(&mut self, t: &str, no: usize) {
        let Some(p) = self.para else {
            if self.negotiated {
                // Still in a preamble: another preambular paragraph.
                self.pp += 1;
                let path = UnitPath {
                    part: self.part.clone(),
                    ..UnitPath::preambular(self.pp)
                };
                let idx = self.new_unit(path, UnitKind::Preambular, "", t, no, None);
                self.top = Some(idx);
            } else {
                self.skip(no, t, SkipReason::Orphan);
            }
            return;
        };
        self.after += 1;
        let path = UnitPath {
            after: Some(self.after),
            ..self.units[p].path.paragraph()
        };
        let idx = self.new_unit(path, UnitKind::Unnumbered, "", t, no, None);
        self.top = Some(idx);
    }

    /// Lines before the first paragraph of a report.
    fn front_line(&mut self, line: &Line) {
        match &line.kind {
            Kind::Blank => {}
            Kind::Numbered(_, _, label, rest) => {
                // Only numbered lines that are not paragraphs are held.
                let c = clean(rest).text;
                self.push_heading(format!("{label} {c}"));
            }
            Kind::Heading(t) => self.push_heading(t.clone()),
            Kind::Text(t) => {
                let c = clean(t).text;
                if heading_like(&c, 200) {
                    self.push_heading(c);
                } else {
                    self.stack.retain(|h| h.level == 0);
                    self.skip(line.no, t, SkipReason::FrontMatter);
                }
            }
            Kind::Footnote(mark, rest) => self.footnote(line.no, mark, rest),
            Kind::Rule => self.owner = Owner::None,
            Kind::Table(t) => {
                self.stack.retain(|h| h.level == 0);
                self.skip(line.no, t, SkipReason::Table);
            }
            Kind::Lettered(label, rest) => {
                self.stack.retain(|h| h.level == 0);
                self.skip(
                    line.no,
                    &format!("({label}) {rest}"),
                    SkipReason::FrontMatter,
                );
            }
            Kind::Bullet(rest) => {
                self.stack.retain(|h| h.level == 0);
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
            Kind::Numbered(n, insert, label, rest) => {
                self.numbered(*n, *insert, label, rest, line.no, next)
            }
            Kind::Lettered(label, rest) => self.lettered(label, rest, line.no),
            Kind::Bullet(rest) => self.bullet(rest, line.no),
            Kind::Text(t) => self.text(t, line.no),
        }
    }

    /// The list line number a numbered line would take in the current
    /// paragraph, if a list is open there.
    fn list_next(&self) -> Option<u32> {
        self.para.and_then(|p| {
            let d = &self.units[p];
            let open = !self.heading_since
                && self.top == Some(p)
                && d.bullets == 0
                && d.last_letter.is_none()
                && (d.list_lines > 0 || ends_with_colon(&d.text));
            open.then_some(d.list_lines + 1)
        })
    }

    fn numbered(
        &mut self,
        n: u32,
        insert: Option<u8>,
        label: &str,
        rest: &str,
        no: usize,
        next: Option<u32>,
    ) {
        // Held lines replayed before this one moved `at`: a heading read
        // here is on this line.
        self.at = no;
        let c = clean(rest).text;
        // `2 bis.`: an inserted paragraph, once per number.
        if let Some(i) = insert {
            if !self.inserts.contains(&(n, i)) && self.last_para.is_some_and(|p| n <= p) {
                self.start_paragraph(n, Some(i), label, rest, no);
            } else {
                self.text(&format!("{label} {rest}"), no);
            }
            return;
        }
        let bold = {
            let r = rest.trim();
            r.starts_with("**") && r.ends_with("**")
        };
        let hl = heading_like(&c, 400) || bold;
        let expected = self.last_para.map_or(1, |p| p + 1);
        // A heading carrying the number of the paragraph that follows it.
        if hl && next == Some(n) {
            self.push_heading(format!("{label} {c}"));
            return;
        }
        let is_list = self.list_next() == Some(n);
        // A later number than expected is a paragraph only when the next
        // numbered line confirms the new sequence (numbering gaps happen in
        // excerpts), and never when it reads as a heading.
        let confirmed_gap = n > expected && !hl && (next == Some(n + 1) || next.is_none());
        let is_para = (n == expected || confirmed_gap) && !self.used.contains(&n);
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
                ..self.units[p].path.clone()
            };
            self.new_unit(path, UnitKind::ListLine, label, rest, no, Some(p));
            self.units[p].last_letter = None;
        } else if is_para {
            self.start_paragraph(n, None, label, rest, no);
        } else if hl || (n < expected && !ends_terminal(&c)) {
            // A number running backwards is never a paragraph: a section
            // heading, however long.
            self.push_heading(format!("{label} {c}"));
        } else if self.negotiated && !self.used.contains(&n) {
            // Negotiated texts are renumbered by hand, not always in order
            // (1, 2, 5, 4, 6): a number not yet used is that paragraph.
            self.start_paragraph(n, None, label, rest, no);
        } else {
            // A number that fits nowhere: keep the words with the unit above.
            self.text(&format!("{label} {rest}"), no);
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
            UnitKind::Paragraph
            | UnitKind::ListLine
            | UnitKind::Preambular
            | UnitKind::Unnumbered => Some(cur),
            UnitKind::Item | UnitKind::ListItem => d.parent,
            UnitKind::Subitem => d.parent.and_then(|p| self.units[p].parent),
            UnitKind::Bullet => self.top,
        }
    }

    fn lettered(&mut self, label: &str, rest: &str, no: usize) {
        let printed = format!("({label})");
        // A roman sub-item of the current lettered item?
        if let (Some(rv), Some(cur), false) = (roman_value(label), self.cur, self.heading_since) {
            let d = &self.units[cur];
            let item = match d.kind {
                // `(i)` after `(h)` is the letter i; after any other item it
                // opens the item's roman sub-items.
                UnitKind::Item | UnitKind::ListItem
                    if rv == 1
                        && d.last_roman.is_none()
                        && (ends_with_colon(&d.text) || d.path.letter != Some('h')) =>
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
                    ..self.units[item].path.clone()
                };
                self.units[item].last_roman = Some(rv);
                self.new_unit(path, UnitKind::Subitem, &printed, rest, no, Some(item));
                return;
            }
        }
        let letter = (label.len() == 1).then(|| label.chars().next()).flatten();
        if let (Some(ch), Some(t)) = (letter, self.letter_target()) {
            let d = &self.units[t];
            let opens = match d.last_letter {
                None => ch == 'a' && (ends_with_colon(&d.text) || rest.trim_end().ends_with(';')),
                // A negotiated draft skips the letter of a deleted item.
                Some(prev) => ch == successor(prev) || (self.negotiated && ch > prev),
            };
            if opens {
                let kind = if d.kind == UnitKind::ListLine {
                    UnitKind::ListItem
                } else {
                    UnitKind::Item
                };
                let path = UnitPath {
                    letter: Some(ch),
                    ..d.path.clone()
                };
                self.units[t].last_letter = Some(ch);
                self.new_unit(path, kind, &printed, rest, no, Some(t));
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
        match self.top {
            Some(p) if !self.heading_since => {
                let d = &mut self.units[p];
                d.bullets += 1;
                let path = UnitPath {
                    sub: Some(d.bullets + d.list_lines),
                    ..d.path.clone()
                };
                self.new_unit(path, UnitKind::Bullet, "", rest, no, Some(p));
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
                } else if starts_lower(t) || !ends_terminal(&self.units[u].text) {
                    self.append(u, t, no);
                } else if !heading_like(&c, 200) {
                    if self.glue {
                        self.append(u, t, no);
                    } else {
                        self.unnumbered_paragraph(t, no);
                    }
                } else {
                    self.push_heading(c);
                }
            }
            None => {
                if heading_like(&c, 200) {
                    self.push_heading(c);
                } else {
                    self.unnumbered_paragraph(t, no);
                }
            }
        }
    }

    fn finish(self, numbered_by_accord: bool) -> ParsedDoc {
        let State {
            meta,
            mut units,
            negotiated,
            headings,
            heading_lines,
            footnotes,
            skipped,
            framing,
            ..
        } = self;
        fold_single_bullets(&mut units);
        let parents: Vec<Option<usize>> = units.iter().map(|d| d.parent).collect();
        let mut units: Vec<Unit> = units
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
                    label: d.label,
                    text: d.text,
                    section: d.section,
                    chapeau: d.chapeau,
                    footnotes: notes,
                    year: d.year,
                    line: d.line,
                    role: Role::Narrative,
                }
            })
            .collect();
        let roles = super::role::assign(&units, &parents, negotiated);
        for (u, r) in units.iter_mut().zip(roles) {
            u.role = r;
        }
        ParsedDoc {
            meta: meta.clone(),
            units,
            headings,
            heading_lines,
            footnotes: footnotes.into_iter().map(|(f, _)| f).collect(),
            skipped,
            framing,
            numbered_by_accord,
            format: Default::default(),
            tracked_changes: None,
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
/// headings. A block continues the one before only when that one breaks a
/// word at its end (`pur-` / `poses`): a blank line otherwise always
/// separates paragraphs, whatever the case of the next block's first
/// letter.
fn unnumbered(meta: &DocMeta, lines: &[Line]) -> ParsedDoc {
    let mut st = State::new(meta, lines);
    st.started = true;
    for (i, line) in lines.iter().enumerate() {
        let follows = st.follows[i];
        st.at = line.no;
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
            Kind::Bullet(rest) if st.top.is_some() && !st.heading_since => {
                st.bullet(rest, line.no);
                continue;
            }
            kind => kind.text(),
        };
        if follows && st.append_to_owner(&text, line.no) {
            continue;
        }
        if let Kind::Numbered(n, insert, label, rest) = &line.kind {
            // The next number in sequence is that paragraph, as printed.
            if *n == st.last_para.map_or(1, |p| p + 1) && insert.is_none() {
                st.start_paragraph(*n, None, label, rest, line.no);
                continue;
            }
        }
        match st.cur {
            Some(u) if starts_lower(&text) && broken_word(&st.units[u].text) => {
                st.append(u, &text, line.no)
            }
            _ => {
                let n = st.last_para.map_or(1, |p| p + 1);
                st.start_paragraph(n, None, "", &text, line.no);
            }
        }
    }
    st.finish(true)
}

/// Ends with a word broken by a hyphen at a line end (`pur-`), not a dash.
#[allow(clippy::string_slice, reason = "before a final '-' (one byte)")]
fn broken_word(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('-') && t[..t.len() - 1].ends_with(char::is_alphabetic)
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
