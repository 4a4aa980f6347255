//! The places gazetteer: cities of 15,000+ people, countries and first-level divisions, looked
//! up by name.
//!
//! The data are generated from GeoNames (CC BY 4.0) and countryinfo (MIT) by
//! `scripts/gen_gazetteer.py` into `data/places/*.tsv` and compiled into the library. Names are
//! matched after the same normalisation as actor names ([`crate::actors::name::normalize`]):
//! "Tartus", "Ţarţūs" and "TARTUS" are one key. A lookup returns every candidate, most
//! populous first; [`Gazetteer::lookup_preferring`] puts the places of given countries first,
//! which is how the entity stage will choose "Latakia, Syria" over a namesake.

use std::collections::HashMap;

use crate::actors::name::normalize;
use crate::error::{Error, Location, Result};

/// The gazetteer files compiled into dyad, as `(file name, text)` pairs.
const CITIES: (&str, &str) = (
    "data/places/cities.tsv",
    include_str!("../../../data/places/cities.tsv"),
);
const COUNTRIES: (&str, &str) = (
    "data/places/countries.tsv",
    include_str!("../../../data/places/countries.tsv"),
);
const DIVISIONS: (&str, &str) = (
    "data/places/divisions.tsv",
    include_str!("../../../data/places/divisions.tsv"),
);

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country's capital.
    Capital,
    /// Another city of 15,000+ people.
    City,
    /// A first-level division of a country (a province, governorate or state).
    Division,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The GeoNames id (0 for divisions, which come without one).
    pub geonameid: u32,
    /// The name as GeoNames writes it ("Ţarţūs").
    pub name: Box<str>,
    /// The name in ASCII ("Tartus").
    pub ascii_name: Box<str>,
    /// The ISO 3166-1 alpha-3 code of the country.
    pub country: Box<str>,
    /// The GeoNames code of the first-level division, when known.
    pub admin1: Box<str>,
    /// Capital, city or division.
    pub kind: PlaceKind,
    /// Latitude and longitude in degrees, when known (divisions have none).
    pub coordinates: Option<(f64, f64)>,
    /// The population (0 when unknown).
    pub population: u64,
    alternate_names: Box<str>,
}

impl Place {
    /// The other names of the place (Latin script), as GeoNames lists them.
    pub fn alternate_names(&self) -> impl Iterator<Item = &str> {
        self.alternate_names.split('|').filter(|n| !n.is_empty())
    }
}

/// One country of the gazetteer, with its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRecord {
    /// ISO 3166-1 alpha-2 code.
    pub iso2: Box<str>,
    /// ISO 3166-1 alpha-3 code.
    pub iso3: Box<str>,
    /// FIPS 10-4 code (used by some event data sets), when there is one.
    pub fips: Box<str>,
    /// English short name.
    pub name: Box<str>,
    /// The capital's name, when there is one.
    pub capital: Box<str>,
    /// Population.
    pub population: u64,
    /// GeoNames id.
    pub geonameid: u32,
}

/// The places gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    countries: Vec<CountryRecord>,
    index: HashMap<String, Vec<u32>>,
}

impl Gazetteer {
    /// The gazetteer compiled into dyad.
    pub fn embedded() -> Result<Gazetteer> {
        Gazetteer::load(CITIES, COUNTRIES, DIVISIONS)
    }

    /// Reads a gazetteer from its three files, given as `(file name, text)` pairs in the
    /// layout `scripts/gen_gazetteer.py` writes (tab-separated, one header line).
    pub fn load(
        cities: (&str, &str),
        countries: (&str, &str),
        divisions: (&str, &str),
    ) -> Result<Gazetteer> {
        let mut g = Gazetteer::default();
        for (n, fields) in rows(countries, 7)? {
            let bad = |why: String| Error::Malformed(Location::line(countries.0, n), why);
            g.countries.push(CountryRecord {
                iso2: fields[0].into(),
                iso3: iso3(fields[1]).map_err(bad)?.into(),
                fips: fields[2].into(),
                name: fields[3].into(),
                capital: fields[4].into(),
                population: number(fields[5], "population").map_err(bad)?,
                geonameid: number(fields[6], "geonameid").map_err(bad)?,
            });
        }
        for (n, f) in rows(cities, 10)? {
            let bad = |why: String| Error::Malformed(Location::line(cities.0, n), why);
            let kind = match f[5] {
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                other => return Err(bad(format!("unknown kind {other:?}"))),
            };
            let lat: f64 = number(f[6], "latitude").map_err(bad)?;
            let lon: f64 = number(f[7], "longitude").map_err(bad)?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(bad(format!("coordinates out of range: {lat}, {lon}")));
            }
            g.places.push(Place {
                geonameid: number(f[0], "geonameid").map_err(bad)?,
                name: f[1].into(),
                ascii_name: f[2].into(),
                country: iso3(f[3]).map_err(bad)?.into(),
                admin1: f[4].into(),
                kind,
                coordinates: Some((lat, lon)),
                population: number(f[8], "population").map_err(bad)?,
                alternate_names: f[9].into(),
            });
        }
        for (n, f) in rows(divisions, 2)? {
            let bad = |why: String| Error::Malformed(Location::line(divisions.0, n), why);
            g.places.push(Place {
                geonameid: 0,
                name: f[1].into(),
                ascii_name: f[1].into(),
                country: iso3(f[0]).map_err(bad)?.into(),
                admin1: "".into(),
                kind: PlaceKind::Division,
                coordinates: None,
                population: 0,
                alternate_names: "".into(),
            });
        }
        g.build_index();
        Ok(g)
    }

    /// The places called `name`, most populous first (cities before divisions of one name).
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        match self.index.get(&normalize(name)) {
            Some(ids) => ids.iter().map(|&i| &self.places[i as usize]).collect(),
            None => Vec::new(),
        }
    }

    /// The places called `name`, those in one of the `preferred` countries (ISO3 codes, such
    /// as the countries already named in an article) first, each group most populous first.
    pub fn lookup_preferring(&self, name: &str, preferred: &[&str]) -> Vec<&Place> {
        let mut found = self.lookup(name);
        found.sort_by_key(|p| !preferred.contains(&&*p.country));
        found
    }

    /// The best place called `name` given the preferred countries: the most populous in one of
    /// them, or else the most populous anywhere.
    pub fn best(&self, name: &str, preferred: &[&str]) -> Option<&Place> {
        self.lookup_preferring(name, preferred).into_iter().next()
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&CountryRecord> {
        self.countries.iter().find(|c| &*c.iso3 == iso3)
    }

    /// The country with this FIPS 10-4 code.
    pub fn country_by_fips(&self, fips: &str) -> Option<&CountryRecord> {
        self.countries
            .iter()
            .find(|c| !c.fips.is_empty() && &*c.fips == fips)
    }

    /// All countries, in ISO3 order.
    pub fn countries(&self) -> &[CountryRecord] {
        &self.countries
    }

    /// The number of places (cities and divisions).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    fn build_index(&mut self) {
        let mut index: HashMap<String, Vec<u32>> = HashMap::with_capacity(self.places.len() * 4);
        for (i, place) in self.places.iter().enumerate() {
            let Ok(id) = u32::try_from(i) else { break };
            let names = [&*place.name, &*place.ascii_name]
                .into_iter()
                .chain(place.alternate_names());
            for name in names {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                let ids = index.entry(key).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        for ids in index.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(self.places[i as usize].population));
        }
        self.index = index;
    }
}

/// The data rows of a tab-separated file with `columns` columns, with their line numbers.
fn rows<'t>((file, text): (&str, &'t str), columns: usize) -> Result<Vec<(usize, Vec<&'t str>)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            return Err(Error::Malformed(
                Location::line(file, i + 1),
                format!(
                    "expected {columns} tab-separated fields, found {}",
                    fields.len()
                ),
            ));
        }
        out.push((i + 1, fields));
    }
    Ok(out)
}

/// A number field.
fn number<T: std::str::FromStr>(text: &str, what: &str) -> std::result::Result<T, String> {
    text.parse()
        .map_err(|_| format!("bad {what} {text:?}: not a number"))
}

/// An ISO3 country code field.
fn iso3(text: &str) -> std::result::Result<&str, String> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(text)
    } else {
        Err(format!(
            "bad country code {text:?}: expected three capitals"
        ))
    }
}

/// The embedded gazetteer, loaded once on first use; `Err` holds the load error's message.
pub fn embedded_gazetteer() -> std::result::Result<&'static Gazetteer, &'static str> {
    static GAZETTEER: std::sync::OnceLock<std::result::Result<Gazetteer, String>> =
        std::sync::OnceLock::new();
    GAZETTEER
        .get_or_init(|| Gazetteer::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}

/// Starts loading the embedded gazetteer on a background thread, once, so that it is ready
/// (or nearly) when the places stage needs it; loading takes about 100 ms.
pub fn prefetch() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        std::thread::spawn(|| {
            let _ = embedded_gazetteer();
        });
    });
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;
    use std::time::Instant;

    use super::*;

    fn gazetteer() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let start = Instant::now();
            let g = match Gazetteer::embedded() {
                Ok(g) => g,
                Err(e) => panic!("the embedded gazetteer does not load: {e}"),
            };
            println!(
                "gazetteer: {} places loaded in {:?}",
                g.len(),
                start.elapsed()
            );
            g
        })
    }

    fn near(place: &Place, lat: f64, lon: f64) -> bool {
        place
            .coordinates
            .is_some_and(|(a, b)| (a - lat).abs() < 0.1 && (b - lon).abs() < 0.1)
    }

    #[test]
    fn syrian_and_russian_cities() {
        let g = gazetteer();
        let latakia = g.best("Latakia", &[]).expect("Latakia");
        assert_eq!(&*latakia.country, "SYR");
        assert!(near(latakia, 35.52, 35.79), "{latakia:?}");
        assert_eq!(&*g.best("Tartus", &[]).expect("Tartus").country, "SYR");
        assert_eq!(&*g.best("Tartous", &[]).expect("Tartous").country, "SYR");
        assert_eq!(&*g.best("Idlib", &[]).expect("Idlib").country, "SYR");
        let moscow = g.best("Moscow", &[]).expect("Moscow");
        assert_eq!(&*moscow.country, "RUS");
        assert_eq!(moscow.kind, PlaceKind::Capital);
        assert!(near(moscow, 55.75, 37.62), "{moscow:?}");
        let damascus = g.best("Damascus", &[]).expect("Damascus");
        assert_eq!(&*damascus.country, "SYR");
    }

    #[test]
    fn preferred_countries_come_first() {
        let g = gazetteer();
        let all = g.lookup("Moscow");
        assert!(all.len() > 1, "Moscow, Russia and Moscow, Idaho");
        assert_eq!(&*g.best("Moscow", &["USA"]).expect("Moscow").country, "USA");
        let tripoli = g.lookup_preferring("Tripoli", &["LBN"]);
        assert_eq!(&*tripoli[0].country, "LBN");
        assert_eq!(&*g.best("Tripoli", &[]).expect("Tripoli").country, "LBY");
    }

    #[test]
    fn countries_and_divisions() {
        let g = gazetteer();
        let syria = g.country("SYR").expect("Syria");
        assert_eq!(
            (&*syria.iso2, &*syria.fips, &*syria.capital),
            ("SY", "SY", "Damascus")
        );
        assert_eq!(g.country_by_fips("UK").map(|c| &*c.iso3), Some("GBR"));
        assert!(
            g.lookup("Idlib")
                .iter()
                .any(|p| p.kind == PlaceKind::Division)
        );
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let countries = ("c.tsv", "header\nSY\tSYR\tSY\tSyria\tDamascus\t1\t2\n");
        let divisions = ("d.tsv", "header\n");
        let cities = ("x.tsv", "header\n1\tA\tA\tSYR\t01\tcity\t91\t0\t5\t\n");
        let e = Gazetteer::load(cities, countries, divisions).expect_err("bad latitude");
        assert!(
            e.to_string()
                .starts_with("x.tsv:2: malformed input: coordinates"),
            "{e}"
        );
        let cities = ("x.tsv", "header\n1\tA\tA\tSYR\n");
        let e = Gazetteer::load(cities, countries, divisions).expect_err("short row");
        assert!(e.to_string().starts_with("x.tsv:2:"), "{e}");
    }
}
