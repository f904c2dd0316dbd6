//! Fuzz target: the Word and PDF readers. The input is read three ways:
//! as a file of its own (a PDF, a zip, or text); as the `document.xml` of a
//! Word file, with the bytes after the first `0xFF` as its `numbering.xml`
//! (so that the fuzzer reaches the numbering and tracked-change code, which
//! random zips never would); and as a PDF after a `%PDF-1.4` header. Each
//! must end in a document or an error, never a panic or a hang, and what a
//! reader returns must parse with every word accounted for.
#![no_main]

use std::io::Write;

use accord::corpus::{Changes, Document, Origin};
use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8], changes: Changes) {
    let Ok(doc) = Document::read("fuzz", "fuzz", bytes, Origin::Stdin, changes) else {
        return;
    };
    assert!(!doc.body.trim().is_empty());
    let parsed = accord::parse::parse(&doc);
    let lost = accord::parse::unaccounted_words(&doc.body, &parsed);
    assert!(lost.is_empty(), "words lost or duplicated: {lost:?}");
}

fn word_file(document: &[u8], numbering: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opt = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut put = |name: &str, data: &[u8]| {
            z.start_file(name, opt).unwrap();
            z.write_all(data).unwrap();
        };
        put(
            "_rels/.rels",
            br#"<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="word/document.xml"/></Relationships>"#,
        );
        put(
            "word/_rels/document.xml.rels",
            br#"<Relationships><Relationship Id="r2" Type="x/numbering" Target="numbering.xml"/></Relationships>"#,
        );
        put("word/document.xml", document);
        put("word/numbering.xml", numbering);
        z.finish().unwrap();
    }
    buf.into_inner()
}

fuzz_target!(|data: &[u8]| {
    check(data, Changes::Accepted);
    let (document, numbering) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let docx = word_file(document, numbering);
    check(&docx, Changes::Accepted);
    check(&docx, Changes::Original);
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend_from_slice(data);
    check(&pdf, Changes::Accepted);
});
