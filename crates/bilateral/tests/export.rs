//! `bilateral export` end to end on the seed article: the dyad-year panel the issue asks
//! for, CSL-JSON items with their required fields, and event rows that match the store.

use std::path::Path;
use std::process::{Command, Output};

fn bilateral(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .env_remove("BILATERAL_DB")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "bilateral {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The seed ingested into a fresh database, or `None` (with a note) without ../shared.
fn seed_db(folder: &Path) -> Option<String> {
    let shared = bilateral_testkit::shared_dir()?;
    let db = folder.join("seed.db").to_str().unwrap().to_owned();
    let seed = shared.join("seed");
    bilateral(&["ingest", seed.to_str().unwrap(), "--db", &db]);
    Some(db)
}

fn export(db: &str, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", db]);
    String::from_utf8(bilateral(&all).stdout).unwrap()
}

fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|line| {
            header
                .iter()
                .zip(line.split(','))
                .map(|(k, v)| ((*k).to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn the_seed_panel_has_relations_embassies_and_the_2006_visit() {
    let folder = tempfile::tempdir().unwrap();
    let Some(db) = seed_db(folder.path()) else {
        return;
    };
    let rows = csv_rows(&export(&db, &["dyad-year", "--to", "2010"]));
    let years: Vec<i32> = rows.iter().map(|r| r["year"].parse().unwrap()).collect();
    assert_eq!(years, (1992..=2010).collect::<Vec<_>>());
    let row = |year: i32| &rows[usize::try_from(year - 1992).unwrap()];
    // Kazakhstan (COW 705) is side 1, Japan (740) side 2.
    assert_eq!(
        (row(1992)["ccode1"].as_str(), row(1992)["ccode2"].as_str()),
        ("705", "740")
    );
    assert!(rows.iter().all(|r| r["relations"] == "1"));
    assert_eq!(row(1992)["mission_2_in_1"], "none");
    assert!((1993..=2010).all(|y| row(y)["mission_2_in_1"] == "embassy"));
    assert!((1992..=1995).all(|y| row(y)["mission_1_in_2"] == "none"));
    assert!((1996..=2010).all(|y| row(y)["mission_1_in_2"] == "embassy"));
    let hog: Vec<(i32, &str)> = rows
        .iter()
        .filter(|r| r["visits_head_of_government"] != "0")
        .map(|r| {
            (
                r["year"].parse().unwrap(),
                r["visits_head_of_government"].as_str(),
            )
        })
        .collect();
    assert_eq!(hog, [(2006, "1")]);
    assert_eq!(row(2006)["agreements"], "2");

    let directed = csv_rows(&export(&db, &["dyad-year", "--to", "2010", "--directed"]));
    assert_eq!(directed.len(), 2 * rows.len());
    let japan_2006 = directed
        .iter()
        .find(|r| r["year"] == "2006" && r["iso1"] == "JPN")
        .unwrap();
    assert_eq!(japan_2006["visits_head_of_government"], "1");
}

#[test]
fn the_seed_references_are_csl_items_with_the_required_fields() {
    let folder = tempfile::tempdir().unwrap();
    let Some(db) = seed_db(folder.path()) else {
        return;
    };
    let items: Vec<serde_json::Value> = serde_json::from_str(&export(&db, &["csl-json"])).unwrap();
    assert!(!items.is_empty());
    let types = [
        "book",
        "webpage",
        "article-newspaper",
        "article-journal",
        "document",
    ];
    for item in &items {
        let id = item["id"].as_str().unwrap();
        assert!(id.starts_with('d'), "{item}");
        assert!(types.contains(&item["type"].as_str().unwrap()), "{item}");
    }
    let ids: std::collections::HashSet<&str> =
        items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), items.len());
    let bibtex = export(&db, &["bibtex"]);
    assert_eq!(bibtex.matches("\n@").count() + 1, items.len());
}

#[test]
fn event_rows_are_one_per_stored_fact() {
    let folder = tempfile::tempdir().unwrap();
    let Some(db) = seed_db(folder.path()) else {
        return;
    };
    let lines = export(&db, &["events-jsonl"]);
    let facts = export(&db, &["events-jsonl", "--type", "visit"]);
    let listed = bilateral(&["facts", "--json", "--db", &db]).stdout;
    let listed: serde_json::Value = serde_json::from_slice(&listed).unwrap();
    let stored = listed["facts"].as_array().unwrap();
    let rows: Vec<serde_json::Value> = lines
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), stored.len());
    let visit: serde_json::Value = serde_json::from_str(facts.lines().next().unwrap()).unwrap();
    assert_eq!(visit["cameo_code"], "042");
    assert_eq!(visit["actor1_iso3"], "JPN");
    assert_eq!(visit["actor2_cow"], 705);
}
