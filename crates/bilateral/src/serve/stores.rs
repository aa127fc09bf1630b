//! The store, opened read-only once per worker thread that needs it and kept for the next
//! request: SQLite connections are not shared between threads, and queries block, so they
//! run on tokio's blocking pool. The counts of the whole store (pairs, facts by type), which
//! take a scan of every fact, are kept until an ingest changes the store.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Context;
use bilateral_store::{Stats, Store};

use super::failure::Failure;

/// Idle read-only connections to one store file.
pub struct Stores {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
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
            stats: Mutex::new(None),
        })
    }

    /// Runs `query` on an idle connection (or a new one) on the blocking pool.
    pub async fn query<T, Q>(self: &Arc<Self>, query: Q) -> Result<T, Failure>
    where
        T: Send + 'static,
        Q: FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
    {
        let stores = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let idle = stores.take();
            let store = match idle {
                Some(store) => store,
                None => Store::open_read_only(&stores.path)?,
            };
            let result = query(&store);
            stores.give_back(store);
            result
        })
        .await;
        joined.map_err(|error| Failure::Internal(format!("a query stopped: {error}")))?
    }

    /// The counts of the whole store, taken again only when an ingest has changed it since.
    pub async fn stats(self: &Arc<Self>) -> Result<Arc<Stats>, Failure> {
        let stores = Arc::clone(self);
        self.query(move |store| {
            let generation = store.generation()?;
            let cached = stores.cached_stats(generation);
            if let Some(stats) = cached {
                return Ok(stats);
            }
            let stats = Arc::new(store.stats()?);
            *stores.stats.lock().unwrap_or_else(PoisonError::into_inner) =
                Some((generation, Arc::clone(&stats)));
            Ok(stats)
        })
        .await
    }

    fn cached_stats(&self, generation: [i64; 2]) -> Option<Arc<Stats>> {
        let cached = self.stats.lock().unwrap_or_else(PoisonError::into_inner);
        cached
            .as_ref()
            .filter(|(seen, _)| *seen == generation)
            .map(|(_, stats)| Arc::clone(stats))
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
