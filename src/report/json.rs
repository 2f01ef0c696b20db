//! The JSON report: the stable contract other tools read.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;

/// Streams the report, pretty-printed.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// Streams `items` as a pretty-printed JSON array, one item at a time.
pub fn write_array<T: Serialize>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    use serde::Serializer as _;
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer.collect_seq(items)?;
    out.write_all(b"\n")
}
