//! The opening words of a provision: the operative verbs, modals and
//! preambular adjectives of UN drafting, and how a text opens with them.
//!
//! Two stages read openings: `parse` to tell a recommendation or an
//! operative paragraph from an account of a discussion ([`opening`]), and
//! `diff` to compare the drafting strength of two provisions. The word
//! lists live here, in the earlier stage, so both read the same ones.

/// Modal verbs.
pub(crate) const MODALS: &[&str] = &[
    "shall", "should", "may", "must", "will", "could", "would", "might",
];

/// Adverbs that order a provision in a series without changing its force
/// (`Also invites`, `Further strengthen`).
pub(crate) const SEQUENCE_ADVERBS: &[&str] = &[
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
pub(crate) const NOT_AFTER_VERB: &[&str] =
    &["is", "are", "was", "were", "has", "have", "had", "of", "'s"];

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

/// Adjectives that open preambular paragraphs.
pub(crate) const ADJECTIVES: &[&str] = &[
    "concerned",
    "alarmed",
    "aware",
    "conscious",
    "convinced",
    "determined",
    "mindful",
    "desirous",
    "guided",
    "cognizant",
];

/// The base form of a verb from `VERBS`: `urges` -> `urge`, `stresses` ->
/// `stress`, `applies` -> `apply`, British `recognises` -> `recognize`.
pub(crate) fn base_form(word: &str) -> Option<&'static str> {
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
    // Participles of preambular paragraphs and gerunds of list items:
    // `noting` -> `note`, `reaffirming`, `committing` -> `commit`.
    if let Some(s) = word.strip_suffix("ing").filter(|s| s.len() >= 2) {
        candidates.push(s.to_string());
        candidates.push(format!("{s}e"));
        // A doubled last letter (`committ`): compared as characters, not
        // bytes (the bytes of `ࠠ`, U+0820, end in two equal bytes).
        let mut last = s.chars().rev();
        if let (Some(a), Some(b)) = (last.next(), last.next()) {
            if a == b && s.chars().count() >= 3 {
                candidates.extend(s.strip_suffix(a).map(str::to_string));
            }
        }
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

pub(crate) fn is_verb(word: &str) -> bool {
    base_form(word).is_some()
}

/// How a text opens, as far as its role in the document goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opening {
    /// An imperative: `Strengthen ...`, `Also promote ...`, `Collaborate
    /// with ...` (a recommendation).
    Imperative,
    /// An infinitive: `To integrate ...` (a list item of a declaration, or
    /// a purpose clause before an imperative).
    Infinitive,
    /// A verb in the third person: `Urges ...`, `Requests ...` (an
    /// operative paragraph of a resolution).
    ThirdPerson,
    /// `We` and a verb or modal: `We commit to ...`, `We will ...`.
    We,
    /// A subject bound by `shall`, `should` or `must` within its first
    /// words: `Member States should ...`, `Each State Party shall ...`.
    SubjectModal,
    /// Anything else: a participle (`Noting ...`, `Empowering youth ...`),
    /// a subject and a verb in the past (`Speakers highlighted ...`).
    Other,
}

impl Opening {
    /// True when the text asks for or commits to action.
    pub(crate) fn is_action(self) -> bool {
        self != Opening::Other
    }
}

/// Words before a binding modal that show reported speech, not a
/// provision: `It was noted that States should ...`.
const REPORTED: &[&str] = &[
    "that",
    "it",
    "was",
    "were",
    "noted",
    "said",
    "stated",
    "mentioned",
    "view",
    "if",
    "whether",
];

/// How `text` opens (see [`Opening`]). Words are compared in lower case,
/// after leading punctuation and sequence adverbs (`also`, `further`,
/// `once again`).
pub(crate) fn opening(text: &str) -> Opening {
    let words: Vec<String> = text
        .split_whitespace()
        .take(12)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        if SEQUENCE_ADVERBS.contains(&w.as_str()) {
            i += 1;
        } else if w == "once" && words.get(i + 1).is_some_and(|n| n == "again") {
            i += 2;
        } else {
            break;
        }
    }
    let at = |k: usize| words.get(k).map(String::as_str);
    let Some(first) = at(i) else {
        return Opening::Other;
    };
    let noun_next = at(i + 1).is_some_and(|n| NOT_AFTER_VERB.contains(&n));
    if first == "we" {
        let mut k = i + 1;
        // `We also commit`, `We strongly urge`.
        while at(k).is_some_and(|w| SEQUENCE_ADVERBS.contains(&w) || w.ends_with("ly")) {
            k += 1;
        }
        return match at(k) {
            Some(w) if MODALS.contains(&w) || is_verb(w) => Opening::We,
            _ => Opening::Other,
        };
    }
    if first == "to" && at(i + 1).is_some_and(|w| base_form(w) == Some(w)) {
        return Opening::Infinitive;
    }
    if let Some(base) = base_form(first).filter(|_| !noun_next) {
        if base == first {
            return Opening::Imperative;
        }
        if !first.ends_with("ing") && !first.ends_with("ed") {
            return Opening::ThirdPerson;
        }
    }
    // A short subject bound by a modal: at most five words before it.
    for (k, w) in words.iter().enumerate().skip(i).take(6) {
        if REPORTED.contains(&w.as_str()) {
            break;
        }
        if k > i && matches!(w.as_str(), "shall" | "should" | "must") {
            return Opening::SubjectModal;
        }
    }
    Opening::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_of_provisions_and_of_accounts() {
        use Opening::*;
        for (text, want) in [
            (
                "Strengthen the capacity of crime prevention systems;",
                Imperative,
            ),
            ("Also promote inclusive access to justice", Imperative),
            (
                "Collaborate with UNODC to operationalize the outcomes",
                Imperative,
            ),
            ("To integrate gender into policies;", Infinitive),
            (
                "To ensure institutional effectiveness, establish mechanisms",
                Infinitive,
            ),
            ("Urges Member States to ratify the Convention;", ThirdPerson),
            ("Calls upon States to act;", ThirdPerson),
            ("We commit to strengthen cooperation;", We),
            ("We will make wider use of technology", We),
            ("Member States should consider the matter", SubjectModal),
            ("Each State Party shall adopt such measures", SubjectModal),
            (
                "Speakers highlighted the importance of inclusive justice",
                Other,
            ),
            (
                "It was noted that Member States should formulate strategies",
                Other,
            ),
            (
                "Empowering youth and fostering a culture of lawfulness were emphasized",
                Other,
            ),
            ("Noting with concern the rise of fraud,", Other),
            ("Support was expressed for the programme", Other),
            ("Review of the implementation", Other),
            ("Member States may wish to consider", Other),
            ("The following recommendations were identified:", Other),
            ("", Other),
        ] {
            assert_eq!(opening(text), want, "{text}");
        }
    }
}
