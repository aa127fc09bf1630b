//! The store commands end to end: `ingest` with its summary and failures, revisions, the
//! database location, country names on the command line, and `--json` output.

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Chile–Norway relations\n\n\
    Chile–Norway relations are the relations between Chile and Norway.\n\n\
    History\n\n\
    The two states established diplomatic relations on 4 June 1955.[1]\n\n\
    References\n\n  \
    1. \"Exchange of envoys\". Example Daily. 1955. Retrieved 2020-01-02.\n";

fn bilateral(args: &[&str], db: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bilateral"));
    command.args(args).env_remove("BILATERAL_DB");
    if let Some(db) = db {
        command.env("BILATERAL_DB", db);
    }
    command.output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn ingest_reports_new_unchanged_replaced_and_failed_files() {
    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(articles.join("b.txt"), ARTICLE.replace("1955", "1956")).unwrap();
    std::fs::write(articles.join("empty.txt"), "  \n").unwrap();
    let db = folder.path().join("x.db");
    let db_arg = db.to_str().unwrap();
    let folder_arg = articles.to_str().unwrap();

    let first = bilateral(&["ingest", folder_arg, "--db", db_arg], None);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let failures: Vec<String> = stderr(&first).lines().map(str::to_owned).collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].starts_with("bilateral: "), "{failures:?}");
    assert!(failures[0].contains("empty.txt"), "{failures:?}");
    assert!(
        stdout(&first).starts_with("ingested 2 documents (2 new, 0 replaced, 0 unchanged)"),
        "{}",
        stdout(&first)
    );

    std::fs::remove_file(articles.join("empty.txt")).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE.replace("June", "July")).unwrap();
    let second = bilateral(&["ingest", folder_arg, "--db", db_arg], None);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).starts_with("ingested 2 documents (0 new, 1 replaced, 1 unchanged)"),
        "{}",
        stdout(&second)
    );

    // BILATERAL_DB names the database when --db is not given.
    let stats = bilateral(&["stats", "--json"], Some(&db));
    assert!(stats.status.success(), "{}", stderr(&stats));
    let stats: serde_json::Value = serde_json::from_str(&stdout(&stats)).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["revisions"], 3);
}

#[test]
fn read_commands_need_an_existing_database() {
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("missing.db");
    let output = bilateral(&["stats"], Some(&db));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no database at"),
        "{}",
        stderr(&output)
    );
    assert!(!db.exists());
}

#[test]
fn countries_are_named_as_people_write_them() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let db = folder.path().join("x.db");
    let ingest = bilateral(&["ingest", article.to_str().unwrap()], Some(&db));
    assert!(ingest.status.success(), "{}", stderr(&ingest));

    let typo = bilateral(&["show", "Kazakhztan", "Japan"], Some(&db));
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        stderr(&typo).contains("unknown country \"Kazakhztan\" — did you mean Kazakhstan?"),
        "{}",
        stderr(&typo)
    );

    let show = bilateral(&["show", "norway", "CL", "--json"], Some(&db));
    assert!(show.status.success(), "{}", stderr(&show));
    let dossier: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(dossier["pair"], serde_json::json!(["CHL", "NOR"]));
    assert_eq!(dossier["names"], serde_json::json!(["Chile", "Norway"]));

    let text = bilateral(&["show", "NOR", "chile"], Some(&db));
    assert!(text.status.success(), "{}", stderr(&text));
    assert!(stdout(&text).contains("Norway – "), "{}", stdout(&text));

    let same = bilateral(&["show", "Norway", "NOR"], Some(&db));
    assert_eq!(same.status.code(), Some(2));

    let timeline = bilateral(&["timeline", "Chile", "--json"], Some(&db));
    assert!(timeline.status.success(), "{}", stderr(&timeline));
    let timeline: serde_json::Value = serde_json::from_str(&stdout(&timeline)).unwrap();
    assert!(timeline["facts"].is_array());

    let bad_type = bilateral(&["facts", "--type", "visits"], Some(&db));
    assert_eq!(bad_type.status.code(), Some(2));
    assert!(stderr(&bad_type).contains("unknown fact type"));
}
