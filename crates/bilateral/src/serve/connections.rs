//! Accepting connections: at most `MAX_CONNECTIONS` open at once (more wait in the
//! listener's backlog), each with a deadline for every request head and a bound on its
//! size, so that a client that sends half a request and stalls, or none at all, is dropped
//! instead of holding a connection. On the stop signal the server stops accepting, lets
//! answers under way finish and closes idle connections.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 512;

/// The time a client has to send a request's line and headers, counted from the moment the
/// server starts reading them (a new connection, or the end of the previous answer on a
/// kept-alive one). Past it the connection is closed without an answer.
pub const HEAD_TIME_LIMIT: Duration = Duration::from_secs(5);

/// The most bytes a request's line and headers may take (the smallest buffer hyper allows
/// is 8 KiB); past it hyper answers 431 and closes the connection.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// How long the loop waits before accepting again after the system refused a connection
/// (out of file descriptors, say), so that the refusal does not spin.
const ACCEPT_RETRY: Duration = Duration::from_millis(50);

/// Serves `router` on `listener` until `stop` completes, then waits for the connections
/// still open to finish their answers.
pub async fn serve(listener: TcpListener, router: Router, stop: impl Future<Output = ()>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let (stopping, stop_seen) = watch::channel(());
    tokio::pin!(stop);
    loop {
        let accepted = tokio::select! {
            () = &mut stop => break,
            accepted = accept(&listener, &slots) => accepted,
        };
        let Some((stream, slot)) = accepted else {
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        let mut stop_seen = stop_seen.clone();
        tokio::spawn(async move {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIME_LIMIT)
                .max_buf_size(MAX_HEAD_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            // A connection's errors (a client gone, a head too slow or too large) end
            // that connection only; hyper has answered what could be answered.
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = stop_seen.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop(slot);
        });
    }
    drop(stopping);
    // Every slot back means every connection has ended.
    let all = u32::try_from(MAX_CONNECTIONS).unwrap_or(u32::MAX);
    let _ = slots.acquire_many(all).await;
}

/// The next connection, once a slot is free; `None` when the system refused one.
async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> Option<(tokio::net::TcpStream, tokio::sync::OwnedSemaphorePermit)> {
    let slot = Arc::clone(slots).acquire_owned().await.ok()?;
    match listener.accept().await {
        Ok((stream, _)) => {
            // Answers are small and written whole: send them at once.
            let _ = stream.set_nodelay(true);
            Some((stream, slot))
        }
        Err(error) => {
            eprintln!("bilateral serve: a connection was refused: {error}");
            tokio::time::sleep(ACCEPT_RETRY).await;
            None
        }
    }
}
