//! Folding names into look-up keys, so that "Côte d’Ivoire", "cote d'ivoire" and
//! "the Côte-d'Ivoire" all find the same row.

/// The look-up key of a name: lower case, Latin diacritics removed, apostrophes unified,
/// hyphens and dashes read as spaces, full stops dropped ("U.S." is "us"), "&" read as "and",
/// and the word "the" ignored.
pub(crate) fn lookup_key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' => folded.push('\''),
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => folded.push(' '),
            '.' => {}
            '&' => folded.push_str(" and "),
            c if c.is_whitespace() => folded.push(' '),
            c => c
                .to_lowercase()
                .for_each(|lower| push_folded(&mut folded, lower)),
        }
    }
    folded
        .split(' ')
        .filter(|word| !word.is_empty() && *word != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pushes a lower-case letter without its diacritic; letters with no plain Latin form stay.
fn push_folded(out: &mut String, c: char) {
    // A combining mark left by lower-casing ("İ" becomes "i" and a dot above) is dropped.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return;
    }
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'æ' => return out.push_str("ae"),
        'œ' => return out.push_str("oe"),
        'ß' => return out.push_str("ss"),
        other => other,
    };
    out.push(plain);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_diacritics_and_apostrophes_fold() {
        assert_eq!(lookup_key("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(lookup_key("COTE D'IVOIRE"), "cote d'ivoire");
        assert_eq!(lookup_key("Türkiye"), "turkiye");
        assert_eq!(lookup_key("São Tomé & Príncipe"), "sao tome and principe");
    }

    #[test]
    fn the_dots_hyphens_and_spaces_fold() {
        assert_eq!(lookup_key("  The   Gambia "), "gambia");
        assert_eq!(
            lookup_key("Democratic Republic of the Congo"),
            "democratic republic of congo"
        );
        assert_eq!(lookup_key("U.S."), "us");
        assert_eq!(lookup_key("Guinea-Bissau"), "guinea bissau");
        assert_eq!(lookup_key("Timor–Leste"), "timor leste");
        // "the" inside another word stays.
        assert_eq!(lookup_key("Netherlands"), "netherlands");
        assert_eq!(lookup_key("Thailand"), "thailand");
    }

    #[test]
    fn letters_without_a_latin_form_stay() {
        assert_eq!(lookup_key("Россия"), "россия");
        assert_eq!(lookup_key("Æsir"), "aesir");
    }
}
