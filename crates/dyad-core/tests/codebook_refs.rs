//! Checks the embedded codebook against the reference files in the shared data folder: the
//! CAMEO table of the `icews` R package and PLOVER's CAMEO → PLOVER table.
//!
//! The shared folder is `$DYAD_SHARED`, else `shared` next to the repository. When it is
//! missing, the tests print why and pass without checking.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use dyad_core::codebook::{Codebook, PloverType};

/// The codes where we use GDELT's Goldstein value (from its `CAMEO.goldsteinscale.txt`) rather
/// than the ICEWS table's, with both values: (code, ICEWS, GDELT).
const GDELT_VALUES: [(&str, f64, f64); 4] = [
    ("016", -5.0, -2.0),
    ("022", 3.4, 3.2),
    ("164", -6.5, -7.0),
    ("165", -7.0, -6.5),
];

fn shared_file(relative: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = dir.join(relative);
    if path.is_file() {
        Some(path)
    } else {
        println!("skipped: {} is missing", path.display());
        None
    }
}

fn book() -> &'static Codebook {
    Codebook::get().expect("the embedded codebook parses")
}

/// Parses CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and newlines).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn cameo_codes_names_and_values_match_the_icews_table() {
    let Some(path) =
        shared_file("peers/cameo/andybega-icews/data-raw/cameo-codes.utf8-repaired.csv")
    else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("the ICEWS table is UTF-8");
    let rows = parse_csv(&text);
    let header = &rows[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (code_col, name_col, value_col) = (column("code"), column("name"), column("goldstein"));
    let mut reference: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for row in &rows[1..] {
        let value: f64 = row[value_col].parse().expect("a Goldstein number");
        let old = reference.insert(row[code_col].clone(), (row[name_col].clone(), value));
        assert!(old.is_none(), "{} repeats in the reference", row[code_col]);
    }

    let ours: BTreeSet<&str> = book().codes().map(|c| c.code.as_str()).collect();
    let theirs: BTreeSet<&str> = reference.keys().map(String::as_str).collect();
    assert_eq!(ours, theirs, "the two code sets differ");

    let (mut names, mut values, mut gdelt) = (0, 0, 0);
    for (code, (name, value)) in &reference {
        let entry = book().code(code).expect("same code set");
        assert!(
            entry.name.eq_ignore_ascii_case(name.trim()),
            "{code}: our name {:?}, reference {name:?}",
            entry.name
        );
        names += 1;
        match GDELT_VALUES.iter().find(|(c, _, _)| c == code) {
            Some(&(_, icews, from_gdelt)) => {
                assert_eq!(*value, icews, "{code}: the ICEWS value changed");
                assert_eq!(entry.goldstein, from_gdelt, "{code}: not GDELT's value");
                gdelt += 1;
            }
            None => {
                assert_eq!(entry.goldstein, *value, "{code}: Goldstein value differs");
                values += 1;
            }
        }
    }
    println!(
        "{} codes in both; {names} names agree; {values} Goldstein values agree; \
         {gdelt} take GDELT's value instead",
        ours.len()
    );
    assert_eq!(gdelt, GDELT_VALUES.len());
}

/// One line of PLOVER's table: event type name, mode and contexts.
type Row = (String, Option<String>, Vec<String>);

/// Reads `CAMEO2PLOVER-2021.txt`: `code: TYPE, mode, context; context # comment` lines, with
/// root lines `code: TYPE` heading each family, blank lines, `#` comments and a `~~~` end.
fn parse_cameo2plover(text: &str) -> Vec<(String, Row)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('~') {
            continue;
        }
        let (code, rest) = line.split_once(':').expect("a `code: ...` line");
        let mut parts = rest.split(',').map(str::trim);
        let name = parts.next().unwrap_or("").to_string();
        let mode = parts.next().filter(|m| !m.is_empty()).map(str::to_string);
        let contexts = parts
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        out.push((code.trim().to_string(), (name, mode, contexts)));
    }
    out
}

#[test]
fn cameo_to_plover_mapping_matches_the_plover_table() {
    let Some(path) = shared_file("peers/plover/CAMEO2PLOVER-2021.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("the PLOVER table is UTF-8");
    let lines = parse_cameo2plover(&text);

    // The first line of a code counts. Only two codes repeat: 175 twice with the same
    // content, and the root 08, which heads both its CONCEDE and its RETREAT codes.
    let mut reference: BTreeMap<String, Row> = BTreeMap::new();
    let mut repeats = BTreeSet::new();
    for (code, row) in lines {
        match reference.get(&code) {
            Some(first) if first == &row => {
                repeats.insert(format!("{code} (identical)"));
            }
            Some(_) => {
                repeats.insert(code);
            }
            None => {
                reference.insert(code, row);
            }
        }
    }
    let repeats: Vec<&str> = repeats.iter().map(String::as_str).collect();
    assert_eq!(repeats, ["08", "175 (identical)"]);

    let (mut agree, mut not_in_cameo) = (0, Vec::new());
    for (code, (name, mode, contexts)) in &reference {
        let Some(entry) = book().code(code) else {
            not_in_cameo.push(code.as_str());
            continue;
        };
        let ours = entry
            .plover
            .as_ref()
            .unwrap_or_else(|| panic!("{code}: we have no PLOVER mapping"));
        assert_eq!(ours.plover_type.name(), name, "{code}: event type");
        assert_eq!(ours.mode.as_ref(), mode.as_ref(), "{code}: mode");
        assert_eq!(&ours.contexts, contexts, "{code}: contexts");
        agree += 1;
    }
    // 1214 (reject intelligence cooperation) is not a code of the CAMEO table.
    assert_eq!(not_in_cameo, ["1214"]);

    let unmapped: Vec<&str> = book()
        .codes()
        .filter(|c| !reference.contains_key(&c.code))
        .map(|c| c.code.as_str())
        .collect();
    for code in &unmapped {
        assert!(code.starts_with("01") || code.starts_with("02"), "{code}");
        assert_eq!(book().plover_for(code), None, "{code}");
    }
    println!(
        "{agree} mappings agree; {} codes (roots 01 and 02) have none in either; \
         {} reference code(s) not in CAMEO: {not_in_cameo:?}",
        unmapped.len(),
        not_in_cameo.len()
    );
}

#[test]
fn gold_record_event_names_all_map_to_current_types() {
    let Some(path) = shared_file("peers/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("the gold records are UTF-8");
    let records: serde_json::Value = serde_json::from_str(&text).expect("a JSON array");
    let mut names = BTreeSet::new();
    for record in records.as_array().expect("a JSON array") {
        if let Some(event) = record.get("event").and_then(|e| e.as_str()) {
            names.insert(event.to_string());
        }
    }
    for name in &names {
        if name == "DOCUMENT" {
            continue;
        }
        assert!(
            PloverType::from_any_name(name).is_some(),
            "{name} has no current PLOVER type"
        );
    }
    println!("{} event names in the gold records, all known", names.len());
}
