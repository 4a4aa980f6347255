//! Language identification: decides whether a text is English, so that non-English
//! articles are flagged instead of being coded as English.
//!
//! English is recognised by the share of its function words; other languages are named by
//! the `whatlang` detector. This module does nothing else.

/// Common English function words; in running English text they make up a third or more of
/// the words, in other languages almost none.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "he",
    "as", "at", "by", "be", "this", "are", "from", "or", "have", "an", "they", "which", "has",
    "had", "not", "but", "were", "his", "her", "their", "its", "been", "will", "would", "who",
    "we", "said", "after", "than", "into", "also", "more", "about", "over", "there", "she", "what",
    "when", "our",
];

/// Detects the language of a text: `"en"` for English, otherwise an ISO 639-1 code when the
/// detector is sure, or `"und"` (undetermined) when it is not.
pub fn detect(text: &str) -> String {
    let sample = &text[..crate::input::floor_boundary(text, 20_000)];
    let words: Vec<String> = sample
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return "und".to_string();
    }
    let function = words
        .iter()
        .filter(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_str()))
        .count();
    let ratio = function as f64 / words.len() as f64;
    // Short English texts (a headline) may hold few function words; require a Latin script.
    let latin = sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c));
    if ratio >= 0.12 || (latin && words.len() < 15 && ratio > 0.0) {
        return "en".to_string();
    }
    match whatlang::detect(sample) {
        Some(info) if info.lang() == whatlang::Lang::Eng => "en".to_string(),
        Some(info) if info.is_reliable() || !latin => iso639_1(info.lang()).to_string(),
        _ if latin && (ratio >= 0.06 || words.len() < 15) => "en".to_string(),
        _ => "und".to_string(),
    }
}

/// The ISO 639-1 code of the languages the detector names, or its ISO 639-3 code.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Pes => "fa",
        Heb => "he",
        Hin => "hi",
        Urd => "ur",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ind => "id",
        Vie => "vi",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ell => "el",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn english_and_others() {
        assert_eq!(
            detect("The minister said on Tuesday that the talks with the rebels would resume."),
            "en"
        );
        assert_eq!(detect("Talks resume"), "en");
        assert_eq!(
            detect(
                "Le ministre a déclaré mardi que les négociations avec les rebelles reprendraient bientôt dans la capitale."
            ),
            "fr"
        );
        assert_eq!(
            detect(
                "Министр заявил во вторник, что переговоры с повстанцами возобновятся в ближайшее время."
            ),
            "ru"
        );
        assert_eq!(detect("12345 !!!"), "und");
    }
}
