//! `--petrarch-actors FILE`: PETRARCH's Phoenix actor dictionaries read at run time as a
//! layer under dyad's own dictionary (`dyad_core::actors::petrarch`), for `dyad code`,
//! `explain`, `eval gold`, `eval plover` and `eval petrarch-gsr`.
//!
//! This module reads the files and reports what loading skipped; the library parses them.

use std::path::PathBuf;

use clap::Args;
use dyad_core::Pipeline;
use dyad_core::actors::petrarch::PetrarchActors;

/// The `--petrarch-actors` option, shared by the commands that code text.
#[derive(Args, Debug, Default, Clone)]
pub struct PetrarchActorsArgs {
    /// A PETRARCH actor dictionary (such as Phoenix.Countries.actors.txt), consulted only for
    /// names dyad's own dictionary and rules leave uncoded; may be given several times.
    /// Skipped lines are reported on stderr as FILE:LINE: why.
    // The field's name is the argument's id in clap: it must not be another option's
    // ("files" is `eval gold`'s).
    #[arg(long = "petrarch-actors", value_name = "FILE")]
    pub petrarch_actor_files: Vec<PathBuf>,
}

impl PetrarchActorsArgs {
    /// The pipeline with the layer, when files were given; else the pipeline unchanged. A
    /// file that cannot be read or is not UTF-8 is an error naming it.
    pub fn apply(&self, pipeline: Pipeline) -> anyhow::Result<Pipeline> {
        if self.petrarch_actor_files.is_empty() {
            return Ok(pipeline);
        }
        let texts = self
            .petrarch_actor_files
            .iter()
            .map(|file| crate::code::read_dictionary_file(file, "PETRARCH actor file"))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let pairs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let dict = dyad_core::actors::embedded_dictionary().map_err(|e| anyhow::anyhow!("{e}"))?;
        let (actors, report) = PetrarchActors::load(&pairs, dict);
        for skipped in &report.skipped {
            eprintln!("{skipped}");
        }
        eprintln!(
            "petrarch actors: {} actors ({} names) loaded from {} file(s); {} lines skipped, \
             {} actors left with no code dyad can use",
            report.actors,
            report.names,
            self.petrarch_actor_files.len(),
            report.skipped.len(),
            report.actors_without_code
        );
        Ok(pipeline.with_petrarch_actors(actors))
    }
}
