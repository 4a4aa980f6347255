//! Actor codes in the CAMEO style: three-letter segments, a root (a country or a non-state
//! root such as `IGO`) followed by roles and organisation segments, as in `SYRGOV`,
//! `RUSMIL`, `IGOUNOHLHWHO` or `PSEREBHMS`.
//!
//! Country roots are ISO 3166-1 alpha-3 codes (dyad's countries file defines them). Role words
//! met in text ("officials", "warplanes") carry only a role; [`combine`] puts the country of
//! their context in front: "Syrian officials" is `SYR` + `GOV` = `SYRGOV`.

/// Roots that are not countries: organisations and CAMEO's regions.
pub const NON_STATE_ROOTS: &[(&str, &str)] = &[
    ("IGO", "intergovernmental organisation"),
    ("NGO", "non-governmental organisation"),
    ("IMG", "international militarised group"),
    ("MNC", "multinational corporation"),
    ("UIS", "unidentified state actor"),
    ("AFR", "region: Africa"),
    ("ASA", "region: Asia"),
    ("BLK", "region: Balkans"),
    ("CAS", "region: Central Asia"),
    ("CAU", "region: Caucasus"),
    ("CRB", "region: Caribbean"),
    ("EAF", "region: East Africa"),
    ("EEU", "region: Eastern Europe"),
    ("EUR", "region: Europe"),
    ("LAM", "region: Latin America"),
    ("MDS", "region: Mediterranean"),
    ("MEA", "region: Middle East"),
    ("NAF", "region: North Africa"),
    ("NMR", "region: North America"),
    ("PGS", "region: Persian Gulf"),
    ("SAF", "region: Southern Africa"),
    ("SAM", "region: South America"),
    ("SAS", "region: South Asia"),
    ("SCN", "region: Scandinavia"),
    ("SEA", "region: Southeast Asia"),
    ("WAF", "region: West Africa"),
    ("WST", "region: the West"),
];

/// The role segments that role words (agents) may carry, with their meaning.
pub const ROLES: &[(&str, &str)] = &[
    ("GOV", "government: executive, officials, diplomats"),
    ("MIL", "military: armed forces of a state"),
    ("REB", "rebels, militants, insurgents"),
    ("OPP", "political opposition, protesters, activists"),
    ("PTY", "political party"),
    ("COP", "police"),
    ("JUD", "judiciary"),
    ("LEG", "legislature"),
    ("SPY", "intelligence services"),
    ("MED", "media and journalists"),
    (
        "EDU",
        "education and research: analysts, experts, academics",
    ),
    ("BUS", "business"),
    ("CRM", "criminals"),
    ("CVL", "civilians"),
    ("LAB", "labour"),
    ("HLH", "health workers"),
    ("REF", "refugees and displaced people"),
    ("AGR", "agriculture"),
    ("ELI", "elites: former officials, notables"),
    ("HRI", "human rights"),
    ("REL", "religious bodies and leaders"),
    ("ENV", "environment"),
    ("DEV", "development"),
    ("RAD", "radicals"),
    ("MOD", "moderates"),
    ("UAF", "unidentified armed forces"),
    ("SEP", "separatists"),
    ("NGO", "non-governmental organisations"),
    ("IGO", "intergovernmental organisations"),
];

/// True when `code` is one or more segments of three ASCII capitals.
pub fn well_formed(code: &str) -> bool {
    !code.is_empty()
        && code.as_bytes().chunks_exact(3).remainder().is_empty()
        && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// True when `root` is a non-state root (`IGO`, `NGO`, a region...).
pub fn is_non_state_root(root: &str) -> bool {
    NON_STATE_ROOTS.iter().any(|(r, _)| *r == root)
}

/// True when every segment of `code` is a known role.
pub fn is_role(code: &str) -> bool {
    well_formed(code)
        && code
            .as_bytes()
            .chunks(3)
            .all(|seg| ROLES.iter().any(|(r, _)| r.as_bytes() == seg))
}

/// The code of a role word in the context of a country or another root: `combine("SYR",
/// "GOV")` is `SYRGOV`. A role already starting with the root is returned unchanged.
pub fn combine(root: &str, role: &str) -> String {
    if role.starts_with(root) {
        return role.to_string();
    }
    let mut code = String::with_capacity(root.len() + role.len());
    code.push_str(root);
    code.push_str(role);
    code
}

/// The first segment of a code (its country or non-state root).
pub fn root(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Countries that split off an older state, with the day of independence (year, month,
/// day) and the state their land belonged to before it: Juba was in Sudan until 2011.
pub const SUCCESSOR_STATES: &[(&str, (i32, u8, u8), &str)] =
    &[("SSD", (2011, 7, 9), "SDN"), ("ERI", (1993, 5, 24), "ETH")];

/// The state a country's land belonged to on `date`: the older state before a successor's
/// independence (`SSD` before 2011-07-09 is `SDN`), else the country itself.
pub fn state_on(country: &str, date: super::date::Date) -> &str {
    SUCCESSOR_STATES
        .iter()
        .find(|(code, _, _)| *code == country)
        .filter(|(_, (y, m, d), _)| {
            super::date::Date::new(*y, *m, *d).is_some_and(|founded| date < founded)
        })
        .map_or(country, |(_, _, former)| former)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_roles() {
        assert!(well_formed("SYRGOV"));
        assert!(!well_formed("SYRGO"));
        assert!(!well_formed("syrgov"));
        assert!(is_role("GOV"));
        assert!(is_role("GOVMED"));
        assert!(!is_role("XYZ"));
        assert!(is_non_state_root("IGO"));
        assert_eq!(combine("RUS", "MIL"), "RUSMIL");
        assert_eq!(root("SYRGOV"), "SYR");
    }

    #[test]
    fn a_successor_state_is_its_older_state_before_independence() {
        let day = |t: &str| super::super::date::Date::parse(t).unwrap();
        assert_eq!(state_on("SSD", day("2010-05-01")), "SDN");
        assert_eq!(state_on("SSD", day("2011-07-09")), "SSD");
        assert_eq!(state_on("SYR", day("1990-01-01")), "SYR");
    }
}
