//! Word tokens with byte spans: the unit the person and office recognisers work on.

use bilateral_model::Span;

/// A word of a sentence: letters, digits, and inner hyphens, apostrophes and periods
/// ("Kivi-oja", "Côte d'Ivoire" as two words, "U.S.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl Word<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
}

fn is_joiner(ch: char) -> bool {
    matches!(ch, '-' | '\'' | '’' | '.' | '‑')
}

/// The character at byte `index` of `text`, and the index after it. Most text is ASCII, which
/// is read byte by byte without decoding.
fn char_at(text: &str, index: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(index)?;
    if byte.is_ascii() {
        return Some((char::from(byte), index + 1));
    }
    let ch = text.get(index..)?.chars().next()?;
    Some((ch, index + ch.len_utf8()))
}

/// Splits `text` into words; punctuation between words is skipped. A joiner (hyphen,
/// apostrophe, period) stays inside a word only when a word character follows it.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut result = Vec::with_capacity(text.len() / 5);
    let mut index = 0;
    while let Some((ch, next)) = char_at(text, index) {
        if !is_word_char(ch) {
            index = next;
            continue;
        }
        let start = index;
        let mut end = next;
        while let Some((ch, after)) = char_at(text, end) {
            let joined =
                is_joiner(ch) && char_at(text, after).is_some_and(|(next, _)| is_word_char(next));
            if is_word_char(ch) || joined {
                end = after;
            } else {
                break;
            }
        }
        result.push(Word {
            text: &text[start..end],
            span: Span::new(start, end),
        });
        index = end;
    }
    result
}

/// The text between two words (punctuation and spaces), empty when they touch.
pub fn gap<'a>(text: &'a str, before: &Word, after: &Word) -> &'a str {
    text.get(before.span.end..after.span.start).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_punctuation_and_keeps_inner_joiners() {
        let found: Vec<_> = words("Kivi-oja met el-Masri's aide, (U.S.) in 2006.")
            .into_iter()
            .map(|word| word.text)
            .collect();
        assert_eq!(
            found,
            ["Kivi-oja", "met", "el-Masri's", "aide", "U.S", "in", "2006"]
        );
    }

    #[test]
    fn spans_point_into_multibyte_text() {
        let text = "Tô Lâm visited Hà Nội";
        for word in words(text) {
            assert_eq!(&text[word.span.start..word.span.end], word.text);
        }
    }
}
