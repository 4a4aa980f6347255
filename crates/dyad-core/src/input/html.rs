//! HTML reading: main-text extraction and metadata from HTML fragments and full web pages.
//!
//! Turns markup into a title, headings and paragraphs (dropping navigation, scripts, styles,
//! ads, comments, footers and share widgets), plus the metadata a page declares (title,
//! publication date, site name, canonical URL, language). It does not decode bytes (see
//! [`super::decode`]) and never fails: broken markup still yields whatever text it holds.

use crate::document::BlockKind;

/// What was extracted from one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractedHtml {
    /// The headline.
    pub title: Option<String>,
    /// The publication date, normalised to `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub published: Option<String>,
    /// The site or outlet name.
    pub site_name: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The page's declared language (`<html lang>`), lower case.
    pub lang: Option<String>,
    /// The main text as headings and paragraphs, in order; the title is not repeated here.
    pub blocks: Vec<(BlockKind, String)>,
}

/// Extracts the main text and metadata of an HTML page or fragment.
///
/// Placeholder until the html5ever-based extractor lands: strips tags naively.
pub fn extract(html: &str) -> ExtractedHtml {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    ExtractedHtml {
        blocks: vec![(BlockKind::Paragraph, text)],
        ..ExtractedHtml::default()
    }
}
