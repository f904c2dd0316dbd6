//! Word diff tests: the clean-up on real provisions, the shape of the
//! output, losslessness on the long paths, and the helpers.

use super::*;

fn seed(name: &str) -> String {
    let path = format!("{}/seeds/{name}.md", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text of the seed line that starts with `start`.
fn seed_line(name: &str, start: &str) -> String {
    seed(name)
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{name}: no line starting {start:?}"))
        .to_string()
}

/// Compact redline for assertions: `[-old-]{+new+}`.
fn redline(edits: &[Edit]) -> String {
    edits
        .iter()
        .map(|e| match e.op {
            Op::Equal => e.text.clone(),
            Op::Delete => format!("[-{}-]", e.text),
            Op::Insert => format!("{{+{}+}}", e.text),
        })
        .collect()
}

fn assert_lossless(old: &str, new: &str) -> Vec<Edit> {
    let edits = diff_words(old, new);
    assert_eq!(old_text(&edits), old, "old side lost");
    assert_eq!(new_text(&edits), new, "new side lost");
    assert_well_formed(&edits);
    edits
}

/// No empty edits, no two neighbours with the same op, and within a
/// change the deletion comes first.
fn assert_well_formed(edits: &[Edit]) {
    for e in edits {
        assert!(!e.text.is_empty(), "empty edit in {edits:?}");
    }
    for w in edits.windows(2) {
        assert_ne!(w[0].op, w[1].op, "neighbours with the same op: {w:?}");
        assert!(
            !(w[0].op == Op::Insert && w[1].op == Op::Delete),
            "insertion before deletion: {w:?}"
        );
    }
}

#[test]
fn a_rewritten_phrase_is_one_change_not_confetti() {
    let edits = assert_lossless(
        "Strengthen the role of the Commission",
        "Enhance the function of the Commission in",
    );
    assert_eq!(
        redline(&edits),
        "[-Strengthen the role-]{+Enhance the function+} of the Commission{+ in+}"
    );
}

#[test]
fn a_single_word_substitution_keeps_its_neighbours() {
    let edits = assert_lossless(
        "Member States should consider the matter",
        "Member States shall consider the matter",
    );
    assert_eq!(
        redline(&edits),
        "Member States [-should-]{+shall+} consider the matter"
    );
}

#[test]
fn punctuation_is_compared_as_its_own_token() {
    let edits = assert_lossless("justice, and", "justice; and");
    assert_eq!(redline(&edits), "justice[-,-]{+;+} and");
    let edits = assert_lossless("children's rights", "children’s rights");
    assert_eq!(redline(&edits), "[-children's-]{+children’s+} rights");
}

#[test]
fn hyphenated_words_and_document_symbols_change_whole() {
    let edits = assert_lossless("see A/CONF.234/5 of 2019", "see A/CONF.234/6 of 2019");
    assert_eq!(
        redline(&edits),
        "see [-A/CONF.234/5-]{+A/CONF.234/6+} of 2019"
    );
    let edits = assert_lossless(
        "promote multi-stakeholder partnerships",
        "promote multi-sectoral partnerships",
    );
    assert_eq!(
        redline(&edits),
        "promote [-multi-stakeholder-]{+multi-sectoral+} partnerships"
    );
}

#[test]
fn a_lone_comma_or_space_between_changes_is_absorbed() {
    let edits = assert_lossless(
        "promote gender equality, empowerment and",
        "advance equity, inclusion and",
    );
    assert_eq!(
        redline(&edits),
        "[-promote gender equality, empowerment-]{+advance equity, inclusion+} and"
    );
}

#[test]
fn a_long_shared_stretch_between_changes_is_kept() {
    let edits = assert_lossless(
        "Support the Commission on Crime Prevention and Criminal Justice in 2019",
        "Assist the Commission on Crime Prevention and Criminal Justice in 2025",
    );
    assert_eq!(
        redline(&edits),
        "[-Support-]{+Assist+} the Commission on Crime Prevention and Criminal Justice in [-2019-]{+2025+}"
    );
}

#[test]
fn rpm2019_13d_against_rpm2025_12g_reads_as_a_redline() {
    let old = seed_line("rpm2019", "(d) Support UNODC");
    let new = seed_line("rpm2025-item4", "(g) Collaborate with UNODC");
    let edits = assert_lossless(&old, &new);
    let red = redline(&edits);
    // The verb is replaced, the shared "UNODC" after it is kept.
    assert!(
        red.starts_with(
            "([-d-]{+g+}) [-Support-]{+Collaborate with+} UNODC [-in continuing its role"
        ),
        "{red}"
    );
    assert!(red.contains("technical assistance"), "{red}");
    // Not confetti: few edits for two sentences, and no lone small words.
    assert!(edits.len() < 20, "{} edits: {red}", edits.len());
    for e in edits.iter().filter(|e| e.op == Op::Equal) {
        let t = e.text.trim();
        assert!(
            !matches!(t, "" | "the" | "of" | "," | "in" | "to" | "of the"),
            "a lone {t:?} survived: {red}"
        );
    }
    let s = similarity(&edits);
    assert!(s > 0.05 && s < 0.6, "similarity {s}");
}

#[test]
fn rpm2019_13e_against_rpm2025_12f_keeps_the_shared_opening() {
    let old = seed_line("rpm2019", "(e) Strengthen the role");
    let new = seed_line("rpm2025-item4", "(f) Strengthen the role");
    let red = redline(&assert_lossless(&old, &new));
    assert!(
        red.starts_with(
            "([-e-]{+f+}) Strengthen the role of the Commission on Crime Prevention and Criminal \
             Justice [-in continuing to advance-]{+(CCPCJ) as a platform for advancing global+} \
             discussions on [-the relationship between the rule of law, -]crime prevention"
        ),
        "{red}"
    );
}

#[test]
fn a_shared_word_inside_a_rewrite_is_absorbed_but_not_next_to_a_short_change() {
    // "fostering" is a coincidence inside two long rewrites...
    let edits = assert_lossless(
        "with a view to fostering the general public's respect for the rule of law",
        "and new and emerging forms of crime. Focus on fostering public trust and resilience",
    );
    assert_eq!(edits.len(), 2, "{}", redline(&edits));
    // ...but "UNODC" right after a replaced verb is context.
    let edits = assert_lossless(
        "Support UNODC in continuing its role in operationalizing the outcome",
        "Collaborate with UNODC to operationalize the outcomes of the Congress",
    );
    assert!(redline(&edits).starts_with("[-Support-]{+Collaborate with+} UNODC "));
}

#[test]
fn identical_empty_and_one_sided_inputs() {
    assert_eq!(diff_words("", ""), []);
    assert_eq!(
        diff_words("same text", "same text"),
        [Edit::new(Op::Equal, "same text")]
    );
    assert_eq!(diff_words("", "new"), [Edit::new(Op::Insert, "new")]);
    assert_eq!(diff_words("old", ""), [Edit::new(Op::Delete, "old")]);
    assert!(is_identical(&diff_words("a b", "a b")));
    assert!(is_identical(&[]));
    assert!(!is_identical(&diff_words("a b", "a c")));
}

#[test]
fn whitespace_and_line_ending_changes_are_kept_exactly() {
    let edits = assert_lossless("one two\r\nthree", "one  two\nthree");
    assert_eq!(redline(&edits), "one[- -]{+  +}two[-\r\n-]{+\n+}three");
    assert_lossless(" \t ", "\n");
    assert_lossless("\r\n\r\n", "\r\n");
}

#[test]
fn paragraphs_are_not_merged_across_a_line_break() {
    let edits = assert_lossless("Alpha beta\nGamma delta", "Omega beta\nSigma delta");
    assert_eq!(
        redline(&edits),
        "[-Alpha-]{+Omega+} beta\n[-Gamma-]{+Sigma+} delta"
    );
}

#[test]
fn similarity_is_the_share_of_characters_kept() {
    assert_eq!(similarity(&[]), 1.0);
    assert_eq!(similarity(&diff_words("abc", "abc")), 1.0);
    assert_eq!(similarity(&diff_words("abc", "xyz")), 0.0);
    // "a b" / "a c": 2 equal chars on each side of 3.
    let s = similarity(&diff_words("a b", "a c"));
    assert!((s - 4.0 / 6.0).abs() < 1e-9, "{s}");
}

#[test]
fn edits_serialize_as_op_and_text() {
    let json = serde_json::to_string(&diff_words("a b", "a c")).unwrap();
    assert_eq!(
        json,
        r#"[{"op":"equal","text":"a "},{"op":"delete","text":"b"},{"op":"insert","text":"c"}]"#
    );
}

/// Replaces every `k`-th word of `text` by `word`: edits spread over the
/// whole text, so nothing is trimmed as a common prefix or suffix.
fn every_kth_word(text: &str, k: usize, word: &str) -> String {
    let mut n = 0;
    text.split(' ')
        .map(|w| {
            n += 1;
            if n % k == 0 {
                word
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_text_with_edits_everywhere_is_lossless_and_keeps_unchanged_sentences() {
    // Above the direct limit: the sentence pre-pass runs.
    let old = seed("rpm2019");
    let new = every_kth_word(&old, 97, "EDITED");
    let edits = assert_lossless(&old, &new);
    let inserted = edits.iter().filter(|e| e.op == Op::Insert).count();
    let expected = new.matches("EDITED").count();
    // Each edit is found near where it was made, not as one huge change.
    assert!(
        inserted >= expected * 3 / 4 && inserted <= expected,
        "{inserted} insertions for {expected} edits"
    );
    assert!(similarity(&edits) > 0.9);
}

#[test]
fn unrelated_long_texts_are_lossless_and_bounded() {
    // No sentence survives: the anchor split and the whole-region fallback
    // run. The test is that it finishes and loses nothing.
    let old = seed("thematic2021-2024");
    let new = seed("rpm2019");
    let start = std::time::Instant::now();
    let edits = assert_lossless(&old, &new);
    assert!(similarity(&edits) < 0.9);
    // Generous: a few hundred ms in release; debug builds are slower.
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn reordered_paragraphs_of_all_seeds_are_lossless_and_bounded() {
    // Every line in reverse order: the pre-passes find few places where
    // the texts agree again, and the word diff must not go quadratic.
    let old: String = ["rpm2019", "thematic2021-2024", "rpm2025-item4"]
        .iter()
        .map(|s| seed(s))
        .collect();
    let new: String = old.lines().rev().map(|l| format!("{l}\n")).collect();
    let start = std::time::Instant::now();
    let edits = assert_lossless(&old, &new);
    assert!(similarity(&edits) < 0.5);
    // 75 ms in release (git --word-diff: 20 ms); generous for debug builds.
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn the_same_inputs_give_the_same_edits() {
    let old = seed("rpm2025-item4");
    let new = every_kth_word(&old, 13, "changed");
    assert_eq!(diff_words(&old, &new), diff_words(&old, &new));
}

#[test]
fn composed_and_decomposed_accents_are_no_edit_and_both_texts_come_back() {
    let old = "The delegation of Côte d’Ivoire and São Tomé welcomed it.";
    let new = "The delegation of Co\u{302}te d’Ivoire and Sa\u{303}o Tome\u{301} welcomed it.";
    let edits = diff_words(old, new);
    assert!(is_identical(&edits), "{edits:?}");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].text, old);
    assert_eq!(edits[0].as_new.as_deref(), Some(new));
    assert_eq!(old_text(&edits), old);
    assert_eq!(new_text(&edits), new);
}

#[test]
fn invisible_characters_are_no_edit_but_a_real_change_beside_them_is() {
    let old = "should strength\u{200B}en cooperation among\u{A0}central authorities";
    let new = "should strengthen cooperation among central bodies";
    let edits = diff_words(old, new);
    let changed: Vec<(Op, &str)> = edits
        .iter()
        .filter(|e| e.op != Op::Equal)
        .map(|e| (e.op, e.text.as_str()))
        .collect();
    assert_eq!(
        changed,
        [(Op::Delete, "authorities"), (Op::Insert, "bodies")]
    );
    assert_eq!(old_text(&edits), old);
    assert_eq!(new_text(&edits), new);
}

#[test]
fn an_insertion_into_chinese_marks_the_inserted_characters_only() {
    let old = "会员国应加强国际合作，打击跨国有组织犯罪。";
    let new = "会员国应进一步加强国际合作，打击跨国有组织犯罪和腐败。";
    let edits = diff_words(old, new);
    let inserted: Vec<&str> = edits
        .iter()
        .filter(|e| e.op == Op::Insert)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(inserted, ["进一步", "和腐败"]);
    assert!(edits.iter().all(|e| e.op != Op::Delete), "{edits:?}");
    assert_eq!(old_text(&edits), old);
    assert_eq!(new_text(&edits), new);
}
