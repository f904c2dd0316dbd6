//! Colour and layout helpers for the terminal renderers. Colour is applied
//! only when the resolved configuration asks for it.

use owo_colors::OwoColorize;

/// Styles for text output, on or off as a whole.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Emit ANSI codes.
    pub color: bool,
}

impl Style {
    /// A citation or other identifier.
    pub fn id(&self, s: &str) -> String {
        if self.color {
            s.cyan().bold().to_string()
        } else {
            s.to_string()
        }
    }

    /// Secondary information: heading paths, counts.
    pub fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    }

    /// The words a search matched: bold and underlined in colour, else
    /// between « and ».
    pub fn emphasis(&self, s: &str) -> String {
        if self.color {
            s.bold().underline().to_string()
        } else {
            format!("«{s}»")
        }
    }

    /// A heading.
    pub fn heading(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    }
}

/// Wraps `text` to `width` columns with the given indents (by display width).
pub fn wrap(text: &str, width: usize, first_indent: &str, rest_indent: &str) -> String {
    let opts = textwrap::Options::new(width.max(20))
        .initial_indent(first_indent)
        .subsequent_indent(rest_indent)
        .break_words(false);
    textwrap::fill(text, opts)
}
