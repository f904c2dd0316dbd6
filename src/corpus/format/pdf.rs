//! PDF: text with positions from the extractor, then the layout clean-up
//! of [`layout`](super::layout).
//!
//! The extractor is `pdf-extract` (over `lopdf`), read through its
//! `OutputDev` trait: every glyph arrives with its page, its text matrix
//! and font size, from which the position and size in points follow
//! (PDF 32000-1:2008, §9.4.4: the text rendering matrix). Glyphs are put
//! together into runs here; lines, paragraphs, running heads and footnotes
//! are the layout module's work.
//!
//! The extractor panics on some damaged files (seen on 4 of 62 damaged
//! PDFs in a measurement, in its CMap parser and on missing objects), so
//! each page is read under `catch_unwind`, with the panic message kept off
//! the terminal: a page that fails makes the file "damaged", one clear line,
//! never a crash.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::layout::{self, Laid, Span};
use super::FormatError;

/// The most pages read: 10,000 (the longest UN documents, whole yearbooks,
/// have about 1,500).
const MAX_PAGES: usize = 10_000;

/// Reads a PDF's text and lays it out as paragraphs.
///
/// # Errors
/// [`FormatError::Encrypted`] for a file that needs a password,
/// [`FormatError::NoTextLayer`] for pages with no text (a scan),
/// [`FormatError::Damaged`] for a file the extractor cannot read (or
/// panics on), [`FormatError::TooComplex`] past [`MAX_PAGES`].
pub fn read(bytes: &[u8]) -> Result<Laid, FormatError> {
    let doc = quietly(|| pdf_extract::Document::load_mem(bytes))
        .ok_or_else(|| FormatError::Damaged("the PDF structure cannot be read".into()))?
        .map_err(|e| {
            let m = e.to_string();
            let lower = m.to_lowercase();
            if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt")
            {
                FormatError::Encrypted
            } else {
                FormatError::Damaged(format!("the PDF structure cannot be read ({m})"))
            }
        })?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    // A file encrypted with a user password loads, but its pages cannot be
    // read (one with only an owner password is decrypted on loading).
    let encrypted = doc.is_encrypted();
    if encrypted && pages.is_empty() {
        return Err(FormatError::Encrypted);
    }
    if pages.is_empty() {
        return Err(FormatError::Damaged("the PDF has no pages".into()));
    }
    if pages.len() > MAX_PAGES {
        return Err(FormatError::TooComplex(format!(
            "has {} pages: accord reads PDFs of up to {MAX_PAGES} pages; split it",
            pages.len()
        )));
    }
    let mut glyphs = Glyphs::default();
    for (i, &p) in pages.iter().enumerate() {
        glyphs.page = i;
        match quietly(|| pdf_extract::output_doc_page(&doc, &mut glyphs, p)) {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                return Err(FormatError::Damaged(format!(
                    "page {} cannot be read ({e})",
                    i + 1
                )))
            }
            None => {
                return Err(FormatError::Damaged(format!(
                    "page {} cannot be read (the PDF reader failed on it)",
                    i + 1
                )))
            }
        }
        glyphs.flush();
    }
    if glyphs.spans.iter().all(|s| s.text.trim().is_empty()) {
        return Err(if encrypted {
            FormatError::Encrypted
        } else {
            FormatError::NoTextLayer { pages: pages.len() }
        });
    }
    Ok(layout::lay_out(glyphs.spans, pages.len()))
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into `None` without printing it. A panic
/// hook installed once stays silent while this thread is inside `f` and
/// defers to the previous hook otherwise.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.ok()
}

/// Collects glyphs into runs: consecutive glyphs of one size on one
/// baseline with no gap between them.
#[derive(Default)]
struct Glyphs {
    page: usize,
    height: f64,
    spans: Vec<Span>,
    run: Option<Span>,
}

impl Glyphs {
    fn flush(&mut self) {
        if let Some(r) = self.run.take() {
            self.spans.push(r);
        }
    }
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The rendered size: the font size scaled by the text matrix's
        // vertical axis; the advance by its horizontal one.
        let size = (font_size * (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt()) as f32;
        let advance = (width * font_size * (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt()) as f32;
        let x = trm.m31 as f32;
        let y = (self.height - trm.m32) as f32;
        if !(size.is_finite() && x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let text = layout::ligatures(text);
        if let Some(r) = &mut self.run {
            let same_line = (r.y - y).abs() < 0.1 * size.max(1.0) && (r.size - size).abs() < 0.1;
            let touching = x >= r.x_end - 0.5 * size && x - r.x_end < 0.1 * size;
            if same_line && touching {
                r.text.push_str(&text);
                r.x_end = x + advance;
                return Ok(());
            }
        }
        self.flush();
        self.run = Some(Span {
            page: self.page,
            x,
            x_end: x + advance,
            y,
            size,
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
