//! Debug dump of a parsed document: units with heading paths, years and
//! footnotes, then skipped lines. `cargo run --example dump -- rpm2019`.
use accord::{corpus::Corpus, Library};

fn main() {
    let id = std::env::args().nth(1).unwrap_or_else(|| "rpm2019".into());
    let lib = Library::new(Corpus::seeds());
    let doc = lib.doc(&id).expect("known document");
    for u in &doc.units {
        let text: String = u.text.chars().take(70).collect();
        let tail: String = u
            .text
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        println!(
            "{} [{}] {:?} | {} … {}",
            u.id,
            u.kind.as_str(),
            u.year,
            text,
            tail
        );
        println!("    § {}", u.section_path());
        for f in &u.footnotes {
            println!(
                "    [{}] {}",
                f.mark,
                f.text.chars().take(60).collect::<String>()
            );
        }
    }
    for s in &doc.skipped {
        println!(
            "SKIP {:?} line {}: {}",
            s.reason,
            s.line,
            s.text.chars().take(80).collect::<String>()
        );
    }
}
