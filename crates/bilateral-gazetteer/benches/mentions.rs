//! Throughput of `find_mentions` on plain prose, sentence by sentence as the pipeline calls it.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Prose written for the benchmark: a few country words among many ordinary ones.
const PROSE: &str = "The two governments agreed to expand cooperation in energy, transport \
and education over the coming decade. Officials from Japan and Kazakhstan met in Astana to \
review the programme, which had been delayed by the pandemic and by a change of ministers. \
Trade between the countries grew steadily, though it remained small compared with the \
volume each exchanged with its larger neighbours. Several universities opened exchange \
schemes, and a cultural centre was inaugurated in the capital with a concert and an \
exhibition of photographs. The delegation also visited a uranium mine, a wind farm and a \
new railway depot before returning home at the end of the week. ";

fn sentences(copies: usize) -> Vec<String> {
    PROSE
        .repeat(copies)
        .split_inclusive(". ")
        .map(str::to_owned)
        .collect()
}

#[divan::bench]
fn find_mentions_in_prose(bencher: Bencher) {
    let sentences = sentences(200);
    let bytes: usize = sentences.iter().map(String::len).sum();
    // Build the automaton outside the measurement.
    black_box(bilateral_gazetteer::find_mentions("Japan"));
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        sentences
            .iter()
            .map(|sentence| bilateral_gazetteer::find_mentions(black_box(sentence)).len())
            .sum::<usize>()
    });
}
