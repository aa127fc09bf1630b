//! The store, opened read-only once per worker thread that needs it and kept for the next
//! request: SQLite connections are not shared between threads, and queries block, so they
//! run on tokio's blocking pool.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use anyhow::Context;
use bilateral_store::Store;

use super::failure::Failure;

/// Idle read-only connections to one store file.
pub struct Stores {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Stores {
    /// Opens the store once, so that a missing or unreadable file is reported at start.
    pub fn open(path: PathBuf) -> anyhow::Result<Stores> {
        let store = Store::open_read_only(&path).with_context(|| format!("{}", path.display()))?;
        Ok(Stores {
            path,
            idle: Mutex::new(vec![store]),
        })
    }

    /// Runs `query` on an idle connection (or a new one) on the blocking pool.
    pub async fn query<T, Q>(self: &std::sync::Arc<Self>, query: Q) -> Result<T, Failure>
    where
        T: Send + 'static,
        Q: FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
    {
        let stores = std::sync::Arc::clone(self);
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
