//! TSV mechanics: the header line, splitting a table into chunks of whole lines for
//! parallel parsing, and splitting lines into fields.
//!
//! Most lines hold no double quote, and for those a field is simply what lies between
//! tabs: they are split in place, without copying. A line with a quote goes through the
//! csv crate (tab-delimited, quotes on, doubled quotes inside), which decodes CSV-style
//! quoting exactly as the published files use it.

/// A run of whole lines of a table, with the file line of its first line.
pub struct Chunk<'a> {
    /// The bytes: whole lines, no header.
    pub bytes: &'a [u8],
    /// File line (1-based) of the chunk's first line.
    pub first_line: u32,
    /// Number of line ends in the chunk.
    pub lines: usize,
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
        let lines = memchr::memchr_iter(b'\n', head).count();
        chunks.push(Chunk {
            bytes: head,
            first_line: line,
            lines,
        });
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

/// The fields of one line: slices of the line itself, or of a decoded copy for a line
/// with quoted fields. Either way the text is kept with where each field ends; a field
/// starts one byte (the tab) after the previous one ends.
#[derive(Clone, Copy)]
pub enum Record<'r> {
    /// The line itself, split on tabs in place.
    Plain(&'r str, &'r [u32]),
    /// Decoded fields laid end to end, and where each ends.
    Decoded(&'r str, &'r [usize]),
}

impl<'r> Record<'r> {
    /// Field `i`, if the line has it.
    #[inline]
    pub fn get(self, i: usize) -> Option<&'r str> {
        match self {
            Record::Plain(line, ends) => {
                let end = *ends.get(i)? as usize;
                let start = match i.checked_sub(1) {
                    Some(j) => *ends.get(j)? as usize + 1,
                    None => 0,
                };
                line.get(start..end)
            }
            Record::Decoded(text, ends) => {
                let end = *ends.get(i)?;
                let start = match i.checked_sub(1) {
                    Some(j) => *ends.get(j)?,
                    None => 0,
                };
                text.get(start..end)
            }
        }
    }

    /// Number of fields.
    pub fn len(self) -> usize {
        match self {
            Record::Plain(_, ends) => ends.len(),
            Record::Decoded(_, ends) => ends.len(),
        }
    }
}

/// Reusable buffers for splitting lines.
pub struct Splitter {
    plain: Vec<u32>,
    quoted: csv_core::Reader,
    input: Vec<u8>,
    decoded: Vec<u8>,
    text: String,
    ends: Vec<usize>,
    n_ends: usize,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            plain: Vec::with_capacity(64),
            quoted: csv_core::ReaderBuilder::new()
                .delimiter(b'\t')
                .quoting(true)
                .double_quote(true)
                .build(),
            input: Vec::new(),
            decoded: Vec::new(),
            text: String::new(),
            ends: Vec::new(),
            n_ends: 0,
        }
    }
}

impl Splitter {
    /// Splits one line (without its line end) into fields.
    pub fn split<'r>(&'r mut self, line: &'r str) -> Result<Record<'r>, String> {
        // One vectorised look for a quote; a line without one is cut at its tabs, found
        // eight bytes at a time. Tabs are ASCII, so every cut is on a character boundary.
        self.plain.clear();
        if memchr::memchr(b'"', line.as_bytes()).is_none() {
            let Ok(len) = u32::try_from(line.len()) else {
                return Err("a line longer than 4 GiB: row skipped".into());
            };
            let plain = &mut self.plain;
            // Positions fit: the line is shorter than 4 GiB.
            each_tab(line.as_bytes(), |i| plain.push(i as u32));
            self.plain.push(len);
            return Ok(Record::Plain(line, &self.plain));
        }
        self.split_quoted(line)?;
        Ok(Record::Decoded(
            &self.text,
            self.ends.get(..self.n_ends).unwrap_or_default(),
        ))
    }

    /// Decodes a line with CSV-style quoted fields (the csv crate's core state machine,
    /// reused from line to line).
    fn split_quoted(&mut self, line: &str) -> Result<(), String> {
        self.quoted.reset();
        self.input.clear();
        self.input.extend_from_slice(line.as_bytes());
        self.input.push(b'\n');
        self.decoded.clear();
        self.decoded.resize(line.len() + 1, 0);
        self.ends.clear();
        self.ends.resize(line.len() + 2, 0);
        let (result, _, written, n_ends) =
            self.quoted
                .read_record(&self.input, &mut self.decoded, &mut self.ends);
        if result != csv_core::ReadRecordResult::Record {
            return Err("unreadable row skipped: its quoting could not be decoded".into());
        }
        // Removing quotes from valid UTF-8 leaves valid UTF-8.
        self.text.clear();
        self.text.push_str(&String::from_utf8_lossy(
            self.decoded.get(..written).unwrap_or_default(),
        ));
        self.n_ends = n_ends;
        Ok(())
    }
}

/// Calls `f` with the position of every tab in `bytes`, in order. Eight bytes are tested
/// at once (fields are a few bytes long, too short for a search per field to pay off):
/// a byte equal to a tab becomes zero, and an exact zero-byte test marks it.
fn each_tab(bytes: &[u8], mut f: impl FnMut(usize)) {
    const TABS: u64 = 0x0909_0909_0909_0909;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            continue;
        };
        let x = u64::from_le_bytes(word) ^ TABS;
        // Bit 7 of a byte is set exactly when that byte of `x` is zero.
        let mut zeros = !(((x & LOW7).wrapping_add(LOW7)) | x) & HIGH;
        while zeros != 0 {
            f(base + (zeros.trailing_zeros() / 8) as usize);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == b'\t' {
            f(base + i);
        }
    }
}

/// The lines of a chunk's text with their file line numbers, line ends (`\n`, `\r\n`)
/// removed; no empty line after a final line end.
pub fn lines(text: &str, first_line: u32) -> impl Iterator<Item = (u32, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    memchr::memchr_iter(b'\n', bytes)
        .chain(std::iter::once(bytes.len()))
        .enumerate()
        .filter_map(move |(i, end)| {
            let line = text.get(start..end)?;
            start = end + 1;
            if end == bytes.len() && line.is_empty() {
                return None;
            }
            let n = first_line.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
            Some((n, line.strip_suffix('\r').unwrap_or(line)))
        })
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
        let text = std::str::from_utf8(chunks[1].bytes).unwrap();
        let lines: Vec<(u32, &str)> = super::lines(text, chunks[1].first_line).collect();
        assert_eq!(lines[0], (4, "5\t6"));
    }

    #[test]
    fn every_tab_is_found_once_in_order() {
        let lines = [
            "",
            "\t",
            "a\tb",
            "\t\t\t\t\t\t\t\t\t",
            "0001\t\tF1, F2\tSMITH JOHN\t\t\t\u{89}\x09x\x08\x0a\x19",
            "é\tß\t\u{2009}\t\u{0}\u{7f}\u{ff}\ttail without a tab at all, long enough",
        ];
        for line in lines {
            let mut found = Vec::new();
            each_tab(line.as_bytes(), |i| found.push(i));
            let expected: Vec<usize> = line
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\t')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(found, expected, "{line:?}");
            let mut s = Splitter::default();
            let fields = s.split(line).unwrap();
            let want: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), want.len());
            for (i, w) in want.iter().enumerate() {
                assert_eq!(fields.get(i), Some(*w));
            }
        }
    }

    #[test]
    fn lines_end_like_the_text_does() {
        let all = |t: &'static str| -> Vec<(u32, &'static str)> { super::lines(t, 7).collect() };
        assert_eq!(all(""), []);
        assert_eq!(all("a"), [(7, "a")]);
        assert_eq!(all("a\n"), [(7, "a")]);
        assert_eq!(all("a\r\n\nb"), [(7, "a"), (8, ""), (9, "b")]);
        assert_eq!(all("\n\n"), [(7, ""), (8, "")]);
    }

    #[test]
    fn plain_and_quoted_lines_split_alike() {
        let mut s = Splitter::default();
        let plain = s.split("a\t\tc").unwrap();
        assert_eq!(
            (plain.len(), plain.get(1), plain.get(2)),
            (3, Some(""), Some("c"))
        );
        let quoted = s.split("a\t\"say \"\"hi\"\"\"\tc").unwrap();
        assert_eq!(quoted.len(), 3);
        assert_eq!(quoted.get(1), Some("say \"hi\""));
        assert_eq!(quoted.get(2), Some("c"));
    }
}
