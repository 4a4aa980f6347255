//! Threshold checks shared by the `dyad eval` commands: a figure below its `--min-*` (or
//! above its `--max-*`) is reported on stderr and makes the command exit with 1.

/// True when `value` meets `min` (or no minimum was given); otherwise says so on stderr.
pub fn at_least(what: &str, value: f64, min: Option<f64>) -> bool {
    match min {
        Some(min) if value < min => {
            eprintln!("dyad: {what} {value:.4} is below the threshold {min}");
            false
        }
        _ => true,
    }
}

/// True when `value` is within `max` (or no maximum was given); otherwise says so on stderr.
pub fn at_most(what: &str, value: f64, max: Option<f64>) -> bool {
    match max {
        Some(max) if value > max => {
            eprintln!("dyad: {what} {value} is above the threshold {max}");
            false
        }
        _ => true,
    }
}
