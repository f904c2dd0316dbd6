//! Progress of long work (embedding texts, aligning units), reported to a
//! receiver the caller chooses: the CLI draws a bar when stderr is a
//! terminal; the library itself never draws anything.

/// Receives progress of long work. Calls come from several threads.
pub trait Progress: Sync {
    /// Work on `total` items (newer units, texts) begins.
    fn start(&self, _total: u64) {}
    /// The work on `items` items is expected to take about `time` (said
    /// before long work, such as embedding a large corpus for the first
    /// time, so that the user can choose to wait or not).
    fn estimate(&self, _items: u64, _time: std::time::Duration) {}
    /// `n` more items are done.
    fn advance(&self, _n: u64) {}
    /// The work is done.
    fn finish(&self) {}
}

/// No progress reporting.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}
