//! The `dyad` command: parses arguments, calls the library, maps the outcome to an exit code.

fn main() {
    println!("{}", dyad_core::licenses::text());
}
