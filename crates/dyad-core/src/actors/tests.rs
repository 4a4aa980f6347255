//! Tests of the actor dictionary: the file format's errors, and lookups in the embedded data.

use std::sync::OnceLock;
use std::time::Instant;

use super::*;

fn dict() -> &'static ActorDictionary {
    static DICT: OnceLock<ActorDictionary> = OnceLock::new();
    DICT.get_or_init(|| match ActorDictionary::embedded() {
        Ok(d) => d,
        Err(e) => panic!("the embedded dictionary does not load: {e}"),
    })
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a valid test date")
}

fn codes_on(name: &str, on: &str) -> Vec<String> {
    codes_in(dict(), name, on)
}

/// The codes `name` carries on a day in dictionary `d`.
fn codes_in(d: &ActorDictionary, name: &str, on: &str) -> Vec<String> {
    d.lookup(name, date(on))
        .iter()
        .map(|m| m.code.to_string())
        .collect()
}

const COUNTRIES: &str = "country Syria\n  code SYR\n  adj Syrian\n\ncountry Russia\n  code RUS\n";

/// Loads the small country file followed by `text` as `user.txt` and returns the error text.
fn load_error(text: &str) -> String {
    match ActorDictionary::load(&[("countries.txt", COUNTRIES), ("user.txt", text)]) {
        Ok(_) => panic!("expected an error for {text:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn malformed_lines_are_reported_with_file_and_line() {
    let e = load_error("# a comment\nperson Someone\n  term SYRGOV 2000-01-01\n");
    assert!(
        e.starts_with("user.txt:3: malformed input: incomplete term"),
        "{e}"
    );
    let e = load_error("\nplanet Mars\n  code MAR\n");
    assert!(
        e.starts_with("user.txt:2: malformed input: unknown entry kind"),
        "{e}"
    );
    let e = load_error("  names floating\n");
    assert!(e.starts_with("user.txt:1:"), "{e}");
    let e = load_error("group Someone\n  code syrreb\n");
    assert!(
        e.starts_with("user.txt:2: malformed input: bad code"),
        "{e}"
    );
    let e = load_error("group Someone\n  colour red\n");
    assert!(
        e.starts_with("user.txt:2: malformed input: unknown attribute"),
        "{e}"
    );
    let e = load_error("group Someone\n  term SYRREB 2010-02-30 -\n");
    assert!(
        e.starts_with("user.txt:2: malformed input: bad date"),
        "{e}"
    );
    let e = load_error("group Someone\n  names\n");
    assert!(e.starts_with("user.txt:2:"), "{e}");
    let e = load_error("group Someone\n  source nowhere\n");
    assert!(
        e.contains("user.txt:1:") && e.contains("needs a code or term"),
        "{e}"
    );
    let e = load_error("agent XYZ\n  names zorblers\n");
    assert!(
        e.starts_with("user.txt:1: malformed input: unknown role"),
        "{e}"
    );
}

#[test]
fn unknown_country_codes_are_rejected() {
    let e = load_error("group The Someones\n  names Someones\n  code XYZREB\n");
    assert!(
        e.starts_with("user.txt:3: malformed input: unknown country code \"XYZ\""),
        "{e}"
    );
    // Non-state roots are fine.
    assert!(
        ActorDictionary::load(&[("c", COUNTRIES), ("u", "org Someone\n  code IGOXYZ\n")]).is_ok()
    );
}

#[test]
fn end_dates_before_start_dates_are_rejected() {
    let e = load_error("person Someone\n  term SYRGOV 2010-01-01 2009-12-31\n");
    assert!(
        e.starts_with("user.txt:2: malformed input: the end date 2009-12-31 is before"),
        "{e}"
    );
}

#[test]
fn overlapping_terms_of_one_office_are_rejected() {
    let text = "person One\n  term SYRGOV 2000-01-01 2010-01-01 office=SYR.pm\n\n\
                person Two\n  term SYRGOV 2009-06-01 - office=SYR.pm\n";
    let e = load_error(text);
    assert!(
        e.starts_with("user.txt:5: malformed input: the term of Two as SYR.pm overlaps"),
        "{e}"
    );
    assert!(e.contains("user.txt:2"), "{e}");
    // A handover on the end day is not an overlap.
    let ok = "person One\n  term SYRGOV 2000-01-01 2010-01-01 office=SYR.pm\n\n\
              person Two\n  term SYRGOV 2010-01-01 - office=SYR.pm\n";
    assert!(ActorDictionary::load(&[("c", COUNTRIES), ("u", ok)]).is_ok());
}

#[test]
fn duplicate_countries_are_rejected() {
    let e = load_error("country Syria again\n  code SYR\n");
    assert!(
        e.starts_with(
            "user.txt:1: malformed input: country code SYR is already defined at countries.txt:1"
        ),
        "{e}"
    );
}

#[test]
fn the_embedded_dictionary_loads_fast() {
    // Loading (parsing, checking codes and offices, indexing) must stay well under 50 ms.
    let start = Instant::now();
    let loaded = ActorDictionary::embedded();
    let elapsed = start.elapsed();
    let loaded = match loaded {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let counts = loaded.counts();
    println!("embedded actor dictionary: {counts:?}, loaded in {elapsed:?}");
    assert!(counts.countries >= 249, "{counts:?}");
    if !cfg!(debug_assertions) {
        assert!(elapsed.as_millis() < 50, "loading took {elapsed:?}");
    }
}

#[test]
fn no_office_has_overlapping_terms() {
    // `load` checks this for every office; the embedded data must pass it, and the offices
    // must actually be used.
    let d = dict();
    let matches = d.lookup_any("Vladimir Putin");
    let offices: Vec<_> = matches.iter().filter_map(|m| m.office).collect();
    assert!(offices.contains(&"RUS.president"), "{offices:?}");
    assert!(offices.contains(&"RUS.pm"), "{offices:?}");
}

#[test]
fn assad_is_government_until_december_2024() {
    assert_eq!(codes_on("Bashar al-Assad", "2015-09-30"), ["SYRGOV"]);
    assert_eq!(codes_on("Bashar al-Assad", "2024-12-07"), ["SYRGOV"]);
    assert_eq!(codes_on("Bashar al-Assad", "2025-10-15"), ["SYRELI"]);
    assert_eq!(codes_on("Bashar Assad", "2025-10-15"), ["SYRELI"]);
}

#[test]
fn sharaa_leads_rebels_then_the_government() {
    assert_eq!(codes_on("Ahmad Al Sharaa", "2025-10-15"), ["SYRGOV"]);
    assert_eq!(codes_on("Ahmed al-Sharaa", "2025-10-15"), ["SYRGOV"]);
    assert_eq!(
        codes_on("Ahmed al\u{2011}Shara\u{2019}a", "2025-10-15"),
        ["SYRGOV"]
    );
    assert_eq!(codes_on("Abu Mohammad al-Julani", "2020-01-01"), ["SYRREB"]);
    assert_eq!(codes_on("Abu Mohammed al-Jolani", "2020-01-01"), ["SYRREB"]);
    assert_eq!(codes_on("Ahmed al-Sharaa", "2024-12-08"), ["SYRGOV"]);
}

#[test]
fn heads_of_state_of_the_great_powers() {
    assert_eq!(codes_on("Vladimir Putin", "2010-06-01"), ["RUSGOV"]);
    assert_eq!(codes_on("Putin", "2023-06-01"), ["RUSGOV"]);
    assert_eq!(codes_on("Sergei Lavrov", "2019-03-01"), ["RUSGOV"]);
    assert_eq!(codes_on("Sergey Lavrov", "2004-03-09"), ["RUSGOV"]);
    assert!(codes_on("Sergei Lavrov", "2004-03-08").is_empty());
    assert_eq!(codes_on("Donald Trump", "2018-01-01"), ["USAGOV"]);
    assert_eq!(codes_on("Donald Trump", "2022-01-01"), ["USAELI"]);
    assert_eq!(codes_on("Donald J. Trump", "2025-10-15"), ["USAGOV"]);
    assert_eq!(codes_on("Joe Biden", "2022-01-01"), ["USAGOV"]);
    assert_eq!(codes_on("Joe Biden", "2012-01-01"), ["USAGOV"]);
    assert_eq!(codes_on("Joe Biden", "2025-10-15"), ["USAELI"]);
}

#[test]
fn metonyms_and_adjectives() {
    assert_eq!(codes_on("the Kremlin", "1999-01-01"), ["RUSGOV"]);
    assert_eq!(codes_on("Kremlin", "2025-01-01"), ["RUSGOV"]);
    assert_eq!(codes_on("Damascus", "2025-01-01"), ["SYRGOV"]);
    assert_eq!(codes_on("the White House", "2025-01-01"), ["USAGOV"]);
    assert_eq!(codes_on("the Pentagon", "2025-01-01"), ["USAMIL"]);
    assert_eq!(codes_on("Downing Street", "2025-01-01"), ["GBRGOV"]);
    assert_eq!(codes_on("the Élysée", "2025-01-01"), ["FRAGOV"]);
    assert_eq!(codes_on("Elysee", "2025-01-01"), ["FRAGOV"]);
    assert_eq!(dict().adjective_country("Russian"), Some("RUS"));
    assert_eq!(dict().adjective_country("Syrians"), Some("SYR"));
    assert_eq!(codes_on("Russia's", "2025-01-01"), ["RUS"]);
}

#[test]
fn role_words_combine_with_country_adjectives() {
    let d = dict();
    assert_eq!(d.agent_role("officials"), Some("GOV"));
    assert_eq!(d.agent_role("warplanes"), Some("MIL"));
    assert_eq!(d.agent_role("protesters"), Some("OPP"));
    assert_eq!(d.agent_role("civilians"), Some("CVL"));
    assert_eq!(
        d.adjective_with_role("Syrian", "officials").as_deref(),
        Some("SYRGOV")
    );
    assert_eq!(
        d.adjective_with_role("Russian", "warplanes").as_deref(),
        Some("RUSMIL")
    );
}

#[test]
fn a_territory_does_not_take_its_sovereigns_adjective() {
    // The generated country list gives territories their sovereign's adjective (Svalbard's
    // is "Norwegian", Réunion's "French"); the sovereign keeps it.
    let d = dict();
    for (adjective, code) in [
        ("Norwegian", "NORAGR"),
        ("French", "FRAAGR"),
        ("American", "USAAGR"),
        ("Indian", "INDAGR"),
        ("Chinese", "CHNAGR"),
    ] {
        assert_eq!(
            d.adjective_with_role(adjective, "farmers").as_deref(),
            Some(code),
            "{adjective}"
        );
    }
}

#[test]
fn former_names_of_countries_stand_for_todays_states() {
    // Older reports name states by names since given up; the territory's state today
    // answers to them, on any date.
    assert_eq!(codes_on("Zaire", "1995-06-01"), ["COD"]);
    assert_eq!(codes_on("Kampuchea", "1985-06-01"), ["KHM"]);
    assert_eq!(codes_on("Ceylon", "1960-06-01"), ["LKA"]);
    assert_eq!(codes_on("Northern Rhodesia", "1960-06-01"), ["ZMB"]);
    assert_eq!(codes_on("Rhodesia", "1975-06-01"), ["ZWE"]);
    let d = dict();
    assert_eq!(
        d.adjective_with_role("Zairean", "soldiers").as_deref(),
        Some("CODMIL")
    );
    assert_eq!(
        d.adjective_with_role("Yugoslav", "officials").as_deref(),
        Some("SCGGOV")
    );
}

#[test]
fn organisations_groups_and_media() {
    assert_eq!(codes_on("United Nations", "2020-01-01"), ["IGOUNO"]);
    assert_eq!(codes_on("UN", "2020-01-01"), ["IGOUNO"]);
    assert!(codes_on("un", "2020-01-01").is_empty());
    assert!(codes_on("who", "2020-01-01").is_empty());
    assert_eq!(codes_on("Hezbollah", "2020-01-01"), ["LBNREB"]);
    assert_eq!(codes_on("Hayat Tahrir al-Sham", "2020-01-01"), ["SYRREB"]);
    assert_eq!(codes_on("Taliban", "2020-01-01"), ["AFGREB"]);
    assert_eq!(codes_on("Taliban", "2022-01-01"), ["AFGGOV"]);
    assert_eq!(codes_on("Reuters", "2020-01-01"), ["GBRMED"]);
}

#[test]
fn longest_match_over_tokens() {
    let d = dict();
    let tokens = ["Bashar", "al-Assad", "said", "on", "Monday"];
    let (n, found) = d
        .longest_match(&tokens, date("2015-09-30"))
        .expect("a match");
    assert_eq!(n, 2);
    assert_eq!(found[0].code, "SYRGOV");
    let tokens = ["the", "White", "House", "said"];
    let (n, found) = d
        .longest_match(&tokens, date("2020-01-01"))
        .expect("a match");
    assert_eq!((n, found[0].code), (3, "USAGOV"));
    assert!(
        d.longest_match(&["said", "Assad"], date("2020-01-01"))
            .is_none()
    );
}

#[test]
fn user_files_extend_the_embedded_dictionary() {
    let user = "# my additions\ngroup Example Brigade\n  names the Example Brigades\n  \
                term SYRREB 2012-01-01 2016-01-01\n";
    let d = match ActorDictionary::embedded_with(&[("mine.txt", user)]) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let found = d.lookup("Example Brigades", date("2013-05-05"));
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].code, found[0].file), ("SYRREB", "mine.txt"));
    let bad = "person Someone\n  term ZZZGOV 2012-01-01 -\n";
    let e = ActorDictionary::embedded_with(&[("mine.txt", bad)]).expect_err("unknown country");
    assert!(
        e.to_string()
            .starts_with("mine.txt:2: malformed input: unknown country code"),
        "{e}"
    );
}

#[test]
fn later_leaders_and_dated_groups() {
    assert_eq!(codes_on("Volodymyr Zelenskyy", "2023-02-24"), ["UKRGOV"]);
    assert_eq!(codes_on("Kim Jong-un", "2018-06-12"), ["PRKGOV"]);
    assert_eq!(codes_on("Rapid Support Forces", "2020-01-01"), ["SDNMIL"]);
    assert_eq!(codes_on("RSF", "2024-01-01"), ["SDNREB"]);
    assert_eq!(codes_on("Erdogan", "2010-01-01"), ["TURGOV"]);
    assert_eq!(codes_on("Recep Tayyip Erdoğan", "2020-01-01"), ["TURGOV"]);
    assert_eq!(codes_on("Benjamin Netanyahu", "2022-01-01"), ["ISROPP"]);
    assert_eq!(codes_on("Tass", "2022-01-01"), ["RUSGOVMED"]);
}

#[test]
fn officials_become_elites_after_their_last_term() {
    let people = "person Ana Example\n  names Mrs Example | Example\n  term SYRGOV 2001-01-01 2005-01-01 ; minister\n\n\
                  person Bo Example\n  term SYRREB 2001-01-01 2005-01-01\n\n\
                  person Cy Example\n  term SYRGOV 2001-01-01 2005-01-01\n  \
                  term RUSGOV 2005-01-01 2006-01-01\n\n\
                  person Ed Example\n  term SYRGOV 2001-01-01 2003-01-01\n  \
                  term SYRGOV 2008-01-01 2010-01-01\n\n\
                  person Di Example\n  term SYRGOV 2001-01-01 -\n";
    let d = match ActorDictionary::load(&[("countries.txt", COUNTRIES), ("people.txt", people)]) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let on = |name: &str, day: &str| codes_in(&d, name, day);
    // During the term, the term's code; from the day it ends, a former official of its country.
    assert_eq!(on("Ana Example", "2004-12-31"), ["SYRGOV"]);
    assert_eq!(on("Ana Example", "2005-01-01"), ["SYRELI"]);
    let former = d.lookup("Ana Example", date("2020-01-01"));
    assert_eq!(former[0].title, Some("former minister"));
    // With no date, the offices the file gives hold.
    let any: Vec<&str> = d.lookup_any("Ana Example").iter().map(|m| m.code).collect();
    assert_eq!(any, ["SYRGOV"]);
    // Years later, a bare surname is more likely someone else.
    assert_eq!(on("Example", "2004-12-31"), ["SYRGOV"]);
    assert!(on("Mrs Example", "2005-01-01").is_empty());
    assert!(on("Example", "2005-01-01").is_empty());
    // Before the first term, nothing; a rebel leader's last term implies no office.
    assert!(on("Ana Example", "2000-01-01").is_empty());
    assert!(on("Bo Example", "2010-01-01").is_empty());
    // After several terms, the last one's country; an office followed at once by another
    // implies nothing in between; a running term implies nothing.
    assert_eq!(on("Cy Example", "2007-01-01"), ["RUSELI"]);
    assert_eq!(on("Cy Example", "2005-06-01"), ["RUSGOV"]);
    assert!(on("Di Example", "1999-01-01").is_empty());
    assert_eq!(on("Di Example", "2020-01-01"), ["SYRGOV"]);
    // Between two terms, a former official until the next one starts.
    assert_eq!(on("Ed Example", "2005-01-01"), ["SYRELI"]);
    assert_eq!(on("Ed Example", "2009-01-01"), ["SYRGOV"]);
    assert_eq!(on("Ed Example", "2011-01-01"), ["SYRELI"]);
    // In the embedded dictionary: a later term the file gives (an exile) is kept and no
    // former term is added; a president with no written later term becomes a former one.
    assert_eq!(codes_on("Bashar al-Assad", "2025-10-15"), ["SYRELI"]);
    assert_eq!(codes_on("George W. Bush", "2015-01-01"), ["USAELI"]);
}

#[test]
fn european_bodies_american_bodies_the_west_and_the_soviets() {
    assert_eq!(
        codes_on("the European Court of Justice", "2005-03-16"),
        ["IGOEURJUD"]
    );
    assert_eq!(codes_on("EU Commission", "2005-03-16"), ["IGOEUREEC"]);
    assert_eq!(codes_on("Europol", "2005-03-16"), ["IGOEURCOP"]);
    assert_eq!(codes_on("Liberty", "2005-03-16"), ["GBRNGO"]);
    assert_eq!(
        codes_on("Institute for Fiscal Studies", "2005-03-16"),
        ["GBREDU"]
    );
    assert_eq!(codes_on("ODIHR", "2005-03-16"), ["IGOEUROSC"]);
    assert_eq!(codes_on("Federal Reserve", "2005-03-16"), ["USAGOV"]);
    assert_eq!(codes_on("FBI", "2005-03-16"), ["USACOP"]);
    assert_eq!(codes_on("the Soviets", "1985-01-01"), ["SUN"]);
    assert_eq!(dict().adjective_country("Soviet"), Some("SUN"));
    assert_eq!(codes_on("the West", "2005-03-16"), ["WST"]);
    // "Europe" is mostly a place ("the Europe Bridge", "missiles in Europe"), not an actor.
    assert!(codes_on("Europe", "2005-03-16").is_empty());
    assert_eq!(dict().agent_role("watchdog"), Some("GOV"));
    assert_eq!(dict().agent_role("human rights watchdog"), Some("HRI"));
}
