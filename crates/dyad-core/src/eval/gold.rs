//! Scoring coded articles against `dyad-gold/1` files (see `shared/spec/gold-format.md`).
//!
//! The scorer reads the coded-article JSON, exactly what users see, not internal types, so it
//! checks the contract itself. Gold and output items are paired by a maximum matching,
//! required gold items first, then optional ones with what is left. Text is compared after
//! folding case, quote marks, dashes and white space.

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Location, Result};

/// One or several accepted values (`"SYR"` or `["SYR", "IMG"]`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(untagged)]
pub enum OneOrMany {
    /// Nothing given: anything is accepted.
    #[default]
    None,
    /// One value.
    One(String),
    /// Any of several values.
    Many(Vec<String>),
}

impl OneOrMany {
    fn values(&self) -> Vec<&str> {
        match self {
            OneOrMany::None => vec![],
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }

    fn is_given(&self) -> bool {
        !matches!(self, OneOrMany::None)
    }

    /// True when nothing is given or `value` is one of the values (case-insensitive).
    fn accepts(&self, value: Option<&str>) -> bool {
        if !self.is_given() {
            return true;
        }
        value.is_some_and(|v| self.values().iter().any(|g| g.eq_ignore_ascii_case(v)))
    }
}

/// The document a gold file reads: a path relative to the shared data folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DocumentRef {
    /// A path.
    Path(String),
    /// An object naming the path in `file` or `corpus_path`, and for a file of several
    /// articles (JSON Lines) the `id` of the one meant.
    Object {
        /// The path.
        #[serde(alias = "corpus_path")]
        file: String,
        /// The record's id in a multi-article file.
        id: Option<String>,
    },
}

impl DocumentRef {
    /// The path, relative to the shared data folder.
    pub fn path(&self) -> &str {
        match self {
            DocumentRef::Path(p) => p,
            DocumentRef::Object { file, .. } => file,
        }
    }

    /// The id of the article meant, in a file of several.
    pub fn id(&self) -> Option<&str> {
        match self {
            DocumentRef::Path(_) => None,
            DocumentRef::Object { id, .. } => id.as_deref(),
        }
    }
}

/// A gold event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Its id (`E1`, or `E1r` for the reverse of a reciprocal event).
    #[serde(default)]
    pub id: String,
    /// Whether it counts for recall.
    #[serde(default)]
    pub required: bool,
    /// A phrase that occurs in exactly one sentence.
    pub evidence: String,
    /// Accepted source countries.
    #[serde(default)]
    pub source: OneOrMany,
    /// Accepted target countries.
    #[serde(default)]
    pub target: OneOrMany,
    /// Accepted CAMEO roots (two digits).
    #[serde(default)]
    pub cameo_roots: OneOrMany,
    /// Either direction is accepted.
    #[serde(default)]
    pub symmetric: bool,
    /// Optional check: status.
    pub status: Option<String>,
    /// Optional check: historical.
    pub historical: Option<bool>,
    /// Optional check: date prefix.
    pub date: Option<String>,
    /// Optional check: country of the event's location.
    pub location_country: Option<String>,
}

/// An event that must not be produced.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldForbidden {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// A phrase of the sentence.
    pub evidence: String,
    /// The CAMEO roots it concerns (none: any).
    #[serde(default)]
    pub cameo_roots: OneOrMany,
    /// The status it concerns (none: any).
    pub status: Option<String>,
    /// The historical flag it concerns (none: any).
    pub historical: Option<bool>,
    /// Why it is wrong.
    #[serde(default)]
    pub why: String,
}

/// A gold quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// Whether it counts for recall.
    #[serde(default)]
    pub required: bool,
    /// Text the quote must contain.
    pub contains: String,
    /// Text the speaker must contain; `null` accepts any speaker or none.
    pub speaker: Option<String>,
}

/// A gold actor.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    /// The mention text.
    pub mention: String,
    /// Whether it counts.
    #[serde(default)]
    pub required: bool,
    /// Accepted types.
    #[serde(default, rename = "type")]
    pub kind: OneOrMany,
    /// Accepted countries.
    #[serde(default)]
    pub country: OneOrMany,
    /// Accepted roles.
    #[serde(default)]
    pub role: OneOrMany,
    /// Roles that are wrong.
    #[serde(default)]
    pub role_not: OneOrMany,
}

/// A gold location.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldLocation {
    /// The mention text.
    pub mention: String,
    /// Whether it counts.
    #[serde(default)]
    pub required: bool,
    /// Its country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A gold count.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCount {
    /// Text the count's span must overlap.
    pub contains: String,
    /// Whether it counts.
    #[serde(default)]
    pub required: bool,
    /// Accepted kinds.
    #[serde(default)]
    pub kind: OneOrMany,
    /// The smallest accepted value.
    pub min: Option<f64>,
}

/// A `dyad-gold/1` file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFile {
    /// Must be `dyad-gold/1`.
    pub format: String,
    /// The document, relative to the shared data folder.
    pub document: DocumentRef,
    /// The publication date to pass to the coder.
    pub published: Option<String>,
    /// Events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// Forbidden events.
    #[serde(default)]
    pub forbidden: Vec<GoldForbidden>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Actors.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// Locations.
    #[serde(default)]
    pub locations: Vec<GoldLocation>,
    /// Counts.
    #[serde(default)]
    pub counts: Vec<GoldCount>,
}

/// Parses a gold file; `name` is used in errors.
pub fn parse(text: &str, name: &str) -> Result<GoldFile> {
    let gold: GoldFile = serde_json::from_str(text).map_err(|e| {
        Error::Malformed(
            Location {
                file: name.to_string(),
                line: Some(e.line()),
            },
            e.to_string(),
        )
    })?;
    if gold.format != "dyad-gold/1" {
        return Err(Error::Malformed(
            Location::file(name),
            format!("unknown format {:?}", gold.format),
        ));
    }
    Ok(gold)
}

/// Counts for one kind of item: how many gold items were required and found, how many
/// output items there were and how many matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Required gold items.
    pub required: usize,
    /// Required gold items matched.
    pub found: usize,
    /// Output items scored for precision.
    pub output: usize,
    /// Output items matched to a gold item.
    pub output_matched: usize,
}

impl Tally {
    /// Recall over required items (1.0 when none are required).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.required)
    }

    /// Precision over output items (1.0 when there is no output).
    pub fn precision(&self) -> f64 {
        ratio(self.output_matched, self.output)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another tally.
    pub fn add(&mut self, other: Tally) {
        self.required += other.required;
        self.found += other.found;
        self.output += other.output;
        self.output_matched += other.output_matched;
    }
}

/// Right answers among the checked ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Checks passed.
    pub right: usize,
    /// Checks made.
    pub checked: usize,
}

impl Accuracy {
    fn record(&mut self, ok: bool) {
        self.checked += 1;
        self.right += usize::from(ok);
    }

    /// The share right (1.0 when nothing was checked).
    pub fn value(&self) -> f64 {
        ratio(self.right, self.checked)
    }

    /// Adds another accuracy.
    pub fn add(&mut self, other: Accuracy) {
        self.right += other.right;
        self.checked += other.checked;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The score of one article (or the sum of several).
#[derive(Debug, Clone, Default)]
pub struct GoldReport {
    /// Events.
    pub events: Tally,
    /// Output events that hit a forbidden item.
    pub forbidden_hits: usize,
    /// Status checks on matched events.
    pub status: Accuracy,
    /// Historical checks on matched events.
    pub historical: Accuracy,
    /// Date checks on matched events.
    pub date: Accuracy,
    /// Location checks on matched events.
    pub location: Accuracy,
    /// Quotes.
    pub quotes: Tally,
    /// Actors (required found; output not scored).
    pub actors: Tally,
    /// Locations (required found; output not scored).
    pub locations: Tally,
    /// Counts (required found; output not scored).
    pub counts: Tally,
    /// Readable lines about what was missed or wrong.
    pub notes: Vec<String>,
}

impl GoldReport {
    /// Adds another report (notes are not carried over).
    pub fn add(&mut self, other: &GoldReport) {
        self.events.add(other.events);
        self.forbidden_hits += other.forbidden_hits;
        self.status.add(other.status);
        self.historical.add(other.historical);
        self.date.add(other.date);
        self.location.add(other.location);
        self.quotes.add(other.quotes);
        self.actors.add(other.actors);
        self.locations.add(other.locations);
        self.counts.add(other.counts);
    }
}

/// Text folded for comparison, with the map from each folded character back to the original
/// character index.
struct Folded {
    chars: Vec<char>,
    origin: Vec<usize>,
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

fn fold(chars: &[char]) -> Folded {
    let mut out = Folded {
        chars: Vec::with_capacity(chars.len()),
        origin: Vec::with_capacity(chars.len()),
    };
    for (i, &c) in chars.iter().enumerate() {
        let f = fold_char(c);
        if f == ' ' && (out.chars.is_empty() || out.chars.last() == Some(&' ')) {
            continue;
        }
        out.chars.push(f);
        out.origin.push(i);
    }
    while out.chars.last() == Some(&' ') {
        out.chars.pop();
        out.origin.pop();
    }
    out
}

fn fold_str(s: &str) -> Vec<char> {
    fold(&s.chars().collect::<Vec<_>>()).chars
}

fn contains(haystack: &[char], needle: &[char]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every occurrence of `needle` in the text, as original character ranges.
fn occurrences(text: &Folded, needle: &str) -> Vec<(usize, usize)> {
    let needle = fold_str(needle);
    if needle.is_empty() || needle.len() > text.chars.len() {
        return vec![];
    }
    text.chars
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle.as_slice())
        .map(|(i, _)| (text.origin[i], text.origin[i + needle.len() - 1] + 1))
        .collect()
}

/// Maximum bipartite matching (Kuhn's augmenting paths): `fits[g]` lists the output items
/// gold item `g` may take. Gold items are tried in the order given, so required items placed
/// first get first pick. Returns the output item matched to each gold item.
fn max_matching(fits: &[Vec<usize>], outputs: usize, order: &[usize]) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; outputs];
    fn augment(
        g: usize,
        fits: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &o in &fits[g] {
            if seen[o] {
                continue;
            }
            seen[o] = true;
            if owner[o].is_none_or(|other| augment(other, fits, owner, seen)) {
                owner[o] = Some(g);
                return true;
            }
        }
        false
    }
    for &g in order {
        let mut seen = vec![false; outputs];
        augment(g, fits, &mut owner, &mut seen);
    }
    let mut matched = vec![None; fits.len()];
    for (o, g) in owner.iter().enumerate() {
        if let Some(g) = g {
            matched[*g] = Some(o);
        }
    }
    matched
}

/// Matches required items first (a maximum matching among them), then optional ones with
/// what is left, keeping every required match.
fn match_required_first(
    fits: &[Vec<usize>],
    required: &[bool],
    outputs: usize,
) -> Vec<Option<usize>> {
    let req: Vec<usize> = (0..fits.len()).filter(|&g| required[g]).collect();
    let first = max_matching(
        &fits
            .iter()
            .enumerate()
            .map(|(g, f)| if required[g] { f.clone() } else { vec![] })
            .collect::<Vec<_>>(),
        outputs,
        &req,
    );
    let taken: Vec<bool> = {
        let mut t = vec![false; outputs];
        for o in first.iter().flatten() {
            t[*o] = true;
        }
        t
    };
    let opt: Vec<usize> = (0..fits.len()).filter(|&g| !required[g]).collect();
    let rest_fits: Vec<Vec<usize>> = fits
        .iter()
        .enumerate()
        .map(|(g, f)| {
            if required[g] {
                vec![]
            } else {
                f.iter().copied().filter(|&o| !taken[o]).collect()
            }
        })
        .collect();
    let second = max_matching(&rest_fits, outputs, &opt);
    first
        .into_iter()
        .zip(second)
        .map(|(a, b)| a.or(b))
        .collect()
}

/// True when one of an output item's `mentions` covers one of the gold occurrences `spots`,
/// or lies inside one.
fn mentions_cover(item: &Value, spots: &[(usize, usize)]) -> bool {
    item["mentions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(range_of)
        .any(|(s, e)| {
            spots
                .iter()
                .any(|&(a, b)| (s <= a && b <= e) || (a <= s && e <= b && s < e))
        })
}

/// Reads a `[start, end)` character range of an output item.
fn range_of(v: &Value) -> Option<(usize, usize)> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

fn country_of(actor: &Value) -> Option<String> {
    let code = actor.get("code")?.as_str()?;
    Some(code.chars().take(3).collect())
}

/// Scores one coded article (the coded-article JSON) against a gold file.
pub fn score(article: &Value, gold: &GoldFile) -> GoldReport {
    let mut report = GoldReport::default();
    let text: Vec<char> = article["text"].as_str().unwrap_or("").chars().collect();
    let folded = fold(&text);
    let slice = |(s, e): (usize, usize)| -> Vec<char> {
        let e = e.min(text.len());
        fold(&text[s.min(e)..e]).chars
    };
    let empty = vec![];
    let list = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_array)
            .unwrap_or(&empty)
            .clone()
    };
    let sentences: Vec<(usize, usize)> = list("sentences").iter().filter_map(range_of).collect();
    let sentence_holding = |evidence: &str| -> Option<usize> {
        let needle = fold_str(evidence);
        sentences.iter().position(|&r| contains(&slice(r), &needle))
    };

    // Events.
    let events = list("events");
    let forbidden_hit: Vec<bool> = events
        .iter()
        .map(|ev| {
            gold.forbidden.iter().any(|f| {
                let sentence = ev["sentence"].as_u64().map(|s| s as usize);
                sentence.is_some()
                    && sentence == sentence_holding(&f.evidence)
                    && f.cameo_roots
                        .accepts(ev["cameo"].as_str().map(|c| &c[..c.len().min(2)]))
                    && f.status
                        .as_deref()
                        .is_none_or(|s| ev["status"].as_str() == Some(s))
                    && f.historical
                        .is_none_or(|h| ev["historical"].as_bool() == Some(h))
            })
        })
        .collect();
    report.forbidden_hits = forbidden_hit.iter().filter(|&&h| h).count();
    let mut fits = Vec::new();
    for g in &gold.events {
        let sentence = sentence_holding(&g.evidence);
        if sentence.is_none() {
            report.notes.push(format!(
                "event {}: evidence {:?} is in no output sentence",
                g.id, g.evidence
            ));
        }
        let fit: Vec<usize> = events
            .iter()
            .enumerate()
            .filter(|(i, ev)| {
                if forbidden_hit[*i]
                    || sentence.is_none()
                    || ev["sentence"].as_u64().map(|s| s as usize) != sentence
                {
                    return false;
                }
                let root = ev["cameo"].as_str().map(|c| &c[..c.len().min(2)]);
                let src = country_of(&ev["source"]).unwrap_or_else(|| "---".into());
                let tgt = country_of(&ev["target"]);
                let forward = g.source.accepts(Some(&src))
                    && g.target.accepts(tgt.as_deref().or(Some("---")));
                let backward = g.symmetric
                    && g.source.accepts(tgt.as_deref().or(Some("---")))
                    && g.target.accepts(Some(&src));
                g.cameo_roots.accepts(root) && (forward || backward)
            })
            .map(|(i, _)| i)
            .collect();
        fits.push(fit);
    }
    let required: Vec<bool> = gold.events.iter().map(|g| g.required).collect();
    let matched = match_required_first(&fits, &required, events.len());
    report.events.required = required.iter().filter(|&&r| r).count();
    report.events.output = events.len();
    for (g, m) in gold.events.iter().zip(&matched) {
        match m {
            Some(o) => {
                report.events.output_matched += 1;
                report.events.found += usize::from(g.required);
                let ev = &events[*o];
                if let Some(status) = &g.status {
                    let ok = ev["status"].as_str() == Some(status.as_str());
                    report.status.record(ok);
                    if !ok {
                        report.notes.push(format!(
                            "event {}: status {} expected, got {}",
                            g.id, status, ev["status"]
                        ));
                    }
                }
                if let Some(h) = g.historical {
                    let ok = ev["historical"].as_bool() == Some(h);
                    report.historical.record(ok);
                    if !ok {
                        report.notes.push(format!(
                            "event {}: historical {} expected, got {}",
                            g.id, h, ev["historical"]
                        ));
                    }
                }
                if let Some(date) = &g.date {
                    let ok = ev["date"]
                        .as_str()
                        .is_some_and(|d| d.starts_with(date.as_str()));
                    report.date.record(ok);
                    if !ok {
                        report.notes.push(format!(
                            "event {}: date {} expected, got {}",
                            g.id, date, ev["date"]
                        ));
                    }
                }
                if let Some(country) = &g.location_country {
                    let ok = ev["location"]["country"].as_str() == Some(country.as_str());
                    report.location.record(ok);
                    if !ok {
                        report.notes.push(format!(
                            "event {}: location in {} expected, got {}",
                            g.id, country, ev["location"]["country"]
                        ));
                    }
                }
            }
            None if g.required => report
                .notes
                .push(format!("event {} missed: {:?}", g.id, g.evidence)),
            None => {}
        }
    }
    // Output events that match no gold event, with what the coder said of them.
    for (i, ev) in events.iter().enumerate() {
        if !forbidden_hit[i] && !matched.contains(&Some(i)) {
            let code = |a: &Value| a["code"].as_str().unwrap_or("---").to_string();
            let target = if ev["target"].is_object() {
                code(&ev["target"])
            } else {
                "(none)".to_string()
            };
            report.notes.push(format!(
                "output event matches no gold event: sentence {} {} {} -> {} {} confidence {} [{}]",
                ev["sentence"],
                ev["cameo"].as_str().unwrap_or(""),
                code(&ev["source"]),
                target,
                ev["status"].as_str().unwrap_or(""),
                ev["confidence"],
                ev["rule"].as_str().unwrap_or("")
            ));
        }
    }
    for (i, hit) in forbidden_hit.iter().enumerate() {
        if *hit {
            report.notes.push(format!(
                "forbidden event produced: {} in sentence {}",
                events[i]["cameo"], events[i]["sentence"]
            ));
        }
    }

    // Quotes.
    let entities = list("entities");
    let entity_texts = |id: &str| -> Vec<Vec<char>> {
        entities
            .iter()
            .filter(|e| e["id"].as_str() == Some(id))
            .flat_map(|e| {
                let mut texts = vec![fold_str(e["name"].as_str().unwrap_or(""))];
                for m in e["mentions"].as_array().unwrap_or(&empty) {
                    if let Some(r) = range_of(m) {
                        texts.push(slice(r));
                    }
                }
                texts
            })
            .collect()
    };
    // Gold files list direct quotes; reported speech (`direct: false`) is not scored here.
    let quotes: Vec<Value> = list("quotes")
        .into_iter()
        .filter(|q| q["direct"].as_bool() != Some(false))
        .collect();
    let quote_fits: Vec<Vec<usize>> = gold
        .quotes
        .iter()
        .map(|g| {
            let needle = fold_str(&g.contains);
            quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| range_of(q).is_some_and(|r| contains(&slice(r), &needle)))
                .filter(|(_, q)| match &g.speaker {
                    None => true,
                    Some(speaker) => {
                        let want = fold_str(speaker);
                        let sp = &q["speaker"];
                        range_of(sp).is_some_and(|r| contains(&slice(r), &want))
                            || sp["entity"].as_str().is_some_and(|id| {
                                entity_texts(id).iter().any(|t| contains(t, &want))
                            })
                    }
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let q_required: Vec<bool> = gold.quotes.iter().map(|q| q.required).collect();
    let q_matched = match_required_first(&quote_fits, &q_required, quotes.len());
    report.quotes.required = q_required.iter().filter(|&&r| r).count();
    report.quotes.output = quotes.len();
    for (g, m) in gold.quotes.iter().zip(&q_matched) {
        report.quotes.output_matched += usize::from(m.is_some());
        report.quotes.found += usize::from(m.is_some() && g.required);
        if m.is_none() && g.required {
            report.notes.push(format!(
                "quote {} missed: {:?} by {:?}",
                g.id, g.contains, g.speaker
            ));
        }
    }

    // Actors: an entity with a mention that covers (or lies inside) an occurrence.
    for g in &gold.actors {
        let spots = occurrences(&folded, &g.mention);
        let candidate = entities.iter().find(|e| mentions_cover(e, &spots));
        let verdict = match candidate {
            None => Err("not found".to_string()),
            Some(e) => {
                let code = e["code"].as_str().unwrap_or("");
                let country = e["country"]
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| (code.len() >= 3).then(|| code[..3].to_string()));
                let roles: Vec<String> = e["role"]
                    .as_str()
                    .map(|r| vec![r.to_string()])
                    .unwrap_or_default()
                    .into_iter()
                    .chain(
                        (3..code.len())
                            .step_by(3)
                            .map(|i| code[i..(i + 3).min(code.len())].to_string()),
                    )
                    .collect();
                let type_ok = g.kind.accepts(e["type"].as_str());
                let country_ok = g.country.accepts(country.as_deref());
                let role_ok = !g.role.is_given() || roles.iter().any(|r| g.role.accepts(Some(r)));
                let role_not_ok = !roles
                    .iter()
                    .any(|r| g.role_not.is_given() && g.role_not.accepts(Some(r)));
                if type_ok && country_ok && role_ok && role_not_ok {
                    Ok(())
                } else {
                    Err(format!(
                        "found as {} {} (type ok {type_ok}, country ok {country_ok}, role ok {}, role_not ok {role_not_ok})",
                        e["type"], code, role_ok
                    ))
                }
            }
        };
        if g.required {
            report.actors.required += 1;
            match verdict {
                Ok(()) => report.actors.found += 1,
                Err(why) => report.notes.push(format!("actor {:?}: {why}", g.mention)),
            }
        }
    }

    // Locations.
    let locations = list("locations");
    for g in gold.locations.iter().filter(|l| l.required) {
        report.locations.required += 1;
        let spots = occurrences(&folded, &g.mention);
        let ok = locations.iter().any(|l| {
            let covers = mentions_cover(l, &spots);
            let country_ok = g
                .country
                .as_deref()
                .is_none_or(|c| l["country"].as_str() == Some(c));
            let near = match (g.lat, g.lon, l["lat"].as_f64(), l["lon"].as_f64()) {
                (Some(a), Some(b), Some(c), Some(d)) => haversine_km(a, b, c, d) <= 50.0,
                (Some(_), Some(_), _, _) => false,
                _ => true,
            };
            covers && country_ok && near
        });
        if ok {
            report.locations.found += 1;
        } else {
            report
                .notes
                .push(format!("location {:?} not found", g.mention));
        }
    }

    // Counts.
    let counts = list("counts");
    for g in gold.counts.iter().filter(|c| c.required) {
        report.counts.required += 1;
        let spots = occurrences(&folded, &g.contains);
        let ok = counts.iter().any(|c| {
            range_of(c).is_some_and(|(s, e)| spots.iter().any(|&(a, b)| s < b && a < e))
                && g.kind.accepts(c["kind"].as_str())
                && g.min
                    .is_none_or(|m| c["value"].as_f64().is_some_and(|v| v >= m))
        });
        if ok {
            report.counts.found += 1;
        } else {
            report
                .notes
                .push(format!("count {:?} not found", g.contains));
        }
    }
    report
}

/// Great-circle distance in kilometres.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A tiny article we wrote, coded by hand, and a gold reading of it.
    fn article() -> Value {
        let text = "Ruritania\u{2019}s leader met the Freedonian president in Zenda.\n\nThe army shelled the border town. \u{201c}We want peace,\u{201d} the leader said.";
        json!({
            "text": text,
            "sentences": [{"start": 0, "end": 60}, {"start": 62, "end": 95}, {"start": 96, "end": 129}],
            "entities": [
                {"id": "E1", "name": "Ruritania", "type": "GPE", "code": "RURGOV", "mentions": [{"start": 0, "end": 9}, {"start": 117, "end": 127}]},
            ],
            "events": [
                {"sentence": 0, "cameo": "042", "source": {"code": "RURGOV"}, "target": {"code": "FREGOV"}, "status": "asserted", "historical": false, "date": "2025-01-02"},
                {"sentence": 0, "cameo": "043", "source": {"code": "FREGOV"}, "target": {"code": "RURGOV"}, "status": "asserted", "historical": false},
                {"sentence": 1, "cameo": "195", "source": {"code": "RURMIL"}, "status": "asserted", "historical": false},
            ],
            "quotes": [{"start": 97, "end": 110, "speaker": {"entity": "E1", "start": 113, "end": 123}, "direct": true}],
        })
    }

    fn gold() -> GoldFile {
        parse(
            r#"{"format": "dyad-gold/1", "document": "x.txt", "published": "2025-01-02",
              "events": [
                {"id": "A", "required": true, "evidence": "met the Freedonian", "source": ["RUR"], "target": ["FRE"], "symmetric": true, "cameo_roots": ["04"], "status": "asserted", "date": "2025-01"},
                {"id": "Ar", "required": false, "evidence": "met the Freedonian", "source": ["RUR"], "target": ["FRE"], "symmetric": true, "cameo_roots": ["04"]},
                {"id": "B", "required": true, "evidence": "army shelled", "source": ["RUR"], "target": ["RUR", "---"], "cameo_roots": ["19"]},
                {"id": "C", "required": true, "evidence": "we want peace", "source": ["RUR"], "cameo_roots": ["01"]}
              ],
              "forbidden": [{"evidence": "army shelled", "cameo_roots": ["20"]}],
              "quotes": [{"required": true, "contains": "want peace", "speaker": "leader"}],
              "actors": [{"mention": "Ruritania", "required": true, "country": "RUR", "role": "GOV"}]
            }"#,
            "g.json",
        )
        .unwrap()
    }

    #[test]
    fn scores_a_hand_made_example() {
        let r = score(&article(), &gold());
        assert_eq!(
            r.events,
            Tally {
                required: 3,
                found: 2,
                output: 3,
                output_matched: 3
            }
        );
        assert_eq!(r.forbidden_hits, 0);
        assert_eq!(
            r.status,
            Accuracy {
                right: 1,
                checked: 1
            }
        );
        assert_eq!(
            r.date,
            Accuracy {
                right: 1,
                checked: 1
            }
        );
        assert_eq!(r.quotes.found, 1);
        assert_eq!(r.actors.found, 1);
        assert!(
            r.notes.iter().any(|n| n.contains("event C missed")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn forbidden_hits_match_nothing() {
        let mut a = article();
        a["events"][2]["cameo"] = json!("200");
        let r = score(&a, &gold());
        assert_eq!(r.forbidden_hits, 1);
        assert_eq!(r.events.output_matched, 2);
        assert_eq!(r.events.found, 1);
    }

    #[test]
    fn unmatched_output_events_are_noted() {
        let mut a = article();
        a["events"][2]["sentence"] = json!(2);
        let r = score(&a, &gold());
        assert_eq!(r.events.output_matched, 2);
        assert!(
            r.notes
                .iter()
                .any(|n| n.starts_with("output event matches no gold event: sentence 2 195")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn empty_output_scores_zero_recall() {
        let r = score(&json!({"text": "", "sentences": []}), &gold());
        assert_eq!(r.events.found, 0);
        assert_eq!(r.events.recall(), 0.0);
        assert_eq!(r.events.precision(), 1.0);
    }

    #[test]
    fn bad_gold_names_the_file() {
        let err = parse("{\"format\": \"other\", \"document\": \"x\"}", "bad.json").unwrap_err();
        assert!(err.to_string().starts_with("bad.json"), "{err}");
    }
}
