//! Drafting strength: the one-word changes negotiators fight over.
//!
//! Three kinds are tracked. The *operative verb* opens a provision: an
//! imperative in recommendations (`Support UNODC ...`, `Collaborate with
//! UNODC ...`), a third-person verb in resolutions (`Urges`, `Calls upon`),
//! or a subject and verb in declarations (`We commit to`, `We will`). A
//! particle that belongs to the verb is kept (`Collaborate with`, `Calls
//! upon`, `commit to`, `Takes note of`, `Continue to support`), procedural
//! adverbs are dropped (`Also invites` is `Invites`, `Further strengthen`
//! is `Strengthen`) and manner adverbs kept (`Strongly urges`). *Modals*
//! (shall, should, may, must, will, could, would, might) and *qualifiers*
//! (`as appropriate`, `upon request`, `in accordance with national
//! legislation`, `within existing resources`, `voluntary`...) are counted
//! anywhere in the text; a change in a count is reported.
//!
//! Words are matched case-insensitively on the tokens of the diff, so
//! punctuation and spacing do not matter, and qualifiers only match words
//! separated by whitespace (`upon request,` matches; `upon. Request` does
//! not).

use std::fmt;

use serde::Serialize;

use super::tokens::{class, tokenize, Class};

/// Which drafting device changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StrengthKind {
    /// The operative verb at the start of the provision.
    Verb,
    /// A modal verb anywhere: `should`, `shall`...
    Modal,
    /// A qualifier anywhere: `as appropriate`, `upon request`...
    Qualifier,
}

impl StrengthKind {
    /// The snake_case name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            StrengthKind::Verb => "verb",
            StrengthKind::Modal => "modal",
            StrengthKind::Qualifier => "qualifier",
        }
    }
}

/// One change in drafting strength between two versions of a provision.
///
/// `old` is `None` for an addition and `new` is `None` for a removal; a
/// replaced verb or modal has both.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct StrengthChange {
    /// Verb, modal or qualifier.
    pub kind: StrengthKind,
    /// The wording in the old version, if it had one.
    pub old: Option<String>,
    /// The wording in the new version, if it has one.
    pub new: Option<String>,
}

impl fmt::Display for StrengthChange {
    /// `verb: Support -> Collaborate with`, `modal: should -> shall`,
    /// `qualifier: + as appropriate`, `qualifier: - upon request`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.kind.as_str())?;
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => write!(f, "{o} -> {n}"),
            (None, Some(n)) => write!(f, "+ {n}"),
            (Some(o), None) => write!(f, "- {o}"),
            (None, None) => Ok(()),
        }
    }
}

/// The changes in drafting strength from `old` to `new`, in this order:
/// the operative verb, modals (a removed modal is paired with an added one
/// in order of appearance: `should -> shall`), then qualifiers (removed
/// ones, then added ones, each in order of appearance). Empty when the
/// strength is unchanged.
///
/// ```
/// use accord::diff::strength_changes;
///
/// let old = "Support UNODC, upon request, in continuing its role";
/// let new = "Collaborate with UNODC to continue its role, as appropriate";
/// let changes: Vec<String> = strength_changes(old, new)
///     .iter()
///     .map(|c| c.to_string())
///     .collect();
/// assert_eq!(
///     changes,
///     [
///         "verb: Support -> Collaborate with",
///         "qualifier: - upon request",
///         "qualifier: + as appropriate",
///     ]
/// );
/// ```
pub fn strength_changes(old: &str, new: &str) -> Vec<StrengthChange> {
    let (old, new) = (Text::new(old), Text::new(new));
    let mut out = Vec::new();

    let (ov, nv) = (old.verb(), new.verb());
    let ov_key = ov.as_ref().map(|v| v.phrase.to_lowercase());
    let nv_key = nv.as_ref().map(|v| v.phrase.to_lowercase());
    if ov_key != nv_key {
        out.push(StrengthChange {
            kind: StrengthKind::Verb,
            old: ov.as_ref().map(|v| v.phrase.clone()),
            new: nv.as_ref().map(|v| v.phrase.clone()),
        });
    }

    let skip = |v: &Option<Verb>| v.as_ref().map_or(0, |v| v.end);
    let (removed, added) = surplus(&old.modals(skip(&ov)), &new.modals(skip(&nv)));
    let mut removed = removed.into_iter();
    let mut added = added.into_iter();
    loop {
        let (o, n) = (removed.next(), added.next());
        if o.is_none() && n.is_none() {
            break;
        }
        out.push(StrengthChange {
            kind: StrengthKind::Modal,
            old: o,
            new: n,
        });
    }

    let (removed, added) = surplus(&old.qualifiers(), &new.qualifiers());
    out.extend(removed.into_iter().map(|q| StrengthChange {
        kind: StrengthKind::Qualifier,
        old: Some(q),
        new: None,
    }));
    out.extend(added.into_iter().map(|q| StrengthChange {
        kind: StrengthKind::Qualifier,
        old: None,
        new: Some(q),
    }));
    out
}

/// The operative verb at the start of `text`, with its particle
/// (`Collaborate with`, `Calls upon`, `We commit to`), or `None` when the
/// provision does not open with a known verb (`The Commission should...`,
/// `Many speakers noted...`). Leading numbering such as `(d)` or `13.` is
/// skipped; procedural adverbs (`also`, `further`) are left out, so the
/// result is the words as printed but not always a substring.
///
/// ```
/// use accord::diff::operative_verb;
///
/// assert_eq!(operative_verb("(g) Collaborate with UNODC to operationalize").as_deref(), Some("Collaborate with"));
/// assert_eq!(operative_verb("Also calls upon Member States").as_deref(), Some("calls upon"));
/// assert_eq!(operative_verb("We will continue to promote").as_deref(), Some("We will"));
/// assert_eq!(operative_verb("Many speakers noted"), None);
/// ```
pub fn operative_verb(text: &str) -> Option<String> {
    Text::new(text).verb().map(|v| v.phrase)
}

/// Items of `old` missing from `new` and items of `new` missing from
/// `old`, counting repeats, each in order of appearance.
fn surplus(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let minus = |a: &[String], b: &[String]| {
        let mut left: Vec<Option<&String>> = b.iter().map(Some).collect();
        a.iter()
            .filter(
                |x| match left.iter_mut().find(|y| y.is_some_and(|y| y == *x)) {
                    Some(slot) => {
                        *slot = None;
                        false
                    }
                    None => true,
                },
            )
            .cloned()
            .collect::<Vec<_>>()
    };
    (minus(old, new), minus(new, old))
}

/// A word of the text: as printed, lowercased, and whether only
/// whitespace separates it from the previous word.
struct Word<'a> {
    text: &'a str,
    lower: String,
    /// Only whitespace between the previous word and this one.
    joined: bool,
    /// First word of the text or of a sentence.
    sentence_start: bool,
}

/// A text as a list of words.
struct Text<'a> {
    words: Vec<Word<'a>>,
    /// Index of the first word after the leading numbering.
    start: usize,
}

/// The operative verb found by [`Text::verb`].
struct Verb {
    phrase: String,
    /// Index of the first word after the verb phrase.
    end: usize,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let tokens = tokenize(text);
        let mut words = Vec::new();
        let mut joined = false;
        let mut sentence_start = true;
        // Leading numbering: `(d)`, `13.`, `(iv)`, bullets and quotes.
        let mut start = None;
        let mut leading = true;
        for (i, t) in tokens.iter().enumerate() {
            match class(t) {
                Class::Word => {
                    if leading {
                        let next = tokens.get(i + 1).copied();
                        let numbering = t.chars().all(|c| c.is_ascii_digit())
                            || (next == Some(")")
                                && t.len() <= 4
                                && t.chars().all(|c| c.is_ascii_lowercase()));
                        if !numbering {
                            leading = false;
                            start = Some(words.len());
                        }
                    }
                    words.push(Word {
                        text: t,
                        lower: t.to_lowercase(),
                        joined,
                        sentence_start,
                    });
                    joined = true;
                    sentence_start = false;
                }
                Class::Space => {}
                Class::Mark => {
                    joined = false;
                    if matches!(*t, "." | ";" | ":" | "!" | "?") {
                        sentence_start = true;
                    }
                }
            }
        }
        let start = start.unwrap_or(words.len());
        Text { words, start }
    }

    fn lower(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.lower.as_str())
    }

    /// The operative verb, see [`operative_verb`].
    fn verb(&self) -> Option<Verb> {
        let mut i = self.start;
        let mut phrase: Vec<&str> = Vec::new();
        let first = self.lower(i)?;
        if first == "we" {
            phrase.push(self.words[i].text);
            i += 1;
        }
        i = self.skip_procedural(i);
        // A manner adverb is part of the verb (`Strongly urges`).
        if self.lower(i).is_some_and(|w| w.ends_with("ly"))
            && self
                .lower(i + 1)
                .is_some_and(|w| is_verb(w) || MODALS.contains(&w))
        {
            phrase.push(self.words[i].text);
            i += 1;
        }
        let word = self.lower(i)?;
        let modal = MODALS.contains(&word);
        let subject = phrase.first().is_some_and(|w| w.eq_ignore_ascii_case("we"));
        if !(is_verb(word) || (modal && subject)) {
            return None;
        }
        // A noun that looks like a verb: `Review of`, `Progress has been`.
        if self
            .lower(i + 1)
            .is_some_and(|w| NOT_AFTER_VERB.contains(&w))
        {
            return None;
        }
        phrase.push(self.words[i].text);
        let base = base_form(word).unwrap_or(word);
        i += 1;
        if !modal {
            i = self.particle(base, i, &mut phrase);
        }
        Some(Verb {
            phrase: phrase.join(" "),
            end: i,
        })
    }

    /// Skips `also`, `further`, `once again`... from word `i`.
    fn skip_procedural(&self, mut i: usize) -> usize {
        loop {
            match self.lower(i) {
                Some("once") if self.lower(i + 1) == Some("again") => i += 2,
                Some(w) if PROCEDURAL.contains(&w) => i += 1,
                _ => return i,
            }
        }
    }

    /// Adds the particle of verb `base` starting at word `i` to `phrase`;
    /// returns the index after it.
    fn particle<'p>(&'p self, base: &str, i: usize, phrase: &mut Vec<&'p str>) -> usize {
        let next = |k: usize| {
            self.words
                .get(k)
                .filter(|w| w.joined)
                .map(|w| w.lower.as_str())
        };
        let take = |phrase: &mut Vec<&'p str>, from: usize, n: usize| {
            phrase.extend(self.words[from..from + n].iter().map(|w| w.text));
            from + n
        };
        match (base, next(i)) {
            ("take", Some("note")) => {
                let n = if next(i + 1) == Some("of") { 2 } else { 1 };
                take(phrase, i, n)
            }
            ("continue", Some("to")) if next(i + 1).is_some() => take(phrase, i, 2),
            ("continue", Some(w)) if w.ends_with("ing") => take(phrase, i, 1),
            ("commit", Some("ourselves" | "themselves" | "itself"))
                if next(i + 1) == Some("to") =>
            {
                take(phrase, i, 2)
            }
            (_, Some(w)) => {
                let fits = PARTICLES
                    .iter()
                    .any(|(verb, particles)| *verb == base && particles.contains(&w));
                if fits {
                    take(phrase, i, 1)
                } else {
                    i
                }
            }
            _ => i,
        }
    }

    /// Modals from word `from` on, lowercased, in order.
    fn modals(&self, from: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (i, w) in self.words.iter().enumerate().skip(from) {
            let m = w.lower.as_str();
            if !MODALS.contains(&m) {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| self.lower(p));
            let next = self.lower(i + 1);
            // `political will`, `the will of the people`.
            if m == "will" && prev.is_some_and(|p| WILL_NOUN_AFTER.contains(&p)) {
                continue;
            }
            // The month: `in May 2019`, `May 2025`.
            if m == "may"
                && w.text.starts_with('M')
                && (!w.sentence_start
                    || next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
            {
                continue;
            }
            out.push(m.to_string());
        }
        out
    }

    /// Qualifiers, lowercased with single spaces, in order.
    fn qualifiers(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            match QUALIFIERS.iter().find_map(|q| self.match_at(q, i)) {
                Some(end) => {
                    let words: Vec<&str> = self.words[i..end]
                        .iter()
                        .map(|w| w.lower.as_str())
                        .collect();
                    out.push(words.join(" "));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The end of `pattern` matched at word `i`, if it matches.
    fn match_at(&self, pattern: &[&[&str]], mut i: usize) -> Option<usize> {
        let first = i;
        for slot in pattern {
            let optional = slot.first() == Some(&"");
            let hit = self
                .words
                .get(i)
                .filter(|w| i == first || w.joined)
                .is_some_and(|w| slot.contains(&w.lower.as_str()));
            if hit {
                i += 1;
            } else if !optional {
                return None;
            }
        }
        Some(i)
    }
}

/// Modal verbs.
const MODALS: &[&str] = &[
    "shall", "should", "may", "must", "will", "could", "would", "might",
];

/// Words after which `will` is a noun.
const WILL_NOUN_AFTER: &[&str] = &[
    "political",
    "the",
    "good",
    "own",
    "free",
    "its",
    "their",
    "his",
    "her",
    "our",
    "a",
    "collective",
    "general",
    "strong",
    "sovereign",
];

/// Adverbs that order a provision in a series without changing its force.
const PROCEDURAL: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "moreover",
    "hereby",
    "again",
    "therefore",
    "thus",
    "likewise",
    "additionally",
    "finally",
];

/// Words that show the first word is a noun, not an imperative.
const NOT_AFTER_VERB: &[&str] = &["is", "are", "was", "were", "has", "have", "had", "of", "'s"];

/// Verbs whose meaning takes a particle, and the particles.
const PARTICLES: &[(&str, &[&str])] = &[
    ("call", &["upon", "on", "for"]),
    ("collaborate", &["with"]),
    ("cooperate", &["with"]),
    ("coordinate", &["with"]),
    ("consult", &["with"]),
    ("engage", &["with", "in"]),
    ("partner", &["with"]),
    ("liaise", &["with"]),
    ("work", &["with", "towards", "toward", "together"]),
    ("commit", &["to"]),
    ("build", &["on", "upon"]),
    ("draw", &["on", "upon"]),
    ("focus", &["on"]),
    ("rely", &["on"]),
    ("follow", &["up"]),
    ("reach", &["out"]),
    ("participate", &["in"]),
    ("invest", &["in"]),
    ("contribute", &["to"]),
    ("respond", &["to"]),
    ("adhere", &["to"]),
    ("accede", &["to"]),
    ("appeal", &["to"]),
    ("pay", &["attention"]),
    ("strive", &["to", "for"]),
    ("endeavour", &["to"]),
    ("endeavor", &["to"]),
    ("pledge", &["to"]),
    ("decide", &["to"]),
    ("resolve", &["to"]),
];

/// Operative verbs in their base form: the imperatives of
/// recommendations and, with `-s`, the verbs of resolutions.
const VERBS: &[&str] = &[
    "accede",
    "achieve",
    "acknowledge",
    "adapt",
    "address",
    "adhere",
    "adopt",
    "advance",
    "affirm",
    "align",
    "allocate",
    "appeal",
    "apply",
    "appreciate",
    "approve",
    "assess",
    "assist",
    "authorize",
    "build",
    "call",
    "collaborate",
    "collect",
    "combat",
    "commend",
    "commit",
    "complement",
    "condemn",
    "conduct",
    "consider",
    "consolidate",
    "consult",
    "continue",
    "contribute",
    "convene",
    "cooperate",
    "coordinate",
    "counter",
    "create",
    "decide",
    "declare",
    "dedicate",
    "define",
    "deliver",
    "deplore",
    "design",
    "develop",
    "draft",
    "draw",
    "eliminate",
    "emphasize",
    "empower",
    "enable",
    "encourage",
    "endeavor",
    "endeavour",
    "endorse",
    "engage",
    "enhance",
    "ensure",
    "eradicate",
    "establish",
    "evaluate",
    "examine",
    "exchange",
    "expand",
    "expedite",
    "explore",
    "express",
    "extend",
    "facilitate",
    "focus",
    "follow",
    "foster",
    "guarantee",
    "harmonize",
    "harness",
    "highlight",
    "identify",
    "implement",
    "improve",
    "include",
    "incorporate",
    "increase",
    "initiate",
    "integrate",
    "intensify",
    "introduce",
    "invest",
    "invite",
    "leverage",
    "liaise",
    "maintain",
    "mainstream",
    "make",
    "mobilize",
    "modernize",
    "monitor",
    "note",
    "offer",
    "organize",
    "participate",
    "partner",
    "pay",
    "pledge",
    "prevent",
    "prioritize",
    "promote",
    "protect",
    "provide",
    "pursue",
    "raise",
    "ratify",
    "reach",
    "reaffirm",
    "recall",
    "recognize",
    "recommend",
    "reduce",
    "reinforce",
    "reiterate",
    "rely",
    "remain",
    "remind",
    "renew",
    "request",
    "resolve",
    "respect",
    "respond",
    "review",
    "revise",
    "safeguard",
    "scale",
    "seek",
    "share",
    "standardize",
    "streamline",
    "strengthen",
    "stress",
    "strive",
    "submit",
    "support",
    "sustain",
    "tackle",
    "take",
    "train",
    "underline",
    "underscore",
    "undertake",
    "update",
    "upgrade",
    "urge",
    "use",
    "utilize",
    "welcome",
    "work",
];

/// Qualifier patterns: one slot per word, each slot the words it accepts;
/// a slot starting with `""` is optional.
const QUALIFIERS: &[&[&[&str]]] = &[
    &[&["as", "where", "when", "if"], &["appropriate"]],
    &[&["upon", "on"], &["", "their", "its"], &["request"]],
    &[&["at"], &["their", "its"], &["request"]],
    &[&["at"], &["the"], &["request"], &["of"]],
    &[
        &["in", "consistent"],
        &["", "accordance", "line", "conformity"],
        &["with"],
        &["", "their", "its", "the"],
        &["national", "domestic"],
        &["legislation", "law", "laws"],
    ],
    &[&["where", "as", "when"], &["applicable"]],
    &[&["as", "where"], &["needed", "necessary"]],
    &[&["where"], &["possible"]],
    &[&["within"], &["existing"], &["resources"]],
    &[&["subject"], &["to"]],
    &[&["voluntary"]],
];

/// The base form of a verb from `VERBS`: `urges` -> `urge`, `stresses` ->
/// `stress`, `applies` -> `apply`, British `recognises` -> `recognize`.
fn base_form(word: &str) -> Option<&'static str> {
    let mut candidates: Vec<String> = vec![word.to_string()];
    if let Some(s) = word.strip_suffix("ies") {
        candidates.push(format!("{s}y"));
    }
    if let Some(s) = word.strip_suffix("es") {
        candidates.push(s.to_string());
    }
    if let Some(s) = word.strip_suffix('s') {
        candidates.push(s.to_string());
    }
    let british: Vec<String> = candidates
        .iter()
        .filter_map(|c| c.strip_suffix("ise").map(|s| format!("{s}ize")))
        .collect();
    candidates.extend(british);
    candidates
        .iter()
        .find_map(|c| VERBS.iter().find(|v| **v == c.as_str()).copied())
}

fn is_verb(word: &str) -> bool {
    base_form(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_line(name: &str, start: &str) -> String {
        let path = format!("{}/seeds/{name}.md", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{name}: no line starting {start:?}"))
            .to_string()
    }

    fn shown(old: &str, new: &str) -> Vec<String> {
        strength_changes(old, new)
            .iter()
            .map(|c| c.to_string())
            .collect()
    }

    #[test]
    fn rpm2019_13d_to_rpm2025_12g_changes_support_to_collaborate_with() {
        let old = seed_line("rpm2019", "(d) Support UNODC");
        let new = seed_line("rpm2025-item4", "(g) Collaborate with UNODC");
        assert_eq!(operative_verb(&old).as_deref(), Some("Support"));
        assert_eq!(operative_verb(&new).as_deref(), Some("Collaborate with"));
        assert_eq!(shown(&old, &new), ["verb: Support -> Collaborate with"]);
    }

    #[test]
    fn rpm2019_13e_to_rpm2025_12f_keeps_strengthen() {
        let old = seed_line("rpm2019", "(e) Strengthen the role");
        let new = seed_line("rpm2025-item4", "(f) Strengthen the role");
        assert_eq!(operative_verb(&old).as_deref(), Some("Strengthen"));
        assert_eq!(shown(&old, &new), Vec::<String>::new());
    }

    #[test]
    fn removing_upon_request_from_rpm2019_k_is_reported() {
        let old = seed_line("rpm2019", "(k) Request UNODC");
        assert!(old.contains(", upon request,"));
        let new = old.replace(", upon request,", "");
        assert_eq!(operative_verb(&old).as_deref(), Some("Request"));
        assert_eq!(shown(&old, &new), ["qualifier: - upon request"]);
        assert_eq!(shown(&new, &old), ["qualifier: + upon request"]);
    }

    #[test]
    fn removing_as_appropriate_from_rpm2019_b_is_reported() {
        let old = seed_line("rpm2019", "(b) Review and strengthen");
        let new = old.replace(", as appropriate,", "");
        assert_ne!(old, new);
        assert_eq!(operative_verb(&old).as_deref(), Some("Review"));
        assert_eq!(shown(&old, &new), ["qualifier: - as appropriate"]);
    }

    #[test]
    fn should_to_shall_in_a_real_sentence_is_one_modal_change() {
        let old = "It was noted that data collection should be carried out in accordance with \
                   the requirements of domestic legislation to ensure proper implementation of \
                   crime prevention policies.";
        assert!(
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/rpm2019.md"))
                .unwrap()
                .contains(&old.split_whitespace().collect::<Vec<_>>().join(" "))
        );
        let new = old.replace("should", "shall");
        assert_eq!(shown(old, &new), ["modal: should -> shall"]);
        let new = old.replace("should be", "is");
        assert_eq!(shown(old, &new), ["modal: - should"]);
        let new = old.replace("should be", "should, where appropriate, be");
        assert_eq!(shown(old, &new), ["qualifier: + where appropriate"]);
    }

    #[test]
    fn resolution_and_declaration_verbs_with_their_particles() {
        let cases = [
            ("Urges Member States to", Some("Urges")),
            ("Calls upon Member States", Some("Calls upon")),
            ("Also calls for action", Some("calls for")),
            ("Encourages States", Some("Encourages")),
            ("Invites", Some("Invites")),
            ("Requests the Secretary-General", Some("Requests")),
            ("Notes with appreciation", Some("Notes")),
            ("Takes note of the report", Some("Takes note of")),
            ("Welcomes the report", Some("Welcomes")),
            ("Recognizes that", Some("Recognizes")),
            ("Recognises that", Some("Recognises")),
            ("Stresses the need", Some("Stresses")),
            ("Decides to convene", Some("Decides to")),
            ("Strongly urges States", Some("Strongly urges")),
            ("We commit to strengthening", Some("We commit to")),
            (
                "We also commit ourselves to",
                Some("We commit ourselves to"),
            ),
            ("We will continue", Some("We will")),
            ("We, the Heads of State", None),
            ("13. Further strengthen the role", Some("strengthen")),
            ("(iv) Continue to support", Some("Continue to support")),
            (
                "(d) Continue supporting the establishment",
                Some("Continue supporting"),
            ),
            (
                "Effectively implement the Convention",
                Some("Effectively implement"),
            ),
            ("Build on the Kyoto Declaration", Some("Build on")),
            ("Review of the implementation", None),
            ("Progress has been made", None),
            ("Many speakers noted", None),
            ("The Commission should", None),
            ("", None),
        ];
        for (text, verb) in cases {
            assert_eq!(operative_verb(text).as_deref(), verb, "{text:?}");
        }
    }

    #[test]
    fn verb_changes_are_case_insensitive_and_one_sided_changes_show() {
        assert!(strength_changes("Support UNODC", "support UNODC").is_empty());
        assert_eq!(
            shown("Urges States", "Encourages States"),
            ["verb: Urges -> Encourages"]
        );
        assert_eq!(
            shown("Speakers noted", "Encourage States"),
            ["verb: + Encourage"]
        );
        assert_eq!(shown("Urges States", "States are urged"), ["verb: - Urges"]);
    }

    #[test]
    fn the_modal_of_a_declaration_verb_is_not_counted_twice() {
        assert_eq!(
            shown("We will promote", "We shall promote"),
            ["verb: We will -> We shall"]
        );
    }

    #[test]
    fn modals_are_counted_with_repeats_and_paired_in_order() {
        assert_eq!(
            shown(
                "States should act and should report",
                "States shall act and report"
            ),
            ["modal: should -> shall", "modal: - should"]
        );
        assert_eq!(
            shown("States may act", "States may act, and must report"),
            ["modal: + must"]
        );
        assert!(shown("States should act", "States SHOULD act.").is_empty());
    }

    #[test]
    fn will_as_a_noun_and_may_as_a_month_are_not_modals() {
        assert!(shown("with political will", "without political will").is_empty());
        assert!(shown("adopted in May 2019", "adopted in June 2019").is_empty());
        assert!(shown(
            "The Congress. May 2025 meeting",
            "The Congress. June 2025 meeting"
        )
        .is_empty());
        assert_eq!(
            shown("States act", "States. May they act"),
            ["modal: + may"]
        );
    }

    #[test]
    fn qualifier_variants() {
        let q = |s: &str| Text::new(s).qualifiers();
        assert_eq!(
            q("as appropriate, where appropriate"),
            ["as appropriate", "where appropriate"]
        );
        assert_eq!(
            q("upon request; on request; at their request"),
            ["upon request", "on request", "at their request"]
        );
        assert_eq!(
            q("in accordance with national legislation, consistent with their domestic law, in line with national law"),
            [
                "in accordance with national legislation",
                "consistent with their domestic law",
                "in line with national law"
            ]
        );
        assert_eq!(
            q("where applicable, as needed"),
            ["where applicable", "as needed"]
        );
        assert_eq!(
            q("within existing resources, subject to funds"),
            ["within existing resources", "subject to"]
        );
        assert_eq!(q("on a voluntary basis"), ["voluntary"]);
        // Punctuation between the words breaks the phrase.
        assert!(q("as. Appropriate").is_empty());
        assert!(q("upon the request").is_empty());
    }

    #[test]
    fn changes_serialize_with_snake_case_kinds() {
        let c = &strength_changes("States should act", "States act")[0];
        assert_eq!(
            serde_json::to_string(c).unwrap(),
            r#"{"kind":"modal","old":"should","new":null}"#
        );
    }
}
