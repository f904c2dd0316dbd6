//! Citations: the `DOC:PATH` identifiers of units (see CITATIONS.md).
//!
//! The grammar, outermost first:
//!
//! ```text
//! PATH  = [LABEL "/"] HEAD ["+" k] ["-" k] ["(" letter ")"] ["(" roman ")"]
//! HEAD  = "PP" k            preambular paragraph k of the part
//!       | N [latin]         paragraph N, or an inserted "N bis", "N ter"
//! ```
//!
//! `LABEL` names a later part of the document (an annex, a second draft
//! resolution, a numbering restart: `annex`, `annexII`, `II`, `part2`);
//! `+k` is the k-th unnumbered paragraph after paragraph N.
//!
//! Input is forgiving (`13e`, `13.e`, `13 (e)`, `13(e)(iv)`, `160-2`,
//! `74-5a`, `pp2`, `PP 2`, `op4`, `4 bis`, `annex 5(g)`, and the UN style
//! accord prints: `para. 13 (e)`, `second preambular paragraph`,
//! `annex, para. 5 (g)`); output is always canonical (`13(e)`,
//! `13(e)(iv)`, `74-5(a)`, `PP2`, `4bis`, `annex/5(g)`).

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// The Latin ordinal adverbs of inserted paragraphs (`2 bis`, `2 ter`), as
/// the UN editorial practice numbers them: index + 2 is the value stored in
/// [`UnitPath::insert`].
pub const LATIN_INSERTS: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

/// The value (2 for `bis`, 3 for `ter`, ...) of a Latin insert suffix,
/// case-insensitive.
pub fn latin_insert(word: &str) -> Option<u8> {
    LATIN_INSERTS
        .iter()
        .position(|l| l.eq_ignore_ascii_case(word))
        .map(|p| p as u8 + 2)
}

/// The path of a unit inside its document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct UnitPath {
    /// The label of the part the unit is in (`annex`, `II`, `part2`);
    /// `None` in the first part, so that documents without restarts keep
    /// their plain paths.
    pub part: Option<Box<str>>,
    /// True for a preambular paragraph `PPk`; then [`para`](Self::para)
    /// holds k.
    pub preambular: bool,
    /// Paragraph number `N` (or k of `PPk`), 1 or more.
    pub para: u32,
    /// An inserted paragraph: 2 for `Nbis`, 3 for `Nter`, ... (see
    /// [`LATIN_INSERTS`]).
    pub insert: Option<u8>,
    /// `k` in `N+k`: the k-th unnumbered paragraph after paragraph N.
    pub after: Option<u32>,
    /// `k` in `N-k`: the k-th bullet or numbered list line of paragraph N.
    pub sub: Option<u32>,
    /// Lettered sub-item `(x)`.
    pub letter: Option<char>,
    /// Roman sub-item `(iv)` of a lettered item, as a number.
    pub roman: Option<u32>,
}

impl UnitPath {
    /// A numbered paragraph of the first part.
    pub fn para(n: u32) -> UnitPath {
        UnitPath {
            para: n,
            ..UnitPath::default()
        }
    }

    /// The k-th preambular paragraph of the first part.
    pub fn preambular(k: u32) -> UnitPath {
        UnitPath {
            preambular: true,
            para: k,
            ..UnitPath::default()
        }
    }

    /// The paragraph that contains this unit (itself for a paragraph): the
    /// same part, number, insert and unnumbered position, without list,
    /// letter or roman.
    pub fn paragraph(&self) -> UnitPath {
        UnitPath {
            sub: None,
            letter: None,
            roman: None,
            ..self.clone()
        }
    }

    /// The part label, `""` for the first part.
    pub fn part_label(&self) -> &str {
        self.part.as_deref().unwrap_or("")
    }

    /// Parses a path in any accepted spelling (see the module docs).
    ///
    /// # Errors
    /// [`CitationError::Malformed`] naming what is wrong and the expected
    /// form.
    #[allow(
        clippy::string_slice,
        reason = "cut from char_indices plus the character's length"
    )]
    pub fn parse(input: &str) -> Result<UnitPath, CitationError> {
        let bad = |reason: &str| CitationError::Malformed {
            input: input.to_string(),
            reason: reason.to_string(),
        };
        let compact = un_style_to_compact(input.trim());
        let mut rest: &str = compact.trim();
        let mut part: Option<Box<str>> = None;
        // `LABEL/...` or `LABEL ...` (a word that is no paragraph prefix).
        if let Some((label, after)) = rest.split_once('/') {
            // `annex I/1` is `annexI/1`.
            let label: String = label.split_whitespace().collect();
            let label = label.as_str();
            if label.is_empty() || !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
                return Err(bad("a part label is letters and digits, as in annex/5(g)"));
            }
            part = Some(label.into());
            rest = after.trim_start();
        } else if rest.starts_with(|c: char| c.is_alphabetic()) && !head_prefix(rest) {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let body_at = words
                .iter()
                .position(|w| w.starts_with(|c: char| c.is_ascii_digit()) || head_prefix(w))
                .ok_or_else(|| bad("a unit path starts with a paragraph number or PP"))?;
            if body_at == 0 {
                return Err(bad("a unit path starts with a paragraph number or PP"));
            }
            part = Some(words[..body_at].concat().into());
            let skip: usize = words[..body_at].iter().map(|w| w.len()).sum::<usize>();
            // Position after the label words in `rest`.
            let mut seen = 0;
            let mut cut = 0;
            for (i, c) in rest.char_indices() {
                if !c.is_whitespace() {
                    seen += c.len_utf8();
                }
                if seen == skip {
                    cut = i + c.len_utf8();
                    break;
                }
            }
            rest = rest[cut..].trim_start();
        }
        let mut path = parse_body(rest).map_err(|reason| bad(&reason))?;
        path.part = part;
        Ok(path)
    }

    /// The UN way of citing this path: `para. 13 (e)`, `para. 160, bullet 2`,
    /// `para. 74, item 5 (a)`, `second preambular paragraph`,
    /// `para. 2 bis`, `first unnumbered paragraph after para. 3`,
    /// `annex, para. 5 (g)`.
    pub fn un_style(&self, list_is_bullets: bool) -> String {
        let mut s = String::new();
        if let Some(p) = &self.part {
            s.push_str(p);
            s.push_str(", ");
        }
        if self.preambular {
            match ORDINALS.get((self.para as usize).wrapping_sub(1)) {
                Some(o) => s.push_str(&format!("{o} preambular paragraph")),
                None => s.push_str(&format!("preambular paragraph {}", self.para)),
            }
        } else {
            let mut head = format!("para. {}", self.para);
            if let Some(i) = self.insert {
                head.push(' ');
                head.push_str(LATIN_INSERTS[(i - 2) as usize]);
            }
            match self.after {
                Some(k) => match ORDINALS.get((k as usize).wrapping_sub(1)) {
                    Some(o) => s.push_str(&format!("{o} unnumbered paragraph after {head}")),
                    None => s.push_str(&format!("unnumbered paragraph {k} after {head}")),
                },
                None => s.push_str(&head),
            }
        }
        if let Some(k) = self.sub {
            s.push_str(&format!(
                ", {} {k}",
                if list_is_bullets { "bullet" } else { "item" }
            ));
        }
        if let Some(l) = self.letter {
            s.push_str(&format!(" ({l})"));
        }
        if let Some(r) = self.roman {
            s.push_str(&format!(" ({})", roman_string(r)));
        }
        s
    }
}

/// Ordinal words for UN-style citations of preambular and unnumbered
/// paragraphs ("second preambular paragraph").
const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// True when `s` starts the head of a path rather than a part label:
/// `pp2`, `PP 2`, `op4`, `para. 3`, `paragraph 3`.
fn head_prefix(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    for p in ["pp", "op", "para"] {
        if let Some(after) = lower.strip_prefix(p) {
            let after = after.trim_start_matches(['.', ' ']);
            let after = after.strip_prefix("graph").unwrap_or(after).trim_start();
            if after.is_empty() || after.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
        }
    }
    false
}

/// Rewrites the UN-style citation accord prints into the compact grammar:
/// `annex, para. 5 (g)` -> `annex/5(g)`; `second preambular paragraph`
/// -> `PP2`; `para. 160, bullet 2` -> `160-2`; `first unnumbered paragraph
/// after para. 3` -> `3+1`. Other input is returned unchanged.
fn un_style_to_compact(input: &str) -> String {
    let lower = input.to_lowercase();
    let is_un = lower.contains("para.")
        || lower.contains("para ")
        || lower.contains("paragraph")
        || lower.contains(", bullet")
        || lower.contains(", item");
    if !is_un {
        return input.to_string();
    }
    let tokens: Vec<&str> = input
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // `second` or `2nd`.
    let ordinal = |w: &str| {
        ORDINALS
            .iter()
            .position(|o| o.eq_ignore_ascii_case(w))
            .map(|p| p + 1)
            .or_else(|| {
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                let suffix = w.get(digits..)?.to_ascii_lowercase();
                (digits > 0 && ["st", "nd", "rd", "th"].contains(&suffix.as_str()))
                    .then(|| w.get(..digits)?.parse().ok())
                    .flatten()
            })
    };
    let mut out = String::new();
    let mut i = 0;
    // A part label before the first comma: `annex, para. 5`, `Annex II, ...`.
    if let Some((label, after)) = input.split_once(',') {
        let words: Vec<&str> = label.split_whitespace().collect();
        let after = after.trim_start().to_lowercase();
        let head_follows = after.starts_with("para")
            || after.contains("preambular")
            || after.contains("unnumbered");
        if !words.is_empty()
            && words.iter().all(|w| w.chars().all(char::is_alphanumeric))
            && !head_prefix(label.trim())
            && ordinal(words[0]).is_none()
            && head_follows
        {
            out.push_str(&words.concat());
            out.push('/');
            i = words.len();
        }
    }
    let mut pending_ordinal: Option<usize> = None;
    // `k` of an unnumbered paragraph, and whether its `after` was read.
    let mut unnumbered: Option<usize> = None;
    let mut after_seen = false;
    while i < tokens.len() {
        let w = tokens[i];
        let lw = w.to_lowercase();
        match lw.as_str() {
            "para." | "para" | "paragraph" | "paras." | "op" | "operative" => {}
            "after" => after_seen = true,
            "preambular" => {
                out.push_str("PP");
                if let Some(n) = pending_ordinal.take() {
                    out.push_str(&n.to_string());
                }
            }
            "unnumbered" => unnumbered = Some(pending_ordinal.take().unwrap_or(0)),
            "bullet" | "item" => out.push('-'),
            _ => {
                if let Some(n) = ordinal(&lw) {
                    pending_ordinal = Some(n);
                } else if lw.starts_with(|c: char| c.is_ascii_digit()) && unnumbered.is_some() {
                    if !after_seen {
                        // `unnumbered paragraph 22 after para. 3`.
                        unnumbered = lw.parse().ok();
                    } else {
                        out.push_str(w);
                        if let Some(next) = tokens.get(i + 1).filter(|t| latin_insert(t).is_some())
                        {
                            out.push_str(next);
                            i += 1;
                        }
                        out.push_str(&format!("+{}", unnumbered.take().unwrap_or(1)));
                    }
                } else {
                    out.push_str(w);
                }
            }
        }
        i += 1;
    }
    out
}

/// Parses the part of a path after any part label.
fn parse_body(input: &str) -> Result<UnitPath, String> {
    let s: Vec<char> = input.trim().chars().collect();
    let mut i = 0;
    let digits = |i: &mut usize| -> Option<u32> {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start || *i - start > 6 {
            None
        } else {
            s[start..*i].iter().collect::<String>().parse().ok()
        }
    };
    let skip_spaces = |i: &mut usize| {
        while *i < s.len() && s[*i] == ' ' {
            *i += 1;
        }
    };
    let mut path = UnitPath::default();
    let lower_at = |i: usize, p: &str| -> bool {
        let n = p.chars().count();
        i + n <= s.len()
            && s[i..i + n]
                .iter()
                .zip(p.chars())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    };
    if lower_at(i, "pp") {
        path.preambular = true;
        i += 2;
    } else if lower_at(i, "op") {
        i += 2;
    }
    skip_spaces(&mut i);
    path.para = digits(&mut i).ok_or_else(|| {
        "a unit path starts with a paragraph number or PP, as in 13(e) or PP2".to_string()
    })?;
    if path.para == 0 {
        return Err("paragraph numbers start at 1".into());
    }
    // `2bis`, `2 bis`.
    if !path.preambular {
        let mut j = i;
        skip_spaces(&mut j);
        let start = j;
        while j < s.len() && s[j].is_ascii_alphabetic() {
            j += 1;
        }
        let word: String = s[start..j].iter().collect();
        if let Some(v) = latin_insert(&word) {
            path.insert = Some(v);
            i = j;
        }
    }
    skip_spaces(&mut i);
    if i < s.len() && s[i] == '+' {
        i += 1;
        let k = digits(&mut i).ok_or("'+' must be followed by a number, as in 12+1")?;
        if k == 0 {
            return Err("unnumbered paragraphs are counted from 1".into());
        }
        path.after = Some(k);
    }
    skip_spaces(&mut i);
    if i < s.len() && s[i] == '-' {
        i += 1;
        let k = digits(&mut i).ok_or("'-' must be followed by a number, as in 160-2")?;
        if k == 0 {
            return Err("bullet and list numbers start at 1".into());
        }
        path.sub = Some(k);
    }
    // Up to two labelled groups: a letter, then a roman numeral.
    let mut groups = Vec::new();
    while i < s.len() {
        while i < s.len() && matches!(s[i], '.' | ' ') {
            i += 1;
        }
        if i >= s.len() {
            break;
        }
        let paren = s[i] == '(';
        if paren {
            i += 1;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i == start {
            return Err("expected a letter such as (e) or a roman numeral such as (iv)".into());
        }
        let label: String = s[start..i].iter().collect::<String>().to_lowercase();
        if paren {
            if i >= s.len() || s[i] != ')' {
                return Err("unclosed '('".into());
            }
            i += 1;
        }
        groups.push(label);
    }
    match groups.as_slice() {
        [] => {}
        [one] => {
            // `13e` / `13(e)`: a single letter is a lettered item; a longer
            // label can only be a letter followed by a roman (`13eiv`).
            let mut chars = one.chars();
            path.letter = chars.next();
            let r = chars.as_str();
            if !r.is_empty() {
                path.roman = Some(roman_value(r).ok_or("not a letter or roman numeral")?);
            }
        }
        [l, r] => {
            if l.chars().count() != 1 {
                return Err("a lettered item has one letter, as in 13(e)".into());
            }
            path.letter = l.chars().next();
            path.roman = Some(roman_value(r).ok_or("not a roman numeral")?);
        }
        _ => return Err("too many parts: at most N-k(x)(iv)".into()),
    }
    Ok(path)
}

impl fmt::Display for UnitPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.part {
            write!(f, "{p}/")?;
        }
        if self.preambular {
            write!(f, "PP")?;
        }
        write!(f, "{}", self.para)?;
        if let Some(i) = self.insert {
            f.write_str(LATIN_INSERTS[(i - 2) as usize])?;
        }
        if let Some(k) = self.after {
            write!(f, "+{k}")?;
        }
        if let Some(k) = self.sub {
            write!(f, "-{k}")?;
        }
        if let Some(l) = self.letter {
            write!(f, "({l})")?;
        }
        if let Some(r) = self.roman {
            write!(f, "({})", roman_string(r))?;
        }
        Ok(())
    }
}

impl PartialOrd for UnitPath {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Document order within a part: preambular paragraphs, then numbered
/// ones (an insert after its paragraph, unnumbered paragraphs after both);
/// the first part before labelled parts, which sort by label.
impl Ord for UnitPath {
    fn cmp(&self, other: &Self) -> Ordering {
        self.part
            .cmp(&other.part)
            .then(other.preambular.cmp(&self.preambular))
            .then(self.para.cmp(&other.para))
            .then(self.insert.cmp(&other.insert))
            .then(self.after.cmp(&other.after))
            .then(self.sub.cmp(&other.sub))
            .then(self.letter.cmp(&other.letter))
            .then(self.roman.cmp(&other.roman))
    }
}

/// A full citation `DOC:PATH`, e.g. `rpm2019:13(e)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Citation {
    /// Document id.
    pub doc: String,
    /// Unit path inside the document.
    pub path: UnitPath,
}

impl Citation {
    /// Builds a citation.
    pub fn new(doc: impl Into<String>, path: UnitPath) -> Citation {
        Citation {
            doc: doc.into(),
            path,
        }
    }

    /// True when `input` is written as a citation rather than a document
    /// id or side: `DOC:PATH`, or the UN style `DOC, para. 13 (e)`.
    pub fn looks_like(input: &str) -> bool {
        input.contains(':')
            || input.split_once(',').is_some_and(|(_, rest)| {
                let r = rest.to_lowercase();
                r.contains("para") || r.contains("preambular")
            })
    }

    /// Parses `DOC:PATH`, or the UN style accord prints
    /// (`rpm2019, para. 13 (e)`, `kyoto2021, second preambular paragraph`).
    /// The document id is not checked against a corpus here; see
    /// `Library::unit`.
    ///
    /// # Errors
    /// [`CitationError::Malformed`] naming what is wrong.
    pub fn parse(input: &str) -> Result<Citation, CitationError> {
        let split = input.split_once(':').or_else(|| {
            Citation::looks_like(input)
                .then(|| input.split_once(','))
                .flatten()
        });
        let Some((doc, path)) = split else {
            return Err(CitationError::Malformed {
                input: input.to_string(),
                reason: "a citation is DOC:PATH, as in rpm2019:13(e)".into(),
            });
        };
        let doc = doc.trim();
        if doc.is_empty() {
            return Err(CitationError::Malformed {
                input: input.to_string(),
                reason: "the document id before ':' is missing".into(),
            });
        }
        let path = UnitPath::parse(path).map_err(|e| match e {
            CitationError::Malformed { reason, .. } => CitationError::Malformed {
                input: input.to_string(),
                reason,
            },
        })?;
        Ok(Citation::new(doc, path))
    }

    /// UN style: `rpm2019, para. 13 (e)`.
    pub fn un_style(&self, list_is_bullets: bool) -> String {
        format!("{}, {}", self.doc, self.path.un_style(list_is_bullets))
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.doc, self.path)
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialOrd for Citation {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Citation {
    fn cmp(&self, other: &Self) -> Ordering {
        self.doc.cmp(&other.doc).then(self.path.cmp(&other.path))
    }
}

/// A citation that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CitationError {
    /// The text is not of the citation grammar.
    #[error("malformed citation '{input}': {reason}")]
    Malformed {
        /// What the user typed.
        input: String,
        /// What is wrong, and the expected form.
        reason: String,
    },
}

const ROMANS: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// The value of a lower-case roman numeral from i to xx.
pub fn roman_value(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    ROMANS.iter().position(|r| *r == s).map(|p| p as u32 + 1)
}

/// The lower-case roman numeral for 1..=20 (arabic digits beyond).
pub fn roman_string(n: u32) -> String {
    ROMANS
        .get((n as usize).wrapping_sub(1))
        .map(|s| s.to_string())
        .unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        UnitPath::parse(s).unwrap().to_string()
    }

    #[test]
    fn forgiving_input_canonical_output() {
        for s in ["13e", "13.e", "13(e)", "13 (e)", "13E"] {
            assert_eq!(canon(s), "13(e)", "{s}");
        }
        assert_eq!(canon("13"), "13");
        assert_eq!(canon("13(e)(iv)"), "13(e)(iv)");
        assert_eq!(canon("13.e.iv"), "13(e)(iv)");
        assert_eq!(canon("13eiv"), "13(e)(iv)");
        assert_eq!(canon("160-2"), "160-2");
        assert_eq!(canon("74-5a"), "74-5(a)");
        assert_eq!(canon("74-5 (a)"), "74-5(a)");
    }

    #[test]
    fn negotiated_text_paths() {
        assert_eq!(canon("operative paragraph 3 (a)"), "3(a)");
        assert_eq!(canon("para 3 (a)"), "3(a)");
        assert_eq!(canon("2nd preambular paragraph"), "PP2");
        assert_eq!(canon("annex I/1"), "annexI/1");
        for s in ["PP2", "pp2", "PP 2", "pp 2"] {
            assert_eq!(canon(s), "PP2", "{s}");
        }
        assert_eq!(canon("op4"), "4");
        for s in ["2bis", "2 bis", "2 BIS", "2bis."] {
            assert_eq!(canon(s), "2bis", "{s}");
        }
        assert_eq!(canon("2ter(a)"), "2ter(a)");
        assert_eq!(canon("12+1"), "12+1");
        for s in ["annex/5(g)", "annex 5(g)", "annex/5 (g)", "annex 5g"] {
            assert_eq!(canon(s), "annex/5(g)", "{s}");
        }
        assert_eq!(canon("II/PP3"), "II/PP3");
        assert_eq!(canon("part2/4"), "part2/4");
        assert_eq!(canon("annex II 3"), "annexII/3");
        assert_eq!(canon("annexII/pp1"), "annexII/PP1");
    }

    #[test]
    fn un_style_reads_back() {
        for s in [
            "13(e)",
            "160-2",
            "74-5(a)",
            "PP2",
            "PP25",
            "2bis",
            "3+1",
            "3+22",
            "annex/5(g)",
            "II/PP3",
            "part2/4",
            "2ter(b)",
        ] {
            let p = UnitPath::parse(s).unwrap();
            for bullets in [false, true] {
                let un = p.un_style(bullets);
                assert_eq!(UnitPath::parse(&un).unwrap(), p, "{s} -> {un}");
                let c = Citation::parse(&format!("kyoto2021, {un}")).unwrap();
                assert_eq!(c, Citation::new("kyoto2021", p.clone()), "{un}");
            }
        }
        assert_eq!(
            UnitPath::parse("PP2").unwrap().un_style(false),
            "second preambular paragraph"
        );
        assert_eq!(
            UnitPath::parse("annex/5(g)").unwrap().un_style(false),
            "annex, para. 5 (g)"
        );
        assert_eq!(
            UnitPath::parse("3+1").unwrap().un_style(false),
            "first unnumbered paragraph after para. 3"
        );
        assert_eq!(
            UnitPath::parse("2bis").unwrap().un_style(false),
            "para. 2 bis"
        );
    }

    #[test]
    fn citations_and_sides_are_told_apart() {
        assert!(Citation::looks_like("rpm2019:13e"));
        assert!(Citation::looks_like("rpm2019, para. 13 (e)"));
        assert!(Citation::looks_like(
            "kyoto2021, second preambular paragraph"
        ));
        assert!(!Citation::looks_like("rpm2019,rpm2025-item4"));
        assert!(!Citation::looks_like("2019"));
    }

    #[test]
    fn malformed_paths_say_why() {
        for s in [
            "",
            "e",
            "13(",
            "13-",
            "13(e)(q)",
            "0",
            "13(e)(iv)(x)",
            "13(ab)",
            "13-0",
            "PP",
            "annex/",
            "/3",
            "3+",
            "3+0",
            "annex",
        ] {
            assert!(UnitPath::parse(s).is_err(), "{s}");
        }
        let e = Citation::parse("rpm2019").unwrap_err();
        assert!(e.to_string().contains("DOC:PATH"), "{e}");
        let e = Citation::parse("rpm2019:13((e)").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("malformed citation 'rpm2019:13((e)'"),
            "{e}"
        );
    }

    #[test]
    fn citations_order_by_document_then_numbering() {
        let mut v: Vec<Citation> = [
            "d:13(b)",
            "d:2",
            "d:13",
            "d:10-2",
            "d:10-1",
            "d:13(a)",
            "d:PP2",
            "d:2bis",
            "d:2+1",
            "d:annex/1",
            "d:PP1",
        ]
        .iter()
        .map(|s| Citation::parse(s).unwrap())
        .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            s,
            [
                "d:PP1",
                "d:PP2",
                "d:2",
                "d:2+1",
                "d:2bis",
                "d:10-1",
                "d:10-2",
                "d:13",
                "d:13(a)",
                "d:13(b)",
                "d:annex/1"
            ]
        );
    }

    #[test]
    fn un_style() {
        let c = Citation::parse("rpm2019:13(e)").unwrap();
        assert_eq!(c.un_style(false), "rpm2019, para. 13 (e)");
        let c = Citation::parse("thematic2021-2024:160-2").unwrap();
        assert_eq!(c.un_style(true), "thematic2021-2024, para. 160, bullet 2");
    }

    #[test]
    fn romans() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("IX"), Some(9));
        assert_eq!(roman_value("q"), None);
        assert_eq!(roman_string(14), "xiv");
    }
}
