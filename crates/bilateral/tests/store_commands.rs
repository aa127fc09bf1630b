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

/// A folder with the test article ingested into `bilateral.db`.
fn stored_article() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let db = folder.path().join("bilateral.db");
    let output = bilateral(&["ingest", article.to_str().unwrap()], Some(&db));
    assert!(output.status.success(), "{}", stderr(&output));
    (folder, db)
}

/// A command that runs `bilateral` as a user the file permissions bind. Run as root (as CI
/// runs), permissions bind nobody, so the command runs as `nobody` through `setpriv` when it
/// can; else as the present user.
fn reader_command(probe: &Path) -> Command {
    let binds = std::fs::write(probe, "").is_err();
    let _ = std::fs::remove_file(probe);
    let setpriv = ["--reuid=65534", "--regid=65534", "--clear-groups"];
    let binary = env!("CARGO_BIN_EXE_bilateral");
    let can_drop = !binds
        && Command::new("setpriv")
            .args(setpriv)
            .args([binary, "--version"])
            .output()
            .is_ok_and(|output| output.status.success());
    if can_drop {
        let mut command = Command::new("setpriv");
        command.args(setpriv).arg(binary);
        command
    } else {
        if !binds {
            eprintln!("running as root without setpriv: the permissions are not tested");
        }
        Command::new(binary)
    }
}

#[test]
fn queries_work_on_a_database_the_user_may_only_read() {
    use std::os::unix::fs::PermissionsExt;
    let (folder, db) = stored_article();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let queries: [&[&str]; 4] = [
        &["stats"],
        &["show", "Chile", "Norway"],
        &["timeline", "Chile"],
        &["facts", "--country", "Norway"],
    ];
    for query in queries {
        let output = reader_command(&folder.path().join("probe"))
            .args(query)
            .arg("--db")
            .arg(&db)
            .env_remove("BILATERAL_DB")
            .output()
            .unwrap();
        assert!(output.status.success(), "{query:?}: {}", stderr(&output));
        assert!(stdout(&output).contains("Chile"), "{query:?}");
    }
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_error_says_its_cause_once() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let output = bilateral(
        &[
            "ingest",
            article.to_str().unwrap(),
            "--db",
            "/nonexistent-folder/x.db",
        ],
        None,
    );
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(message.matches("unable to open").count(), 1, "{message}");
}

#[test]
fn requests_that_cannot_mean_anything_are_refused() {
    let (folder, db) = stored_article();
    let empty = folder.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["timeline", "Japan", "JPN"], "are the same country"),
        (&["show", "Japan", "japan"], "are the same country"),
        (
            &["facts", "--from", "2020", "--to", "2010"],
            "--from 2020 is after --to 2010",
        ),
        (
            &["timeline", "Chile", "--from", "2020", "--to", "2010"],
            "is after",
        ),
    ];
    for (args, expected) in cases {
        let output = bilateral(args, Some(&db));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let other_db = folder.path().join("other.db");
    let output = bilateral(&["ingest", empty.to_str().unwrap()], Some(&other_db));
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no articles in this folder"),
        "{}",
        stderr(&output)
    );
    assert!(!other_db.exists());
}

#[test]
fn one_article_reached_by_two_paths_is_one_document() {
    let (folder, db) = stored_article();
    let copy = folder.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    std::fs::copy(folder.path().join("a.txt"), copy.join("a.txt")).unwrap();
    let output = bilateral(&["ingest", copy.to_str().unwrap()], Some(&db));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("1 unchanged"),
        "{}",
        stdout(&output)
    );
    let stats = bilateral(&["stats", "--json"], Some(&db));
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["documents"], 1, "{stats}");
}

#[test]
fn refs_read_and_show_print_a_reference_in_one_shape() {
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/australia-japan-relations.wiki");
    let article = article.to_str().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("x.db");
    let ingest = bilateral(&["ingest", article], Some(&db));
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let json = |args: &[&str]| -> serde_json::Value {
        let output = bilateral(args, Some(&db));
        assert_ne!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let from_refs = json(&["refs", "--json", article])[0]["citations"].clone();
    let from_read = json(&["read", "--json", article])[0]["references"].clone();
    let from_show = json(&["show", "Australia", "Japan", "--json"])["references"].clone();
    assert_eq!(from_refs, from_show);
    assert_eq!(from_read, from_show);

    let references = from_show.as_array().unwrap();
    assert_eq!(references.len(), 8);
    let fields = [
        "archive_url",
        "archived",
        "authors",
        "date",
        "document",
        "isbn",
        "kind",
        "language",
        "n",
        "pages",
        "place",
        "problems",
        "publisher",
        "retrieved",
        "title",
        "url",
        "work",
    ];
    for reference in references {
        let keys: Vec<&str> = reference
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, fields, "{reference}");
        assert_eq!(reference["document"], 1);
    }
    let book = &references[4];
    assert_eq!(book["n"], 5);
    assert_eq!(
        book["isbn"],
        serde_json::json!({"printed": "978-0-6459-3107-2", "isbn13": "9780645931072", "valid": false})
    );
    assert_eq!(book["date"], "2020");
    assert_eq!(book["problems"], serde_json::json!(["invalid_isbn"]));
}
