//! JSON Lines input: one article per line, an object with `text` or `html` and optional
//! `title`, `published`, `url`, `source` and `id`.
//!
//! Each line is read on its own: a broken line is an error naming its line number, and the
//! other lines are still read, in order.

use serde::Deserialize;

use crate::error::{Error, Location, Result};

/// One JSONL record as the input gives it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Record {
    /// Plain text of the article.
    pub text: Option<String>,
    /// HTML of the article (used when `text` is absent).
    pub html: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub published: Option<String>,
    /// The article's URL (`sourceUrl`, as re3d writes it, is accepted too).
    #[serde(alias = "sourceUrl")]
    pub url: Option<String>,
    /// The outlet (`sourceName`, as re3d writes it, is accepted too).
    #[serde(alias = "sourceName")]
    pub source: Option<String>,
    /// The input's own id (a string or a number); `_id` is accepted too.
    #[serde(alias = "_id")]
    pub id: Option<serde_json::Value>,
}

/// Parses one line (1-based `line` for errors). Blank lines give `Ok(None)`.
pub fn parse_line(line: &str, file: &str, line_no: usize) -> Result<Option<Record>> {
    let trimmed = line.trim().trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let record: Record = serde_json::from_str(trimmed)
        .map_err(|e| Error::Jsonl(Location::line(file, line_no), e.to_string()))?;
    let has_text = |s: &Option<String>| s.as_deref().is_some_and(|t| !t.trim().is_empty());
    if !has_text(&record.text) && !has_text(&record.html) {
        return Err(Error::Jsonl(
            Location::line(file, line_no),
            "no \"text\" or \"html\" field with content".into(),
        ));
    }
    Ok(Some(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_reports_broken_lines() {
        let r = parse_line(r#"{"text":"Hi.","title":"T","id":7}"#, "a.jsonl", 1)
            .unwrap()
            .unwrap();
        assert_eq!(r.text.as_deref(), Some("Hi."));
        assert_eq!(r.id, Some(serde_json::json!(7)));
        let r = parse_line("\u{feff}{\"_id\":\"x\",\"text\":\"Hi.\"}", "a.jsonl", 1)
            .unwrap()
            .unwrap();
        assert_eq!(r.id, Some(serde_json::json!("x")));
        let r = parse_line(
            r#"{"text":"Hi.","sourceName":"Wikipedia","sourceUrl":"https://en.wikipedia.org/wiki/X"}"#,
            "a.jsonl",
            1,
        )
        .unwrap()
        .unwrap();
        assert_eq!(r.source.as_deref(), Some("Wikipedia"));
        assert_eq!(r.url.as_deref(), Some("https://en.wikipedia.org/wiki/X"));
        assert!(parse_line("   ", "a.jsonl", 2).unwrap().is_none());
        let err = parse_line("{\"text\": ", "a.jsonl", 3).unwrap_err();
        assert!(
            err.to_string().starts_with("a.jsonl:3: bad JSONL record"),
            "{err}"
        );
        let err = parse_line("{\"title\": \"x\"}", "a.jsonl", 4).unwrap_err();
        assert!(err.to_string().contains("no \"text\" or \"html\""), "{err}");
    }
}
