//! TSV mechanics: the header line, splitting a table into chunks of whole lines for
//! parallel parsing, and reading records with the csv crate (tab-delimited, quotes on,
//! flexible field counts so a short or long row is reported rather than fatal).

/// A run of whole lines of a table, with the file line of its first line.
pub struct Chunk<'a> {
    /// The bytes: whole lines, no header.
    pub bytes: &'a [u8],
    /// File line (1-based) of the chunk's first line.
    pub first_line: u32,
}

/// Splits a table into its header line and chunks of about `target` bytes, each ending
/// at a line end. Quoted fields never hold a line break in the published files, so a
/// line end is always a record end.
pub fn split(bytes: &[u8], target: usize) -> (&[u8], Vec<Chunk<'_>>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header_end = memchr::memchr(b'\n', bytes).map_or(bytes.len(), |i| i + 1);
    let (header, mut rest) = bytes.split_at(header_end);
    let mut chunks = Vec::new();
    let mut line = 2u32;
    while !rest.is_empty() {
        let cut = if rest.len() <= target {
            rest.len()
        } else {
            let from = target.min(rest.len());
            memchr::memchr(b'\n', rest.get(from..).unwrap_or_default())
                .map_or(rest.len(), |i| from + i + 1)
        };
        let (head, tail) = rest.split_at(cut);
        chunks.push(Chunk {
            bytes: head,
            first_line: line,
        });
        let lines = memchr::memchr_iter(b'\n', head).count();
        line = line.saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
        rest = tail;
    }
    (header, chunks)
}

/// The header's column names, upper-cased and trimmed.
pub fn header_names(header: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(header);
    text.trim_end_matches(['\r', '\n'])
        .split('\t')
        .map(|h| h.trim().trim_matches('"').to_ascii_uppercase())
        .collect()
}

/// A csv reader over one chunk.
pub fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(true)
        .double_quote(true)
        .from_reader(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_line_once() {
        let text = b"A\tB\n1\t2\n3\t4\n5\t6\n7\t8\n";
        let (header, chunks) = split(text, 5);
        assert_eq!(header, b"A\tB\n");
        let joined: Vec<u8> = chunks
            .iter()
            .flat_map(|c| c.bytes.iter().copied())
            .collect();
        assert_eq!(joined, b"1\t2\n3\t4\n5\t6\n7\t8\n");
        assert_eq!(chunks[0].first_line, 2);
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[1].first_line, 4);
        assert_eq!(header_names(b"\"a\"\tb_fn\r\n"), ["A", "B_FN"]);
    }
}
