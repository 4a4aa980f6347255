//! Offsets are sacred: for any input, every annotation the pipeline writes must point at
//! real text. This property test feeds random text and HTML through reading, the pipeline
//! and the JSON writer, and checks every range of the output against the output's own text.

use dyad_core::Pipeline;
use dyad_core::input::{self, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};
use proptest::prelude::*;
use serde_json::Value;

/// Text made of pieces that stress segmentation and offsets: multibyte letters, curly quotes,
/// dashes, abbreviations, numbers, markup-like characters and odd white space.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("Dr.".to_string()),
        Just("U.S.".to_string()),
        Just("Al Sharaa\u{2019}s".to_string()),
        Just("don't".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("2019\u{2013}2020".to_string()),
        Just("$28bn".to_string()),
        Just("2,000.".to_string()),
        Just("...".to_string()),
        Just("?!".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("<p>".to_string()),
        Just("&amp;".to_string()),
        Just("\u{1F600}".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,3}",
    ];
    proptest::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("\n")]), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

fn check_ranges(v: &Value) {
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let ranges = |key: &str| -> Vec<(usize, usize)> {
        v[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| {
                        (
                            x["start"].as_u64().unwrap() as usize,
                            x["end"].as_u64().unwrap() as usize,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let blocks = ranges("blocks");
    for (s, e) in ranges("blocks")
        .into_iter()
        .chain(ranges("sentences"))
        .chain(ranges("tokens"))
        .chain(ranges("words"))
    {
        assert!(
            s <= e && e <= text.len(),
            "range {s}..{e} outside text of {} chars",
            text.len()
        );
    }
    for (s, e) in ranges("sentences") {
        assert!(s < e, "empty sentence at {s}");
        assert!(
            blocks.iter().any(|&(bs, be)| bs <= s && e <= be),
            "sentence {s}..{e} crosses a block"
        );
        let sentence: String = text[s..e].iter().collect();
        assert_eq!(
            sentence.trim(),
            sentence,
            "sentence {s}..{e} has outer white space"
        );
    }
    for entity in v["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            let (s, e) = (
                mention["start"].as_u64().unwrap() as usize,
                mention["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= text.len(), "entity {s}..{e} outside the text");
            let surface: String = text[s..e].iter().collect();
            assert_eq!(
                surface.trim(),
                surface,
                "entity {s}..{e} has outer white space"
            );
            // An entity the actor stage did not resolve is named by its one mention.
            if entity.get("basis").is_none() && entity.get("code").is_none() {
                assert_eq!(surface, entity["name"].as_str().unwrap());
            }
        }
    }
    if let Some(words) = v["words"].as_array() {
        for w in words {
            let (s, e) = (
                w["start"].as_u64().unwrap() as usize,
                w["end"].as_u64().unwrap() as usize,
            );
            let surface: String = text[s..e].iter().collect();
            assert_eq!(surface, w["text"].as_str().unwrap());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn text_input_offsets_hold(raw in messy_text()) {
        for mut doc in input::read("p.txt", raw.as_bytes(), &ReadOptions::default()).into_iter().flatten() {
            Pipeline::default().run(&mut doc);
            check_ranges(&json::to_value(&doc, "test", JsonOptions { tokens: true, diagnostics: true }));
        }
    }

    #[test]
    fn html_input_offsets_hold(raw in messy_text()) {
        let html = format!("<html><body><h1>{raw}</h1><p>{raw}</p><div><p>{raw}</div></body>");
        for mut doc in input::read("p.html", html.as_bytes(), &ReadOptions::default()).into_iter().flatten() {
            Pipeline::default().run(&mut doc);
            check_ranges(&json::to_value(&doc, "test", JsonOptions { tokens: true, diagnostics: true }));
        }
    }
}
