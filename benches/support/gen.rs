//! A deterministic generator of long text pairs for the diff benchmark and
//! the `diff_files` example: seed paragraphs in a pseudo-random order,
//! then seeded random word edits (insertions, deletions, substitutions).
//! An inline xorshift keeps it free of dependencies and stable across
//! versions.

/// The seed documents, the source of every paragraph.
const SEEDS: [&str; 5] = [
    include_str!("../../seeds/congress2021-item4.md"),
    include_str!("../../seeds/rpm2019.md"),
    include_str!("../../seeds/rpm2025-item4.md"),
    include_str!("../../seeds/rpm2025-item5b.md"),
    include_str!("../../seeds/thematic2021-2024.md"),
];

/// Words inserted or substituted by the edits: drafting words, so that
/// edits look like negotiation.
const VOCABULARY: [&str; 16] = [
    "shall",
    "should",
    "effectively",
    "as appropriate",
    "Member States",
    "further",
    "upon request",
    "strengthen",
    "promote",
    "including",
    "relevant",
    "national",
    "international",
    "and",
    "the",
    "cooperation",
];

/// xorshift64*: small, fast and good enough to place edits.
pub struct XorShift(u64);

impl XorShift {
    /// A generator; `seed` must not be 0 (it is replaced if it is).
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// About `bytes` bytes of UN text: seed paragraphs (lines of at least 40
/// characters) in a pseudo-random order, separated by blank lines.
pub fn document(bytes: usize, seed: u64) -> String {
    let paragraphs: Vec<&str> = SEEDS
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.len() >= 40)
        .collect();
    let mut rng = XorShift::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        out.push_str(paragraphs[rng.below(paragraphs.len())]);
        out.push_str("\n\n");
    }
    out
}

/// `text` with about one word in `every` edited: deleted, substituted by a
/// vocabulary word, or followed by an inserted one, in equal shares. Line
/// structure is kept.
pub fn edit(text: &str, every: usize, seed: u64) -> String {
    let mut rng = XorShift::new(seed);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut words: Vec<&str> = Vec::new();
        for word in line.split(' ') {
            if word.is_empty() || rng.below(every) != 0 {
                words.push(word);
                continue;
            }
            let other = VOCABULARY[rng.below(VOCABULARY.len())];
            match rng.below(3) {
                0 => {}
                1 => words.push(other),
                _ => {
                    words.push(word);
                    words.push(other);
                }
            }
        }
        out.push_str(&words.join(" "));
    }
    out
}

/// An old text of about `bytes` bytes and a new one with one word in 50
/// edited: a heavily negotiated revision.
pub fn pair(bytes: usize) -> (String, String) {
    let old = document(bytes, 0x5EED_0000 + bytes as u64);
    let new = edit(&old, 50, 0xED17);
    (old, new)
}
