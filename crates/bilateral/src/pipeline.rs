//! The whole path from a file to an [`Analysis`]: read the bytes, pick the reader, segment,
//! recognise, extract and parse references. Commands call this; nothing else chains stages.

use std::hash::Hasher;
use std::path::Path;

use anyhow::Context;
use bilateral_extract::DyadHints;
use bilateral_model::fnv::FnvHasher;
use bilateral_model::{Analysis, Document, Dyad, Format};

/// `--dyad A B`: the two states the articles are about, whatever their titles say.
#[derive(clap::Args, Debug, Default)]
pub struct DyadArgs {
    /// The two states the articles are about (names or ISO codes), overriding the title,
    /// file name, infobox and lead.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    dyad: Option<Vec<String>>,
}

impl DyadArgs {
    /// The dyad given, if any; an error for an unknown state or the same one twice.
    pub fn given(&self) -> anyhow::Result<Option<Dyad>> {
        let Some(names) = &self.dyad else {
            return Ok(None);
        };
        let [first, second] = names.as_slice() else {
            anyhow::bail!("--dyad takes two states");
        };
        let first = crate::views::parse_country(first)?;
        let second = crate::views::parse_country(second)?;
        Ok(Some(Dyad::new(first, second).context("--dyad")?))
    }
}

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

/// Reads and analyses one article file; `given` is a dyad from `--dyad`. Errors name the
/// file and what is wrong with it.
pub fn load(path: &Path, given: Option<Dyad>) -> anyhow::Result<Loaded> {
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
    analyse_bytes(&name, &bytes, given).with_context(|| format!("{}", path.display()))
}

/// The dyad of a loaded article, or an error saying which sources were tried.
pub fn require_dyad(loaded: &Loaded) -> anyhow::Result<Dyad> {
    loaded.analysis.dyad.with_context(|| {
        let document = &loaded.document;
        let publisher = document
            .publisher
            .as_ref()
            .map(|publisher| format!(" with its publisher {publisher:?}"))
            .unwrap_or_default();
        let file_name = Path::new(&loaded.source)
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        format!(
            "{}: no dyad: tried the title {:?}{publisher}, the file name {file_name:?}, the \
             infobox {:?} and the lead paragraph, and none names two states; give them with \
             --dyad A B",
            loaded.source, document.title, document.infobox_countries
        )
    })
}

/// Reads and analyses an article given as bytes; `name` picks the format by extension and
/// may name the dyad; `given` overrides it.
pub fn analyse_bytes(name: &str, bytes: &[u8], given: Option<Dyad>) -> anyhow::Result<Loaded> {
    let text = bilateral_read::decode(bytes)?;
    let format = bilateral_read::detect_format(name, text);
    let document = read_document(text, format, None);
    if document.blocks.is_empty() {
        anyhow::bail!("no article text found");
    }
    let hints = DyadHints {
        given,
        file_name: Some(name),
    };
    let analysis = bilateral_extract::analyse_with(&document, hints);
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
