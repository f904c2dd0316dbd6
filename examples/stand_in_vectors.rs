//! Fills an embedding cache with stand-in vectors for the units of some
//! documents, so that the warm path of paraphrase matching (cache read,
//! nearest-neighbour index, scoring) can be timed at 100,000 units without
//! the hour of embedding a first run would take. The vectors are NOT the
//! model's ([`accord::synth::stand_in_vector`]): use them for timing only,
//! never for quality.
//!
//! ```sh
//! cargo run --release --example stand_in_vectors -- DIR/accord old.md new.md
//! XDG_CACHE_HOME=DIR accord --no-seeds --doc old.md --doc new.md align old new
//! ```
use accord::corpus::{Corpus, Document, Origin};
use accord::embed::{EmbeddingCache, Semantic};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, files @ ..] = args.as_slice() else {
        eprintln!("usage: stand_in_vectors CACHE_DIR FILE...");
        std::process::exit(2);
    };
    let mut corpus = Corpus::new();
    for f in files {
        let text = std::fs::read_to_string(f).expect("a readable document");
        let id = std::path::Path::new(f)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_string();
        let doc = Document::from_text(&id, f, &text, Origin::Stdin).expect("a valid document");
        corpus.add(doc).expect("distinct file names");
    }
    let lib = accord::Library::new(corpus);
    let model_id = Semantic::without_model(None).model_id();
    let (mut cache, _) = EmbeddingCache::open(std::path::Path::new(dir), model_id);
    for u in lib.all_units() {
        cache
            .insert(&u.text, accord::synth::stand_in_vector(&u.text))
            .expect("one dimension");
    }
    cache.save().expect("a writable cache folder");
    println!("{} stand-in vectors in {dir}", cache.len());
}
