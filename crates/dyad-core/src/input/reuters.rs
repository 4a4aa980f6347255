//! Reuters-21578 SGML: one article per `<REUTERS>` element, with `<TITLE>`, `<DATELINE>`,
//! `<BODY>` and `<DATE>`.
//!
//! This reader knows the corpus's fixed layout (per `lewis.dtd`) and nothing more general:
//! SGML is not HTML, and the corpus is the throughput benchmark, so a small exact reader is
//! both simpler and faster than a general parser.

use crate::error::{Error, Location, Result};

/// One Reuters story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Story {
    /// The `NEWID` attribute.
    pub newid: Option<String>,
    /// The `<DATE>` as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The `<TITLE>`.
    pub title: Option<String>,
    /// The body paragraphs (an indented line starts a new one), without the final "Reuter".
    pub paragraphs: Vec<String>,
    /// 1-based line of the `<REUTERS>` tag.
    pub line: usize,
}

/// True when the text looks like Reuters-21578 SGML.
pub fn looks_like(text: &str) -> bool {
    text.trim_start().starts_with("<!DOCTYPE lewis")
        || text[..text.len().min(4096)].contains("<REUTERS ")
}

/// Splits a file into stories. A `<REUTERS>` element without its end tag is an error naming
/// its line; the stories before it are still returned.
pub fn stories(text: &str, file: &str) -> Vec<Result<Story>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut consumed = 0;
    while let Some(start) = rest.find("<REUTERS") {
        let line = 1 + text[..consumed + start]
            .bytes()
            .filter(|&b| b == b'\n')
            .count();
        let Some(end) = rest[start..].find("</REUTERS>") else {
            out.push(Err(Error::Malformed(
                Location::line(file, line),
                "<REUTERS> without </REUTERS>".into(),
            )));
            break;
        };
        let element = &rest[start..start + end];
        out.push(Ok(parse_story(element, line)));
        let advance = start + end + "</REUTERS>".len();
        consumed += advance;
        rest = &rest[advance..];
    }
    out
}

fn parse_story(element: &str, line: usize) -> Story {
    let open_tag_end = element.find('>').unwrap_or(element.len());
    let newid = attribute(&element[..open_tag_end], "NEWID");
    let date = inner(element, "DATE").and_then(|d| reuters_date(d.trim()));
    let title = inner(element, "TITLE")
        .map(|t| unescape(t).trim().to_string())
        .filter(|t| !t.is_empty());
    let mut paragraphs = Vec::new();
    // Stories of TYPE="UNPROC" have no <BODY>: their text stands directly in <TEXT>.
    let body = inner(element, "BODY").or_else(|| {
        if title.is_none() {
            inner_after_open(element, "TEXT")
        } else {
            None
        }
    });
    if let Some(body) = body {
        let body = unescape(body);
        let mut current = String::new();
        for raw in body.lines() {
            let starts_paragraph = raw.starts_with(' ') || raw.starts_with('\t');
            let line = raw.trim();
            if line.is_empty() || starts_paragraph {
                if !current.trim().is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
                current.clear();
            }
            if !line.is_empty() {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line);
            }
        }
        if !current.trim().is_empty() {
            paragraphs.push(current);
        }
        // The wire sign-off "Reuter" (with the &#3; end-of-text control removed) is not text.
        if let Some(last) = paragraphs.last_mut() {
            let trimmed = last.trim_end();
            if let Some(stripped) = trimmed
                .strip_suffix("Reuter")
                .or_else(|| trimmed.strip_suffix("REUTER"))
            {
                *last = stripped.trim_end().to_string();
            }
            if last.is_empty() {
                paragraphs.pop();
            }
        }
    }
    Story {
        newid,
        date,
        title,
        paragraphs,
        line,
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].to_string())
}

/// The content of an element whose opening tag may carry attributes (`<TEXT TYPE="UNPROC">`).
fn inner_after_open<'a>(element: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let at = element.find(&open)?;
    let start = at + element[at..].find('>')? + 1;
    let end = element[start..]
        .find(&close)
        .map_or(element.len(), |e| start + e);
    Some(&element[start..end])
}

fn inner<'a>(element: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = element.find(&open)? + open.len();
    let end = element[start..]
        .find(&close)
        .map_or(element.len(), |e| start + e);
    Some(&element[start..end])
}

/// Replaces the named entities the corpus uses, decodes numeric ones, and drops control
/// characters (the corpus marks start and end of text with `&#2;` and `&#3;`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[..rest.len().min(10)].find(';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                _ => name
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                if !c.is_control() || matches!(c, '\n' | '\t') {
                    out.push(c);
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// `26-FEB-1987 15:01:01.79` → `1987-02-26`.
fn reuters_date(s: &str) -> Option<String> {
    let date = s.split_whitespace().next()?;
    let mut parts = date.split('-');
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()?.to_ascii_uppercase().as_str() {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        "DEC" => 12,
        _ => return None,
    };
    let year: u32 = parts.next()?.parse().ok()?;
    (1..=31)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unprocessed_stories_keep_their_text() {
        let sgm = "<REUTERS NEWID=\"7\">\n<DATE>19-OCT-1987 14:45:58.06</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\nWIDGET OUTPUT UP SPRINGFIELD, Oct 19\n- Widget output rose, the ministry said.\n Reuter\n&#3;</TEXT>\n</REUTERS>";
        let story = stories(sgm, "u.sgm").remove(0).unwrap();
        assert_eq!(story.title, None);
        assert_eq!(
            story.paragraphs,
            vec!["WIDGET OUTPUT UP SPRINGFIELD, Oct 19 - Widget output rose, the ministry said."]
        );
    }

    #[test]
    fn reads_a_story_written_for_this_test() {
        let sgm = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"NO\" NEWID=\"42\">\n<DATE> 3-MAR-1987 09:01:02.03</DATE>\n<TEXT>&#2;\n<TITLE>ACME &lt;ACM> RAISES OUTPUT</TITLE>\n<DATELINE>    SPRINGFIELD, March 3 - </DATELINE><BODY>Acme Corp said it raised\noutput by 10 pct.\n    It gave no reason.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"43\">\n";
        let stories = stories(sgm, "t.sgm");
        assert_eq!(stories.len(), 2);
        let s = stories[0].as_ref().unwrap();
        assert_eq!(s.newid.as_deref(), Some("42"));
        assert_eq!(s.date.as_deref(), Some("1987-03-03"));
        assert_eq!(s.title.as_deref(), Some("ACME <ACM> RAISES OUTPUT"));
        assert_eq!(
            s.paragraphs,
            vec![
                "Acme Corp said it raised output by 10 pct.",
                "It gave no reason."
            ]
        );
        let err = stories[1].as_ref().unwrap_err();
        assert!(err.to_string().starts_with("t.sgm:12:"), "{err}");
    }
}
