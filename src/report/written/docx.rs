//! Word pieces shared by the memo and the written review: the builder of
//! `word/document.xml` ([`Body`]) and the `.docx` package around it
//! ([`package`]).
//!
//! Every redline is a genuine tracked change: deleted words are a
//! `w:del` revision (their text in `w:delText`), inserted words a `w:ins`
//! revision, each by author [`AUTHOR`] and dated with the report's date,
//! so a drafter can accept or reject each change in Word or LibreOffice.
//! Headings use Word's built-in Heading 1-3 styles, so the navigation
//! pane lists them.
//!
//! The package is written with `zip` and every XML part with `quick-xml`,
//! which escapes all text. The bytes depend only on the content and the
//! date: every zip entry carries the date at midnight, and the document
//! properties the same date.

use std::borrow::Cow;
use std::io::{self, Cursor, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{DocInfo, MemoDate};
use crate::diff::{Edit, Op};

/// The author of every tracked change.
pub const AUTHOR: &str = "accord";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Characters XML 1.0 cannot hold (control characters other than tab and
/// line breaks, U+FFFE, U+FFFF), and DEL and the C1 controls, are shown
/// escaped as text ([`crate::report::escape::xml`]: ESC becomes `\x1b`).
fn xml_safe(s: &str) -> Cow<'_, str> {
    crate::report::escape::xml(s)
}

/// How a run looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Colour as six hex digits (`6B2A8A`), or the style's.
    pub color: Option<&'static str>,
}

/// The paragraph style's own look.
pub const PLAIN: Look = Look {
    bold: false,
    italic: false,
    color: None,
};
/// Bold: labels.
pub const BOLD: Look = Look {
    bold: true,
    italic: false,
    color: None,
};
/// Italic: notes.
pub const ITALIC: Look = Look {
    bold: false,
    italic: true,
    color: None,
};
/// Bold purple: changes of drafting strength.
pub const STRENGTH: Look = Look {
    bold: true,
    italic: false,
    color: Some("6B2A8A"),
};

/// Whether a run is ordinary text or inside a deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Deleted,
}

/// `word/document.xml` under construction: paragraphs in the package's
/// styles (`Title`, `Heading1`-`Heading3`, `Meta`, `Entry`, `Redline`, or
/// none for Normal), tracked changes, a table of counts. Every text goes
/// through `quick-xml`, which escapes it.
pub struct Body {
    w: Writer<Vec<u8>>,
    next_revision: u32,
    date: String,
}

impl Body {
    /// An empty document whose tracked changes are dated `date`.
    pub fn new(date: MemoDate) -> io::Result<Body> {
        let date = date.w3c();
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))?;
        let mut b = Body {
            w,
            next_revision: 1,
            date,
        };
        b.start(
            "w:document",
            &[
                ("xmlns:w", W_NS),
                (
                    "xmlns:r",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                ),
            ],
        )?;
        b.start("w:body", &[])?;
        Ok(b)
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.w.write_event(Event::Start(e))
    }

    fn end(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut e = BytesStart::new(name);
        for a in attrs {
            e.push_attribute(*a);
        }
        self.w.write_event(Event::Empty(e))
    }

    fn text_element(&mut self, name: &str, text: &str) -> io::Result<()> {
        self.start(name, &[("xml:space", "preserve")])?;
        self.w
            .write_event(Event::Text(BytesText::new(&xml_safe(text))))?;
        self.end(name)
    }

    /// One run: text split at line breaks (`w:br`) and tabs (`w:tab`);
    /// deleted text goes in `w:delText`, as Word requires.
    fn run(&mut self, text: &str, look: Look, kind: Kind) -> io::Result<()> {
        let text = xml_safe(text);
        if text.is_empty() {
            return Ok(());
        }
        self.start("w:r", &[])?;
        if look.bold || look.italic || look.color.is_some() {
            self.start("w:rPr", &[])?;
            if look.bold {
                self.empty("w:b", &[])?;
            }
            if look.italic {
                self.empty("w:i", &[])?;
            }
            if let Some(c) = look.color {
                self.empty("w:color", &[("w:val", c)])?;
            }
            self.end("w:rPr")?;
        }
        let tag = match kind {
            Kind::Text => "w:t",
            Kind::Deleted => "w:delText",
        };
        let mut piece = String::new();
        for c in text.chars() {
            match c {
                '\n' | '\t' => {
                    if !piece.is_empty() {
                        self.text_element(tag, &piece)?;
                        piece.clear();
                    }
                    self.empty(if c == '\n' { "w:br" } else { "w:tab" }, &[])?;
                }
                '\r' => {}
                c => piece.push(c),
            }
        }
        if !piece.is_empty() {
            self.text_element(tag, &piece)?;
        }
        self.end("w:r")
    }

    /// A tracked change: `w:ins` or `w:del` by [`AUTHOR`] at the report's date.
    fn revision(&mut self, op: Op, text: &str, look: Look) -> io::Result<()> {
        let id = self.next_revision.to_string();
        self.next_revision += 1;
        let date = self.date.clone();
        let (tag, kind) = match op {
            Op::Delete => ("w:del", Kind::Deleted),
            _ => ("w:ins", Kind::Text),
        };
        self.start(
            tag,
            &[("w:id", &id), ("w:author", AUTHOR), ("w:date", &date)],
        )?;
        self.run(text, look, kind)?;
        self.end(tag)
    }

    fn open_para(&mut self, style: Option<&str>) -> io::Result<()> {
        self.start("w:p", &[])?;
        if let Some(s) = style {
            self.start("w:pPr", &[])?;
            self.empty("w:pStyle", &[("w:val", s)])?;
            self.end("w:pPr")?;
        }
        Ok(())
    }

    /// A paragraph of one plain run.
    pub fn para(&mut self, style: Option<&str>, text: &str) -> io::Result<()> {
        self.open_para(style)?;
        self.run(text, PLAIN, Kind::Text)?;
        self.end("w:p")
    }

    /// A paragraph of runs, each with its look.
    pub fn para_runs(&mut self, style: Option<&str>, runs: &[(&str, Look)]) -> io::Result<()> {
        self.open_para(style)?;
        for (t, look) in runs {
            self.run(t, *look, Kind::Text)?;
        }
        self.end("w:p")
    }

    /// A list entry naming a document: its id in bold, then
    /// [`DocInfo::line`].
    pub fn doc_entry(&mut self, d: &DocInfo) -> io::Result<()> {
        let rest = format!(": {}", d.line());
        self.para_runs(Some("Entry"), &[(&d.id, BOLD), (&rest, PLAIN)])
    }

    /// A paragraph holding a redline: every change a tracked revision.
    pub fn redline(&mut self, edits: &[Edit]) -> io::Result<()> {
        self.open_para(Some("Redline"))?;
        for e in edits {
            match e.op {
                Op::Equal => self.run(&e.text, PLAIN, Kind::Text)?,
                op => self.revision(op, &e.text, PLAIN)?,
            }
        }
        self.end("w:p")
    }

    /// A paragraph whose whole text is one tracked change.
    pub fn whole(&mut self, op: Op, text: &str) -> io::Result<()> {
        self.open_para(Some("Redline"))?;
        self.revision(op, text, PLAIN)?;
        self.end("w:p")
    }

    /// A two-column table of labels and numbers, with light rules.
    pub fn counts_table<S: std::fmt::Display>(&mut self, rows: &[(&str, S)]) -> io::Result<()> {
        self.start("w:tbl", &[])?;
        self.start("w:tblPr", &[])?;
        self.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")])?;
        self.start("w:tblBorders", &[])?;
        for side in ["w:top", "w:bottom", "w:insideH"] {
            self.empty(
                side,
                &[
                    ("w:val", "single"),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "BFBFBF"),
                ],
            )?;
        }
        self.end("w:tblBorders")?;
        self.end("w:tblPr")?;
        self.start("w:tblGrid", &[])?;
        self.empty("w:gridCol", &[("w:w", "4200")])?;
        self.empty("w:gridCol", &[("w:w", "1800")])?;
        self.end("w:tblGrid")?;
        for (label, n) in rows {
            self.start("w:tr", &[])?;
            for (i, (text, width)) in [(label.to_string(), "4200"), (n.to_string(), "1800")]
                .iter()
                .enumerate()
            {
                self.start("w:tc", &[])?;
                self.start("w:tcPr", &[])?;
                self.empty("w:tcW", &[("w:w", width), ("w:type", "dxa")])?;
                self.end("w:tcPr")?;
                self.start("w:p", &[])?;
                self.start("w:pPr", &[])?;
                self.empty("w:spacing", &[("w:after", "0")])?;
                if i == 1 {
                    self.empty("w:jc", &[("w:val", "right")])?;
                }
                self.end("w:pPr")?;
                self.run(text, PLAIN, Kind::Text)?;
                self.end("w:p")?;
                self.end("w:tc")?;
            }
            self.end("w:tr")?;
        }
        self.end("w:tbl")?;
        // Word wants a paragraph between a table and what follows.
        self.para(None, "")
    }

    /// Closes the document (A4 page, 2.5 cm margins) and returns its XML.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        self.start("w:sectPr", &[])?;
        self.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")])?;
        self.empty(
            "w:pgMar",
            &[
                ("w:top", "1418"),
                ("w:right", "1418"),
                ("w:bottom", "1418"),
                ("w:left", "1418"),
                ("w:header", "709"),
                ("w:footer", "709"),
                ("w:gutter", "0"),
            ],
        )?;
        self.end("w:sectPr")?;
        self.end("w:body")?;
        self.end("w:document")?;
        Ok(self.w.into_inner())
    }
}

/// A child element of a small XML part: name, attributes, text (none for
/// an empty element).
type Child<'a> = (&'a str, Vec<(&'a str, &'a str)>, Option<&'a str>);

/// One small XML part: a root element with attributes and children made
/// of (name, attributes, text) triples.
fn xml_part(root: &str, attrs: &[(&str, &str)], children: &[Child]) -> io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    let mut e = BytesStart::new(root);
    for a in attrs {
        e.push_attribute(*a);
    }
    w.write_event(Event::Start(e))?;
    for (name, attrs, text) in children {
        let mut e = BytesStart::new(*name);
        for a in attrs {
            e.push_attribute(*a);
        }
        match text {
            Some(t) => {
                w.write_event(Event::Start(e))?;
                w.write_event(Event::Text(BytesText::new(&xml_safe(t))))?;
                w.write_event(Event::End(BytesEnd::new(*name)))?;
            }
            None => w.write_event(Event::Empty(e))?,
        }
    }
    w.write_event(Event::End(BytesEnd::new(root)))?;
    Ok(w.into_inner())
}

const CT_RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn content_types() -> io::Result<Vec<u8>> {
    let over = |part: &'static str, ct: &'static str| {
        (
            "Override",
            vec![("PartName", part), ("ContentType", ct)],
            None,
        )
    };
    xml_part(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
        &[
            (
                "Default",
                vec![("Extension", "rels"), ("ContentType", CT_RELS)],
                None,
            ),
            (
                "Default",
                vec![("Extension", "xml"), ("ContentType", "application/xml")],
                None,
            ),
            over(
                "/word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ),
            over(
                "/word/styles.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            ),
            over(
                "/word/settings.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            ),
            over(
                "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml",
            ),
            over(
                "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
        ],
    )
}

fn relationships(rels: &[(&str, &str, &str)]) -> io::Result<Vec<u8>> {
    let children: Vec<_> = rels
        .iter()
        .map(|(id, ty, target)| {
            (
                "Relationship",
                vec![("Id", *id), ("Type", *ty), ("Target", *target)],
                None,
            )
        })
        .collect();
    xml_part("Relationships", &[("xmlns", REL_NS)], &children)
}

fn core_properties(p: &Properties) -> io::Result<Vec<u8>> {
    let date = p.date.w3c();
    let w3c = vec![("xsi:type", "dcterms:W3CDTF")];
    xml_part(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
        &[
            ("dc:title", vec![], Some(p.title)),
            ("dc:creator", vec![], Some(AUTHOR)),
            ("cp:lastModifiedBy", vec![], Some(AUTHOR)),
            ("dcterms:created", w3c.clone(), Some(&date)),
            ("dcterms:modified", w3c, Some(&date)),
        ],
    )
}

fn app_properties(p: &Properties) -> io::Result<Vec<u8>> {
    let app = format!("accord {}", p.version);
    xml_part(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
        &[("Application", vec![], Some(&app))],
    )
}

/// Styles: Normal, Title, the built-in Heading 1-3 (named `heading 1`...
/// so Word treats them as its own) and three of accord's: Meta (small
/// grey lines under a heading), Entry (list items), Redline (indented text).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Meta"><w:name w:val="Accord Meta"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="40"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Entry"><w:name w:val="Accord Entry"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Redline"><w:name w:val="Accord Redline"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="60" w:after="240"/><w:ind w:left="360"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
"#;

/// Settings: Word 2013+ compatibility, so Word does not open a report in
/// compatibility mode.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
"#;

/// What the package says of itself: the document properties.
#[derive(Debug, Clone, Copy)]
pub struct Properties<'a> {
    /// Title (`dc:title`).
    pub title: &'a str,
    /// Created and modified date, and the date of every zip entry.
    pub date: MemoDate,
    /// The accord version (the application that wrote it).
    pub version: &'a str,
}

/// The bytes of a .docx file holding `document` (from [`Body::finish`]),
/// with the shared styles and settings. The bytes depend only on the
/// arguments: every zip entry carries `props.date` at midnight (1980-01-01
/// when that date is outside the years a zip can hold).
pub fn package(props: &Properties, document: Vec<u8>) -> io::Result<Vec<u8>> {
    let d = props.date;
    let stamp = DateTime::from_date_and_time(d.year(), d.month(), d.day(), 0, 0, 0)
        .unwrap_or(DateTime::DEFAULT);
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", content_types()?),
        (
            "_rels/.rels",
            relationships(&[
                ("rId1", &format!("{REL_TYPE}/officeDocument"), "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                ("rId3", &format!("{REL_TYPE}/extended-properties"), "docProps/app.xml"),
            ])?,
        ),
        ("docProps/core.xml", core_properties(props)?),
        ("docProps/app.xml", app_properties(props)?),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES.as_bytes().to_vec()),
        ("word/settings.xml", SETTINGS.as_bytes().to_vec()),
        (
            "word/_rels/document.xml.rels",
            relationships(&[
                ("rId1", &format!("{REL_TYPE}/styles"), "styles.xml"),
                ("rId2", &format!("{REL_TYPE}/settings"), "settings.xml"),
            ])?,
        ),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(name, opts).map_err(io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// The text of a document as Word shows it after *accept all* and
/// after *reject all* of its tracked changes (for tests of the reports
/// built on [`Body`]).
#[cfg(test)]
pub(crate) fn accept_and_reject(xml: &str) -> (String, String) {
    use quick_xml::Reader;
    let mut r = Reader::from_str(xml);
    let (mut accepted, mut rejected) = (String::new(), String::new());
    let (mut in_ins, mut in_del, mut in_t, mut in_deltext) = (false, false, false, false);
    let mut push = |s: &str, in_ins: bool, in_del: bool, del_text: bool| {
        if !in_del && !del_text {
            accepted.push_str(s);
        }
        if !in_ins {
            rejected.push_str(s);
        }
    };
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                b"w:ins" => in_ins = true,
                b"w:del" => in_del = true,
                b"w:t" => in_t = true,
                b"w:delText" => in_deltext = true,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:ins" => in_ins = false,
                b"w:del" => in_del = false,
                b"w:t" => in_t = false,
                b"w:delText" => in_deltext = false,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:br" => push("\n", in_ins, in_del, false),
                b"w:tab" => push("\t", in_ins, in_del, false),
                _ => {}
            },
            Event::Text(e) if in_t || in_deltext => {
                push(&e.decode().unwrap(), in_ins, in_del, in_deltext)
            }
            Event::GeneralRef(e) if in_t || in_deltext => {
                let c = match e.decode().unwrap().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                };
                push(c, in_ins, in_del, in_deltext)
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (accepted, rejected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_words;

    fn body_of(f: impl FnOnce(&mut Body) -> io::Result<()>) -> String {
        let mut b = Body::new(MemoDate::parse("2025-06-30").unwrap()).unwrap();
        f(&mut b).unwrap();
        String::from_utf8(b.finish().unwrap()).unwrap()
    }

    #[test]
    fn redline_changes_are_tracked_revisions() {
        let edits = diff_words("Support UNODC, upon request", "Collaborate with UNODC");
        let xml = body_of(|b| b.redline(&edits));
        assert!(
            xml.contains(r#"<w:del w:id="1" w:author="accord" w:date="2025-06-30T00:00:00Z"><w:r><w:delText xml:space="preserve">Support</w:delText></w:r></w:del>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<w:ins w:id="2" w:author="accord" w:date="2025-06-30T00:00:00Z"><w:r><w:t xml:space="preserve">Collaborate with</w:t></w:r></w:ins>"#),
            "{xml}"
        );
        assert!(xml.contains("<w:delText xml:space=\"preserve\">, upon request</w:delText>"));
        // Deleted text never appears in w:t.
        assert!(!xml.contains("<w:t xml:space=\"preserve\">Support"));
    }

    #[test]
    fn text_is_escaped_and_control_characters_shown_escaped() {
        let xml = body_of(|b| b.para(None, "a <w:b/> & \"q\"\u{1}\nnext\tcol"));
        assert!(xml.contains("a &lt;w:b/&gt; &amp; &quot;q&quot;"), "{xml}");
        assert!(
            !xml.contains('\u{1}') && xml.contains("q&quot;\\x01"),
            "{xml}"
        );
        assert!(xml.contains("<w:br/>") && xml.contains("<w:tab/>"), "{xml}");
    }

    #[test]
    fn accepting_every_change_gives_the_newer_text_and_rejecting_the_older() {
        let old = "Support UNODC, upon request, in <continuing> its role\nof A & B;\tsee";
        let new = "Collaborate with UNODC in \"continuing\" its role\nof A & C;\tsee also";
        let xml = body_of(|b| b.redline(&diff_words(old, new)));
        assert_eq!(accept_and_reject(&xml), (new.to_string(), old.to_string()));
        let xml = body_of(|b| {
            b.whole(Op::Insert, new)?;
            b.whole(Op::Delete, old)
        });
        assert_eq!(accept_and_reject(&xml), (new.to_string(), old.to_string()));
    }

    #[test]
    fn revision_ids_are_unique() {
        let edits = diff_words("a b c d e", "a x c y e");
        let xml = body_of(|b| {
            b.redline(&edits)?;
            b.whole(Op::Insert, "new")
        });
        let ids: Vec<&str> = xml
            .split("w:id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{ids:?}");
        assert!(ids.len() >= 5);
    }
}
