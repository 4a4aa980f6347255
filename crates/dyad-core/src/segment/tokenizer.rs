//! The rule-based tokenizer: splits one block of text into surface tokens and syntactic
//! words, following the conventions of the UD English Web Treebank.
//!
//! It handles clitics as multiword tokens (`don't` = `do` + `n't`, `Google's` = `Google` +
//! `'s`, `cannot` = `can` + `not`, `gonna` = `gon` + `na`), punctuation runs, hyphens (split
//! except after prefixes like `non-` and in phone numbers), numbers with separators, currency
//! and units (`$28bn` = `$` `28` `bn`), abbreviations and initials (`U.S.`, `Dr.`, `J.`), URLs,
//! e-mail addresses and emoticons. It does not split sentences; see the `sentence` module.

use crate::document::Span;

/// A surface token found by the tokenizer, with the words it is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    /// Where the token is (absolute byte offsets).
    pub span: Span,
    /// The words, in order; a single word covering the whole span for most tokens.
    pub words: Vec<Span>,
}

impl RawToken {
    /// A token of one word.
    pub fn single(start: usize, end: usize) -> Self {
        let span = Span::new(start, end);
        RawToken {
            span,
            words: vec![span],
        }
    }
}

/// Abbreviations that keep their full stop (compared without it, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Sgt",
    "Capt", "Cmdr", "Adm", "Maj", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres",
    "Supt", "Inc", "Corp", "Ltd", "Co", "Bros", "Assn", "Dept", "Univ", "vs", "etc", "al",
    "approx", "dept", "est", "fig", "No", "no", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri",
    "Sat", "Sun", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "ca", "cf", "vol", "Vol", "pp",
    "p", "ext", "esp", "yr", "yrs", "min", "mins", "lb", "lbs", "oz", "Ave", "Blvd", "Rd", "Hwy",
    "Ph", "Mme", "Messrs", "Lieut", "Sec", "Atty", "Thur", "Attn", "c",
];

/// Prefixes after which a hyphen does not split the word (compared in lower case).
const HYPHEN_PREFIXES: &[&str] = &[
    "non", "e", "re", "anti", "pre", "co", "pro", "mid", "cross", "post", "over", "semi",
    "counter", "multi", "ex", "sub", "mini", "inter", "neo", "socio", "psycho", "intra", "micro",
    "macro", "ultra", "extra", "bi", "tri", "trans", "mega", "infra", "quasi", "pseudo", "hyper",
    "un",
];

/// Units split from a number written against them (`28bn`, `5pm`); compared case-insensitively.
const UNITS: &[&str] = &[
    "am", "pm", "k", "m", "mm", "cm", "km", "kg", "g", "mg", "ft", "bn", "b", "mn", "tn", "hz",
    "khz", "mhz", "ghz", "gb", "mb", "kb", "tb", "lb", "lbs", "oz", "mph", "kph", "kmh", "p", "f",
    "watt", "w", "kw", "mw", "v", "ml", "l", "x", "yrs", "yr", "hrs", "hr", "min", "mins", "sec",
    "secs", "ms", "bln", "mln", "t", "sq", "in",
];

/// File name extensions after which a dot does not split a word.
const FILE_EXTENSIONS: &[&str] = &[
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "htm", "html", "jpg", "jpeg", "gif",
    "png", "zip", "exe", "csv", "js", "py", "rtf", "mp3", "mp4", "wav", "xml", "asp",
];

/// Emoticons kept as one token.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":-/",
    ":'(", ":o", ":O", "<3", "^_^", "^^", "XD", "xD", ":|", ":]", ":[", "=)", "=(", ";D", ":-*",
    ":*", "o_O", "O_o", "-_-", ":))", ":((", ":)))", ";))",
];

/// Words written without an apostrophe that EWT splits into two words, with the split point.
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("outta", 3),
    ("gimme", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("aint", 2),
    ("cant", 2),
    ("wont", 2),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("thats", 4),
    ("theres", 5),
    ("whats", 4),
    ("hes", 2),
];

/// Tokenizes the text `text`, which starts at byte `base` of the document.
pub fn tokenize(text: &str, base: usize) -> Vec<RawToken> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in text.split(|c: char| c.is_whitespace()) {
        if !chunk.is_empty() {
            tokenize_chunk(pos, chunk, base, &mut out);
        }
        pos += chunk.len();
        // The separator: every white-space character that `split` removed is one char.
        if let Some(c) = text[pos..].chars().next() {
            pos += c.len_utf8();
        }
    }
    out
}

/// Characters that open a token-initial wrapper: quotes and brackets.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '<' | '”' | '’' | '*'
    )
}

/// Characters that close a chunk: quotes, brackets and sentence punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '>'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

/// True for a chunk that is a URL or a domain name with a path.
fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("ftp://")
        || lower.starts_with("mailto:")
        || lower.starts_with("www.")
    {
        return s.len() > 4;
    }
    // A bare domain such as `example.com` or `bbc.co.uk/news`.
    let host = lower.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && matches!(
            *labels.last().unwrap_or(&""),
            "com" | "org" | "net" | "gov" | "edu" | "uk" | "io" | "info" | "biz" | "us" | "ca"
        )
        && labels[0].chars().any(|c| c.is_ascii_alphabetic())
}

/// True for an e-mail address.
fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.chars().next().is_some_and(char::is_alphabetic)
        && !host.ends_with('.')
        && !host.contains('@')
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '@' | '%'))
}

/// Splits one white-space-free chunk starting at byte `pos` of a block that starts at `base`.
fn tokenize_chunk(pos: usize, chunk: &str, base: usize, out: &mut Vec<RawToken>) {
    let abs = base + pos;
    if EMOTICONS.contains(&chunk) {
        out.push(RawToken::single(abs, abs + chunk.len()));
        return;
    }
    // Peel openers and closers to find a URL or e-mail core.
    let core_start = chunk.len() - chunk.trim_start_matches(is_opener).len();
    let trimmed = chunk[core_start..].trim_end_matches(is_closer);
    if !trimmed.is_empty() && (is_url(trimmed) || is_email(trimmed)) {
        let mut core_end = core_start + trimmed.len();
        // A URL may end in a slash or a closing bracket that belongs to it; keep it simple and
        // give the core back only the slash.
        if chunk[core_end..].starts_with('/') {
            core_end += 1;
        }
        scan(&chunk[..core_start], abs, out);
        out.push(RawToken::single(abs + core_start, abs + core_end));
        scan(&chunk[core_end..], abs + core_end, out);
        return;
    }
    scan(chunk, abs, out);
}

/// Character classes the scanner cares about.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks keep to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
        || c == '\u{200d}'
        || c == '\u{fe0f}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Scans a piece of a chunk into tokens; `abs` is the piece's absolute offset.
fn scan(piece: &str, abs: usize, out: &mut Vec<RawToken>) {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> usize { if i < n { chars[i].0 } else { piece.len() } };
    let ch = |i: usize| -> Option<char> { chars.get(i).map(|&(_, c)| c) };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if let Some(j) = special_token(piece, &chars, i) {
            out.push(RawToken::single(abs + at(i), abs + at(j)));
            i = j;
        } else if is_word_char(c) {
            let end = scan_word(&chars, i);
            let mut j = end;
            let word = &piece[at(i)..at(j)];
            // A full stop after an abbreviation, an initial or a dotted abbreviation.
            if ch(j) == Some('.') && takes_full_stop(word, ch(j + 1)) {
                j += 1;
            }
            // The possessive apostrophe of a plural: `soldiers'`.
            let mut possessive = false;
            if j == end
                && ch(j).is_some_and(is_apostrophe)
                && ch(j) != Some('`')
                && word.len() >= 3
                && word.ends_with('s')
                && word.chars().all(char::is_alphabetic)
                && ch(j + 1).is_none_or(|c| !is_word_char(c))
                && !preceded_by_quote(piece, at(i))
            {
                possessive = true;
                j += 1;
            }
            emit_word(piece, abs, at(i), at(j), possessive, out);
            i = j;
        } else {
            // Punctuation: runs of the same mark (or of ? and !) are one token.
            let mut j = i + 1;
            let run = |a: char, b: char| {
                a == b
                    && matches!(
                        a,
                        '-' | '*' | '=' | '_' | '~' | '+' | '#' | '<' | '>' | '/' | '^'
                    )
                    || (is_terminal_mark(a) && is_terminal_mark(b))
                    || (is_quote_mark(a) && is_quote_mark(b))
            };
            while j < n && run(c, chars[j].1) {
                j += 1;
            }
            // `<<` and `>>` are EWT tokens, but a run of more than two is kept whole too.
            out.push(RawToken::single(abs + at(i), abs + at(j)));
            i = j;
        }
    }
}

/// Full stops, question and exclamation marks and ellipses: a run of them is one token.
fn is_terminal_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Single quotes and backticks: a run of them (`''`, `‘’`) is one token.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

/// Recognises tokens that the general rules would cut: a year with an apostrophe (`'72`), a
/// phone prefix (`+44`), a file extension (`.doc`) and `Yahoo!`. Returns the end char index.
fn special_token(piece: &str, chars: &[(usize, char)], i: usize) -> Option<usize> {
    let c = chars[i].1;
    let digits = digits_after(chars, i + 1);
    let next_alnum = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    match c {
        '\'' | '’' if digits == 2 && !next_alnum(i + 3) => Some(i + 3),
        '+' if digits > 0 && (i == 0 || !chars[i - 1].1.is_alphanumeric()) => Some(i + 1 + digits),
        // A decimal without its leading zero: `.5`.
        '.' if digits > 0 && (i == 0 || !chars[i - 1].1.is_alphanumeric()) => Some(i + 1 + digits),
        '.' if i == 0 || !chars[i - 1].1.is_alphanumeric() => {
            let mut k = i + 1;
            while next_alnum(k) {
                k += 1;
            }
            let ext: String = chars[i + 1..k].iter().map(|&(_, c)| c).collect();
            FILE_EXTENSIONS
                .contains(&ext.to_ascii_lowercase().as_str())
                .then_some(k)
        }
        'Y' if piece[chars[i].0..].starts_with("Yahoo!") => Some(i + 6),
        _ => None,
    }
}

/// True when the piece is preceded, within the chunk, by a single opening quote.
fn preceded_by_quote(piece: &str, start: usize) -> bool {
    piece[..start].chars().any(|c| matches!(c, '\'' | '‘'))
}

/// Finds the end (char index) of a word starting at `i`: letters and digits with internal
/// apostrophes, dots, commas, colons and slashes between digits, ampersands between capitals,
/// and hyphens after known prefixes or between digit groups.
fn scan_word(chars: &[(usize, char)], start: usize) -> usize {
    let n = chars.len();
    let c = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = start;
    // The start of the current hyphen-separated part, for the prefix test.
    let mut part = start;
    while i < n {
        let cur = chars[i].1;
        if is_word_char(cur) {
            // A number followed by letters: split a unit off (`28bn`), keep ordinals (`20th`).
            if cur.is_alphabetic() && i > start && c(i - 1).is_some_and(|p| p.is_ascii_digit()) {
                let mut k = i;
                while c(k).is_some_and(char::is_alphabetic) {
                    k += 1;
                }
                let suffix: String = chars[i..k].iter().map(|&(_, c)| c).collect();
                let lower = suffix.to_lowercase();
                let all_digits_before = chars[part..i]
                    .iter()
                    .all(|&(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | ':'));
                if all_digits_before
                    && UNITS.contains(&lower.as_str())
                    && !c(k).is_some_and(|c| c.is_ascii_digit())
                {
                    return i;
                }
            }
            i += 1;
            continue;
        }
        let prev = c(i.wrapping_sub(1)).filter(|_| i > start);
        let next = c(i + 1);
        let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
        let next_digit = next.is_some_and(|p| p.is_ascii_digit());
        let next_word = next.is_some_and(is_word_char);
        let prev_word = prev.is_some_and(is_word_char);
        let joins = match cur {
            // Decimal points and dotted abbreviations and file names: `3.5`, `U.S`, `a.m`.
            '.' => prev_word && next_word && dotted_ok(chars, start, i),
            ',' => prev_digit && next_digit && digits_after(chars, i + 1) == 3,
            ':' | '/' => prev_digit && next_digit,
            '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
            '\'' | '’' | '`' => {
                prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
                    || (prev_digit
                        && next == Some('s')
                        && !c(i + 2).is_some_and(char::is_alphanumeric))
            }
            '-' | '‑' => {
                let p: String = chars[part..i].iter().map(|&(_, c)| c).collect();
                let lower = p.to_lowercase();
                let joined = next_word
                    && (HYPHEN_PREFIXES.contains(&lower.as_str())
                        || (prev_digit && next_digit && is_digit_groups(chars, i)));
                if joined {
                    part = i + 1;
                }
                joined
            }
            '_' => prev_word && next_word,
            _ => false,
        };
        if !joins {
            break;
        }
        i += 1;
    }
    i
}

/// Counts the ASCII digits starting at char index `i`.
fn digits_after(chars: &[(usize, char)], i: usize) -> usize {
    chars[i.min(chars.len())..]
        .iter()
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .count()
}

/// True when a hyphen at `i` joins digit groups of a phone number or a date
/// (`713-853-3989`, `11-20-2000`, `345-9945`) rather than a range (`1969-1970`).
fn is_digit_groups(chars: &[(usize, char)], i: usize) -> bool {
    let mut group_start = i;
    while group_start > 0 && chars[group_start - 1].1.is_ascii_digit() {
        group_start -= 1;
    }
    // Count the hyphen-separated digit groups on both sides.
    let mut groups = 1;
    let mut k = group_start;
    while k >= 2 && chars[k - 1].1 == '-' && chars[k - 2].1.is_ascii_digit() {
        k -= 1;
        while k > 0 && chars[k - 1].1.is_ascii_digit() {
            k -= 1;
        }
        groups += 1;
    }
    let mut k = i;
    while chars.get(k).is_some_and(|&(_, c)| c == '-') && digits_after(chars, k + 1) > 0 {
        k += 1 + digits_after(chars, k + 1);
        groups += 1;
    }
    let before = i - group_start;
    let after = digits_after(chars, i + 1);
    groups >= 3 || (before == 3 && after == 4)
}

/// True when a dot inside a word joins: in numbers, in single-letter dotted abbreviations
/// (`U.S`, `e.g`) and in names with a lower-case extension (`file.doc`, `node.js`).
fn dotted_ok(chars: &[(usize, char)], start: usize, i: usize) -> bool {
    let prev = chars[i - 1].1;
    let next = chars[i + 1].1;
    if prev.is_ascii_digit() && next.is_ascii_digit() {
        return true;
    }
    // Single letters between dots: `U.S.A`, `a.m`.
    let single_before = i - start == 1 || (i >= 2 && chars[i - 2].1 == '.');
    let single_after = chars.get(i + 2).is_none_or(|&(_, c)| !c.is_alphanumeric());
    if prev.is_alphabetic() && next.is_alphabetic() && single_before && single_after {
        return true;
    }
    // Dotted lower-case names: `alt.religion.scientology`, `comp.sources.unix`.
    if prev.is_ascii_lowercase()
        && next.is_ascii_lowercase()
        && chars
            .get(i + 2)
            .is_some_and(|&(_, c)| c.is_ascii_lowercase())
    {
        return true;
    }
    // File names with a known extension: `enrongss.xls`, `report.doc`.
    let mut k = i + 1;
    while chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric()) {
        k += 1;
    }
    let ext: String = chars[i + 1..k].iter().map(|&(_, c)| c).collect();
    prev.is_alphanumeric() && FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
}

/// True when `word` followed by a full stop forms one token: a known abbreviation, a single
/// capital initial, or a dotted abbreviation such as `U.S`.
fn takes_full_stop(word: &str, after: Option<char>) -> bool {
    if after == Some('.') {
        // An ellipsis follows: `etc...` is `etc` `...`.
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut chars = word.chars();
    let first = chars.next();
    let single = chars.next().is_none();
    if single && first.is_some_and(char::is_uppercase) {
        return true;
    }
    // `U.S`, `e.g`, `a.m`, `Ph.D`: letters alternating with dots.
    word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Emits a word-like token from `start` to `end` of `piece`, splitting clitics into words.
fn emit_word(
    piece: &str,
    abs: usize,
    start: usize,
    end: usize,
    possessive: bool,
    out: &mut Vec<RawToken>,
) {
    let s = &piece[start..end];
    let span = Span::new(abs + start, abs + end);
    let split = if possessive {
        Some(vec![s.len() - s.chars().last().map_or(0, char::len_utf8)])
    } else {
        clitic_split(s)
    };
    match split {
        Some(points) => {
            let mut words = Vec::with_capacity(points.len() + 1);
            let mut from = 0;
            for p in points {
                words.push(Span::new(span.start + from, span.start + p));
                from = p;
            }
            words.push(Span::new(span.start + from, span.end));
            out.push(RawToken { span, words });
        }
        None => out.push(RawToken {
            span,
            words: vec![span],
        }),
    }
}

/// Where a word splits into clitic words, as byte offsets into it, or `None`.
fn clitic_split(s: &str) -> Option<Vec<usize>> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        // Lower-casing changed byte lengths (rare scripts); offsets would not line up.
        return None;
    }
    let norm = lower.replace(['’', '`'], "'");
    // `norm` may be shorter than `s` because `’` is three bytes; map positions back.
    let back = |norm_pos: usize| -> usize {
        let mut np = 0;
        for (bp, c) in lower.char_indices() {
            if np >= norm_pos {
                return bp;
            }
            np += if matches!(c, '’' | '`') {
                1
            } else {
                c.len_utf8()
            };
        }
        lower.len()
    };
    if norm.len() > 3 && norm.ends_with("n't") {
        let p = norm.len() - 3;
        return Some(vec![back(p)]);
    }
    for suffix in ["'s", "'m", "'re", "'ve", "'ll", "'d"] {
        if norm.len() > suffix.len() && norm.ends_with(suffix) {
            let p = norm.len() - suffix.len();
            let stem = &norm[..p];
            if stem
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
                && !stem.ends_with('\'')
                && !stem.chars().all(|c| c.is_ascii_digit())
            {
                return Some(vec![back(p)]);
            }
        }
    }
    if norm == "dunno" {
        return Some(vec![2, 3]);
    }
    FUSED
        .iter()
        .find(|(w, _)| *w == norm)
        .map(|&(_, p)| vec![p])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokenizes `input` and renders tokens joined by `|`, multiword tokens as words joined by
    /// `+`.
    fn check(input: &str, expected: &str) {
        let tokens = tokenize(input, 0);
        let rendered: Vec<String> = tokens
            .iter()
            .map(|t| {
                t.words
                    .iter()
                    .map(|w| &input[w.range()])
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .collect();
        assert_eq!(rendered.join("|"), expected, "input: {input:?}");
    }

    #[test]
    fn clitics_are_multiword_tokens() {
        check("I don't know.", "I|do+n't|know|.");
        check("I'm sure we've seen it.", "I+'m|sure|we+'ve|seen|it|.");
        check("Google's search", "Google+'s|search");
        check("Al Sharaa’s visit", "Al|Sharaa+’s|visit");
        check("I can't, I cannot", "I|ca+n't|,|I|can+not");
        check("we're gonna win", "we+'re|gon+na|win");
        check("the soldiers' families", "the|soldiers+'|families");
        check("won’t", "wo+n’t");
        check("dont", "do+nt");
        check("O'Brien's", "O'Brien+'s");
    }

    #[test]
    fn punctuation_and_quotes() {
        check("\"Yes,\" he said.", "\"|Yes|,|\"|he|said|.");
        check("“We will,” she said…", "“|We|will|,|”|she|said|…");
        check("Wait... what?!", "Wait|...|what|?!");
        check("(see above)", "(|see|above|)");
        check("'Hello'", "'|Hello|'");
    }

    #[test]
    fn hyphens_and_dashes() {
        check("search-engine", "search|-|engine");
        check("2019–2020", "2019|–|2020");
        check("non-profit e-mail", "non-profit|e-mail");
        check("call 713-853-3989", "call|713-853-3989");
        check("yes -- no", "yes|--|no");
        check("U.S.-led", "U.S.|-|led");
    }

    #[test]
    fn numbers_currency_units() {
        check("2,000 people", "2,000|people");
        check("3.5%", "3.5|%");
        check("$28bn deal", "$|28|bn|deal");
        check("the 20th century", "the|20th|century");
        check("at 5pm", "at|5|pm");
        check("9/11 and 10:30", "9/11|and|10:30");
        check("and/or", "and|/|or");
    }

    #[test]
    fn abbreviations_and_initials() {
        check("Dr. Smith", "Dr.|Smith");
        check("the U.S. and Mr. Jones", "the|U.S.|and|Mr.|Jones");
        check("J. Edgar Hoover", "J.|Edgar|Hoover");
        check("Sept. 11, Acme Inc. said", "Sept.|11|,|Acme|Inc.|said");
        check("at 3 p.m. today", "at|3|p.m.|today");
        check("It ended.", "It|ended|.");
        check("e.g. this", "e.g.|this");
    }

    #[test]
    fn urls_emails_emoticons() {
        check(
            "see http://example.com/a?b=1.",
            "see|http://example.com/a?b=1|.",
        );
        check("(www.example.org)", "(|www.example.org|)");
        check("mail jo.doe@example.com now", "mail|jo.doe@example.com|now");
        check("great :) thanks", "great|:)|thanks");
    }
}
