//! Document formats: plain text and Markdown, Word (.docx) and PDF, told
//! apart by their content (the first bytes), never by the file name alone.
//!
//! Word and PDF files are turned into the text the parser reads (one
//! paragraph per line, numbering written out, headings as `#` lines,
//! footnotes as `<sup>N</sup>`), so that one parser reads every kind of
//! document for every command. What a format carries outside its body
//! (page headers and footers, running heads) is returned apart as page
//! furniture: never part of a unit, but listed among the set-aside lines
//! and read for the document's symbol.

pub(crate) mod docx;
pub(crate) mod layout;
pub(crate) mod pdf;
pub(crate) mod xml;

use serde::Serialize;

/// The kinds of file accord reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// UTF-8 text or Markdown.
    #[default]
    Text,
    /// A Word file (.docx, Office Open XML).
    Docx,
    /// A PDF file with a text layer.
    Pdf,
}

impl Format {
    /// The name shown to users (`text`, `docx`, `pdf`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// Which text of a Word file with tracked changes is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Changes {
    /// As if every tracked change were accepted (what the draft now says).
    #[default]
    Accepted,
    /// As before the tracked changes (what the draft said).
    Original,
}

impl Changes {
    /// The spelling on the command line (`accepted`, `original`).
    pub fn as_str(self) -> &'static str {
        match self {
            Changes::Accepted => "accepted",
            Changes::Original => "original",
        }
    }
}

/// Why a Word or PDF file cannot be read. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// An old binary Word file, or an Office file with a password (both
    /// are OLE compound files).
    #[error("is an old binary Word file (.doc) or a password-protected Office file: save it as .docx (without a password) or PDF")]
    OldWord,
    /// A zip archive without a Word document in it.
    #[error("is not a Word document: it is {0}")]
    NotWord(String),
    /// A Word or PDF file that cannot be read.
    #[error(
        "is damaged: {0}; open it and save it again (or export it as text), then give the new file"
    )]
    Damaged(String),
    /// A PDF that needs a password.
    #[error("is an encrypted PDF: save an unencrypted copy (for example `qpdf --decrypt IN OUT`) and give that")]
    Encrypted,
    /// A PDF with pages but no text on them (a scan).
    #[error("has no text layer (no text on any of its {pages} page(s): a scan?): run OCR first (for example `ocrmypdf IN OUT`)")]
    NoTextLayer {
        /// Pages in the file.
        pages: usize,
    },
    /// A file that needs more work to read than accord allows.
    #[error("{0}")]
    TooComplex(String),
}

/// What a file holds, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// No known signature: read as text (and refused if it is not UTF-8).
    Text,
    /// A zip archive (`PK\x03\x04`): a Word file or another archive.
    Zip,
    /// `%PDF-` within the first 1,024 bytes (as PDF readers accept it).
    Pdf,
    /// An OLE compound file (`D0 CF 11 E0`): a `.doc`, or an encrypted
    /// Office file.
    Ole,
}

/// Tells what `bytes` hold from their signature.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Sniffed::Ole
    } else if is_pdf(bytes) {
        Sniffed::Pdf
    } else {
        Sniffed::Text
    }
}

/// `%PDF-` at the start (after white space), or within the first 1,024
/// bytes after bytes that are not text (as PDF readers accept a file with
/// junk before its header). A text file that mentions `%PDF-` is still text.
fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let Some(at) = head.windows(5).position(|w| w == b"%PDF-") else {
        return false;
    };
    let before = &head[..at];
    before.iter().all(|b| b.is_ascii_whitespace())
        || before.iter().any(|&b| b < 0x09)
        || std::str::from_utf8(before).is_err()
}

/// A Word or PDF file turned into text for the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Which format it was.
    pub format: Format,
    /// The body, as lines the parser reads.
    pub text: String,
    /// Page furniture taken out of the body (headers, footers, running
    /// heads, page numbers), one line each, in order of first appearance.
    pub furniture: Vec<String>,
    /// A Word file with tracked changes.
    pub tracked_changes: bool,
}

/// Converts a Word or PDF file to text; `None` for text files (which are
/// read as they are).
///
/// # Errors
/// [`FormatError`], naming what is wrong and what to do.
pub fn convert(bytes: &[u8], changes: Changes) -> Option<Result<Converted, FormatError>> {
    match sniff(bytes) {
        Sniffed::Text => None,
        Sniffed::Ole => Some(Err(FormatError::OldWord)),
        Sniffed::Zip => Some(docx::read(bytes, changes).map(|w| Converted {
            format: Format::Docx,
            text: w.text,
            furniture: w.furniture,
            tracked_changes: w.tracked_changes,
        })),
        Sniffed::Pdf => Some(pdf::read(bytes).map(|p| Converted {
            format: Format::Pdf,
            text: p.text,
            furniture: p.furniture,
            tracked_changes: false,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"\n\n%PDF-1.4"), Sniffed::Pdf);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Sniffed::Ole
        );
        assert_eq!(sniff(b"1. Text about PK and %PDF later"), Sniffed::Text);
        assert_eq!(sniff(b"A note: files start with %PDF-1.7."), Sniffed::Text);
        assert_eq!(sniff(b"\x00\x01junk%PDF-1.4"), Sniffed::Pdf);
        assert_eq!(sniff(b""), Sniffed::Text);
        assert!(matches!(
            convert(
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
                Changes::Accepted
            ),
            Some(Err(FormatError::OldWord))
        ));
        assert!(convert(b"1. Plain.", Changes::Accepted).is_none());
    }
}
