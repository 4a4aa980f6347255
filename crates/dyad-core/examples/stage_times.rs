//! Prints how long each pipeline resource takes to load (a tuning aid, not a test).
fn main() {
    let t = std::time::Instant::now();
    let _ = dyad_core::parse::model::embedded();
    println!("parse models {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _ = dyad_core::actors::embedded_dictionary();
    println!("actor dictionary {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _ = dyad_core::places::embedded_gazetteer();
    println!("gazetteer {:?}", t.elapsed());
}
