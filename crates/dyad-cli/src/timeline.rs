//! `dyad timeline A B`: the events between two actors over time, per quad class, with the
//! mean Goldstein value and net cooperation, and a sparkline.
//!
//! Events are real-world events (clusters), in either direction (A to B and B to A). Net
//! cooperation is (quad 1 + quad 2) − (quad 3 + quad 4): counted over events, and weighted
//! by each event's number of mentions.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dyad_store::query::{self, Period};

use crate::Outcome;
use crate::events::actor_code;

/// Timeline steps.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum By {
    /// Calendar days.
    Day,
    /// Weeks from Monday.
    Week,
    /// Calendar months.
    Month,
}

/// Arguments of `dyad timeline`.
#[derive(Args)]
pub struct TimelineArgs {
    /// The first actor code (by prefix: SYR matches SYRGOV).
    a: String,
    /// The second actor code.
    b: String,
    /// The length of a step.
    #[arg(long, value_enum, default_value = "month")]
    by: By,
    /// Print JSON instead of the table.
    #[arg(long)]
    json: bool,
    /// The database file (default: $DYAD_DB, else dyad.db).
    #[arg(long)]
    db: Option<PathBuf>,
}

/// A unicode sparkline of the values, lowest to highest as ▁ to █.
pub fn sparkline(values: &[i64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return String::new();
    };
    values
        .iter()
        .map(|&v| {
            if max == min {
                BARS[3]
            } else {
                BARS[((v - min) * 7 / (max - min)) as usize]
            }
        })
        .collect()
}

/// Prints the timeline.
pub fn run(args: TimelineArgs) -> anyhow::Result<Outcome> {
    let (a, b) = (actor_code(&args.a)?, actor_code(&args.b)?);
    let period = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let store = crate::open_read_only(args.db)?;
    let timeline = query::timeline(store.connection(), &a, &b, period)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(Outcome::Success);
    }
    if timeline.rows.is_empty() {
        writeln!(out, "no dated events between {a} and {b}")?;
    } else {
        writeln!(
            out,
            "{:<10}  {:>4} {:>4} {:>4} {:>4}  {:>6}  {:>9}  {:>4}  {:>8}",
            "period", "q1", "q2", "q3", "q4", "events", "goldstein", "net", "weighted"
        )?;
        for r in &timeline.rows {
            let events: u64 = r.quad.iter().sum();
            let goldstein = r.goldstein.map(|g| format!("{g:.2}")).unwrap_or_default();
            writeln!(
                out,
                "{:<10}  {:>4} {:>4} {:>4} {:>4}  {:>6}  {:>9}  {:>4}  {:>8}",
                r.period,
                r.quad[0],
                r.quad[1],
                r.quad[2],
                r.quad[3],
                events,
                goldstein,
                r.net,
                r.net_weighted
            )?;
        }
        let net: Vec<i64> = timeline.rows.iter().map(|r| r.net).collect();
        let count: Vec<i64> = timeline
            .rows
            .iter()
            .map(|r| r.quad.iter().sum::<u64>() as i64)
            .collect();
        writeln!(out)?;
        writeln!(out, "events          {}", sparkline(&count))?;
        writeln!(out, "net cooperation {}", sparkline(&net))?;
    }
    if timeline.undated > 0 {
        writeln!(
            out,
            "({} events with a date too coarse for this step left out)",
            timeline.undated
        )?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparkline_spans_the_range() {
        assert_eq!(sparkline(&[-2, 0, 5]), "▁▃█");
        assert_eq!(sparkline(&[1, 1]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }
}
