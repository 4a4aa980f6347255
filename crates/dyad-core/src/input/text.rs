//! Plain-text articles: a first line followed by a blank line is the title, blank lines
//! separate paragraphs, and single line breaks inside a paragraph are folded away.

use crate::document::BlockKind;

/// Splits plain text into blocks.
pub fn blocks(text: &str) -> Vec<(BlockKind, String)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let first_line_is_title = {
        let trimmed = text.trim_start();
        match trimmed.split_once('\n') {
            Some((first, rest)) => {
                !first.trim().is_empty() && rest.trim_start_matches([' ', '\t']).starts_with('\n')
            }
            None => false,
        }
    };
    paragraphs
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = if i == 0 && first_line_is_title {
                BlockKind::Title
            } else {
                BlockKind::Paragraph
            };
            (kind, p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_paragraphs() {
        let b = blocks("Headline here\n\nFirst line\nwraps on.\n\n\nSecond.\n");
        assert_eq!(
            b,
            vec![
                (BlockKind::Title, "Headline here".to_string()),
                (BlockKind::Paragraph, "First line wraps on.".to_string()),
                (BlockKind::Paragraph, "Second.".to_string()),
            ]
        );
    }

    #[test]
    fn no_title_without_blank_line() {
        let b = blocks("One line\nand another.\n");
        assert_eq!(
            b,
            vec![(BlockKind::Paragraph, "One line and another.".to_string())]
        );
    }
}
