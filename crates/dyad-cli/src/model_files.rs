//! Choosing the models a command runs with: the embedded ones, or model files named on the
//! command line (to evaluate a model before it is embedded).

use std::borrow::Cow;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use dyad_core::parse::{Lemmatizer, Models, Parser, Tagger};

/// Options that replace embedded models with files.
#[derive(Args, Debug, Clone, Default)]
pub struct ModelFiles {
    /// Use this tagger model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub tagger: Option<PathBuf>,
    /// Use this lemmatizer model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub lemmatizer: Option<PathBuf>,
    /// Use this parser model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub parser: Option<PathBuf>,
    /// Drops tagger and parser weights smaller than this after loading (to try out how
    /// far a model can be pruned).
    #[arg(long, value_name = "WEIGHT")]
    pub prune: Option<f32>,
    /// Parses with this beam width instead of the one stored in the parser model (to weigh
    /// speed against accuracy; the weights stay those trained at the stored width).
    #[arg(long, value_name = "WIDTH")]
    pub beam: Option<usize>,
}

fn read(path: &PathBuf) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

impl ModelFiles {
    /// Loads the models: files where given, embedded models otherwise (borrowed, without a
    /// copy, when no file is given).
    pub fn load(&self) -> Result<Cow<'static, Models>> {
        if self.tagger.is_none()
            && self.lemmatizer.is_none()
            && self.parser.is_none()
            && self.prune.is_none()
            && self.beam.is_none()
        {
            return Ok(Cow::Borrowed(dyad_core::parse::model::embedded()?));
        }
        let embedded = || dyad_core::parse::model::embedded().cloned();
        let base = if self.tagger.is_some() && self.lemmatizer.is_some() && self.parser.is_some() {
            None
        } else {
            Some(embedded()?)
        };
        let tagger = match &self.tagger {
            Some(p) => Tagger::from_bytes(&read(p)?, &p.display().to_string())?,
            None => base
                .as_ref()
                .map(|m| m.tagger.clone())
                .context("no tagger")?,
        };
        let lemmatizer = match &self.lemmatizer {
            Some(p) => Lemmatizer::from_bytes(&read(p)?, &p.display().to_string())?,
            None => base
                .as_ref()
                .map(|m| m.lemmatizer.clone())
                .context("no lemmatizer")?,
        };
        let parser = match &self.parser {
            Some(p) => Parser::from_bytes(&read(p)?, &p.display().to_string())?,
            None => base
                .as_ref()
                .map(|m| m.parser.clone())
                .context("no parser")?,
        };
        let (tagger, parser) = match self.prune {
            Some(min) => (tagger.pruned(min), parser.pruned(min)),
            None => (tagger, parser),
        };
        let parser = match self.beam {
            Some(width) => parser.with_beam(width),
            None => parser,
        };
        Ok(Cow::Owned(Models {
            tagger,
            lemmatizer,
            parser,
        }))
    }
}
