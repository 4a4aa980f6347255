//! Tests of the event coder: every pattern's fixtures, coded over the hand-checked parses in
//! `data/events/fixtures.conllu`, must give exactly the expected events.

use std::collections::HashMap;

use super::*;
use crate::conllu;

const FIXTURE_PARSES: &str = include_str!("../../../../data/events/fixtures.conllu");

/// Codes one sentence from its gold parse: entities, then events.
fn code_sentence(sentence: &conllu::ConlluSentence) -> Document {
    let meta = ArticleMeta {
        published: Some("2025-01-01".into()),
        ..ArticleMeta::default()
    };
    let mut doc = document_from_conllu(std::slice::from_ref(sentence), meta);
    if let Ok(actors) = crate::actors::embedded_dictionary() {
        crate::actors::resolve::resolve(&mut doc, actors);
    }
    // What the patterns give, before the context pass (which may add a target the text
    // makes plain around the pattern's slots).
    if let Ok(dict) = embedded_dictionary() {
        let mut events = super::code::code_document(&doc, dict).0;
        super::code::adopt_implied_sources(&mut doc, &mut events);
        doc.events = events;
    }
    doc
}

fn summary(doc: &Document) -> Vec<String> {
    let country = |c: Option<&str>| c.map_or("-".to_string(), |c| c.chars().take(3).collect());
    let mut out: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                country(e.source.code.as_deref()),
                e.cameo,
                country(e.target.as_ref().and_then(|t| t.code.as_deref()))
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_embedded_dictionary_loads() {
    let dict = embedded_dictionary().unwrap();
    assert!(dict.patterns().len() > 100, "{}", dict.patterns().len());
}

#[test]
fn every_fixture_gives_its_events() {
    let dict = embedded_dictionary().unwrap();
    let parses = conllu::parse(FIXTURE_PARSES, "data/events/fixtures.conllu").unwrap();
    let by_text: HashMap<&str, &conllu::ConlluSentence> = parses
        .iter()
        .filter_map(|s| Some((s.comment("text")?, s)))
        .collect();
    let mut failures = Vec::new();
    let mut count = 0;
    for p in dict.patterns() {
        for f in &p.fixtures {
            count += 1;
            let Some(parse) = by_text.get(f.sentence.as_str()) else {
                failures.push(format!(
                    "{} line {}: no parse for {:?}",
                    p.id, f.line, f.sentence
                ));
                continue;
            };
            let doc = code_sentence(parse);
            let got = summary(&doc);
            let mut want = f.expect.clone();
            want.sort();
            let fired = f.expect.is_empty()
                || doc
                    .events
                    .iter()
                    .any(|e| e.rule.starts_with(&format!("{}:", p.id)));
            if got != want || !fired {
                failures.push(format!(
                    "{} (line {}): {:?}\n    want {want:?}\n    got  {got:?}{}\n{}",
                    p.id,
                    f.line,
                    f.sentence,
                    if fired {
                        ""
                    } else {
                        " (the pattern itself did not fire)"
                    },
                    explain(&doc, dict, 0)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn patterns_hold_no_proper_nouns_and_ids_are_unique() {
    let dict = embedded_dictionary().unwrap();
    let mut seen = std::collections::HashSet::new();
    for p in dict.patterns() {
        assert!(seen.insert(p.id.clone()), "{}", p.id);
        assert!(!p.lemma.chars().any(char::is_uppercase), "{}", p.id);
    }
}

#[test]
fn the_pipeline_parses_and_codes_a_sentence() {
    let mut doc = Document::from_blocks(
        ArticleMeta::default(),
        [(BlockKind::Paragraph, "France attacked Germany.")],
    );
    crate::Pipeline::default().run(&mut doc);
    assert_eq!(doc.events.len(), 1, "{:?}", doc.events);
    assert_eq!(doc.events[0].cameo, "190");
}

#[test]
fn a_document_without_parse_gets_no_events() {
    let mut doc = Document::from_blocks(
        ArticleMeta::default(),
        [(BlockKind::Paragraph, "France attacked Germany.")],
    );
    crate::segment::segment(&mut doc);
    if let Ok(dict) = embedded_dictionary() {
        code(&mut doc, dict);
    }
    assert!(doc.events.is_empty());
}

/// Codes a document given as CoNLL-U (sentences we wrote, parses written by hand) and
/// returns its events as `SRC CAMEO TGT`.
fn code_parsed(conllu_text: &str) -> Vec<String> {
    let sentences = conllu::parse(conllu_text, "test").unwrap();
    let doc = code_conllu(&sentences, Some("2025-01-01".into()));
    summary(&doc)
}

#[test]
fn an_object_the_parser_hung_on_a_participle_is_recovered() {
    // The parser's error, kept on purpose: "Japan" as the subject of "marking".
    let parse = "# text = Egypt met Japan in Cairo, marking a new era.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
3\tJapan\tJapan\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\tCairo\tCairo\tPROPN\tNNP\t_\t3\tnmod\t_\tSpaceAfter=No
6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_
7\tmarking\tmark\tVERB\tVBG\t_\t2\tadvcl\t_\t_
8\ta\ta\tDET\tDT\t_\t10\tdet\t_\t_
9\tnew\tnew\tADJ\tJJ\t_\t10\tamod\t_\t_
10\tera\tera\tNOUN\tNN\t_\t7\tobj\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["EGY 040 JPN", "JPN 040 EGY"]);
}

#[test]
fn those_demands_point_back_to_who_made_them() {
    let parse = "# text = Egypt urged Japan to cut tariffs.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_
3\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_
5\tcut\tcut\tVERB\tVB\t_\t2\txcomp\t_\t_
6\ttariffs\ttariff\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Japan rejected those demands.
1\tJapan\tJapan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthose\tthat\tDET\tDT\t_\t4\tdet\t_\t_
4\tdemands\tdemand\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["EGY 020 JPN", "JPN 120 EGY"]);
}

#[test]
fn a_relation_between_two_nations_targets_the_other_one() {
    let parse = "# text = Egypt hosted Japan.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\thosted\thost\tVERB\tVBD\t_\t0\troot\t_\t_
3\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Japan praised the friendship between the two nations.
1\tJapan\tJapan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tfriendship\tfriendship\tNOUN\tNN\t_\t2\tobj\t_\t_
5\tbetween\tbetween\tADP\tIN\t_\t8\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_
7\ttwo\ttwo\tNUM\tCD\t_\t8\tnummod\t_\t_
8\tnations\tnation\tNOUN\tNNS\t_\t4\tnmod\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    assert_eq!(
        code_parsed(parse),
        ["EGY 043 JPN", "JPN 042 EGY", "JPN 051 EGY"]
    );
}

#[test]
fn a_passive_takes_its_source_from_the_event_noun_that_did_it() {
    let parse = "# text = Two men were killed in Kenyan air strikes.
1\tTwo\ttwo\tNUM\tCD\t_\t2\tnummod\t_\t_
2\tmen\tman\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tkilled\tkill\tVERB\tVBN\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_
6\tKenyan\tKenyan\tADJ\tJJ\t_\t8\tamod\t_\t_
7\tair\tair\tNOUN\tNN\t_\t8\tcompound\t_\t_
8\tstrikes\tstrike\tNOUN\tNNS\t_\t4\tobl\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["KEN 1823 -", "KEN 195 -"]);
}

#[test]
fn a_title_before_an_unknown_name_brings_its_country() {
    let parse = "# text = Egyptian leader Sami Nour praised Japan.
1\tEgyptian\tEgyptian\tADJ\tJJ\t_\t2\tamod\t_\t_
2\tleader\tleader\tNOUN\tNN\t_\t3\tnmod:desc\t_\t_
3\tSami\tSami\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
4\tNour\tNour\tPROPN\tNNP\t_\t3\tflat\t_\t_
5\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
6\tJapan\tJapan\tPROPN\tNNP\t_\t5\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["EGY 051 JPN"]);
}

#[test]
fn an_act_someone_is_accused_of_is_only_alleged() {
    let parse = "# text = Egypt accused Japan of signing a deal with Peru.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_
3\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tof\tof\tSCONJ\tIN\t_\t5\tmark\t_\t_
5\tsigning\tsign\tVERB\tVBG\t_\t3\tacl\t_\t_
6\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_
7\tdeal\tdeal\tNOUN\tNN\t_\t5\tobj\t_\t_
8\twith\twith\tADP\tIN\t_\t9\tcase\t_\t_
9\tPeru\tPeru\tPROPN\tNNP\t_\t7\tnmod\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    let sentences = conllu::parse(parse, "test").unwrap();
    let doc = code_conllu(&sentences, Some("2025-01-01".into()));
    let signing: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("05"))
        .collect();
    assert!(!signing.is_empty(), "{:?}", summary(&doc));
    for e in signing {
        assert_eq!(
            e.status,
            crate::document::EventStatus::Hypothetical,
            "{:?}",
            summary(&doc)
        );
    }
}

/// Codes a one-sentence gold parse after adding an entity of the given type and code on the
/// first occurrence of `mention` (standing in for the entity tagger, which gold parses lack).
fn code_with_entity(
    conllu_text: &str,
    mention: &str,
    kind: crate::document::EntityType,
    code_: Option<&str>,
) -> Vec<String> {
    let sentences = conllu::parse(conllu_text, "test").unwrap();
    let meta = ArticleMeta {
        published: Some("2025-01-01".into()),
        ..ArticleMeta::default()
    };
    let mut doc = document_from_conllu(&sentences, meta);
    if let Ok(actors) = crate::actors::embedded_dictionary() {
        crate::actors::resolve::resolve(&mut doc, actors);
    }
    let start = doc.text.find(mention).unwrap();
    let span = crate::Span::new(start, start + mention.len());
    doc.entities.retain(|e| {
        !e.mentions
            .iter()
            .any(|m| m.start < span.end && span.start < m.end)
    });
    doc.entities.push(crate::document::Entity {
        name: mention.to_string(),
        kind,
        code: code_.map(str::to_string),
        basis: None,
        mentions: vec![span],
    });
    if let Ok(dict) = embedded_dictionary() {
        code(&mut doc, dict);
    }
    summary(&doc)
}

#[test]
fn an_unknown_name_takes_the_only_country_of_its_sentence() {
    use crate::document::EntityType;
    let parse = "# text = President Sami Nour praised the Egyptian army.
1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tnmod:desc\t_\t_
2\tSami\tSami\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
3\tNour\tNour\tPROPN\tNNP\t_\t2\tflat\t_\t_
4\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
6\tEgyptian\tEgyptian\tADJ\tJJ\t_\t7\tamod\t_\t_
7\tarmy\tarmy\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(
        code_with_entity(parse, "Sami Nour", EntityType::Person, None),
        ["EGY 051 EGY"]
    );
    // With two countries in the sentence, the unknown name stays uncoded: no event.
    let parse = "# text = President Sami Nour praised the Egyptian army and Japan.
1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tnmod:desc\t_\t_
2\tSami\tSami\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
3\tNour\tNour\tPROPN\tNNP\t_\t2\tflat\t_\t_
4\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
6\tEgyptian\tEgyptian\tADJ\tJJ\t_\t7\tamod\t_\t_
7\tarmy\tarmy\tNOUN\tNN\t_\t4\tobj\t_\t_
8\tand\tand\tCCONJ\tCC\t_\t9\tcc\t_\t_
9\tJapan\tJapan\tPROPN\tNNP\t_\t7\tconj\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert!(code_with_entity(parse, "Sami Nour", EntityType::Person, None).is_empty());
}

#[test]
fn an_actor_coded_by_its_role_takes_the_country_of_its_phrase() {
    use crate::document::EntityType;
    let parse = "# text = Rebels in Kenya attacked Japanese troops.
1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
2\tin\tin\tADP\tIN\t_\t3\tcase\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t1\tnmod\t_\t_
4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
5\tJapanese\tJapanese\tADJ\tJJ\t_\t6\tamod\t_\t_
6\ttroops\ttroop\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(
        code_with_entity(parse, "Rebels", EntityType::Org, Some("---REB")),
        ["KEN 190 JPN"]
    );
}

#[test]
fn a_passive_arrest_without_agent_is_the_police_the_sentence_names() {
    let parse = "# text = Three men were arrested in Nairobi, Kenyan police said.
1\tThree\tthree\tNUM\tCD\t_\t2\tnummod\t_\t_
2\tmen\tman\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tarrested\tarrest\tVERB\tVBN\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tNairobi\tNairobi\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t,\t,\tPUNCT\t,\t_\t10\tpunct\t_\t_
8\tKenyan\tKenyan\tADJ\tJJ\t_\t9\tamod\t_\t_
9\tpolice\tpolice\tNOUN\tNN\t_\t10\tnsubj\t_\t_
10\tsaid\tsay\tVERB\tVBD\t_\t4\tparataxis\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["KEN 173 -"]);
    // Without police in the sentence, the police of the place are implied (the event says
    // so: see `an_agentless_passive_arrest_implies_the_police_of_its_place` in `code.rs`).
    let parse = "# text = Three men were arrested in Nairobi.
1\tThree\tthree\tNUM\tCD\t_\t2\tnummod\t_\t_
2\tmen\tman\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tarrested\tarrest\tVERB\tVBN\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tNairobi\tNairobi\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["KEN 173 -"]);
}

#[test]
fn a_finite_verb_hung_below_the_noun_before_it_takes_that_noun_as_subject() {
    // The parser's error, kept on purpose: "Egypt" as the root, "released" below it.
    let parse = "# text = Egypt on Monday released a Japanese journalist.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t0\troot\t_\t_
2\ton\ton\tADP\tIN\t_\t3\tcase\t_\t_
3\tMonday\tMonday\tPROPN\tNNP\t_\t1\tnmod\t_\t_
4\treleased\trelease\tVERB\tVBD\t_\t1\tparataxis\t_\t_
5\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_
6\tJapanese\tJapanese\tADJ\tJJ\t_\t7\tamod\t_\t_
7\tjournalist\tjournalist\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["EGY 0841 JPN"]);
}

#[test]
fn a_verb_taken_for_a_modifier_of_the_noun_after_it_takes_that_noun_as_object() {
    // The parser's error, kept on purpose: "fired" as an adjective of "rockets".
    let parse = "# text = Russia fired rockets at Georgia.
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tfired\tfire\tVERB\tVBD\t_\t3\tamod\t_\t_
3\trockets\trocket\tNOUN\tNNS\t_\t0\troot\t_\t_
4\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_
5\tGeorgia\tGeorgia\tPROPN\tNNP\t_\t3\tnmod\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
    assert_eq!(code_parsed(parse), ["RUS 190 GEO"]);
}

#[test]
fn an_infinitive_parsed_as_a_clausal_complement_of_a_plan_is_planned() {
    // The parser's error, kept on purpose: "ask" as a `ccomp` of "planned".
    let parse = "# text = Egypt planned to ask Japan for aid.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tplanned\tplan\tVERB\tVBD\t_\t0\troot\t_\t_
3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_
4\task\task\tVERB\tVB\t_\t2\tccomp\t_\t_
5\tJapan\tJapan\tPROPN\tNNP\t_\t4\tobj\t_\t_
6\tfor\tfor\tADP\tIN\t_\t7\tcase\t_\t_
7\taid\taid\tNOUN\tNN\t_\t4\tobl\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    let sentences = conllu::parse(parse, "test").unwrap();
    let doc = code_conllu(&sentences, Some("2025-01-01".into()));
    assert!(!doc.events.is_empty());
    for e in &doc.events {
        assert_eq!(
            e.status,
            crate::document::EventStatus::Planned,
            "{}",
            e.rule
        );
    }
}

#[test]
fn an_unknown_name_takes_the_country_of_the_title_before_it_however_parsed() {
    use crate::document::EntityType;
    // The parser's error, kept on purpose: the title hangs on the verb, not on the name.
    let parse = "# text = Egyptian foreign minister Sami Nour met Japan.
1\tEgyptian\tEgyptian\tADJ\tJJ\t_\t3\tamod\t_\t_
2\tforeign\tforeign\tADJ\tJJ\t_\t3\tamod\t_\t_
3\tminister\tminister\tNOUN\tNN\t_\t6\tobl\t_\t_
4\tSami\tSami\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
5\tNour\tNour\tPROPN\tNNP\t_\t4\tflat\t_\t_
6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
7\tJapan\tJapan\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
";
    assert_eq!(
        code_with_entity(parse, "Sami Nour", EntityType::Person, None),
        ["EGY 040 JPN", "JPN 040 EGY"]
    );
}
