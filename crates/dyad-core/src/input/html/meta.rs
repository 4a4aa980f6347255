//! Page metadata: what a page says about itself in `<meta>`, `<link>`, `<title>`, JSON-LD
//! and `<time>` elements, and its declared language.
//!
//! It reads declarations only; it does not guess a date or a title from the body text
//! (the bold-lead title of fragments is decided in [`super::extract`]).

use super::dom::{Node, NodeData};
use crate::document::fold_whitespace;
use crate::input::normalize_date;

/// What the page declares about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// `og:title` (or `twitter:title`).
    pub og_title: Option<String>,
    /// The `<title>` element, as written.
    pub title_element: Option<String>,
    /// The first `<h1>`.
    pub first_h1: Option<String>,
    /// The JSON-LD `headline`.
    pub ld_headline: Option<String>,
    /// The publication date, normalised.
    pub published: Option<String>,
    /// The site name.
    pub site_name: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The declared language, lower case.
    pub lang: Option<String>,
}

/// Date candidates by strength: a lower rank wins.
#[derive(Default)]
struct Dates {
    best: Option<(u8, String)>,
}

impl Dates {
    fn offer(&mut self, rank: u8, raw: &str) {
        if self.best.as_ref().is_some_and(|(r, _)| *r <= rank) {
            return;
        }
        if let Some(date) = normalize_date(raw) {
            self.best = Some((rank, date));
        }
    }
}

/// Meta names (or properties) that carry a publication date, with their rank.
fn date_rank(key: &str) -> Option<u8> {
    Some(match key {
        "article:published_time" => 0,
        "og:published_time" | "article:published" | "datepublished" => 2,
        "pubdate"
        | "publishdate"
        | "publish-date"
        | "published_time"
        | "parsely-pub-date"
        | "sailthru.date"
        | "dc.date.issued"
        | "dcterms.issued"
        | "dc.date"
        | "dcterms.date"
        | "date"
        | "cxenseparse:recs:publishtime"
        | "article.published" => 3,
        _ => return None,
    })
}

/// Reads the metadata of a parsed page.
pub fn read(document: &Node<'_>) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut dates = Dates::default();
    let mut ld_site: Option<String> = None;
    let mut og_url: Option<String> = None;
    let mut stack = Vec::new();
    let mut child = document.first_child();
    while let Some(c) = child {
        stack.push(c);
        child = c.next_sibling();
    }
    stack.reverse();
    while let Some(node) = stack.pop() {
        let NodeData::Element { name, .. } = &node.data else {
            continue;
        };
        let mut descend = true;
        match &*name.local {
            "html" if meta.lang.is_none() => {
                meta.lang = node
                    .attr("lang")
                    .map(|l| l.trim().to_ascii_lowercase())
                    .filter(|l| !l.is_empty());
            }
            "meta" => read_meta(node, &mut meta, &mut dates, &mut og_url),
            "link" if meta.url.is_none() => {
                let rel = node.attr("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    meta.url = node.attr("href").map(|h| h.trim().to_string());
                }
            }
            "title" => {
                descend = false;
                if meta.title_element.is_none() {
                    meta.title_element = Some(text_of(node)).filter(|t| !t.is_empty());
                }
            }
            "h1" => {
                descend = false;
                if meta.first_h1.is_none() {
                    meta.first_h1 = Some(text_of(node)).filter(|t| !t.is_empty());
                }
            }
            "time" => {
                if let Some(dt) = node.attr("datetime") {
                    let rank = if node
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                        || node.attr("pubdate").is_some()
                    {
                        2
                    } else {
                        5
                    };
                    dates.offer(rank, &dt);
                }
            }
            "script" => {
                descend = false;
                let is_ld = node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    let mut json = String::new();
                    node.text_into(&mut json);
                    read_json_ld(&json, &mut meta, &mut dates, &mut ld_site);
                }
            }
            "style" | "svg" | "noscript" | "template" => descend = false,
            _ => {}
        }
        if descend {
            let start = stack.len();
            let mut child = node.first_child();
            while let Some(c) = child {
                stack.push(c);
                child = c.next_sibling();
            }
            stack[start..].reverse();
        }
    }
    meta.published = dates.best.map(|(_, d)| d);
    meta.site_name = meta.site_name.or(ld_site);
    meta.url = meta.url.or(og_url).filter(|u| !u.is_empty());
    meta
}

fn text_of(node: &Node<'_>) -> String {
    let mut raw = String::new();
    collect_text(node, &mut raw);
    fold_whitespace(&raw)
}

/// Appends the text under a node, leaving out scripts and styles.
fn collect_text(node: &Node<'_>, out: &mut String) {
    let mut stack = Vec::new();
    let mut child = node.first_child();
    while let Some(c) = child {
        stack.push(c);
        child = c.next_sibling();
    }
    stack.reverse();
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text(t) => out.push_str(&t.borrow()),
            NodeData::Element { name, .. }
                if matches!(&*name.local, "script" | "style" | "noscript") => {}
            _ => {
                let start = stack.len();
                let mut child = n.first_child();
                while let Some(c) = child {
                    stack.push(c);
                    child = c.next_sibling();
                }
                stack[start..].reverse();
            }
        }
    }
}

fn read_meta(node: &Node<'_>, meta: &mut PageMeta, dates: &mut Dates, og_url: &mut Option<String>) {
    let Some(content) = node.attr("content") else {
        return;
    };
    let content = fold_whitespace(&content);
    if content.is_empty() {
        return;
    }
    for key_attr in ["property", "name", "itemprop"] {
        let Some(key) = node.attr(key_attr) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" => {
                if meta.og_title.is_none() || key == "og:title" {
                    meta.og_title.get_or_insert(content.clone());
                }
            }
            "og:site_name" | "application-name" if meta.site_name.is_none() => {
                meta.site_name = Some(content.clone());
            }
            "og:url" if og_url.is_none() => *og_url = Some(content.clone()),
            _ => {
                if let Some(rank) = date_rank(&key) {
                    dates.offer(rank, &content);
                }
            }
        }
    }
}

/// Reads `datePublished`, `headline` and the publisher's name from a JSON-LD block (an
/// object, an array of objects, or an object with an `@graph`). Broken JSON is ignored.
fn read_json_ld(json: &str, meta: &mut PageMeta, dates: &mut Dates, site: &mut Option<String>) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
        return;
    };
    let mut queue = vec![&value];
    let mut seen = 0;
    while let Some(v) = queue.pop() {
        seen += 1;
        if seen > 200 {
            break;
        }
        match v {
            serde_json::Value::Array(items) => queue.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    queue.push(graph);
                }
                if let Some(date) = map.get("datePublished").and_then(|d| d.as_str()) {
                    dates.offer(1, date);
                }
                if meta.ld_headline.is_none() {
                    meta.ld_headline = map
                        .get("headline")
                        .and_then(|h| h.as_str())
                        .map(fold_whitespace)
                        .filter(|h| !h.is_empty());
                }
                if site.is_none() {
                    *site = map
                        .get("publisher")
                        .and_then(|p| match p {
                            serde_json::Value::Array(a) => a.first(),
                            other => Some(other),
                        })
                        .and_then(|p| p.get("name"))
                        .and_then(|n| n.as_str())
                        .map(fold_whitespace)
                        .filter(|n| !n.is_empty());
                }
            }
            _ => {}
        }
    }
}

/// Removes a site-name suffix or prefix from a `<title>`: the site name itself when known,
/// otherwise the shorter side of the last separator (` | `, ` - `, ` – `, ` — `, ` :: `,
/// ` · `) when the other side reads like a headline.
pub fn clean_title(title: &str, site_name: Option<&str>) -> String {
    let title = fold_whitespace(title);
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " « "];
    if let Some(site) = site_name.filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep))
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
            if let Some(tail) = title.strip_prefix(site).and_then(|t| t.strip_prefix(sep))
                && !tail.trim().is_empty()
            {
                return tail.trim().to_string();
            }
        }
    }
    let last = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|(at, _)| *at);
    let Some((at, len)) = last else {
        return title;
    };
    let (head, tail) = (title[..at].trim(), title[at + len..].trim());
    let words = |s: &str| s.split_whitespace().count();
    if words(head) >= 3 || words(head) >= words(tail) {
        head.to_string()
    } else {
        tail.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes_go() {
        assert_eq!(
            clean_title("Rebels take the port - The Daily Planet", None),
            "Rebels take the port"
        );
        assert_eq!(
            clean_title("Rebels take the port | Planet", Some("Planet")),
            "Rebels take the port"
        );
        assert_eq!(
            clean_title("Planet | Rebels take the port at dawn", None),
            "Rebels take the port at dawn"
        );
        assert_eq!(clean_title("No separator here", None), "No separator here");
    }
}
