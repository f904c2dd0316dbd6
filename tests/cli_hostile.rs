//! CLI tests for hostile and unusual input (issue 12): each fault the probe
//! found is one test named for it, and each test checks the kind, not only
//! the instance. No panic (exit 101), no hang (every run has a timeout),
//! one line on stderr with exit 2, nothing written where it must not be.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

mod common;

fn accord() -> Command {
    let mut c = common::accord_wording();
    c.env("COLUMNS", "80")
        // A hang is a failure, not a stuck test run.
        .timeout(Duration::from_secs(60));
    c
}

/// Exit status, stdout and stderr of a run.
fn run(c: &mut Command) -> (i32, String, String) {
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Exit 2 with one line on stderr that contains `needle`.
fn assert_refused(c: &mut Command, needle: &str) {
    let (code, _, err) = run(c);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("accord: "), "{err}");
    assert!(err.contains(needle), "'{needle}' missing from: {err}");
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn draft(dir: &Path) -> PathBuf {
    write(
        dir,
        "draft.md",
        "We, the Ministers,\n\nRecalling the Kyoto Declaration,\n\nDeclare as follows:\n\n\
         1. We will [strengthen / enhance] international cooperation to prevent and counter crime.\n\n\
         2. We will promote restorative justice.\n",
    )
}

// 1. Byte slicing of user text.

#[test]
fn a_front_matter_date_cut_inside_a_character_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for date in [
        "abcé",
        "202é-01-01",
        "2021-0é-01",
        "é",
        "2021-01-0é",
        "２０２１-01-01",
    ] {
        let text = format!("---\ndate: {date}\n---\n1. We will act.\n");
        let f = write(dir.path(), "d.md", &text);
        let doc = format!("d={}", f.display());
        // Every entry point: --doc, review FILE, standard input.
        assert_refused(accord().args(["--doc", &doc, "show", "d"]), "date");
        assert_refused(accord().arg("review").arg(&f), "date");
        assert_refused(
            accord()
                .args(["--doc", "d=-", "units", "d"])
                .write_stdin(text.clone()),
            "date",
        );
    }
}

#[test]
fn multibyte_text_at_every_cut_point_never_panics() {
    // Each prefix of a line of multi-byte characters (and markup that the
    // parser looks into) is a document; none may panic.
    let dir = tempfile::tempdir().unwrap();
    let line = "1. Ré<sup>é</sup>[ü](ö) ¹ **ß** 第一条 (ａ) ２ bis — “é”\n(a) ñ;\n";
    for (i, _) in line.char_indices().skip(1) {
        let f = write(dir.path(), "p.md", &line[..i]);
        let (code, _, err) = run(accord()
            .arg("--no-seeds")
            .arg("--doc")
            .arg(format!("p={}", f.display()))
            .args(["show", "p"]));
        assert!(code == 0 || code == 2, "cut at {i}: {code} {err}");
        assert!(!err.contains("panicked"), "cut at {i}: {err}");
    }
}

// 3. Bracket alternatives in review.

fn review_json(file: &Path) -> Value {
    let (code, out, err) = run(accord().arg("review").arg(file).args(["--format", "json"]));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn two_thousand_brackets_in_one_paragraph_are_capped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let brackets: Vec<String> = (0..2000).map(|i| format!("[alpha{i} / beta{i}]")).collect();
    let f = write(
        dir.path(),
        "many.md",
        &format!("1. We will {} cooperate.\n", brackets.join(" ")),
    );
    let v = review_json(&f);
    let p = &v["paragraphs"][0];
    assert_eq!(p["alternatives"].as_array().unwrap().len(), 32);
    assert_eq!(p["alternatives_unchecked"], 4000 - 32);
    // The first readings are the first bracket's two options, in order.
    assert_eq!(p["alternatives"][0]["option"], "alpha0");
    assert_eq!(p["alternatives"][1]["option"], "beta0");
    // And the text output says so.
    let (_, out, _) = run(accord().arg("review").arg(&f));
    assert!(
        out.contains("3968 more bracket readings not checked"),
        "{out}"
    );
}

#[test]
fn one_bracket_of_ten_thousand_options_is_capped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let options: Vec<String> = (0..10_000).map(|i| format!("option{i}")).collect();
    let f = write(
        dir.path(),
        "wide.md",
        &format!("1. We will [{}] cooperate.\n", options.join(" / ")),
    );
    let v = review_json(&f);
    let p = &v["paragraphs"][0];
    assert_eq!(p["alternatives"].as_array().unwrap().len(), 32);
    assert_eq!(p["alternatives_unchecked"], 10_000 - 32);
    // Written reviews say it too.
    let md = dir.path().join("wide-review.md");
    let (code, _, err) = run(accord().arg("review").arg(&f).arg("-o").arg(&md));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("9,968 further readings were not checked")
            || text.contains("9968 further readings were not checked"),
        "{text}"
    );
}

#[test]
fn a_few_brackets_are_all_checked() {
    let dir = tempfile::tempdir().unwrap();
    let v = review_json(&draft(dir.path()));
    // Paragraph 0 is the preambular one.
    let p = &v["paragraphs"][1];
    assert_eq!(p["alternatives"].as_array().unwrap().len(), 2);
    assert_eq!(p["alternatives_unchecked"], 0);
}

// 4. Special files as input.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    mkfifo(&fifo);
    let doc = format!("p={}", fifo.display());
    assert_refused(
        accord().args(["--doc", &doc, "show", "p"]),
        "not a regular file",
    );
    assert_refused(accord().arg("review").arg(&fifo), "give '-'");
    // A character device is no document either.
    assert_refused(
        accord().args(["--doc", "z=/dev/zero", "show", "z"]),
        "not a regular file",
    );
    // `-` is the way to read a stream.
    let (code, out, err) = run(accord()
        .args(["--doc", "p=-", "show", "p"])
        .write_stdin("1. We will act.\n"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("We will act."), "{out}");
}

// 5. Characters that break outputs.

const HOSTILE: &str = "We, the Ministers,\n\nDeclare as follows:\n\n\
    1. We will [\u{1b}[2J / \u{1b}]0;owned\u{7}] act \u{fffe}\u{ffff} against crime.\n\n\
    2. We \u{1b}]8;;http://x.test\u{1b}\\promise\u{1b}]8;;\u{1b}\\ to \u{2028}cooperate \u{85}now.\n";

/// No C0 control but line feed, tab and carriage return, no DEL, no C1
/// control, no U+2028/9; in XML (`xml`), also none of the noncharacters
/// U+FFFE/U+FFFF that XML 1.0's `Char` production leaves out.
fn assert_clean(out: &str, what: &str, xml: bool) {
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{2028}' | '\u{2029}')
                || (xml && matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in:\n{out}");
}

#[test]
fn control_characters_never_reach_a_terminal_or_a_written_review_raw() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "hostile.md", HOSTILE);
    let doc = format!("h={}", f.display());
    for args in [
        vec!["review", f.to_str().unwrap()],
        vec!["--doc", &doc, "show", "h"],
        vec!["--doc", &doc, "units", "h"],
        vec!["--doc", &doc, "trace", "act"],
        vec!["--doc", &doc, "diff", "rpm2025-item4", "h"],
        vec!["--doc", &doc, "memo", "rpm2025-item4", "h", "-o", "-"],
    ] {
        let (code, out, err) = run(accord().args(&args));
        assert!(code == 0 || code == 1, "{args:?}: {err}");
        assert_clean(&out, &format!("{args:?}"), false);
        assert_clean(&err, &format!("{args:?} stderr"), false);
    }
    for ext in ["md", "html", "docx", "txt", "json"] {
        let out = dir.path().join(format!("review.{ext}"));
        let (code, _, err) = run(accord().arg("review").arg(&f).arg("-o").arg(&out));
        assert_eq!(code, 0, "{ext}: {err}");
        assert_clean(&common::written_text(&out), ext, ext == "docx");
    }
}

// 6. Writes.

#[test]
fn an_output_naming_an_input_file_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    let before = std::fs::read(&f).unwrap();
    // The draft itself, spelled two ways.
    assert_refused(
        accord()
            .current_dir(dir.path())
            .args(["review", "draft.md", "-o", "draft.md"]),
        "input document",
    );
    assert_refused(
        accord()
            .current_dir(dir.path())
            .args(["review", "draft.md", "-o", "./draft.md"]),
        "input document",
    );
    // A document of --doc or --corpus given to memo.
    assert_refused(
        accord().current_dir(dir.path()).args([
            "--doc",
            "d=draft.md",
            "memo",
            "2019",
            "d",
            "-o",
            "draft.md",
        ]),
        "input document",
    );
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(&f, corpus.join("c.md")).unwrap();
    assert_refused(
        accord()
            .arg("--corpus")
            .arg(&corpus)
            .args(["review"])
            .arg(&f)
            .arg("-o")
            .arg(corpus.join("c.md")),
        "input document",
    );
    #[cfg(unix)]
    {
        // A hard link or a symbolic link to it is the same file.
        std::fs::hard_link(&f, dir.path().join("hard.md")).unwrap();
        std::os::unix::fs::symlink(&f, dir.path().join("soft.md")).unwrap();
        for name in ["hard.md", "soft.md"] {
            assert_refused(
                accord()
                    .current_dir(dir.path())
                    .args(["review", "draft.md", "-o", name]),
                "input document",
            );
        }
    }
    assert_eq!(std::fs::read(&f).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn special_files_as_output_are_written_through_and_links_followed() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    // /dev/null stays the device.
    let (code, _, err) =
        run(accord()
            .arg("review")
            .arg(&f)
            .args(["-o", "/dev/null", "--format", "md"]));
    assert_eq!(code, 0, "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    // A FIFO with a reader receives the review and stays a FIFO.
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let (code, _, err) = run(accord()
        .arg("review")
        .arg(&f)
        .arg("-o")
        .arg(&fifo)
        .args(["--format", "md"]));
    assert_eq!(code, 0, "{err}");
    assert!(reader.join().unwrap().contains("draft"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A symbolic link is followed: the file it names gets the review, the
    // link stays a link.
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    let (code, _, err) = run(accord().arg("review").arg(&f).arg("-o").arg(&link));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(dir.path().join("real.md"))
        .unwrap()
        .contains("Review"));
    // A link to a folder that does not exist is refused before the work.
    let dangling = dir.path().join("dangling.md");
    std::os::unix::fs::symlink("nowhere/x.md", &dangling).unwrap();
    assert_refused(
        accord().arg("review").arg(&f).arg("-o").arg(&dangling),
        "does not exist",
    );
    // Nothing but what was asked for is left in the folder.
    assert_eq!(
        common::files_in(dir.path()),
        ["dangling.md", "draft.md", "link.md", "out.fifo", "real.md"]
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_refused_before_the_work() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anyway: then there is nothing to refuse.
    if std::fs::write(ro.join("probe"), "x").is_ok() {
        eprintln!("SKIPPED a_read_only_folder_is_refused_before_the_work: running as root");
        return;
    }
    assert_refused(
        accord()
            .arg("review")
            .arg(&f)
            .arg("-o")
            .arg(ro.join("r.md")),
        "not writable",
    );
    // Refused before the draft is read: a draft that does not exist is
    // not the error reported.
    assert_refused(
        accord()
            .args(["review", "missing.md", "-o"])
            .arg(ro.join("r.md")),
        "not writable",
    );
}

// 7. Ids.

#[test]
fn a_draft_with_the_id_of_a_library_document_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    assert_refused(
        accord()
            .arg("review")
            .arg(format!("rpm2019={}", f.display())),
        "another id",
    );
}

#[test]
fn an_id_that_is_a_side_keyword_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    for id in ["2019", "all", "ALL", "2031"] {
        assert_refused(
            accord()
                .arg("--doc")
                .arg(format!("{id}={}", f.display()))
                .arg("docs"),
            "side keyword",
        );
    }
    // A file named like a year gets no year id either.
    let year = write(dir.path(), "2019.md", "1. We will act.\n");
    assert_refused(accord().arg("--doc").arg(&year).arg("docs"), "ID=FILE");
}

#[test]
fn ids_that_cannot_be_cited_are_named_as_ids() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    assert_refused(
        accord()
            .arg("--doc")
            .arg(format!("a:b={}", f.display()))
            .arg("docs"),
        "invalid document id 'a:b'",
    );
    let japanese = dir.path().join("日本語.md");
    std::fs::copy(&f, &japanese).unwrap();
    assert_refused(accord().arg("--doc").arg(&japanese).arg("docs"), "ID=FILE");
}

#[test]
fn a_usage_error_is_one_line_with_its_hint() {
    assert_refused(
        accord().args(["--bogus", "docs"]),
        "tip: a similar argument",
    );
    assert_refused(accord().args(["show"]), "<TARGET>");
    assert_refused(
        accord().args(["--color", "blue", "docs"]),
        "possible values",
    );
    // Help and version are not errors.
    let (code, out, _) = run(accord().arg("--version"));
    assert_eq!(code, 0);
    assert!(out.starts_with("accord "));
}

// After a new user's trial of the above.

#[test]
fn an_endless_stream_or_a_huge_file_is_refused_not_read_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.md");
    // Sparse: 300 MB on paper, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    assert_refused(
        accord().arg("--doc").arg(&huge).arg("docs"),
        "larger than 256 MiB",
    );
    // An endless stream on standard input: /dev/zero itself (not a copy
    // of it in this test's memory).
    #[cfg(unix)]
    assert_stdin_refused(&["review", "-"], "/dev/zero", "larger than 256 MiB");
}

/// Runs accord with standard input opened on `file` (a redirection, not a
/// pipe), and expects exit 2 with one line containing `needle`.
#[cfg(unix)]
fn assert_stdin_refused(args: &[&str], file: impl AsRef<Path>, needle: &str) {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("accord"))
        .args(args)
        .env("ACCORD_LEXICAL_ONLY", "1")
        .stdin(std::fs::File::open(file).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "'{needle}' missing from: {err}");
}

#[cfg(target_os = "linux")]
#[test]
fn standard_output_by_another_name_is_written_to_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    for name in ["/dev/stdout", "/proc/self/fd/1"] {
        let (code, out, err) = run(accord()
            .arg("review")
            .arg(&f)
            .args(["-o", name, "--format", "md"]));
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("# Review"), "{name}: {out}");
    }
}

#[cfg(unix)]
#[test]
fn a_draft_read_from_standard_input_is_an_input_too() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    let before = std::fs::read(&f).unwrap();
    let target = f.to_str().unwrap();
    assert_stdin_refused(&["review", "-", "-o", target], &f, "standard input");
    assert_eq!(std::fs::read(&f).unwrap(), before);
}

#[cfg(target_os = "linux")]
#[test]
fn a_new_output_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    let out = dir.path().join("private.md");
    let bin = assert_cmd::cargo::cargo_bin("accord");
    let ok = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"umask 077 && "$0" review "$1" -o "$2""#)
        .arg(bin)
        .arg(&f)
        .arg(&out)
        .env("ACCORD_LEXICAL_ONLY", "1")
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn json_escapes_del_and_c1_controls() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "c1.md", "1. a\u{7f} b \u{9b}31m c\n");
    let (code, out, err) = run(accord()
        .arg("--no-seeds")
        .arg("--doc")
        .arg(&f)
        .args(["units", "c1", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    assert_clean(&out, "json", false);
    assert!(out.contains("a\\u007f b \\u009b31m c"), "{out}");
}

#[test]
fn a_folder_skips_hidden_files_and_a_bad_front_matter_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "1. We will act.\n");
    // macOS's resource fork of a.md: binary, and not a document.
    std::fs::write(dir.path().join("._a.md"), b"\0\x05\x16\x07").unwrap();
    write(dir.path(), ".notes.md", "1. Private.\n");
    let (code, out, err) = run(accord()
        .arg("--no-seeds")
        .arg("--corpus")
        .arg(dir.path())
        .arg("docs"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\na ") || out.contains("\na  "), "{out}");
    assert!(!out.contains("notes"), "{out}");
    for date in ["2021-02-30", "0000-01-01", "9999-12-31", "2021-13"] {
        let f = write(
            dir.path(),
            "d.md",
            &format!("---\ndate: {date}\n---\n1. x\n"),
        );
        assert_refused(accord().arg("--doc").arg(&f).arg("docs"), "real date");
    }
}

#[test]
fn the_line_saying_what_was_written_escapes_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let f = draft(dir.path());
    let out = dir.path().join("r\u{1b}[31m.md");
    let (code, _, err) = run(accord().arg("review").arg(&f).arg("-o").arg(&out));
    assert_eq!(code, 0, "{err}");
    assert_clean(&err, "stderr", false);
    assert!(err.contains("\\x1b[31m"), "{err}");
}
