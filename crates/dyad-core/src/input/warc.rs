//! WARC (Web ARChive, ISO 28500) reading: bytes in, records out, and the HTTP responses
//! inside them.
//!
//! A WARC file is a sequence of records, each a `WARC/1.x` version line, named header fields,
//! a blank line, a block of exactly `Content-Length` bytes and two line ends. Common Crawl News
//! stores each fetched page as a `response` record whose block is the HTTP response (status
//! line, headers, body). This reader is exact about lengths and never trusts them: a record
//! that claims more bytes than remain is an error naming its byte offset, and the records
//! before it are still returned. It does no I/O and does not decompress: the caller gives the
//! decompressed bytes (see [`gunzip_partial`] for a truncated `.warc.gz`).

use std::borrow::Cow;
use std::io::Read;

use crate::error::{Error, Location, Result};

/// One WARC record: its place in the input, its header fields and its block.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// The byte offset of the record's version line in the (decompressed) input.
    pub offset: usize,
    /// The version, such as `WARC/1.0`.
    pub version: String,
    /// The header fields in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The record's block: exactly `Content-Length` bytes.
    pub block: &'a [u8],
}

impl Record<'_> {
    /// The value of a header field; names are compared without regard to case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The record type (`WARC-Type`): `warcinfo`, `request`, `response`, `metadata` …
    pub fn kind(&self) -> &str {
        self.header("WARC-Type").unwrap_or("")
    }
}

/// The records of a WARC input, in order; iteration ends after the first error.
pub struct Records<'a> {
    bytes: &'a [u8],
    pos: usize,
    name: &'a str,
    done: bool,
}

/// Iterates over the records of decompressed WARC bytes. `name` is used in errors.
pub fn records<'a>(bytes: &'a [u8], name: &'a str) -> Records<'a> {
    Records {
        bytes,
        pos: 0,
        name,
        done: false,
    }
}

/// True when the bytes start like a WARC record.
pub fn looks_like(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"WARC/")
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // Records are separated by line ends; anything else between them is an error.
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b'\r' | b'\n') {
            self.pos += 1;
        }
        if self.pos >= self.bytes.len() {
            self.done = true;
            return None;
        }
        let result = self.parse_one();
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }
}

impl<'a> Records<'a> {
    fn error(&self, offset: usize, why: String) -> Error {
        Error::Malformed(
            Location::file(self.name),
            format!("WARC record at byte {offset}: {why}"),
        )
    }

    fn parse_one(&mut self) -> Result<Record<'a>> {
        let offset = self.pos;
        let rest = &self.bytes[offset..];
        if !rest.starts_with(b"WARC/") {
            return Err(self.error(offset, "does not start with a WARC/ version line".into()));
        }
        let Some((head_len, body_start)) = header_end(rest) else {
            return Err(self.error(
                offset,
                "truncated: the header has no end (no blank line)".into(),
            ));
        };
        let head = String::from_utf8_lossy(&rest[..head_len]);
        let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        let version = lines.next().unwrap_or("").trim().to_string();
        let headers = parse_fields(lines);
        let length = match headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        {
            Some((_, v)) => v
                .trim()
                .parse::<usize>()
                .map_err(|_| self.error(offset, format!("bad Content-Length {v:?}")))?,
            None => return Err(self.error(offset, "no Content-Length".into())),
        };
        let available = rest.len() - body_start;
        if length > available {
            return Err(self.error(
                offset,
                format!("truncated: Content-Length is {length} but only {available} bytes remain"),
            ));
        }
        let block = &rest[body_start..body_start + length];
        self.pos = offset + body_start + length;
        Ok(Record {
            offset,
            version,
            headers,
            block,
        })
    }
}

/// Where the header of `bytes` ends: (length of the header text, start of the block). Accepts
/// `\r\n\r\n` and, leniently, `\n\n`.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            if bytes.get(i + 1) == Some(&b'\n') {
                return Some((i, i + 2));
            }
            if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') {
                return Some((i, i + 3));
            }
        }
        i += 1;
    }
    None
}

/// Parses `Name: value` lines; lines starting with a space or tab continue the previous value.
fn parse_fields<'s>(lines: impl Iterator<Item = &'s str>) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    fields
}

/// An HTTP response found in a `response` record's block.
#[derive(Debug, Clone)]
pub struct HttpResponse<'a> {
    /// The status code (200, 404 …).
    pub status: u16,
    /// The media type of `Content-Type`, lower-cased, without parameters.
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, when given.
    pub charset: Option<String>,
    /// The header fields in order.
    pub headers: Vec<(String, String)>,
    /// The body, with chunked transfer coding and gzip content coding undone.
    pub body: Cow<'a, [u8]>,
}

impl HttpResponse<'_> {
    /// True when the body is an HTML (or XHTML) page.
    pub fn is_html(&self) -> bool {
        matches!(
            self.media_type.as_deref(),
            Some("text/html" | "application/xhtml+xml")
        )
    }
}

/// Parses the HTTP response in a record block. `None` when the block is not an HTTP response
/// or its body cannot be decoded (a broken chunked or gzip body).
pub fn http_response(block: &[u8]) -> Option<HttpResponse<'_>> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_len, body_start) = header_end(block).unwrap_or((block.len(), block.len()));
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let status_line = lines.next()?;
    let status: u16 = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let headers = parse_fields(lines);
    let field = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let (media_type, charset) = match field("Content-Type") {
        Some(ct) => {
            let mut parts = ct.split(';');
            let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let charset = parts.find_map(|p| {
                let (k, v) = p.split_once('=')?;
                k.trim()
                    .eq_ignore_ascii_case("charset")
                    .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            });
            ((!media.is_empty()).then_some(media), charset)
        }
        None => (None, None),
    };
    let mut body: Cow<'_, [u8]> = Cow::Borrowed(&block[body_start..]);
    if field("Transfer-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        body = Cow::Owned(dechunk(&body)?);
    }
    if field("Content-Encoding").is_some_and(|v| {
        let v = v.trim().to_ascii_lowercase();
        v == "gzip" || v == "x-gzip"
    }) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_end(&mut out)
            .ok()?;
        body = Cow::Owned(out);
    }
    Some(HttpResponse {
        status,
        media_type,
        charset,
        headers,
        body,
    })
}

/// Undoes HTTP/1.1 chunked transfer coding; `None` when the chunks are broken.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = bytes.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&bytes[..line_end]).ok()?;
        let size_text = line.trim().split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        bytes = &bytes[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > bytes.len() {
            return None;
        }
        out.extend_from_slice(&bytes[..size]);
        bytes = &bytes[size..];
        // The line end after the chunk data.
        if bytes.starts_with(b"\r\n") {
            bytes = &bytes[2..];
        } else if bytes.starts_with(b"\n") {
            bytes = &bytes[1..];
        }
    }
}

/// Decompresses gzip data (every member, as `.warc.gz` files hold one per record) and keeps
/// what was decoded before an error, so that the records before a truncated end can still be
/// read. Returns the bytes and the error, if any.
pub fn gunzip_partial(bytes: &[u8]) -> (Vec<u8>, Option<String>) {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    match decoder.read_to_end(&mut out) {
        Ok(_) => (out, None),
        Err(e) => (out, Some(e.to_string())),
    }
}

/// The calendar day (`YYYY-MM-DD`) of a `WARC-Date` such as `2025-10-15T08:00:00Z`.
pub fn date_of(warc_date: &str) -> Option<String> {
    super::normalize_date(warc_date.get(..10).unwrap_or(warc_date)).filter(|d| d.len() == 10)
}

/// The host of a URL (`https://www.example.org/a` → `www.example.org`).
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next()?.to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-10-15T08:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn reads_records_and_http() {
        let body =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>Hi</p>";
        let mut bytes = record("warcinfo", "", b"software: test\r\n");
        bytes.extend(record("response", "https://news.example.org/a", body));
        let recs: Vec<_> = records(&bytes, "t.warc").collect::<Result<_>>().unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].kind(), "response");
        assert_eq!(
            recs[1].header("warc-target-uri"),
            Some("https://news.example.org/a")
        );
        let http = http_response(recs[1].block).unwrap();
        assert_eq!(http.status, 200);
        assert!(http.is_html());
        assert_eq!(http.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(&http.body[..], b"<p>Hi</p>");
    }

    #[test]
    fn truncation_names_the_offset_and_keeps_earlier_records() {
        let mut bytes = record("response", "u", b"HTTP/1.1 200 OK\r\n\r\nx");
        let second = bytes.len();
        let mut last = record("response", "v", b"HTTP/1.1 200 OK\r\n\r\nlong body here");
        last.truncate(last.len() - 10);
        bytes.extend(last);
        let out: Vec<_> = records(&bytes, "t.warc").collect();
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok());
        let err = out[1].as_ref().unwrap_err().to_string();
        assert!(
            err.contains(&format!(
                "t.warc: malformed input: WARC record at byte {second}"
            )),
            "{err}"
        );
        assert!(err.contains("truncated"), "{err}");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(&http_response(block).unwrap().body[..], b"abcde");
    }

    #[test]
    fn hosts_and_dates() {
        assert_eq!(
            host_of("https://user@www.Example.org:8080/a?b").as_deref(),
            Some("www.example.org")
        );
        assert_eq!(
            date_of("2025-10-15T08:00:00Z").as_deref(),
            Some("2025-10-15")
        );
        assert_eq!(date_of("junk"), None);
    }
}
