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

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Joiner,
    Other,
}

/// The class of every ASCII byte, so ASCII text is split without decoding characters.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        let ch = byte as u8 as char;
        table[byte] = if ch.is_ascii_alphanumeric() {
            Class::Word
        } else if matches!(ch, '-' | '\'' | '.') {
            Class::Joiner
        } else {
            Class::Other
        };
        byte += 1;
    }
    table
};

/// The class of the character at byte `index` of `text`, and the index after it.
fn class_at(text: &str, index: usize) -> Option<(Class, usize)> {
    let byte = *text.as_bytes().get(index)?;
    if let Some(class) = ASCII_CLASS.get(usize::from(byte)) {
        return Some((*class, index + 1));
    }
    let ch = text.get(index..)?.chars().next()?;
    let class = if is_word_char(ch) {
        Class::Word
    } else if is_joiner(ch) {
        Class::Joiner
    } else {
        Class::Other
    };
    Some((class, index + ch.len_utf8()))
}

/// Splits `text` into words; punctuation between words is skipped. A joiner (hyphen,
/// apostrophe, period) stays inside a word only when a word character follows it.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut result = Vec::with_capacity(text.len() / 5);
    let mut index = 0;
    while let Some((class, next)) = class_at(text, index) {
        if class != Class::Word {
            index = next;
            continue;
        }
        let start = index;
        let mut end = next;
        while let Some((class, after)) = class_at(text, end) {
            let joined = class == Class::Joiner
                && class_at(text, after).is_some_and(|(next, _)| next == Class::Word);
            if class == Class::Word || joined {
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

/// A word without its possessive ("President's" → "President").
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
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
