//! `bilateral read FILE`: the parsed document, for checking what the readers understood.

use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Print a JSON array, an object per file, instead of text.
    #[arg(long)]
    json: bool,
    /// Print JSON Lines, an object per file a line, instead of text.
    #[arg(long, conflicts_with = "json")]
    jsonl: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let given = args.dyad.given()?;
    let mut json_out = (args.json || args.jsonl).then(|| JsonOut::stdout(args.jsonl));
    let mut failed = false;
    for path in &args.files {
        let loaded = match pipeline::load(path, given) {
            Ok(loaded) => loaded,
            Err(error) => {
                crate::report::warn(&error);
                failed = true;
                continue;
            }
        };
        if let Err(error) = pipeline::require_dyad(&loaded) {
            crate::report::warn(&error);
            failed = true;
        }
        let document = &loaded.document;
        let analysis = &loaded.analysis;
        let dyad = analysis.dyad.map(|dyad| dyad.to_string());
        if let Some(json_out) = &mut json_out {
            let document_number = json_out.written() + 1;
            let value = json!({
                "source": loaded.source,
                "format": loaded.format,
                "title": document.title,
                "dyad": analysis.dyad,
                "sections": document.sections,
                "publisher": document.publisher,
                "blocks": document.blocks.len(),
                "lists": document.structure.lists.iter().map(|list| json!({
                    "heading": list.heading,
                    "items": document.items(list),
                })).collect::<Vec<_>>(),
                "tables": document.structure.tables.iter().map(|table| json!({
                    "heading": table.heading,
                    "rows": table.rows.iter().map(|row| json!({
                        "header": row.header,
                        "cells": document.cells(row),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "sentences": analysis.sentences.iter().map(|sentence| json!({
                    "text": document.slice(sentence.span),
                    "start": sentence.span.start,
                    "end": sentence.span.end,
                    "source_start": document.source_map.to_source(sentence.span.start),
                    "references": sentence.references,
                })).collect::<Vec<_>>(),
                "references": ReferenceView::of_document(document_number, &analysis.citations),
                "diagnostics": document.diagnostics,
            });
            json_out.push(&value)?;
            continue;
        }
        outln!("{}", path.display())?;
        outln!("  title      {}", document.title)?;
        outln!("  format     {}", loaded.format.as_str())?;
        if let Some(publisher) = &document.publisher {
            outln!("  publisher  {publisher}")?;
        }
        match dyad {
            Some(dyad) => outln!("  dyad       {dyad}")?,
            None => {
                outln!("  dyad       (not found: the title, infobox and lead name no two states)")?
            }
        }
        outln!(
            "  text       {} blocks, {} sentences, {} citation markers",
            document.blocks.len(),
            analysis.sentences.len(),
            document.markers.len()
        )?;
        outln!("  sections")?;
        for section in document.sections.iter().skip(1) {
            let indent = "  ".repeat(usize::from(section.level.saturating_sub(2)));
            outln!("    {indent}{}", section.heading)?;
        }
        print_structure(document)?;
        outln!("  references")?;
        for citation in &analysis.citations {
            let title = citation.title.as_deref().unwrap_or("(no title)");
            let problems: Vec<&str> = citation
                .problems
                .iter()
                .map(|problem| problem.as_str())
                .collect();
            let problems = if problems.is_empty() {
                String::new()
            } else {
                format!("  [{}]", problems.join(", "))
            };
            outln!(
                "    {:>3}. {:<8} {title}{problems}",
                citation.n,
                format!("{:?}", citation.kind).to_lowercase()
            )?;
        }
        for diagnostic in &document.diagnostics {
            outln!("  note: byte {}: {}", diagnostic.at, diagnostic.message)?;
        }
    }
    if let Some(json_out) = json_out {
        json_out.finish()?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Lists under their headings, tables row by row with their cells.
fn print_structure(document: &bilateral_model::Document) -> std::io::Result<()> {
    let structure = &document.structure;
    if !structure.lists.is_empty() {
        outln!("  lists")?;
    }
    for list in &structure.lists {
        outln!("    {}", list.heading)?;
        for block in list
            .items
            .iter()
            .filter_map(|&block| document.blocks.get(block))
        {
            outln!("      - {}", document.slice(block.span))?;
        }
    }
    if !structure.tables.is_empty() {
        outln!("  tables")?;
    }
    for table in &structure.tables {
        outln!("    {}", table.heading)?;
        for row in &table.rows {
            let marker = if row.header { "header" } else { "row" };
            outln!("      {marker:<6} {}", document.cells(row).join(" ‖ "))?;
        }
    }
    Ok(())
}
