//! The compact binary format of model files: a magic number, a format version and a model
//! kind, then little-endian fields. Reading checks every length against what is left, so a
//! truncated or corrupted file is an [`Error`], never a panic.

use crate::error::{Error, Location, Result};

/// The first bytes of every dyad model file.
pub const MAGIC: &[u8; 8] = b"DYADMDL\0";

/// The version of the format written by this code.
pub const VERSION: u32 = 1;

/// Builds a model file in memory.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// An empty file.
    pub fn new() -> Self {
        Writer::default()
    }

    /// Starts a model file of the given kind (such as `b"tagger\0\0"`).
    pub fn with_header(kind: &[u8; 8]) -> Self {
        let mut w = Writer::new();
        w.bytes.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.bytes.extend_from_slice(kind);
        w
    }

    /// Appends a byte.
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// Appends a 16-bit unsigned integer.
    pub fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a 16-bit signed integer.
    pub fn i16(&mut self, v: i16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a 32-bit unsigned integer.
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a 32-bit float.
    pub fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends a length-prefixed list of strings.
    pub fn strs(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }

    /// The finished file.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads a model file, checking bounds at every step.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    /// A reader over raw bytes; `name` names the file in errors.
    pub fn new(bytes: &'a [u8], name: &'a str) -> Self {
        Reader { bytes, at: 0, name }
    }

    /// A reader positioned after a checked header of the given kind.
    pub fn with_header(bytes: &'a [u8], name: &'a str, kind: &[u8; 8]) -> Result<Self> {
        let mut r = Reader::new(bytes, name);
        if r.bytes(8)? != MAGIC {
            return Err(r.error("not a dyad model file (bad magic number)"));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(r.error(&format!(
                "model format version {version}, this build reads version {VERSION}"
            )));
        }
        if r.bytes(8)? != kind {
            return Err(r.error("the file holds another kind of model"));
        }
        Ok(r)
    }

    /// An error naming the file and the byte offset.
    pub fn error(&self, why: &str) -> Error {
        Error::Malformed(
            Location::file(self.name),
            format!("model file at byte {}: {why}", self.at),
        )
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(self.error("truncated file"));
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let b = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(b);
        Ok(out)
    }

    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// Reads a 16-bit unsigned integer.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// Reads a 16-bit signed integer.
    pub fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    /// Reads a 32-bit unsigned integer.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// Reads a 32-bit float.
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> Result<String> {
        let n = self.u32()? as usize;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.error("string is not UTF-8"))
    }

    /// Reads a length-prefixed list of strings.
    pub fn strs(&mut self) -> Result<Vec<String>> {
        let n = self.u32()? as usize;
        if n > self.remaining() / 4 {
            return Err(self.error("list longer than the file"));
        }
        (0..n).map(|_| self.str()).collect()
    }

    /// Fails unless every byte was read.
    pub fn finish(&self) -> Result<()> {
        if self.remaining() != 0 {
            return Err(self.error("trailing bytes after the model"));
        }
        Ok(())
    }
}
