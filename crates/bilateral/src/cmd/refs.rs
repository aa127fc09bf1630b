//! `bilateral refs FILE...`: a citation linter. One line per problem, exit 1 when any is found.

use std::path::PathBuf;
use std::process::ExitCode;

use bilateral_model::Citation;
use serde_json::json;

use crate::json_out::JsonOut;
use crate::pipeline;
use crate::views::ReferenceView;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    dyad: pipeline::DyadArgs,
    /// Article files: scraped text, wikitext or HTML.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print every citation with its parsed fields, as `show --json` lists references: a JSON
    /// array, an object per file.
    #[arg(long)]
    json: bool,
    /// The same as JSON Lines, an object per file a line.
    #[arg(long, conflicts_with = "json")]
    jsonl: bool,
}

/// What a reader needs to find and fix the citation: its ISBN check, else its title.
fn detail(citation: &Citation) -> String {
    match &citation.isbn {
        Some(isbn) => format!(
            "ISBN {} {}, → {}",
            isbn.printed,
            if isbn.valid {
                "valid"
            } else {
                "check digit wrong"
            },
            isbn.isbn13
        ),
        None => citation
            .title
            .clone()
            .or_else(|| citation.url.clone())
            .unwrap_or_else(|| "(no title)".to_owned()),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let given = args.dyad.given()?;
    let mut problems = 0usize;
    let mut unreadable = false;
    let mut json_out = (args.json || args.jsonl).then(|| JsonOut::stdout(args.jsonl));
    for path in &args.files {
        let loaded = match pipeline::load(path, given) {
            Ok(loaded) => loaded,
            Err(error) => {
                crate::report::warn(&error);
                unreadable = true;
                continue;
            }
        };
        let citations = &loaded.analysis.citations;
        problems += citations
            .iter()
            .map(|citation| citation.problems.len())
            .sum::<usize>();
        if let Some(json_out) = &mut json_out {
            let document_number = json_out.written() + 1;
            json_out.push(&json!({
                "file": path.display().to_string(),
                "title": loaded.document.title,
                "citations": ReferenceView::of_document(document_number, citations),
            }))?;
            continue;
        }
        for citation in citations {
            for problem in &citation.problems {
                outln!(
                    "{}: ref {}: {problem} ({})",
                    path.display(),
                    citation.n,
                    detail(citation)
                )?;
            }
        }
    }
    if let Some(json_out) = json_out {
        json_out.finish()?;
    } else if problems == 0 && !unreadable {
        eprintln!("no citation problems in {} file(s)", args.files.len());
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if problems > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
