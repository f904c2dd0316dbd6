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
//!
//! # Preambular openers
//!
//! A preambular paragraph opens with a participle or an adjective
//! (`Reaffirming`, `Noting with concern`, `Deeply concerned by`); that
//! opener is its verb here, so `Reaffirming ... -> Noting ...` is a verb
//! change. `Noting with concern`, `with appreciation`, `with satisfaction`
//! and the like keep their `with` phrase.
//!
//! # Same verb, other form
//!
//! Verbs are compared by their base form with the subject `We`, an
//! infinitive `to` and procedural adverbs left out, so `To integrate ->
//! Integrate`, `Integrating -> Integrate`, `Urges -> We urge` and
//! `Continue to support -> Continue supporting` are no change. A verb
//! that appears or disappears is reported only when it is on a scale
//! below or when its text reads as a provision rather than a title (a
//! title such as `Draft Lisbon declaration` has no punctuation), so a
//! heading never yields `verb: - Draft`.
//!
//! # Direction: weaker or stronger
//!
//! Each change carries a [`Direction`] when a scale orders its two sides,
//! and none when the scale says nothing (two verbs not on one scale, such
//! as `Support -> Collaborate with`, a verb or modal that appears or
//! disappears, two wordings of the same step). The scales, strongest
//! first, with `=` for wordings of the same force:
//!
//! | scale | steps |
//! |---|---|
//! | operative verbs | decides > urges > calls upon (= calls on) > encourages > invites > notes (= takes note of) |
//! | requests | requests > invites |
//! | preambular openers | Reaffirming > Recognizing > Noting with concern = Noting with appreciation > Noting |
//! | concern | Deeply concerned = Gravely concerned > Concerned > Noting |
//! | commitments of declarations | We commit to = We pledge to = We resolve to = We will = We shall = We must > We strive to = We endeavour to = We seek to |
//! | modals | must = shall > should > may (`We will` counts as `shall` when it is the declaration's verb, not as a modal elsewhere) |
//! | intensity | a verb with `strongly`, `deeply`, `gravely`, `seriously`, `firmly` or `profoundly` > the same verb without (`Strongly condemning > Condemning`, `Strongly urges > Urges`) |
//!
//! Every qualifier tracked here leaves room not to act, so an added
//! qualifier is `weaker` and a removed one `stronger`; a swap of two
//! qualifiers is reported as one removal and one addition, each with its
//! own direction.
//!
//! Sources: the order of operative verbs and of preambular openers
//! follows the drafting conventions of General Assembly and ECOSOC
//! resolutions as the United Nations editorial guidance and delegates'
//! handbooks describe them (the *United Nations Editorial Manual* on the
//! form of resolutions, and the lists of preambular and operative phrases
//! used in UN training on resolution drafting): "decides" binds within the
//! body's competence, "urges" and "calls upon" press others to act,
//! "encourages" and "invites" leave the choice to them, "notes" records.
//! The modal order (shall > should > may, with must at least as strong as
//! shall) is the usual reading of treaty and resolution language. These
//! are conventions of negotiated texts, not rules of grammar: the scales
//! are deliberately short, and a pair they do not cover gets no direction
//! rather than a guess.

use std::fmt;

use serde::Serialize;

use super::tokens::{class, tokenize, Class};
use crate::parse::opener::{
    base_form, is_verb, ADJECTIVES, MODALS, NOT_AFTER_VERB, SEQUENCE_ADVERBS,
};

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

/// Which way a change moves the drafting strength, when a scale says so.
/// The scales and their sources are in the docs of `src/diff/strength.rs`
/// and in the README's "Drafting strength" section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The new wording commits less: `Reaffirming -> Noting`, `We urge ->
    /// We encourage`, `shall -> should`, an added `as appropriate`.
    Weaker,
    /// The new wording commits more: `should -> shall`, `Invites ->
    /// Requests`, a removed `upon request`.
    Stronger,
}

impl Direction {
    /// `weaker` or `stronger`, as in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Weaker => "weaker",
            Direction::Stronger => "stronger",
        }
    }
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
    /// Weaker or stronger, or `None` when no scale orders the two sides.
    pub direction: Option<Direction>,
}

impl fmt::Display for StrengthChange {
    /// `verb: Support -> Collaborate with`, `modal: should -> shall
    /// (stronger)`, `qualifier: + as appropriate (weaker)`, `qualifier: -
    /// upon request (stronger)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.kind.as_str())?;
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => write!(f, "{o} -> {n}")?,
            (None, Some(n)) => write!(f, "+ {n}")?,
            (Some(o), None) => write!(f, "- {o}")?,
            (None, None) => {}
        }
        if let Some(d) = self.direction {
            write!(f, " ({})", d.as_str())?;
        }
        Ok(())
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
///         "qualifier: - upon request (stronger)",
///         "qualifier: + as appropriate (weaker)",
///     ]
/// );
///
/// let changes = strength_changes("We urge Member States to act", "We encourage Member States to act");
/// assert_eq!(changes[0].to_string(), "verb: We urge -> We encourage (weaker)");
/// ```
pub fn strength_changes(old: &str, new: &str) -> Vec<StrengthChange> {
    let (old, new) = (Text::new(old), Text::new(new));
    let mut out = Vec::new();

    let (ov, nv) = (old.verb(), new.verb());
    match (&ov, &nv) {
        (Some(o), Some(n)) if o.key != n.key => out.push(StrengthChange {
            kind: StrengthKind::Verb,
            old: Some(o.phrase.clone()),
            new: Some(n.phrase.clone()),
            direction: verb_direction(&o.key, &n.key),
        }),
        // A verb that appears or disappears: only a verb of the scales, or
        // one opening a provision (not a title such as `Draft ...`).
        (Some(o), None) if on_scale(&o.key) || !old.title_like => out.push(StrengthChange {
            kind: StrengthKind::Verb,
            old: Some(o.phrase.clone()),
            new: None,
            direction: None,
        }),
        (None, Some(n)) if on_scale(&n.key) || !new.title_like => out.push(StrengthChange {
            kind: StrengthKind::Verb,
            old: None,
            new: Some(n.phrase.clone()),
            direction: None,
        }),
        _ => {}
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
        let direction = match (&o, &n) {
            (Some(o), Some(n)) => scale_direction(&[MODAL_SCALE], o, n),
            _ => None,
        };
        out.push(StrengthChange {
            kind: StrengthKind::Modal,
            old: o,
            new: n,
            direction,
        });
    }

    // Every qualifier leaves room not to act: adding one weakens the
    // provision, removing one strengthens it.
    let (removed, added) = surplus(&old.qualifiers(), &new.qualifiers());
    out.extend(removed.into_iter().map(|q| StrengthChange {
        kind: StrengthKind::Qualifier,
        old: Some(q),
        new: None,
        direction: Some(Direction::Stronger),
    }));
    out.extend(added.into_iter().map(|q| StrengthChange {
        kind: StrengthKind::Qualifier,
        old: None,
        new: Some(q),
        direction: Some(Direction::Weaker),
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
    /// A comma stands between the previous word and this one.
    comma_before: bool,
}

/// A text as a list of words.
struct Text<'a> {
    words: Vec<Word<'a>>,
    /// Index of the first word after the leading numbering.
    start: usize,
    /// No punctuation after the numbering, as in a title or heading.
    title_like: bool,
}

/// The operative verb found by [`Text::verb`].
struct Verb {
    phrase: String,
    /// What is compared: the base forms, without `We` or `to`
    /// (`We commit ourselves to` is `commit`, `Noting with concern` is
    /// `note with concern`), see [`verb_key`].
    key: String,
    /// Index of the first word after the verb phrase.
    end: usize,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let tokens = tokenize(text);
        let mut words = Vec::new();
        let mut joined = false;
        let mut sentence_start = true;
        let mut comma_before = false;
        // Leading numbering: `(d)`, `13.`, `(iv)`, bullets and quotes.
        let mut start = None;
        let mut leading = true;
        let mut title_like = true;
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
                        comma_before,
                    });
                    joined = true;
                    sentence_start = false;
                    comma_before = false;
                }
                Class::Space => {}
                Class::Mark => {
                    joined = false;
                    comma_before |= *t == ",";
                    if !leading && matches!(*t, "." | "," | ";" | ":" | "!" | "?") {
                        title_like = false;
                    }
                    if matches!(*t, "." | ";" | ":" | "!" | "?") {
                        sentence_start = true;
                    }
                }
            }
        }
        let start = start.unwrap_or(words.len());
        Text {
            words,
            start,
            title_like,
        }
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
        // A purpose clause or other introduction before the main clause:
        // `To ensure ..., establish ...`. The verb is the main clause's.
        if phrase.is_empty() {
            if let Some(main) = self.main_clause(i) {
                i = self.skip_procedural(main);
            }
        }
        // The infinitive of a list item: `To integrate ...` (after an
        // introduction with no main clause, it stays the verb).
        if phrase.is_empty()
            && self.lower(i) == Some("to")
            && self.lower(i + 1).is_some_and(is_verb)
        {
            phrase.push(self.words[i].text);
            i += 1;
        }
        let subject = phrase.first().is_some_and(|w| w.eq_ignore_ascii_case("we"));
        // A preambular adjective (`Concerned`, `Deeply concerned`) opens a
        // paragraph without a subject.
        let adjective = |w: &str| !subject && ADJECTIVES.contains(&w);
        // A manner adverb is part of the verb (`Strongly urges`).
        if self.lower(i).is_some_and(|w| w.ends_with("ly"))
            && self
                .lower(i + 1)
                .is_some_and(|w| is_verb(w) || MODALS.contains(&w) || adjective(w))
        {
            phrase.push(self.words[i].text);
            i += 1;
        }
        let word = self.lower(i)?;
        let modal = MODALS.contains(&word);
        if !(is_verb(word) || (modal && subject) || adjective(word)) {
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
            key: verb_key(&phrase),
            phrase: phrase.join(" "),
            end: i,
        })
    }

    /// The first word of the main clause when the text at word `i` opens
    /// with an introduction: a purpose clause (`To ensure ...`, `In order
    /// to ...`, `With a view to ...`, `In the interests of ...`) or a
    /// phrase such as `Building on ...`, `In line with ...`. The main
    /// clause is an imperative after a comma, within the first sentence.
    /// The introduction may itself list verbs (`To modernize, reduce
    /// costs, and promote ..., make ...`): the main clause is the first
    /// imperative after a comma once a coordinating `and` or `or` has
    /// closed that list, else the first imperative after a comma. `None`
    /// when the text has no introduction or no such imperative follows
    /// (`To integrate ...;` is a list item's infinitive).
    fn main_clause(&self, i: usize) -> Option<usize> {
        let w = |k: usize| self.lower(k).unwrap_or("");
        let intro = match w(i) {
            "to" => is_verb(w(i + 1)),
            "in" => {
                (w(i + 1) == "order" && w(i + 2) == "to")
                    || matches!(
                        (w(i + 1), w(i + 2)),
                        ("the", "interest" | "interests")
                            | ("line" | "accordance" | "keeping", "with")
                            | ("the", "context")
                            | ("view", "of")
                            | ("support", "of")
                    )
            }
            "so" => w(i + 1) == "as" && w(i + 2) == "to",
            "with" => w(i + 1) == "a" && w(i + 2) == "view",
            "for" => w(i + 1) == "the" && matches!(w(i + 2), "purpose" | "purposes"),
            "building" | "drawing" | "based" => matches!(w(i + 1), "on" | "upon"),
            "bearing" => w(i + 1) == "in",
            "taking" => w(i + 1) == "into",
            _ => false,
        };
        if !intro {
            return None;
        }
        let mut coordinated = false;
        let mut first = None;
        for k in i + 1..self.words.len() {
            let word = &self.words[k];
            if word.sentence_start {
                break;
            }
            // `, also use ...`: the verb after any sequence adverb.
            let v = self.skip_procedural(k);
            let imperative = self.lower(v).is_some_and(|w| base_form(w) == Some(w))
                && !self
                    .lower(v + 1)
                    .is_some_and(|n| NOT_AFTER_VERB.contains(&n));
            if word.comma_before && imperative {
                if coordinated {
                    return Some(k);
                }
                first.get_or_insert(k);
            }
            if matches!(word.lower.as_str(), "and" | "or") {
                coordinated = true;
            }
        }
        first
    }

    /// Skips `also`, `further`, `once again`... from word `i`.
    fn skip_procedural(&self, mut i: usize) -> usize {
        loop {
            match self.lower(i) {
                Some("once") if self.lower(i + 1) == Some("again") => i += 2,
                Some(w) if SEQUENCE_ADVERBS.contains(&w) => i += 1,
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
            ("note", Some("with")) if next(i + 1).is_some_and(|w| NOTED_WITH.contains(&w)) => {
                take(phrase, i, 2)
            }
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
    &[
        &["to"],
        &["the"],
        &["extent", "degree"],
        &["possible", "feasible", "practicable", "appropriate"],
    ],
    &[&["as"], &["far"], &["as"], &["possible", "practicable"]],
    &[
        &["subject"],
        &["to"],
        &["", "their", "its", "the"],
        &["national", "domestic"],
        &["legislation", "law", "laws"],
    ],
    &[&["subject"], &["to"]],
    &[&["voluntary"]],
];

/// What `Noting with ...` is noted with.
const NOTED_WITH: &[&str] = &[
    "concern",
    "appreciation",
    "satisfaction",
    "regret",
    "interest",
    "gratitude",
    "alarm",
];

/// Adverbs that make the same verb stronger: `Strongly condemning >
/// Condemning`.
const INTENSIFIERS: &[&str] = &[
    "strongly",
    "deeply",
    "gravely",
    "seriously",
    "firmly",
    "profoundly",
];

/// Words of a verb phrase that only mark its form.
const FORM_WORDS: &[&str] = &["we", "to", "ourselves", "themselves", "itself"];

/// A scale of drafting strength: steps from the strongest to the weakest,
/// each step the keys (see [`verb_key`]) of equal force.
type Scale = &'static [&'static [&'static str]];

/// Verb scales, documented in the module docs.
const VERB_SCALES: &[Scale] = &[
    &[
        &["decide"],
        &["urge"],
        &["call upon", "call on"],
        &["encourage"],
        &["invite"],
        &["note", "take note of", "take note"],
    ],
    &[&["request"], &["invite"]],
    &[
        &["reaffirm"],
        &["recognize"],
        &["note with concern", "note with appreciation"],
        &["note", "take note of", "take note"],
    ],
    &[
        &["deeply concerned", "gravely concerned"],
        &["concerned"],
        &["note", "take note of", "take note"],
    ],
    &[
        &["commit", "pledge", "resolve", "will", "shall", "must"],
        &["strive", "endeavour", "endeavor", "seek"],
    ],
    &[&["must", "shall", "will"], &["should"], &["may"]],
];

/// Modals anywhere in a provision.
const MODAL_SCALE: Scale = &[&["must", "shall"], &["should"], &["may"]];

/// The key of a verb phrase: lowercased base forms without the words that
/// only mark the form (`We`, `to`, `ourselves`), so that `We urge`,
/// `Urges` and `Urging` are one verb, as are `To integrate` and
/// `Integrate`.
fn verb_key(phrase: &[&str]) -> String {
    let words: Vec<String> = phrase
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !FORM_WORDS.contains(&w.as_str()))
        .map(|w| base_form(&w).map_or(w, str::to_string))
        .collect();
    words.join(" ")
}

/// The direction from `old` to `new` on the first scale holding both, if
/// they are on different steps of it.
fn scale_direction(scales: &[Scale], old: &str, new: &str) -> Option<Direction> {
    let step = |scale: Scale, key: &str| scale.iter().position(|s| s.contains(&key));
    scales.iter().find_map(|scale| {
        let (o, n) = (step(scale, old)?, step(scale, new)?);
        Some(match o.cmp(&n) {
            std::cmp::Ordering::Less => Some(Direction::Weaker),
            std::cmp::Ordering::Greater => Some(Direction::Stronger),
            std::cmp::Ordering::Equal => None,
        })
    })?
}

/// A key without its intensifying adverb, and whether it had one.
fn unintensified(key: &str) -> (&str, bool) {
    match key.split_once(' ') {
        Some((first, rest)) if INTENSIFIERS.contains(&first) => (rest, true),
        _ => (key, false),
    }
}

/// The direction of a change of verb, from the scales, then from an
/// intensifying adverb (`Strongly condemns -> Condemns` is weaker), then
/// from the scales again without the adverbs (`Strongly urges ->
/// Encourages` is weaker).
fn verb_direction(old: &str, new: &str) -> Option<Direction> {
    let full = |o: &str, n: &str| {
        VERB_SCALES
            .iter()
            .any(|sc| sc.iter().any(|s| s.contains(&o)) && sc.iter().any(|s| s.contains(&n)))
    };
    if full(old, new) {
        return scale_direction(VERB_SCALES, old, new);
    }
    let ((o, oi), (n, ni)) = (unintensified(old), unintensified(new));
    if o == n {
        return match (oi, ni) {
            (true, false) => Some(Direction::Weaker),
            (false, true) => Some(Direction::Stronger),
            _ => None,
        };
    }
    scale_direction(VERB_SCALES, o, n)
}

/// Whether a verb key, or the key without its intensifier, is on a scale.
fn on_scale(key: &str) -> bool {
    let (bare, _) = unintensified(key);
    VERB_SCALES
        .iter()
        .any(|sc| sc.iter().any(|s| s.contains(&key) || s.contains(&bare)))
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
    fn the_verb_of_a_recommendation_that_opens_with_a_purpose_clause_is_the_main_clauses() {
        // The seeds' own cases: the purpose clause once hid the verb.
        let g = seed_line("rpm2025-item5b", "(g) To ensure");
        let f = seed_line("rpm2025-item5b", "(f) To modernize");
        let e = seed_line("rpm2025-item5b", "(e) In the interests");
        let h = seed_line("rpm2019", "(h) Building on existing practices");
        assert_eq!(operative_verb(&g).as_deref(), Some("establish"));
        assert_eq!(operative_verb(&f).as_deref(), Some("make"));
        assert_eq!(operative_verb(&e).as_deref(), Some("consider"));
        assert_eq!(operative_verb(&h).as_deref(), Some("explore"));
        let promote = seed_line("rpm2019", "(e) Promote policies");
        assert_eq!(shown(&promote, &g), ["verb: Promote -> establish"]);
        // Other introductions.
        for (text, verb) in [
            (
                "In order to prevent crime, strengthen cooperation;",
                Some("strengthen"),
            ),
            (
                "With a view to reducing delays, also use digital tools;",
                Some("use"),
            ),
            (
                "To ensure access, establish, fund and evaluate programmes;",
                Some("establish"),
            ),
            // A list item's infinitive stays the verb.
            ("To integrate gender into policies;", Some("To integrate")),
            (
                "To integrate gender, age and disability into policies;",
                Some("To integrate"),
            ),
            // An introduction before a subject: no imperative to find.
            ("In line with national law, Member States should act;", None),
        ] {
            assert_eq!(operative_verb(text).as_deref(), verb, "{text}");
        }
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
        assert_eq!(shown(&old, &new), ["qualifier: - upon request (stronger)"]);
        assert_eq!(shown(&new, &old), ["qualifier: + upon request (weaker)"]);
    }

    #[test]
    fn removing_as_appropriate_from_rpm2019_b_is_reported() {
        let old = seed_line("rpm2019", "(b) Review and strengthen");
        let new = old.replace(", as appropriate,", "");
        assert_ne!(old, new);
        assert_eq!(operative_verb(&old).as_deref(), Some("Review"));
        assert_eq!(
            shown(&old, &new),
            ["qualifier: - as appropriate (stronger)"]
        );
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
        assert_eq!(shown(old, &new), ["modal: should -> shall (stronger)"]);
        let new = old.replace("should be", "is");
        assert_eq!(shown(old, &new), ["modal: - should"]);
        let new = old.replace("should be", "should, where appropriate, be");
        assert_eq!(
            shown(old, &new),
            ["qualifier: + where appropriate (weaker)"]
        );
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
            ("Notes with appreciation", Some("Notes with appreciation")),
            ("Notes with the report", Some("Notes")),
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
            ["verb: Urges -> Encourages (weaker)"]
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
        assert_eq!(
            shown("We will promote", "We should promote"),
            ["verb: We will -> We should (weaker)"]
        );
    }

    #[test]
    fn modals_are_counted_with_repeats_and_paired_in_order() {
        assert_eq!(
            shown(
                "States should act and should report",
                "States shall act and report"
            ),
            ["modal: should -> shall (stronger)", "modal: - should"]
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
            r#"{"kind":"modal","old":"should","new":null,"direction":null}"#
        );
    }

    /// A paragraph of a case document, without its numbering.
    fn case_paragraph(file: &str, start: &str) -> String {
        let path = format!("{}/tests/data/cases/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let line = text
            .lines()
            .find(|l| l.contains(start))
            .unwrap_or_else(|| panic!("{file}: no line with {start:?}"));
        let body = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        body.to_string()
    }

    fn declaration(start_v1: &str, start_v2: &str) -> (String, String) {
        (
            case_paragraph("declaration-v1.txt", start_v1),
            case_paragraph("declaration-v2.txt", start_v2),
        )
    }

    #[test]
    fn declaration_reaffirming_to_noting_is_weaker() {
        let (old, new) = declaration("Reaffirming the importance", "Noting the importance");
        assert_eq!(operative_verb(&old).as_deref(), Some("Reaffirming"));
        assert_eq!(shown(&old, &new), ["verb: Reaffirming -> Noting (weaker)"]);
        assert_eq!(
            shown(&new, &old),
            ["verb: Noting -> Reaffirming (stronger)"]
        );
        let c = &strength_changes(&old, &new)[0];
        assert_eq!(c.direction, Some(Direction::Weaker));
    }

    #[test]
    fn declaration_deeply_concerned_to_noting_is_weaker() {
        let (old, new) = declaration("Deeply concerned by", "Noting the use of online");
        assert_eq!(operative_verb(&old).as_deref(), Some("Deeply concerned"));
        assert_eq!(
            shown(&old, &new),
            ["verb: Deeply concerned -> Noting (weaker)"]
        );
    }

    #[test]
    fn declaration_urge_to_encourage_is_weaker_and_the_qualifiers_swap() {
        let (old, new) = declaration("We urge Member States", "We encourage Member States");
        assert!(!old.starts_with('1'), "{old}");
        assert_eq!(
            shown(&old, &new),
            [
                "verb: We urge -> We encourage (weaker)",
                "qualifier: - in accordance with national legislation (stronger)",
                "qualifier: + as appropriate (weaker)",
            ]
        );
    }

    #[test]
    fn declaration_request_to_invite_is_weaker() {
        let (old, new) = declaration("We request the United", "We invite the United");
        assert_eq!(
            shown(&old, &new),
            ["verb: We request -> We invite (weaker)"]
        );
    }

    #[test]
    fn declaration_should_to_shall_is_stronger() {
        let (old, new) = declaration(
            "Member States should collect",
            "Member States shall collect",
        );
        assert_eq!(shown(&old, &new), ["modal: should -> shall (stronger)"]);
        assert_eq!(shown(&new, &old), ["modal: shall -> should (weaker)"]);
        assert_eq!(
            shown(&old, &old.replace("should", "may")),
            ["modal: should -> may (weaker)"]
        );
        assert_eq!(
            shown(&old.replace("should", "must"), &new),
            ["modal: must -> shall"]
        );
    }

    #[test]
    fn declaration_unchanged_paragraphs_and_the_title_report_nothing() {
        let (old, new) = declaration("Recalling the Kyoto", "Recalling the Kyoto");
        assert_eq!(operative_verb(&old).as_deref(), Some("Recalling"));
        assert!(shown(&old, &new).is_empty());
        let (old, new) = declaration("(a) Developing", "(a) Developing");
        assert!(shown(&old, &new).is_empty());
        // The title opens with `Draft`, which is a verb, but a title is not
        // a provision.
        let (title, _) = declaration("Draft Lisbon", "Draft Lisbon");
        assert!(shown(&title, "Lisbon declaration on safer cities").is_empty());
        assert!(shown("Annex", &title).is_empty());
        assert!(shown("Plan of action", "Annex").is_empty());
        // A scale verb that appears is still shown.
        assert_eq!(
            shown("Plan of action", "We encourage the sharing of practices."),
            ["verb: + We encourage"]
        );
    }

    #[test]
    fn a_change_of_form_alone_is_no_change() {
        for (old, new) in [
            (
                "To integrate crime prevention",
                "Integrate crime prevention",
            ),
            ("Integrating crime prevention", "Integrate crime prevention"),
            ("Urges Member States", "We urge Member States"),
            ("Notes the report", "Noting the report"),
            ("Takes note of the report", "Taking note of the report"),
            ("Continue to support UNODC", "Continue supporting UNODC"),
            ("We commit ourselves to act", "We commit to act"),
            ("Recognizing that", "Recognising that"),
            ("Calls upon States", "Calling upon States"),
        ] {
            assert!(
                strength_changes(old, new).is_empty(),
                "{old:?} -> {new:?}: {:?}",
                shown(old, new)
            );
        }
    }

    #[test]
    fn the_scales_give_directions_and_stay_silent_off_them() {
        let cases = [
            ("Decides to convene", "Urges States", Some("weaker")),
            ("Urges States", "Calls upon States", Some("weaker")),
            ("Calls on States", "Calls upon States", None),
            ("Encourages States", "Invites States", Some("weaker")),
            ("Invites States", "Requests States", Some("stronger")),
            ("Invites States", "Takes note of", Some("weaker")),
            ("Reaffirming that", "Recognizing that", Some("weaker")),
            (
                "Recognizing that",
                "Noting with concern that",
                Some("weaker"),
            ),
            ("Noting with appreciation", "Noting the", Some("weaker")),
            ("Noting with concern", "Noting with appreciation", None),
            ("Gravely concerned", "Concerned", Some("weaker")),
            ("Deeply concerned", "Gravely concerned", None),
            ("Concerned that", "Noting that", Some("weaker")),
            (
                "Condemning the attacks",
                "Strongly condemning the attacks",
                Some("stronger"),
            ),
            ("Strongly urges States", "Urges States", Some("weaker")),
            ("Strongly urges States", "Encourages States", Some("weaker")),
            ("We commit to act", "We will strive to act", None),
            ("We commit to act", "We endeavour to act", Some("weaker")),
            ("We commit to act", "We will act", None),
            ("Requests the Secretary-General", "Urges States", None),
            ("Reaffirming that", "Recalling that", None),
            ("Support UNODC", "Collaborate with UNODC", None),
        ];
        for (old, new, direction) in cases {
            let changes = strength_changes(old, new);
            assert_eq!(
                changes.len(),
                1,
                "{old:?} -> {new:?}: {:?}",
                shown(old, new)
            );
            assert_eq!(changes[0].kind, StrengthKind::Verb);
            assert_eq!(
                changes[0].direction.map(Direction::as_str),
                direction,
                "{old:?} -> {new:?}"
            );
        }
    }

    #[test]
    fn qualifiers_from_the_brief_are_found_and_weaken() {
        let base = "States should review their legislation";
        for q in [
            "as appropriate",
            "where appropriate",
            "in accordance with national legislation",
            "subject to national law",
            "as necessary",
            "upon request",
            "to the extent possible",
        ] {
            let new = format!("{base}, {q},");
            assert_eq!(
                shown(base, &new),
                [format!("qualifier: + {q} (weaker)")],
                "{q}"
            );
            assert_eq!(shown(&new, base), [format!("qualifier: - {q} (stronger)")]);
        }
    }

    #[test]
    fn directions_serialize_in_snake_case() {
        let c = &strength_changes("Urges States", "Invites States")[0];
        assert_eq!(
            serde_json::to_string(c).unwrap(),
            r#"{"kind":"verb","old":"Urges","new":"Invites","direction":"weaker"}"#
        );
    }

    #[test]
    fn a_word_ending_in_two_equal_bytes_is_no_panic() {
        // U+0820 is E0 A0 A0: its last two bytes are equal, which a
        // byte-wise doubled-letter check once cut inside it.
        assert_eq!(base_form("b\u{820}ing"), None);
        assert_eq!(base_form("committing"), Some("commit"));
        assert!(strength_changes(
            "Strengthening international cooperation to prevent crime.",
            "B\u{820}ing international cooperation to prevent crime."
        )
        .iter()
        .all(|c| !c.to_string().is_empty()));
    }
}
