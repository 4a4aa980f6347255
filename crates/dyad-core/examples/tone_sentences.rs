//! Prints the tone stage's compound score of each line of standard input, one per line: the
//! Rust side of `bench/tone_vader.sh`, which compares it with Python's `vaderSentiment`.

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        writeln!(out, "{:.4}", dyad_core::tone::compound(&line?))?;
    }
    Ok(())
}
