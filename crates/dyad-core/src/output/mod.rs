//! Writing coded documents: the coded-article JSON ([`json`]) and a terminal table
//! ([`table`]). Output never changes a document; it only renders it.

pub mod json;
pub mod table;
