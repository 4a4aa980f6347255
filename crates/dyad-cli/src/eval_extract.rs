//! `dyad eval extract DIR`: scores main-text extraction on the article-extraction-benchmark
//! (`DIR/ground-truth.json` and `DIR/html/<key>.html.gz`) and times it.
//!
//! The command reads the files; the library decodes, extracts and scores. Only decoding and
//! extraction are timed, one page after another on this thread, so pages per second is a
//! single-core figure.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use dyad_core::eval::extract::{PageScore, score_page, summarize};
use dyad_core::input::{decode, html};

/// Arguments of `dyad eval extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The benchmark folder, holding `ground-truth.json` and `html/`.
    pub dir: PathBuf,
    /// Fail (exit status 1) when F1 is below this.
    #[arg(long)]
    pub min_f1: Option<f64>,
    /// Fail (exit status 1) when fewer pages than this are extracted per second.
    #[arg(long)]
    pub min_pages_per_second: Option<f64>,
    /// Also list this many pages with the lowest F1, worst first.
    #[arg(long, default_value_t = 0)]
    pub worst: usize,
}

#[derive(serde::Deserialize)]
struct Truth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Runs the evaluation, prints the figures and returns whether every threshold was met.
pub fn run(args: &ExtractArgs) -> Result<bool> {
    let truth_path = args.dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("cannot read {}", truth_path.display()))?;
    let truths: BTreeMap<String, Truth> = serde_json::from_str(&truth_text)
        .with_context(|| format!("{} is not the benchmark's JSON", truth_path.display()))?;
    if truths.is_empty() {
        bail!("{} lists no pages", truth_path.display());
    }
    let mut pages = Vec::with_capacity(truths.len());
    for key in truths.keys() {
        let path = args.dir.join("html").join(format!("{key}.html.gz"));
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        pages.push((path.display().to_string(), bytes));
    }

    let mut elapsed = Duration::ZERO;
    let mut scores: Vec<(PageScore, &str, &str)> = Vec::with_capacity(pages.len());
    for ((key, truth), (name, bytes)) in truths.iter().zip(&pages) {
        let start = Instant::now();
        let text = decode::gunzip(bytes, name).and_then(|raw| decode::decode(&raw, name));
        let extracted = text.map(|(text, _)| html::extract(&text));
        elapsed += start.elapsed();
        let predicted = match extracted {
            Ok(page) => page
                .blocks
                .iter()
                .map(|(_, text)| text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n"),
            Err(e) => {
                eprintln!("warning: {e}");
                String::new()
            }
        };
        scores.push((
            score_page(&truth.article_body, &predicted),
            key.as_str(),
            truth.url.as_str(),
        ));
    }
    let summary = summarize(&scores.iter().map(|(s, _, _)| *s).collect::<Vec<_>>());
    let per_second = summary.pages as f64 / elapsed.as_secs_f64().max(1e-9);
    println!("pages      {}", summary.pages);
    println!("precision  {:.4}", summary.precision);
    println!("recall     {:.4}", summary.recall);
    println!("F1         {:.4}", summary.f1);
    println!(
        "pages/s    {per_second:.1} ({:.3} s decoding and extracting, one thread)",
        elapsed.as_secs_f64()
    );
    if args.worst > 0 {
        let f1 = |s: &PageScore| {
            let (p, r) = (s.precision(), s.recall());
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let mut ranked: Vec<_> = scores.iter().collect();
        ranked.sort_by(|a, b| f1(&a.0).total_cmp(&f1(&b.0)));
        println!("\nworst pages (F1 P R key url)");
        for (score, key, url) in ranked.into_iter().take(args.worst) {
            println!(
                "{:.3} {:.3} {:.3} {key} {url}",
                f1(score),
                score.precision(),
                score.recall()
            );
        }
    }
    let mut ok = crate::threshold::at_least("F1", summary.f1, args.min_f1);
    ok &= crate::threshold::at_least("pages per second", per_second, args.min_pages_per_second);
    Ok(ok)
}
