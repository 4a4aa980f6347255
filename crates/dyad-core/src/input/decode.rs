//! Decoding input bytes into text: gzip, byte-order marks, declared charsets, and the
//! Windows-1252 fallback for undeclared legacy text.
//!
//! It turns bytes into a `String` or an error naming the input; it does not look at what the
//! text says. Binary data and corrupt UTF-8 are errors, never silently mangled text.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::{Error, Location, Result};

/// How a text was decoded, for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// Valid UTF-8 (with or without a byte-order mark).
    Utf8,
    /// A charset the input declared.
    Declared(&'static Encoding),
    /// Windows-1252, guessed for undeclared bytes that are not UTF-8.
    Fallback,
}

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses gzip data (all members), or says where it broke.
pub fn gunzip(bytes: &[u8], name: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    decoder
        .read_to_end(&mut out)
        .map_err(|e| Error::Compression(Location::file(name), e.to_string()))?;
    Ok(out)
}

/// Decompresses when the bytes are gzip, otherwise returns them as they are.
pub fn maybe_gunzip<'a>(bytes: &'a [u8], name: &str) -> Result<std::borrow::Cow<'a, [u8]>> {
    if is_gzip(bytes) {
        Ok(std::borrow::Cow::Owned(gunzip(bytes, name)?))
    } else {
        Ok(std::borrow::Cow::Borrowed(bytes))
    }
}

/// Decodes (already decompressed) bytes into text.
///
/// Order: a byte-order mark; a charset declared in the first 2 KB (`<meta charset>`,
/// `http-equiv` content type, an XML declaration); valid UTF-8; and, for bytes that hold no
/// valid multibyte UTF-8 sequence at all, Windows-1252 (a superset of printable Latin-1).
/// Bytes with NULs or many control characters are binary; bytes that mix valid and invalid
/// UTF-8 are corrupt UTF-8. Both are errors naming the input and the byte.
pub fn decode(bytes: &[u8], name: &str) -> Result<(String, Decoded)> {
    let loc = || Location::file(name);
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && encoding == UTF_8 {
            let at = first_invalid_utf8(&bytes[bom_len..]).unwrap_or(0) + bom_len;
            return Err(Error::Malformed(
                loc(),
                format!("invalid UTF-8 at byte {at}"),
            ));
        }
        return Ok((
            text.into_owned(),
            if encoding == UTF_8 {
                Decoded::Utf8
            } else {
                Decoded::Declared(encoding)
            },
        ));
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(Error::Binary(loc(), reason));
    }
    let declared = declared_charset(bytes);
    if let Some(encoding) = declared.filter(|e| *e != UTF_8) {
        let (text, _, _) = encoding.decode(bytes);
        return Ok((text.into_owned(), Decoded::Declared(encoding)));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Decoded::Utf8)),
        Err(err) => {
            let valid_multibyte = has_valid_multibyte(bytes);
            if declared == Some(UTF_8) || valid_multibyte {
                Err(Error::Malformed(
                    loc(),
                    format!("invalid UTF-8 at byte {}", err.valid_up_to()),
                ))
            } else {
                let (text, _, _) = WINDOWS_1252.decode(bytes);
                Ok((text.into_owned(), Decoded::Fallback))
            }
        }
    }
}

fn first_invalid_utf8(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
}

/// Why the bytes look binary, if they do: a NUL byte, or more than 1 in 20 bytes of control
/// characters other than tab, newline, carriage return and form feed.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = sample.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at {pos}"));
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) || b == 0x7f)
        .count();
    (controls * 20 > sample.len()).then(|| {
        format!(
            "{controls} control bytes in the first {} bytes",
            sample.len()
        )
    })
}

/// True when the bytes contain at least one well-formed multibyte UTF-8 sequence.
fn has_valid_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                if !good.is_ascii() {
                    return true;
                }
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
}

/// The charset declared in the first 2 KB: `charset=...` in a meta tag or content type, or
/// `encoding="..."` in an XML declaration.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(pos) = head[from..].find(key) {
            let value_start = from + pos + key.len();
            let value: String = head[value_start..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(encoding) = Encoding::for_label(value.as_bytes()) {
                return Some(encoding);
            }
            from = value_start;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("caf\u{e9}".as_bytes(), "a").unwrap().0, "caf\u{e9}");
        assert_eq!(decode(b"\xef\xbb\xbfhi", "a").unwrap().0, "hi");
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        let (text, how) = decode(b"caf\xe9 \x93quoted\x94", "a").unwrap();
        assert_eq!(text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert_eq!(how, Decoded::Fallback);
    }

    #[test]
    fn declared_charset_wins() {
        let html = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode(html, "a").unwrap().0.contains("caf\u{e9}"));
    }

    #[test]
    fn corrupt_utf8_and_binary_are_errors() {
        let err = decode(
            "caf\u{e9} "
                .as_bytes()
                .iter()
                .copied()
                .chain([0xff, b'x'])
                .collect::<Vec<_>>()
                .as_slice(),
            "bad.txt",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("bad.txt: malformed input: invalid UTF-8 at byte 6"),
            "{err}"
        );
        let err = decode(b"\x00\x01\x02junk", "junk.bin").unwrap_err();
        assert!(
            err.to_string().starts_with("junk.bin: binary data"),
            "{err}"
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"hello world, hello world, hello world")
            .unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(
            gunzip(&gz, "a.gz").unwrap(),
            b"hello world, hello world, hello world"
        );
        let err = gunzip(&gz[..gz.len() - 6], "a.gz").unwrap_err();
        assert!(
            err.to_string().starts_with("a.gz: corrupt or truncated"),
            "{err}"
        );
    }
}
