//! HTML reading: main-text extraction and metadata from HTML fragments and full web pages.
//!
//! Turns markup into a title, headings and paragraphs (dropping navigation, scripts, styles,
//! ads, comments, footers and share widgets), plus the metadata a page declares (title,
//! publication date, site name, canonical URL, language). It does not decode bytes (see
//! [`super::decode`]) and never fails: broken markup still yields whatever text it holds.

mod content;
mod dom;
mod meta;

use typed_arena::Arena;

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
/// The title is the page's `og:title`, else its `<title>` without the site name, else its
/// first `<h1>`, else its JSON-LD headline, else (for fragments) a first paragraph that is
/// entirely bold. A block repeating the title is left out of the blocks.
pub fn extract(html: &str) -> ExtractedHtml {
    let arena = Arena::new();
    let document = dom::parse(html, &arena);
    let page = meta::read(document);
    let mut blocks = content::extract(document);

    let site_name = page.site_name.clone();
    let mut title = page
        .og_title
        .as_deref()
        .map(|t| meta::clean_title(t, site_name.as_deref()))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            page.title_element
                .as_deref()
                .map(|t| meta::clean_title(t, site_name.as_deref()))
        })
        .filter(|t| !t.is_empty())
        .or_else(|| page.first_h1.clone())
        .or_else(|| page.ld_headline.clone());
    if title.is_none()
        && let Some(first) = blocks.first()
        && !first.heading
        && first.all_bold
        && first.text.chars().count() <= 300
    {
        title = Some(first.text.clone());
    }
    if let Some(title) = &title {
        let same = |text: &str| text.eq_ignore_ascii_case(title);
        // The headline is repeated as an `<h1>` or a bold lead near the top of the text.
        let mut seen = 0;
        blocks.retain(|b| {
            seen += 1;
            !(same(&b.text) && (b.heading || seen <= 3))
        });
    }
    blocks.retain(|b| !(b.h1 && page.first_h1.as_deref() == Some(b.text.as_str())));

    ExtractedHtml {
        title,
        published: page.published,
        site_name: page.site_name,
        url: page.url,
        lang: page.lang,
        blocks: blocks
            .into_iter()
            .map(|b| {
                let kind = if b.heading {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                (kind, b.text)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the blocks one per line, `H` for headings and `P` for paragraphs.
    fn render(page: &ExtractedHtml) -> String {
        page.blocks
            .iter()
            .map(|(kind, text)| {
                let mark = if *kind == BlockKind::Heading {
                    "H"
                } else {
                    "P"
                };
                format!("{mark} {text}\n")
            })
            .collect()
    }

    fn check(html: &str, expected_blocks: &str) -> ExtractedHtml {
        let page = extract(html);
        assert_eq!(render(&page), expected_blocks);
        page
    }

    #[test]
    fn fragment_with_bold_headline_and_headings() {
        let html = "<p><strong>Port city falls to rebels after week of fighting</strong></p>\
            <p>Rebel forces took control of the port on Monday, officials said, after a week \
            of heavy fighting &amp; shelling.</p>\
            <h3><strong>Talks &ldquo;on hold&rdquo;</strong></h3>\
            <p>The government said talks with the rebels were \u{201c}on hold\u{201d} until \
            further notice.</p>";
        let page = check(
            html,
            "P Rebel forces took control of the port on Monday, officials said, after a week \
             of heavy fighting & shelling.\n\
             H Talks \u{201c}on hold\u{201d}\n\
             P The government said talks with the rebels were \u{201c}on hold\u{201d} until \
             further notice.\n",
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Port city falls to rebels after week of fighting")
        );
        assert_eq!(page.published, None);
    }

    #[test]
    fn bold_paragraph_after_a_title_stays_text() {
        let html = "<title>Ministers meet</title><p><b>Ministers met on Friday.</b></p>";
        let page = check(html, "P Ministers met on Friday.\n");
        assert_eq!(page.title.as_deref(), Some("Ministers meet"));
    }

    const FULL_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Ministers agree ceasefire terms | The Example Herald</title>
  <meta property="og:site_name" content="The Example Herald">
  <meta property="article:published_time" content="2025-10-15T08:30:00+00:00">
  <link rel="canonical" href="https://herald.example/world/ceasefire">
  <style>p { color: red }</style>
  <script>var tracking = "Ministers agree ceasefire terms";</script>
</head>
<body>
  <header class="site-header"><a href="/">The Example Herald</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <div class="layout">
    <main>
      <article>
        <h1>Ministers agree ceasefire terms</h1>
        <div class="byline">By A. Writer, Foreign Desk</div>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        <div class="article-body">
          <p>Foreign ministers from both countries agreed on Tuesday to the terms of a
             ceasefire, ending three weeks of clashes along the border, officials said.</p>
          <p>The agreement, reached after talks in Geneva, calls for troops to withdraw
             five kilometres from the frontier and for observers to monitor the line.</p>
          <div class="ad-slot">Advertisement</div>
          <h2>What the deal says</h2>
          <p>Under the deal, prisoners will be exchanged within a month, and a joint
             commission, chaired by a neutral envoy, will hear complaints.</p>
          <ul>
            <li>Troops pull back five kilometres within a week of signing.</li>
            <li>Observers from neutral states patrol the border line.</li>
          </ul>
          <blockquote>We have chosen peace over pride, and our people will judge us by it,
             the foreign minister told reporters.</blockquote>
          <p>Line one of an address<br>line two of an address</p>
          <figure><img src="a.jpg"><figcaption>Ministers shake hands. Photo: Agency</figcaption></figure>
          <p>Advertisement</p>
        </div>
        <div class="related-articles"><h3>Related</h3>
          <ul><li><a href="/a">Border clashes kill dozens in latest round of fighting</a></li>
          <li><a href="/b">Envoy named to chair the new joint border commission</a></li></ul>
        </div>
      </article>
      <section id="comments" class="comments">
        <h3>Comments</h3>
        <p>Great news, finally some peace in the region after all those weeks, thanks.</p>
      </section>
    </main>
    <aside class="sidebar"><h3>Most read</h3><p>Something else entirely that is popular today.</p></aside>
  </div>
  <footer><p>Copyright 2025 The Example Herald. All rights reserved.</p></footer>
</body>
</html>"##;

    #[test]
    fn full_page_keeps_the_article_only() {
        let page = check(
            FULL_PAGE,
            "P Foreign ministers from both countries agreed on Tuesday to the terms of a \
             ceasefire, ending three weeks of clashes along the border, officials said.\n\
             P The agreement, reached after talks in Geneva, calls for troops to withdraw \
             five kilometres from the frontier and for observers to monitor the line.\n\
             H What the deal says\n\
             P Under the deal, prisoners will be exchanged within a month, and a joint \
             commission, chaired by a neutral envoy, will hear complaints.\n\
             P Troops pull back five kilometres within a week of signing.\n\
             P Observers from neutral states patrol the border line.\n\
             P We have chosen peace over pride, and our people will judge us by it, the \
             foreign minister told reporters.\n\
             P Line one of an address\n\
             P line two of an address\n",
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Ministers agree ceasefire terms")
        );
        assert_eq!(page.published.as_deref(), Some("2025-10-15"));
        assert_eq!(page.site_name.as_deref(), Some("The Example Herald"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://herald.example/world/ceasefire")
        );
        assert_eq!(page.lang.as_deref(), Some("en-gb"));
    }

    #[test]
    fn json_ld_gives_date_and_publisher() {
        let html = r#"<html><head><title>Floods hit the north - Daily Example</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
              "headline": "Floods hit the north", "datePublished": "2024-03-02T10:00:00Z",
              "publisher": {"@type": "Organization", "name": "Daily Example"}}]}
            </script>
            <meta property="og:url" content="https://daily.example/floods"></head>
            <body><p>Heavy rain flooded towns across the north on Saturday, police said.</p>
            </body></html>"#;
        let page = extract(html);
        assert_eq!(page.title.as_deref(), Some("Floods hit the north"));
        assert_eq!(page.published.as_deref(), Some("2024-03-02"));
        assert_eq!(page.site_name.as_deref(), Some("Daily Example"));
        assert_eq!(page.url.as_deref(), Some("https://daily.example/floods"));
    }

    #[test]
    fn other_date_declarations() {
        let date = |html: &str| extract(html).published;
        assert_eq!(
            date(r#"<meta name="sailthru.date" content="2019-11-19 10:00:00"><p>x</p>"#).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date(r#"<meta name="pubdate" content="20191118"><p>x</p>"#).as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            date(r#"<meta name="dc.date" content="2019/11/17"><p>x</p>"#).as_deref(),
            Some("2019-11-17")
        );
        assert_eq!(
            date(r#"<p>Posted <time datetime="2019-11-16T09:00">Saturday</time></p>"#).as_deref(),
            Some("2019-11-16")
        );
        // The strongest declaration wins whatever the order.
        assert_eq!(
            date(
                r#"<meta name="date" content="2001-01-01">
                   <meta property="article:published_time" content="2019-11-15"><p>x</p>"#
            )
            .as_deref(),
            Some("2019-11-15")
        );
        assert_eq!(
            date(r#"<meta name="date" content="last Tuesday"><p>x</p>"#),
            None
        );
    }

    #[test]
    fn title_falls_back_to_h1() {
        let page = extract("<body><h1>Storm warning issued</h1><p>Winds will rise.</p></body>");
        assert_eq!(page.title.as_deref(), Some("Storm warning issued"));
        assert_eq!(render(&page), "P Winds will rise.\n");
    }

    #[test]
    fn messy_input_never_fails() {
        assert_eq!(extract(""), ExtractedHtml::default());
        assert!(extract("<<<>>><p <div>").blocks.len() <= 1);
        let broken = extract("<p>Unclosed <b>bold <i>text<div>and a div</p></span>");
        assert!(render(&broken).contains("Unclosed bold text"));
        // html5ever's tree builder is quadratic in the nesting depth, so this stays modest;
        // the extractor's own walks use no recursion.
        let deep = "<div>".repeat(3_000) + "deep text" + &"</div>".repeat(10);
        assert_eq!(render(&extract(&deep)), "P deep text\n");
        let huge = "<p>Some words, repeated many times in one long paragraph.</p>".repeat(5_000);
        assert_eq!(extract(&huge).blocks.len(), 5_000);
    }
}
