//! Reading inputs for the commands: files, directories and standard input, as bytes with
//! the name errors should use. The library decodes and parses; this module only does I/O.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// One input's bytes and its name for messages.
pub struct Input {
    /// The path as the user wrote it, or `-`.
    pub name: String,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

/// Expands the paths the user gave: a directory gives its files (recursively, sorted, hidden
/// files skipped); `-` is standard input. Missing paths are returned as errors in place, so
/// the rest of the batch goes on.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, anyhow::Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(path.clone()));
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                out.push(Err(e));
            }
            files.sort();
            out.extend(files.into_iter().map(Ok));
        } else if path.exists() {
            out.push(Ok(path.clone()));
        } else {
            out.push(Err(anyhow::anyhow!(
                "{}: no such file or directory",
                path.display()
            )));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read directory", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read directory", dir.display()))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads one path (or standard input for `-`).
pub fn read(path: &Path) -> anyhow::Result<Input> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("-: cannot read standard input")?;
        return Ok(Input {
            name: "-".into(),
            bytes,
        });
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(Input {
        name: path.display().to_string(),
        bytes,
    })
}
