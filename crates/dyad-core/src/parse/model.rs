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
