//! Parser tests on the real text of the seeds: one test per kind of mess a
//! converted UN document carries, plus the no-loss property.

use std::collections::BTreeMap;

use super::*;
use crate::corpus::{Corpus, Document, Origin};

fn seeds() -> Vec<ParsedDoc> {
    Corpus::seeds().documents().iter().map(parse).collect()
}

fn doc(id: &str) -> ParsedDoc {
    let c = Corpus::seeds();
    parse(c.get(id).expect("seed"))
}

fn unit<'a>(d: &'a ParsedDoc, path: &str) -> &'a Unit {
    let p = UnitPath::parse(path).unwrap();
    d.unit(&p)
        .unwrap_or_else(|| panic!("{}:{path} missing", d.meta.id))
}

fn user_doc(text: &str) -> ParsedDoc {
    parse(&Document::from_text("user", "user.md", text, Origin::Stdin).unwrap())
}

#[test]
fn rpm2019_has_paragraphs_1_to_81_its_recommendations_and_the_agenda_lines_of_74() {
    let d = doc("rpm2019");
    let paras: Vec<u32> = d
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Paragraph)
        .map(|u| u.id.path.para)
        .collect();
    assert_eq!(paras, (1..=81).collect::<Vec<_>>());
    // Every lettered recommendation, per paragraph, in order.
    let mut letters: BTreeMap<u32, String> = BTreeMap::new();
    for u in d.units.iter().filter(|u| u.kind == UnitKind::Item) {
        letters
            .entry(u.id.path.para)
            .or_default()
            .push(u.id.path.letter.unwrap());
    }
    let expect: BTreeMap<u32, String> = [
        (13, "abcdefg"),
        (26, "abcdef"),
        (34, "abcdefg"),
        (44, "abcdefghijkl"),
        (61, "abcdefghij"),
        (62, "abcd"),
    ]
    .into_iter()
    .map(|(p, l)| (p, l.to_string()))
    .collect();
    assert_eq!(letters, expect);
    let lists: Vec<String> = d
        .units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::ListLine | UnitKind::ListItem))
        .map(|u| u.id.path.to_string())
        .collect();
    assert_eq!(
        lists,
        [
            "74-1", "74-2", "74-3", "74-4", "74-5", "74-5(a)", "74-5(b)", "74-5(c)", "74-5(d)",
            "74-6", "74-7"
        ]
    );
    assert_eq!(d.units.len(), 81 + 46 + 11, "no other unit");
}

#[test]
fn markdown_and_html_are_stripped_from_text_and_headings() {
    for d in seeds() {
        let texts = d
            .units
            .iter()
            .map(|u| &u.text)
            .chain(&d.headings)
            .chain(d.units.iter().flat_map(|u| &u.section));
        for t in texts {
            for noise in ["**", "<sup>", "</sup>", "<i>", "](#)", "# ", "*"] {
                assert!(!t.contains(noise), "{}: {noise:?} in {t:?}", d.meta.id);
            }
            assert!(
                !t.chars().any(|c| markup::superscript_digit(c).is_some()),
                "{}: superscript in {t:?}",
                d.meta.id
            );
            assert!(
                !t.starts_with(' ') && !t.ends_with(' ') && !t.contains("  "),
                "{t:?}"
            );
        }
    }
    let d = doc("rpm2025-item4");
    assert!(unit(&d, "1")
        .text
        .contains("General Assembly resolution 77/231, efforts"));
    let d = doc("rpm2019");
    assert!(unit(&d, "26(a)")
        .text
        .contains("new modi operandi of criminal groups"));
    assert!(unit(&d, "32")
        .text
        .contains("the UNODC Handbook on Prisoners with Special Needs."));
    let d = doc("thematic2021-2024");
    assert!(unit(&d, "57")
        .text
        .contains("how to safeguard victims’ rights"));
}

#[test]
fn glued_headings_become_a_heading_path() {
    let d = doc("rpm2019");
    let s = &unit(&d, "14").section;
    assert_eq!(s.len(), 4, "{s:?}");
    assert_eq!(s[0], "II. Conclusions and recommendations");
    assert_eq!(s[1], "B. Substantive items and workshops");
    assert!(
        s[2].starts_with("1. Comprehensive strategies for crime prevention"),
        "{s:?}"
    );
    assert!(s[2].ends_with("(workshop 1)"));
    assert_eq!(s[3], "Summary of deliberations");
    let s = unit(&d, "34(b)").section_path();
    assert!(
        s.starts_with("II. Conclusions and recommendations > B. Substantive items and workshops > 2. Integrated approaches to challenges facing the criminal justice system"),
        "{s}"
    );
    assert!(s.ends_with("> Outcome of deliberations"), "{s}");
    assert_eq!(
        unit(&d, "27").section.last().unwrap(),
        "Summary of deliberations"
    );
    assert_eq!(unit(&d, "1").section, ["I. Introduction"]);
    assert_eq!(
        unit(&d, "64").section,
        [
            "III. Attendance and organization of work",
            "A. Date and venue of the Meeting"
        ]
    );
}

#[test]
fn numbered_lines_that_are_not_paragraphs() {
    // Section headings numbered 1.-4. inside the run of paragraphs.
    let d = doc("rpm2019");
    assert!(d
        .headings
        .iter()
        .any(|h| h.starts_with("3. Multidimensional approaches")));
    assert!(d
        .headings
        .iter()
        .any(|h| h.starts_with("4. International cooperation")));
    assert!(d.units.iter().all(|u| !u
        .text
        .starts_with("International cooperation and technical assistance to prevent")
        || u.id.path.to_string() == "74-5(d)"));
    // The agenda list 1.-7. inside paragraph 74.
    assert_eq!(unit(&d, "74-1").text, "Opening of the Meeting.");
    assert_eq!(
        unit(&d, "74-7").text,
        "Adoption of the report on the Meeting."
    );
    assert!(unit(&d, "75").text.starts_with("At the same meeting"));
    // A bold workshop title that repeats the next paragraph's number.
    let d = doc("rpm2025-item5b");
    assert!(unit(&d, "2")
        .text
        .starts_with("Speakers emphasized the importance of a people-centred"));
    let s = unit(&d, "2").section_path();
    assert!(
        s.contains(
            "> 2. Promoting people-centred, inclusive and responsive criminal justice systems"
        ),
        "{s}"
    );
    assert!(s.ends_with("> Summary of deliberations"), "{s}");
    assert_eq!(d.paragraph_count(), 17);
    // Sub-section headings lettered (a)-(d) that are not recommendations.
    let d = doc("thematic2021-2024");
    assert_eq!(d.item_count(), 0);
    assert_eq!(
        unit(&d, "13").section.last().unwrap(),
        "(a) Opening session"
    );
    // A footnote whose text starts with "30." is a footnote, not paragraph 30.
    let p31 = unit(&d, "31");
    assert_eq!(p31.footnotes.len(), 1);
    assert!(p31.footnotes[0]
        .text
        .starts_with("30. Responsibilities of law enforcement"));
    assert!(unit(&d, "30")
        .text
        .starts_with("A number of speakers highlighted the importance of asset confiscation"));
    assert_eq!(d.paragraph_count(), 163);
}

#[test]
fn page_breaks_are_rejoined() {
    let d = doc("rpm2019");
    assert!(unit(&d, "7")
        .text
        .contains("she highlighted that, building on the success of the Thirteenth Congress"));
    assert!(unit(&d, "29")
        .text
        .contains("so-called “cooperative employers” and volunteer probation officers"));
    assert!(unit(&d, "34(f)")
        .text
        .contains("improve training and capacity-building for staff"));
    assert!(unit(&d, "74-5(c)").text.ends_with("in line with the Doha Declaration (agenda item 5); and education and youth engagement as key to making societies resilient to crime (workshop 3);"));
    let d = doc("congress2021-item4");
    assert!(unit(&d, "4").text.contains(
        "an effective information-sharing system and comprehensive and holistic coordination"
    ));
    let d = doc("thematic2021-2024");
    // A continuation that starts with a capital, after a line cut mid-sentence.
    assert!(unit(&d, "10-1").text.contains("the Organization for Security and Co-operation in Europe (OSCE), the Organization of American States"));
    assert!(unit(&d, "53")
        .text
        .contains("together with United Nations partners"));
    // A whole sentence with no number of its own stays with its paragraph.
    assert!(unit(&d, "21").text.ends_with("Examples of collecting and visualizing geo-referenced data were shown, as were examples of creating safe public spaces."));
    assert!(unit(&d, "161-2")
        .text
        .contains("during the thematic discussions, including approaches for the reintegration"));
}

#[test]
fn footnotes_are_taken_out_of_the_body_and_attached() {
    let d = doc("rpm2019");
    let h = unit(&d, "44(h)");
    assert!(h
        .text
        .contains("the Guidelines for the Prevention of Crime, crime prevention approaches"));
    assert_eq!(
        h.footnotes,
        [Footnote {
            mark: "1".into(),
            text: "Economic and Social Council resolution 2002/13, annex.".into()
        }]
    );
    assert!(unit(&d, "44(i)")
        .text
        .starts_with("Integrate crime prevention perspectives"));
    let d = doc("rpm2025-item5b");
    let p11 = unit(&d, "11");
    let marks: Vec<&str> = p11.footnotes.iter().map(|f| f.mark.as_str()).collect();
    assert_eq!(marks, ["1", "2"]);
    assert!(p11.footnotes[1].text.contains("Nelson Mandela Rules"));
    // Footnotes printed between the two halves of paragraph 16.
    let p16 = unit(&d, "16");
    assert!(p16
        .text
        .contains("access to justice for victims include the establishment of dedicated services"));
    assert!(!p16.text.contains("General Assembly resolution 65/229"));
    let d = doc("thematic2021-2024");
    let p13 = unit(&d, "13");
    assert!(p13
        .text
        .ends_with("leaving people more vulnerable to crime and violence.”"));
    assert!(!p13.text.contains("Background note"));
    let marks: Vec<&str> = unit(&d, "11")
        .footnotes
        .iter()
        .map(|f| f.mark.as_str())
        .collect();
    assert_eq!(marks, ["5", "6", "7", "8"]);
    assert!(unit(&d, "11").footnotes[0]
        .text
        .starts_with("https://www.unodc.org/"));
}

#[test]
fn front_matter_contents_and_lists_are_not_units() {
    for d in seeds() {
        for u in &d.units {
            for noise in [
                "Distr.",
                "Original: English",
                "Contents",
                "List of documents",
                "A/CONF.234/RPM.1/INF/2",
            ] {
                assert!(!u.text.contains(noise), "{}: {noise} in {}", u.id, u.text);
            }
        }
        assert!(
            d.skipped.iter().all(|s| s.reason != SkipReason::Orphan),
            "{}: {:?}",
            d.meta.id,
            d.skipped
        );
    }
    let d = doc("rpm2019");
    // The officers' list is part of paragraph 73, not a unit of its own.
    assert!(unit(&d, "73").text.ends_with("Chair: Wisit Wisitsora-at (Thailand) Vice-Chair: Kieran Butler (Australia) Rapporteur: Jawad Ali (Pakistan)"));
    assert!(d
        .skipped
        .iter()
        .any(|s| s.reason == SkipReason::Table && s.text.starts_with("I. Introduction")));
    let d = doc("thematic2021-2024");
    assert!(d.skipped.iter().any(|s| s
        .text
        .starts_with("This document contains the Chair's summaries")));
    assert!(unit(&d, "1")
        .text
        .starts_with("On 7 March 2021, the Congress adopted"));
}

#[test]
fn chapters_carry_their_own_year() {
    let d = doc("thematic2021-2024");
    for (path, year) in [
        ("13", 2021),
        ("51", 2021),
        ("52", 2022),
        ("88", 2022),
        ("89", 2023),
        ("112", 2023),
        ("113", 2024),
        ("156-6", 2024),
        ("157", 2025),
        ("160-1", 2025),
        ("163-3", 2025),
    ] {
        assert_eq!(unit(&d, path).year, Some(year), "{path}");
    }
    assert!(doc("rpm2019").units.iter().all(|u| u.year == Some(2019)));
}

/// Words of three or more letters, lower-cased; roman numerals aside
/// (they are list labels).
fn words(text: &str, into: &mut BTreeMap<String, i64>, sign: i64) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_lowercase();
        if w.chars().count() >= 3 && w.chars().any(char::is_alphabetic) && roman_value(&w).is_none()
        {
            *into.entry(w).or_default() += sign;
        }
    }
}

#[test]
fn no_body_text_is_lost_or_duplicated() {
    let corpus = Corpus::seeds();
    for source in corpus.documents() {
        let d = parse(source);
        let mut balance = BTreeMap::new();
        for line in source.body.lines() {
            // `workshops**1. Comprehensive`: two words to a reader.
            words(&clean(&line.replace("**", " ** ")).text, &mut balance, 1);
        }
        for u in &d.units {
            words(&u.text, &mut balance, -1);
        }
        for t in d
            .headings
            .iter()
            .chain(d.footnotes.iter().map(|f| &f.text))
            .chain(d.skipped.iter().map(|s| &s.text))
        {
            words(t, &mut balance, -1);
        }
        balance.retain(|_, n| *n != 0);
        assert!(
            balance.is_empty(),
            "{}: words lost (+) or duplicated (-): {balance:?}",
            d.meta.id
        );
        // And only front matter and tables are skipped, never body text.
        let first = d.units[0].line;
        for s in &d.skipped {
            assert!(
                s.reason == SkipReason::Table
                    || (s.reason == SkipReason::FrontMatter && s.line < first),
                "{}: skipped {s:?}",
                d.meta.id
            );
        }
    }
}

#[test]
fn a_document_without_numbers_is_numbered_by_blank_lines() {
    let d = user_doc("# Notes\n\nThe meeting opened on time.\n\nDelegates spoke in turn.\n\n- first point\n- second point\n");
    assert!(d.numbered_by_accord);
    let ids: Vec<String> = d.units.iter().map(|u| u.id.to_string()).collect();
    assert_eq!(ids, ["user:1", "user:2", "user:2-1", "user:2-2"]);
    assert_eq!(d.units[1].text, "Delegates spoke in turn.");
    assert_eq!(d.units[0].section, ["Notes"]);
    // A negotiated text without numbers: its preamble is read as such, and
    // its operative paragraphs are numbered in order.
    let d = user_doc("# Draft\n\nWe, the Heads of State,\n\nRecalling resolution 70/1,\n\nDecide to act.\n\n- first point\n- second point\n");
    assert!(d.numbered_by_accord);
    let ids: Vec<String> = d.units.iter().map(|u| u.id.to_string()).collect();
    assert_eq!(ids, ["user:PP1", "user:1", "user:1-1", "user:1-2"]);
    assert_eq!(d.units[0].text, "Recalling resolution 70/1,");
    assert_eq!(d.units[0].section, ["Draft"]);
}

#[test]
fn roman_sub_items_on_their_own_lines() {
    let d = user_doc(
        "1. The Meeting recommended:\n\n(a) Explore approaches through:\n\n(i) analysing research;\n\n(ii) sharing examples;\n\n(b) Share experiences.\n\n2. Next paragraph.\n",
    );
    let ids: Vec<String> = d.units.iter().map(|u| u.id.path.to_string()).collect();
    assert_eq!(ids, ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)", "2"]);
    assert_eq!(d.units[2].kind, UnitKind::Subitem);
    // "(i)" after "(h)" is the letter i.
    let d = user_doc("1. Recommendations:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) i.\n");
    assert_eq!(d.units.last().unwrap().id.path.to_string(), "1(i)");
}

#[test]
fn nearest_citations_for_an_unknown_unit() {
    let d = doc("rpm2019");
    let near = d.nearest(&UnitPath::parse("13(h)").unwrap(), 3);
    assert_eq!(near[0], "rpm2019:13(g)");
    assert!(near.iter().all(|c| c.starts_with("rpm2019:13")));
}

/// The parse of a case document from `tests/data/cases/` (see its README).
fn case(name: &str) -> ParsedDoc {
    let path = format!("{}/tests/data/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    parse(&Document::from_text("case", name, &text, Origin::Stdin).unwrap())
}

fn ids(d: &ParsedDoc) -> Vec<String> {
    d.units.iter().map(|u| u.id.path.to_string()).collect()
}

#[test]
fn a_declaration_has_title_chapeau_preamble_operative_paragraphs_and_an_annex() {
    let d = case("declaration-v1.txt");
    assert_eq!(
        ids(&d),
        [
            "PP1", "PP2", "PP3", "PP4", "1", "2", "2(a)", "2(b)", "2bis", "3", "3+1", "annex/1",
            "annex/2"
        ]
    );
    assert_eq!(
        d.title(),
        Some("Draft Lisbon declaration on safer cities and fair justice")
    );
    let roles: Vec<(FramingRole, &str)> = d
        .framing
        .iter()
        .map(|f| (f.role, f.text.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            (
                FramingRole::Title,
                "Draft Lisbon declaration on safer cities and fair justice"
            ),
            (
                FramingRole::Chapeau,
                "We, the Ministers and Representatives of Member States,"
            ),
            (FramingRole::OperativeChapeau, "Declare as follows:"),
        ]
    );
    assert_eq!(d.headings, ["Annex", "Plan of action"]);
    assert!(unit(&d, "PP1").text.starts_with("Gathered in Lisbon"));
    assert!(unit(&d, "PP2")
        .text
        .starts_with("Reaffirming the importance"));
    assert_eq!(unit(&d, "PP2").kind, UnitKind::Preambular);
    assert_eq!(
        unit(&d, "PP2").chapeau.as_deref(),
        Some("We, the Ministers and Representatives of Member States,")
    );
    assert_eq!(
        unit(&d, "1").chapeau.as_deref(),
        Some("Declare as follows:")
    );
    assert_eq!(unit(&d, "2bis").label, "2 bis.");
    assert!(unit(&d, "2bis")
        .text
        .starts_with("We encourage the sharing"));
    assert_eq!(unit(&d, "3+1").kind, UnitKind::Unnumbered);
    assert!(unit(&d, "3+1")
        .text
        .starts_with("This declaration will be reviewed"));
    assert!(unit(&d, "annex/1")
        .text
        .starts_with("Member States should collect"));
    assert_eq!(unit(&d, "annex/1").section, ["Annex", "Plan of action"]);
    assert!(d.skipped.is_empty(), "{:?}", d.skipped);
    let lost = unaccounted_words(
        &std::fs::read_to_string(format!(
            "{}/tests/data/cases/declaration-v1.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
        &d,
    );
    assert!(lost.is_empty(), "{lost:?}");
    // v2 renumbers 2bis as 3 and 3 as 4.
    let d2 = case("declaration-v2.txt");
    assert_eq!(
        ids(&d2),
        [
            "PP1", "PP2", "PP3", "PP4", "1", "2", "2(a)", "2(b)", "3", "4", "4+1", "annex/1",
            "annex/2"
        ]
    );
}

#[test]
fn a_numbering_restart_opens_a_part_and_nothing_is_lost() {
    let d = case("numbering-restart.txt");
    assert_eq!(
        ids(&d),
        ["1", "2", "2+1", "part2/1", "part2/2", "part2/15", "part2/16"]
    );
    assert!(unit(&d, "2+1")
        .text
        .starts_with("The secretariat also consulted"));
    assert!(unit(&d, "part2/15")
        .text
        .starts_with("A paragraph number that jumps"));
    assert_eq!(d.headings, ["Working paper"]);
}

#[test]
fn parts_take_their_labels_from_their_headings() {
    let d = user_doc("1. First.\n\n2. Second.\n\nDraft resolution II\n\nThe General Assembly,\n\nRecalling its resolution 70/174,\n\n1. Decides to act.\n\nAnnex II\n\n1. An annexed paragraph.\n\nAnnex II\n\n1. Another annex with the same heading.\n");
    assert_eq!(
        ids(&d),
        ["1", "2", "II/PP1", "II/1", "annexII/1", "part4/1"]
    );
    assert_eq!(
        unit(&d, "II/PP1").chapeau.as_deref(),
        Some("The General Assembly,")
    );
    // Citations name them in any case and spelling.
    assert!(d.unit(&UnitPath::parse("AnnexII 1").unwrap()).is_some());
    assert!(d.unit(&UnitPath::parse("ii/pp1").unwrap()).is_some());
}

#[test]
fn unnumbered_blocks_stay_apart_whatever_their_case() {
    let d = user_doc("alpha\n\nbeta\n\ngamma\n");
    assert_eq!(ids(&d), ["1", "2", "3"]);
    let texts: Vec<&str> = d.units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(texts, ["alpha", "beta", "gamma"]);
    // A word broken across blocks is still joined.
    let d = user_doc("For the pur-\n\nposes of this text.\n");
    assert_eq!(d.units.len(), 1);
}

#[test]
fn every_word_of_the_seeds_and_the_cases_is_accounted_for() {
    for source in Corpus::seeds().documents() {
        let d = parse(source);
        let lost = unaccounted_words(&source.body, &d);
        assert!(lost.is_empty(), "{}: {lost:?}", d.meta.id);
    }
    let dir = format!("{}/tests/data/cases", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let d = parse(&Document::from_text("case", "case.txt", &text, Origin::Stdin).unwrap());
            let lost = unaccounted_words(&text, &d);
            assert!(lost.is_empty(), "{}: {lost:?}", path.display());
        }
    }
}

#[test]
fn a_link_split_across_the_lines_of_a_front_block_keeps_its_words() {
    // Found by the parse fuzz target: "[" and "](w)" on two lines of a
    // block before the chapeau; the block's text, cleaned line by line and
    // joined, was cleaned again as a whole, read as a link, and the target
    // word lost with the whole block.
    for text in [
        "[\n](w)\n\nWe,\n\nr\n",
        "Note [x\n](w) y\n\nWe,\n\nr\n",
        "[\n](w)\n\n1. r\n",
        // A tab in a link target: the parser reads tabs as spaces, the
        // line view did not, and "l" counted twice.
        "[](\tl)\n",
    ] {
        let p = user_doc(text);
        assert!(unaccounted_words(text, &p).is_empty(), "{text:?}: {p:?}");
    }
}

/// The first `n` words (letters and digits) of `s`, lowercased.
fn opening_words(s: &str, n: usize) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn a_units_line_is_the_line_of_the_file_where_its_text_starts() {
    // The seeds' files carry front matter: the line a user opens must hold
    // the unit's first words (the front matter's length once offset 371
    // of the 397 units).
    for source in Corpus::seeds().documents() {
        let path = format!("{}/seeds/{}.md", env!("CARGO_MANIFEST_DIR"), source.meta.id);
        let file = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = file.lines().collect();
        assert!(source.body_line > 1, "{}: no front matter", source.meta.id);
        let d = parse(source);
        for u in &d.units {
            let line = lines[u.line - 1];
            // After the label (`13.`, `(e)`, `2 bis.`, `PP3`).
            let found = opening_words(&clean(line).text, 8);
            let want = opening_words(&u.text, 3);
            assert!(
                !want.is_empty() && found.windows(want.len()).any(|x| x == want),
                "{}: line {} is {line:?}, unit opens {want:?}",
                u.id,
                u.line
            );
        }
        // A heading may run over several lines: its first words are on
        // the first.
        for (h, &l) in d.headings.iter().zip(&d.heading_lines) {
            let want = opening_words(h, 1);
            let text = clean(lines[l - 1]).text.to_lowercase();
            assert!(
                want.iter().all(|w| text.contains(w.as_str())),
                "{}: heading {h:?} is not on line {l}: {text:?}",
                d.meta.id
            );
        }
    }
    // A user document: the same with and without front matter.
    let body = "Intro.\n\n1. First paragraph.\n\n2. Second paragraph.\n";
    let plain = user_doc(body);
    let with = parse(
        &Document::from_text(
            "user",
            "user.md",
            &format!("---\ntitle: T\nyear: 2020\n---\n{body}"),
            Origin::Stdin,
        )
        .unwrap(),
    );
    let at = |d: &ParsedDoc| d.units.iter().map(|u| u.line).collect::<Vec<_>>();
    assert_eq!(at(&plain), [3, 5]);
    assert_eq!(at(&with), [7, 9]);
}

#[test]
fn roles_are_read_from_the_form_of_any_document() {
    let role = |d: &ParsedDoc, path: &str| unit(d, path).role;
    // A report of another meeting, in the usual shape.
    let d = user_doc(
        "# Report of the meeting\n\n## I. Recommendations\n\n1. Participants discussed prison reform at length.\n\n2. The meeting recommended the following:\n\n(a) Ensure legal aid for all;\n\n(b) To reduce delays, use video hearings;\n\n3. Member States should review sentencing.\n\n## II. Organization of the session\n\n4. The session was opened by the Chair.\n\n5. The provisional agenda read as follows:\n\n1. Opening of the session.\n2. Adoption of the agenda.\n\n## III. Other matters\n\n6. Statements were made by the representatives of Chile and Ghana.\n",
    );
    assert_eq!(role(&d, "1"), Role::Narrative);
    assert_eq!(role(&d, "2"), Role::Chapeau);
    assert_eq!(role(&d, "2(a)"), Role::Recommendation);
    assert_eq!(role(&d, "2(b)"), Role::Recommendation);
    assert_eq!(role(&d, "3"), Role::Operative);
    assert_eq!(role(&d, "4"), Role::Procedural);
    assert_eq!(role(&d, "5"), Role::Procedural);
    assert_eq!(role(&d, "5-1"), Role::Procedural);
    // Not under a procedural heading, but a formula of proceedings.
    assert_eq!(role(&d, "6"), Role::Procedural);
    // A negotiated text: preamble and operative part, whatever the verbs.
    let d = user_doc("# Draft declaration\n\nWe, the Ministers,\n\nRecalling resolution 70/1,\n\n1. We commit to act;\n\n2. Speakers may note the following:\n\n(a) the rule of law;\n");
    assert_eq!(role(&d, "PP1"), Role::Preambular);
    assert_eq!(role(&d, "1"), Role::Operative);
    assert_eq!(role(&d, "2"), Role::Operative);
    assert_eq!(role(&d, "2(a)"), Role::Operative);
}
