//! The one place that reads the environment: is stdout a terminal,
//! `NO_COLOR`, `CLICOLOR_FORCE`, `COLUMNS`, and the clock (a memo's
//! default date). Everything below the CLI gets the resolved [`Config`]
//! (or the date) instead.

use std::io::IsTerminal;

use super::args::ColorChoice;

/// What the environment says, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// stdout is a terminal.
    pub stdout_tty: bool,
    /// stderr is a terminal.
    pub stderr_tty: bool,
    /// `NO_COLOR`.
    pub no_color: Option<String>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<String>,
    /// `COLUMNS`.
    pub columns: Option<String>,
    /// Width of the terminal on stdout, if it is one.
    pub terminal_width: Option<usize>,
}

impl Env {
    /// Reads the real environment.
    pub fn read() -> Env {
        let stdout_tty = std::io::stdout().is_terminal();
        Env {
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
            no_color: std::env::var("NO_COLOR").ok(),
            clicolor_force: std::env::var("CLICOLOR_FORCE").ok(),
            columns: std::env::var("COLUMNS").ok(),
            terminal_width: if stdout_tty {
                terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
            } else {
                None
            },
        }
    }
}

/// Settings every renderer receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Emit ANSI colour codes.
    pub color: bool,
    /// Columns to fit text into.
    pub width: usize,
    /// Show progress bars on stderr.
    pub progress: bool,
    /// stdout is a terminal (binary output is refused there).
    pub stdout_tty: bool,
}

impl Config {
    /// What the renderers need of it: the width and whether to colour.
    pub fn render(&self) -> crate::report::style::RenderOptions {
        crate::report::style::RenderOptions {
            width: self.width,
            color: self.color,
        }
    }
}

/// Decides colour and width by the usual conventions: `--color always` and
/// `never` win; under `auto`, a non-empty `CLICOLOR_FORCE` (other than `0`)
/// forces colour, a non-empty `NO_COLOR` turns it off, and otherwise colour
/// follows whether stdout is a terminal. Width is the terminal's, else
/// `COLUMNS`, else 80.
pub fn resolve(choice: ColorChoice, env: &Env) -> Config {
    let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0") {
                true
            } else if set(&env.no_color) {
                false
            } else {
                env.stdout_tty
            }
        }
    };
    let width = env
        .terminal_width
        .or_else(|| env.columns.as_deref().and_then(|c| c.trim().parse().ok()))
        .filter(|&w| w >= 20)
        .unwrap_or(80);
    Config {
        color,
        width,
        progress: env.stderr_tty,
        stdout_tty: env.stdout_tty,
    }
}

/// Today's date in UTC, from the system clock: the default date of a memo.
pub fn today_utc() -> crate::report::written::MemoDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    crate::report::written::MemoDate::from_unix_days(secs.div_euclid(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(tty: bool) -> Env {
        Env {
            stdout_tty: tty,
            ..Env::default()
        }
    }

    #[test]
    fn colour_conventions() {
        assert!(resolve(ColorChoice::Auto, &env(true)).color);
        assert!(!resolve(ColorChoice::Auto, &env(false)).color);
        let no_color = Env {
            no_color: Some("1".into()),
            ..env(true)
        };
        assert!(!resolve(ColorChoice::Auto, &no_color).color);
        assert!(resolve(ColorChoice::Always, &no_color).color);
        let empty_no_color = Env {
            no_color: Some(String::new()),
            ..env(true)
        };
        assert!(resolve(ColorChoice::Auto, &empty_no_color).color);
        let forced = Env {
            clicolor_force: Some("1".into()),
            ..env(false)
        };
        assert!(resolve(ColorChoice::Auto, &forced).color);
        assert!(!resolve(ColorChoice::Never, &forced).color);
        let zero = Env {
            clicolor_force: Some("0".into()),
            ..env(false)
        };
        assert!(!resolve(ColorChoice::Auto, &zero).color);
    }

    #[test]
    fn width_sources() {
        assert_eq!(resolve(ColorChoice::Auto, &env(false)).width, 80);
        let cols = Env {
            columns: Some("120".into()),
            ..env(false)
        };
        assert_eq!(resolve(ColorChoice::Auto, &cols).width, 120);
        let term = Env {
            terminal_width: Some(100),
            ..cols
        };
        assert_eq!(resolve(ColorChoice::Auto, &term).width, 100);
    }
}
