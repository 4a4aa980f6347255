//! `dyad codebook`: looks up CAMEO codes and their PLOVER mapping in the embedded codebook.
//!
//! Without arguments it prints the twenty CAMEO roots; with a code, that code and the codes
//! below it; with `--search`, the codes whose name contains a word; with `--plover` alone, the
//! PLOVER types, modes and contexts.

use clap::Args;
use dyad_core::codebook::{CameoCode, Codebook, PloverMapping, PloverType};

use crate::Outcome;

/// The arguments of `dyad codebook`.
#[derive(Args)]
pub struct CodebookArgs {
    /// A CAMEO code (such as 14 or 1411), or a PLOVER type (such as ASSAULT) to list the CAMEO
    /// codes that map to it.
    #[arg(value_name = "CODE")]
    code: Option<String>,
    /// List the codes whose name contains WORD (ignoring letter case).
    #[arg(long, value_name = "WORD", conflicts_with = "code")]
    search: Option<String>,
    /// Show the PLOVER mapping of every listed code; alone, list the PLOVER types, their
    /// modes and the contexts.
    #[arg(long)]
    plover: bool,
}

/// Runs `dyad codebook`.
pub fn run(args: CodebookArgs) -> anyhow::Result<Outcome> {
    let book = Codebook::get()?;
    let mut out = String::new();
    let outcome = match (&args.code, &args.search) {
        (Some(code), _) => show_code(book, code, &mut out)?,
        (None, Some(word)) => show_search(book, word, args.plover, &mut out),
        (None, None) if args.plover => {
            show_plover(book, &mut out);
            Outcome::Success
        }
        (None, None) => {
            out.push_str("CAMEO roots: code, Goldstein value, name, quad class\n");
            for root in book.roots() {
                out.push_str(&line(root, 1, args.plover));
                out.push_str(&format!("  [{}]\n", root.quad_class));
            }
            out.push_str(
                "\n`dyad codebook CODE` shows a code and the codes below it; \
                 `--plover` lists the PLOVER types.\n",
            );
            Outcome::Success
        }
    };
    print!("{out}");
    Ok(outcome)
}

/// One code on one line, indented by its depth below `base_level`: code, Goldstein value,
/// name and, with `plover`, the mapping.
fn line(code: &CameoCode, base_level: usize, plover: bool) -> String {
    let indent = "  ".repeat(code.level().saturating_sub(base_level));
    let head = format!("{indent}{}", code.code);
    let mut text = format!("{head:<10}{:>6.1}  {}", code.goldstein, code.name);
    if plover {
        text.push_str(&format!("  → {}", describe(code.plover.as_ref())));
    }
    text
}

/// The PLOVER side of a code in words: type, mode and contexts.
fn describe(mapping: Option<&PloverMapping>) -> String {
    let Some(mapping) = mapping else {
        return "no PLOVER type (PLOVER dropped this CAMEO category)".to_string();
    };
    let mut text = mapping.plover_type.name().to_string();
    if let Some(mode) = &mapping.mode {
        text.push_str(&format!(", mode {mode}"));
    }
    match mapping.contexts.len() {
        0 => {}
        1 => text.push_str(&format!(", context {}", mapping.contexts[0])),
        _ => text.push_str(&format!(", contexts {}", mapping.contexts.join("; "))),
    }
    text
}

/// A CAMEO code with everything known about it and the codes below it, or, for a PLOVER type
/// name, the CAMEO codes that map to that type.
fn show_code(book: &Codebook, code: &str, out: &mut String) -> anyhow::Result<Outcome> {
    let looks_like_a_name = code.chars().any(|c| c.is_ascii_alphabetic());
    if looks_like_a_name && let Some(plover_type) = PloverType::from_any_name(code) {
        show_plover_type(book, code, plover_type, out);
        return Ok(Outcome::Success);
    }
    let entry = book.validate(code.trim())?;
    out.push_str(&format!("{}  {}\n", entry.code, entry.name));
    out.push_str(&format!("  Goldstein   {:.1}\n", entry.goldstein));
    out.push_str(&format!("  quad class  {}\n", entry.quad_class));
    if let Some(root) = book
        .root(&entry.code)
        .filter(|r| r.code != entry.code && Some(r.code.as_str()) != entry.parent())
    {
        out.push_str(&format!("  root        {}  {}\n", root.code, root.name));
    }
    if let Some(parent) = entry.parent().and_then(|p| book.code(p)) {
        out.push_str(&format!("  parent      {}  {}\n", parent.code, parent.name));
    }
    out.push_str(&format!(
        "  PLOVER      {}\n",
        describe(entry.plover.as_ref())
    ));
    let below: Vec<&CameoCode> = book
        .codes()
        .filter(|c| c.code.len() > entry.code.len() && c.code.starts_with(&entry.code))
        .collect();
    if !below.is_empty() {
        out.push_str("\nCodes below it:\n");
        for child in below {
            out.push_str(&line(child, entry.level(), true));
            out.push('\n');
        }
    }
    Ok(Outcome::Success)
}

/// The codes whose name contains a word.
fn show_search(book: &Codebook, word: &str, plover: bool, out: &mut String) -> Outcome {
    let found = book.search(word);
    if found.is_empty() {
        eprintln!("dyad: no CAMEO code name contains {word:?}");
        return Outcome::Failure;
    }
    for code in found {
        out.push_str(&line(code, code.level(), plover));
        out.push('\n');
    }
    Outcome::Success
}

/// One PLOVER type: its quad class, modes and the CAMEO codes that map to it.
fn show_plover_type(book: &Codebook, asked: &str, plover_type: PloverType, out: &mut String) {
    if !asked.trim().eq_ignore_ascii_case(plover_type.name()) {
        out.push_str(&format!(
            "{} is an older PLOVER name; the current type is {plover_type}.\n",
            asked.trim().to_ascii_uppercase()
        ));
    }
    if let Some(info) = book.plover_type(plover_type) {
        out.push_str(&format!("{plover_type}  [{}]\n", info.quad_class));
        out.push_str(&format!("  modes  {}\n", modes(&info.modes)));
    }
    out.push_str("\nCAMEO codes mapped to it:\n");
    for code in book.codes_for_plover(plover_type) {
        out.push_str(&line(code, code.level(), true));
        out.push('\n');
    }
}

/// The PLOVER vocabulary: types with their quad classes and modes, the contexts, and the
/// older names.
fn show_plover(book: &Codebook, out: &mut String) {
    out.push_str("PLOVER event types: name, quad class, modes\n");
    for plover_type in PloverType::ALL {
        if let Some(info) = book.plover_type(plover_type) {
            out.push_str(&format!(
                "{:<10} {:<24} {}\n",
                plover_type.name(),
                info.quad_class.to_string(),
                modes(&info.modes)
            ));
        }
    }
    out.push_str(&format!(
        "\nContexts: {}\n",
        book.plover_contexts().join(", ")
    ));
    out.push_str(
        "\nOlder names (PLOVER 0.5, as in its gold records): DEMAND → REQUEST, \
         DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT\n",
    );
}

/// A list of modes, or `-` for none.
fn modes(modes: &[String]) -> String {
    if modes.is_empty() {
        "-".to_string()
    } else {
        modes.join(", ")
    }
}
