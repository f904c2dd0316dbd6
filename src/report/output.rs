//! Writing output files safely.
//!
//! A command checks its output path with [`check_target`] before it does
//! any work (a missing or read-only folder, an input document named as the
//! output, a symbolic link to nowhere: each is one line and exit 2 at once,
//! not after a ten-second memo). [`write`] then replaces a regular file
//! atomically: the bytes go to a file with no name in the target's folder
//! (Linux `O_TMPFILE`), which is linked under a temporary name and renamed
//! over the target, so an interrupted run leaves either the old file or the
//! new one, never half of one, and a `kill -9` during the write leaves
//! nothing behind. Where unnamed files are not available (other systems,
//! some network file systems) the temporary file is named
//! `.NAME.accord-PID.XXXXXX.tmp`, and the next write to the same folder
//! removes those whose process is gone.
//!
//! A FIFO or character device named as the output (`/dev/null`,
//! `/dev/stdout`, a named pipe) is written through, as a shell redirection
//! would, never replaced by a regular file; a symbolic link is followed and
//! the file it names is replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

/// An output path checked by [`check_target`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Where the bytes go: the path given, with a symbolic link resolved.
    path: PathBuf,
    /// How they go there.
    how: How,
}

/// How a [`Target`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A regular file, replaced atomically.
    Replace,
    /// A FIFO or character device: written through, not replaced.
    Stream,
    /// This process's standard output or error under another name
    /// (`/dev/stdout`, `/proc/self/fd/1`, even when it is redirected to a
    /// file): written to the open stream, so `>>` appends and the rest of
    /// a redirection is kept.
    Stdout,
    /// As `Stdout`, for standard error.
    Stderr,
}

impl Target {
    /// The file that will be written (a symbolic link resolved).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn write_error(path: &Path, cause: std::io::Error) -> Error {
    Error::Write {
        path: path.display().to_string(),
        cause,
    }
}

/// Checks that `path` can take the output of a command, before the work is
/// done, and returns where the bytes will go.
///
/// `inputs` are the files the command reads (documents, drafts): naming one
/// of them as the output is refused, whatever the spelling (`./X`, a
/// symbolic or hard link), since it would silently replace the text being
/// worked on.
///
/// # Errors
/// [`Error::Write`] when the folder is missing or not writable, the path is
/// a folder, a symbolic link to nothing, a socket or block device, or one
/// of `inputs`.
pub fn check_target(path: &Path, inputs: &[&Path]) -> Result<Target, Error> {
    let err = |cause: std::io::Error| write_error(path, cause);
    let refuse = |why: String| err(std::io::Error::other(why));
    // Standard output or error by another name, and streams behind links
    // (`/dev/stdout` -> `/proc/self/fd/1` -> `pipe:[…]`), before any link
    // is followed: their targets are not paths.
    if let Ok(meta) = std::fs::metadata(path) {
        if let Some(how) = std_stream(&meta) {
            return Ok(Target {
                path: path.to_path_buf(),
                how,
            });
        }
        if is_stream(&meta) {
            return Ok(Target {
                path: path.to_path_buf(),
                how: How::Stream,
            });
        }
    }
    let target = follow_links(path)
        .ok_or_else(|| refuse("it is a loop of symbolic links; give a file name".into()))?;
    let dir = folder(&target);
    if dir.exists() && !dir.is_dir() {
        return Err(refuse(format!(
            "'{}' is a file, not a folder",
            dir.display()
        )));
    }
    if !dir.is_dir() {
        return Err(err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("folder '{}' does not exist; create it first", dir.display()),
        )));
    }
    let meta = std::fs::metadata(&target).ok();
    if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(refuse("it is a directory; give a file name".into()));
    }
    // Streams were taken above: anything else but a file is refused.
    if meta.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(refuse(
            "it is a socket or block device; give a file name".into(),
        ));
    }
    if let Some(meta) = &meta {
        if let Some(input) = inputs.iter().find(|i| same_file(meta, &target, i)) {
            let name = if *input == Path::new("/dev/stdin") {
                "standard input".to_string()
            } else {
                format!("'{}'", input.display())
            };
            return Err(refuse(format!(
                "it is the input document {name}; give another output file"
            )));
        }
    }
    // Creating (and at once removing) a file is the only test that holds
    // for every user, root included, and every file system.
    tempfile::Builder::new()
        .prefix(".accord-check.")
        .tempfile_in(dir)
        .map_err(|e| {
            refuse(format!(
                "folder '{}' is not writable ({}); choose another folder",
                dir.display(),
                e.kind()
            ))
        })?;
    Ok(Target {
        path: target,
        how: How::Replace,
    })
}

/// `Stdout` or `Stderr` when `meta` is the file this process's standard
/// output or error is open on (Linux; elsewhere `None`).
#[cfg(target_os = "linux")]
fn std_stream(meta: &std::fs::Metadata) -> Option<How> {
    use std::os::unix::fs::MetadataExt;
    let same = |st: rustix::fs::Stat| st.st_dev == meta.dev() && st.st_ino == meta.ino();
    if rustix::fs::fstat(std::io::stdout()).is_ok_and(same) {
        Some(How::Stdout)
    } else if rustix::fs::fstat(std::io::stderr()).is_ok_and(same) {
        Some(How::Stderr)
    } else {
        None
    }
}

#[cfg(not(target_os = "linux"))]
fn std_stream(_: &std::fs::Metadata) -> Option<How> {
    None
}

/// `path` with symbolic links followed to the file they name (which may
/// not exist yet); `None` for a loop (more than 40 links, as Linux's
/// `MAXSYMLINKS`).
fn follow_links(path: &Path) -> Option<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(to) => p = folder(&p).join(to),
            Err(_) => return Some(p),
        }
    }
    None
}

/// The folder of `path` (`.` for a bare file name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn is_stream(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_fifo() || m.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_: &std::fs::Metadata) -> bool {
    false
}

/// True when `input` is the file `target` (with metadata `meta`) is.
fn same_file(meta: &std::fs::Metadata, target: &Path, input: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = target;
        std::fs::metadata(input).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        matches!(
            (std::fs::canonicalize(target), std::fs::canonicalize(input)),
            (Ok(a), Ok(b)) if a == b
        )
    }
}

/// Writes `bytes` to a checked target: a regular file is replaced
/// atomically, a FIFO or device is written through.
///
/// # Errors
/// [`Error::Write`] with the system's reason.
pub fn write(target: &Target, bytes: &[u8]) -> Result<(), Error> {
    let path = &target.path;
    let err = |cause: std::io::Error| write_error(path, cause);
    match target.how {
        How::Stdout => {
            let mut out = std::io::stdout().lock();
            return out.write_all(bytes).and_then(|()| out.flush()).map_err(err);
        }
        How::Stderr => return std::io::stderr().write_all(bytes).map_err(err),
        How::Stream => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(err)?;
            return f.write_all(bytes).map_err(err);
        }
        How::Replace => {}
    }
    // The result gets the mode of the file it replaces; a new file gets
    // 0666 less the umask, as any program's new file (Linux), or 0644.
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = None;
    remove_stale(folder(path));
    #[cfg(target_os = "linux")]
    if unnamed::write(path, bytes, mode).map_err(err)? {
        return Ok(());
    }
    write_named(path, bytes, mode).map_err(err)
}

/// Checks `path` and writes `bytes` to it: [`check_target`] with no
/// inputs, then [`write`].
///
/// # Errors
/// As [`check_target`] and [`write`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write(&check_target(path, &[])?, bytes)
}

/// Prefix of a named temporary file for `path`, with this process's id.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!(".{name}.accord-{}.", std::process::id())
}

/// The fallback: a named temporary file beside the target, renamed over
/// it; stale ones left by a killed run are removed first.
fn write_named(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let dir = folder(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode.unwrap_or(0o644)))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes `.NAME.accord-PID.XXXXXX.tmp` files in `dir` whose process no
/// longer runs (Linux: no `/proc/PID`). Elsewhere, and when `/proc` is
/// missing, nothing is removed: a file of a running write must never go.
fn remove_stale(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(pid) = stale_pid(&name) else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The process id in a temporary file name `.NAME.accord-PID.XXXXXX.tmp`.
fn stale_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(".accord-")?;
    let (pid, random) = tail.split_once('.')?;
    (!random.is_empty() && !random.contains('.'))
        .then(|| pid.parse().ok())
        .flatten()
}

#[cfg(target_os = "linux")]
mod unnamed {
    //! Linux: the bytes go to an unnamed file (`O_TMPFILE`) that a killed
    //! process cannot leave behind; it gets a name only once complete.
    use std::io::Write;
    use std::path::Path;

    use rustix::fs::{AtFlags, Mode, OFlags, CWD};

    /// Writes `bytes` to `path` through an unnamed file. `Ok(false)` when
    /// the file system or kernel offers no unnamed files (the caller falls
    /// back to a named temporary file).
    pub fn write(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<bool> {
        let dir = super::folder(path);
        let fd = match rustix::fs::openat(
            CWD,
            dir,
            OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC,
            // A new file: 0666 less the umask, applied by the kernel.
            Mode::from_raw_mode(0o666),
        ) {
            Ok(fd) => fd,
            // No O_TMPFILE here: EOPNOTSUPP (file system), EISDIR or
            // EINVAL (kernel older than 3.11).
            Err(_) => return Ok(false),
        };
        let proc_path = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&fd));
        if !Path::new(&proc_path).exists() {
            return Ok(false);
        }
        let mut file = std::fs::File::from(fd);
        if let Some(mode) = mode {
            // A replaced file keeps its mode.
            rustix::fs::fchmod(&file, Mode::from_raw_mode(mode))?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        // Give it a name beside the target, then rename it over: only this
        // instant, not the whole write, can leave a temporary file.
        let tmp = dir.join(format!(
            "{}{:08x}.tmp",
            super::temp_prefix(path),
            fastrand_name()
        ));
        rustix::fs::linkat(CWD, proc_path.as_str(), CWD, &tmp, AtFlags::SYMLINK_FOLLOW)?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(true)
    }

    /// A name that differs between writes of one process.
    fn fastrand_name() -> u32 {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNT: AtomicU32 = AtomicU32::new(0);
        COUNT.fetch_add(1, Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("memo.md");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("memo.html");
        write_atomic(&p, b"one").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), 0o644);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(mode(&p), 0o600);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
    }

    #[test]
    fn refuses_a_missing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(&dir.path().join("nope/memo.md"), b"x").unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(e.to_string().contains("directory"), "{e}");
    }

    #[test]
    fn temporary_names_carry_the_process_id() {
        assert_eq!(stale_pid(".memo.md.accord-4242.a1B2c3.tmp"), Some(4242));
        assert_eq!(stale_pid(".a.b.md.accord-7.00000001.tmp"), Some(7));
        assert_eq!(stale_pid(".memo.md.accord-x.a1B2c3.tmp"), None);
        assert_eq!(stale_pid("memo.md"), None);
        assert_eq!(stale_pid(".memo.md.tmp"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_removes_the_temporary_file_of_a_killed_run_only() {
        let dir = tempfile::tempdir().unwrap();
        // A process id above the kernel's limit (4,194,304) never runs.
        let dead = dir.path().join(".memo.md.accord-9999999.Xy12ab.tmp");
        let alive = dir
            .path()
            .join(format!(".memo.md.accord-{}.Zz99zz.tmp", std::process::id()));
        let other = dir.path().join(".notes.tmp");
        for p in [&dead, &alive, &other] {
            std::fs::write(p, "half").unwrap();
        }
        write_atomic(&dir.path().join("memo.md"), b"whole").unwrap();
        assert!(!dead.exists(), "the dead run's file is removed");
        assert!(alive.exists(), "a running write's file is kept");
        assert!(other.exists(), "files accord did not make are kept");
    }

    #[test]
    fn an_input_is_refused_as_output_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("draft.md");
        std::fs::write(&input, "text").unwrap();
        let spelled = dir.path().join(".").join("draft.md");
        let e = check_target(&spelled, &[&input]).unwrap_err();
        assert!(e.to_string().contains("input document"), "{e}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "text");
        // Another name in the same folder is fine.
        check_target(&dir.path().join("review.md"), &[&input]).unwrap();
    }
}
