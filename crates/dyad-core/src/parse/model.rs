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
