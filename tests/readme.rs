//! README.md is checked against real runs: every `accord` command it shows,
//! in `console` blocks (with their output) and in `sh` blocks (run as
//! pasted, in a folder holding the files they name), so an example that
//! no longer holds, or does not paste into bash, fails here.
//!
//! Output (standard output, then standard error, as a terminal shows
//! them) is compared line by line. A line that is only `...` stands for
//! any number of lines; a `...` inside a line stands for any text there.
//! Commands run with `COLUMNS=90`, no colour, and the matching of a first
//! run (the built-in documents' shipped vectors; wording alone for the
//! user's files unless the model is installed).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Width the README's examples are made at.
const COLUMNS: &str = "90";

#[derive(Debug)]
struct Example {
    /// Line of README where the command is.
    line: usize,
    command: String,
    /// Shown output (console blocks), `None` for sh blocks.
    output: Option<Vec<String>>,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut out = Vec::new();
    let mut block: Option<&str> = None;
    for (i, line) in readme.lines().enumerate() {
        let n = i + 1;
        if let Some(lang) = line.strip_prefix("```") {
            block = match block {
                None => Some(lang),
                Some(_) => None,
            };
            continue;
        }
        match block {
            Some("console") => {
                if let Some(cmd) = line.strip_prefix("$ ") {
                    out.push(Example {
                        line: n,
                        command: cmd.to_string(),
                        output: Some(Vec::new()),
                    });
                } else if let Some(Example {
                    output: Some(o), ..
                }) = out.last_mut()
                {
                    o.push(line.to_string());
                }
            }
            Some("sh") => {
                let cmd = strip_comment(line);
                if cmd.starts_with("accord ") || cmd.contains("| accord ") {
                    out.push(Example {
                        line: n,
                        command: cmd.to_string(),
                        output: None,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The command without a trailing `# comment` (outside quotes).
fn strip_comment(line: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => {
                return line.get(..i).unwrap_or(line).trim_end();
            }
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// A folder holding the files README's commands name, made from the
/// project's own examples and fixtures.
fn workspace() -> tempfile::TempDir {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let formats = root.join("tests/fixtures/formats");
    let copies = [
        // No front matter: its id comes from the file name, as README says.
        (formats.join("declaration.txt"), "draft.md"),
        (root.join("examples/draft-declaration.md"), "draft-v3.md"),
        (formats.join("declaration.txt"), "draft.txt"),
        (formats.join("draft-tracked.docx"), "draft.docx"),
        (formats.join("declaration.docx"), "draft-v3.docx"),
        (formats.join("declaration.pdf"), "A_CONF.234_L.6.pdf"),
        (formats.join("declaration.pdf"), "ods.pdf"),
        (formats.join("declaration.txt"), "drafts/declaration.txt"),
        (
            root.join("examples/draft-declaration.md"),
            "drafts/abudhabi.md",
        ),
        (formats.join("scanned.pdf"), "scan.pdf"),
        (formats.join("encrypted.pdf"), "locked.pdf"),
    ];
    for (from, to) in copies {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
    // An old binary Word file: the OLE signature is all accord reads.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    std::fs::write(dir.path().join("old.doc"), ole).unwrap();
    // README's paths into the repository (`examples/…`, `tests/data/…`).
    #[cfg(unix)]
    for folder in ["examples", "tests"] {
        std::os::unix::fs::symlink(root.join(folder), dir.path().join(folder)).unwrap();
    }
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_accord"), bin.join("accord")).unwrap();
    dir
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `command` in bash in `dir`, with `accord` on the PATH; stdout,
/// stderr and the exit status.
fn run(dir: &Path, command: &str) -> (String, String, Option<i32>) {
    // What a user's machine provides and a test machine may not.
    let command = command
        .replace("pbpaste |", "cat draft.md |")
        .replace("| less", "| cat");
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-o", "pipefail", "-c", &command])
        .current_dir(dir)
        .env("PATH", path)
        .env("COLUMNS", COLUMNS)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        // Installing completions writes under ~: the test's folder.
        .env("HOME", dir)
        .env_remove("ACCORD_LEXICAL_ONLY")
        .env_remove("ACCORD_MODEL")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// True when the line shown in README (with `...` for any text) matches
/// the real one.
fn line_matches(shown: &str, real: &str) -> bool {
    let pieces: Vec<&str> = shown.trim_end().split("...").collect();
    let real = real.trim_end();
    if pieces.len() == 1 {
        return shown.trim_end() == real;
    }
    let mut rest = real;
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(piece) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == pieces.len() - 1 {
            return rest.ends_with(piece);
        } else {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
    }
    true
}

/// Whether `shown` (README's lines, `...` alone for any number of lines)
/// matches `real` from its start; trailing blank lines of either ignored.
fn output_matches(shown: &[String], real: &[&str]) -> Result<(), String> {
    fn go(shown: &[String], real: &[&str]) -> bool {
        match shown.first() {
            None => real.iter().all(|l| l.trim().is_empty()),
            Some(s) if s.trim() == "..." => {
                (0..=real.len()).any(|skip| go(&shown[1..], &real[skip..]))
            }
            Some(s) => real
                .first()
                .is_some_and(|r| line_matches(s, r) && go(&shown[1..], &real[1..])),
        }
    }
    let mut shown = shown.to_vec();
    while shown.last().is_some_and(|l| l.trim().is_empty()) {
        shown.pop();
    }
    // Output shown up to a point ends in `...` implicitly only if it says so.
    if go(&shown, real) {
        return Ok(());
    }
    // Find the first shown line that cannot be placed, for the message.
    let first_bad = shown
        .iter()
        .find(|s| s.trim() != "..." && !real.iter().any(|r| line_matches(s, r)))
        .cloned()
        .unwrap_or_else(|| "(lines out of order or missing `...`)".into());
    Err(first_bad)
}

#[test]
fn every_command_readme_shows_runs_as_shown() {
    let examples = examples();
    assert!(
        examples.len() >= 30,
        "README's examples were not found: {}",
        examples.len()
    );
    let dir = workspace();
    let jq = have("jq");
    let mut failures = Vec::new();
    let mut checked = 0;
    for ex in &examples {
        if ex.command.contains("| jq") && !jq {
            eprintln!(
                "line {}: skipped, jq is not installed: {}",
                ex.line, ex.command
            );
            continue;
        }
        let (stdout, stderr, status) = run(dir.path(), &ex.command);
        checked += 1;
        // 0 (or 1 for a diff that found differences); an error (2) only
        // where README shows one.
        let shows_error = ex.output.as_ref().is_some_and(|o| {
            o.iter()
                .any(|l| l.starts_with("accord: ") && !l.starts_with("accord: note:"))
        });
        // Only `diff` says "different" with 1.
        let expected = if shows_error {
            Some(2)
        } else if ex.command.contains("accord diff ") {
            status.filter(|s| *s <= 1)
        } else {
            Some(0)
        };
        if status.is_none() || status != expected {
            failures.push(format!(
                "line {}: `{}` exited {status:?}: {}",
                ex.line,
                ex.command,
                stderr.trim()
            ));
            continue;
        }
        if let Some(shown) = &ex.output {
            // What the terminal shows: the output, then the notes.
            let both = format!("{stdout}{stderr}");
            let real: Vec<&str> = both.lines().collect();
            if let Err(bad) = output_matches(shown, &real) {
                failures.push(format!(
                    "line {}: `{}`: README shows\n    {bad}\n  which the real output does not have in that place:\n{}",
                    ex.line,
                    ex.command,
                    stdout
                        .lines()
                        .take(40)
                        .map(|l| format!("    | {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} README examples fail:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn dotted_lines_match_what_they_stand_for() {
    assert!(line_matches("abc ... xyz", "abc 123 xyz"));
    assert!(line_matches("abc ...", "abc anything"));
    assert!(!line_matches("abc ... xyz", "abd 123 xyz"));
    assert!(!line_matches("abc", "abcd"));
    let shown: Vec<String> = ["a", "...", "d"].iter().map(|s| s.to_string()).collect();
    assert!(output_matches(&shown, &["a", "b", "c", "d"]).is_ok());
    assert!(output_matches(&shown, &["a", "b", "c"]).is_err());
    assert!(
        output_matches(&shown[..1], &["a", "b"]).is_err(),
        "no implicit tail"
    );
    assert_eq!(strip_comment("accord docs   # the corpus"), "accord docs");
    assert_eq!(
        strip_comment("accord trace '#1 thing' # x"),
        "accord trace '#1 thing'"
    );
}
