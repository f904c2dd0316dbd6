//! The on-disk embedding cache: one file per model in a cache folder,
//! mapping the SHA-256 of a text to its embedding.
//!
//! The file is read whole on open and written whole on save: a temporary
//! file in the same folder, flushed to disk, then renamed over the old one,
//! so a reader sees either the old cache or the new one, never half of
//! one. A file that cannot be trusted (truncated, wrong format, another
//! model, checksum mismatch) is ignored with a warning and replaced on the
//! next save; opening a cache never fails and never panics.
//!
//! Layout (little-endian): magic `ACRDEMB\0`, format version `u32`, model id
//! length `u32` and bytes, dimension `u32`, entry count `u64`, then per
//! entry the 32-byte SHA-256 of the text and `dimension` `f32`s, entries
//! sorted by hash; last, the SHA-256 of everything before it.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::EmbedError;

const MAGIC: &[u8; 8] = b"ACRDEMB\0";
const VERSION: u32 = 1;

/// Text → embedding store for one model, kept in memory and saved to one
/// file in the cache folder (`embeddings-<model id>.bin`).
#[derive(Debug, Clone)]
pub struct EmbeddingCache {
    dir: PathBuf,
    path: PathBuf,
    model_id: String,
    dim: Option<usize>,
    entries: HashMap<[u8; 32], Vec<f32>>,
    dirty: bool,
}

impl EmbeddingCache {
    /// Opens the cache of model `model_id` in `dir` (which need not exist
    /// yet). Returns the cache and, if an existing file had to be ignored,
    /// a warning to show the user; the cache is then empty and the file is
    /// replaced on the next [`save`](Self::save).
    #[must_use = "the warning says why cached embeddings were dropped"]
    pub fn open(dir: &Path, model_id: &str) -> (EmbeddingCache, Option<String>) {
        let path = dir.join(file_name(model_id));
        let mut cache = EmbeddingCache {
            dir: dir.to_path_buf(),
            path,
            model_id: model_id.to_string(),
            dim: None,
            entries: HashMap::new(),
            dirty: false,
        };
        let bytes = match std::fs::read(&cache.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                let warning = cache.warning(&e.to_string());
                return (cache, Some(warning));
            }
        };
        match decode(&bytes, model_id) {
            Ok((dim, entries)) => {
                cache.dim = dim;
                cache.entries = entries;
                (cache, None)
            }
            Err(reason) => {
                let warning = cache.warning(&reason);
                (cache, Some(warning))
            }
        }
    }

    fn warning(&self, reason: &str) -> String {
        format!(
            "ignoring the embedding cache '{}' ({reason}): embeddings will be recomputed \
             and the file rewritten on the next save",
            self.path.display()
        )
    }

    /// The file this cache is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The model id the cache was opened for.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// Number of cached embeddings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every cached embedding, in the order of their texts' hashes (for
    /// measurements on real vectors).
    pub fn vectors(&self) -> Vec<Vec<f32>> {
        let mut keys: Vec<&[u8; 32]> = self.entries.keys().collect();
        keys.sort_unstable();
        keys.into_iter().map(|k| self.entries[k].clone()).collect()
    }

    /// True if `text` has a cached embedding.
    pub fn contains(&self, text: &str) -> bool {
        self.entries.contains_key(&text_key(text))
    }

    /// The cached embedding of `text`, if any.
    pub fn get(&self, text: &str) -> Option<Vec<f32>> {
        self.entries.get(&text_key(text)).cloned()
    }

    /// Caches the embedding of `text` (replacing any previous one). Every
    /// embedding of a cache has the same length; another length is refused.
    pub fn insert(&mut self, text: &str, embedding: Vec<f32>) -> Result<(), EmbedError> {
        match self.dim {
            Some(expected) if expected != embedding.len() => {
                return Err(EmbedError::CacheDimension {
                    expected,
                    found: embedding.len(),
                })
            }
            _ => self.dim = Some(embedding.len()),
        }
        self.entries.insert(text_key(text), embedding);
        self.dirty = true;
        Ok(())
    }

    /// Writes the cache to its file if anything changed since it was opened
    /// or last saved (or if there is no file yet). Creates the folder if
    /// needed. The write is atomic: a temporary file in the same folder,
    /// synced, then renamed over the old file.
    pub fn save(&mut self) -> Result<(), EmbedError> {
        if !self.dirty && self.path.exists() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir).map_err(|source| EmbedError::Write {
            path: self.dir.clone(),
            source,
        })?;
        let bytes = encode(&self.model_id, self.dim.unwrap_or(0), &self.entries);
        let tmp = self.dir.join(temp_name(&self.path));
        let written = write_synced(&tmp, &bytes).and_then(|()| std::fs::rename(&tmp, &self.path));
        if let Err(source) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(EmbedError::Write {
                path: self.path.clone(),
                source,
            });
        }
        self.dirty = false;
        Ok(())
    }
}

/// Cache key of a text: the SHA-256 of its UTF-8 bytes.
fn text_key(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// `embeddings-<model id>.bin`, with any character that is not safe in a
/// file name replaced (the full id is also checked inside the file).
fn file_name(model_id: &str) -> String {
    let safe: String = model_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("embeddings-{safe}.bin")
}

/// A temporary name beside `path`, unique within this process and among
/// processes (pid), ending in `.tmp`.
fn temp_name(path: &Path) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let base = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{base}.{}.{n}.tmp", std::process::id())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn encode(model_id: &str, dim: usize, entries: &HashMap<[u8; 32], Vec<f32>>) -> Vec<u8> {
    let mut keys: Vec<&[u8; 32]> = entries.keys().collect();
    keys.sort_unstable();
    let mut out = Vec::with_capacity(64 + model_id.len() + entries.len() * (32 + 4 * dim));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(model_id.len() as u32).to_le_bytes());
    out.extend_from_slice(model_id.as_bytes());
    out.extend_from_slice(&(dim as u32).to_le_bytes());
    out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
    for key in keys {
        out.extend_from_slice(key);
        for x in &entries[key] {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

type Entries = HashMap<[u8; 32], Vec<f32>>;

/// Reads a cache file; `Err` says, for the warning, why it cannot be used.
fn decode(bytes: &[u8], model_id: &str) -> Result<(Option<usize>, Entries), String> {
    let body_len = bytes
        .len()
        .checked_sub(32)
        .ok_or("the file is too short to be a cache")?;
    let (body, digest) = bytes.split_at(body_len);
    let mut r = Reader(body);
    if r.take(MAGIC.len())? != MAGIC {
        return Err("not an accord embedding cache".into());
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(format!("format version {version}, expected {VERSION}"));
    }
    if Sha256::digest(body).as_slice() != digest {
        return Err("checksum mismatch: the file is damaged or truncated".into());
    }
    let id_len = r.u32()? as usize;
    let id = r.take(id_len)?;
    if id != model_id.as_bytes() {
        return Err(format!(
            "it belongs to model '{}', not '{model_id}'",
            String::from_utf8_lossy(id)
        ));
    }
    let dim = r.u32()? as usize;
    let count = r.u64()?;
    let entry_len = 32 + 4 * dim;
    if (r.0.len() as u64) != count.saturating_mul(entry_len as u64) {
        return Err(format!(
            "{count} entries announced, {} bytes of entries present",
            r.0.len()
        ));
    }
    let mut entries = HashMap::with_capacity(count as usize);
    for entry in r.0.chunks_exact(entry_len) {
        let (key, values) = entry.split_at(32);
        let key: [u8; 32] = key.try_into().expect("split at 32");
        let values = values
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().expect("chunks of 4")))
            .collect();
        entries.insert(key, values);
    }
    Ok(((count > 0).then_some(dim), entries))
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("the file ends too early".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(dir: &Path) -> EmbeddingCache {
        let (mut cache, warning) = EmbeddingCache::open(dir, "abc123");
        assert!(warning.is_none());
        cache
            .insert("one", vec![1.0, -0.5, f32::MIN_POSITIVE])
            .unwrap();
        cache.insert("two", vec![0.25, 0.0, -0.0]).unwrap();
        cache
    }

    #[test]
    fn round_trip_keeps_every_bit() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = filled(dir.path());
        cache.save().unwrap();
        let (again, warning) = EmbeddingCache::open(dir.path(), "abc123");
        assert!(warning.is_none());
        assert_eq!(again.len(), 2);
        let bits = |v: Vec<f32>| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(again.get("one").unwrap()),
            bits(vec![1.0, -0.5, f32::MIN_POSITIVE])
        );
        assert_eq!(bits(again.get("two").unwrap()), bits(vec![0.25, 0.0, -0.0]));
        assert!(again.get("three").is_none());
    }

    #[test]
    fn save_creates_the_folder_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a").join("b");
        let mut cache = filled(&nested);
        cache.save().unwrap();
        cache.insert("three", vec![3.0, 3.0, 3.0]).unwrap();
        cache.save().unwrap();
        let names: Vec<String> = std::fs::read_dir(&nested)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["embeddings-abc123.bin".to_string()]);
        let (again, _) = EmbeddingCache::open(&nested, "abc123");
        assert_eq!(again.len(), 3);
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = filled(dir.path());
        cache.save().unwrap();
        let before = std::fs::read(cache.path()).unwrap();
        // Make the rename fail: the target becomes a non-empty directory.
        let mut blocked = cache.clone();
        blocked.path = dir.path().join("blocked");
        std::fs::create_dir_all(blocked.path.join("x")).unwrap();
        blocked.insert("new", vec![9.0, 9.0, 9.0]).unwrap();
        assert!(matches!(blocked.save(), Err(EmbedError::Write { .. })));
        assert_eq!(std::fs::read(cache.path()).unwrap(), before);
        let temps = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(temps, 0);
    }

    #[test]
    fn damaged_files_are_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = filled(dir.path());
        cache.save().unwrap();
        let good = std::fs::read(cache.path()).unwrap();
        let mut flipped = good.clone();
        flipped[60] ^= 1;
        let damaged: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"hello".to_vec(),
            good[..good.len() - 1].to_vec(),
            good[..40].to_vec(),
            flipped,
            vec![0xFF; 4096],
        ];
        for bytes in damaged {
            std::fs::write(cache.path(), &bytes).unwrap();
            let (opened, warning) = EmbeddingCache::open(dir.path(), "abc123");
            let warning = warning.expect("a damaged file gives a warning");
            assert!(warning.contains("embeddings-abc123.bin"), "{warning}");
            assert!(opened.is_empty());
        }
        // The next save replaces the damaged file.
        let (mut opened, _) = EmbeddingCache::open(dir.path(), "abc123");
        opened.insert("x", vec![1.0]).unwrap();
        opened.save().unwrap();
        let (again, warning) = EmbeddingCache::open(dir.path(), "abc123");
        assert!(warning.is_none());
        assert_eq!(again.get("x"), Some(vec![1.0]));
    }

    #[test]
    fn a_cache_of_another_model_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = filled(dir.path());
        cache.save().unwrap();
        // Same file name after sanitising, different id inside.
        std::fs::rename(cache.path(), dir.path().join("embeddings-abc_123.bin")).unwrap();
        let (other, warning) = EmbeddingCache::open(dir.path(), "abc/123");
        assert!(other.is_empty());
        assert!(warning.unwrap().contains("belongs to model 'abc123'"));
    }

    #[test]
    fn embeddings_of_another_length_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = filled(dir.path());
        assert!(matches!(
            cache.insert("four", vec![1.0]),
            Err(EmbedError::CacheDimension {
                expected: 3,
                found: 1
            })
        ));
    }
}
