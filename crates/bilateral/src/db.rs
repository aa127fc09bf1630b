//! Where the store lives: `--db PATH`, else `$BILATERAL_DB`, else `./bilateral.db`.

use std::path::PathBuf;

use anyhow::Context;
use bilateral_store::Store;

/// The environment variable naming the database when `--db` is not given.
const DB_VARIABLE: &str = "BILATERAL_DB";
const DEFAULT_DB: &str = "bilateral.db";

/// The `--db` option every store command takes.
#[derive(clap::Args, Debug)]
pub struct DbArgs {
    /// The database file [default: $BILATERAL_DB, else ./bilateral.db]
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
}

impl DbArgs {
    fn path(&self) -> PathBuf {
        self.db
            .clone()
            .or_else(|| {
                std::env::var_os(DB_VARIABLE)
                    .filter(|value| !value.is_empty())
                    .map(PathBuf::from)
            })
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DB))
    }

    /// Opens the store, creating the file if needed: for commands that write.
    pub fn open_or_create(&self) -> anyhow::Result<Store> {
        let path = self.path();
        Store::open(&path).with_context(|| format!("{}", path.display()))
    }

    /// Opens a store that must exist already, read-only: for commands that only read, so
    /// that a mistyped path is reported rather than answered with an empty new database, and
    /// a database the user may only read will do.
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        let path = self.existing_path()?;
        Store::open_read_only(&path).with_context(|| format!("{}", path.display()))
    }

    /// The path of a store that must exist already, for a command that opens it many times.
    pub fn existing_path(&self) -> anyhow::Result<PathBuf> {
        let path = self.path();
        if !path.exists() {
            anyhow::bail!(
                "no database at {} (run `bilateral ingest` first, or pass --db or set {DB_VARIABLE})",
                path.display()
            );
        }
        Ok(path)
    }
}
