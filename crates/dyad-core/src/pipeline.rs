//! The pipeline: an ordered list of named stages run over one [`Document`].
//!
//! Each stage reads some annotations and adds others; none removes what an earlier stage
//! made. Stages never fail: trouble becomes a [`crate::document::Diagnostic`]. Non-English
//! documents stop after language detection, so they are flagged rather than coded as English.

use crate::document::Document;

/// A pipeline stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Detects the language ([`crate::language`]).
    Language,
    /// Splits sentences, tokens and words ([`crate::segment`]).
    Segment,
    /// Tags, lemmatizes and parses every word ([`crate::parse`]).
    Parse,
    /// Finds named-entity mentions ([`crate::ner`]).
    Ner,
    /// Finds actors and resolves them to codes ([`crate::actors::resolve`]).
    Actors,
    /// Links names, descriptions and pronouns to the entities they refer to ([`crate::coref`]).
    Coref,
    /// Finds places and resolves them to the gazetteer ([`crate::locate`]).
    Places,
    /// Codes events over the dependency parse ([`crate::events`]).
    Events,
    /// Finds direct quotes and their speakers ([`crate::quotes`]).
    Quotes,
    /// Finds counts of people killed, arrested, displaced ([`crate::counts`]).
    Counts,
    /// Scores the article's tone ([`crate::tone`]).
    Tone,
}

impl Stage {
    /// The stage's name, as shown in diagnostics and `--help`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Language => "language",
            Stage::Segment => "segment",
            Stage::Parse => "parse",
            Stage::Ner => "ner",
            Stage::Actors => "actors",
            Stage::Coref => "coref",
            Stage::Places => "places",
            Stage::Events => "events",
            Stage::Quotes => "quotes",
            Stage::Counts => "counts",
            Stage::Tone => "tone",
        }
    }
}

/// Runs stages over documents.
#[derive(Debug, Clone)]
pub struct Pipeline {
    stages: Vec<Stage>,
    /// The actor dictionary with the user's files, when they gave some; else the embedded one.
    actors: Option<std::sync::Arc<crate::actors::ActorDictionary>>,
    /// The event dictionary with the user's extra (PETRARCH's verbs), when given; else the
    /// embedded one.
    events: Option<std::sync::Arc<crate::events::EventDictionary>>,
    /// PETRARCH's actor dictionaries, a layer under dyad's own, when the user gave some.
    petrarch: Option<std::sync::Arc<crate::actors::petrarch::PetrarchActors>>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            stages: vec![
                Stage::Language,
                Stage::Segment,
                Stage::Parse,
                Stage::Ner,
                Stage::Actors,
                Stage::Coref,
                Stage::Places,
                Stage::Events,
                Stage::Quotes,
                Stage::Counts,
                Stage::Tone,
            ],
            actors: None,
            events: None,
            petrarch: None,
        }
    }
}

impl Pipeline {
    /// A pipeline of the given stages, in order (for evaluations that skip some).
    pub fn with_stages(stages: Vec<Stage>) -> Self {
        Pipeline {
            stages,
            actors: None,
            events: None,
            petrarch: None,
        }
    }

    /// The default pipeline's stages up to and including `last` (for evaluations and tests of
    /// one stage, which need only the stages before it).
    pub fn through(last: Stage) -> Self {
        let mut pipeline = Pipeline::default();
        if let Some(at) = pipeline.stages.iter().position(|&s| s == last) {
            pipeline.stages.truncate(at + 1);
        }
        pipeline
    }

    /// The same pipeline resolving actors with `dict` (the embedded dictionary and the user's
    /// files, [`crate::actors::ActorDictionary::embedded_with`]) instead of the embedded one.
    pub fn with_actors(mut self, dict: crate::actors::ActorDictionary) -> Self {
        self.actors = Some(std::sync::Arc::new(dict));
        self
    }

    /// The same pipeline with PETRARCH's actor dictionaries as a layer under dyad's own,
    /// consulted after coreference ([`crate::actors::petrarch::resolve`]).
    pub fn with_petrarch_actors(mut self, actors: crate::actors::petrarch::PetrarchActors) -> Self {
        self.petrarch = Some(std::sync::Arc::new(actors));
        self
    }

    /// The actor dictionary the pipeline resolves with.
    fn actor_dictionary(&self) -> Result<&crate::actors::ActorDictionary, &'static str> {
        match &self.actors {
            Some(dict) => Ok(dict),
            None => crate::actors::embedded_dictionary(),
        }
    }

    /// The same pipeline coding events with `dict` (the embedded dictionary with PETRARCH's
    /// verbs, [`crate::events::EventDictionary::with_petrarch`]) instead of the embedded one.
    pub fn with_events(mut self, dict: crate::events::EventDictionary) -> Self {
        self.events = Some(std::sync::Arc::new(dict));
        self
    }

    /// The event dictionary the pipeline codes with.
    pub fn event_dictionary(&self) -> Result<&crate::events::EventDictionary, &'static str> {
        match &self.events {
            Some(dict) => Ok(dict),
            None => crate::events::embedded_dictionary(),
        }
    }

    /// The stages, in order.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// What produced a coding, for the `pipeline` field of the output.
    pub fn version(&self) -> String {
        format!("dyad {}", crate::VERSION)
    }

    /// Runs every stage over the document.
    pub fn run(&self, doc: &mut Document) {
        if self.stages.contains(&Stage::Places) {
            // The gazetteer loads on another thread while the earlier stages run.
            crate::places::prefetch();
        }
        for stage in &self.stages {
            match stage {
                Stage::Language => {
                    let lang = crate::language::detect(&doc.text);
                    if lang != "en" {
                        doc.note(
                            "language",
                            format!("the text is not English (detected: {lang}); it is not coded"),
                        );
                    }
                    doc.language = Some(lang);
                }
                Stage::Segment => {
                    if doc.language.as_deref().is_some_and(|l| l != "en") {
                        return;
                    }
                    crate::segment::segment(doc);
                }
                Stage::Parse => {
                    if doc.language.as_deref().is_some_and(|l| l != "en") {
                        return;
                    }
                    match crate::parse::model::embedded() {
                        Ok(models) => crate::parse::annotate_document(models, doc),
                        Err(e) => doc.note("parse", format!("the models could not be loaded: {e}")),
                    }
                }
                Stage::Ner => {
                    if doc.language.as_deref().is_some_and(|l| l != "en") {
                        return;
                    }
                    crate::ner::recognize(doc);
                }
                Stage::Places => match crate::places::embedded_gazetteer() {
                    Ok(gazetteer) => crate::locate::locate(doc, gazetteer),
                    Err(e) => doc.note("places", format!("the gazetteer did not load: {e}")),
                },
                Stage::Actors => match self.actor_dictionary() {
                    Ok(dict) => crate::actors::resolve::resolve(doc, dict),
                    Err(e) => doc.note("actors", format!("the actor dictionary did not load: {e}")),
                },
                Stage::Coref => {
                    crate::coref::link(doc, self.actor_dictionary().ok());
                    if let Some(petrarch) = &self.petrarch {
                        crate::actors::petrarch::resolve(doc, petrarch);
                    }
                }
                Stage::Events => match self.event_dictionary() {
                    Ok(dict) => crate::events::code(doc, dict),
                    Err(e) => doc.note("events", format!("the event dictionary did not load: {e}")),
                },
                Stage::Quotes => crate::quotes::find_quotes(doc),
                Stage::Counts => crate::counts::find_counts(doc),
                Stage::Tone => crate::tone::score_tone(doc),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Pipeline, Stage};

    #[test]
    fn through_keeps_the_default_stages_up_to_the_last_one_asked() {
        let stages = Pipeline::through(Stage::Ner).stages().to_vec();
        assert_eq!(
            stages,
            [Stage::Language, Stage::Segment, Stage::Parse, Stage::Ner]
        );
        let all = Pipeline::default().stages().to_vec();
        assert_eq!(Pipeline::through(Stage::Tone).stages(), all.as_slice());
    }
}
