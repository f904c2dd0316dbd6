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

    /// A heading wrapped to `width` columns, later lines indented by 2.
    pub fn heading_fit(&self, s: &str, width: usize) -> String {
        self.heading(&wrap(s, width, "", "  "))
    }
}

/// How a text renderer lays out its output: every renderer in
/// [`report`](super) takes one, and the command line builds it from
/// `--color`, `NO_COLOR`, the terminal and `COLUMNS` (renderers know
/// nothing of those).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Columns a line may take, by display width (East Asian wide
    /// characters count two). Renderers wrap to it; below about 40 a few
    /// layouts cannot shrink further (a word longer than a column).
    pub width: usize,
    /// Whether to write ANSI colour and style codes (SGR). Without them,
    /// every meaning colour carries is also in the text (`[-…-]`, `{+…+}`).
    pub color: bool,
}

impl Default for RenderOptions {
    /// 80 columns, no colour: what a pipe or a file gets.
    fn default() -> Self {
        RenderOptions {
            width: 80,
            color: false,
        }
    }
}

/// Wraps `text` to `width` columns with the given indents (by display width).
pub fn wrap(text: &str, width: usize, first_indent: &str, rest_indent: &str) -> String {
    // Never at a hyphen: `--include-procedural` and `congress2021-item4`
    // must survive a copy from the terminal.
    let opts = textwrap::Options::new(width.max(20))
        .initial_indent(first_indent)
        .subsequent_indent(rest_indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, opts)
}

/// `text` cut to at most `cols` display columns (East Asian wide
/// characters count two), with `…` when something was cut. The cut falls
/// after the last whole word that fits, so a reader never sees half a
/// word (only a first word longer than the room is cut inside); trailing
/// spaces and commas, semicolons and colons go before the `…`. Unchanged
/// when it fits.
pub fn shorten(text: &str, cols: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= cols {
        return text.to_string();
    }
    // Room for the ellipsis (one column).
    let room = cols.saturating_sub(1);
    let mut kept = String::new();
    let mut width = 0;
    // The length of `kept` at the last whitespace, and the width there.
    let mut last_space: Option<(usize, usize)> = None;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w > room {
            if c.is_whitespace() {
                // The cut falls between two words.
                last_space = None;
            }
            break;
        }
        if c.is_whitespace() {
            last_space = Some((kept.len(), width));
        }
        kept.push(c);
        width += w;
    }
    if let Some((at, w)) = last_space {
        if w > 0 {
            kept.truncate(at);
        }
    }
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn shorten_cuts_after_a_whole_word_within_the_columns() {
        let rec = "Establish a specialized global programme within the United Nations framework";
        let s = shorten(rec, 50);
        assert_eq!(s, "Establish a specialized global programme within…");
        assert!(s.width() <= 50);
        // Fits: unchanged, no ellipsis.
        assert_eq!(shorten("Short text.", 50), "Short text.");
        // One long word: cut inside it, as there is no other way.
        assert_eq!(shorten("abcdefghijklmnop", 8), "abcdefg…");
        // A narrow room: still after a whole word.
        assert_eq!(
            shorten(
                "Leverage the transformative potential of digital technologies",
                26
            ),
            "Leverage the…"
        );
        // Wide characters count two columns.
        let s = shorten("犯罪预防 和 刑事司法 的 国际合作", 12);
        assert!(s.width() <= 12, "{s}");
        assert!(s.ends_with('…'));
        // Punctuation before the cut goes.
        assert_eq!(
            shorten("Promote access, equity; and more words here", 24),
            "Promote access, equity…"
        );
        assert_eq!(shorten("x", 0), "…");
    }

    #[test]
    fn wrapping_never_breaks_an_option_or_an_id_at_its_hyphen() {
        let text = "28 procedural units set apart (--include-procedural aligns them) in congress2021-item4";
        for width in 20..60 {
            let w = wrap(text, width, "", "");
            assert!(w.contains("--include-procedural"), "{width}: {w}");
            assert!(w.contains("congress2021-item4"), "{width}: {w}");
        }
    }
}
