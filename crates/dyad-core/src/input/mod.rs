//! Reading articles: turns the bytes of one input (a file or a stream) into [`Document`]s.
//!
//! One submodule per input kind: [`html`] (fragments and full pages), [`text`], [`jsonl`],
//! [`reuters`] (Reuters-21578 SGML) and [`warc`] (web archives, such as Common Crawl News);
//! [`decode`] handles gzip and character encodings for all of them. Every record that cannot be read is an [`Error`] naming the input and line, and
//! the other records of the same input are still returned, in input order.

pub mod decode;
pub mod html;
pub mod jsonl;
pub mod reuters;
pub mod text;
pub mod warc;

use sha2::{Digest, Sha256};

use crate::document::{ArticleMeta, BlockKind, Document};
use crate::error::{Error, Location, Result};

/// The kind of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the name and the content.
    #[default]
    Auto,
    /// An HTML page or fragment.
    Html,
    /// Plain text.
    Text,
    /// JSON Lines, one article per line.
    Jsonl,
    /// Reuters-21578 SGML.
    Reuters,
    /// A WARC web archive: its `response` records holding HTML pages.
    Warc,
}

impl Format {
    /// Picks the format of a decoded input from its name (extension, ignoring `.gz`) and, for
    /// other names, its first bytes.
    pub fn detect(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "html" | "htm" | "xhtml" => return Format::Html,
            "jsonl" | "ndjson" => return Format::Jsonl,
            "sgm" | "sgml" => return Format::Reuters,
            "warc" => return Format::Warc,
            _ => {}
        }
        let head = &text[..floor_boundary(text, 4096)];
        let trimmed = head.trim_start();
        if trimmed.starts_with("WARC/") {
            Format::Warc
        } else if reuters::looks_like(head) {
            Format::Reuters
        } else if trimmed.starts_with('{') {
            Format::Jsonl
        } else if looks_like_html(trimmed) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// The largest char boundary at or below `at`.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn looks_like_html(head: &str) -> bool {
    let lower = head.to_ascii_lowercase();
    lower.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<p",
            "<div",
            "<body",
            "<head",
            "<h1",
            "<h2",
            "<h3",
            "<article",
            "<meta",
            "<span",
            "<strong",
            "<section",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// What the caller knows about the input beyond its bytes.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forces a format; `Auto` detects it.
    pub format: Format,
    /// Publication date to use when the article does not give one (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Outlet name to use when the article does not give one.
    pub source: Option<String>,
}

/// What reading one input gave: the articles (or errors) in input order, and the records
/// that were skipped on purpose because they hold no article.
#[derive(Debug, Default)]
pub struct ReadReport {
    /// One result per article record, in input order.
    pub documents: Vec<Result<Document>>,
    /// Records skipped without error, by reason (`"WARC request record"`, `"HTTP status
    /// 404"` …), with their number, in order of first occurrence.
    pub skipped: Vec<(String, usize)>,
}

impl ReadReport {
    fn skip(&mut self, reason: String) {
        match self.skipped.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => self.skipped.push((reason, 1)),
        }
    }
}

/// Reads every article of one input. `name` is used in errors and for format detection.
pub fn read(name: &str, bytes: &[u8], options: &ReadOptions) -> Vec<Result<Document>> {
    read_report(name, bytes, options).documents
}

/// Reads every article of one input, and says which records were skipped as not articles.
pub fn read_report(name: &str, bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let lower = name.to_ascii_lowercase();
    let warc_name = lower.ends_with(".warc") || lower.ends_with(".warc.gz");
    if options.format == Format::Warc || (options.format == Format::Auto && warc_name) {
        return read_warc(name, bytes, options);
    }
    let bytes = match decode::maybe_gunzip(bytes, name) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)].into(),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(Error::Empty(Location::file(name)))].into();
    }
    let format = match options.format {
        Format::Auto => {
            // Detect on a lossy view so that a JSONL file with one bad line is still JSONL.
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            Format::detect(name, &head)
        }
        f => f,
    };
    if format == Format::Warc {
        return read_warc(name, &bytes, options);
    }
    read_decoded(name, &bytes, format, options).into()
}

impl From<Vec<Result<Document>>> for ReadReport {
    fn from(documents: Vec<Result<Document>>) -> Self {
        ReadReport {
            documents,
            skipped: Vec::new(),
        }
    }
}

/// Reads a WARC input (gzip or not): every `response` record holding an HTML page with
/// status 200 is an article; other records are counted as skipped. A truncated record at the
/// end is an error naming its offset, after the articles before it.
fn read_warc(name: &str, bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut report = ReadReport::default();
    let (bytes, gzip_error) = if decode::is_gzip(bytes) {
        let (out, err) = warc::gunzip_partial(bytes);
        (std::borrow::Cow::Owned(out), err)
    } else {
        (std::borrow::Cow::Borrowed(bytes), None)
    };
    let mut record_error = false;
    for record in warc::records(&bytes, name) {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.documents.push(Err(e));
                record_error = true;
                break;
            }
        };
        if record.kind() != "response" {
            let kind = if record.kind().is_empty() {
                "untyped"
            } else {
                record.kind()
            };
            report.skip(format!("WARC {kind} record"));
            continue;
        }
        let Some(http) = warc::http_response(record.block) else {
            report.skip("WARC response without a readable HTTP response".into());
            continue;
        };
        if http.status != 200 {
            report.skip(format!("HTTP status {}", http.status));
            continue;
        }
        if !http.is_html() {
            let media = http.media_type.as_deref().unwrap_or("no Content-Type");
            report.skip(format!("not HTML ({media})"));
            continue;
        }
        let record_name = format!("{name} (WARC record at byte {})", record.offset);
        let declared = http
            .charset
            .as_deref()
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
        let text = match declared {
            Some(encoding) => encoding.decode_with_bom_removal(&http.body).0.into_owned(),
            None => match decode::decode(&http.body, &record_name) {
                Ok((text, _)) => text,
                Err(e) => {
                    report.documents.push(Err(e));
                    continue;
                }
            },
        };
        let url = record.header("WARC-Target-URI").map(str::to_string);
        let meta = ArticleMeta {
            input_id: record.header("WARC-Record-ID").map(str::to_string),
            source: options.source.clone(),
            url: url.clone(),
            ..ArticleMeta::default()
        };
        let doc = from_html(&text, meta, Location::file(record_name)).map(|mut doc| {
            if doc.meta.published.is_none() {
                doc.meta.published = record
                    .header("WARC-Date")
                    .and_then(warc::date_of)
                    .or_else(|| options.published.clone());
            }
            if doc.meta.source.is_none() {
                doc.meta.source = url.as_deref().and_then(warc::host_of);
            }
            doc
        });
        report.documents.push(doc);
    }
    if let (Some(why), false) = (gzip_error, record_error) {
        report
            .documents
            .push(Err(Error::Compression(Location::file(name), why)));
    }
    if report.documents.is_empty() && report.skipped.is_empty() {
        report
            .documents
            .push(Err(Error::Empty(Location::file(name))));
    }
    report
}

fn read_decoded(
    name: &str,
    bytes: &[u8],
    format: Format,
    options: &ReadOptions,
) -> Vec<Result<Document>> {
    if format == Format::Jsonl {
        return read_jsonl(name, bytes, options);
    }
    let text = match decode::decode(bytes, name) {
        Ok((text, _)) => text,
        Err(e) => return vec![Err(e)],
    };
    match format {
        Format::Reuters => reuters::stories(&text, name)
            .into_iter()
            .map(|story| {
                let story = story?;
                let meta = ArticleMeta {
                    input_id: story.newid.clone(),
                    title: story.title.clone(),
                    published: story.date.clone().or_else(|| options.published.clone()),
                    source: options
                        .source
                        .clone()
                        .or_else(|| Some("Reuters".to_string())),
                    url: None,
                };
                let loc = Location::line(name, story.line);
                let blocks = story
                    .paragraphs
                    .iter()
                    .map(|p| (BlockKind::Paragraph, p.as_str()));
                finish(meta, story.title.as_deref(), blocks, loc)
            })
            .collect(),
        Format::Html => vec![from_html(&text, base_meta(options), Location::file(name))],
        _ => vec![from_text(&text, base_meta(options), Location::file(name))],
    }
}

fn base_meta(options: &ReadOptions) -> ArticleMeta {
    ArticleMeta {
        published: options.published.clone(),
        source: options.source.clone(),
        ..ArticleMeta::default()
    }
}

fn read_jsonl(name: &str, bytes: &[u8], options: &ReadOptions) -> Vec<Result<Document>> {
    let mut out = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = index + 1;
        let loc = Location::line(name, line_no);
        let line = match std::str::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                out.push(Err(Error::Jsonl(
                    loc,
                    format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                )));
                continue;
            }
        };
        match jsonl::parse_line(line, name, line_no) {
            Ok(None) => {}
            Ok(Some(record)) => out.push(from_record(record, options, loc)),
            Err(e) => out.push(Err(e)),
        }
    }
    if out.is_empty() {
        out.push(Err(Error::Empty(Location::file(name))));
    }
    out
}

/// Builds a document from one JSONL record.
pub fn from_record(
    record: jsonl::Record,
    options: &ReadOptions,
    loc: Location,
) -> Result<Document> {
    let meta = ArticleMeta {
        input_id: record.id.as_ref().map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }),
        title: record.title.clone(),
        published: record
            .published
            .as_deref()
            .and_then(normalize_date)
            .or_else(|| options.published.clone()),
        source: record.source.clone().or_else(|| options.source.clone()),
        url: record.url.clone(),
    };
    match (&record.text, &record.html) {
        (Some(text), _) if !text.trim().is_empty() => from_text(text, meta, loc),
        (_, Some(html)) => from_html(html, meta, loc),
        _ => Err(Error::Empty(loc)),
    }
}

/// Builds a document from HTML: the extractor's title and blocks, and the page's metadata
/// where the caller gave none.
pub fn from_html(html: &str, mut meta: ArticleMeta, loc: Location) -> Result<Document> {
    let page = html::extract(html);
    meta.title = meta.title.or(page.title.clone());
    meta.published = meta.published.or(page.published.clone());
    meta.source = meta.source.or(page.site_name.clone());
    meta.url = meta.url.or(page.url.clone());
    let title = meta.title.clone();
    let blocks = page
        .blocks
        .iter()
        .map(|(kind, text)| (*kind, text.as_str()));
    finish(meta, title.as_deref(), blocks, loc)
}

/// Builds a document from plain text. A title given by the caller replaces one found in
/// the text only when the text has none.
pub fn from_text(text: &str, mut meta: ArticleMeta, loc: Location) -> Result<Document> {
    let mut blocks = text::blocks(text);
    if let Some((BlockKind::Title, found)) = blocks.first() {
        if meta.title.is_none() {
            meta.title = Some(found.clone());
        }
        if meta.title.as_deref() == Some(found.as_str()) {
            blocks.remove(0);
        }
    }
    let title = meta.title.clone();
    finish(
        meta,
        title.as_deref(),
        blocks.iter().map(|(k, t)| (*k, t.as_str())),
        loc,
    )
}

/// Puts the title first, builds the document and gives it its id; no text is an error.
fn finish<'a>(
    mut meta: ArticleMeta,
    title: Option<&'a str>,
    blocks: impl Iterator<Item = (BlockKind, &'a str)>,
    loc: Location,
) -> Result<Document> {
    meta.title = meta
        .title
        .map(|t| crate::document::fold_whitespace(&t))
        .filter(|t| !t.is_empty());
    let title_block = title.map(|t| (BlockKind::Title, t));
    let doc = Document::from_blocks(meta, title_block.into_iter().chain(blocks));
    if doc.text.is_empty() {
        return Err(Error::Empty(loc));
    }
    Ok(doc)
}

/// The article id: the first 16 hex digits of the SHA-256 of the text with white space folded
/// and letters lower-cased, so the same text gives the same id whatever its layout.
pub fn article_id(text: &str) -> String {
    let normalized = crate::document::fold_whitespace(text).to_lowercase();
    let digest = Sha256::digest(normalized.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Normalises a date string to `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): ISO 8601 dates and
/// date-times (`2025-10-15T08:00:00Z`), `2025/10/15`, and `20251015`. Anything else is `None`.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let digits_at = |from: usize, n: usize| -> Option<u32> {
        let part = s.get(from..from + n)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = digits_at(0, 4)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    if s.len() >= 8 && s.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let (m, d) = (digits_at(4, 2)?, digits_at(6, 2)?);
        return valid(year, m, d).then(|| format!("{year:04}-{m:02}-{d:02}"));
    }
    let sep = s.as_bytes().get(4).copied();
    if s.len() == 4 {
        return Some(format!("{year:04}"));
    }
    if !matches!(sep, Some(b'-' | b'/' | b'.')) {
        return None;
    }
    let month = digits_at(5, 2)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if s.len() == 7 {
        return Some(format!("{year:04}-{month:02}"));
    }
    if s.as_bytes().get(7).copied() != sep {
        return None;
    }
    let day = digits_at(8, 2)?;
    if s.len() > 10 && s.as_bytes()[10].is_ascii_digit() {
        return None;
    }
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise() {
        assert_eq!(
            normalize_date("2025-10-15T08:00:00Z").as_deref(),
            Some("2025-10-15")
        );
        assert_eq!(normalize_date("2025/10/15").as_deref(), Some("2025-10-15"));
        assert_eq!(normalize_date("20251015").as_deref(), Some("2025-10-15"));
        assert_eq!(normalize_date("2025-10").as_deref(), Some("2025-10"));
        assert_eq!(normalize_date("2025-02-30"), None);
        assert_eq!(normalize_date("Wednesday"), None);
        assert_eq!(normalize_date("2025-1-5"), None);
    }

    #[test]
    fn detects_formats() {
        assert_eq!(
            Format::detect("a.txt", "<p><strong>T</strong></p>"),
            Format::Html
        );
        assert_eq!(Format::detect("a.txt", "Title\n\nBody."), Format::Text);
        assert_eq!(Format::detect("x", "{\"text\": \"a\"}\n"), Format::Jsonl);
        assert_eq!(Format::detect("a.html.gz", ""), Format::Html);
    }

    #[test]
    fn jsonl_keeps_order_and_reports_bad_lines() {
        let input = b"{\"text\":\"One.\",\"id\":\"a\"}\nnot json\n\n{\"html\":\"<p>Two.</p>\",\"published\":\"2020-01-02T00:00:00Z\"}\n";
        let docs = read("f.jsonl", input, &ReadOptions::default());
        assert_eq!(docs.len(), 3);
        assert_eq!(
            docs[0].as_ref().unwrap().meta.input_id.as_deref(),
            Some("a")
        );
        assert!(
            docs[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("f.jsonl:2:")
        );
        assert_eq!(
            docs[2].as_ref().unwrap().meta.published.as_deref(),
            Some("2020-01-02")
        );
    }

    #[test]
    fn empty_input_is_an_error() {
        let docs = read("e.txt", b"  \n", &ReadOptions::default());
        assert!(
            docs[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("e.txt: empty input")
        );
    }

    #[test]
    fn id_ignores_layout() {
        assert_eq!(article_id("A  b\nc"), article_id("a b c"));
        assert_eq!(article_id("x").len(), 16);
    }
}
