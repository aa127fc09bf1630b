//! Tests of the table's integrity and of the look-up functions.

use std::collections::{HashMap, HashSet};

use bilateral_model::CountryCode;

use super::*;

fn code(text: &str) -> CountryCode {
    CountryCode::new(text).unwrap()
}

fn looked_up(query: &str) -> Option<&'static str> {
    lookup(query).map(|country| country.code.as_str())
}

#[test]
fn the_embedded_table_parses() {
    let rows = table::parse(table::COUNTRIES_TSV).unwrap();
    assert_eq!(rows.len(), countries().len());
}

#[test]
fn the_table_covers_the_un_its_observers_and_former_states() {
    let current = countries().iter().filter(|c| !c.historical).count();
    let former = countries().iter().filter(|c| c.historical).count();
    // 193 UN members, the Holy See and Palestine, Taiwan, Kosovo and Western Sahara.
    assert_eq!(current, 193 + 2 + 3);
    assert_eq!(former, 6);
    for former in ["SUN", "YUG", "CSK", "DDR", "SCG", "YMD"] {
        assert!(
            by_code(code(former)).is_some_and(|c| c.historical),
            "{former}"
        );
    }
    // Current states come first, so their claims on shared spellings win.
    let first_former = countries().iter().position(|c| c.historical).unwrap();
    assert!(countries()[first_former..].iter().all(|c| c.historical));
}

#[test]
fn every_row_is_complete() {
    for country in countries() {
        let code = country.code;
        assert!(!country.name.is_empty(), "{code}");
        assert!(!country.official.is_empty(), "{code}");
        assert_eq!(country.names.first(), Some(&country.name), "{code}");
        assert!(country.names.contains(&country.official), "{code}");
        assert!(!country.capitals.is_empty(), "{code}");
        let iso2_ok =
            country.iso2.len() == 2 && country.iso2.bytes().all(|b| b.is_ascii_uppercase());
        assert!(
            iso2_ok || (country.historical && country.iso2.is_empty()),
            "{code}"
        );
        let all = country
            .names
            .iter()
            .chain(&country.demonyms)
            .chain(&country.capitals);
        for entry in all {
            assert_eq!(entry.trim(), *entry, "{code}: {entry:?}");
            assert!(
                !entry.is_empty() && !entry.contains('~'),
                "{code}: {entry:?}"
            );
        }
    }
}

#[test]
fn codes_are_unique() {
    let mut iso3 = HashSet::new();
    let mut iso2 = HashSet::new();
    for country in countries() {
        assert!(iso3.insert(country.code), "{}", country.code);
        // ISO gave "CS" first to Czechoslovakia, then to Serbia and Montenegro.
        let reused = country.code == code("SCG") && country.iso2 == "CS";
        assert!(reused || iso2.insert(country.iso2), "{}", country.iso2);
    }
}

#[test]
fn cow_codes_are_unique_except_a_former_state_sharing_its_successors() {
    let current: HashMap<u16, CountryCode> = countries()
        .iter()
        .filter(|c| !c.historical)
        .filter_map(|c| Some((c.cow?, c.code)))
        .collect();
    let current_with_cow = countries()
        .iter()
        .filter(|c| !c.historical && c.cow.is_some());
    assert_eq!(
        current.len(),
        current_with_cow.count(),
        "two current states share a COW code"
    );
    for former in countries().iter().filter(|c| c.historical) {
        let shared = former.cow.and_then(|cow| current.get(&cow));
        let allowed = [("SUN", "RUS"), ("YUG", "SRB"), ("SCG", "SRB")];
        if let Some(successor) = shared {
            let pair = (former.code.as_str(), successor.as_str());
            assert!(allowed.contains(&pair), "{pair:?}");
        }
    }
    assert_eq!(by_code(code("JPN")).unwrap().cow, Some(740));
    assert_eq!(by_code(code("KAZ")).unwrap().cow, Some(705));
    assert_eq!(by_code(code("USA")).unwrap().cow, Some(2));
    assert_eq!(by_code(code("SUN")).unwrap().cow, Some(365));
    assert_eq!(by_code(code("DDR")).unwrap().cow, Some(265));
    assert_eq!(by_code(code("DEU")).unwrap().cow, Some(255));
}

#[test]
fn no_name_or_demonym_names_two_states() {
    let mut owner: HashMap<String, CountryCode> = HashMap::new();
    for country in countries() {
        for entry in country.names.iter().chain(&country.demonyms) {
            let key = fold::lookup_key(entry);
            let first = *owner.entry(key).or_insert(country.code);
            assert_eq!(first, country.code, "{entry:?}");
        }
    }
    let mut prefixes = HashSet::new();
    let rows = table::parse(table::COUNTRIES_TSV).unwrap();
    for prefix in rows.iter().flat_map(|row| &row.combining) {
        let key = fold::lookup_key(prefix);
        assert!(
            !owner.contains_key(&key) && prefixes.insert(key),
            "{prefix}"
        );
    }
}

#[test]
fn capitals_are_shared_only_by_a_former_state_and_a_current_one() {
    let mut owner: HashMap<&str, &Country> = HashMap::new();
    for country in countries() {
        for capital in &country.capitals {
            match owner.get(capital) {
                Some(first) if first.code != country.code => {
                    assert!(country.historical && !first.historical, "{capital}");
                }
                _ => {
                    owner.insert(capital, country);
                }
            }
        }
    }
}

#[test]
fn phrases_that_name_no_state_are_not_also_entries() {
    let entries: HashSet<&str> = countries()
        .iter()
        .flat_map(|c| c.names.iter().chain(&c.demonyms).chain(&c.capitals))
        .copied()
        .collect();
    for phrase in table::not_countries() {
        assert!(!entries.contains(phrase), "{phrase}");
    }
}

/// A table of the header and one row, as a `&'static str` like the embedded one.
macro_rules! table_with_row {
    ($row:literal) => {
        concat!(
            "code\tiso2\tcow\tname\tofficial\thistorical\tnames\tdemonyms\tcapitals\tcombining\n",
            $row
        )
    };
}

#[test]
fn table_errors_name_their_line() {
    use table::TableError;
    let wrong_header = table::parse("# comment\ncode\tiso2\n");
    assert!(matches!(wrong_header, Err(TableError::Header { line: 2 })));
    let short_row = table::parse(table_with_row!("JPN\tJP\t740\tJapan\n"));
    assert!(matches!(
        short_row,
        Err(TableError::Columns { line: 2, found: 4 })
    ));
    let bad_cow = table::parse(table_with_row!(
        "JPN\tJP\tx\tJapan\tJapan\tno\t\t\tTokyo\t\n"
    ));
    assert!(matches!(bad_cow, Err(TableError::Cow { line: 2, .. })));
    let bad_flag = table::parse(table_with_row!(
        "JPN\tJP\t740\tJapan\tJapan\tmaybe\t\t\tTokyo\t\n"
    ));
    assert!(matches!(
        bad_flag,
        Err(TableError::Historical { line: 2, .. })
    ));
    let bad_code = table::parse(table_with_row!(
        "J1N\tJP\t740\tJapan\tJapan\tno\t\t\tTokyo\t\n"
    ));
    assert!(matches!(bad_code, Err(TableError::Code { line: 2, .. })));
    assert!(matches!(
        table::parse("# only a comment\n"),
        Err(TableError::NoHeader)
    ));
    let good = table::parse(table_with_row!(
        "JPN\tJP\t740\tJapan\tJapan\tno\tNippon;~Nihon\tJapanese\tTokyo\tNippo\n"
    ));
    let rows = good.unwrap();
    let row = rows.first().unwrap();
    assert_eq!(row.country.names, ["Japan", "Nippon", "Nihon"]);
    assert_eq!(row.quiet, ["Nihon"]);
    assert_eq!(row.combining, ["Nippo"]);
}

#[test]
fn rows_carry_the_brief_facts() {
    let kor = by_code(code("KOR")).unwrap();
    assert_eq!(
        (kor.name, kor.official, kor.iso2),
        ("South Korea", "Republic of Korea", "KR")
    );
    let kaz = by_code(code("KAZ")).unwrap();
    assert_eq!(kaz.capitals.first(), Some(&"Astana"));
    for former in ["Nur-Sultan", "Almaty", "Alma-Ata"] {
        assert!(kaz.capitals.contains(&former), "{former}");
    }
    assert!(kaz.demonyms.contains(&"Kazakhs"));
    assert_eq!(by_code(code("SUN")).unwrap().iso2, "SU");
    assert!(by_code(code("XXX")).is_none());
}

#[test]
fn lookup_takes_names_variants_demonyms_and_codes() {
    let cases = [
        ("Japan", "JPN"),
        ("japan", "JPN"),
        ("JP", "JPN"),
        ("jpn", "JPN"),
        ("Republic of Kazakhstan", "KAZ"),
        ("Kazakhstani", "KAZ"),
        ("Federative Republic of Brazil", "BRA"),
        ("Brazilians", "BRA"),
        ("United Mexican States", "MEX"),
        ("Commonwealth of Australia", "AUS"),
        ("Argentine Republic", "ARG"),
        ("Kingdom of Thailand", "THA"),
        ("Siam", "THA"),
        ("the United Kingdom", "GBR"),
        ("Great Britain", "GBR"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Korea", "KOR"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("PRC", "CHN"),
        ("Republic of China", "TWN"),
        ("Holy See", "VAT"),
        ("Vatican", "VAT"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("cote d’ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("East Timor", "TLS"),
        ("Timor Leste", "TLS"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Burma", "MMR"),
        ("Cape Verde", "CPV"),
        ("Viet Nam", "VNM"),
        ("Zaire", "COD"),
        ("Holland", "NLD"),
        ("Persia", "IRN"),
        ("Ceylon", "LKA"),
        ("Dahomey", "BEN"),
        ("Upper Volta", "BFA"),
        ("Rhodesia", "ZWE"),
        ("Kampuchea", "KHM"),
        ("West Germany", "DEU"),
        ("FRG", "DEU"),
        ("East German", "DDR"),
        ("GDR", "DDR"),
        ("Soviet", "SUN"),
        ("USSR", "SUN"),
        ("People's Democratic Republic of Yemen", "YMD"),
        ("Ottoman Empire", "TUR"),
        ("Prussia", "DEU"),
        ("Kingdom of Sardinia", "ITA"),
        ("Austria-Hungary", "AUT"),
        ("Russian Empire", "RUS"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Palestine", "PSE"),
        ("Spaniards", "ESP"),
        ("Finns", "FIN"),
        ("Mongol", "MNG"),
        ("Argentinian", "ARG"),
        // A quiet entry is still known to look-ups.
        ("Central African", "CAF"),
    ];
    for (query, expected) in cases {
        assert_eq!(looked_up(query), Some(expected), "{query}");
    }
}

#[test]
fn lookup_ignores_capitals_and_unknown_words() {
    assert_eq!(looked_up("Tokyo"), None);
    assert_eq!(looked_up("Atlantis"), None);
    assert_eq!(looked_up(""), None);
    assert_eq!(looked_up("XX"), None);
    assert_eq!(looked_up("Sino"), None);
}

#[test]
fn suggestions_are_close_names() {
    assert_eq!(suggest("Kazakstn"), ["Kazakhstan"]);
    assert_eq!(suggest("Japn").first(), Some(&"Japan"));
    assert_eq!(suggest("Uzbekistn").first(), Some(&"Uzbekistan"));
    assert!(suggest("Swit").contains(&"Switzerland"));
    let guinea = suggest("Guine");
    assert!(
        guinea.len() <= 3 && guinea.contains(&"Guinea"),
        "{guinea:?}"
    );
    assert!(suggest("Qwxzvbnm").is_empty());
    assert!(suggest("").is_empty());
}

#[test]
fn flags_come_from_the_alpha_2_code() {
    assert_eq!(flag_emoji(code("JPN")).as_deref(), Some("🇯🇵"));
    assert_eq!(flag_emoji(code("KAZ")).as_deref(), Some("🇰🇿"));
    assert_eq!(
        flag_emoji(code("SUN")),
        None,
        "former states have no emoji flag"
    );
    assert_eq!(flag_emoji(code("DDR")), None);
    assert_eq!(flag_emoji(code("XXX")), None);
}
