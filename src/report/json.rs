//! JSON output: pretty-printed, one value per run, newline-terminated.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as pretty JSON followed by a newline.
///
/// serde_json escapes the C0 controls; DEL (U+007F) and the C1 controls
/// (U+0080..U+009F, among them a one-character terminal escape, CSI) are
/// escaped here too, as `\u007f`, so no control from a document reaches a
/// terminal raw through `--format json`.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    if text.contains(|c: char| ('\u{7f}'..='\u{9f}').contains(&c)) {
        let mut escaped = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if ('\u{7f}'..='\u{9f}').contains(&c) {
                escaped.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                escaped.push(c);
            }
        }
        writeln!(out, "{escaped}")
    } else {
        writeln!(out, "{text}")
    }
}
