//! Citations: the `DOC:PATH` identifiers of units (see CITATIONS.md).
//!
//! Input is forgiving (`13e`, `13.e`, `13 (e)`, `13(e)(iv)`, `160-2`,
//! `74-5a`); output is always canonical (`13(e)`, `13(e)(iv)`, `74-5(a)`).

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// The path of a unit inside its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitPath {
    /// Paragraph number `N`.
    pub para: u32,
    /// `k` in `N-k`: the k-th bullet or numbered list line of paragraph N.
    pub sub: Option<u32>,
    /// Lettered sub-item `(x)`.
    pub letter: Option<char>,
    /// Roman sub-item `(iv)` of a lettered item, as a number.
    pub roman: Option<u32>,
}

impl UnitPath {
    /// A numbered paragraph.
    pub fn para(n: u32) -> UnitPath {
        UnitPath {
            para: n,
            sub: None,
            letter: None,
            roman: None,
        }
    }

    /// The paragraph that contains this unit (itself for a paragraph).
    pub fn paragraph(self) -> UnitPath {
        UnitPath::para(self.para)
    }

    /// Parses a path in any accepted spelling.
    pub fn parse(input: &str) -> Result<UnitPath, CitationError> {
        let bad = |reason: &str| CitationError::Malformed {
            input: input.to_string(),
            reason: reason.to_string(),
        };
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
        let para =
            digits(&mut i).ok_or_else(|| bad("a unit path starts with a paragraph number"))?;
        if para == 0 {
            return Err(bad("paragraph numbers start at 1"));
        }
        let mut path = UnitPath::para(para);
        if i < s.len() && s[i] == '-' {
            i += 1;
            let k = digits(&mut i)
                .ok_or_else(|| bad("'-' must be followed by a number, as in 160-2"))?;
            if k == 0 {
                return Err(bad("bullet and list numbers start at 1"));
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
                return Err(bad(
                    "expected a letter such as (e) or a roman numeral such as (iv)",
                ));
            }
            let label: String = s[start..i].iter().collect::<String>().to_lowercase();
            if paren {
                if i >= s.len() || s[i] != ')' {
                    return Err(bad("unclosed '('"));
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
                if one.len() == 1 {
                    path.letter = one.chars().next();
                } else {
                    let (l, r) = one.split_at(1);
                    path.letter = l.chars().next();
                    path.roman =
                        Some(roman_value(r).ok_or_else(|| bad("not a letter or roman numeral"))?);
                }
            }
            [l, r] => {
                if l.len() != 1 {
                    return Err(bad("a lettered item has one letter, as in 13(e)"));
                }
                path.letter = l.chars().next();
                path.roman = Some(roman_value(r).ok_or_else(|| bad("not a roman numeral"))?);
            }
            _ => return Err(bad("too many parts: at most N-k(x)(iv)")),
        }
        Ok(path)
    }

    /// The UN way of citing this path: `para. 13 (e)`, `para. 160, bullet 2`,
    /// `para. 74, item 5 (a)`.
    pub fn un_style(&self, list_is_bullets: bool) -> String {
        let mut s = format!("para. {}", self.para);
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

impl fmt::Display for UnitPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.para)?;
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

    /// Parses `DOC:PATH`. The document id is not checked against a corpus
    /// here; see `Library::unit`.
    pub fn parse(input: &str) -> Result<Citation, CitationError> {
        let Some((doc, path)) = input.split_once(':') else {
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
        let mut v: Vec<Citation> = ["d:13(b)", "d:2", "d:13", "d:10-2", "d:10-1", "d:13(a)"]
            .iter()
            .map(|s| Citation::parse(s).unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|c| c.to_string()).collect();
        assert_eq!(s, ["d:2", "d:10-1", "d:10-2", "d:13", "d:13(a)", "d:13(b)"]);
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
