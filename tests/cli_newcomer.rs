//! What a newcomer meets first: completions and the manual page, help that
//! says what to do, notes for a folder with nothing in it, and options
//! that only the commands using them act on.

mod common;

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = common::accord_wording().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

#[test]
fn completions_are_printed_for_every_shell_without_a_corpus() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        // A corpus folder that does not exist is not even looked at.
        let (out, err, code) = run(&["--corpus", "/nonexistent", "completions", shell]);
        assert_eq!(code, Some(0), "{shell}: {err}");
        for word in ["evolve", "review", "lexical-only"] {
            assert!(out.contains(word), "{shell} completions lack {word}");
        }
    }
    // The bash script is valid bash.
    let (script, ..) = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.bash");
    std::fs::write(&path, script).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(check.success());
}

#[test]
fn the_manual_page_names_every_command_and_option() {
    let (page, err, code) = run(&["man"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(page.contains(".TH accord 1"), "{page}");
    for word in [
        "evolve",
        "review",
        "memo",
        "completions",
        "lexical\\-only",
        "\\-\\-corpus",
    ] {
        assert!(page.contains(word), "the manual lacks {word}");
    }
}

#[test]
fn the_manual_pages_of_each_command_give_its_options() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    for (page, option) in [
        ("accord-diff.1", "side\\-by\\-side"),
        ("accord-align.1", "\\-\\-explain"),
        ("accord-review.1", "\\-\\-any\\-date"),
        ("accord-evolve.1", "\\-\\-all"),
        ("accord-terms.1", "\\-\\-top"),
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".TH accord"), "{page}");
        assert!(text.contains(option), "{page} lacks {option}");
    }
    // The hidden benchmark command has no page.
    assert!(!dir.path().join("accord-synth.1").exists());
}

#[test]
fn a_missing_file_given_to_diff_is_said_to_be_missing() {
    for args in [
        &["diff", "nothere.docx:original", "nothere.docx"][..],
        &["diff", "old.pdf", "new.docx"][..],
    ] {
        let (_, err, code) = run(args);
        assert_eq!(code, Some(2));
        assert!(
            err.contains("cannot read") && err.contains("no such file"),
            "{err}"
        );
    }
}

#[test]
fn evolve_without_a_citation_says_to_give_one_or_all() {
    let (out, err, code) = run(&["evolve"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--all") && err.contains("'rpm2019:13(e)'"),
        "{err}"
    );
}

#[test]
fn a_corpus_folder_with_no_document_is_noted() {
    let empty = tempfile::tempdir().unwrap();
    let dir = empty.path().to_str().unwrap();
    let (out, err, code) = run(&["--corpus", dir, "docs"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("rpm2019"));
    assert!(
        err.contains("no document in") && err.contains(".docx"),
        "{err}"
    );
    // With nothing else, the corpus is empty: one line, the error only.
    let (_, err, code) = run(&["--no-seeds", "--corpus", dir, "docs"]);
    assert_eq!(code, Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn commands_that_match_nothing_do_not_look_for_the_model() {
    let (out, err, code) = run(&["--model", "/nonexistent", "show", "rpm2019:1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("rpm2019:1 "), "{out}");
    // A command that matches units does, and says what is wrong.
    let mut c = common::accord_wording();
    c.env_remove("ACCORD_LEXICAL_ONLY")
        .args(["--model", "/nonexistent", "align", "2019", "2025"]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/model.safetensors"));
}

#[test]
fn help_examples_paste_into_a_shell() {
    for cmd in [
        vec!["--help"],
        vec!["show", "--help"],
        vec!["diff", "--help"],
        vec!["evolve", "--help"],
    ] {
        let (out, ..) = run(&cmd);
        for line in out.lines().filter(|l| l.starts_with("  accord ")) {
            // A citation with parentheses must be quoted, or bash reads a
            // subshell: every example must at least parse as bash.
            let ok = std::process::Command::new("bash")
                .args(["-n", "-c", line])
                .status()
                .unwrap()
                .success();
            assert!(ok, "does not paste into bash: `{line}`");
        }
    }
}
