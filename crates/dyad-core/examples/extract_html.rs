//! Prints what the HTML extractor finds in one page (plain or gzipped), for looking at
//! extraction by eye: `cargo run --example extract_html -- page.html.gz`.

use dyad_core::input::{decode, html};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_html PAGE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let text = decode::maybe_gunzip(&bytes, &path).and_then(|raw| decode::decode(&raw, &path));
    let text = match text {
        Ok((text, _)) => text,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let page = html::extract(&text);
    println!("title:     {:?}", page.title);
    println!("published: {:?}", page.published);
    println!("site:      {:?}", page.site_name);
    println!("url:       {:?}", page.url);
    println!("lang:      {:?}", page.lang);
    for (kind, text) in &page.blocks {
        println!("[{kind:?}] {text}");
    }
}
