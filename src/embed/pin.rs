//! The pinned model files: their names and SHA-256 values, and reading a
//! file only if its bytes are the pinned ones.
//!
//! The values are those `scripts/fetch-model.sh` checks and
//! `tests/data/minilm-reference.json` records. Hashing the very bytes that
//! are then loaded (rather than hashing, then reading again) means a file
//! swapped between the check and the load cannot slip through.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::EmbedError;

/// One model file and the SHA-256 it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinnedFile {
    /// File name inside the model folder.
    pub name: &'static str,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: &'static str,
}

/// The weights (required).
pub const MODEL: PinnedFile = PinnedFile {
    name: "model.safetensors",
    sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
};

/// The tokenizer (required).
pub const TOKENIZER: PinnedFile = PinnedFile {
    name: "tokenizer.json",
    sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
};

/// The BERT configuration (optional: the same values are built in).
pub const CONFIG: PinnedFile = PinnedFile {
    name: "config.json",
    sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
};

/// Every file of the model folder, required ones first.
pub const PINNED_FILES: [PinnedFile; 3] = [MODEL, TOKENIZER, CONFIG];

/// Lowercase hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex of any bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(2 * bytes.len()), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Reads `dir/<file>` and returns its bytes if their SHA-256 is the pinned
/// one; `Ok(None)` if the file does not exist.
pub(crate) fn read_verified(dir: &Path, file: PinnedFile) -> Result<Option<Vec<u8>>, EmbedError> {
    let path = dir.join(file.name);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(EmbedError::Read { path, source }),
    };
    let actual = sha256_hex(&bytes);
    if actual != file.sha256 {
        return Err(EmbedError::Tampered {
            path,
            file: file.name,
            expected: file.sha256,
            actual,
        });
    }
    Ok(Some(bytes))
}

/// Like [`read_verified`], but a missing file is an error.
pub(crate) fn read_required(dir: &Path, file: PinnedFile) -> Result<Vec<u8>, EmbedError> {
    read_verified(dir, file)?.ok_or_else(|| EmbedError::MissingFile {
        path: dir.join(file.name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn missing_file_is_none_and_wrong_bytes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_verified(dir.path(), CONFIG).unwrap().is_none());
        assert!(matches!(
            read_required(dir.path(), MODEL),
            Err(EmbedError::MissingFile { .. })
        ));
        std::fs::write(dir.path().join("config.json"), b"{}").unwrap();
        match read_verified(dir.path(), CONFIG) {
            Err(EmbedError::Tampered { file, actual, .. }) => {
                assert_eq!(file, "config.json");
                assert_eq!(actual, sha256_hex(b"{}"));
            }
            other => panic!("expected Tampered, got {other:?}"),
        }
    }
}
