//! Languages of references: ISO 639-1 codes for the language names references write, and a
//! guess from the script a title is written in.

/// English language names (lower case) as references write them, with their ISO 639-1 codes.
const NAMES: &[(&str, &str)] = &[
    ("afrikaans", "af"),
    ("albanian", "sq"),
    ("amharic", "am"),
    ("arabic", "ar"),
    ("armenian", "hy"),
    ("azerbaijani", "az"),
    ("azeri", "az"),
    ("basque", "eu"),
    ("belarusian", "be"),
    ("bengali", "bn"),
    ("bangla", "bn"),
    ("bokmål", "nb"),
    ("norwegian bokmål", "nb"),
    ("bosnian", "bs"),
    ("bulgarian", "bg"),
    ("burmese", "my"),
    ("cantonese", "zh"),
    ("catalan", "ca"),
    ("chinese", "zh"),
    ("simplified chinese", "zh"),
    ("traditional chinese", "zh"),
    ("mandarin", "zh"),
    ("croatian", "hr"),
    ("czech", "cs"),
    ("danish", "da"),
    ("dari", "fa"),
    ("dutch", "nl"),
    ("flemish", "nl"),
    ("english", "en"),
    ("esperanto", "eo"),
    ("estonian", "et"),
    ("faroese", "fo"),
    ("farsi", "fa"),
    ("filipino", "tl"),
    ("finnish", "fi"),
    ("french", "fr"),
    ("galician", "gl"),
    ("georgian", "ka"),
    ("german", "de"),
    ("greek", "el"),
    ("modern greek", "el"),
    ("gujarati", "gu"),
    ("haitian creole", "ht"),
    ("hausa", "ha"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("icelandic", "is"),
    ("igbo", "ig"),
    ("indonesian", "id"),
    ("irish", "ga"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("javanese", "jv"),
    ("kannada", "kn"),
    ("kazakh", "kk"),
    ("khmer", "km"),
    ("kinyarwanda", "rw"),
    ("kirghiz", "ky"),
    ("korean", "ko"),
    ("kurdish", "ku"),
    ("kyrgyz", "ky"),
    ("lao", "lo"),
    ("latin", "la"),
    ("latvian", "lv"),
    ("lithuanian", "lt"),
    ("luxembourgish", "lb"),
    ("macedonian", "mk"),
    ("malagasy", "mg"),
    ("malay", "ms"),
    ("malayalam", "ml"),
    ("maltese", "mt"),
    ("maori", "mi"),
    ("māori", "mi"),
    ("marathi", "mr"),
    ("mongolian", "mn"),
    ("nepali", "ne"),
    ("norwegian", "no"),
    ("nynorsk", "nn"),
    ("norwegian nynorsk", "nn"),
    ("pashto", "ps"),
    ("persian", "fa"),
    ("polish", "pl"),
    ("portuguese", "pt"),
    ("brazilian portuguese", "pt"),
    ("punjabi", "pa"),
    ("romanian", "ro"),
    ("russian", "ru"),
    ("samoan", "sm"),
    ("serbian", "sr"),
    ("serbo-croatian", "sh"),
    ("shona", "sn"),
    ("sinhala", "si"),
    ("sinhalese", "si"),
    ("slovak", "sk"),
    ("slovene", "sl"),
    ("slovenian", "sl"),
    ("somali", "so"),
    ("spanish", "es"),
    ("swahili", "sw"),
    ("swedish", "sv"),
    ("tagalog", "tl"),
    ("tajik", "tg"),
    ("tamil", "ta"),
    ("tatar", "tt"),
    ("telugu", "te"),
    ("thai", "th"),
    ("tibetan", "bo"),
    ("tigrinya", "ti"),
    ("tongan", "to"),
    ("turkish", "tr"),
    ("turkmen", "tk"),
    ("ukrainian", "uk"),
    ("urdu", "ur"),
    ("uyghur", "ug"),
    ("uzbek", "uz"),
    ("vietnamese", "vi"),
    ("welsh", "cy"),
    ("xhosa", "xh"),
    ("yiddish", "yi"),
    ("yoruba", "yo"),
    ("zulu", "zu"),
];

/// The ISO 639-1 code for a language name as references write it ("Russian" → `ru`,
/// "Norwegian" → `no`), case-insensitively, or a code passed through (`es`, `zh-hans` → `zh`).
/// `None` for what it does not know.
pub fn language_code(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    if let Some(&(_, code)) = NAMES.iter().find(|(known, _)| *known == name) {
        return Some(code);
    }
    // A code, perhaps with a region or script subtag: `pt-BR`, `zh-Hans`.
    let primary = name.split(['-', '_']).next().unwrap_or_default();
    NAMES
        .iter()
        .map(|&(_, code)| code)
        .find(|code| *code == primary)
}

/// The code of the first language a list names: "Russian and English", "ru, kk" → `ru`.
pub(crate) fn first_language_code(names: &str) -> Option<&'static str> {
    let first = names
        .split([',', ';', '/'])
        .next()
        .unwrap_or_default()
        .split(" and ")
        .next()
        .unwrap_or_default();
    language_code(first)
}

/// The writing systems whose letters tell a language apart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Ethiopic,
    Khmer,
    /// Han ideographs and the Japanese kana together, told apart by `language_from_script`.
    Cjk,
    Hangul,
}

fn script_of(c: char) -> Option<Script> {
    use Script::*;
    let script = match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Greek,
        0x400..=0x52F => Cyrillic,
        0x530..=0x58F => Armenian,
        0x590..=0x5FF => Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Arabic,
        0x900..=0x97F => Devanagari,
        0x980..=0x9FF => Bengali,
        0xA00..=0xA7F => Gurmukhi,
        0xA80..=0xAFF => Gujarati,
        0xB80..=0xBFF => Tamil,
        0xC00..=0xC7F => Telugu,
        0xC80..=0xCFF => Kannada,
        0xD00..=0xD7F => Malayalam,
        0xD80..=0xDFF => Sinhala,
        0xE00..=0xE7F => Thai,
        0xE80..=0xEFF => Lao,
        0xF00..=0xFFF => Tibetan,
        0x1000..=0x109F => Myanmar,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF => Georgian,
        0x1200..=0x139F => Ethiopic,
        0x1780..=0x17FF => Khmer,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Cjk,
        0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x2FA1F => Cjk,
        _ => return None,
    };
    Some(script)
}

fn is_kana(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// A language guessed from the script of a text: Cyrillic → `ru` (or `uk`, `be`, `kk`, `mn`,
/// `sr`, `mk` when letters only those alphabets have show), Han with kana → `ja`, Han alone →
/// `zh`, Hangul → `ko`, Thai → `th`, Arabic → `ar` (`fa`, `ur` by their own letters), Greek →
/// `el`, Hebrew → `he`, Georgian → `ka`, Armenian → `hy`, Devanagari → `hi`, and so on.
/// `None` for Latin script, which does not tell a language, and for text without letters.
pub fn language_from_script(text: &str) -> Option<&'static str> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in text.chars().filter_map(script_of) {
        match counts.iter_mut().find(|(known, _)| *known == script) {
            Some((_, count)) => *count += 1,
            None => counts.push((script, 1)),
        }
    }
    // The most frequent script wins; on a tie the one met first.
    let mut dominant: Option<(Script, usize)> = None;
    for &(script, count) in &counts {
        if dominant.is_none_or(|(_, best)| count > best) {
            dominant = Some((script, count));
        }
    }
    let has = |letters: &str| text.chars().any(|c| letters.contains(c));
    let code = match dominant?.0 {
        Script::Latin => return None,
        Script::Cyrillic => cyrillic_language(&has),
        Script::Cjk if text.chars().any(is_kana) => "ja",
        Script::Cjk => "zh",
        Script::Hangul => "ko",
        Script::Greek => "el",
        Script::Armenian => "hy",
        Script::Hebrew if has("ײװױ") => "yi",
        Script::Hebrew => "he",
        Script::Arabic if has("ےٹڈڑں") => "ur",
        Script::Arabic if has("پچژگ") => "fa",
        Script::Arabic => "ar",
        Script::Devanagari => "hi",
        Script::Bengali => "bn",
        Script::Gurmukhi => "pa",
        Script::Gujarati => "gu",
        Script::Tamil => "ta",
        Script::Telugu => "te",
        Script::Kannada => "kn",
        Script::Malayalam => "ml",
        Script::Sinhala => "si",
        Script::Thai => "th",
        Script::Lao => "lo",
        Script::Tibetan => "bo",
        Script::Myanmar => "my",
        Script::Georgian => "ka",
        Script::Ethiopic => "am",
        Script::Khmer => "km",
    };
    Some(code)
}

/// Russian unless the text has letters Russian lacks and another Cyrillic alphabet has.
fn cyrillic_language(has: &dyn Fn(&str) -> bool) -> &'static str {
    if has("ўЎ") {
        "be"
    } else if has("єЄїЇґҐ") {
        "uk"
    } else if has("әӘғҒқҚңҢұҰһҺ") {
        "kk"
    } else if has("өӨүҮ") {
        "mn"
    } else if has("ѓЃќЌѕЅ") {
        "mk"
    } else if has("ђЂћЋјЈљЉњЊџЏ") {
        "sr"
    } else if has("іІ") {
        "uk"
    } else {
        "ru"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_codes() {
        for (name, code) in [
            ("Russian", "ru"),
            ("Japanese", "ja"),
            ("Portuguese", "pt"),
            ("Mongolian", "mn"),
            ("Norwegian", "no"),
            ("Thai", "th"),
            ("Vietnamese", "vi"),
            ("ukrainian", "uk"),
            (" Spanish ", "es"),
            ("Norwegian Bokmål", "nb"),
        ] {
            assert_eq!(language_code(name), Some(code), "{name}");
        }
    }

    #[test]
    fn codes_pass_through() {
        assert_eq!(language_code("es"), Some("es"));
        assert_eq!(language_code("pt-BR"), Some("pt"));
        assert_eq!(language_code("zh-hans"), Some("zh"));
        assert_eq!(language_code("xx"), None);
        assert_eq!(language_code("Klingon"), None);
        assert_eq!(language_code(""), None);
    }

    #[test]
    fn a_list_of_languages_gives_the_first() {
        assert_eq!(first_language_code("Russian and English"), Some("ru"));
        assert_eq!(first_language_code("kk, ru"), Some("kk"));
    }

    #[test]
    fn scripts_give_languages() {
        for (text, code) in [
            ("Новая книга о дружбе", "ru"),
            ("Нова книга про їжу", "uk"),
            ("Шинэ өдөр", "mn"),
            ("ひらがなと漢字の本", "ja"),
            ("两国关系史", "zh"),
            ("양국 관계", "ko"),
            ("ภาษาและวัฒนธรรม", "th"),
            ("العلاقات الثنائية", "ar"),
            ("Διμερείς σχέσεις", "el"),
            ("יחסים", "he"),
            ("ურთიერთობები", "ka"),
            ("հարաբերություններ", "hy"),
            ("द्विपक्षीय संबंध", "hi"),
        ] {
            assert_eq!(language_from_script(text), Some(code), "{text}");
        }
    }

    #[test]
    fn latin_and_letterless_text_give_nothing() {
        assert_eq!(language_from_script("Bilateral relations"), None);
        assert_eq!(language_from_script("Relações bilaterais"), None);
        assert_eq!(language_from_script("2024 — 15%"), None);
        assert_eq!(language_from_script(""), None);
    }

    #[test]
    fn a_few_foreign_letters_do_not_outweigh_the_rest() {
        assert_eq!(language_from_script("The α and ω of trade policy"), None);
    }
}
