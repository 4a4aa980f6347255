//! Build script: makes the bundled entity model available to `include_bytes!`.
//!
//! It copies `models/ner.bin` into the build's output folder, or writes an empty file when
//! the model is absent (a checkout without it still builds; the entity stage then says that no
//! model is bundled).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let model = manifest.join("../../models/ner.bin");
    println!("cargo::rerun-if-changed={}", model.display());
    let bytes = std::fs::read(&model).unwrap_or_default();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("ner.bin");
    std::fs::write(out, bytes).expect("the build's output folder is writable");
}
