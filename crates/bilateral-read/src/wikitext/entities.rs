//! HTML character references in wikitext (`&nbsp;`, `&ndash;`, `&#8211;`, `&#x2013;`), decoded
//! as a browser would show them. Spaces of every width become a plain space and invisible
//! marks disappear, so the clean text folds and matches like rendered text.

/// What a character reference stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Decoded {
    Char(char),
    Str(&'static str),
}

/// The longest named reference we look for.
const MAX_NAME: usize = 32;

/// Decodes the character reference `text` starts with (`text` begins with `&`), returning
/// what it stands for and how many bytes it takes; `None` for a bare ampersand.
pub(super) fn decode_at(text: &str) -> Option<(Decoded, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body
        .bytes()
        .take(MAX_NAME + 2)
        .position(|byte| byte == b';')?;
    let name = body.get(..end)?;
    let consumed = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        let decoded = match char::from_u32(value)? {
            '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => Decoded::Char(' '),
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' => Decoded::Str(""),
            other => Decoded::Char(other),
        };
        return Some((decoded, consumed));
    }
    named(name).map(|decoded| (decoded, consumed))
}

fn named(name: &str) -> Option<Decoded> {
    let text = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" | "hairsp" | "numsp" | "puncsp" | "MediumSpace"
        | "NegativeThinSpace" | "NoBreak" => " ",
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" | "ZeroWidthSpace" | "wj" => "",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "middot" => "·",
        "bull" => "•",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "plusmn" => "±",
        "prime" => "′",
        "Prime" => "″",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "curren" => "¤",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "sect" => "§",
        "para" => "¶",
        "dagger" => "†",
        "Dagger" => "‡",
        "larr" => "←",
        "rarr" => "→",
        "harr" => "↔",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordf" => "ª",
        "ordm" => "º",
        "micro" => "µ",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "Auml" => "Ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "ecirc" => "ê",
        "euml" => "ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "icirc" => "î",
        "iuml" => "ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "szlig" => "ß",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "ucirc" => "û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        _ => return None,
    };
    Some(Decoded::Str(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(decode_at("&nbsp;x"), Some((Decoded::Str(" "), 6)));
        assert_eq!(decode_at("&ndash;"), Some((Decoded::Str("–"), 7)));
        assert_eq!(decode_at("&#8211;"), Some((Decoded::Char('–'), 7)));
        assert_eq!(decode_at("&#x2013;"), Some((Decoded::Char('–'), 8)));
        assert_eq!(decode_at("&#160;"), Some((Decoded::Char(' '), 6)));
        assert_eq!(decode_at("&shy;"), Some((Decoded::Str(""), 5)));
    }

    #[test]
    fn leaves_bare_ampersands_alone() {
        assert_eq!(decode_at("& b"), None);
        assert_eq!(decode_at("&unknown;"), None);
        assert_eq!(decode_at("&#xD800;"), None);
        assert_eq!(decode_at("&#99999999999;"), None);
        assert_eq!(decode_at("&"), None);
    }
}
