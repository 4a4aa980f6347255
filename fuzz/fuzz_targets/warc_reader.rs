//! Fuzzes the WARC reader: records, HTTP responses and the articles read from any bytes must
//! never panic, and every record block must lie inside the input.
#![no_main]

use dyad_core::input::{self, Format, ReadOptions, warc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for record in warc::records(data, "fuzz.warc") {
        let Ok(record) = record else { break };
        assert!(record.offset < data.len());
        assert!(record.block.len() <= data.len());
        let _ = record.kind();
        if let Some(http) = warc::http_response(record.block) {
            let _ = http.is_html();
        }
    }
    let options = ReadOptions {
        format: Format::Warc,
        ..ReadOptions::default()
    };
    let report = input::read_report("fuzz.warc", data, &options);
    for doc in report.documents.into_iter().flatten() {
        assert!(!doc.text.is_empty());
    }
});
