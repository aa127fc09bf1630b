//! Event rows: one per stored fact, with its actors as ISO, COW code and name, its fields,
//! its CAMEO and PLOVER codes, and its provenance; written as CSV or JSON Lines.

use std::io::Write;

use bilateral_model::{CountryCode, Fact, PartialDate};
use bilateral_store::StoredFact;

use crate::ExportError;
use crate::actor::Actor;
use crate::cell::{Cell, write_csv_header, write_csv_row, write_json_line};
use crate::codes::event_code;

/// The columns of an event row, in order: the CSV header and the JSON Lines keys.
pub const COLUMNS: [&str; 32] = [
    "id",
    "type",
    "date",
    "date_precision",
    "end_date",
    "actor1_iso3",
    "actor1_cow",
    "actor1_name",
    "actor2_iso3",
    "actor2_cow",
    "actor2_name",
    "person",
    "office",
    "level",
    "kind",
    "title",
    "topic",
    "place",
    "group",
    "count",
    "value",
    "currency",
    "direction",
    "cameo_code",
    "plover_event",
    "plover_mode",
    "document",
    "document_title",
    "sentence",
    "references",
    "confidence",
    "document_id",
];

/// How precise a date is: `day`, `month`, `year` or `decade`.
pub(crate) fn precision(date: PartialDate) -> &'static str {
    match date {
        PartialDate::Day(..) => "day",
        PartialDate::Month(..) => "month",
        PartialDate::Year(_) => "year",
        PartialDate::Decade(_) => "decade",
    }
}

/// Source and target: the visitor and host, the sending and host state, the exporter and
/// importer, the state a group came from and the one it lives in; else the pair in order.
pub(crate) fn actors(stored: &StoredFact) -> Option<(CountryCode, CountryCode)> {
    let pair = stored.pair.map(|pair| (pair.first(), pair.second()));
    match &stored.fact {
        Fact::RelationsEstablished { parties, .. }
        | Fact::RelationsSevered { parties, .. }
        | Fact::RelationsRestored { parties, .. }
        | Fact::AgreementSigned { parties, .. } => Some((parties[0], parties[1])),
        Fact::MissionOpened { sender, host, .. } | Fact::MissionClosed { sender, host, .. } => {
            Some((*sender, *host))
        }
        Fact::Visit {
            visitor_country,
            host,
            ..
        }
        | Fact::VisitCount {
            visitor_country,
            host,
            ..
        } => Some((*visitor_country, *host)),
        Fact::Trade {
            from: Some(from),
            to: Some(to),
            ..
        } => Some((*from, *to)),
        Fact::Population {
            country: Some(country),
            ..
        } => match stored.pair.and_then(|pair| pair.other(*country)) {
            Some(origin) => Some((origin, *country)),
            None => pair,
        },
        Fact::Meeting { .. } | Fact::Trade { .. } | Fact::Population { .. } => pair,
    }
}

/// The row of a fact, one cell per column of `COLUMNS`.
pub(crate) fn cells(stored: &StoredFact) -> [Cell<'_>; COLUMNS.len()] {
    let fact = &stored.fact;
    let date = fact.date();
    let (actor1, actor2) = match actors(stored) {
        Some((a, b)) => (Some(Actor::new(a)), Some(Actor::new(b))),
        None => (None, None),
    };
    let actor = |actor: Option<Actor>| {
        [
            Cell::shown(actor.map(|a| a.iso3)),
            Cell::int(actor.and_then(|a| a.cow)),
            Cell::text(actor.map(|a| a.name)),
        ]
    };
    let [iso1, cow1, name1] = actor(actor1);
    let [iso2, cow2, name2] = actor(actor2);
    let people = fact.people();
    let person = if people.is_empty() {
        Cell::Null
    } else {
        Cell::Owned(people.join("; "))
    };
    let mut row = Row::default();
    match fact {
        Fact::Visit {
            office, level, end, ..
        } => {
            row.office = Some(office.as_str());
            row.level = Some(level.as_str());
            row.end = *end;
        }
        Fact::VisitCount { office, count, .. } => {
            row.office = Some(office.as_str());
            row.count = Some(u64::from(*count));
        }
        Fact::MissionOpened { kind, city, .. } | Fact::MissionClosed { kind, city, .. } => {
            row.kind = Some(kind.as_str());
            row.place = city.as_deref();
        }
        Fact::Meeting { place, .. } => row.place = place.as_deref(),
        Fact::AgreementSigned {
            kind, title, topic, ..
        } => {
            row.kind = Some(kind.as_str());
            row.title = title.as_deref();
            row.topic = topic.as_deref();
        }
        Fact::Population {
            group,
            count,
            place,
            ..
        } => {
            row.group = Some(group);
            row.count = Some(*count);
            row.place = place.as_deref();
        }
        Fact::Trade {
            value,
            currency,
            direction,
            ..
        } => {
            row.value = Some(*value);
            row.currency = Some(currency);
            row.direction = Some(direction.as_str());
        }
        Fact::RelationsEstablished { .. }
        | Fact::RelationsSevered { .. }
        | Fact::RelationsRestored { .. } => {}
    }
    let code = event_code(fact.type_name());
    [
        Cell::Int(stored.id),
        Cell::Text(fact.type_name()),
        Cell::shown(date),
        Cell::text(date.map(precision)),
        Cell::shown(row.end),
        iso1,
        cow1,
        name1,
        iso2,
        cow2,
        name2,
        person,
        Cell::text(row.office),
        Cell::text(row.level),
        Cell::text(row.kind),
        Cell::text(row.title),
        Cell::text(row.topic),
        Cell::text(row.place),
        Cell::text(row.group),
        row.count.map_or(Cell::Null, |n| {
            Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
        }),
        row.value.map_or(Cell::Null, Cell::Float),
        Cell::text(row.currency),
        Cell::text(row.direction),
        Cell::text(code.map(|c| c.cameo)),
        Cell::text(code.map(|c| c.plover)),
        Cell::text(code.map(|c| c.mode).filter(|mode| !mode.is_empty())),
        Cell::Text(&stored.source),
        Cell::Text(&stored.title),
        Cell::Text(&stored.sentence),
        Cell::Numbers(&stored.references),
        Cell::Float32(stored.confidence),
        Cell::Int(stored.document_id),
    ]
}

/// The fields only some fact types have.
#[derive(Default)]
struct Row<'a> {
    end: Option<PartialDate>,
    office: Option<&'static str>,
    level: Option<&'static str>,
    kind: Option<&'static str>,
    title: Option<&'a str>,
    topic: Option<&'a str>,
    place: Option<&'a str>,
    group: Option<&'a str>,
    count: Option<u64>,
    value: Option<f64>,
    currency: Option<&'a str>,
    direction: Option<&'static str>,
}

/// Event rows as CSV with a header line (RFC 4180: CRLF, quotes doubled).
pub struct EventsCsv<W: Write> {
    out: W,
}

impl<W: Write> EventsCsv<W> {
    /// Writes the header.
    pub fn new(mut out: W) -> Result<Self, ExportError> {
        write_csv_header(&mut out, &COLUMNS)?;
        Ok(EventsCsv { out })
    }

    pub fn write(&mut self, fact: &StoredFact) -> Result<(), ExportError> {
        Ok(write_csv_row(&mut self.out, &cells(fact))?)
    }

    /// Flushes and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Event rows as JSON Lines: one object per fact, keys as `COLUMNS`, `references` an array.
pub struct EventsJsonl<W: Write> {
    out: W,
}

impl<W: Write> EventsJsonl<W> {
    pub fn new(out: W) -> Self {
        EventsJsonl { out }
    }

    pub fn write(&mut self, fact: &StoredFact) -> Result<(), ExportError> {
        Ok(write_json_line(&mut self.out, &COLUMNS, &cells(fact))?)
    }

    /// Flushes and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use bilateral_model::{Dyad, Office, VisitLevel};

    pub(crate) fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    pub(crate) fn stored(id: i64, fact: Fact, references: Vec<u32>) -> StoredFact {
        StoredFact {
            id,
            document_id: 1,
            fact,
            pair: Some(Dyad::new(code("JPN"), code("KAZ")).unwrap()),
            sentence: "Koizumi, then prime minister, went to \"Astana\".".into(),
            references,
            source: "seed/japan-kazakhstan-relations.txt".into(),
            title: "Japan–Kazakhstan relations".into(),
            confidence: 0.9,
        }
    }

    pub(crate) fn visit() -> Fact {
        Fact::Visit {
            visitor_country: code("JPN"),
            host: code("KAZ"),
            visitor: Some("Junichiro Koizumi".into()),
            office: Office::HeadOfGovernment,
            level: VisitLevel::Official,
            start: Some("2006-08-28".parse().unwrap()),
            end: Some("2006-08-29".parse().unwrap()),
        }
    }

    #[test]
    fn a_visit_row_has_codes_actors_and_provenance() {
        let mut csv = EventsCsv::new(Vec::new()).unwrap();
        csv.write(&stored(7, visit(), vec![4, 2])).unwrap();
        let text = String::from_utf8(csv.finish().unwrap()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], COLUMNS.join(","));
        assert_eq!(
            lines[1],
            "7,visit,2006-08-28,day,2006-08-29,JPN,740,Japan,KAZ,705,Kazakhstan,\
             Junichiro Koizumi,head_of_government,official,,,,,,,,,,042,CONSULT,visit,\
             seed/japan-kazakhstan-relations.txt,Japan–Kazakhstan relations,\
             \"Koizumi, then prime minister, went to \"\"Astana\"\".\",4;2,0.9,1"
        );
        assert_eq!(lines[2], "");
    }

    #[test]
    fn json_lines_carry_the_same_columns_typed() {
        let mut jsonl = EventsJsonl::new(Vec::new());
        let severed = Fact::RelationsSevered {
            parties: [code("JPN"), code("KAZ")],
            date: Some(PartialDate::Year(1999)),
        };
        jsonl.write(&stored(3, severed, Vec::new())).unwrap();
        let text = String::from_utf8(jsonl.finish().unwrap()).unwrap();
        let row: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(row["cameo_code"], "161");
        assert_eq!(row["plover_event"], "SANCTION");
        assert_eq!(row["date"], "1999");
        assert_eq!(row["date_precision"], "year");
        assert_eq!(row["actor2_cow"], 705);
        assert_eq!(row["references"], serde_json::json!([]));
        assert_eq!(row["person"], serde_json::Value::Null);
        assert_eq!(row.as_object().unwrap().len(), COLUMNS.len());
    }

    #[test]
    fn a_population_figure_runs_from_the_state_of_origin_and_has_no_event_code() {
        let population = Fact::Population {
            group: "Japanese".into(),
            count: 15_735,
            country: Some(code("KAZ")),
            place: None,
            date: None,
        };
        let fact = stored(1, population, vec![1]);
        assert_eq!(actors(&fact), Some((code("JPN"), code("KAZ"))));
        let row = cells(&fact);
        assert_eq!(row[23], Cell::Null);
        assert_eq!(row[19], Cell::Int(15_735));
    }
}
