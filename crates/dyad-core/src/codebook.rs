//! The CAMEO and PLOVER codebooks: every CAMEO event code with its name, Goldstein value and
//! quad class, the PLOVER event types with their modes and contexts, and the mapping from
//! CAMEO codes to PLOVER.
//!
//! The data lives in `data/codebook/` at the repository root (the format is described in the
//! `README.md` there). It is compiled into the library with `include_str!` and parsed once, on
//! first use, by [`Codebook::get`]. [`Codebook::parse`] reads any text in the same format, and
//! reports a malformed line as [`Error::Malformed`] with its file and line.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, Location, Result};

/// The file name the CAMEO table is reported under in errors.
pub const CAMEO_FILE: &str = "data/codebook/cameo.tsv";
/// The file name the CAMEO → PLOVER mapping is reported under in errors.
pub const MAPPING_FILE: &str = "data/codebook/cameo_plover.tsv";
/// The file name the PLOVER vocabulary is reported under in errors.
pub const PLOVER_FILE: &str = "data/codebook/plover.tsv";

const CAMEO_TSV: &str = include_str!("../../../data/codebook/cameo.tsv");
const MAPPING_TSV: &str = include_str!("../../../data/codebook/cameo_plover.tsv");
const PLOVER_TSV: &str = include_str!("../../../data/codebook/plover.tsv");

/// The four quad classes that group events by cooperation or conflict, in words or deeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// 1: verbal cooperation (CAMEO roots 01–05).
    VerbalCooperation = 1,
    /// 2: material cooperation (CAMEO roots 06–09).
    MaterialCooperation = 2,
    /// 3: verbal conflict (CAMEO roots 10–14).
    VerbalConflict = 3,
    /// 4: material conflict (CAMEO roots 15–20).
    MaterialConflict = 4,
}

impl QuadClass {
    /// The quad class with this number (1 to 4).
    pub fn from_number(number: u8) -> Option<QuadClass> {
        match number {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The quad class's number (1 to 4), as used in event data sets.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The quad class's name in lower-case words, such as `verbal cooperation`.
    pub fn name(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }

    /// The quad class of a CAMEO root code (`01` to `20`), or `None` for anything else.
    pub fn of_cameo_root(root: &str) -> Option<QuadClass> {
        if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match root.parse::<u8>().ok()? {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=9 => Some(QuadClass::MaterialCooperation),
            10..=14 => Some(QuadClass::VerbalConflict),
            15..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

impl fmt::Display for QuadClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.number(), self.name())
    }
}

/// The sixteen event types of current PLOVER (manual draft 0.8 and later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PloverType {
    /// Agree to, offer or promise cooperation.
    Agree,
    /// Meet, visit, host, or talk by phone.
    Consult,
    /// Diplomatic, non-material support: praise, recognition, signing agreements.
    Support,
    /// Verbal concessions without immediate material consequences.
    Concede,
    /// Mutual material cooperation.
    Cooperate,
    /// Material aid that mainly benefits the recipient.
    Aid,
    /// Concessions with immediate material consequences: releases, withdrawals, access.
    Retreat,
    /// Requests, demands and orders.
    Request,
    /// Disapproval, accusations, lawsuits and investigations.
    Accuse,
    /// Rejections and refusals.
    Reject,
    /// Threats and coercive warnings.
    Threaten,
    /// Civilian demonstrations and other collective protest.
    Protest,
    /// Reductions in existing relations.
    Sanction,
    /// Military or police moves short of the use of force.
    Mobilize,
    /// Repression and coercion short of violence.
    Coerce,
    /// Deliberate actions that can cause substantial physical harm.
    Assault,
}

impl PloverType {
    /// All sixteen types, in the order of the PLOVER manual.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The type's name as PLOVER writes it, in capitals, such as `AGREE`.
    pub fn name(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// The type with this current name (exactly as PLOVER writes it, in capitals).
    pub fn from_name(name: &str) -> Option<PloverType> {
        PloverType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The current type for a name from any PLOVER version, in any letter case.
    ///
    /// Current names map to themselves. The names of the 0.5-era drafts, which the PLOVER gold
    /// standard records still use, map to the types that replaced them: `DEMAND` → `REQUEST`,
    /// `DISAPPROVE` and `INVESTIGATE` → `ACCUSE`, `FIGHT` → `ASSAULT`. Anything else (including
    /// the gold records' `DOCUMENT` pseudo-event) gives `None`.
    pub fn from_any_name(name: &str) -> Option<PloverType> {
        let upper = name.trim().to_ascii_uppercase();
        match upper.as_str() {
            "DEMAND" => Some(PloverType::Request),
            "DISAPPROVE" | "INVESTIGATE" => Some(PloverType::Accuse),
            "FIGHT" => Some(PloverType::Assault),
            other => PloverType::from_name(other),
        }
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The PLOVER side of one CAMEO code: the event type and, when the mapping gives them, a mode
/// and contexts.
///
/// Modes and contexts are kept exactly as the PLOVER mapping table writes them. A few of them
/// (such as the mode `assassinate` or the context `humanitarian`) are not in the vocabulary of
/// the current manual; `data/codebook/README.md` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverMapping {
    /// The event type.
    pub plover_type: PloverType,
    /// The mode, when the mapping names one.
    pub mode: Option<String>,
    /// The contexts, possibly none.
    pub contexts: Vec<String>,
}

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code: two digits for a root, three or four for its refinements (`14`, `141`, `1411`).
    pub code: String,
    /// The code's name, such as `Demonstrate or rally`.
    pub name: String,
    /// The Goldstein conflict–cooperation value, from −10 to +10.
    pub goldstein: f64,
    /// The quad class, which follows from the root.
    pub quad_class: QuadClass,
    /// The PLOVER mapping; `None` for the codes PLOVER dropped (roots 01 and 02).
    pub plover: Option<PloverMapping>,
}

impl CameoCode {
    /// The root code: the first two digits.
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }

    /// The parent code: none for a root, the root for a three-digit code, and the three-digit
    /// code for a four-digit one.
    pub fn parent(&self) -> Option<&str> {
        match self.code.len() {
            3 | 4 => self.code.get(..self.code.len() - 1),
            _ => None,
        }
    }

    /// Whether this is one of the twenty root codes.
    pub fn is_root(&self) -> bool {
        self.code.len() == 2
    }

    /// The depth in the hierarchy: 1 for a root, 2 for three digits, 3 for four.
    pub fn level(&self) -> usize {
        self.code.len().saturating_sub(1)
    }
}

/// A PLOVER event type as the manual describes it: its quad class and its modes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverTypeInfo {
    /// The type.
    pub plover_type: PloverType,
    /// Its quad class.
    pub quad_class: QuadClass,
    /// Its modes, in the manual's order (empty for types without modes).
    pub modes: Vec<String>,
}

/// The whole codebook: CAMEO codes, the PLOVER vocabulary and the mapping between them.
#[derive(Debug, Clone)]
pub struct Codebook {
    codes: Vec<CameoCode>,
    index: HashMap<String, usize>,
    plover_types: Vec<PloverTypeInfo>,
    contexts: Vec<String>,
}

/// A parse failure before it becomes an [`Error`]; kept apart so that [`Codebook::get`] can
/// hand out a fresh error from the stored one.
type ParseFailure = (Location, String);

impl Codebook {
    /// The codebook compiled into the library, parsed on first use.
    ///
    /// The embedded data is checked by the tests, so an error here means a broken build; it is
    /// still returned rather than a panic.
    pub fn get() -> Result<&'static Codebook> {
        static CODEBOOK: OnceLock<std::result::Result<Codebook, ParseFailure>> = OnceLock::new();
        match CODEBOOK.get_or_init(|| Codebook::parse_inner(CAMEO_TSV, MAPPING_TSV, PLOVER_TSV)) {
            Ok(codebook) => Ok(codebook),
            Err((location, why)) => Err(Error::Malformed(location.clone(), why.clone())),
        }
    }

    /// Parses a codebook from the text of the three data files, in their order: the CAMEO
    /// table, the CAMEO → PLOVER mapping and the PLOVER vocabulary.
    ///
    /// Errors name the file ([`CAMEO_FILE`], [`MAPPING_FILE`] or [`PLOVER_FILE`]) and line.
    pub fn parse(cameo_tsv: &str, mapping_tsv: &str, plover_tsv: &str) -> Result<Codebook> {
        Codebook::parse_inner(cameo_tsv, mapping_tsv, plover_tsv)
            .map_err(|(location, why)| Error::Malformed(location, why))
    }

    fn parse_inner(
        cameo_tsv: &str,
        mapping_tsv: &str,
        plover_tsv: &str,
    ) -> std::result::Result<Codebook, ParseFailure> {
        let (plover_types, contexts) = parse_plover(plover_tsv)?;
        let (mut codes, index) = parse_cameo(cameo_tsv)?;
        parse_mapping(mapping_tsv, &mut codes, &index)?;
        Ok(Codebook {
            codes,
            index,
            plover_types,
            contexts,
        })
    }

    /// The CAMEO code with exactly this code string, such as `141` or `0211`.
    pub fn code(&self, code: &str) -> Option<&CameoCode> {
        self.index.get(code).and_then(|&i| self.codes.get(i))
    }

    /// Every CAMEO code, roots first in each family, in the codebook's order.
    pub fn codes(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    /// The twenty root codes, `01` to `20`.
    pub fn roots(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter().filter(|c| c.is_root())
    }

    /// The codes directly below this one (the three-digit codes of a root, the four-digit codes
    /// of a three-digit code).
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a CameoCode> + 'a {
        self.codes.iter().filter(move |c| c.parent() == Some(code))
    }

    /// The root entry of a code, such as `14 PROTEST` for `1411`; `None` for an unknown code.
    pub fn root(&self, code: &str) -> Option<&CameoCode> {
        self.code(self.code(code)?.root())
    }

    /// The PLOVER mapping of a CAMEO code; `None` for an unknown code or a code PLOVER dropped.
    pub fn plover_for(&self, code: &str) -> Option<&PloverMapping> {
        self.code(code)?.plover.as_ref()
    }

    /// The codes whose name contains `word`, ignoring letter case.
    pub fn search(&self, word: &str) -> Vec<&CameoCode> {
        let word = word.trim().to_lowercase();
        if word.is_empty() {
            return Vec::new();
        }
        self.codes
            .iter()
            .filter(|c| c.name.to_lowercase().contains(&word))
            .collect()
    }

    /// The CAMEO codes that map to a PLOVER type.
    pub fn codes_for_plover(&self, plover_type: PloverType) -> Vec<&CameoCode> {
        self.codes
            .iter()
            .filter(|c| c.plover.as_ref().map(|p| p.plover_type) == Some(plover_type))
            .collect()
    }

    /// A PLOVER type's quad class and modes, per the manual.
    pub fn plover_type(&self, plover_type: PloverType) -> Option<&PloverTypeInfo> {
        self.plover_types
            .iter()
            .find(|info| info.plover_type == plover_type)
    }

    /// The PLOVER general contexts of the manual, in its order.
    pub fn plover_contexts(&self) -> &[String] {
        &self.contexts
    }

    /// Checks a code string given by a user and returns its entry.
    ///
    /// The error says whether the string is not a CAMEO code at all (not two to four digits, or
    /// a root outside 01–20) or is well formed but not in the codebook.
    pub fn validate(&self, code: &str) -> Result<&CameoCode> {
        let invalid = |why: &str| Error::InvalidValue {
            what: "CAMEO code",
            value: code.to_string(),
            why: why.to_string(),
        };
        check_code_shape(code).map_err(|why| invalid(&why))?;
        self.code(code)
            .ok_or_else(|| invalid("well formed, but not in the CAMEO codebook"))
    }
}

/// Whether a string has the shape of a CAMEO code: two to four ASCII digits whose first two
/// are a root from 01 to 20. Returns why not.
fn check_code_shape(code: &str) -> std::result::Result<(), String> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err("a CAMEO code is two to four digits, such as 14, 141 or 1411".to_string());
    }
    if QuadClass::of_cameo_root(code.get(..2).unwrap_or("")).is_none() {
        return Err("a CAMEO code starts with a root from 01 to 20".to_string());
    }
    Ok(())
}

/// The lines of a data file that hold data: 1-based line number and the line, skipping blank
/// lines and `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

/// Splits a line into exactly `n` tab-separated fields.
fn fields<'a>(
    line: &'a str,
    n: usize,
    file: &str,
    number: usize,
) -> std::result::Result<Vec<&'a str>, ParseFailure> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != n {
        return Err((
            Location::line(file, number),
            format!("expected {n} tab-separated fields, found {}", fields.len()),
        ));
    }
    Ok(fields)
}

fn parse_cameo(
    text: &str,
) -> std::result::Result<(Vec<CameoCode>, HashMap<String, usize>), ParseFailure> {
    let mut codes: Vec<CameoCode> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut lines: HashMap<String, usize> = HashMap::new();
    for (number, line) in data_lines(text) {
        let at = || Location::line(CAMEO_FILE, number);
        let f = fields(line, 4, CAMEO_FILE, number)?;
        let (code, quad, goldstein, name) = (f[0], f[1], f[2], f[3]);
        check_code_shape(code).map_err(|why| (at(), format!("code {code:?}: {why}")))?;
        if let Some(first) = lines.get(code) {
            return Err((at(), format!("code {code} repeats line {first}")));
        }
        let quad_class = quad
            .parse::<u8>()
            .ok()
            .and_then(QuadClass::from_number)
            .ok_or_else(|| (at(), format!("quad class {quad:?} is not 1, 2, 3 or 4")))?;
        let expected = QuadClass::of_cameo_root(code.get(..2).unwrap_or(""));
        if Some(quad_class) != expected {
            return Err((
                at(),
                format!(
                    "code {code} has quad class {}, but its root gives {}",
                    quad_class.number(),
                    expected.map_or(0, QuadClass::number)
                ),
            ));
        }
        let goldstein = goldstein
            .parse::<f64>()
            .ok()
            .filter(|g| (-10.0..=10.0).contains(g))
            .ok_or_else(|| {
                (
                    at(),
                    format!("Goldstein value {goldstein:?} is not a number from -10 to 10"),
                )
            })?;
        let name = name.trim();
        if name.is_empty() {
            return Err((at(), format!("code {code} has no name")));
        }
        let entry = CameoCode {
            code: code.to_string(),
            name: name.to_string(),
            goldstein,
            quad_class,
            plover: None,
        };
        if let Some(parent) = entry.parent()
            && !index.contains_key(parent)
        {
            return Err((
                at(),
                format!("code {code} comes before (or without) its parent {parent}"),
            ));
        }
        lines.insert(code.to_string(), number);
        index.insert(code.to_string(), codes.len());
        codes.push(entry);
    }
    if codes.is_empty() {
        return Err((Location::file(CAMEO_FILE), "no CAMEO codes".to_string()));
    }
    Ok((codes, index))
}

/// A field that may be `-` for "none".
fn optional(field: &str) -> Option<&str> {
    match field.trim() {
        "" | "-" => None,
        value => Some(value),
    }
}

fn parse_mapping(
    text: &str,
    codes: &mut [CameoCode],
    index: &HashMap<String, usize>,
) -> std::result::Result<(), ParseFailure> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (number, line) in data_lines(text) {
        let at = || Location::line(MAPPING_FILE, number);
        let f = fields(line, 4, MAPPING_FILE, number)?;
        let code = f[0];
        let Some(&i) = index.get(code) else {
            return Err((at(), format!("code {code:?} is not in {CAMEO_FILE}")));
        };
        if let Some(first) = seen.get(code) {
            return Err((at(), format!("code {code} repeats line {first}")));
        }
        seen.insert(code.to_string(), number);
        let mode = optional(f[2]).map(str::to_string);
        let contexts: Vec<String> = optional(f[3])
            .map(|c| {
                c.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let plover = match optional(f[1]) {
            None => {
                if mode.is_some() || !contexts.is_empty() {
                    return Err((
                        at(),
                        format!("code {code} has a mode or context but no PLOVER type"),
                    ));
                }
                None
            }
            Some(name) => {
                let plover_type = PloverType::from_name(name).ok_or_else(|| {
                    (at(), format!("{name:?} is not a current PLOVER event type"))
                })?;
                Some(PloverMapping {
                    plover_type,
                    mode,
                    contexts,
                })
            }
        };
        if let Some(entry) = codes.get_mut(i) {
            entry.plover = plover;
        }
    }
    if let Some(missing) = codes.iter().find(|c| !seen.contains_key(&c.code)) {
        return Err((
            Location::file(MAPPING_FILE),
            format!(
                "code {} has no line (write `-` for codes without a PLOVER type)",
                missing.code
            ),
        ));
    }
    Ok(())
}

fn parse_plover(
    text: &str,
) -> std::result::Result<(Vec<PloverTypeInfo>, Vec<String>), ParseFailure> {
    let mut types: Vec<PloverTypeInfo> = Vec::new();
    let mut contexts: Vec<String> = Vec::new();
    for (number, line) in data_lines(text) {
        let at = || Location::line(PLOVER_FILE, number);
        match line.split('\t').next().unwrap_or("") {
            "type" => {
                let f = fields(line, 4, PLOVER_FILE, number)?;
                let plover_type = PloverType::from_name(f[1]).ok_or_else(|| {
                    (
                        at(),
                        format!("{:?} is not a current PLOVER event type", f[1]),
                    )
                })?;
                if types.iter().any(|t| t.plover_type == plover_type) {
                    return Err((at(), format!("type {plover_type} repeats")));
                }
                let quad_class = f[2]
                    .parse::<u8>()
                    .ok()
                    .and_then(QuadClass::from_number)
                    .ok_or_else(|| (at(), format!("quad class {:?} is not 1, 2, 3 or 4", f[2])))?;
                let modes = optional(f[3])
                    .map(|m| m.split(',').map(|s| s.trim().to_string()).collect())
                    .unwrap_or_default();
                types.push(PloverTypeInfo {
                    plover_type,
                    quad_class,
                    modes,
                });
            }
            "context" => {
                let f = fields(line, 2, PLOVER_FILE, number)?;
                let name = f[1].trim();
                if name.is_empty() || contexts.iter().any(|c| c == name) {
                    return Err((at(), format!("context {name:?} is empty or repeats")));
                }
                contexts.push(name.to_string());
            }
            other => {
                return Err((
                    at(),
                    format!("a line starts with `type` or `context`, not {other:?}"),
                ));
            }
        }
    }
    if let Some(missing) = PloverType::ALL
        .into_iter()
        .find(|t| !types.iter().any(|info| info.plover_type == *t))
    {
        return Err((
            Location::file(PLOVER_FILE),
            format!("PLOVER type {missing} has no line"),
        ));
    }
    Ok((types, contexts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> &'static Codebook {
        match Codebook::get() {
            Ok(book) => book,
            Err(err) => panic!("the embedded codebook does not parse: {err}"),
        }
    }

    #[test]
    fn embedded_data_parses_with_every_code() {
        let book = book();
        assert_eq!(book.codes().count(), 312);
        assert_eq!(book.roots().count(), 20);
        let by_len = |n: usize| book.codes().filter(|c| c.code.len() == n).count();
        assert_eq!((by_len(2), by_len(3), by_len(4)), (20, 147, 145));
    }

    #[test]
    fn codes_are_unique_and_parents_exist() {
        let book = book();
        let mut seen = std::collections::HashSet::new();
        for code in book.codes() {
            assert!(seen.insert(code.code.as_str()), "{} repeats", code.code);
            if let Some(parent) = code.parent() {
                assert!(book.code(parent).is_some(), "{} has no parent", code.code);
            }
            assert!(book.code(code.root()).is_some_and(CameoCode::is_root));
        }
        let roots: Vec<&str> = book.roots().map(|c| c.code.as_str()).collect();
        let expected: Vec<String> = (1..=20).map(|r| format!("{r:02}")).collect();
        assert_eq!(roots, expected);
    }

    #[test]
    fn quad_class_follows_the_root_and_values_are_in_range() {
        for code in book().codes() {
            assert_eq!(
                Some(code.quad_class),
                QuadClass::of_cameo_root(code.root()),
                "{}",
                code.code
            );
            assert!((-10.0..=10.0).contains(&code.goldstein), "{}", code.code);
        }
        let quad = |c: &str| book().code(c).map(|c| c.quad_class.number());
        assert_eq!(
            [
                quad("05"),
                quad("06"),
                quad("09"),
                quad("10"),
                quad("14"),
                quad("15"),
                quad("20")
            ],
            [
                Some(1),
                Some(2),
                Some(2),
                Some(3),
                Some(3),
                Some(4),
                Some(4)
            ]
        );
    }

    #[test]
    fn looks_up_a_code_with_its_family() {
        let book = book();
        let code = book.code("1411").expect("1411 is a CAMEO code");
        assert_eq!(code.name, "Demonstrate for leadership change");
        assert_eq!(code.goldstein, -6.5);
        assert_eq!(code.quad_class, QuadClass::VerbalConflict);
        assert_eq!(code.root(), "14");
        assert_eq!(code.parent(), Some("141"));
        assert_eq!(book.root("1411").map(|r| r.name.as_str()), Some("PROTEST"));
        assert_eq!(book.children("14").count(), 6);
        assert_eq!(book.children("141").count(), 4);
        // GDELT's values where the ICEWS table differs.
        let g = |c: &str| book.code(c).map(|c| c.goldstein);
        assert_eq!(
            [g("016"), g("022"), g("164"), g("165")],
            [Some(-2.0), Some(3.2), Some(-7.0), Some(-6.5)]
        );
    }

    #[test]
    fn validates_code_strings() {
        let book = book();
        assert!(book.validate("0874").is_ok());
        for bad in ["", "1", "00", "21", "99", "14a", "14111", " 14", "１４"] {
            assert!(
                matches!(book.validate(bad), Err(Error::InvalidValue { .. })),
                "{bad:?}"
            );
        }
        let err = book.validate("0215").unwrap_err().to_string();
        assert!(err.contains("not in the CAMEO codebook"), "{err}");
    }

    #[test]
    fn maps_cameo_to_plover() {
        let book = book();
        assert_eq!(book.plover_for("010"), None);
        assert_eq!(book.plover_for("01"), None);
        assert_eq!(book.plover_for("0214"), None);
        let m = book.plover_for("1121").expect("1121 maps to PLOVER");
        assert_eq!(m.plover_type, PloverType::Accuse);
        assert_eq!(m.mode.as_deref(), Some("allege"));
        assert_eq!(m.contexts, ["crime", "corruption"]);
        let t = |c: &str| book.plover_for(c).map(|m| m.plover_type);
        assert_eq!(t("08"), Some(PloverType::Concede));
        assert_eq!(t("0841"), Some(PloverType::Retreat));
        assert_eq!(t("163"), Some(PloverType::Coerce));
        assert_eq!(t("191"), Some(PloverType::Coerce));
        assert_eq!(t("175"), Some(PloverType::Assault));
        // Every code from 03 on has a PLOVER type; every type but none is reached.
        for code in book.codes() {
            let dropped = code.root() == "01" || code.root() == "02";
            assert_eq!(code.plover.is_none(), dropped, "{}", code.code);
        }
        for plover_type in PloverType::ALL {
            assert!(
                !book.codes_for_plover(plover_type).is_empty(),
                "{plover_type}"
            );
        }
    }

    #[test]
    fn plover_vocabulary_follows_the_manual() {
        let book = book();
        let quad = |t| book.plover_type(t).map(|i| i.quad_class.number());
        assert_eq!(quad(PloverType::Agree), Some(1));
        assert_eq!(quad(PloverType::Retreat), Some(2));
        assert_eq!(quad(PloverType::Sanction), Some(3));
        assert_eq!(quad(PloverType::Assault), Some(4));
        let modes = |t| book.plover_type(t).map(|i| i.modes.len());
        assert_eq!(modes(PloverType::Consult), Some(4));
        assert_eq!(modes(PloverType::Agree), Some(0));
        assert_eq!(book.plover_contexts().len(), 37);
    }

    #[test]
    fn mapping_values_outside_the_manual_are_the_known_ones() {
        // The mapping table (2021) predates the manual's current vocabulary; these are the
        // values it uses that the manual does not list, as documented in the data README.
        let book = book();
        let mut modes = std::collections::BTreeSet::new();
        let mut contexts = std::collections::BTreeSet::new();
        for code in book.codes() {
            let Some(m) = &code.plover else { continue };
            let info = book
                .plover_type(m.plover_type)
                .expect("every type has an entry");
            if let Some(mode) = &m.mode
                && !info.modes.contains(mode)
            {
                modes.insert(format!("{} {mode}", m.plover_type));
            }
            for context in &m.contexts {
                if !book.plover_contexts().contains(context) {
                    contexts.insert(context.clone());
                }
            }
        }
        let modes: Vec<&str> = modes.iter().map(String::as_str).collect();
        assert_eq!(
            modes,
            [
                "ASSAULT assassinate",
                "ASSAULT cleansing",
                "ASSAULT massacre",
                "ASSAULT pro_autocracy",
                "ASSAULT seize",
                "COERCE ban",
                "RETREAT ease",
                "RETREAT return",
                "THREATEN ban",
                "THREATEN political",
            ]
        );
        let contexts: Vec<&str> = contexts.iter().map(String::as_str).collect();
        assert_eq!(contexts, ["democracy", "humanitarian"]);
    }

    #[test]
    fn old_plover_names_map_to_current_types() {
        assert_eq!(
            PloverType::from_any_name("DEMAND"),
            Some(PloverType::Request)
        );
        assert_eq!(
            PloverType::from_any_name("disapprove"),
            Some(PloverType::Accuse)
        );
        assert_eq!(
            PloverType::from_any_name("INVESTIGATE"),
            Some(PloverType::Accuse)
        );
        assert_eq!(
            PloverType::from_any_name("FIGHT"),
            Some(PloverType::Assault)
        );
        assert_eq!(
            PloverType::from_any_name("ASSAULT"),
            Some(PloverType::Assault)
        );
        assert_eq!(PloverType::from_any_name("DOCUMENT"), None);
        assert_eq!(PloverType::from_name("DEMAND"), None);
        for t in PloverType::ALL {
            assert_eq!(PloverType::from_name(t.name()), Some(t));
        }
    }

    const PLOVER_MINI: &str = "type\tAGREE\t1\t-\ntype\tCONSULT\t1\t-\ntype\tSUPPORT\t1\t-\n\
        type\tCONCEDE\t1\t-\ntype\tCOOPERATE\t2\t-\ntype\tAID\t2\t-\ntype\tRETREAT\t2\t-\n\
        type\tREQUEST\t3\t-\ntype\tACCUSE\t3\t-\ntype\tREJECT\t3\t-\ntype\tTHREATEN\t3\t-\n\
        type\tSANCTION\t3\t-\ntype\tPROTEST\t4\t-\ntype\tMOBILIZE\t4\t-\ntype\tCOERCE\t4\t-\n\
        type\tASSAULT\t4\t-\ncontext\tmilitary\n";

    fn error_of(cameo: &str, mapping: &str, plover: &str) -> String {
        match Codebook::parse(cameo, mapping, plover) {
            Ok(_) => panic!("the broken snippet parsed"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn a_small_valid_snippet_parses() {
        let cameo = "# code\tquad\tgoldstein\tname\n14\t3\t-6.5\tPROTEST\n141\t3\t-6.5\tRally\n";
        let mapping = "14\tPROTEST\t-\t-\n141\tPROTEST\tdemo\teconomic;legal\n";
        let book = Codebook::parse(cameo, mapping, PLOVER_MINI).expect("valid snippet");
        let m = book.plover_for("141").expect("mapped");
        assert_eq!(m.contexts, ["economic", "legal"]);
    }

    #[test]
    fn malformed_data_names_file_and_line() {
        let mapping = "14\tPROTEST\t-\t-\n";
        // A wrong quad class on line 3.
        let err = error_of("# header\n\n14\t4\t-6.5\tPROTEST\n", mapping, PLOVER_MINI);
        assert!(
            err.starts_with("data/codebook/cameo.tsv:3: malformed input"),
            "{err}"
        );
        assert!(err.contains("quad class 4"), "{err}");
        // A missing field, a bad value, a bad code, an orphan, a duplicate.
        for (cameo, line, what) in [
            ("14\t3\tPROTEST\n", 1, "expected 4"),
            ("14\t3\t-11\tPROTEST\n", 1, "Goldstein"),
            ("14\t3\tx\tPROTEST\n", 1, "Goldstein"),
            (
                "14\t3\t-6.5\tPROTEST\n1x\t3\t0\tBad\n",
                2,
                "two to four digits",
            ),
            (
                "14\t3\t-6.5\tPROTEST\n1411\t3\t0\tOrphan\n",
                2,
                "parent 141",
            ),
            (
                "14\t3\t-6.5\tPROTEST\n14\t3\t0\tAgain\n",
                2,
                "repeats line 1",
            ),
        ] {
            let err = error_of(cameo, mapping, PLOVER_MINI);
            assert!(err.starts_with(&format!("{CAMEO_FILE}:{line}:")), "{err}");
            assert!(err.contains(what), "{err}");
        }
        // The mapping: an unknown type, an unknown code, a missing line.
        let cameo = "14\t3\t-6.5\tPROTEST\n";
        let err = error_of(cameo, "14\tDEMAND\t-\t-\n", PLOVER_MINI);
        assert!(err.starts_with(&format!("{MAPPING_FILE}:1:")), "{err}");
        let err = error_of(
            cameo,
            "14\tPROTEST\t-\t-\n15\tMOBILIZE\t-\t-\n",
            PLOVER_MINI,
        );
        assert!(err.starts_with(&format!("{MAPPING_FILE}:2:")), "{err}");
        let err = error_of(cameo, "", PLOVER_MINI);
        assert!(err.contains("code 14 has no line"), "{err}");
        // The vocabulary: a missing type.
        let err = error_of(cameo, mapping, "type\tAGREE\t1\t-\n");
        assert!(err.starts_with(PLOVER_FILE), "{err}");
    }
}
