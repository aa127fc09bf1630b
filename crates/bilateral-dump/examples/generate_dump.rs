//! Writes a generated multistream dump and its index for measurements, named as Wikipedia
//! names them: `cargo run --release -p bilateral-dump --features testing --example
//! generate_dump -- PAGES SEED FOLDER` (about 0.55 kB compressed per page: 370 000 pages
//! make 200 MB).

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate_dump PAGES SEED FOLDER";
    let pages: usize = args.next().ok_or(usage)?.parse()?;
    let seed: u64 = args.next().ok_or(usage)?.parse()?;
    let folder = PathBuf::from(args.next().ok_or(usage)?);
    let dump_path = folder.join("examplewiki-pages-articles-multistream.xml.bz2");
    let index_path = folder.join("examplewiki-pages-articles-multistream-index.txt.bz2");
    let mut dump = BufWriter::new(File::create(&dump_path)?);
    let mut index = BufWriter::new(File::create(&index_path)?);
    let size = bilateral_dump::generate::write_dump(pages, seed, &mut dump, &mut index)?;
    println!("{}: {size} bytes, {pages} pages", dump_path.display());
    Ok(())
}
