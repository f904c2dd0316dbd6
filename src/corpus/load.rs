//! Reading user documents: bytes to checked UTF-8 text, ids from file
//! stems, front matter, whole folders.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::date::date_from_text;
use super::format::{self, Changes, Format};
use super::meta::{cover_block, split_front_matter, symbol_id, valid_id, DateSource, DocMeta};
use super::{Corpus, CorpusError, Document, Origin};

/// The largest document accord reads: 256 MiB. The largest real UN
/// documents are a few MB; a generated corpus of 300,000 paragraphs is
/// 140 MB. Beyond it a file is refused before it is read, and a stream
/// after this many bytes, so that `/dev/zero` or an endless pipe given as
/// `-` ends with a message rather than with the memory.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// A document a user names on the command line: `FILE`, `ID=FILE` or `-`,
/// and for a Word file with tracked changes `FILE:original` (as before the
/// changes) or `FILE:accepted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSource {
    /// The id given with `ID=FILE`, if any.
    pub id: Option<String>,
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The reading of tracked changes asked for with `:original` or
    /// `:accepted`; `None` leaves it to `--changes`.
    pub changes: Option<Changes>,
}

impl DocSource {
    /// Parses the argument of `--doc` (or the draft of `review`).
    /// `ID=FILE` names the document; a plain path (even one containing
    /// `=`) is taken as a file when it exists.
    ///
    /// # Errors
    /// [`CorpusError::BadId`] for `ID=FILE` with an id that cannot be used
    /// in citations (`a:b=notes.md`), rather than looking for a file of
    /// that name.
    pub fn parse(arg: &str) -> Result<DocSource, CorpusError> {
        let mut source = DocSource::parse_plain(arg)?;
        if let Some(path) = &source.path {
            let text = path.to_string_lossy();
            if let (file, Some(changes)) = split_reading(&text) {
                source.path = Some(PathBuf::from(file));
                source.changes = Some(changes);
            }
        }
        Ok(source)
    }

    fn parse_plain(arg: &str) -> Result<DocSource, CorpusError> {
        if arg == "-" {
            return Ok(DocSource {
                id: None,
                path: None,
                changes: None,
            });
        }
        if let Some((id, path)) = arg.split_once('=') {
            if !Path::new(arg).exists() {
                if !valid_id(id) && !id.is_empty() && !id.contains(['/', '\\']) {
                    return Err(CorpusError::BadId(id.to_string()));
                }
                if valid_id(id) {
                    let path = (path != "-").then(|| PathBuf::from(path));
                    return Ok(DocSource {
                        id: Some(id.to_string()),
                        path,
                        changes: None,
                    });
                }
            }
        }
        Ok(DocSource {
            id: None,
            path: Some(PathBuf::from(arg)),
            changes: None,
        })
    }

    /// Reads and checks the document, Word files with tracked changes
    /// read as if the changes were accepted (unless the source says
    /// `:original`). `stdin` supplies the bytes for `-`.
    ///
    /// # Errors
    /// Any [`CorpusError`] of reading the file.
    pub fn load(&self, stdin: &mut dyn Read) -> Result<Document, CorpusError> {
        self.load_with(stdin, Changes::Accepted)
    }

    /// [`load`](Self::load), reading tracked changes as `changes` says
    /// unless the source itself says (`FILE:original`). A source with
    /// `:original` and no id gets the id of its file with `-original`
    /// (`draft.docx:original` is `draft-original`), so that both readings
    /// of one file can be loaded together.
    ///
    /// # Errors
    /// Any [`CorpusError`] of reading the file;
    /// [`CorpusError::NoTrackedChanges`] for `:original` on a file without
    /// tracked changes.
    pub fn load_with(
        &self,
        stdin: &mut dyn Read,
        changes: Changes,
    ) -> Result<Document, CorpusError> {
        let mut doc = self.load_reading(stdin, self.changes.unwrap_or(changes))?;
        if self.changes == Some(Changes::Original) {
            if doc.tracked_changes.is_none() {
                return Err(CorpusError::NoTrackedChanges(doc.origin.to_string()));
            }
            if self.id.is_none() {
                doc.meta.id = format!("{}-original", doc.meta.id);
            }
        }
        Ok(doc)
    }

    fn load_reading(
        &self,
        stdin: &mut dyn Read,
        changes: Changes,
    ) -> Result<Document, CorpusError> {
        match &self.path {
            None => {
                // At most one byte more than the limit: an endless stream
                // (`yes | accord review -`) is refused, not read until the
                // memory runs out.
                let mut bytes = Vec::new();
                stdin
                    .take(MAX_DOCUMENT_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|cause| CorpusError::Io {
                        name: "<stdin>".into(),
                        cause,
                    })?;
                if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
                    return Err(CorpusError::TooLarge("<stdin>".into()));
                }
                let id = self.id.clone().unwrap_or_else(|| "stdin".into());
                Document::read(&id, "<stdin>", &bytes, Origin::Stdin, changes)
            }
            Some(path) => {
                let bytes = read_file(path)?;
                // A file name with nothing a citation can use (`日本語.pdf`)
                // gives way to the document's own symbol, if it has one.
                let (id, from_name) = match &self.id {
                    Some(id) => (Ok(id.clone()), true),
                    None => match id_from_path(path) {
                        Ok(id) => (Ok(id), true),
                        Err(e) => (Err(e), false),
                    },
                };
                let mut doc = Document::read(
                    id.as_deref().unwrap_or("doc"),
                    &path.display().to_string(),
                    &bytes,
                    Origin::File(path.clone()),
                    changes,
                )?;
                if !from_name && doc.meta.id == "doc" {
                    match doc.meta.symbol.as_deref().map(symbol_id) {
                        Some(sid) if valid_id(&sid) => doc.meta.id = sid,
                        _ => return Err(id.unwrap_err()),
                    }
                }
                if let Some(id) = &self.id {
                    // An id given on the command line wins over front matter.
                    doc.meta.id = id.clone();
                }
                Ok(doc)
            }
        }
    }
}

/// Splits a reading of tracked changes off a file argument:
/// `draft.docx:original` is (`draft.docx`, original) when no file is named
/// `draft.docx:original` and `draft.docx` exists; anything else is itself,
/// with no reading.
pub fn split_reading(arg: &str) -> (&str, Option<Changes>) {
    for (suffix, changes) in [
        (":original", Changes::Original),
        (":accepted", Changes::Accepted),
    ] {
        if let Some(file) = arg.strip_suffix(suffix) {
            if !Path::new(arg).exists() && Path::new(file).exists() {
                return (file, Some(changes));
            }
        }
    }
    (arg, None)
}

fn read_file(path: &Path) -> Result<Vec<u8>, CorpusError> {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CorpusError::Missing(path.to_path_buf()))
        }
        Err(cause) => return Err(CorpusError::Io { name, cause }),
        Ok(m) if m.is_dir() => return Err(CorpusError::IsDirectory(path.to_path_buf())),
        // A FIFO with no writer would block forever, a device may never
        // end: only regular files are read by name (`-` reads a stream).
        Ok(m) if !m.is_file() => return Err(CorpusError::NotAFile(path.to_path_buf())),
        Ok(m) if m.len() > MAX_DOCUMENT_BYTES => return Err(CorpusError::TooLarge(name)),
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|cause| CorpusError::Io { name, cause })
}

/// A document id from a file stem: lower-cased, with characters that cannot
/// appear in a citation replaced by `-`.
fn id_from_path(path: &Path) -> Result<String, CorpusError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    // One `-` for each run of characters a citation cannot use:
    // `Draft resolution (rev 2)` is `draft-resolution-rev-2`.
    let mut squeezed = String::with_capacity(id.len());
    for c in id.chars() {
        if !(c == '-' && squeezed.ends_with('-')) {
            squeezed.push(c);
        }
    }
    let id = squeezed
        .trim_matches(|c| c == '-' || c == '.' || c == '_')
        .to_string();
    if valid_id(&id) {
        Ok(id)
    } else {
        Err(CorpusError::NoIdFromName(path.to_path_buf()))
    }
}

/// Checks that `bytes` are a text document and returns them as a `String`
/// with any UTF-8 byte-order mark removed and CRLF / CR line endings turned
/// into `\n`. `name` is used in error messages.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, CorpusError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(CorpusError::Binary {
            name: name.into(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        CorpusError::InvalidUtf8 {
            name: name.into(),
            offset,
            byte: bytes[offset],
        }
    })?;
    if text.trim().is_empty() {
        return Err(CorpusError::Empty(name.into()));
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

impl Document {
    /// Builds a document from raw bytes: checks the encoding, reads the
    /// front matter, and uses `default_id` when the front matter names none.
    /// Word and PDF files are recognised by their content and converted;
    /// tracked changes are read as accepted.
    ///
    /// # Errors
    /// [`CorpusError`] for bytes that are not a document accord reads.
    pub fn from_bytes(
        default_id: &str,
        name: &str,
        bytes: &[u8],
        origin: Origin,
    ) -> Result<Document, CorpusError> {
        Document::read(default_id, name, bytes, origin, Changes::Accepted)
    }

    /// [`from_bytes`](Self::from_bytes), with tracked changes of a Word
    /// file read as `changes` says.
    ///
    /// # Errors
    /// [`CorpusError::Format`] for a Word or PDF file that cannot be read
    /// (damaged, encrypted, a scan, an old `.doc`), and the errors of
    /// [`decode_text`] and [`Document::from_text`].
    pub fn read(
        default_id: &str,
        name: &str,
        bytes: &[u8],
        origin: Origin,
        changes: Changes,
    ) -> Result<Document, CorpusError> {
        match format::convert(bytes, changes) {
            None => {
                let text = decode_text(name, bytes)?;
                Document::from_text(default_id, name, &text, origin)
            }
            Some(Err(problem)) => Err(CorpusError::Format {
                name: name.to_string(),
                problem,
            }),
            Some(Ok(c)) => {
                if c.text.trim().is_empty() {
                    return Err(CorpusError::Empty(name.into()));
                }
                // The cover block is read once, with the furniture in
                // place: a running head's symbol comes first.
                let mut doc = Document::from_text_alone(default_id, name, &c.text, origin)?;
                doc.format = c.format;
                doc.furniture = c.furniture;
                doc.tracked_changes = c.tracked_changes.then_some(changes);
                doc.read_cover();
                Ok(doc)
            }
        }
    }

    /// Reads the symbol, distribution and original language from the page
    /// furniture and the first lines of the body, where front matter has
    /// not given them.
    fn read_cover(&mut self) {
        let cover = cover_block(
            self.furniture
                .iter()
                .map(String::as_str)
                .chain(self.body.lines().filter(|l| !l.trim().is_empty()).take(40)),
        );
        if self.meta.symbol.is_none() {
            self.meta.symbol = cover.symbol;
        }
        if self.meta.distribution.is_none() {
            self.meta.distribution = cover.distribution;
        }
        if self.meta.original.is_none() {
            self.meta.original = cover.original;
        }
    }

    /// Builds a document from text already decoded (see [`decode_text`]).
    /// Without a `date:` in the front matter, the date is taken from a date
    /// line near the top of the text ([`date_from_text`]); without a
    /// `year:`, the year is the date's.
    pub fn from_text(
        default_id: &str,
        name: &str,
        text: &str,
        origin: Origin,
    ) -> Result<Document, CorpusError> {
        let mut doc = Document::from_text_alone(default_id, name, text, origin)?;
        doc.read_cover();
        Ok(doc)
    }

    /// [`from_text`](Self::from_text) without reading the cover block.
    fn from_text_alone(
        default_id: &str,
        name: &str,
        text: &str,
        origin: Origin,
    ) -> Result<Document, CorpusError> {
        if !valid_id(default_id) {
            return Err(CorpusError::BadId(default_id.into()));
        }
        let mut meta = DocMeta::new(default_id);
        let body = split_front_matter(name, text, &mut meta)?;
        if body.trim().is_empty() {
            return Err(CorpusError::Empty(name.into()));
        }
        if meta.date.is_none() {
            meta.date = date_from_text(body);
            meta.date_source = meta.date.is_some().then_some(DateSource::Text);
        }
        if meta.year.is_none() {
            meta.year = meta.date_year();
        }
        // The body is a suffix of the text: the lines before it are the
        // front matter's.
        let front = text.len() - body.len();
        let body_line = 1 + text.as_bytes()[..front]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Ok(Document {
            meta,
            body: body.to_string(),
            body_line,
            origin,
            format: Format::Text,
            furniture: Vec::new(),
            tracked_changes: None,
        })
    }
}

/// The file extensions `--corpus` reads in a folder. `.doc` is there to be
/// refused by name (an old binary Word file) rather than skipped unseen.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "docx", "pdf", "doc"];

impl Corpus {
    /// Loads every `.txt`, `.md`, `.docx` and `.pdf` file directly inside
    /// `dir` (and `.doc` files, to refuse them by name rather than skip
    /// them), in file-name order, and adds them; tracked changes read as
    /// accepted.
    ///
    /// # Errors
    /// The first [`CorpusError`] of reading the folder or one of its files.
    pub fn add_dir(&mut self, dir: &Path) -> Result<usize, CorpusError> {
        self.add_dir_with(dir, Changes::Accepted)
    }

    /// [`add_dir`](Self::add_dir), with tracked changes read as `changes`
    /// says.
    ///
    /// # Errors
    /// As [`add_dir`](Self::add_dir).
    pub fn add_dir_with(&mut self, dir: &Path, changes: Changes) -> Result<usize, CorpusError> {
        let name = dir.display().to_string();
        match std::fs::metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CorpusError::Missing(dir.to_path_buf()))
            }
            Err(cause) => return Err(CorpusError::Io { name, cause }),
            Ok(m) if !m.is_dir() => return Err(CorpusError::NotADirectory(dir.to_path_buf())),
            Ok(_) => {}
        }
        let entries = std::fs::read_dir(dir).map_err(|cause| CorpusError::Io {
            name: name.clone(),
            cause,
        })?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|cause| CorpusError::Io {
                name: name.clone(),
                cause,
            })?;
            let path = entry.path();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            // Hidden files (`.notes.md`, macOS's `._draft.md`) are not
            // documents of the folder.
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden && path.is_file() && DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
                paths.push(path);
            }
        }
        paths.sort();
        let n = paths.len();
        let mut from_here: Vec<String> = Vec::new();
        for path in paths {
            let mut doc = DocSource {
                id: None,
                path: Some(path.clone()),
                changes: None,
            }
            .load_with(&mut std::io::empty(), changes)?;
            // The PDF and the Word file of one document, downloaded side by
            // side (`res.docx`, `res.pdf`), are told apart by their
            // extension: `res` and `res-pdf`.
            if from_here.contains(&doc.meta.id) {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                doc.meta.id = format!("{}-{ext}", doc.meta.id);
            }
            from_here.push(doc.meta.id.clone());
            self.add(doc)?;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_source_forms() {
        assert_eq!(
            DocSource::parse("-").unwrap(),
            DocSource {
                id: None,
                path: None,
                changes: None
            }
        );
        assert_eq!(
            DocSource::parse("draft=my file.md").unwrap(),
            DocSource {
                id: Some("draft".into()),
                path: Some("my file.md".into()),
                changes: None
            }
        );
        assert_eq!(
            DocSource::parse("notes.md").unwrap(),
            DocSource {
                id: None,
                path: Some("notes.md".into()),
                changes: None
            }
        );
        assert_eq!(
            DocSource::parse("d=-").unwrap(),
            DocSource {
                id: Some("d".into()),
                path: None,
                changes: None
            }
        );
        // An id that cannot be cited is named as such, not looked up as a
        // file called "a:b=notes.md".
        let e = DocSource::parse("a:b=notes.md").unwrap_err();
        assert!(e.to_string().contains("invalid document id 'a:b'"), "{e}");
        // A path with '=' in a folder name stays a path.
        assert_eq!(
            DocSource::parse("../x=y/notes.md").unwrap().path,
            Some("../x=y/notes.md".into())
        );
    }

    #[test]
    fn decode_accepts_bom_and_crlf() {
        let t = decode_text("x", b"\xEF\xBB\xBF1. One.\r\n2. Two.\r\n").unwrap();
        assert_eq!(t, "1. One.\n2. Two.\n");
    }

    #[test]
    fn decode_names_the_bad_byte() {
        let e = decode_text("x.txt", b"1. Caf\xE9 au lait.").unwrap_err();
        assert_eq!(
            e.to_string(),
            "'x.txt' is not valid UTF-8 (byte 0xE9 at offset 6): re-save it as UTF-8"
        );
        let e = decode_text("x.bin", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert!(e
            .to_string()
            .contains("looks binary (NUL byte at offset 8)"));
        let e = decode_text("x.txt", b" \n\n ").unwrap_err();
        assert!(e.to_string().contains("is empty"));
    }

    #[test]
    fn the_date_comes_from_the_text_when_front_matter_has_none() {
        let header = "Distr.: General\n17 February 2021\n\nOriginal: English\n\n1. Text.\n";
        let d = Document::from_text("d", "d.txt", header, Origin::Stdin).unwrap();
        assert_eq!(d.meta.date.as_deref(), Some("2021-02-17"));
        assert_eq!(d.meta.date_source, Some(DateSource::Text));
        assert_eq!(d.meta.year, Some(2021));
        // The body keeps its date line: only the metadata is filled in.
        assert_eq!(d.body, header);

        // A year in the front matter stays; the date still comes from the text.
        let text = format!("---\nyear: 2020\n---\n{header}");
        let d = Document::from_text("d", "d.md", &text, Origin::Stdin).unwrap();
        assert_eq!(d.meta.year, Some(2020));
        assert_eq!(d.meta.date.as_deref(), Some("2021-02-17"));

        // A date in the front matter wins.
        let text = format!("---\ndate: 2021-03-01\n---\n{header}");
        let d = Document::from_text("d", "d.md", &text, Origin::Stdin).unwrap();
        assert_eq!(d.meta.date.as_deref(), Some("2021-03-01"));
        assert_eq!(d.meta.date_source, Some(DateSource::FrontMatter));

        // No date line: no date, no year.
        let d = Document::from_text(
            "d",
            "d.txt",
            "1. Held on 17 February 2021.\n",
            Origin::Stdin,
        )
        .unwrap();
        assert_eq!(
            (d.meta.date, d.meta.date_source, d.meta.year),
            (None, None, None)
        );
    }

    #[test]
    fn ids_from_stems() {
        assert_eq!(
            id_from_path(Path::new("/a/My Draft v2.md")).unwrap(),
            "my-draft-v2"
        );
        assert_eq!(id_from_path(Path::new("x/draft.txt")).unwrap(), "draft");
        assert_eq!(
            id_from_path(Path::new("Draft resolution (rev 2).docx")).unwrap(),
            "draft-resolution-rev-2"
        );
    }
}
