//! The pair page's timeline, laid out on the server: one lane per fact family, a mark per
//! dated fact at its year (and month, when known), and a tick per decade. The page's
//! template draws the result as SVG; this module only computes places.

use bilateral_model::PartialDate;
use bilateral_store::StoredFact;

use crate::views::{self, Family};

/// Width of the drawing, of the lane labels at its left, and of the margin at its right.
const WIDTH: u32 = 960;
const LABEL_WIDTH: u32 = 120;
const RIGHT_MARGIN: u32 = 30;
/// Height of one lane, and of the axis under the lanes.
const LANE_HEIGHT: u32 = 32;
const AXIS_HEIGHT: u32 = 28;

/// The timeline of a set of facts.
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    /// Where the plot starts, and the y of the axis line.
    pub left: u32,
    pub axis_y: u32,
    pub lanes: Vec<Lane>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
}

pub struct Lane {
    pub label: &'static str,
    /// The y of the lane's middle line, and of its label's baseline.
    pub y: u32,
    pub text_y: u32,
}

/// One dated fact.
pub struct Mark {
    pub x: u32,
    pub y: u32,
    pub year: i32,
    /// "1992-01-26: Japan and Kazakhstan establish diplomatic relations".
    pub title: String,
    pub fact_id: i64,
}

pub struct Tick {
    pub x: u32,
    pub year: i32,
}

/// A date as a fraction of years, a month or day placing it inside its year.
fn position(date: PartialDate) -> f64 {
    let month_part = |month: u8| f64::from(month.saturating_sub(1)) / 12.0;
    match date {
        PartialDate::Decade(year) | PartialDate::Year(year) => f64::from(year),
        PartialDate::Month(year, month) => f64::from(year) + month_part(month),
        PartialDate::Day(year, month, day) => {
            f64::from(year) + month_part(month) + f64::from(day.saturating_sub(1)) / 366.0
        }
    }
}

/// Lays out the dated facts; `None` when none is dated.
pub fn layout(facts: &[StoredFact]) -> Option<Timeline> {
    let dated: Vec<(&StoredFact, PartialDate)> = facts
        .iter()
        .filter_map(|stored| Some((stored, stored.fact.date()?)))
        .collect();
    let first = dated.iter().map(|(_, date)| date.year()).min()?;
    let last = dated.iter().map(|(_, date)| date.year()).max()?;
    // Whole decades around the facts, so that ticks fall on round years.
    let start = first.div_euclid(10) * 10;
    let end = (last.div_euclid(10) + 1) * 10;
    let span = f64::from(end - start);
    let plot = f64::from(WIDTH - LABEL_WIDTH - RIGHT_MARGIN);
    // Inside the drawing by construction: positions run from `start` to before `end`.
    let x_of = |at: f64| LABEL_WIDTH + ((at - f64::from(start)) / span * plot).round() as u32;

    let families: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|family| dated.iter().any(|(f, _)| Family::of(&f.fact) == *family))
        .collect();
    let lane_y = |index: usize| LANE_HEIGHT / 2 + LANE_HEIGHT * index as u32;
    let lanes = families
        .iter()
        .enumerate()
        .map(|(index, family)| Lane {
            label: family.heading(),
            y: lane_y(index),
            text_y: lane_y(index) + 4,
        })
        .collect();
    let marks = dated
        .iter()
        .filter_map(|(stored, date)| {
            let lane = families
                .iter()
                .position(|f| *f == Family::of(&stored.fact))?;
            Some(Mark {
                x: x_of(position(*date)),
                y: lane_y(lane),
                year: date.year(),
                title: format!("{date}: {}", views::summary(&stored.fact, stored.pair)),
                fact_id: stored.id,
            })
        })
        .collect();
    let axis_y = LANE_HEIGHT * families.len() as u32;
    let ticks = (start..=end)
        .step_by(10)
        .map(|year| Tick {
            x: x_of(f64::from(year)),
            year,
        })
        .collect();
    Some(Timeline {
        width: WIDTH,
        height: axis_y + AXIS_HEIGHT,
        left: LABEL_WIDTH,
        axis_y,
        lanes,
        marks,
        ticks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::{CountryCode, Fact, MissionKind};

    fn stored(id: i64, fact: Fact) -> StoredFact {
        StoredFact {
            id,
            document_id: 1,
            fact,
            pair: None,
            sentence: String::new(),
            references: Vec::new(),
            source: String::new(),
            title: String::new(),
            confidence: 1.0,
        }
    }

    fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    fn established(date: &str) -> Fact {
        Fact::RelationsEstablished {
            parties: [code("CHL"), code("NOR")],
            date: date.parse().ok(),
        }
    }

    fn embassy(date: Option<&str>) -> Fact {
        Fact::MissionOpened {
            sender: code("CHL"),
            host: code("NOR"),
            kind: MissionKind::Embassy,
            city: None,
            date: date.and_then(|d| d.parse().ok()),
        }
    }

    #[test]
    fn marks_sit_in_their_familys_lane_at_their_year() {
        let facts = [
            stored(1, established("1955-06-04")),
            stored(2, embassy(Some("1992"))),
            stored(3, embassy(None)),
        ];
        let timeline = layout(&facts).unwrap();
        let labels: Vec<&str> = timeline.lanes.iter().map(|l| l.label).collect();
        assert_eq!(labels, ["Relations", "Missions"]);
        // The undated embassy has no mark.
        assert_eq!(timeline.marks.len(), 2);
        let [relations, mission] = [&timeline.marks[0], &timeline.marks[1]];
        assert_eq!((relations.year, mission.year), (1955, 1992));
        assert!(relations.x < mission.x && relations.y < mission.y);
        assert!(
            relations
                .title
                .starts_with("1955-06-04: Chile and Norway establish")
        );
        let years: Vec<i32> = timeline.ticks.iter().map(|t| t.year).collect();
        assert_eq!(years, [1950, 1960, 1970, 1980, 1990, 2000]);
        assert!(
            timeline
                .marks
                .iter()
                .all(|m| m.x >= timeline.left && m.x < timeline.width)
        );
    }

    #[test]
    fn no_dated_fact_draws_no_timeline() {
        assert!(layout(&[stored(1, embassy(None))]).is_none());
        assert!(layout(&[]).is_none());
    }
}
