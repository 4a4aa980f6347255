//! Fuzzes the reader of actor lists (`dyad eval actors LIST`) and of re3d documents: any
//! text parses into articles and errors, and scoring against any JSON never panics.
#![no_main]

use dyad_core::eval::actors;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let list = actors::parse(text, "fuzz.txt");
    let coded = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    for article in &list.articles {
        let _ = actors::score(article, "fuzz.txt", &coded);
    }
    if let Ok(documents) = actors::Re3dDocuments::parse(&[("documents.json", text)]) {
        let _ = documents.text("00000000");
    }
});
