//! Scoring the event coder against outside gold data: the PLOVER gold standard records, the
//! UniversalPetrarch PETR2 validation records, and the IndiaPoliceEvents sentences.
//!
//! Each reader takes the file's text and returns records; each scorer compares the events dyad
//! coded for a record with the record's expected coding. The caller codes the texts (with the
//! pipeline, or over given parses), so these functions stay free of I/O.

use serde_json::Value;

use crate::codebook::{Codebook, PloverType};
use crate::document::{Document, Event};
use crate::error::{Error, Location, Result};

/// The country part (first three letters) of an event actor's code.
fn country(code: Option<&str>) -> String {
    code.map_or("---".to_string(), |c| c.chars().take(3).collect())
}

/// One record of `PLOVER_GSR_CAMEO.txt`.
#[derive(Debug, Clone)]
pub struct PloverRecord {
    /// The record id, such as `PLOVER-GSR01-AGREE-0001`.
    pub id: String,
    /// The record's number within its event type (the last part of the id).
    pub number: u32,
    /// The event type, mapped to current PLOVER (`None` when the name has no current type).
    pub event: Option<PloverType>,
    /// The event name as written.
    pub event_name: String,
    /// Accepted source countries.
    pub sources: Vec<String>,
    /// Accepted target countries (empty when the record has no target).
    pub targets: Vec<String>,
    /// The sentence.
    pub text: String,
    /// The record date.
    pub date: Option<String>,
}

/// Reads the PLOVER gold standard records (a JSON array); the `DOCUMENT` record is skipped.
pub fn read_plover(text: &str, file: &str) -> Result<Vec<PloverRecord>> {
    let all: Vec<Value> = serde_json::from_str(text)
        .map_err(|e| Error::Malformed(Location::line(file, e.line()), e.to_string()))?;
    let codes = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["code"].as_str())
                    .map(|c| c.chars().take(3).collect())
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(all
        .iter()
        .filter(|r| r["event"].as_str().is_some_and(|e| e != "DOCUMENT"))
        .filter_map(|r| {
            let id = r["id"].as_str()?.to_string();
            let number = id.rsplit('-').next()?.parse().ok()?;
            let event_name = r["event"].as_str()?.to_string();
            Some(PloverRecord {
                number,
                event: PloverType::from_any_name(&event_name),
                event_name,
                sources: codes(&r["source"]),
                targets: codes(&r["target"]),
                text: r["text"].as_str()?.to_string(),
                date: r["date"].as_str().map(str::to_string),
                id,
            })
        })
        .collect())
}

/// The PLOVER type of a coded event, from its CAMEO code.
pub fn plover_of(event: &Event) -> Option<PloverType> {
    event
        .plover
        .as_deref()
        .and_then(PloverType::from_name)
        .or_else(|| {
            Codebook::get()
                .ok()?
                .plover_for(&event.cameo)
                .map(|m| m.plover_type)
        })
}

/// Figures over a set of PLOVER records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PloverScore {
    /// Records scored (with a current PLOVER type).
    pub records: usize,
    /// Records where dyad coded at least one event.
    pub coded: usize,
    /// Records where some event has the gold type.
    pub type_right: usize,
    /// Records where some event has the gold type and fitting source and target countries.
    pub dyad_right: usize,
    /// Events coded in all.
    pub events: usize,
    /// Events whose type is the gold type.
    pub events_right: usize,
}

impl PloverScore {
    /// Event type accuracy over records.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_right, self.records)
    }

    /// Accuracy of type with source and target countries over records.
    pub fn dyad_accuracy(&self) -> f64 {
        ratio(self.dyad_right, self.records)
    }

    /// Share of coded events whose type is the record's.
    pub fn event_precision(&self) -> f64 {
        ratio(self.events_right, self.events)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores one PLOVER record against the document dyad coded from its text; returns whether
/// the type and the type with its dyad were right.
pub fn score_plover(
    record: &PloverRecord,
    doc: &Document,
    score: &mut PloverScore,
) -> (bool, bool) {
    let Some(gold) = record.event else {
        return (false, false);
    };
    score.records += 1;
    score.coded += usize::from(!doc.events.is_empty());
    let mut type_ok = false;
    let mut dyad_ok = false;
    for e in &doc.events {
        score.events += 1;
        if plover_of(e) != Some(gold) {
            continue;
        }
        score.events_right += 1;
        type_ok = true;
        let src = country(e.source.code.as_deref());
        let tgt = e.target.as_ref().map(|t| country(t.code.as_deref()));
        let src_ok = record.sources.is_empty() || record.sources.contains(&src);
        let tgt_ok =
            record.targets.is_empty() || tgt.as_ref().is_some_and(|t| record.targets.contains(t));
        dyad_ok |= src_ok && tgt_ok;
    }
    score.type_right += usize::from(type_ok);
    score.dyad_right += usize::from(dyad_ok);
    (type_ok, dyad_ok)
}

/// An expected coding of a PETRARCH validation record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedCoding {
    /// The CAMEO event code.
    pub event: String,
    /// The source actor code.
    pub source: String,
    /// The target actor code.
    pub target: String,
}

/// One `<Sentence>` of a PETRARCH validation file.
#[derive(Debug, Clone)]
pub struct PetrarchRecord {
    /// The record id.
    pub id: String,
    /// The record date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The expected codings (empty for `noevents`).
    pub expected: Vec<ExpectedCoding>,
    /// The sentence text.
    pub text: String,
    /// The record's own CoNLL-U parse, when it has one.
    pub parse: Option<String>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let s = text.find(open)? + open.len();
    let e = text[s..].find(close)? + s;
    Some(&text[s..e])
}

/// Reads a PETRARCH validation file leniently, record by record (the files are not always
/// well-formed XML). Records marked `evaluate="false"` are skipped.
pub fn read_petrarch(text: &str) -> Vec<PetrarchRecord> {
    let mut out = Vec::new();
    let parts: Vec<&str> = text.split("<Sentence ").skip(1).collect();
    for part in parts {
        let tag_end = part.find('>').unwrap_or(part.len());
        let tag = &part[..tag_end];
        if attr(tag, "evaluate").as_deref() == Some("false") {
            continue;
        }
        let Some(text) = between(part, "<Text>", "</Text>") else {
            continue;
        };
        let date = attr(tag, "date")
            .filter(|d| d.len() == 8)
            .map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]));
        let mut expected = Vec::new();
        for coding in part.split("<EventCoding").skip(1) {
            let end = coding.find('>').unwrap_or(coding.len());
            let c = &coding[..end];
            if let Some(event) = attr(c, "eventcode") {
                expected.push(ExpectedCoding {
                    event,
                    source: attr(c, "sourcecode").unwrap_or_default(),
                    target: attr(c, "targetcode").unwrap_or_default(),
                });
            }
        }
        out.push(PetrarchRecord {
            id: attr(tag, "id").unwrap_or_default(),
            date,
            expected,
            text: crate::document::fold_whitespace(text),
            parse: between(part, "<Parse>", "</Parse>").map(|p| p.trim().to_string()),
        });
    }
    out
}

/// Agreement with PETRARCH's expected codings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PetrarchScore {
    /// Records scored.
    pub records: usize,
    /// Expected codings.
    pub expected: usize,
    /// Expected codings whose CAMEO root dyad also coded.
    pub root_agree: usize,
    /// Expected codings whose root and source and target countries dyad also coded.
    pub dyad_agree: usize,
    /// Events dyad coded.
    pub events: usize,
    /// Events whose root (and sentence) is among the expected codings.
    pub events_agree: usize,
}

impl PetrarchScore {
    /// Root agreement over expected codings.
    pub fn root_agreement(&self) -> f64 {
        ratio(self.root_agree, self.expected)
    }

    /// Root-and-countries agreement over expected codings.
    pub fn dyad_agreement(&self) -> f64 {
        ratio(self.dyad_agree, self.expected)
    }

    /// Share of dyad's events whose root PETRARCH expected.
    pub fn precision(&self) -> f64 {
        ratio(self.events_agree, self.events)
    }
}

/// Scores one record; each expected coding and each event is used once.
pub fn score_petrarch(record: &PetrarchRecord, doc: &Document, score: &mut PetrarchScore) {
    score.records += 1;
    score.expected += record.expected.len();
    score.events += doc.events.len();
    let root = |c: &str| c.chars().take(2).collect::<String>();
    let mut used = vec![false; doc.events.len()];
    for x in &record.expected {
        let hit = doc
            .events
            .iter()
            .enumerate()
            .position(|(i, e)| !used[i] && root(&e.cameo) == root(&x.event));
        if let Some(i) = hit {
            used[i] = true;
            score.root_agree += 1;
            score.events_agree += 1;
            let e = &doc.events[i];
            let src = country(e.source.code.as_deref());
            let tgt = e.target.as_ref().map(|t| country(t.code.as_deref()));
            if x.source.starts_with(&src) && tgt.as_deref().is_some_and(|t| x.target.starts_with(t))
            {
                score.dyad_agree += 1;
            }
        }
    }
}

/// The IndiaPoliceEvents labels dyad predicts.
pub const IPE_LABELS: [&str; 3] = ["ARREST", "KILL", "FORCE"];

/// The IPE labels an event gives, by our documented mapping: the source must be police
/// (role `COP`, or an actor named "police"); ARREST ← 173 (arrest, detain, charge); KILL ←
/// 1823, 186, 202 and the root-18/19/20 events whose trigger is a verb of killing; FORCE ←
/// 175 (violent repression) and every root-18 and root-19 event. Only what the text says
/// happened counts: an arrest not made, planned, demanded or possible is no label.
pub fn ipe_labels(doc: &Document, event: &Event) -> Vec<&'static str> {
    if event.status != crate::document::EventStatus::Asserted {
        return Vec::new();
    }
    let police = event
        .source
        .code
        .as_deref()
        .is_some_and(|c| c.contains("COP"))
        || doc
            .slice(event.source.span)
            .to_lowercase()
            .contains("police");
    if !police {
        return Vec::new();
    }
    let mut out = Vec::new();
    let code = event.cameo.as_str();
    let root = &code[..code.len().min(2)];
    let trigger = doc.slice(event.trigger).to_lowercase();
    if code.starts_with("173") {
        out.push("ARREST");
    }
    let killing = ["kill", "shot dead", "gunned", "massacre", "murder"]
        .iter()
        .any(|k| trigger.starts_with(k));
    if matches!(code, "1823" | "186" | "202") || (matches!(root, "18" | "19" | "20") && killing) {
        out.push("KILL");
    }
    if code.starts_with("175") || matches!(root, "18" | "19") {
        out.push("FORCE");
    }
    out
}

/// One sentence of IndiaPoliceEvents.
#[derive(Debug, Clone)]
pub struct IpeSentence {
    /// Document id.
    pub doc_id: u64,
    /// Sentence id.
    pub sent_id: u64,
    /// The text.
    pub text: String,
    /// The gold labels.
    pub labels: Vec<String>,
}

/// Reads `sents.jsonl`; a bad line is an error naming its line.
pub fn read_ipe(text: &str, file: &str) -> Result<Vec<IpeSentence>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| Error::Malformed(Location::line(file, i + 1), e.to_string()))?;
        out.push(IpeSentence {
            doc_id: v["doc_id"].as_u64().unwrap_or(0),
            sent_id: v["sent_id"].as_u64().unwrap_or(0),
            text: v["sent_text"].as_str().unwrap_or("").to_string(),
            labels: v["sent_labels"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Precision, recall and F1 counts of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelScore {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl LabelScore {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores one IPE sentence: predicted labels from the coded events against gold labels.
pub fn score_ipe(sentence: &IpeSentence, doc: &Document, scores: &mut [LabelScore; 3]) {
    let predicted: Vec<&str> = doc.events.iter().flat_map(|e| ipe_labels(doc, e)).collect();
    for (k, label) in IPE_LABELS.iter().enumerate() {
        let p = predicted.contains(label);
        let g = sentence.labels.iter().any(|l| l == label);
        match (p, g) {
            (true, true) => scores[k].tp += 1,
            (true, false) => scores[k].fp += 1,
            (false, true) => scores[k].fn_ += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lenient_petrarch_records() {
        let text = "<Sentences>\n<Sentence id=\"A-1\" date=\"20080804\" evaluate=\"true\"/>\n<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\" />\n<Text>\nOne\n two.\n</Text>\n<Parse>\n1\tOne\n</Parse></Sentence>\n<Sentence id=\"B\" evaluate=\"false\"><Text>x</Text></Sentence>";
        let r = read_petrarch(text);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].date.as_deref(), Some("2008-08-04"));
        assert_eq!(r[0].expected[0].source, "USA");
        assert_eq!(r[0].text, "One two.");
    }

    #[test]
    fn reads_plover_records() {
        let text = r#"[{"id": "X-DOCUMENT-0001", "event": "DOCUMENT"},
          {"id": "PLOVER-GSR01-DEMAND-0003", "event": "DEMAND", "text": "t",
           "source": [{"code": "HUN"}], "target": [{"code": "ROUGOV"}]}]"#;
        let r = read_plover(text, "p").unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].number, 3);
        assert_eq!(r[0].event, Some(PloverType::Request));
        assert_eq!(r[0].targets, vec!["ROU"]);
    }

    #[test]
    fn only_an_arrest_the_text_says_happened_is_an_ipe_arrest() {
        use crate::document::{EventStatus, Span};
        let doc = Document::from_blocks(
            crate::document::ArticleMeta::default(),
            [(
                crate::document::BlockKind::Paragraph,
                "Police arrested him.",
            )],
        );
        let arrest = |status: EventStatus| {
            let mut e = crate::events::test_event("173", "INDCOP", None, status);
            e.trigger = Span::new(7, 15);
            e.source.span = Span::new(0, 6);
            e
        };
        assert_eq!(ipe_labels(&doc, &arrest(EventStatus::Asserted)), ["ARREST"]);
        for status in [
            EventStatus::Negated,
            EventStatus::Planned,
            EventStatus::Hypothetical,
        ] {
            assert!(ipe_labels(&doc, &arrest(status)).is_empty(), "{status:?}");
        }
    }
}
