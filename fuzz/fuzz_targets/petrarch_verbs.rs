//! Fuzzes the reader of PETRARCH-2's verb dictionary (`--petrarch-verbs FILE`): any text
//! loads, with its bad lines reported, and the loaded patterns code a sentence without a
//! panic.
#![no_main]

use dyad_core::events::petrarch::PetrarchVerbs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (verbs, _problems) = PetrarchVerbs::parse("fuzz.txt", text);
    let Ok(embedded) = dyad_core::events::embedded_dictionary() else { return };
    let pipeline = dyad_core::Pipeline::default().with_events(embedded.clone().with_petrarch(verbs));
    let _ = dyad_core::events::code_text_with(
        "France sent aid to Chad. The rebels attacked the town on Monday.",
        Some("2020-01-01".to_string()),
        &pipeline,
    );
});
