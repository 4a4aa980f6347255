//! Evaluation against gold data: each submodule scores one capability and returns figures
//! that the `dyad eval` command prints and checks against thresholds. Callers read the files;
//! these modules only parse and score.

pub mod actors;
pub mod coref;
pub mod events;
pub mod extract;
pub mod gold;
pub mod ner;
pub mod quotes;
pub mod segment;
pub mod ud;
