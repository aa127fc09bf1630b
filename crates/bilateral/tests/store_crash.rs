//! Killing `bilateral ingest` mid-way loses no committed document and half-writes none; a
//! second run stores the rest. One test kills a run once it has stored some documents; the
//! other kills run after run at random moments (`BILATERAL_CRASH_TRIALS` of them, 20 unless
//! set; `scripts/soak` runs 200) and checks the store after each.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bilateral_store::{DocumentInfo, Store};

/// Enough that the run is still going when it has stored `KILL_AFTER`, on a busy machine.
const ARTICLES: usize = 2000;
/// Documents the killed run must have stored before it is killed.
const KILL_AFTER: usize = 20;
const DEADLINE: Duration = Duration::from_secs(120);

const COUNTRIES: [&str; 8] = [
    "Norway", "Chile", "Kenya", "Vietnam", "Canada", "Egypt", "Poland", "Mongolia",
];

/// A small article in the scraped-text form, different for every `i`.
fn article(i: usize) -> String {
    let a = COUNTRIES[i % COUNTRIES.len()];
    let b = COUNTRIES[(i / COUNTRIES.len() + i + 1) % COUNTRIES.len()];
    let b = if a == b {
        COUNTRIES[(i + 3) % COUNTRIES.len()]
    } else {
        b
    };
    let year = 1950 + i % 70;
    format!(
        "{a}–{b} relations\n\n\
         {a}–{b} relations are the relations between {a} and {b}.\n\n\
         History\n\n\
         The two states established diplomatic relations on {day} May {year}.[1] \
         The foreign minister of {a} visited {b} in {later}, the {i}th such visit.[2]\n\n\
         References\n\n  \
         1. \"Report number {i}\". Example Daily. {year}. Retrieved 2020-01-02.\n  \
         2. \"Visit of the minister\". Example Post. Retrieved 2021-03-04.\n",
        day = 1 + i % 28,
        later = year + 5,
    )
}

fn write_articles(folder: &Path, count: usize) {
    for i in 0..count {
        // Subfolders, to go through the folder walk as users do.
        let subfolder = folder.join(format!("batch-{:02}", i / 100));
        std::fs::create_dir_all(&subfolder).unwrap();
        std::fs::write(subfolder.join(format!("article-{i:04}.txt")), article(i)).unwrap();
    }
}

fn ingest(articles: &Path, db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bilateral"));
    command
        .arg("ingest")
        .arg(articles)
        .arg("--db")
        .arg(db)
        .env_remove("BILATERAL_DB");
    command
}

/// What must be equal between two stores holding the same document.
fn content(document: &DocumentInfo) -> (String, String, String, u64, u64, u64) {
    (
        document.source.clone(),
        document.title.clone(),
        document.content_hash.clone(),
        document.sentences,
        document.facts,
        document.citations,
    )
}

fn assert_consistent(store: &Store) {
    let problems = store.verify().unwrap();
    assert!(problems.is_empty(), "inconsistent store: {problems:#?}");
}

#[test]
fn a_killed_ingest_leaves_whole_documents_and_resumes() {
    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    write_articles(&articles, ARTICLES);

    // What a run that nobody interrupts stores.
    let clean_db = folder.path().join("clean.db");
    let status = ingest(&articles, &clean_db)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let clean = Store::open(&clean_db).unwrap().documents().unwrap();
    assert_eq!(clean.len(), ARTICLES);

    let db = folder.path().join("crash.db");
    // Created up front, so that neither process waits on the other to create the schema:
    // a watcher stuck behind a busy writer could see the run end before it could kill it.
    let watcher = Store::open(&db).unwrap();
    let mut child = ingest(&articles, &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < DEADLINE,
            "ingest stored fewer than {KILL_AFTER} documents in {DEADLINE:?}"
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest ended ({status}) before storing {KILL_AFTER} documents");
        }
        let stored = watcher.documents().unwrap().len();
        if stored >= KILL_AFTER {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "ingest finished before it was killed; raise ARTICLES"
    );
    drop(watcher);

    let store = Store::open(&db).unwrap();
    assert_consistent(&store);
    let survivors = store.documents().unwrap();
    assert!(
        (KILL_AFTER..ARTICLES).contains(&survivors.len()),
        "{} documents survived",
        survivors.len()
    );
    let clean_by_source: std::collections::HashMap<String, &DocumentInfo> =
        clean.iter().map(|d| (d.source.clone(), d)).collect();
    for document in &survivors {
        let reference = clean_by_source
            .get(&document.source)
            .unwrap_or_else(|| panic!("unexpected document {}", document.source));
        assert_eq!(content(document), content(reference));
    }
    drop(store);

    let output = ingest(&articles, &db).output().unwrap();
    assert!(output.status.success());
    let summary = String::from_utf8(output.stdout).unwrap();
    let expected = format!(
        "ingested {ARTICLES} documents ({} new, 0 replaced, {} unchanged)",
        ARTICLES - survivors.len(),
        survivors.len()
    );
    assert!(summary.contains(&expected), "{summary}");

    let store = Store::open(&db).unwrap();
    assert_consistent(&store);
    let resumed: Vec<_> = store.documents().unwrap().iter().map(content).collect();
    let clean: Vec<_> = clean.iter().map(content).collect();
    assert_eq!(resumed, clean);
}

/// Random kill points from a small generator seeded by the clock (the seed is printed, so a
/// failing run can be read back).
struct KillPoints(u64);

impl KillPoints {
    fn new() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |since| since.as_nanos() as u64)
            | 1;
        eprintln!("kill points seeded with {seed}");
        KillPoints(seed)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// When to kill a run: once it has stored this many documents, and this long after.
    fn next(&mut self, documents: usize) -> (usize, Duration) {
        let after = (self.unit() * documents as f64) as usize;
        (after, Duration::from_secs_f64(self.unit() * 0.005))
    }
}

/// Waits until the run writing `db` has stored `documents` documents (or has ended),
/// watching through a read-only connection, which takes no lock the writer waits on.
fn wait_for_documents(db: &Path, documents: usize, child: &mut std::process::Child) {
    let started = Instant::now();
    let mut watcher = None;
    while documents > 0 && child.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < DEADLINE, "ingest stalled");
        if watcher.is_none() && db.exists() {
            // Fails until the writer has made the schema.
            watcher = Store::open_read_only(db).ok();
        }
        if watcher
            .as_ref()
            .and_then(|store| store.documents().ok())
            .is_some_and(|stored| stored.len() >= documents)
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn runs_killed_at_random_moments_leave_whole_documents_and_resume() {
    const ARTICLES: usize = 100;
    let trials: usize = std::env::var("BILATERAL_CRASH_TRIALS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(20);
    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    write_articles(&articles, ARTICLES);

    let clean_db = folder.path().join("clean.db");
    let status = ingest(&articles, &clean_db)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let clean: Vec<_> = Store::open(&clean_db)
        .unwrap()
        .documents()
        .unwrap()
        .iter()
        .map(content)
        .collect();
    let clean_by_source: std::collections::HashMap<&str, _> = clean
        .iter()
        .map(|document| (document.0.as_str(), document))
        .collect();

    let mut points = KillPoints::new();
    let (mut killed, mut stored_at_kill) = (0, 0);
    for trial in 0..trials {
        // Each trial starts afresh, and is killed after a random number of documents and a
        // random few milliseconds, so a kill can land anywhere in a run: while the schema is
        // made, between documents, or inside one's transaction.
        let trial_folder = folder.path().join(format!("trial-{trial}"));
        std::fs::create_dir(&trial_folder).unwrap();
        let db = trial_folder.join("crash.db");
        let mut child = ingest(&articles, &db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (after, delay) = points.next(ARTICLES);
        wait_for_documents(&db, after, &mut child);
        std::thread::sleep(delay);
        // SIGKILL: no chance to roll back or clean up.
        child.kill().unwrap();
        if !child.wait().unwrap().success() {
            killed += 1;
        }
        if db.exists() {
            let store = Store::open(&db).unwrap();
            assert_consistent(&store);
            let stored = store.documents().unwrap();
            stored_at_kill += stored.len();
            for document in &stored {
                let document = content(document);
                assert_eq!(
                    Some(&&document),
                    clean_by_source.get(document.0.as_str()),
                    "trial {trial}: a document differs from the clean run's"
                );
            }
        }
        let output = ingest(&articles, &db).output().unwrap();
        assert!(
            output.status.success(),
            "trial {trial}: the re-run failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let store = Store::open(&db).unwrap();
        assert_consistent(&store);
        let resumed: Vec<_> = store.documents().unwrap().iter().map(content).collect();
        assert_eq!(
            resumed, clean,
            "trial {trial}: the re-run stored other documents"
        );
    }
    eprintln!(
        "{killed} of {trials} runs killed before they ended, with {stored_at_kill} documents \
         stored in all at the kills; every re-run completed"
    );
    assert!(
        killed * 2 >= trials,
        "only {killed} of {trials} runs were killed before they ended"
    );
}
