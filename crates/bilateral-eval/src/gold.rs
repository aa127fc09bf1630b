//! The answer-key file: parsing it with errors that say where it is wrong, and the key-shaped
//! view of our own output (`bilateral extract --format gold`).

use bilateral_model::{Citation, CitationKind, CountryCode, Dyad, Fact, PartialDate, Problem};
use serde::{Deserialize, Serialize};

/// One entry of a key's `citations`: a numbered reference as the article's list gives it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldCitation {
    /// Its number in the reference list.
    pub n: u32,
    pub kind: CitationKind,
    #[serde(default)]
    pub title: Option<String>,
    /// ISO 639-1.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    /// ISBN-13 without hyphens.
    #[serde(default)]
    pub isbn: Option<String>,
    /// Whether the printed ISBN's check digit is right.
    #[serde(default)]
    pub isbn_valid: Option<bool>,
    #[serde(default)]
    pub retrieved: Option<PartialDate>,
    #[serde(default)]
    pub archived: Option<PartialDate>,
    #[serde(default)]
    pub problems: Vec<Problem>,
}

/// A whole answer key.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFile {
    pub title: String,
    /// The article's two states, in alphabetical order (which fixes what `A_to_B` means).
    pub dyad: [CountryCode; 2],
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub citations: Vec<GoldCitation>,
}

/// Why a text is not a usable answer key.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// Bad JSON, or JSON of the wrong shape; the message says the line and column.
    #[error("bad answer key: {0}")]
    Json(#[from] serde_json::Error),
    #[error("fact {index}: unknown fact type {found:?}")]
    UnknownFactType { index: usize, found: String },
    #[error("fact {index} has no \"type\"")]
    MissingFactType { index: usize },
    #[error("dyad [{first}, {second}] is not two different countries in alphabetical order")]
    DyadOrder {
        first: CountryCode,
        second: CountryCode,
    },
    #[error("citation {n} appears more than once")]
    DuplicateCitation { n: u32 },
}

/// Parses an answer key and checks what the format promises beyond its shape: a sorted dyad
/// of two states and citation numbers that appear once.
pub fn parse_gold(json: &str) -> Result<GoldFile, GoldError> {
    let gold: GoldFile = serde_json::from_str(json).map_err(|error| explain(json, error))?;
    let [first, second] = gold.dyad;
    if first >= second {
        return Err(GoldError::DyadOrder { first, second });
    }
    let mut numbers: Vec<u32> = gold.citations.iter().map(|citation| citation.n).collect();
    numbers.sort_unstable();
    if let Some(pair) = numbers.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(GoldError::DuplicateCitation { n: pair[0] });
    }
    Ok(gold)
}

/// Turns serde's "unknown variant" for the first fact that fails into a named error; any
/// other error keeps serde's message with its line and column.
fn explain(json: &str, error: serde_json::Error) -> GoldError {
    if !error.is_data() {
        return GoldError::Json(error);
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return GoldError::Json(error);
    };
    let facts = value.get("facts").and_then(serde_json::Value::as_array);
    let first_bad = facts
        .into_iter()
        .flatten()
        .enumerate()
        .find(|(_, fact)| serde_json::from_value::<Fact>((*fact).clone()).is_err());
    match first_bad.map(|(index, fact)| (index, fact.get("type"))) {
        Some((index, None)) => GoldError::MissingFactType { index },
        Some((index, Some(serde_json::Value::String(found))))
            if !Fact::TYPES.contains(&found.as_str()) =>
        {
            GoldError::UnknownFactType {
                index,
                found: found.clone(),
            }
        }
        _ => GoldError::Json(error),
    }
}

/// The key-shaped view of our output for one article.
pub fn to_gold(title: &str, dyad: Dyad, facts: &[Fact], citations: &[Citation]) -> GoldFile {
    GoldFile {
        title: title.to_owned(),
        dyad: dyad.codes(),
        facts: facts.to_vec(),
        citations: citations.iter().map(gold_citation).collect(),
    }
}

/// The key-shaped view of one parsed reference. Problems come out sorted and once each,
/// since the key treats them as a set.
pub fn gold_citation(citation: &Citation) -> GoldCitation {
    let mut problems = citation.problems.clone();
    problems.sort_unstable();
    problems.dedup();
    GoldCitation {
        n: citation.n,
        kind: citation.kind,
        title: citation.title.clone(),
        language: citation.language.clone(),
        year: citation.year(),
        isbn: citation.isbn.as_ref().map(|isbn| isbn.isbn13.clone()),
        isbn_valid: citation.isbn.as_ref().map(|isbn| isbn.valid),
        retrieved: citation.retrieved,
        archived: citation.archived,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::Isbn;

    const KEY: &str = r#"{
      "title": "Atlantis–Lemuria relations",
      "dyad": ["ATL", "LEM"],
      "facts": [
        {"type": "relations_established", "parties": ["ATL", "LEM"], "date": "1971-03"},
        {"type": "meeting", "participants": ["Ana Ortiz", "Bo Lind"], "date": null, "place": null}
      ],
      "citations": [
        {"n": 1, "kind": "book", "title": "A History", "language": "en", "year": 2001,
         "isbn": "9780306406157", "isbn_valid": true, "retrieved": null, "archived": null,
         "problems": ["missing_publisher"]}
      ]
    }"#;

    #[test]
    fn parses_a_key() {
        let gold = parse_gold(KEY).unwrap();
        assert_eq!(gold.title, "Atlantis–Lemuria relations");
        assert_eq!(gold.facts.len(), 2);
        assert_eq!(gold.citations[0].problems, vec![Problem::MissingPublisher]);
    }

    #[test]
    fn bad_json_says_where() {
        let error = parse_gold("{\n  \"title\": \"x\",\n  oops\n}").unwrap_err();
        let GoldError::Json(inner) = &error else {
            panic!("{error:?}")
        };
        assert_eq!(inner.line(), 3);
        assert!(error.to_string().contains("line 3"), "{error}");
    }

    #[test]
    fn an_unknown_fact_type_is_named() {
        let key = KEY.replace("\"meeting\"", "\"summit\"");
        match parse_gold(&key) {
            Err(GoldError::UnknownFactType { index, found }) => {
                assert_eq!((index, found.as_str()), (1, "summit"));
            }
            other => panic!("{other:?}"),
        }
        let key = KEY.replace("\"type\": \"meeting\", ", "");
        assert!(matches!(
            parse_gold(&key),
            Err(GoldError::MissingFactType { index: 1 })
        ));
    }

    #[test]
    fn a_missing_required_field_keeps_the_location() {
        let key = KEY.replace("\"parties\": [\"ATL\", \"LEM\"], ", "");
        let error = parse_gold(&key).unwrap_err();
        assert!(matches!(error, GoldError::Json(_)), "{error:?}");
        assert!(error.to_string().contains("parties"), "{error}");
    }

    #[test]
    fn checks_the_dyad_and_citation_numbers() {
        let key = KEY.replace(r#"["ATL", "LEM"],"#, r#"["LEM", "ATL"],"#);
        assert!(matches!(parse_gold(&key), Err(GoldError::DyadOrder { .. })));
        let twice = KEY.replace(
            "\"citations\": [",
            "\"citations\": [{\"n\": 1, \"kind\": \"web\"},",
        );
        assert!(matches!(
            parse_gold(&twice),
            Err(GoldError::DuplicateCitation { n: 1 })
        ));
    }

    #[test]
    fn our_output_prints_in_the_keys_shape() {
        let mut citation = Citation::new(1, CitationKind::Book);
        citation.title = Some("A History".into());
        citation.language = Some("en".into());
        citation.date = Some(PartialDate::Month(2001, 5));
        citation.isbn = Some(Isbn {
            printed: "0-306-40615-2".into(),
            isbn13: "9780306406157".into(),
            valid: true,
        });
        citation.problems = vec![Problem::MissingPublisher, Problem::MissingPublisher];
        let gold = parse_gold(KEY).unwrap();
        let dyad = Dyad::try_from(gold.dyad).unwrap();
        let ours = to_gold(&gold.title, dyad, &gold.facts, &[citation]);
        assert_eq!(ours, gold);
        let printed = serde_json::to_string(&ours).unwrap();
        assert_eq!(parse_gold(&printed).unwrap(), gold);
    }
}
