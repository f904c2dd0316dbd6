//! Roles: what each unit does in its document, in the terms a drafter
//! uses. A recommendation, an operative or preambular paragraph is
//! language a drafter may reuse; an account of a discussion is the source
//! such language is distilled from; the chapeau of a list ("The following
//! recommendations ... were identified:") only introduces its items; and
//! the organisation of a meeting (agenda, attendance, election of
//! officers, adoption of the report) is not language anyone reuses.
//!
//! Later stages use the role three ways: drafting strength is compared
//! only between provisions of one kind ([`Role::provision`]), procedural
//! units are kept out of precedents, uptake and chains unless the user
//! asks ([`Role::is_procedural`]), and chapeaux of lists are counted apart
//! from substance in summaries ([`Role::is_boilerplate`]).
//!
//! # How a role is read
//!
//! From the form of the document, never from a list of documents:
//!
//! 1. **Procedural**: a unit under a heading that names the organisation
//!    of a meeting (`Attendance and organization of work`, `Election of
//!    officers`, `Adoption of the agenda`, `Adoption of the report`,
//!    `Opening of the session`, `Proceedings`, and their French and Spanish
//!    forms; see [`PROCEDURAL_HEADINGS`]), unless a heading inside it names
//!    substance (`Other matters`, `General discussion`: see
//!    [`SUBSTANTIVE_HEADINGS`]); a paragraph whose first two sentences hold
//!    one of the formulae that record proceedings ("Statements were made by
//!    ...", "adopted its provisional agenda", "had before it", "Introductory
//!    presentations were delivered by", see [`PROCEDURAL_FORMULAE`]); and
//!    every item under such a paragraph (the agenda's lines, the list of
//!    documents).
//! 2. **Preambular**: a preambular paragraph `PPk`.
//! 3. **Operative**: a unit of a negotiated text's operative part.
//! 4. **Chapeau**: in a report, a paragraph that ends with a colon, has
//!    items under it and does not itself open with an operative verb.
//! 5. **Recommendation**: in a report, a unit under a chapeau that speaks
//!    of recommendations, or one that opens with an imperative or an
//!    infinitive (`Strengthen ...`, `To ensure ..., establish ...`).
//! 6. **Operative** again, outside negotiated texts: a unit that opens
//!    with `We` and a verb, a verb in the third person (`Urges ...`) or a
//!    short subject bound by `shall`, `should` or `must`.
//! 7. **Narrative**: everything else.

use serde::Serialize;

use super::markup::ends_with_colon;
use super::opener::{opening, Opening};
use super::{Unit, UnitKind};

/// What a unit does in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A recommendation of a report: an item under "The following
    /// recommendations ... were identified:", or a unit that opens with an
    /// imperative (`Strengthen ...`).
    Recommendation,
    /// An operative paragraph of a negotiated text (or a provision in its
    /// form: `We commit to ...`, `Urges ...`, `States shall ...`).
    Operative,
    /// A preambular paragraph (`Recalling ...`, `Deeply concerned ...`).
    Preambular,
    /// A report's account of a discussion or its conclusions ("Speakers
    /// highlighted ...", "It was noted that ...").
    Narrative,
    /// The chapeau of a list: it introduces the items under it ("The
    /// following recommendations, which were not negotiated by the
    /// participants, were identified:"). Boilerplate: counted apart from
    /// substance, still linked to their precedents.
    Chapeau,
    /// The organisation of a meeting: agenda, attendance, election of
    /// officers, opening, documentation, adoption of the report. Not
    /// language a drafter reuses: kept out of precedents, uptake and
    /// chains unless asked for (`--include-procedural`).
    Procedural,
}

/// The kind of provision, for comparing drafting strength: only two
/// provisions of one kind have a meaningful change of verb, modal or
/// qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provision {
    /// Asks for or commits to action: recommendations and operative
    /// paragraphs (a declaration takes up a recommendation in operative
    /// form, so the two compare).
    Action,
    /// Frames the action: preambular paragraphs.
    Preambular,
}

impl Role {
    /// The snake_case name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Recommendation => "recommendation",
            Role::Operative => "operative",
            Role::Preambular => "preambular",
            Role::Narrative => "narrative",
            Role::Chapeau => "chapeau",
            Role::Procedural => "procedural",
        }
    }

    /// The name in words, as sentences give it (`a narrative paragraph`).
    pub fn label(self) -> &'static str {
        match self {
            Role::Recommendation => "a recommendation",
            Role::Operative => "an operative paragraph",
            Role::Preambular => "a preambular paragraph",
            Role::Narrative => "a narrative paragraph",
            Role::Chapeau => "the chapeau of a list",
            Role::Procedural => "a procedural paragraph",
        }
    }

    /// The kind of provision, or `None` for what is not a provision
    /// (narrative, chapeau, procedural).
    pub fn provision(self) -> Option<Provision> {
        match self {
            Role::Recommendation | Role::Operative => Some(Provision::Action),
            Role::Preambular => Some(Provision::Preambular),
            Role::Narrative | Role::Chapeau | Role::Procedural => None,
        }
    }

    /// True for the organisation of a meeting.
    pub fn is_procedural(self) -> bool {
        self == Role::Procedural
    }

    /// True for text counted apart from substance: the chapeau of a list.
    pub fn is_boilerplate(self) -> bool {
        self == Role::Chapeau
    }
}

/// True when drafting strength compares between units of roles `a` and
/// `b`: both are provisions, of one kind.
pub fn same_provision(a: Role, b: Role) -> bool {
    a.provision().is_some() && a.provision() == b.provision()
}

/// Headings of the sections that organise a meeting, lower case, without
/// their numbering. A heading that begins with one of these (after `III.`,
/// `E.`, `1.`) makes every unit under it procedural. From the standard
/// structure of reports of UN meetings and sessions (Chapter "Attendance
/// and organization of work" and its sections), in English, French and
/// Spanish.
pub const PROCEDURAL_HEADINGS: &[&str] = &[
    "attendance",
    "organization of work",
    "organisation of work",
    "organization of the session",
    "organization of the meeting",
    "organizational matters",
    "organizational and other matters",
    "opening of the",
    "election of officers",
    "election of the officers",
    "election of the bureau",
    "adoption of the agenda",
    "adoption of the provisional agenda",
    "provisional agenda",
    "agenda",
    "adoption of the report",
    "closure of the",
    "closing of the",
    "date and venue",
    "documentation",
    "list of documents",
    "list of participants",
    "credentials",
    "proceedings",
    "participation et organisation des travaux",
    "organisation des travaux",
    "ouverture de la",
    "élection du bureau",
    "adoption de l'ordre du jour",
    "ordre du jour",
    "adoption du rapport",
    "clôture de la",
    "asistencia y organización de los trabajos",
    "organización de los trabajos",
    "apertura de la",
    "elección de la mesa",
    "aprobación del programa",
    "aprobación del informe",
    "clausura de la",
];

/// Formulae that record proceedings, lower case: a paragraph whose first
/// sentence holds one is procedural. From the fixed phrasing of the
/// procedural sections of UN reports ("Statements were made by the
/// representatives of ...", "The Meeting adopted its provisional agenda",
/// "... had before it the following documents").
pub const PROCEDURAL_FORMULAE: &[&str] = &[
    "statements were made by",
    "a statement was made by",
    "presentation was delivered by",
    "presentations were delivered by",
    "presentation was made by",
    "presentations were made by",
    "was attended by",
    "were represented",
    "was represented by",
    "represented by observers",
    "by acclamation",
    "the following officers",
    "adopted its provisional agenda",
    "adopted its agenda",
    "adopted the provisional agenda",
    "adopted the agenda",
    "approved its organization of work",
    "had before it",
    "considered and adopted its report",
    "adopted its report",
    "adopted the report",
    "was opened by",
    "opened the meeting",
    "declared the meeting closed",
    "was chaired by",
    "were chaired by",
    "introduced the agenda item",
    "considered agenda item",
    "introductory presentations were",
    "introductory presentation was",
    "with introductory presentations",
    "with an introductory presentation",
    "by an introductory presentation",
    "with two introductory presentations",
    "the panel included",
    "was introduced by representatives",
    "were introduced by representatives",
    "the expert panel included",
];

/// Headings of sections that hold substance even inside a procedural
/// chapter ("III. Attendance and organization of work > F. Other
/// matters"): under one of these, the headings outside it do not make a
/// unit procedural.
pub const SUBSTANTIVE_HEADINGS: &[&str] = &[
    "other matters",
    "general discussion",
    "summary of deliberations",
    "deliberations",
    "conclusions",
    "recommendations",
    "questions diverses",
    "otros asuntos",
];

/// True when a heading names a section that organises a meeting.
pub fn is_procedural_heading(heading: &str) -> bool {
    let bare = bare_heading(heading);
    let rest = bare.as_str();
    PROCEDURAL_HEADINGS.iter().any(|p| {
        rest.strip_prefix(p).is_some_and(|after| {
            // `agenda` alone or followed by punctuation, not `Agenda item 4`.
            after.is_empty()
                || after.starts_with(|c: char| !c.is_alphanumeric())
                    && !(*p == "agenda" && after.trim_start().starts_with("item"))
        })
    })
}

/// True when one of the first two sentences of `text` records
/// proceedings ("On 6 December 2022, the Commission discussed ...
/// Introductory presentations were delivered by ...").
fn records_proceedings(text: &str) -> bool {
    // One pass for every formula, whatever the case (`aho-corasick`): this
    // runs on every paragraph of every document.
    static FORMULAE: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(PROCEDURAL_FORMULAE)
                .expect("the formulae are plain strings")
        });
    let end = text
        .match_indices('.')
        .nth(1)
        .map_or(text.len(), |(i, _)| i + 1);
    FORMULAE.is_match(text.get(..end).unwrap_or(text))
}

/// The heading without its numbering (`III.`, `E.`, `1.`, `(a)`), lower
/// case.
fn bare_heading(heading: &str) -> String {
    let h = heading.trim().to_lowercase();
    match h.split_once(|c: char| c.is_whitespace()) {
        Some((first, rest))
            if first.ends_with('.') || first.ends_with(')') || first.starts_with('(') =>
        {
            rest.trim_start().to_string()
        }
        _ => h,
    }
}

/// True when a heading path puts a unit in a procedural section: the
/// innermost heading that is procedural or substantive decides (see
/// [`SUBSTANTIVE_HEADINGS`]).
fn under_procedural_heading(section: &[String]) -> bool {
    for h in section.iter().rev() {
        if is_procedural_heading(h) {
            return true;
        }
        let bare = bare_heading(h);
        if SUBSTANTIVE_HEADINGS.iter().any(|s| bare.starts_with(s)) {
            return false;
        }
    }
    false
}

/// True when a chapeau speaks of recommendations (English, French,
/// Spanish).
fn introduces_recommendations(text: &str) -> bool {
    let t = text.to_lowercase();
    ["recommend", "recommand", "recomend"]
        .iter()
        .any(|w| t.contains(w))
}

/// The role of every unit of a document, in order. `parents[i]` is the
/// index of the unit that unit `i` stands under (the paragraph of an item,
/// the item of a sub-item), if any; `negotiated` is true for a negotiated
/// text (a chapeau or preamble was recognised).
pub(super) fn assign(units: &[Unit], parents: &[Option<usize>], negotiated: bool) -> Vec<Role> {
    let mut has_children = vec![false; units.len()];
    for p in parents.iter().flatten() {
        if let Some(h) = has_children.get_mut(*p) {
            *h = true;
        }
    }
    let mut roles: Vec<Role> = Vec::with_capacity(units.len());
    // Consecutive units share their heading path: read it once per path.
    let mut last_section: Option<(&[String], bool)> = None;
    for (i, u) in units.iter().enumerate() {
        // Parents come before their children: their roles are known.
        let parent = parents[i].filter(|&p| p < i);
        let parent_role = parent.map(|p| roles[p]);
        let procedural_section = match last_section {
            Some((section, p)) if section == u.section.as_slice() => p,
            _ => {
                let p = under_procedural_heading(&u.section);
                last_section = Some((&u.section, p));
                p
            }
        };
        if parent_role == Some(Role::Procedural)
            || procedural_section
            || (parent.is_none() && records_proceedings(&u.text))
        {
            roles.push(Role::Procedural);
            continue;
        }
        if u.kind == UnitKind::Preambular || negotiated {
            roles.push(if u.kind == UnitKind::Preambular {
                Role::Preambular
            } else {
                Role::Operative
            });
            continue;
        }
        let open = opening(&u.text);
        let role = if has_children[i] && ends_with_colon(&u.text) && !open.is_action() {
            Role::Chapeau
        } else if parent.is_some_and(|p| {
            roles[p] == Role::Recommendation
                || (roles[p] == Role::Chapeau && introduces_recommendations(&units[p].text))
        }) || matches!(open, Opening::Imperative | Opening::Infinitive)
        {
            Role::Recommendation
        } else if open.is_action() {
            Role::Operative
        } else {
            Role::Narrative
        };
        roles.push(role);
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedural_headings_in_three_languages_and_not_agenda_items() {
        for h in [
            "III. Attendance and organization of work",
            "D. Election of officers",
            "E. Adoption of the agenda and organization of work",
            "IV. Adoption of the report and closure of the Meeting",
            "Proceedings",
            "Provisional agenda",
            "A. Date and venue of the Meeting",
            "II. Participation et organisation des travaux",
            "C. Elección de la Mesa",
        ] {
            assert!(is_procedural_heading(h), "{h}");
        }
        for h in [
            "II. Recommendations – Agenda item 4",
            "Agenda item 5 (b)",
            "B. Substantive items and workshops",
            "I. Introduction",
            "F. Other matters",
            "2030 Agenda for Sustainable Development",
            "Attendances of victims at hearings",
        ] {
            assert!(!is_procedural_heading(h), "{h}");
        }
    }

    #[test]
    fn proceedings_are_read_from_the_first_two_sentences() {
        assert!(records_proceedings(
            "An introductory presentation was delivered by a representative of the Secretariat. Statements were made by the representatives of Kazakhstan."
        ));
        assert!(records_proceedings(
            "Also at its 1st meeting, the Meeting adopted its provisional agenda (A/CONF.234/RPM.1/L.1), which read as follows:"
        ));
        assert!(records_proceedings(
            "On 6 December 2022, the Commission discussed prison conditions. Introductory presentations were delivered by UNODC."
        ));
        assert!(!records_proceedings(
            "Speakers highlighted inclusive justice. They stressed legal aid. Statements were made by many."
        ));
        // The content of a presentation is not its record.
        assert!(!records_proceedings(
            "During the introductory presentations by UNODC, a representative provided an overview of key trends on the global prison population."
        ));
        assert!(!records_proceedings(
            "It was noted that the Fourteenth Congress should be utilized to highlight innovative practices."
        ));
    }
}
