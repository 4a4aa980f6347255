//! Name normalisation: the key under which actor names and places are looked up.
//!
//! Two spellings that differ only in case, diacritics, apostrophes, full stops, hyphens and
//! other punctuation, or a leading "the", share one key: "Ahmad Al-Sharaa", "ahmad al sharaa"
//! and "AHMAD AL‐SHARAA" all become `ahmad al sharaa`; "the Kremlin" and "Kremlin" become
//! `kremlin`; "U.S." becomes `us`; "Côte d’Ivoire" becomes `cote divoire`. Transliteration
//! variants (Ahmed/Ahmad, Julani/Jolani) are not guessed: the dictionary lists them.

/// Honorifics, in lower case: they say nothing of an office ("Mr", "Dame").
pub const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
];

/// The lookup key of a name: lowercase ASCII-folded words separated by single spaces.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars() {
        if is_apostrophe(c) || c == '.' || is_combining(c) {
            continue;
        }
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                if is_combining(lower) {
                    continue;
                }
                match fold(lower) {
                    Some(folded) => out.push_str(folded),
                    None => out.push(lower),
                }
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// True when `name` is a short acronym ("US", "UN", "WHO", "U.S."): two or three letters, all
/// capitals. Such names only match text written in capitals, so "who" and "us" stay words.
pub fn is_short_acronym(name: &str) -> bool {
    let mut letters = 0;
    for c in name.chars() {
        if c == '.' || c.is_whitespace() {
            continue;
        }
        if !c.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=3).contains(&letters)
}

/// True when every letter of `text` is a capital (and there is at least one letter).
pub fn all_capitals(text: &str) -> bool {
    let mut any = false;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        any = true;
    }
    any
}

/// Apostrophes and the letters that stand for them in transliterations (ʿayn, hamza).
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02BF}'
            | '\u{02BE}'
            | '`'
            | '\u{00B4}'
    )
}

/// Combining diacritical marks, dropped after their base letter.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// The ASCII form of a lowercase Latin letter with a diacritic, or `None` to keep the letter.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ḍ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ơ' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ư' | 'ụ' => {
            "u"
        }
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_a_key() {
        assert_eq!(normalize("Ahmad Al-Sharaa"), "ahmad al sharaa");
        assert_eq!(normalize("AHMAD  al\u{2010}Sharaa "), "ahmad al sharaa");
        assert_eq!(normalize("the Kremlin"), "kremlin");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(
            normalize("Côte d\u{2019}Ivoire"),
            normalize("Cote d'Ivoire")
        );
        assert_eq!(normalize("Élysée Palace"), "elysee palace");
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(normalize("Sana\u{02BF}a"), "sanaa");
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("--"), "");
    }

    #[test]
    fn short_acronyms() {
        assert!(is_short_acronym("US"));
        assert!(is_short_acronym("U.S."));
        assert!(is_short_acronym("WHO"));
        assert!(!is_short_acronym("NATO"));
        assert!(!is_short_acronym("Who"));
        assert!(all_capitals("U.S."));
        assert!(!all_capitals("Us"));
    }
}
