//! Fuzzes the JSONL reader: any bytes give documents or errors naming a line, never a panic.
#![no_main]

use dyad_core::input::{self, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { format: Format::Jsonl, ..ReadOptions::default() };
    for result in input::read("fuzz.jsonl", data, &options) {
        match result {
            Ok(mut doc) => dyad_core::Pipeline::default().run(&mut doc),
            Err(e) => assert!(e.to_string().starts_with("fuzz.jsonl")),
        }
    }
});
