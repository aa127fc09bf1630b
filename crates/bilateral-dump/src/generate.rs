//! Invented dumps for tests, benches and measurements, in the real export schema and
//! compressed as Wikipedia compresses them: a multistream bzip2 file (the site header in the
//! first stream, then streams of 100 pages, then the closing tag in a last stream) and its
//! bzip2 index of `offset:page_id:title` lines.
//!
//! The pages mix what a real dump holds: relations articles titled with real country names
//! (their prose is invented), redirects to them and to other articles, pages in other
//! namespaces, ordinary articles, and text full of entities (`&lt;ref&gt;`, `&amp;`). Every
//! page follows from the seed and its number alone, so a test can list what a dump holds
//! with [`page_spec`] without reading it.

use std::fmt::Write as _;
use std::io::Write;

use bilateral_model::date::MONTH_NAMES;

use rayon::prelude::*;

/// Pages per bzip2 stream, as in Wikipedia's multistream dumps.
pub const PAGES_PER_STREAM: usize = 100;

/// What a generated page is, apart from its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageSpec {
    pub title: String,
    pub namespace: u32,
    pub id: u64,
    pub redirect: Option<String>,
}

/// A small dump held in memory.
pub struct GeneratedDump {
    /// The uncompressed XML.
    pub xml: Vec<u8>,
    /// The multistream bzip2 file.
    pub multistream: Vec<u8>,
    /// The bzip2-compressed index.
    pub index: Vec<u8>,
}

/// A dump of `pages` pages, in memory.
pub fn generate_dump(pages: usize, seed: u64) -> GeneratedDump {
    let mut multistream = Vec::new();
    let mut index = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_dump(pages, seed, &mut multistream, &mut index);
    let mut xml = String::from(HEADER);
    for first in (0..pages).step_by(PAGES_PER_STREAM) {
        xml.push_str(&stream_text(seed, first, pages));
    }
    xml.push_str(FOOTER);
    GeneratedDump {
        xml: xml.into_bytes(),
        multistream,
        index,
    }
}

/// Writes a multistream dump of `pages` pages and its bzip2 index, compressing streams in
/// parallel. Returns the dump's size in bytes.
pub fn write_dump(
    pages: usize,
    seed: u64,
    dump: &mut impl Write,
    index: &mut impl Write,
) -> std::io::Result<u64> {
    let mut index = bzip2::write::BzEncoder::new(index, bzip2::Compression::best());
    let header = compress(HEADER);
    dump.write_all(&header)?;
    let mut offset = header.len() as u64;
    let batch = PAGES_PER_STREAM * 4 * rayon::current_num_threads();
    for batch_start in (0..pages).step_by(batch) {
        let batch_end = (batch_start + batch).min(pages);
        let streams: Vec<(usize, Vec<u8>)> = (batch_start..batch_end)
            .step_by(PAGES_PER_STREAM)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|first| (first, compress(&stream_text(seed, first, pages))))
            .collect();
        for (first, stream) in streams {
            for number in first..(first + PAGES_PER_STREAM).min(pages) {
                let spec = page_spec(seed, number);
                writeln!(index, "{offset}:{}:{}", spec.id, escape(&spec.title))?;
            }
            dump.write_all(&stream)?;
            offset += stream.len() as u64;
        }
    }
    let footer = compress(FOOTER);
    dump.write_all(&footer)?;
    index.finish()?;
    Ok(offset + footer.len() as u64)
}

/// One bzip2 stream of `text`, at the block size Wikipedia uses.
pub fn compress(text: &str) -> Vec<u8> {
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::best());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(text.as_bytes());
    encoder.finish().unwrap_or_default()
}

const HEADER: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Examplepedia</sitename>
    <dbname>examplewiki</dbname>
    <base>https://wiki.example.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.43.0</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
      <namespace key="10" case="first-letter">Template</namespace>
      <namespace key="14" case="first-letter">Category</namespace>
    </namespaces>
  </siteinfo>
"#;

const FOOTER: &str = "</mediawiki>\n";

/// The XML of pages `first..first + 100` (fewer at the end of a dump of `pages`).
fn stream_text(seed: u64, first: usize, pages: usize) -> String {
    let mut text = String::new();
    for number in first..(first + PAGES_PER_STREAM).min(pages) {
        write_page(&mut text, seed, number);
    }
    text
}

/// SplitMix64: small, fast and good enough to vary invented text.
struct Random(u64);

/// SplitMix64's output function.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Random {
    /// A generator for one purpose of one page; states are scrambled so that neighbouring
    /// pages do not share runs of numbers.
    fn new(seed: u64, number: usize, purpose: u64) -> Self {
        Random(mix(seed ^ mix((number as u64) << 8 | purpose)))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Countries whose names make unambiguous titles; real names, so titles select as real ones.
const COUNTRIES: [(&str, &str); 24] = [
    ("Chile", "Santiago"),
    ("Japan", "Tokyo"),
    ("Kenya", "Nairobi"),
    ("Norway", "Oslo"),
    ("Mongolia", "Ulaanbaatar"),
    ("Peru", "Lima"),
    ("Vietnam", "Hanoi"),
    ("Ghana", "Accra"),
    ("Canada", "Ottawa"),
    ("Poland", "Warsaw"),
    ("Egypt", "Cairo"),
    ("Brazil", "Brasília"),
    ("Finland", "Helsinki"),
    ("Kazakhstan", "Astana"),
    ("Portugal", "Lisbon"),
    ("Senegal", "Dakar"),
    ("Uruguay", "Montevideo"),
    ("Nepal", "Kathmandu"),
    ("Tunisia", "Tunis"),
    ("Iceland", "Reykjavík"),
    ("Malaysia", "Kuala Lumpur"),
    ("Jamaica", "Kingston"),
    ("Austria", "Vienna"),
    ("Mexico", "Mexico City"),
];

const CONSONANTS: &[u8] = b"bcdfghklmnprstvz";
const VOWELS: &[u8] = b"aeiou";

const WORDS: [&str; 48] = [
    "the",
    "river",
    "valley",
    "was",
    "built",
    "in",
    "by",
    "a",
    "small",
    "group",
    "of",
    "farmers",
    "and",
    "later",
    "became",
    "known",
    "for",
    "its",
    "mills",
    "which",
    "produced",
    "wool",
    "during",
    "winter",
    "an",
    "album",
    "recorded",
    "with",
    "several",
    "musicians",
    "who",
    "toured",
    "northern",
    "towns",
    "after",
    "station",
    "opened",
    "on",
    "line",
    "that",
    "connects",
    "two",
    "harbours",
    "festival",
    "held",
    "each",
    "summer",
    "market",
];

/// What a page number stands for, out of 1000.
enum Kind {
    Relations,
    RelationsRedirect,
    OtherNamespace,
    Redirect,
    Article,
}

fn kind(seed: u64, number: usize) -> Kind {
    match Random::new(seed, number, 1).below(1000) {
        0..10 => Kind::Relations,
        10..15 => Kind::RelationsRedirect,
        15..80 => Kind::OtherNamespace,
        80..380 => Kind::Redirect,
        _ => Kind::Article,
    }
}

/// An invented word of two to four syllables.
fn word(random: &mut Random) -> String {
    let mut word = String::new();
    for _ in 0..2 + random.below(3) {
        word.push(char::from(random.pick(CONSONANTS)));
        word.push(char::from(random.pick(VOWELS)));
    }
    word
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Two different countries.
fn dyad(random: &mut Random) -> ((&'static str, &'static str), (&'static str, &'static str)) {
    let first = random.below(COUNTRIES.len());
    let second = (first + 1 + random.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
    (COUNTRIES[first], COUNTRIES[second])
}

/// An ordinary article's title: invented words, sometimes with `&` or a colon.
fn article_title(random: &mut Random) -> String {
    let name = capitalised(&word(random));
    match random.below(8) {
        0 => format!("{name} & {}", capitalised(&word(random))),
        1 => format!("{name}: A History"),
        2 => format!("{name} (album)"),
        3 => format!("{} {name}", random.pick(&COUNTRIES).0),
        _ => format!("{name} {}", capitalised(random.pick(&WORDS))),
    }
}

/// The title, namespace, id and redirect target of page `number`.
pub fn page_spec(seed: u64, number: usize) -> PageSpec {
    let mut random = Random::new(seed, number, 2);
    let id = number as u64 * 3 + 10;
    let (title, namespace, redirect) = match kind(seed, number) {
        Kind::Relations => {
            let ((a, _), (b, _)) = dyad(&mut random);
            (format!("{a}–{b} relations"), 0, None)
        }
        Kind::RelationsRedirect => {
            let ((a, _), (b, _)) = dyad(&mut random);
            let from = if random.below(2) == 0 {
                format!("{b}–{a} relations")
            } else {
                format!("{a}-{b} relations")
            };
            (from, 0, Some(format!("{a}–{b} relations")))
        }
        Kind::OtherNamespace => {
            let ((a, _), (b, _)) = dyad(&mut random);
            match random.below(3) {
                0 => (format!("Talk:{a}–{b} relations"), 1, None),
                1 => (format!("Template:{a} navbox"), 10, None),
                _ => (format!("Category:Bilateral relations of {b}"), 14, None),
            }
        }
        Kind::Redirect => {
            let from = article_title(&mut random);
            (from, 0, Some(article_title(&mut random)))
        }
        Kind::Article => (article_title(&mut random), 0, None),
    };
    PageSpec {
        title,
        namespace,
        id,
        redirect,
    }
}

/// `&`, `<`, `>` and `"` as MediaWiki escapes them.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            other => escaped.push(other),
        }
    }
    escaped
}

fn write_page(out: &mut String, seed: u64, number: usize) {
    let spec = page_spec(seed, number);
    let mut random = Random::new(seed, number, 3);
    let text = match (&spec.redirect, kind(seed, number)) {
        (Some(target), _) => format!("#REDIRECT [[{target}]]\n\n{{{{R from alternative name}}}}"),
        (None, Kind::Relations) => relations_text(&mut random, &spec.title),
        (None, _) => article_text(&mut random),
    };
    let title = escape(&spec.title);
    let _ = write!(
        out,
        "  <page>\n    <title>{title}</title>\n    <ns>{}</ns>\n    <id>{}</id>\n",
        spec.namespace, spec.id
    );
    if let Some(target) = &spec.redirect {
        let _ = writeln!(out, "    <redirect title=\"{}\" />", escape(target));
    }
    let revision = 1_000_000 + number as u64;
    let _ = write!(
        out,
        "    <revision>\n      <id>{revision}</id>\n      <parentid>{}</parentid>\n      \
         <timestamp>2024-0{}-1{}T12:00:00Z</timestamp>\n      <contributor>\n        \
         <username>Editor{}</username>\n        <id>{}</id>\n      </contributor>\n      \
         <comment>tidy &amp; expand</comment>\n      <model>wikitext</model>\n      \
         <format>text/x-wiki</format>\n      \
         <text bytes=\"{}\" xml:space=\"preserve\">{}</text>\n      \
         <sha1>{:016x}{:015x}</sha1>\n    </revision>\n  </page>\n",
        revision - 1,
        1 + random.below(9),
        random.below(10),
        random.below(500),
        random.below(90_000),
        text.len(),
        escape(&text),
        random.next(),
        random.next() >> 4,
    );
}

fn reference(random: &mut Random, topic: &str) -> String {
    let year = 1950 + random.below(74);
    format!(
        "<ref>{{{{cite web |title={topic} & the {} |url=https://news.example.org/{}/{} \
         |date={} {} {year} |access-date=2024-01-0{}}}}}</ref>",
        capitalised(&word(random)),
        year,
        random.below(100_000),
        1 + random.below(28),
        random.pick(&MONTH_NAMES),
        1 + random.below(9),
    )
}

fn sentence(random: &mut Random) -> String {
    let mut sentence = capitalised(random.pick(&WORDS));
    for _ in 0..6 + random.below(14) {
        sentence.push(' ');
        match random.below(10) {
            0 => sentence.push_str(&capitalised(&word(random))),
            1 => sentence.push_str(&format!("[[{}]]", capitalised(&word(random)))),
            2 => sentence.push_str(&random.below(5000).to_string()),
            3..6 => sentence.push_str(&word(random)),
            _ => sentence.push_str(random.pick(&WORDS)),
        }
    }
    sentence.push('.');
    sentence
}

fn paragraph(random: &mut Random, out: &mut String) {
    for _ in 0..2 + random.below(5) {
        out.push_str(&sentence(random));
        if random.below(4) == 0 {
            let topic = capitalised(&word(random));
            out.push_str(&reference(random, &topic));
        }
        out.push(' ');
    }
    out.push_str("\n\n");
}

/// Most articles are short and a few long, as in a real dump.
fn article_text(random: &mut Random) -> String {
    let mut text = String::from("{{Short description|An invented place}}\n");
    let paragraphs = 1 + random.below(4) + random.below(4) * random.below(4);
    for section in 0..paragraphs {
        if section > 0 && section % 2 == 0 {
            let _ = writeln!(text, "== {} ==", capitalised(&word(random)));
        }
        paragraph(random, &mut text);
    }
    text.push_str("== References ==\n{{Reflist}}\n\n[[Category:Invented places]]\n");
    text
}

/// A relations article with dated, sourced facts for the extractor to find.
fn relations_text(random: &mut Random, title: &str) -> String {
    let pair = title.trim_end_matches(" relations");
    let (a, b) = pair.split_once('–').unwrap_or((pair, pair));
    let capital = |name: &str| {
        COUNTRIES
            .iter()
            .find(|(country, _)| *country == name)
            .map_or("its capital", |(_, capital)| *capital)
    };
    let year = 1950 + random.below(50);
    let day = 1 + random.below(28);
    let month = random.pick(&MONTH_NAMES);
    let treaty_year = year + 5 + random.below(20);
    let mut text = format!(
        "{{{{Infobox bilateral relations|{a}–{b} relations|map=|mission1=Embassy of {a}, {}|\
         mission2=Embassy of {b}, {}}}}}\n\
         '''{title}''' are the bilateral relations between [[{a}]] and [[{b}]].\n\n\
         == History ==\n\
         The two countries established diplomatic relations on {day} {month} {year}.{}\n\
         In {treaty_year}, {a} and {b} signed an agreement on trade & investment.{}\n\n",
        capital(b),
        capital(a),
        reference(random, "Envoys exchanged"),
        reference(random, "Trade pact"),
    );
    paragraph(random, &mut text);
    let _ = write!(
        text,
        "== Diplomatic missions ==\n\
         * {a} has an embassy in [[{}]].\n\
         * {b} has an embassy in [[{}]].\n\n\
         == References ==\n{{{{Reflist}}}}\n\n[[Category:Bilateral relations of {a}]]\n",
        capital(b),
        capital(a),
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_follow_from_seed_and_number() {
        assert_eq!(page_spec(7, 42), page_spec(7, 42));
        let titles: Vec<_> = (0..50).map(|n| page_spec(7, n).title).collect();
        let other: Vec<_> = (0..50).map(|n| page_spec(8, n).title).collect();
        assert_ne!(titles, other);
    }

    #[test]
    fn the_dump_is_a_stream_per_hundred_pages_plus_header_and_footer() {
        let dump = generate_dump(250, 1);
        let streams = dump
            .multistream
            .windows(10)
            .filter(|window| window.starts_with(b"BZh91AY&SY"))
            .count();
        assert_eq!(streams, 5);
        let xml = String::from_utf8(dump.xml).unwrap();
        assert_eq!(xml.matches("<page>").count(), 250);
        assert!(xml.contains("&lt;ref&gt;"));
    }
}
