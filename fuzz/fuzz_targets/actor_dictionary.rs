//! Fuzzes the reader of the user's actor files (`--actors FILE`): any text gives a
//! dictionary or an error naming the file and line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = dyad_core::actors::ActorDictionary::embedded_with(&[("fuzz.txt", text)]) {
        assert!(e.to_string().contains("fuzz.txt"), "{e}");
    }
});
