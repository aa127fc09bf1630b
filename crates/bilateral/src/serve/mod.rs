//! `bilateral serve`: the store as web pages and a JSON API, read-only. The router, the
//! layer every response passes (request limits, security headers, one log line), and
//! starting and stopping the server.

mod api;
mod failure;
mod pages;
mod params;
mod stores;
mod timeline;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use bilateral_model::Dyad;

use failure::Failure;
pub use stores::Stores;

/// The longest query string answered; longer ones are refused before any work.
const MAX_QUERY_BYTES: usize = 2048;

/// Scripts only from this server (there are none today), nothing framed, nothing inline.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; frame-ancestors 'none'";

/// Serves the store at `db` on `addr` until Ctrl-C. Prints the bound address first, so
/// that `--addr 127.0.0.1:0` can be used and found.
pub fn run(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    let stores = Arc::new(Stores::open(db)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        outln!("listening on http://{}", listener.local_addr()?)?;
        axum::serve(listener, router(stores))
            .with_graceful_shutdown(stop_signal())
            .await?;
        anyhow::Ok(())
    })?;
    eprintln!("bilateral serve: stopped");
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager. A signal whose handler cannot be set never
/// arrives: the server then runs until killed.
async fn stop_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Every route, behind the layer that limits, marks and logs.
fn router(stores: Arc<Stores>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/dyads/{a}/{b}", get(pages::pair))
        .route("/countries/{country}", get(pages::country))
        .route("/facts/{id}", get(pages::fact))
        .route("/documents/{id}", get(pages::document))
        .route("/static/style.css", get(pages::style))
        .route("/api/pairs", get(api::pairs))
        .route("/api/dyads/{a}/{b}", get(api::dossier))
        .route("/api/facts", get(api::facts))
        .route("/api/facts/{id}", get(api::fact))
        .route("/api/stats", get(api::stats))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(not_found)
        .layer(middleware::from_fn(guard))
        .with_state(stores)
}

/// Whether a path is the API's, whose answers (errors included) are JSON.
fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(request: Request) -> Response {
    let path = request.uri().path();
    Failure::NotFound(format!("no page at {path}")).respond(is_api(path))
}

/// Refuses overlong query strings, adds the security headers to every response and logs
/// one line per request: method, path, status, time taken.
async fn guard(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let query_bytes = request.uri().query().map_or(0, str::len);
    let mut response = if query_bytes > MAX_QUERY_BYTES {
        Failure::BadRequest(format!(
            "the query string is {query_bytes} bytes; at most {MAX_QUERY_BYTES} are accepted"
        ))
        .respond(is_api(&path))
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    eprintln!(
        "{method} {path} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response.into_response()
}

/// A 308 to `{prefix}/{A}/{B}` when the path named the pair in another order or form.
fn canonical_redirect(prefix: &str, pair: Dyad, a: &str, b: &str) -> Option<Response> {
    let [first, second] = pair.codes();
    if a == first.as_str() && b == second.as_str() {
        return None;
    }
    Some(Redirect::permanent(&format!("{prefix}/{first}/{second}")).into_response())
}
