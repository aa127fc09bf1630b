//! Throughput of the date and quantity recognisers on prose: they run on every sentence of
//! whole dumps, so bytes per second is the number that matters.

use bilateral_recognise::date::{DateContext, find_dates};
use bilateral_recognise::quantity::{find_money, find_numbers};
use divan::counter::BytesCount;

/// Invented prose in the register of a relations article: dates, counts and money amounts
/// among ordinary sentences.
const PROSE: &str = "\
The two kingdoms first exchanged envoys in 1874, when a merchant delegation of twelve \
arrived at the northern port after a voyage of 118 days. Formal relations were established \
on 14 March 1921, and legations opened in both capitals in the spring of 1923. During the \
1930s trade grew slowly; by 1938 it was worth about £4 million a year, mostly timber, fish \
and textiles. Relations were broken off in December 1941 and restored on 2 June 1952, after \
which the legations became embassies in 1957.
In the early 1960s the foreign ministers met three times, and a cultural agreement was \
signed in Lisbon on 8–9 October 1963. A consulate general opened in the second city in \
1971; it closed in 1998 for lack of funds and reopened in 2004. The president paid a state \
visit from 28 February to 2 March 1977, the first by a head of state, and the king returned \
the visit in May 1979. More than 2,500 students studied in the other country by the end of \
the decade, and some 15,000 tourists a year travelled between the two.
Between 1985 and 1990 the development agency lent over US$1.2 billion for ports, railways \
and power plants. A 1992 survey found that only 16% of people in either country could name \
the other's capital. The prime minister visited in 1994, 1999 and 2003; on the last trip she \
opened a trade fair attended by around 40,000 people. Bilateral trade reached €3.8 billion \
in 2010 and 4.1 billion euros in 2012, and a free trade agreement was signed on \
24 November 2014 after talks that ran from 2011 to 2014.
The parliamentary friendship group, founded in 2001 with fifteen members, now has forty. In \
2016 the two governments issued a joint statement on climate, and on 11 July 2018 the \
foreign ministers signed a memorandum on consular matters. A visit planned for 2020 was \
postponed; it took place on 6 and 7 April 2022 instead. See also pp. 112–140 of the official \
history (ISBN 978-1-23456-789-7) and the 2019 yearbook, p. 313.
";

fn main() {
    divan::main();
}

fn prose() -> String {
    PROSE.repeat(4)
}

#[divan::bench]
fn dates(bencher: divan::Bencher) {
    let text = prose();
    let context = DateContext::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| find_dates(divan::black_box(&text), &context));
}

#[divan::bench]
fn dates_by_sentence(bencher: divan::Bencher) {
    let text = prose();
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let context = DateContext {
        year: Some(2000),
        month: Some(1),
    };
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        sentences
            .iter()
            .map(|sentence| find_dates(divan::black_box(sentence), &context).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn numbers(bencher: divan::Bencher) {
    let text = prose();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| find_numbers(divan::black_box(&text)));
}

#[divan::bench]
fn money(bencher: divan::Bencher) {
    let text = prose();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| find_money(divan::black_box(&text)));
}
