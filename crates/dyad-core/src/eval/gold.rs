//! Scoring coded documents against `dyad-gold/1` files (see `shared/spec/gold-format.md`).
