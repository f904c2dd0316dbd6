//! The sentence vectors of the built-in documents, shipped in the binary.
//!
//! Every unit of the five seed documents has its all-MiniLM-L6-v2 vector
//! in `seeds/vectors.bin`, made by
//! `cargo run --release --example ship_vectors` from the pinned model and
//! compiled in with `include_bytes!`. So `accord diff 2019 2025` is
//! paraphrase-aware on a fresh clone, with no model download and no
//! inference; the model is needed only for text a user brings.
//!
//! Vectors are looked up by the SHA-256 of the text (the key of the
//! on-disk cache too), so a unit whose text changed finds none rather than
//! a wrong one. They are preferred to the model's own output even when the
//! model is installed, so a run gives the same links with and without it.
//!
//! # Format (little-endian)
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `ACRDSHP1` |
//! | 32 | SHA-256 of the `model.safetensors` that made the vectors |
//! | 4 | dimension `u32` (384) |
//! | 4 | count `u32` |
//! | count × (32 + 2 × dimension) | SHA-256 of the text, then the vector as IEEE 754 half-precision floats, entries sorted by hash |
//!
//! Half precision keeps 11 significant bits: a component of a unit vector
//! (below 1 in magnitude) is off by at most 2⁻¹² ≈ 0.00024, and cosines of
//! the seeds' pairs by less than 0.0002 (the test in
//! `tests/shipped_vectors.rs` recomputes every vector with the model and
//! checks both bounds: 1.2e-4 at most per component, measured). The 397
//! units have 391 distinct texts, which take 312,848 bytes.
//!
//! # Staleness
//!
//! A file made by other weights than the pinned ones is refused whole
//! ([`ShippedError::OtherModel`]); a seed whose text changed after the file
//! was made has units with no vector, which [`crate::Library`] reports on
//! every run that matches them. Both fail the tests, so neither ships.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::{pin, DIMENSION};

const MAGIC: &[u8; 8] = b"ACRDSHP1";
const HEADER: usize = 8 + 32 + 4 + 4;

/// The file compiled into the binary.
static BUILTIN: &[u8] = include_bytes!("../../seeds/vectors.bin");

/// Where the file lives in the source tree, relative to its root.
pub const SHIPPED_PATH: &str = "seeds/vectors.bin";

/// The command that makes the file.
pub const SHIP_COMMAND: &str = "cargo run --release --example ship_vectors";

/// Why a file of shipped vectors cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShippedError {
    /// Not a vectors file, or cut short.
    #[error("the shipped vectors ({SHIPPED_PATH}) are damaged ({0}): run `{SHIP_COMMAND}`")]
    Damaged(&'static str),
    /// Made by other weights than the pinned model.
    #[error(
        "the shipped vectors ({SHIPPED_PATH}) were made by another model ({found}), not the pinned one ({pinned}): run `{SHIP_COMMAND}`"
    )]
    OtherModel {
        /// First 12 hex digits of the file's model hash.
        found: String,
        /// First 12 hex digits of the pinned model hash.
        pinned: String,
    },
}

/// Vectors by the SHA-256 of their text, as shipped.
#[derive(Debug, Clone, Default)]
pub struct ShippedVectors {
    entries: HashMap<[u8; 32], Vec<f32>>,
}

impl ShippedVectors {
    /// The vectors compiled into this binary; an error if they are damaged
    /// or were made by another model than the pinned one (the caller then
    /// says so and goes without).
    pub fn builtin() -> Result<&'static ShippedVectors, ShippedError> {
        static LOADED: std::sync::OnceLock<Result<ShippedVectors, ShippedError>> =
            std::sync::OnceLock::new();
        LOADED
            .get_or_init(|| ShippedVectors::read(BUILTIN, &pin_bytes()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a file in the format of the module docs, made by the model
    /// whose weights hash to `model` (32 bytes).
    pub fn read(bytes: &[u8], model: &[u8; 32]) -> Result<ShippedVectors, ShippedError> {
        let header = bytes
            .get(..HEADER)
            .ok_or(ShippedError::Damaged("too short"))?;
        if header.get(..8) != Some(MAGIC.as_slice()) {
            return Err(ShippedError::Damaged("not a vectors file"));
        }
        if header.get(8..40) != Some(model.as_slice()) {
            return Err(ShippedError::OtherModel {
                found: pin::hex(header.get(8..14).unwrap_or_default()),
                pinned: pin::hex(model.get(..6).unwrap_or_default()),
            });
        }
        let u32_at = |at: usize| -> usize {
            let mut b = [0u8; 4];
            b.copy_from_slice(&header[at..at + 4]);
            u32::from_le_bytes(b) as usize
        };
        let (dim, count) = (u32_at(40), u32_at(44));
        if dim != DIMENSION {
            return Err(ShippedError::Damaged("wrong dimension"));
        }
        let entry = 32 + 2 * dim;
        let body = &bytes[HEADER..];
        if body.len() != count.saturating_mul(entry) {
            return Err(ShippedError::Damaged("wrong length"));
        }
        let entries = body
            .chunks_exact(entry)
            .map(|e| {
                let (key, v) = e.split_at(32);
                let key: [u8; 32] = key.try_into().expect("32 bytes");
                let v = v
                    .chunks_exact(2)
                    .map(|h| half::f16::from_le_bytes([h[0], h[1]]).to_f32())
                    .collect();
                (key, v)
            })
            .collect();
        Ok(ShippedVectors { entries })
    }

    /// Writes `vectors` (text, unit vector of [`DIMENSION`] components) in
    /// the format of the module docs, for the model whose weights hash to
    /// `model`; a text given twice is written once. The bytes depend only
    /// on the set of texts and their vectors, not on their order.
    ///
    /// # Panics
    ///
    /// If a vector is not [`DIMENSION`] long.
    pub fn write(vectors: &[(&str, &[f32])], model: &[u8; 32]) -> Vec<u8> {
        let mut entries: Vec<([u8; 32], &[f32])> =
            vectors.iter().map(|(t, v)| (text_key(t), *v)).collect();
        entries.sort_by_key(|a| a.0);
        entries.dedup_by(|a, b| a.0 == b.0);
        let mut out = Vec::with_capacity(HEADER + entries.len() * (32 + 2 * DIMENSION));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(model);
        out.extend_from_slice(&(DIMENSION as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (key, v) in entries {
            assert_eq!(v.len(), DIMENSION, "a vector of the wrong length");
            out.extend_from_slice(&key);
            for &x in v {
                out.extend_from_slice(&half::f16::from_f32(x).to_le_bytes());
            }
        }
        out
    }

    /// The shipped vector of `text`, if it has one.
    pub fn get(&self, text: &str) -> Option<&[f32]> {
        self.entries.get(&text_key(text)).map(Vec::as_slice)
    }

    /// True if `text` has a shipped vector.
    pub fn contains(&self, text: &str) -> bool {
        self.entries.contains_key(&text_key(text))
    }

    /// Number of vectors.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The pinned model's SHA-256 as 32 bytes.
pub fn pin_bytes() -> [u8; 32] {
    let mut out = [0u8; 32];
    let hex = pin::MODEL.sha256.as_bytes();
    for (i, o) in out.iter_mut().enumerate() {
        let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
        *o = digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]);
    }
    out
}

fn text_key(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(seed: usize) -> Vec<f32> {
        let v: Vec<f32> = (0..DIMENSION)
            .map(|i| ((i * 7 + seed * 13) % 17) as f32 - 8.0)
            .collect();
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.into_iter().map(|x| x / n).collect()
    }

    #[test]
    fn vectors_round_trip_within_half_precision_in_any_order() {
        let (a, b) = (unit(1), unit(2));
        let model = pin_bytes();
        let bytes = ShippedVectors::write(&[("alpha", &a), ("beta", &b), ("alpha", &a)], &model);
        let again = ShippedVectors::write(&[("beta", &b), ("alpha", &a)], &model);
        assert_eq!(bytes, again, "the bytes depend on the set, not the order");
        assert_eq!(bytes.len(), HEADER + 2 * (32 + 2 * DIMENSION));
        let read = ShippedVectors::read(&bytes, &model).unwrap();
        assert_eq!(read.len(), 2);
        for (text, v) in [("alpha", &a), ("beta", &b)] {
            let got = read.get(text).unwrap();
            let worst = got
                .iter()
                .zip(v.iter())
                .map(|(x, y)| (x - y).abs())
                .fold(0f32, f32::max);
            assert!(worst <= 1.0 / 4096.0, "{text}: {worst}");
        }
        assert!(read.get("gamma").is_none());
    }

    #[test]
    fn a_file_of_another_model_is_refused_whole() {
        let mut other = pin_bytes();
        other[0] ^= 1;
        let bytes = ShippedVectors::write(&[("alpha", &unit(1))], &other);
        let err = ShippedVectors::read(&bytes, &pin_bytes()).unwrap_err();
        assert!(matches!(err, ShippedError::OtherModel { .. }), "{err}");
        assert!(err.to_string().contains(SHIP_COMMAND), "{err}");
    }

    #[test]
    fn damaged_files_are_refused_not_read_in_part() {
        let model = pin_bytes();
        let bytes = ShippedVectors::write(&[("alpha", &unit(1))], &model);
        for cut in [0, 7, HEADER, bytes.len() - 1] {
            let err = ShippedVectors::read(&bytes[..cut], &model).unwrap_err();
            assert!(
                matches!(err, ShippedError::Damaged(_)),
                "cut at {cut}: {err}"
            );
        }
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(ShippedVectors::read(&wrong, &model).is_err());
    }

    #[test]
    fn the_pinned_hash_is_read_as_bytes() {
        assert_eq!(pin::hex(&pin_bytes()), pin::MODEL.sha256);
    }
}
