//! Fuzzes the HTML reader: decoding, extraction and the pipeline must never panic, and every
//! sentence must lie inside the text.
#![no_main]

use dyad_core::input::{self, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { format: Format::Html, ..ReadOptions::default() };
    for mut doc in input::read("fuzz.html", data, &options).into_iter().flatten() {
        dyad_core::Pipeline::default().run(&mut doc);
        for s in &doc.sentences {
            assert!(doc.text.get(s.range()).is_some());
        }
    }
});
