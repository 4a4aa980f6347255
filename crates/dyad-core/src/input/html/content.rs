//! Main-text extraction: finds the article body of a parsed page and returns its headings
//! and paragraphs, leaving out navigation, widgets, comments, related links and other
//! boilerplate.
//!
//! It works in three steps. A walk over the tree drops elements that are never article text
//! (scripts, forms, navigation, hidden elements, and elements whose class or id names a
//! known kind of boilerplate) and cuts the rest into text blocks at block-level elements and
//! `<br>`. Readability-style scoring then credits each paragraph's text to its ancestors and
//! picks the best container, plus sibling containers that score nearly as well. Last, the
//! blocks inside the chosen containers are filtered (link lists, advertising labels).
//! It does not read metadata (see [`super::meta`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use html5ever::LocalName;

use super::dom::{Node, NodeData};
use crate::document::fold_whitespace;

/// No element: the parent of the root.
const NONE: u32 = u32::MAX;

/// A block of text as cut from the page.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// The text, white space folded.
    pub text: String,
    /// True for text inside `<h1>` … `<h6>`.
    pub heading: bool,
    /// True when the element holding the text is `<h1>`.
    pub h1: bool,
    /// True when every visible character is inside `<b>` or `<strong>`.
    pub all_bold: bool,
    /// Visible (non-space) characters.
    chars: u32,
    /// Visible characters inside links.
    link_chars: u32,
    /// The nearest block-level element holding the text.
    container: u32,
    /// True when inside an element whose class or id suggests boilerplate.
    suspect: bool,
}

/// An element kept by the walk, in document order.
struct Elem {
    tag: LocalName,
    parent: u32,
    /// One past the last descendant element.
    end: u32,
    /// The blocks of the subtree.
    first_block: u32,
    end_block: u32,
    /// Readability's class weight: +25 or −25 per hint in the class and in the id.
    weight: i32,
    /// The class attribute, to recognise siblings styled like the chosen container.
    class: Option<String>,
    /// Non-zero when the class or id suggests boilerplate: the element is left out unless
    /// it holds more than this share of the page's text (then the hint was wrong).
    suspect: f32,
}

/// The blocks and elements of a page, cut by [`walk`].
struct Page {
    elems: Vec<Elem>,
    blocks: Vec<TextBlock>,
    /// Running totals of visible and link characters: `sums[i]` covers `blocks[..i]`.
    sums: Vec<(u64, u64)>,
}

/// Tags whose whole subtree is never article text.
fn is_junk_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "label"
            | "figure"
            | "figcaption"
            | "menu"
            | "dialog"
            | "map"
    )
}

/// Tags that flow inside a line; every other element starts and ends a block.
fn is_inline_tag(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "span"
            | "b"
            | "strong"
            | "i"
            | "em"
            | "u"
            | "s"
            | "small"
            | "sub"
            | "sup"
            | "mark"
            | "abbr"
            | "cite"
            | "code"
            | "q"
            | "time"
            | "font"
            | "big"
            | "tt"
            | "var"
            | "kbd"
            | "samp"
            | "del"
            | "ins"
            | "bdi"
            | "bdo"
            | "wbr"
            | "data"
            | "dfn"
            | "nobr"
            | "strike"
            | "acronym"
    )
}

/// Readability's unlikely-candidate hints: an element whose class or id holds one of these,
/// and none of [`MAYBE_CANDIDATE`], is dropped.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Hints that keep an element with an unlikely hint.
const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Hints of the article itself: a boilerplate hint next to one of these is weaker.
const ARTICLE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story",
];

/// Hints of reader comments, which can outweigh a short article.
const COMMENTS: &[&str] = &["comment", "disqus", "replies", "respond"];

/// Hints of boilerplate.
const SUSPECT: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "promo",
    "recommend",
    "related",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "cookie",
    "byline",
    "caption",
    "credit",
    "comment",
    "footer",
    "sidebar",
    "toolbar",
    "tags",
    "author",
    "more-from",
    "read-more",
    "readmore",
    "see-also",
    "print",
    "breadcrumb",
    "dateline",
    "timestamp",
    "published",
    "copyright",
    "disclaimer",
    "paywall",
    "widget",
    "hidden",
    "visually-hidden",
    "sr-only",
    "screen-reader",
];

const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// ARIA roles of page furniture.
fn is_junk_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "menu"
            | "menubar"
            | "complementary"
            | "alert"
            | "alertdialog"
            | "dialog"
            | "banner"
            | "contentinfo"
            | "search"
    )
}

/// Which hint lists a class or id matches, as bits.
const HINT_UNLIKELY: u8 = 1;
const HINT_MAYBE: u8 = 2;
const HINT_COMMENTS: u8 = 4;
const HINT_SUSPECT: u8 = 8;
const HINT_POSITIVE: u8 = 16;
const HINT_NEGATIVE: u8 = 32;
const HINT_ARTICLE: u8 = 64;

/// Every hint of every list in one automaton, so that an attribute is scanned once.
struct Hints {
    matcher: AhoCorasick,
    bits: Vec<u8>,
}

static HINTS: LazyLock<Option<Hints>> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    for (list, bit) in [
        (UNLIKELY, HINT_UNLIKELY),
        (MAYBE_CANDIDATE, HINT_MAYBE),
        (COMMENTS, HINT_COMMENTS),
        (SUSPECT, HINT_SUSPECT),
        (POSITIVE, HINT_POSITIVE),
        (NEGATIVE, HINT_NEGATIVE),
        (ARTICLE, HINT_ARTICLE),
    ] {
        for &pattern in list {
            match patterns.iter().position(|&p| p == pattern) {
                Some(at) => bits[at] |= bit,
                None => {
                    patterns.push(pattern);
                    bits.push(bit);
                }
            }
        }
    }
    let matcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .ok()?;
    Some(Hints { matcher, bits })
});

/// The hint lists that an attribute value matches.
fn hints(value: &str) -> u8 {
    let Some(hints) = HINTS.as_ref() else {
        return 0;
    };
    hints
        .matcher
        .find_overlapping_iter(value)
        .fold(0, |acc, m| acc | hints.bits[m.pattern().as_usize()])
}

/// True when a class list names an advertising slot (`ad`, `ads`, `ad-slot`, `top-ad`,
/// `advert…`, `adsbygoogle`).
fn is_ad_class(class: &str) -> bool {
    class.split(|c: char| c.is_ascii_whitespace()).any(|t| {
        t == "ad"
            || t == "ads"
            || t.starts_with("ad-")
            || t.starts_with("ad_")
            || t.starts_with("ads-")
            || t.starts_with("ads_")
            || t.ends_with("-ad")
            || t.ends_with("_ad")
            || t.ends_with("-ads")
            || t.contains("advert")
            || t.contains("adsbygoogle")
            || t.contains("-ad-")
    })
}

/// Readability's class weight from the hints of the class and of the id.
fn class_weight(class_hints: u8, id_hints: u8) -> i32 {
    [class_hints, id_hints]
        .iter()
        .map(|&h| {
            let mut weight = 0;
            if h & HINT_NEGATIVE != 0 {
                weight -= 25;
            }
            if h & HINT_POSITIVE != 0 {
                weight += 25;
            }
            weight
        })
        .sum()
}

/// How an element is treated by the walk.
enum Verdict {
    /// Left out with its subtree.
    Drop,
    /// Kept; `suspect` is non-zero when its class or id hints at boilerplate (see
    /// [`Elem::suspect`]).
    Keep {
        weight: i32,
        suspect: f32,
        class: Option<String>,
    },
}

fn judge(node: &Node<'_>, tag: &str) -> Verdict {
    if is_junk_tag(tag) {
        return Verdict::Drop;
    }
    let NodeData::Element { attrs, .. } = &node.data else {
        return Verdict::Drop;
    };
    let attrs = attrs.borrow();
    let mut class = None;
    let mut id = "";
    for attr in attrs.iter() {
        let value = &*attr.value;
        match &*attr.name.local {
            "class" => class = Some(value),
            "id" => id = value,
            "hidden" => return Verdict::Drop,
            "aria-hidden" if value.trim() == "true" => return Verdict::Drop,
            "role" if is_junk_role(value) => return Verdict::Drop,
            "style" if is_hidden_style(value) => return Verdict::Drop,
            _ => {}
        }
    }
    let class_text = class.unwrap_or("");
    if class_text.is_empty() && id.is_empty() {
        return Verdict::Keep {
            weight: 0,
            suspect: 0.0,
            class: None,
        };
    }
    let (class_hints, id_hints) = (hints(class_text), hints(id));
    let weight = class_weight(class_hints, id_hints);
    let class = class.map(str::to_string);
    if matches!(tag, "html" | "body" | "article" | "main") {
        return Verdict::Keep {
            weight,
            suspect: 0.0,
            class,
        };
    }
    let both = class_hints | id_hints;
    let boilerplate = both & HINT_SUSPECT != 0
        || (both & HINT_UNLIKELY != 0 && both & HINT_MAYBE == 0)
        || is_ad_class(class_text)
        || is_ad_class(id);
    let suspect = if both & HINT_COMMENTS != 0 {
        0.75
    } else if boilerplate && both & HINT_ARTICLE != 0 {
        // `entry-content-read-more` or `article-byline`: only small ones are boilerplate.
        0.15
    } else if boilerplate {
        0.4
    } else {
        0.0
    };
    Verdict::Keep {
        weight,
        suspect,
        class,
    }
}

/// True for an inline style that hides the element.
fn is_hidden_style(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// The text block being filled by the walk.
#[derive(Default)]
struct Pending {
    text: String,
    chars: u32,
    link_chars: u32,
    bold_chars: u32,
}

/// Walks the tree once, keeping elements and cutting text into blocks.
fn walk(document: &Node<'_>) -> Page {
    enum Step<'n, 'a> {
        Enter(&'n Node<'a>),
        Exit { elem: u32, block: bool },
    }
    let mut page = Page {
        elems: Vec::new(),
        blocks: Vec::new(),
        sums: Vec::new(),
    };
    let mut pending = Pending::default();
    let mut block_stack: Vec<u32> = Vec::new();
    let mut elem_stack: Vec<u32> = Vec::new();
    let (mut links, mut bolds, mut headings) = (0u32, 0u32, 0u32);
    let mut stack: Vec<Step> = Vec::new();
    push_children(document, &mut stack, Step::Enter);

    let flush = |pending: &mut Pending, page: &mut Page, container: u32, heading: bool| {
        if pending.chars > 0 {
            let h1 = container != NONE && &*page.elems[container as usize].tag == "h1";
            page.blocks.push(TextBlock {
                text: fold_whitespace(&pending.text),
                heading,
                h1,
                all_bold: pending.bold_chars == pending.chars,
                chars: pending.chars,
                link_chars: pending.link_chars,
                container,
                suspect: false,
            });
        }
        pending.text.clear();
        pending.chars = 0;
        pending.link_chars = 0;
        pending.bold_chars = 0;
    };

    while let Some(step) = stack.pop() {
        let container = block_stack.last().copied().unwrap_or(NONE);
        match step {
            Step::Enter(node) => match &node.data {
                NodeData::Text(text) => {
                    let text = text.borrow();
                    let visible = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
                    if visible == 0 && pending.chars == 0 {
                        continue;
                    }
                    pending.text.push_str(&text);
                    pending.chars += visible;
                    if links > 0 {
                        pending.link_chars += visible;
                    }
                    if bolds > 0 {
                        pending.bold_chars += visible;
                    }
                }
                NodeData::Element { name, .. } => {
                    let tag = &*name.local;
                    if tag == "br" || tag == "hr" {
                        flush(&mut pending, &mut page, container, headings > 0);
                        continue;
                    }
                    let Verdict::Keep {
                        weight,
                        suspect,
                        class,
                    } = judge(node, tag)
                    else {
                        continue;
                    };
                    let index = page.elems.len() as u32;
                    let block = !is_inline_tag(tag);
                    if block {
                        flush(&mut pending, &mut page, container, headings > 0);
                        block_stack.push(index);
                    }
                    match tag {
                        "a" => links += 1,
                        "b" | "strong" => bolds += 1,
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => headings += 1,
                        _ => {}
                    }
                    page.elems.push(Elem {
                        tag: name.local.clone(),
                        parent: elem_stack.last().copied().unwrap_or(NONE),
                        end: index + 1,
                        first_block: page.blocks.len() as u32,
                        end_block: page.blocks.len() as u32,
                        weight,
                        class,
                        suspect,
                    });
                    elem_stack.push(index);
                    stack.push(Step::Exit { elem: index, block });
                    push_children(node, &mut stack, Step::Enter);
                }
                _ => {}
            },
            Step::Exit { elem, block } => {
                if block {
                    flush(&mut pending, &mut page, container, headings > 0);
                    block_stack.pop();
                }
                let e = &page.elems[elem as usize];
                match &*e.tag {
                    "a" => links = links.saturating_sub(1),
                    "b" | "strong" => bolds = bolds.saturating_sub(1),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        headings = headings.saturating_sub(1)
                    }
                    _ => {}
                }
                elem_stack.pop();
                let end = page.elems.len() as u32;
                let end_block = page.blocks.len() as u32;
                let e = &mut page.elems[elem as usize];
                e.end = end;
                e.end_block = end_block;
            }
        }
    }
    let container = block_stack.last().copied().unwrap_or(NONE);
    flush(&mut pending, &mut page, container, false);
    page.sum_up();
    page
}

fn push_children<'n, 'a, S>(
    node: &'n Node<'a>,
    stack: &mut Vec<S>,
    wrap: impl Fn(&'a Node<'a>) -> S,
) {
    let start = stack.len();
    let mut child = node.first_child();
    while let Some(c) = child {
        stack.push(wrap(c));
        child = c.next_sibling();
    }
    stack[start..].reverse();
}

impl Page {
    /// Marks the blocks of suspect elements, except in elements that hold too much of the
    /// page's text to be boilerplate (a wrapper whose class says `header-style` or
    /// `sidebar-layout`).
    fn settle_suspects(&mut self) {
        let total = self.sums.last().map_or(0, |s| s.0);
        let mut i = 0;
        while i < self.elems.len() {
            let limit = self.elems[i].suspect;
            if limit > 0.0 {
                let (chars, _) = self.chars(i as u32);
                if chars as f32 > limit * total as f32 {
                    self.elems[i].suspect = 0.0;
                } else {
                    let e = &self.elems[i];
                    for b in &mut self.blocks[e.first_block as usize..e.end_block as usize] {
                        b.suspect = true;
                    }
                    i = e.end as usize;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Visible characters and link characters in an element's subtree.
    fn chars(&self, elem: u32) -> (u64, u64) {
        let e = &self.elems[elem as usize];
        let (c0, l0) = self.sums[e.first_block as usize];
        let (c1, l1) = self.sums[e.end_block as usize];
        (c1 - c0, l1 - l0)
    }

    /// Fills [`Page::sums`] once the blocks are cut.
    fn sum_up(&mut self) {
        self.sums.clear();
        self.sums.reserve(self.blocks.len() + 1);
        let (mut chars, mut links) = (0u64, 0u64);
        self.sums.push((0, 0));
        for b in &self.blocks {
            chars += u64::from(b.chars);
            links += u64::from(b.link_chars);
            self.sums.push((chars, links));
        }
    }

    fn link_density(&self, elem: u32) -> f32 {
        let (chars, links) = self.chars(elem);
        if chars == 0 {
            0.0
        } else {
            links as f32 / chars as f32
        }
    }

    fn children(&self, elem: u32) -> impl Iterator<Item = u32> + '_ {
        let e = &self.elems[elem as usize];
        let mut next = elem + 1;
        let end = e.end;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let child = next;
            next = self.elems[child as usize].end;
            Some(child)
        })
    }

    fn ancestors(&self, elem: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.elems[elem as usize].parent;
        std::iter::from_fn(move || {
            if at == NONE {
                return None;
            }
            let current = at;
            at = self.elems[current as usize].parent;
            Some(current)
        })
    }

    fn is_body(&self, elem: u32) -> bool {
        matches!(&*self.elems[elem as usize].tag, "body" | "html")
    }
}

fn tag_score(tag: &str) -> f32 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Credits each paragraph's text to its ancestors and returns the elements whose blocks
/// make the article, in document order.
///
/// Blocks inside suspect elements are not credited unless `with_suspects`.
fn choose(page: &Page, with_suspects: bool) -> Vec<u32> {
    let n = page.elems.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    for block in &page.blocks {
        if block.heading
            || (block.suspect && !with_suspects)
            || block.container == NONE
            || block.chars < 25
        {
            continue;
        }
        let container = &page.elems[block.container as usize];
        if matches!(&*container.tag, "li" | "dt" | "dd" | "th" | "a") {
            continue;
        }
        let commas = block.text.matches([',', '，', '、', '،']).count() as f32;
        let points = 2.0 + commas + (block.chars as f32 / 100.0).floor().min(3.0);
        // A paragraph credits its parent first. Loose text in a container that also holds
        // other blocks is a paragraph of its own, so that container is credited first.
        let loose = container.end_block - container.first_block > 1
            && !matches!(
                &*container.tag,
                "p" | "pre" | "td" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            );
        for (level, ancestor) in std::iter::once(block.container)
            .chain(page.ancestors(block.container))
            .skip(usize::from(!loose))
            .take(5)
            .enumerate()
        {
            let a = ancestor as usize;
            if !scored[a] {
                scored[a] = true;
                score[a] = tag_score(&page.elems[a].tag) + page.elems[a].weight as f32;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += points / divider;
        }
    }
    for i in 0..n {
        if scored[i] {
            score[i] *= 1.0 - page.link_density(i as u32);
        }
    }
    let mut top: Vec<u32> = (0..n as u32).filter(|&i| scored[i as usize]).collect();
    top.sort_by(|&a, &b| score[b as usize].total_cmp(&score[a as usize]));
    top.truncate(5);
    let Some(&first) = top.first() else {
        return (0..n as u32).filter(|&i| page.is_body(i)).take(1).collect();
    };
    let mut best = first;
    if page.is_body(best) {
        return vec![best];
    }
    let best_score = score[best as usize];
    // When several strong candidates share an ancestor, the article is split among them.
    let alternatives: Vec<u32> = top[1..]
        .iter()
        .copied()
        .filter(|&c| score[c as usize] / best_score >= 0.75)
        .collect();
    if alternatives.len() >= 3 {
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for &c in &alternatives {
            for a in page.ancestors(c) {
                *shared.entry(a).or_insert(0) += 1;
            }
        }
        let mut parent = page.elems[best as usize].parent;
        while parent != NONE && !page.is_body(parent) {
            if shared.get(&parent).copied().unwrap_or(0) >= 3 {
                best = parent;
                break;
            }
            parent = page.elems[parent as usize].parent;
        }
    }
    // Climb while the parent scores better: the text is split between siblings.
    let mut last = score[best as usize];
    let threshold = last / 3.0;
    let mut parent = page.elems[best as usize].parent;
    while parent != NONE && !page.is_body(parent) {
        if !scored[parent as usize] {
            parent = page.elems[parent as usize].parent;
            continue;
        }
        let s = score[parent as usize];
        if s < threshold {
            break;
        }
        if s > last {
            best = parent;
            break;
        }
        last = s;
        parent = page.elems[parent as usize].parent;
    }
    // Climb through wrappers that hold nothing else.
    loop {
        let parent = page.elems[best as usize].parent;
        if parent == NONE || page.is_body(parent) || page.children(parent).count() != 1 {
            break;
        }
        best = parent;
    }
    let best_score = if scored[best as usize] {
        score[best as usize]
    } else {
        0.0
    };
    let parent = page.elems[best as usize].parent;
    if parent == NONE {
        return vec![best];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let best_class = page.elems[best as usize]
        .class
        .as_deref()
        .filter(|c| !c.is_empty());
    page.children(parent)
        .filter(|&sibling| {
            if sibling == best {
                return true;
            }
            let e = &page.elems[sibling as usize];
            let bonus = if best_class.is_some() && e.class.as_deref() == best_class {
                best_score * 0.2
            } else {
                0.0
            };
            if scored[sibling as usize] && score[sibling as usize] + bonus >= threshold {
                return true;
            }
            if &*e.tag == "p" {
                let (chars, _) = page.chars(sibling);
                let density = page.link_density(sibling);
                let text_has_period = page.blocks[e.first_block as usize..e.end_block as usize]
                    .iter()
                    .any(|b| b.text.contains(". ") || b.text.ends_with('.'));
                return (chars > 80 && density < 0.25)
                    || (chars > 0 && density == 0.0 && text_has_period);
            }
            false
        })
        .collect()
}

/// Short texts that label advertising or widgets rather than say anything.
fn is_boilerplate_text(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let lower = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        lower.as_str(),
        "advertisement"
            | "advertising"
            | "ad"
            | "sponsored"
            | "sponsored content"
            | "continue reading"
            | "continue reading below"
            | "continue reading the main story"
            | "story continues below"
            | "story continues below advertisement"
            | "article continues below advertisement"
            | "read more"
            | "read more here"
            | "share this"
            | "share this article"
            | "share this story"
            | "share"
            | "tweet"
            | "email"
            | "print"
            | "comments"
            | "related"
            | "related articles"
            | "related stories"
            | "recommended"
            | "more on this"
            | "show comments"
            | "click here"
            | "skip to content"
            | "skip to main content"
            | "skip advertisement"
    )
}

/// Extracts the article text of a parsed page as blocks, in order.
pub fn extract(document: &Node<'_>) -> Vec<TextBlock> {
    let mut page = walk(document);
    page.settle_suspects();
    let mut chosen = choose(&page, false);
    if chosen.is_empty() || chosen.iter().map(|&c| page.chars(c).0).sum::<u64>() < 500 {
        let wider = choose(&page, true);
        if wider.iter().map(|&c| page.chars(c).0).sum::<u64>()
            > chosen.iter().map(|&c| page.chars(c).0).sum::<u64>()
        {
            chosen = wider;
        }
    }
    let mut out = Vec::new();
    let total: u64 = chosen.iter().map(|&c| page.chars(c).0).sum();
    for &root in &chosen {
        let e = &page.elems[root as usize];
        // Suspect elements inside the chosen containers are left out unless they hold most
        // of the text (then the hint was wrong).
        let mut skipped = vec![false; (e.end_block - e.first_block) as usize];
        let mut i = root + 1;
        while i < e.end {
            let inner = &page.elems[i as usize];
            if inner.suspect > 0.0 && page.chars(i).0 * 2 < total {
                for b in inner.first_block..inner.end_block {
                    skipped[(b - e.first_block) as usize] = true;
                }
                i = inner.end;
            } else {
                i += 1;
            }
        }
        for b in e.first_block..e.end_block {
            if skipped[(b - e.first_block) as usize] {
                continue;
            }
            let block = &page.blocks[b as usize];
            let density = block.link_chars as f32 / block.chars.max(1) as f32;
            let in_list = block.container != NONE
                && matches!(
                    &*page.elems[block.container as usize].tag,
                    "li" | "dt" | "dd"
                );
            let too_linky = if block.heading || in_list {
                density > 0.3
            } else {
                density > 0.5
            };
            if too_linky || is_boilerplate_text(&block.text) {
                continue;
            }
            out.push(block.clone());
        }
    }
    out
}
