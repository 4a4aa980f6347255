//! Parquet files of the flat event table ([`super::table::COLUMNS`]), partitioned in Hive
//! style by the event's year and month (`year=2025/month=10/part-0.parquet`), so that Spark,
//! DuckDB and BigQuery read the folder as one table with `year` and `month` columns.
//!
//! Clusters arrive in date order, so each partition is written in one go; rows are buffered
//! a batch at a time, so memory stays flat. A missing year or month (an undated event, a
//! date that is only a year) goes to Hive's null partition, `__HIVE_DEFAULT_PARTITION__`.
//! The files are Snappy-compressed. Which files the parts go to is the caller's choice: it
//! opens them from the relative paths given.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::Cluster;
use super::table::{COLUMNS, Cell, ColumnType, row};
use crate::error::{Error, Result};

/// Rows per record batch (and so per row group at most).
const BATCH: usize = 4096;

/// Hive's name for a partition whose value is null.
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The Arrow schema of the files (the partition columns are in the paths, not the files).
pub fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|(name, ty)| {
            let data_type = match ty {
                ColumnType::Int => DataType::Int64,
                ColumnType::Float => DataType::Float64,
                ColumnType::Text => DataType::Utf8,
            };
            // Only the id is never null.
            Field::new(*name, data_type, *name != "id")
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// The partition folder of a cluster: `year=2025/month=10`.
pub fn partition(cluster: &Cluster) -> String {
    let (year, month) = cluster.year_month();
    let part = |v: Option<String>| v.unwrap_or_else(|| NULL_PARTITION.to_string());
    format!(
        "year={}/month={}",
        part(year.map(|y| y.to_string())),
        part(month.map(|m| m.to_string()))
    )
}

/// Writes clusters into partitioned Parquet files opened by `open` (given a relative path
/// such as `year=2025/month=10/part-0.parquet`).
pub struct PartitionedWriter<W: Write + Send, F: FnMut(&str) -> std::io::Result<W>> {
    open: F,
    schema: SchemaRef,
    current: Option<(String, ArrowWriter<W>)>,
    buffer: Vec<Vec<Cell>>,
    parts: HashMap<String, usize>,
    files: Vec<(String, u64)>,
}

impl<W: Write + Send, F: FnMut(&str) -> std::io::Result<W>> PartitionedWriter<W, F> {
    /// A writer that opens its files with `open`.
    pub fn new(open: F) -> Self {
        PartitionedWriter {
            open,
            schema: schema(),
            current: None,
            buffer: Vec::with_capacity(BATCH),
            parts: HashMap::new(),
            files: Vec::new(),
        }
    }

    /// Adds one cluster's row.
    pub fn push(&mut self, cluster: &Cluster) -> Result<()> {
        let key = partition(cluster);
        if self.current.as_ref().map(|(k, _)| k) != Some(&key) {
            self.close_file()?;
            let n = self.parts.entry(key.clone()).or_insert(0);
            let path = format!("{key}/part-{n}.parquet");
            *n += 1;
            let file = (self.open)(&path)?;
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build();
            let writer = ArrowWriter::try_new(file, self.schema.clone(), Some(props))?;
            self.files.push((path, 0));
            self.current = Some((key, writer));
        }
        self.buffer.push(row(cluster));
        if let Some(last) = self.files.last_mut() {
            last.1 += 1;
        }
        if self.buffer.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one record batch.
    fn flush(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let batch = batch(&self.schema, &self.buffer)?;
        self.buffer.clear();
        match &mut self.current {
            Some((_, writer)) => writer.write(&batch)?,
            None => return Err(Error::BadArticle("rows without a file".into())),
        }
        Ok(())
    }

    fn close_file(&mut self) -> Result<()> {
        self.flush()?;
        if let Some((_, writer)) = self.current.take() {
            writer.close()?;
        }
        Ok(())
    }

    /// Closes the last file; returns every file written with its number of rows.
    pub fn finish(mut self) -> Result<Vec<(String, u64)>> {
        self.close_file()?;
        Ok(self.files)
    }
}

/// The buffered rows as an Arrow record batch.
fn batch(schema: &SchemaRef, rows: &[Vec<Cell>]) -> Result<RecordBatch> {
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
    for (i, (_, ty)) in COLUMNS.iter().enumerate() {
        let cells = rows.iter().map(|r| r.get(i));
        let array: ArrayRef = match ty {
            ColumnType::Int => {
                let mut b = Int64Builder::with_capacity(rows.len());
                for cell in cells {
                    b.append_option(match cell {
                        Some(Cell::Int(v)) => *v,
                        _ => None,
                    });
                }
                Arc::new(b.finish())
            }
            ColumnType::Float => {
                let mut b = Float64Builder::with_capacity(rows.len());
                for cell in cells {
                    b.append_option(match cell {
                        Some(Cell::Float(v)) => *v,
                        _ => None,
                    });
                }
                Arc::new(b.finish())
            }
            ColumnType::Text => {
                let mut b = StringBuilder::new();
                for cell in cells {
                    b.append_option(match cell {
                        Some(Cell::Text(v)) => v.as_deref(),
                        _ => None,
                    });
                }
                Arc::new(b.finish())
            }
        };
        columns.push(array);
    }
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    use super::*;
    use crate::export::{ExportFilter, for_each_cluster};

    /// An in-memory file that the test can read after the writer has dropped it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn partitions_by_year_and_month_and_reads_back() {
        let store = crate::export::tests::store();
        let files: Arc<Mutex<Vec<(String, Shared)>>> = Arc::default();
        let sink = files.clone();
        let mut writer = PartitionedWriter::new(move |path: &str| {
            let file = Shared::default();
            sink.lock().unwrap().push((path.to_string(), file.clone()));
            Ok(file)
        });
        for_each_cluster(store.connection(), &ExportFilter::default(), |c| {
            writer.push(&c)
        })
        .unwrap();
        let written = writer.finish().unwrap();
        let paths: Vec<&str> = written.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "year=2024/month=3/part-0.parquet",
                "year=2025/month=10/part-0.parquet",
                "year=2025/month=11/part-0.parquet"
            ]
        );
        let files = files.lock().unwrap();
        let bytes = bytes::Bytes::from(files[1].1.0.lock().unwrap().clone());
        let reader = ParquetRecordBatchReaderBuilder::try_new(bytes)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 1);
        let mentions = batches[0]
            .column_by_name("mentions")
            .unwrap()
            .as_primitive::<Int64Type>();
        assert_eq!(mentions.value(0), 2);
        assert_eq!(batches[0].schema(), schema());
    }

    #[test]
    fn undated_clusters_go_to_the_null_partition() {
        let store = crate::export::tests::store();
        let mut c = None;
        for_each_cluster(store.connection(), &ExportFilter::default(), |x| {
            c.get_or_insert(x);
            Ok(())
        })
        .unwrap();
        let mut c = c.unwrap();
        c.row.date = Some("2024".into());
        assert_eq!(partition(&c), "year=2024/month=__HIVE_DEFAULT_PARTITION__");
        c.row.date = None;
        assert!(partition(&c).starts_with("year=__HIVE"));
    }
}
