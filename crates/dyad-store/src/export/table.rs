//! The flat table of real-world events (one row per cluster, typed columns) shared by the CSV
//! and Parquet exports, and the JSON Lines export of clusters with their members.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::Cluster;
use crate::error::Result;

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// UTF-8 text.
    Text,
}

/// One value of the flat table; `None` is empty (CSV) or null (Parquet, JSON).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An integer.
    Int(Option<i64>),
    /// A float.
    Float(Option<f64>),
    /// A text.
    Text(Option<String>),
}

/// The columns of the flat table, in order, with their types.
pub const COLUMNS: [(&str, ColumnType); 24] = [
    ("id", ColumnType::Int),
    ("date", ColumnType::Text),
    ("source_code", ColumnType::Text),
    ("source_name", ColumnType::Text),
    ("target_code", ColumnType::Text),
    ("target_name", ColumnType::Text),
    ("cameo", ColumnType::Text),
    ("cameo_base", ColumnType::Text),
    ("cameo_root", ColumnType::Text),
    ("plover", ColumnType::Text),
    ("quad_class", ColumnType::Int),
    ("goldstein", ColumnType::Float),
    ("mentions", ColumnType::Int),
    ("articles", ColumnType::Int),
    ("stories", ColumnType::Int),
    ("sources", ColumnType::Int),
    ("country", ColumnType::Text),
    ("location", ColumnType::Text),
    ("lat", ColumnType::Float),
    ("lon", ColumnType::Float),
    ("geonames", ColumnType::Int),
    ("first_report", ColumnType::Text),
    ("last_report", ColumnType::Text),
    ("url", ColumnType::Text),
];

/// The flat row of one cluster, in [`COLUMNS`] order.
pub fn row(c: &Cluster) -> Vec<Cell> {
    let text = |s: Option<&str>| Cell::Text(s.map(str::to_string));
    let (source, target) = (c.source(), c.target());
    let place = c.location();
    vec![
        Cell::Int(Some(c.row.id)),
        text(c.row.date.as_deref()),
        text(c.row.source.as_deref()),
        text(source.name.as_deref().or(source.text.as_deref())),
        text(c.row.target.as_deref()),
        text(target.name.as_deref().or(target.text.as_deref())),
        text(Some(c.cameo())),
        text(Some(&c.row.cameo)),
        text(c.row.cameo.get(..2)),
        text(c.plover()),
        Cell::Int(c.row.quad_class),
        Cell::Float(c.row.goldstein),
        Cell::Int(Some(c.row.mentions)),
        Cell::Int(Some(c.row.articles)),
        Cell::Int(Some(c.row.stories)),
        Cell::Int(Some(c.row.sources)),
        text(c.row.country.as_deref()),
        text(place.map(|p| p.name.as_str())),
        Cell::Float(place.and_then(|p| p.lat)),
        Cell::Float(place.and_then(|p| p.lon)),
        Cell::Int(place.and_then(|p| p.geonames)),
        text(c.row.first_report.as_deref()),
        text(c.row.last_report.as_deref()),
        text(c.url()),
    ]
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header line.
pub fn write_csv_header(out: &mut impl Write) -> Result<()> {
    let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
    writeln!(out, "{}", names.join(","))?;
    Ok(())
}

/// One cluster as a CSV line.
pub fn write_csv(cluster: &Cluster, out: &mut impl Write) -> Result<()> {
    let cells: Vec<String> = row(cluster)
        .into_iter()
        .map(|cell| match cell {
            Cell::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Text(v) => v.as_deref().map(csv_field).unwrap_or_default(),
        })
        .collect();
    writeln!(out, "{}", cells.join(","))?;
    Ok(())
}

/// One cluster as a JSON object: the flat columns, then `members`, its reports.
pub fn json(cluster: &Cluster) -> Result<Value> {
    let mut object = Map::new();
    for ((name, _), cell) in COLUMNS.iter().zip(row(cluster)) {
        let value = match cell {
            Cell::Int(v) => json!(v),
            Cell::Float(v) => json!(v),
            Cell::Text(v) => json!(v),
        };
        object.insert((*name).to_string(), value);
    }
    object.insert("members".into(), serde_json::to_value(&cluster.members)?);
    Ok(Value::Object(object))
}

/// One cluster as a JSON line.
pub fn write_jsonl(cluster: &Cluster, out: &mut impl Write) -> Result<()> {
    serde_json::to_writer(&mut *out, &json(cluster)?)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportFilter, for_each_cluster};

    #[test]
    fn csv_and_json_have_every_column() {
        let store = crate::export::tests::store();
        let mut csv = Vec::new();
        let mut lines = Vec::new();
        write_csv_header(&mut csv).unwrap();
        for_each_cluster(store.connection(), &ExportFilter::default(), |c| {
            write_csv(&c, &mut csv)?;
            lines.push(json(&c)?);
            Ok(())
        })
        .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(csv.lines().count(), 4);
        assert!(csv.lines().all(|l| l.split(',').count() == COLUMNS.len()));
        assert_eq!(lines[1]["members"].as_array().unwrap().len(), 2);
        assert_eq!(lines[1]["cameo_root"], "04");
        assert_eq!(lines[1]["members"][1]["cameo"], "0421");
        assert_eq!(lines[0]["lat"], Value::Null);
    }
}
