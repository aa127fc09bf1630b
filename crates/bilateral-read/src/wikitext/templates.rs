//! What a template contributes to the clean text: which templates show one of their
//! parameters (`{{lang|es|texto}}`), which compose a short text (`{{convert|12|km}}` → "12 km",
//! `{{Start date|2006|8|28}}` → "28 August 2006"), which stand for references, and which are
//! dropped (navigation boxes, maintenance tags, and every template we do not know).

use bilateral_model::date::MONTH_NAMES;

/// What to do with a template, by its normalised name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Action {
    /// Show one parameter as written.
    Show(Which),
    /// Show fixed text.
    Fixed(&'static str),
    /// Build a short text from the parameters' plain text.
    Compose(Compose),
    /// `{{Infobox bilateral relations}}`: its two countries go to the infobox list.
    BilateralInfobox,
    /// `{{Reflist|refs=…}}`: defines list-defined references.
    ReferenceList,
    /// `{{efn|…}}`, `{{refn|…}}`, `{{#tag:ref|…}}`: a footnote written as a template, in
    /// `group` unless its `group=` parameter says otherwise.
    Footnote {
        group: Option<&'static str>,
    },
    /// `{{r|name}}`: uses named references.
    NamedReferences,
    /// `{{sfn|Author|2001|p=5}}`: a short citation; each distinct one is a reference.
    ShortCitation,
    Drop,
}

/// Which parameter a template shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Which {
    Positional(usize),
    /// The last positional parameter.
    Last,
    /// A named parameter, else a positional one.
    Named(&'static str, usize),
    /// A named parameter only.
    Key(&'static str),
}

/// Templates whose text we compose from their parameters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Compose {
    Convert,
    Circa,
    Date,
    AsOf,
    /// A currency amount: the symbol, then the amount.
    Currency(&'static str),
    Harvard(HarvardStyle),
    /// First name, then last name.
    SortName,
    /// All positional parameters joined.
    List,
}

/// How a Harvard-style citation shows in running text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum HarvardStyle {
    /// `Smith 2001, p. 5`
    Bare,
    /// `(Smith 2001, p. 5)`
    Parenthesised,
    /// `Smith (2001, p. 5)`
    InText,
}

/// A template name as MediaWiki matches it: namespace and `subst:` dropped, underscores as
/// spaces, whitespace folded, lower-cased.
pub(super) fn normalise_name(raw: &str) -> String {
    let mut name = raw
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for prefix in ["subst:", "safesubst:", "template:"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest.trim_start().to_owned();
        }
    }
    name
}

/// Whether a normalised template name is a citation template (`cite web`, `citation`).
pub(super) fn is_citation(name: &str) -> bool {
    name == "citation"
        || name == "cite"
        || name.starts_with("cite ")
        || name.starts_with("vcite ")
        || matches!(
            name,
            "harvnb" | "harv" | "harvp" | "harvtxt" | "sfn" | "sfnp"
        )
}

pub(super) fn action(name: &str) -> Action {
    use Action::*;
    if name.starts_with("lang-") {
        return Show(Which::Positional(1));
    }
    if name.starts_with("infobox bilateral relation") {
        return BilateralInfobox;
    }
    match name {
        "lang" | "langx" | "native name" | "native phrase" => Show(Which::Positional(2)),
        "transl" | "transliteration" | "translit" => Show(Which::Last),
        "nowrap" | "nobr" | "nobreak" | "small" | "smaller" | "larger" | "big" | "em"
        | "strong" | "nobold" | "noitalic" | "abbr" | "tooltip" | "small caps" | "smallcaps"
        | "sc" | "nihongo" | "nihongo2" | "vanchor" | "keep together" | "sic" => {
            Show(Which::Positional(1))
        }
        "ill" | "interlanguage link" | "interlanguage link multi" => Show(Which::Named("lt", 1)),
        "flag" | "flagcountry" | "flagu" | "flag country" => Show(Which::Named("name", 1)),
        "quote" | "blockquote" | "quotation" | "cquote" => Show(Which::Named("text", 1)),
        "quote box" => Show(Which::Named("quote", 1)),
        "!" => Fixed("|"),
        "=" => Fixed("="),
        "ndash" | "en dash" => Fixed("–"),
        "mdash" | "em dash" => Fixed("—"),
        "snd" | "spnd" | "spaced ndash" | "spaced en dash" => Fixed(" – "),
        "spaced mdash" | "spaced em dash" => Fixed(" — "),
        "nbsp" | "sp" => Fixed(" "),
        "'" => Fixed("'"),
        "dot" | "middot" | "·" => Fixed(" · "),
        "convert" | "cvt" => Compose(self::Compose::Convert),
        "circa" | "c." | "ca." => Compose(self::Compose::Circa),
        "start date" | "start date and age" | "end date" | "end date and age" | "birth date"
        | "birth date and age" | "death date" | "death date and age" | "dts" | "date" => {
            Compose(self::Compose::Date)
        }
        "as of" => Compose(self::Compose::AsOf),
        "us$" | "usd" => Compose(self::Compose::Currency("US$")),
        "a$" | "aud" => Compose(self::Compose::Currency("A$")),
        "ca$" | "cad" => Compose(self::Compose::Currency("CA$")),
        "nz$" | "nzd" => Compose(self::Compose::Currency("NZ$")),
        "r$" | "brl" => Compose(self::Compose::Currency("R$")),
        "€" | "eur" | "euro" => Compose(self::Compose::Currency("€")),
        "£" | "gbp" => Compose(self::Compose::Currency("£")),
        "¥" | "jpy" => Compose(self::Compose::Currency("¥")),
        "cn¥" | "cny" | "rmb" => Compose(self::Compose::Currency("CN¥")),
        "₹" | "inr" => Compose(self::Compose::Currency("₹")),
        "₩" | "krw" => Compose(self::Compose::Currency("₩")),
        "harvnb" => Compose(self::Compose::Harvard(HarvardStyle::Bare)),
        "harv" | "harvp" => Compose(self::Compose::Harvard(HarvardStyle::Parenthesised)),
        "harvtxt" => Compose(self::Compose::Harvard(HarvardStyle::InText)),
        "sortname" => Compose(self::Compose::SortName),
        "ubl" | "unbulleted list" | "hlist" | "bulleted list" => Compose(self::Compose::List),
        "reflist" | "references" | "notelist" | "notelist-ua" | "notelist-lr" | "notelist-ur"
        | "notelist-lg" => ReferenceList,
        "efn" | "efn-la" => Footnote {
            group: Some("lower-alpha"),
        },
        "efn-ua" => Footnote {
            group: Some("upper-alpha"),
        },
        "efn-lr" => Footnote {
            group: Some("lower-roman"),
        },
        "efn-ur" => Footnote {
            group: Some("upper-roman"),
        },
        "efn-lg" => Footnote {
            group: Some("lower-greek"),
        },
        "refn" | "#tag:ref" => Footnote { group: None },
        "r" => NamedReferences,
        "sfn" | "sfnp" | "sfnm" => ShortCitation,
        _ => Drop,
    }
}

/// A template's parameters as plain text.
pub(super) struct Args {
    pub positional: Vec<String>,
    pub named: Vec<(String, String)>,
}

impl Args {
    /// The last value given for `key`, trimmed; empty counts as absent.
    pub(super) fn named(&self, key: &str) -> Option<&str> {
        self.named
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    fn positional(&self, index: usize) -> Option<&str> {
        self.positional
            .get(index)
            .map(|value| value.trim())
            .filter(|value| !value.is_empty())
    }

    fn positionals(&self) -> impl Iterator<Item = &str> {
        self.positional
            .iter()
            .map(|value| value.trim())
            .filter(|value| !value.is_empty())
    }
}

/// The text a composing template shows.
pub(super) fn compose(kind: Compose, args: &Args) -> String {
    match kind {
        Compose::Convert => convert(args),
        Compose::Circa => match args.positional(0) {
            Some(year) => format!("c. {year}"),
            None => "c.".to_owned(),
        },
        Compose::Date => readable_date(&args.positionals().collect::<Vec<_>>()),
        Compose::AsOf => {
            if let Some(alt) = args.named("alt") {
                return alt.to_owned();
            }
            let lead = if args.named("since").is_some() {
                "Since"
            } else {
                "As of"
            };
            let date = readable_date(&args.positionals().collect::<Vec<_>>());
            format!("{lead} {date}")
        }
        Compose::Currency(symbol) => match args.positional(0) {
            Some(amount) => format!("{symbol}{amount}"),
            None => symbol.to_owned(),
        },
        Compose::Harvard(style) => harvard(args, style),
        Compose::SortName => args.positionals().take(2).collect::<Vec<_>>().join(" "),
        Compose::List => args.positionals().collect::<Vec<_>>().join(", "),
    }
}

/// `{{convert|12|km|mi}}` → "12 km"; `{{convert|10|to|20|km}}` → "10 to 20 km".
fn convert(args: &Args) -> String {
    let Some(value) = args.positional(0) else {
        return String::new();
    };
    let range = args.positional(1).and_then(|word| match word {
        "-" | "–" | "to(-)" => Some("–"),
        "to" => Some(" to "),
        "and" | "and(-)" => Some(" and "),
        "or" => Some(" or "),
        "x" | "×" | "by" => Some(" × "),
        "+" => Some(" + "),
        _ => None,
    });
    let (amount, unit) = match (range, args.positional(2)) {
        (Some(separator), Some(high)) => (format!("{value}{separator}{high}"), args.positional(3)),
        _ => (value.to_owned(), args.positional(1)),
    };
    match unit {
        Some(unit) => format!("{amount} {unit}"),
        None => amount,
    }
}

/// A month name from a number or a name in any case.
fn month_name(text: &str) -> Option<&'static str> {
    match text.parse::<usize>() {
        Ok(number) => MONTH_NAMES.get(number.checked_sub(1)?).copied(),
        Err(_) => MONTH_NAMES.iter().copied().find(|month| {
            month.eq_ignore_ascii_case(text)
                || (text.len() >= 3
                    && month
                        .get(..3)
                        .is_some_and(|short| short.eq_ignore_ascii_case(text)))
        }),
    }
}

/// Year, month and day parameters as a date a reader writes: `2006|8|28` → "28 August 2006".
/// An ISO date in one parameter works too; anything else is shown as written.
fn readable_date(parts: &[&str]) -> String {
    let iso: Vec<&str>;
    let parts = match parts {
        [single] if single.len() >= 7 && single.as_bytes().get(4) == Some(&b'-') => {
            iso = single.split('-').collect();
            iso.as_slice()
        }
        _ => parts,
    };
    let Some(year) = parts
        .first()
        .filter(|year| year.bytes().all(|b| b.is_ascii_digit()))
    else {
        return parts.join(" ");
    };
    let Some(month) = parts.get(1).and_then(|month| month_name(month)) else {
        return (*year).to_owned();
    };
    let day = parts
        .get(2)
        .and_then(|day| day.parse::<u8>().ok())
        .filter(|day| (1..=31).contains(day));
    match day {
        Some(day) => format!("{day} {month} {year}"),
        None => format!("{month} {year}"),
    }
}

/// `{{harvnb|Smith|Jones|2001|p=5}}` → "Smith & Jones 2001, p. 5".
fn harvard(args: &Args, style: HarvardStyle) -> String {
    let positional: Vec<&str> = args.positionals().collect();
    let (authors, year) = match positional.split_last() {
        Some((last, authors))
            if !authors.is_empty() && last.bytes().next().is_some_and(|b| b.is_ascii_digit()) =>
        {
            (authors, Some(*last))
        }
        _ => (positional.as_slice(), None),
    };
    let authors = match authors {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, second] => format!("{first} & {second}"),
        [first, second, third] => format!("{first}, {second} & {third}"),
        [first, ..] => format!("{first} et al."),
    };
    let mut detail = year.unwrap_or_default().to_owned();
    if let Some(page) = args.named("p").or(args.named("page")) {
        detail.push_str(&format!(", p. {page}"));
    } else if let Some(pages) = args.named("pp").or(args.named("pages")) {
        detail.push_str(&format!(", pp. {pages}"));
    } else if let Some(location) = args.named("loc") {
        detail.push_str(&format!(", {location}"));
    }
    match style {
        HarvardStyle::Bare => format!("{authors} {detail}"),
        HarvardStyle::Parenthesised => format!("({authors} {detail})"),
        HarvardStyle::InText => format!("{authors} ({detail})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(positional: &[&str], named: &[(&str, &str)]) -> Args {
        Args {
            positional: positional.iter().map(|value| (*value).to_owned()).collect(),
            named: named
                .iter()
                .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn names_normalise_like_mediawiki() {
        assert_eq!(normalise_name(" Cite_web \n"), "cite web");
        assert_eq!(normalise_name("Template:Lang-es"), "lang-es");
        assert_eq!(normalise_name("subst:Reflist"), "reflist");
        assert!(is_citation("cite press release"));
        assert!(is_citation("citation"));
        assert!(!is_citation("citation needed"));
    }

    #[test]
    fn actions_by_name() {
        assert_eq!(action("lang-es"), Action::Show(Which::Positional(1)));
        assert_eq!(action("lang"), Action::Show(Which::Positional(2)));
        assert_eq!(action("flagicon"), Action::Drop);
        assert_eq!(action("navbox"), Action::Drop);
        assert_eq!(
            action("infobox bilateral relations"),
            Action::BilateralInfobox
        );
        assert_eq!(action("sfn"), Action::ShortCitation);
    }

    #[test]
    fn composes_conversions_and_approximations() {
        let compose_with = |kind, positional: &[&str]| compose(kind, &args(positional, &[]));
        assert_eq!(compose_with(Compose::Convert, &["12", "km", "mi"]), "12 km");
        assert_eq!(
            compose_with(Compose::Convert, &["10", "-", "20", "km"]),
            "10–20 km"
        );
        assert_eq!(compose_with(Compose::Circa, &["1850"]), "c. 1850");
        assert_eq!(
            compose_with(Compose::Currency("US$"), &["5 million"]),
            "US$5 million"
        );
        assert_eq!(
            compose_with(Compose::SortName, &["Ana", "Lind"]),
            "Ana Lind"
        );
    }

    #[test]
    fn composes_readable_dates() {
        let date = |positional: &[&str]| compose(Compose::Date, &args(positional, &[]));
        assert_eq!(date(&["2006", "8", "28"]), "28 August 2006");
        assert_eq!(date(&["2006", "08"]), "August 2006");
        assert_eq!(date(&["2006", "aug", "28"]), "28 August 2006");
        assert_eq!(date(&["2006-08-28"]), "28 August 2006");
        assert_eq!(date(&["28 August 2006"]), "28 August 2006");
        assert_eq!(date(&["1999"]), "1999");
        assert_eq!(date(&["2006", "13"]), "2006");
        assert_eq!(
            compose(Compose::AsOf, &args(&["2020", "5"], &[])),
            "As of May 2020"
        );
    }

    #[test]
    fn composes_harvard_citations() {
        let harvard = |style, positional: &[&str], named: &[(&str, &str)]| {
            compose(Compose::Harvard(style), &args(positional, named))
        };
        assert_eq!(
            harvard(HarvardStyle::Bare, &["Lind", "Ortu", "2001"], &[("p", "5")]),
            "Lind & Ortu 2001, p. 5"
        );
        assert_eq!(
            harvard(HarvardStyle::Parenthesised, &["Lind", "2001"], &[]),
            "(Lind 2001)"
        );
        assert_eq!(
            harvard(HarvardStyle::InText, &["Lind", "2001"], &[("pp", "5–9")]),
            "Lind (2001, pp. 5–9)"
        );
    }
}
