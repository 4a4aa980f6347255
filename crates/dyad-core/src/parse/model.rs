//! The trained models embedded in the binary (see `models/README.md` at the repository
//! root), loaded lazily the first time they are needed and then shared.

use std::sync::OnceLock;

use super::Models;
use crate::error::{Error, Location, Result};

/// The tagger model file.
pub static TAGGER: &[u8] = include_bytes!("../../../../models/tagger.bin");
/// The lemmatizer model file.
pub static LEMMATIZER: &[u8] = include_bytes!("../../../../models/lemmatizer.bin");
/// The parser model file.
pub static PARSER: &[u8] = include_bytes!("../../../../models/parser.bin");

static MODELS: OnceLock<std::result::Result<Models, String>> = OnceLock::new();

/// The embedded models, read on the first call.
pub fn embedded() -> Result<&'static Models> {
    MODELS
        .get_or_init(|| Models::from_bytes(TAGGER, LEMMATIZER, PARSER).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::Malformed(Location::file("embedded models"), e.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_models_load_and_parse() {
        let models = embedded().expect("the embedded models load");
        let analyses = models.annotate(&["The", "minister", "resigned", "on", "Friday", "."]);
        assert_eq!(analyses.len(), 6);
        assert_eq!(analyses.iter().filter(|a| a.head == 0).count(), 1);
        assert_eq!(analyses[2].lemma, "resign");
        assert_eq!(analyses[2].deprel, "root");
        assert_eq!(analyses[0].upos, "DET");
    }

    /// The tag and relation of each word, as "word/XPOS/relation".
    fn tagged(sentence: &str) -> String {
        let forms: Vec<&str> = sentence.split(' ').collect();
        let models = embedded().expect("the embedded models load");
        let analyses = models.annotate(&forms);
        forms
            .iter()
            .zip(&analyses)
            .map(|(f, a)| format!("{f}/{}/{}", a.xpos, a.deprel))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_sentence_gets_back_the_finite_verb_the_tagger_nearly_chose() {
        // The tagger alone reads these verbs as a plural noun and a noun.
        let models = embedded().expect("the embedded models load");
        for (sentence, verb) in [
            ("India protests the shelling .", 1),
            ("Police arrest dozens of protesters .", 1),
        ] {
            let forms: Vec<&str> = sentence.split(' ').collect();
            let alone = models.tagger.tag(&forms);
            assert!(!models.tagger.is_finite_verb(alone[verb]), "{sentence}");
            let analyses = models.annotate(&forms);
            assert_eq!(analyses[verb].upos, "VERB", "{}", tagged(sentence));
            assert_eq!(analyses[verb].deprel, "root", "{}", tagged(sentence));
            assert_eq!(analyses[0].deprel, "nsubj", "{}", tagged(sentence));
        }
        // A headline's participle stays a participle, and a sentence with a verb is left alone.
        for sentence in [
            "Two soldiers killed in border ambush",
            "The rebels said the convoy attack failed .",
        ] {
            let forms: Vec<&str> = sentence.split(' ').collect();
            let alone = models.tagger.tag(&forms);
            let analyses = models.annotate(&forms);
            let xpos: Vec<&str> = alone.iter().map(|&c| models.tagger.xpos(c)).collect();
            let after: Vec<&str> = analyses.iter().map(|a| a.xpos.as_str()).collect();
            assert_eq!(xpos, after, "{}", tagged(sentence));
        }
    }

    #[test]
    fn a_main_verb_hung_under_its_subject_becomes_the_root() {
        // The parser alone makes the country the root and the verb its parataxis.
        let models = embedded().expect("the embedded models load");
        for (sentence, verb) in [
            (
                "Norway on Monday firmly rejected the proposal from the envoys .",
                4,
            ),
            (
                "Chile on Friday sharply criticised the ruling by the court .",
                4,
            ),
        ] {
            let forms: Vec<&str> = sentence.split(' ').collect();
            let classes = models.tagger.tag(&forms);
            let xpos: Vec<&str> = classes.iter().map(|&c| models.tagger.xpos(c)).collect();
            let alone = models.parser.parse(&forms, &xpos);
            assert_eq!(alone.heads[0], 0, "{sentence}");
            let analyses = models.annotate(&forms);
            assert_eq!(analyses[verb].deprel, "root", "{}", tagged(sentence));
            assert_eq!(analyses[0].deprel, "nsubj", "{}", tagged(sentence));
            assert_eq!(analyses[0].head, verb + 1, "{}", tagged(sentence));
            assert_eq!(analyses.iter().filter(|a| a.head == 0).count(), 1);
        }
    }

    #[test]
    fn pipeline_fills_every_word() {
        let mut doc = crate::Document::from_blocks(
            crate::ArticleMeta::default(),
            [(
                crate::BlockKind::Paragraph,
                "Protesters attacked the embassy in the capital on Tuesday , police said .",
            )],
        );
        crate::Pipeline::default().run(&mut doc);
        assert!(!doc.words.is_empty());
        assert!(doc.words.iter().all(|w| w.lemma.is_some()
            && w.upos.is_some()
            && w.xpos.is_some()
            && w.deprel.is_some()));
        assert_eq!(doc.words.iter().filter(|w| w.head.is_none()).count(), 1);
    }
}
