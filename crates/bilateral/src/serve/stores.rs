//! The store, opened read-only once per worker thread that needs it and kept for the next
//! request: SQLite connections are not shared between threads, and queries block, so they
//! run on tokio's blocking pool, each request's in one snapshot of the store, at most `MAX_QUERIES` at once (so at most that many
//! connections and threads, however many requests arrive). The counts of the whole store
//! (pairs, facts by type), which take a scan of every fact, are taken by one query at a
//! time and kept until an ingest changes the store.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Context;
use bilateral_store::{Stats, Store};
use tokio::sync::Semaphore;

use super::failure::Failure;

/// Store queries running at once; more wait their turn, within the request's time limit.
pub const MAX_QUERIES: usize = 8;

/// Idle read-only connections to one store file.
pub struct Stores {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    /// One permit per query that may run.
    running: Arc<Semaphore>,
    /// The last counts, with the store's generation when they were taken.
    stats: Mutex<Option<([i64; 2], Arc<Stats>)>>,
}

impl Stores {
    /// Opens the store once, so that a missing or unreadable file is reported at start.
    pub fn open(path: PathBuf) -> anyhow::Result<Stores> {
        let store = Store::open_read_only(&path).with_context(|| format!("{}", path.display()))?;
        Ok(Stores {
            path,
            idle: Mutex::new(vec![store]),
            running: Arc::new(Semaphore::new(MAX_QUERIES)),
            stats: Mutex::new(None),
        })
    }

    /// Runs `query` on an idle connection (or a new one) on the blocking pool, once fewer
    /// than `MAX_QUERIES` run. A query runs to its end even when its request gives up.
    pub async fn query<T, Q>(self: &Arc<Self>, query: Q) -> Result<T, Failure>
    where
        T: Send + 'static,
        Q: FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
    {
        let permit = Arc::clone(&self.running)
            .acquire_owned()
            .await
            .map_err(|error| Failure::Internal(format!("no query may run: {error}")))?;
        let stores = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let idle = stores.take();
            let store = match idle {
                Some(store) => store,
                None => Store::open_read_only(&stores.path)?,
            };
            // One snapshot per request: its queries agree, whatever an ingest commits.
            let result = store.snapshot(query);
            stores.give_back(store);
            result
        })
        .await;
        joined.map_err(|error| Failure::Internal(format!("a query stopped: {error}")))?
    }

    /// The counts of the whole store, taken again only when an ingest has changed it since.
    /// The lock is held while they are taken, so that requests arriving meanwhile wait for
    /// these counts instead of each scanning the store again.
    pub async fn stats(self: &Arc<Self>) -> Result<Arc<Stats>, Failure> {
        let stores = Arc::clone(self);
        self.query(move |store| {
            let generation = store.generation()?;
            let mut cached = stores.stats.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((seen, stats)) = cached.as_ref()
                && *seen == generation
            {
                return Ok(Arc::clone(stats));
            }
            let stats = Arc::new(store.stats()?);
            *cached = Some((generation, Arc::clone(&stats)));
            Ok(stats)
        })
        .await
    }

    fn take(&self) -> Option<Store> {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
    }

    fn give_back(&self, store: Store) {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(store);
    }
}
