//! Fuzzes the reader of PETRARCH's Phoenix actor files (`--petrarch-actors FILE`): any text
//! loads, with its bad lines reported, and the layer resolves a document without a panic.
#![no_main]

use dyad_core::actors::petrarch::PetrarchActors;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(dict) = dyad_core::actors::embedded_dictionary() else { return };
    let (actors, _report) = PetrarchActors::load(&[("fuzz.txt", text)], dict);
    let pipeline = dyad_core::Pipeline::default().with_petrarch_actors(actors);
    let _ = dyad_core::events::code_text_with(
        "Odalric Fenwick met the minister in Paris on Monday.",
        Some("2020-01-01".to_string()),
        &pipeline,
    );
});
