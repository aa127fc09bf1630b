//! Test support shared by the crates' integration tests: the `shared/` folder that sits beside
//! the checkout (seed article, evaluation sets with answer keys), found the same way everywhere.
//!
//! **Invariant:** CI always has `shared/`, so under `CI=true` a missing folder is a failure;
//! elsewhere it is a skip that says so.

use std::path::{Path, PathBuf};

/// `shared/` beside the checkout, or `None` after printing why the caller skips. Panics when
/// `CI=true` and the folder is missing.
pub fn shared_dir() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if shared.join("eval").is_dir() {
        return Some(shared);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing, and CI=true needs it",
        shared.display()
    );
    println!("skipped: {} is missing", shared.display());
    None
}

/// Every article of the evaluation sets with its answer key, as `(article, key)` paths in
/// name order: `NAME.txt`, `NAME.wiki` or `NAME.html` beside `NAME.gold.json`.
pub fn answer_keys(shared: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    let Ok(sets) = std::fs::read_dir(shared.join("eval")) else {
        return pairs;
    };
    for set in sets.flatten() {
        pairs.extend(keys_in(&set.path()));
    }
    pairs.sort();
    pairs
}

/// The articles with answer keys of the training folder, `shared/train`, as
/// [`answer_keys`] gives those of the evaluation sets. Tests over them must print no more
/// than file names and counts: some of them are held out from reading.
pub fn training_keys(shared: &Path) -> Vec<(PathBuf, PathBuf)> {
    keys_in(&shared.join("train"))
}

/// `(article, key)` pairs of one folder, in name order.
fn keys_in(folder: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    let Ok(files) = std::fs::read_dir(folder) else {
        return pairs;
    };
    for file in files.flatten() {
        let key = file.path();
        let Some(name) = key
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".gold.json"))
        else {
            continue;
        };
        let article = ["txt", "wiki", "html"]
            .iter()
            .map(|extension| key.with_file_name(format!("{name}.{extension}")))
            .find(|candidate| candidate.is_file());
        if let Some(article) = article {
            pairs.push((article, key));
        }
    }
    pairs.sort();
    pairs
}
