//! Properties of the word diff on any input: the edits give back both
//! texts exactly, are well formed, and do not depend on the run.
//!
//! Inputs: random strings over an alphabet chosen to hit the tokenizer's
//! corners (joiners, CRLF, combining marks, non-ASCII whitespace, Han and
//! Thai, invisible and control characters), random
//! Unicode, and real seed paragraphs with random word edits.
use accord::diff::{diff_words, is_identical, new_text, old_text, similarity, Edit, Op};
use proptest::prelude::*;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/congress2021-item4.md"),
    include_str!("../seeds/rpm2019.md"),
    include_str!("../seeds/rpm2025-item4.md"),
    include_str!("../seeds/rpm2025-item5b.md"),
    include_str!("../seeds/thematic2021-2024.md"),
];

/// Checks everything that must hold for any pair.
fn check(old: &str, new: &str) -> Result<(), TestCaseError> {
    let edits = diff_words(old, new);
    prop_assert_eq!(old_text(&edits), old);
    prop_assert_eq!(new_text(&edits), new);
    for e in &edits {
        prop_assert!(!e.text.is_empty(), "empty edit");
    }
    for w in edits.windows(2) {
        prop_assert_ne!(w[0].op, w[1].op, "neighbours with one op: {:?}", w);
        prop_assert!(
            !(w[0].op == Op::Insert && w[1].op == Op::Delete),
            "insertion before deletion: {:?}",
            w
        );
    }
    // Identical means the same for matching: composed and decomposed
    // accents, invisible characters inside words and the kind of space do
    // not count. (An invisible character standing alone between spaces is
    // a token of its own and shows as an edit.)
    if old == new {
        prop_assert!(is_identical(&edits));
    }
    if is_identical(&edits) {
        prop_assert_eq!(matching(old), matching(new));
    }
    let s = similarity(&edits);
    prop_assert!((0.0..=1.0).contains(&s), "similarity {}", s);
    prop_assert_eq!(diff_words(old, new), edits, "not deterministic");
    Ok(())
}

/// The text as the diff compares it: its matching form, any space other
/// than a tab or a line break an ASCII space.
fn matching(s: &str) -> String {
    accord::parse::unicode::matching_form(s)
        .chars()
        .map(|c| {
            let wide = !c.is_ascii() && c.is_whitespace();
            if wide && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Strings over pieces that stress the tokenizer.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "the",
        "of",
        "Commission",
        "UNODC",
        "multi-stakeholder",
        "children's",
        "’",
        "A/CONF.234/5",
        "2030",
        "1,000",
        "-",
        "'",
        "/",
        ".",
        ",",
        ";",
        "(",
        ")",
        "\"",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u{a0}",
        "\u{2028}",
        "é",
        "e\u{301}",
        "日本",
        "国际合作",
        "ที่",
        "\u{200B}",
        "\u{FEFF}",
        "\u{AD}",
        "\u{1b}[31m",
        "🙂",
        "shall",
        "should",
        "",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// A seed paragraph (a line of at least 40 bytes).
fn paragraph() -> impl Strategy<Value = String> {
    let lines: Vec<String> = SEEDS
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.len() >= 40)
        .map(str::to_string)
        .collect();
    prop::sample::select(lines)
}

/// A word edit: at word `at` (modulo the count), delete, replace or insert.
#[derive(Debug, Clone)]
enum WordEdit {
    Delete(usize),
    Replace(usize, String),
    Insert(usize, String),
}

fn word_edit() -> impl Strategy<Value = WordEdit> {
    let word = prop::sample::select(vec![
        "shall",
        "should",
        "as appropriate",
        "Member States",
        "upon request",
        "the",
        ",",
        "",
        "multi-sectoral",
        "2025",
        "effectively",
        "\n",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        any::<usize>().prop_map(WordEdit::Delete),
        (any::<usize>(), word.clone()).prop_map(|(i, w)| WordEdit::Replace(i, w)),
        (any::<usize>(), word).prop_map(|(i, w)| WordEdit::Insert(i, w)),
    ]
}

fn apply(text: &str, edits: &[WordEdit]) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    for e in edits {
        let n = words.len();
        match e {
            WordEdit::Delete(i) if n > 1 => {
                words.remove(i % n);
            }
            WordEdit::Delete(_) => {}
            WordEdit::Replace(i, w) => words[i % n] = w.clone(),
            WordEdit::Insert(i, w) => words.insert(i % (n + 1), w.clone()),
        }
    }
    words.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn lossless_on_tricky_strings(old in tricky(), new in tricky()) {
        check(&old, &new)?;
    }

    #[test]
    fn a_text_and_its_decomposed_form_are_identical(text in tricky()) {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = text.nfd().collect();
        check(&text, &nfd)?;
        prop_assert!(is_identical(&diff_words(&text, &nfd)));
    }

    #[test]
    fn lossless_on_any_unicode(old in any::<String>(), new in any::<String>()) {
        check(&old, &new)?;
    }

    #[test]
    fn lossless_against_itself_and_empty(text in tricky()) {
        check(&text, &text)?;
        check(&text, "")?;
        check("", &text)?;
        prop_assert_eq!(diff_words(&text, &text).len(), usize::from(!text.is_empty()));
    }

    #[test]
    fn lossless_on_seed_paragraphs_with_word_edits(
        text in paragraph(),
        edits in prop::collection::vec(word_edit(), 0..8),
    ) {
        let new = apply(&text, &edits);
        check(&text, &new)?;
        check(&new, &text)?;
    }

    #[test]
    fn lossless_on_two_seed_paragraphs(a in paragraph(), b in paragraph()) {
        check(&a, &b)?;
    }
}

proptest! {
    // Long inputs take the pre-passes: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn lossless_on_long_seed_text_with_word_edits(
        seed in 0..SEEDS.len(),
        edits in prop::collection::vec(word_edit(), 1..200),
        crlf in any::<bool>(),
    ) {
        let text = if crlf { SEEDS[seed].replace('\n', "\r\n") } else { SEEDS[seed].to_string() };
        let new = apply(&text, &edits);
        check(&text, &new)?;
    }
}

proptest! {
    // All seeds twice (430 KB, over 2,000 paragraphs): the linear segment
    // scan and the two-thread tokenizer run. Few cases, they are slow in
    // a debug build.
    #![proptest_config(ProptestConfig::with_cases(3))]

    #[test]
    fn lossless_on_all_seeds_twice_with_word_edits(
        edits in prop::collection::vec(word_edit(), 1..400),
    ) {
        let text = SEEDS.concat().repeat(2);
        let new = apply(&text, &edits);
        check(&text, &new)?;
    }
}

/// The single-edit case the clean-up must never disturb: a word replaced
/// in a seed paragraph shows as exactly that word replaced.
#[test]
fn one_replaced_word_in_every_seed_paragraph_is_one_change() {
    for text in SEEDS
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.len() >= 40)
    {
        let words: Vec<&str> = text.split(' ').collect();
        let Some(i) = words
            .iter()
            .position(|w| w.chars().all(char::is_alphabetic) && w.len() > 3)
        else {
            continue;
        };
        let mut new_words = words.clone();
        new_words[i] = "REPLACED";
        let new = new_words.join(" ");
        let edits = diff_words(text, &new);
        let changed: Vec<&Edit> = edits.iter().filter(|e| e.op != Op::Equal).collect();
        assert_eq!(
            changed,
            [
                &Edit::new(Op::Delete, words[i]),
                &Edit::new(Op::Insert, "REPLACED")
            ],
            "{text}"
        );
    }
}
