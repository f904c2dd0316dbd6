//! Fills an embedding cache with stand-in vectors for the units of two
//! documents, so that the warm path of paraphrase matching (cache read,
//! nearest-neighbour index, scoring) can be timed at 100,000 units without
//! the hour of embedding a first run would take. The vectors are NOT the
//! model's: each is the normalised sum of pseudo-random vectors of the
//! text's words (a bag-of-words stand-in, so that similar texts are near
//! each other). Use them for timing only, never for quality.
//!
//! ```sh
//! cargo run --release --example stand_in_vectors -- CACHE_DIR old.md new.md
//! XDG_CACHE_HOME=CACHE_DIR/.. accord --no-seeds --doc old.md --doc new.md align old new
//! ```
use accord::corpus::{Corpus, Document, Origin};
use accord::embed::{EmbeddingCache, Semantic, DIMENSION};
use rand::{Rng, SeedableRng};

fn word_vector(word: &str) -> Vec<f32> {
    let seed = word.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    });
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    (0..DIMENSION)
        .map(|_| rng.random_range(-1.0f32..1.0))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, files @ ..] = args.as_slice() else {
        eprintln!("usage: stand_in_vectors CACHE_DIR FILE...");
        std::process::exit(2);
    };
    let mut corpus = Corpus::new();
    for (i, f) in files.iter().enumerate() {
        let text = std::fs::read_to_string(f).expect("readable document");
        let id = std::path::Path::new(f)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let doc = Document::from_text(&id, f, &text, Origin::Stdin).expect("valid document");
        corpus.add(doc).unwrap_or_else(|e| panic!("{i}: {e}"));
    }
    let lib = accord::Library::new(corpus);
    let semantic = Semantic::without_model(None);
    let (mut cache, _) = EmbeddingCache::open(std::path::Path::new(dir), semantic.model_id());
    let mut words: std::collections::HashMap<String, Vec<f32>> = Default::default();
    for u in lib.all_units() {
        let mut sum = vec![0f32; DIMENSION];
        for w in u.text.split_whitespace() {
            let v = words
                .entry(w.to_lowercase())
                .or_insert_with_key(|w| word_vector(w));
            for (s, x) in sum.iter_mut().zip(v.iter()) {
                *s += x;
            }
        }
        let n = sum.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        cache
            .insert(&u.text, sum.into_iter().map(|x| x / n).collect())
            .unwrap();
    }
    cache.save().unwrap();
    println!("{} stand-in vectors in {dir}", cache.len());
}
