//! The whole path from a file to an [`Analysis`]: read the bytes, pick the reader, segment,
//! recognise, extract and parse references. Commands call this; nothing else chains stages.

use std::hash::Hasher;
use std::path::Path;

use anyhow::Context;
use bilateral_model::fnv::FnvHasher;
use bilateral_model::{Analysis, Document, Format};

/// One article, read and analysed.
pub struct Loaded {
    /// The path as given.
    pub source: String,
    pub format: Format,
    /// A hex digest of the bytes, so re-ingesting the same content is a no-op.
    pub content_hash: String,
    pub document: Document,
    pub analysis: Analysis,
}

/// Reads and analyses one article file. Errors name the file and what is wrong with it.
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    let place = || format!("{}", path.display());
    let metadata = std::fs::metadata(path).with_context(place)?;
    if metadata.is_dir() {
        anyhow::bail!("{}: is a folder, not an article", path.display());
    }
    // Refuse oversized files before reading them into memory.
    let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if size > bilateral_read::MAX_ARTICLE_BYTES {
        return Err(anyhow::Error::new(bilateral_read::ReadError::TooLarge {
            size,
            limit: bilateral_read::MAX_ARTICLE_BYTES,
        })
        .context(place()));
    }
    let bytes = std::fs::read(path).with_context(place)?;
    let name = path.to_string_lossy();
    analyse_bytes(&name, &bytes).with_context(|| format!("{}", path.display()))
}

/// The dyad of a loaded article, or an error saying why there is none.
pub fn require_dyad(loaded: &Loaded) -> anyhow::Result<bilateral_model::Dyad> {
    loaded.analysis.dyad.with_context(|| {
        format!(
            "{}: no dyad: the title {:?}, the infobox and the lead paragraph do not name two states",
            loaded.source, loaded.document.title
        )
    })
}

/// Reads and analyses an article given as bytes; `name` picks the format by extension.
pub fn analyse_bytes(name: &str, bytes: &[u8]) -> anyhow::Result<Loaded> {
    let text = bilateral_read::decode(bytes)?;
    let format = bilateral_read::detect_format(name, text);
    let document = read_document(text, format, None);
    if document.blocks.is_empty() {
        anyhow::bail!("no article text found");
    }
    let analysis = bilateral_extract::analyse(&document);
    Ok(Loaded {
        source: name.to_owned(),
        format,
        content_hash: content_hash(bytes),
        document,
        analysis,
    })
}

/// Picks the reader for a format. `title` is known for dump pages and `--jsonl` input.
pub fn read_document(text: &str, format: Format, title: Option<&str>) -> Document {
    let mut document = match format {
        Format::Text => bilateral_read::read_text_with_title(text, title),
        Format::Wikitext => bilateral_read::read_wikitext(text, title),
        Format::Html => bilateral_read::read_html(text),
    };
    if let Some(title) = title
        && document.title.is_empty()
    {
        document.title = title.to_owned();
    }
    document
}

/// Analyses an article given as text with a known title, as dumps and `--jsonl` give them.
pub fn analyse_text(text: &str, format: Format, title: &str) -> (Document, Analysis) {
    let document = read_document(text, format, Some(title));
    let analysis = bilateral_extract::analyse(&document);
    (document, analysis)
}

/// FNV-1a, 64 bits, as hex: enough to tell revisions of one source apart.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hasher = FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}
