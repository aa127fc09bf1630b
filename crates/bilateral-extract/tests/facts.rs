//! Extraction checks on short articles written for these tests: each case is a scraped-text
//! article and the facts (in answer-key JSON, one per line) it must yield — no more, no less.

mod support;

use support::{article, check};

#[test]
fn relations_and_missions() {
    check(
        &article(
            "Chile–Norway relations",
            "Chile and Norway established diplomatic relations on 4 May 1920. Norway opened an embassy in Santiago in 1965, and the Chilean embassy in Oslo followed two years later.\n\nThe Norwegian embassy was closed in December 1974 and reopened in 1991.",
        ),
        r#"
        {"type":"relations_established","parties":["CHL","NOR"],"date":"1920-05-04"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"embassy","city":"Santiago","date":"1965"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"embassy","city":"Oslo","date":"1967"}
        {"type":"mission_closed","sender":"NOR","host":"CHL","kind":"embassy","city":"Santiago","date":"1974-12"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"embassy","city":"Santiago","date":"1991"}
        "#,
    );
}

#[test]
fn severed_and_restored_but_not_denied_or_third_party() {
    check(
        &article(
            "Cuba–Portugal relations",
            "Portugal broke off relations with Cuba in 1961. Relations were restored on 12 June 1974. Portugal never broke off relations again, although Spain severed its ties with Cuba in 1961.",
        ),
        r#"
        {"type":"relations_severed","parties":["CUB","PRT"],"date":"1961"}
        {"type":"relations_restored","parties":["CUB","PRT"],"date":"1974-06-12"}
        "#,
    );
}

#[test]
fn visits_counts_and_meetings() {
    check(
        &article(
            "Ghana–Japan relations",
            "President John Kufuor visited Japan on three occasions. On 2–4 May 2008, the Prime Minister of Japan, Yasuo Fukuda, paid an official visit to Ghana. During the visit, he held talks with Kufuor in Accra.\n\nA return visit planned for 2009 was cancelled.",
        ),
        r#"
        {"type":"visit_count","visitor_country":"GHA","host":"JPN","visitor":"John Kufuor","office":"head_of_state","count":3}
        {"type":"visit","visitor_country":"JPN","host":"GHA","visitor":"Yasuo Fukuda","office":"head_of_government","level":"official","start":"2008-05-02","end":"2008-05-04"}
        {"type":"meeting","participants":["Yasuo Fukuda","John Kufuor"],"date":"2008-05-02","place":"Accra"}
        "#,
    );
}

#[test]
fn agreements_signed_not_agreed() {
    check(
        &article(
            "Iceland–India relations",
            "In October 2005 the two governments signed an agreement on air services and a memorandum of understanding on fisheries. They agreed to negotiate a free trade agreement.",
        ),
        r#"
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"agreement","title":null,"topic":"air services","date":"2005-10"}
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"memorandum","title":null,"topic":"fisheries","date":"2005-10"}
        "#,
    );
}

#[test]
fn trade_and_population() {
    check(
        &article(
            "Peru–Thailand relations",
            "Bilateral trade reached US$450 million in 2019, of which Thai exports to Peru accounted for US$310 million. About 1,200 Peruvian citizens were living in Thailand in 2020. Some 9,000 Thai tourists visited Peru that year.",
        ),
        r#"
        {"type":"trade","year":2019,"value":450000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2019,"value":310000000.0,"currency":"USD","direction":"B_to_A","from":"THA","to":"PER"}
        {"type":"population","group":"Peruvian citizens","count":1200,"country":"THA","place":null,"date":"2020"}
        "#,
    );
}

#[test]
fn trips_told_indirectly() {
    check(
        &article(
            "Austria–Peru relations",
            "The first Austrian head of state to come on a state visit was Karl Brenner, in May 1998. General Rosa Vidal, then commander of the army, visited Austria in 2001 and again in 2004.",
        ),
        r#"
        {"type":"visit","visitor_country":"AUT","host":"PER","visitor":"Karl Brenner","office":"head_of_state","level":"state","start":"1998-05","end":null}
        {"type":"visit","visitor_country":"PER","host":"AUT","visitor":"Rosa Vidal","office":"other","level":"unspecified","start":"2001","end":null}
        {"type":"visit","visitor_country":"PER","host":"AUT","visitor":"Rosa Vidal","office":"other","level":"unspecified","start":"2004","end":null}
        "#,
    );
}

#[test]
fn the_two_presidents_are_the_last_two_named() {
    check(
        &article(
            "Chile–Poland relations",
            "President Ana Rojas of Chile and Prime Minister Jan Nowak spoke briefly in 2009. In 2010 President Piotr Zielinski welcomed Rojas in Warsaw on 3 March 2010, and the two presidents held talks on trade.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Rojas","Piotr Zielinski"],"date":"2010-03-03","place":null}
        "#,
    );
}

#[test]
fn populations_named_by_demonym_or_ancestry() {
    check(
        &article(
            "Ireland–Peru relations",
            "Roughly 2,400 Peruvians were living in Ireland in 2019. In the 2011 census 5,200 Irish people reported Peruvian ancestry.",
        ),
        r#"
        {"type":"population","group":"Peruvians","count":2400,"country":"IRL","place":null,"date":"2019"}
        {"type":"population","group":"Irish people","count":5200,"country":"IRL","place":null,"date":"2011"}
        "#,
    );
}

#[test]
fn joined_verbs_share_their_date() {
    check(
        &article(
            "Croatia–Norway relations",
            "Norway closed its embassy in Split and opened one in Zagreb in March 1996.",
        ),
        r#"
        {"type":"mission_closed","sender":"NOR","host":"HRV","kind":"embassy","city":"Split","date":"1996-03"}
        {"type":"mission_opened","sender":"NOR","host":"HRV","kind":"embassy","city":"Zagreb","date":"1996-03"}
        "#,
    );
}

#[test]
fn one_mission_for_each_demonym_after_a_plural_noun() {
    check(
        &article(
            "Chile–Norway relations",
            "The two countries established diplomatic relations in May 1965. Embassies opened later that year, the Norwegian one in Santiago and the Chilean one in Oslo.\n\nConsulates were opened in 1980, the French one in Bergen being a third country's. Norway never opened more embassies, the Norwegian one in Valparaíso being only planned.",
        ),
        r#"
        {"type":"relations_established","parties":["CHL","NOR"],"date":"1965-05"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"embassy","city":"Santiago","date":"1965"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"embassy","city":"Oslo","date":"1965"}
        "#,
    );
}

#[test]
fn joined_clauses_share_a_date_and_open_states_are_not_openings() {
    check(
        &article(
            "Chile–Norway relations",
            "On 2 March 1981 a Chilean trade office opened in Oslo, housed in a hotel, and a Norwegian trade office opened in Santiago.\n\nThe Norwegian embassy reopened in 1991 in the buildings of the former trade offices. Norway recalled its staff in 2002, but the embassy stayed open.",
        ),
        r#"
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"trade_mission","city":"Oslo","date":"1981-03-02"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"trade_mission","city":"Santiago","date":"1981-03-02"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"embassy","city":null,"date":"1991"}
        "#,
    );
}

#[test]
fn a_tenure_names_the_travellers_office() {
    check(
        &article(
            "Chile–Norway relations",
            "Ana Lopes Ferreira sailed to Oslo in May 1999 to open a fisheries congress, the only journey abroad of her presidency.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Lopes Ferreira","office":"head_of_state","level":"unspecified","start":"1999-05","end":null}
        "#,
    );
}

#[test]
fn that_last_visit_is_the_last_trip_listed() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Lopes met King Harald V in Madrid in June 2010. Harald V has been to Chile twice: in March 2004 and on 9 May 2012. On that last visit the two governments signed an agreement on fisheries.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Lopes","Harald V"],"date":"2010-06","place":"Madrid"}
        {"type":"visit_count","visitor_country":"NOR","host":"CHL","visitor":"Harald V","office":"head_of_state","count":2}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald V","office":"head_of_state","level":"unspecified","start":"2004-03","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald V","office":"head_of_state","level":"unspecified","start":"2012-05-09","end":null}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"fisheries","date":"2012-05-09"}
        "#,
    );
}

#[test]
fn a_reception_in_the_hosts_capital_is_the_guests_visit() {
    check(
        &article(
            "Chile–Norway relations",
            "On 3 May 2011 President Ana Lopes received Prime Minister Kari Nordby in Santiago. On 9 June 2012 Lopes received Nordby in Madrid, during a summit there. Nordby received Lopes on 2 July 2013.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Lopes","Kari Nordby"],"date":"2011-05-03","place":"Santiago"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Kari Nordby","office":"head_of_government","level":"unspecified","start":"2011-05-03","end":null}
        {"type":"meeting","participants":["Ana Lopes","Kari Nordby"],"date":"2012-06-09","place":"Madrid"}
        {"type":"meeting","participants":["Ana Lopes","Kari Nordby"],"date":"2013-07-02","place":null}
        "#,
    );
}

#[test]
fn a_group_named_by_its_descent() {
    check(
        &article(
            "Chile–Norway relations",
            "An estimated 12,400 Scandinavians of Norwegian descent lived in Chile in 2015. Some 300 ships of Norwegian origin were sold. The 2020 Norwegian census counted 2,310 ethnic Chileans.",
        ),
        r#"
        {"type":"population","group":"Scandinavians of Norwegian descent","count":12400,"country":"CHL","place":null,"date":"2015"}
        {"type":"population","group":"ethnic Chileans","count":2310,"country":"NOR","place":null,"date":"2020"}
        "#,
    );
}

#[test]
fn an_apposition_names_the_same_agreement() {
    check(
        &article(
            "Iceland–India relations",
            "On 4 March 2010 the two governments signed the Fisheries Cooperation Treaty, the first treaty of its kind for either country, and a memorandum on tourism.",
        ),
        r#"
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"treaty","title":"Fisheries Cooperation Treaty","topic":null,"date":"2010-03-04"}
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"memorandum","title":null,"topic":"tourism","date":"2010-03-04"}
        "#,
    );
}

#[test]
fn third_states_beside_the_pair_do_not_void_its_relations() {
    check(
        &article(
            "Chile–Norway relations",
            "Under pressure from the United States, Chile severed diplomatic relations with Germany and Norway on 20 January 1943. Relations with Norway were restored in 1946. The two countries established diplomatic relations in 1906, making Chile the first state in the region, after Argentina, to do so. Chile severed relations with Germany in 1941. During the Cold War, Norwegian trawlers fished off Chile: the Chilean government established diplomatic relations with Peru on 2 May 1950. Chile's economy grew in 1955. On the same day that relations were established, crowds gathered in Oslo.",
        ),
        r#"
        {"type":"relations_severed","parties":["CHL","NOR"],"date":"1943-01-20"}
        {"type":"relations_restored","parties":["CHL","NOR"],"date":"1946"}
        {"type":"relations_established","parties":["CHL","NOR"],"date":"1906"}
        "#,
    );
}

#[test]
fn an_agreement_that_followed_one_signed_before() {
    check(
        &article(
            "Iceland–India relations",
            "On 3 May 2008 the two governments signed an agreement on air services. A convention on double taxation followed on 9 June 2009.\n\nA strong trade followed in 2011. A memorandum on tourism followed in 2012.",
        ),
        r#"
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"agreement","title":null,"topic":"air services","date":"2008-05-03"}
        {"type":"agreement_signed","parties":["IND","ISL"],"kind":"convention","title":null,"topic":"double taxation","date":"2009-06-09"}
        "#,
    );
}

#[test]
fn mission_list_entries_with_their_years() {
    // A data line with its header, list items under a header line, "X in Y:" with entries,
    // table cells; entries without a year, or with another word before it, give nothing.
    check(
        &article(
            "Chile–Peru relations",
            "Chilean missions in Peru: Embassy, Lima (opened 1960); Consulate, Tacna (opened May 2001)\nResident missions: Embassy of Peru, Santiago (since 1941)\nPeru | Consulate | Arica | 1995\n\nPeruvian missions in Chile\n\n- Embassy, Santiago (1961)\n- Consulate-General, Valparaíso (1995)\n- Consulate, Arica (announced 2019)\n\nPeru in Chile: consulate in Iquique (2004); consulate in Punta Arenas (2008)\n\n- Honorary Consulate of Chile in Arequipa: opened 1999; closed 2012\n- Consulate of Chile in Ilo (1998–2010)\n\nMission | City | Opened\nConsulate-General of Chile | Cusco | 2010\nConsulate of Chile | Puno | 2014\n\nEmbassy of Chile, Lima Embassy of Peru, Santiago\n\nInfobox - Mission 1: Embassy of Chile, Lima - Mission 2: Embassy of Peru, Santiago - Opened: 1822",
        ),
        r#"
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"embassy","city":"Lima","date":"1960"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"consulate","city":"Tacna","date":"2001-05"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"embassy","city":"Santiago","date":"1941"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"consulate","city":"Arica","date":"1995"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"embassy","city":"Santiago","date":"1961"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"consulate_general","city":"Valparaíso","date":"1995"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"consulate","city":"Iquique","date":"2004"}
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"consulate","city":"Punta Arenas","date":"2008"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"honorary_consulate","city":"Arequipa","date":"1999"}
        {"type":"mission_closed","sender":"CHL","host":"PER","kind":"honorary_consulate","city":"Arequipa","date":"2012"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"consulate","city":"Ilo","date":"1998"}
        {"type":"mission_closed","sender":"CHL","host":"PER","kind":"consulate","city":"Ilo","date":"2010"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"consulate_general","city":"Cusco","date":"2010"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"consulate","city":"Puno","date":"2014"}
        "#,
    );
}

#[test]
fn a_list_entry_names_the_state_its_city_then_belonged_to() {
    check(
        &article(
            "Mongolia–Ukraine relations",
            "Missions\n- Consulate of Mongolia in Odessa (then Ukrainian SSR, USSR): opened 1985; closed 1993\n- Honorary Consulate of Mongolia in Lviv (then the largest city of the west): opened 1996\n- Embassy of Mongolia, Kyiv (2024). \"Relations with Ukraine\". Retrieved 3 May 2024.\n- Consulate-General of Mongolia in Kharkiv (then part of the USSR): opened 1988",
        ),
        r#"
        {"type":"mission_opened","sender":"MNG","host":"SUN","kind":"consulate","city":"Odessa","date":"1985"}
        {"type":"mission_closed","sender":"MNG","host":"UKR","kind":"consulate","city":"Odessa","date":"1993"}
        {"type":"mission_opened","sender":"MNG","host":"UKR","kind":"honorary_consulate","city":"Lviv","date":"1996"}
        {"type":"mission_opened","sender":"MNG","host":"SUN","kind":"consulate_general","city":"Kharkiv","date":"1988"}
        "#,
    );
}

#[test]
fn a_list_repeating_the_prose_adds_nothing() {
    check(
        &article(
            "Chile–Peru relations",
            "The Chilean embassy in Lima opened in March 1960.\n\n- Embassy of Chile, Lima (1960)",
        ),
        r#"
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"embassy","city":"Lima","date":"1960-03"}
        "#,
    );
}

#[test]
fn a_mission_raised_to_an_embassy_is_an_embassy_opened() {
    check(
        &article(
            "Ghana–Norway relations",
            "Norway's legation in Accra, opened in May 1961, became an embassy in 1966. The Norwegian consulate in Kumasi was upgraded to a consulate-general in 1984. The Ghanaian legation in Oslo was never raised to an embassy. Ghana upgraded its consulate in Bergen to a consulate-general in 1990. Norway upgraded its embassy in Accra to a new building in 1995.",
        ),
        r#"
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"other","city":"Accra","date":"1961-05"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"1966"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate_general","city":"Kumasi","date":"1984"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate_general","city":"Bergen","date":"1990"}
        "#,
    );
    check(
        &article(
            "Ghana–Norway relations",
            "Both countries opened embassies in 1964. The two governments closed their consulates in 1990.",
        ),
        r#"
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"embassy","city":null,"date":"1964"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":null,"date":"1964"}
        {"type":"mission_closed","sender":"GHA","host":"NOR","kind":"consulate","city":null,"date":"1990"}
        {"type":"mission_closed","sender":"NOR","host":"GHA","kind":"consulate","city":null,"date":"1990"}
        "#,
    );
    check(
        &article(
            "Ghana–Norway relations",
            "Norway opened a legation in Accra in 1961, and the Ghanaian legation in Oslo followed in 1962. In 1970 both legations were elevated to embassies.",
        ),
        r#"
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"other","city":"Accra","date":"1961"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"other","city":"Oslo","date":"1962"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"1970"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"embassy","city":"Oslo","date":"1970"}
        "#,
    );
}

#[test]
fn a_mission_kept_open_or_held_is_dated_only_by_its_own_opening() {
    // "kept its embassy open" is a state; "X has A, B and a consulate in C, opened in 1971"
    // dates only the consulate, whose sender is the holder.
    check(
        &article(
            "Ghana–Norway relations",
            "During the crisis of 1983 Oslo kept its embassy in Accra open. Ghana has an embassy in Oslo, consulates-general in Bergen and Stavanger, and a consulate in Tromsø, opened in 1977.",
        ),
        r#"
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate","city":"Tromsø","date":"1977"}
        "#,
    );
}

#[test]
fn trade_tables_in_either_layout() {
    // Years across, labelled rows; the caption's unit scales every cell. A balance row and a
    // table whose caption speaks of aid give nothing.
    check(
        &article(
            "Chile–Peru relations",
            "Economy\n\nBilateral trade (US$ million)\n2021 2022\nChilean exports to Peru 1,210.5 1,340.0\nPeru's imports from Chile 1,210.5 1,340.0\nPeruvian export 880 912.4\nTrade balance 330.5 427.6\nTotal trade 2,090.5 2,252.4\n\nAid disbursed (US$ million)\n2021 2022\nChilean exports to Peru 5 6",
        ),
        r#"
        {"type":"trade","year":2021,"value":1210500000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2022,"value":1340000000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2021,"value":880000000.0,"currency":"USD","direction":"B_to_A","from":"PER","to":"CHL"}
        {"type":"trade","year":2022,"value":912400000.0,"currency":"USD","direction":"B_to_A","from":"PER","to":"CHL"}
        {"type":"trade","year":2021,"value":2090500000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":2252400000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
    // Years down, with headings split by spaces or by " | "; a one-year caption.
    check(
        &article(
            "Chile–Peru relations",
            "Economy\n\nMerchandise trade (in € billions)\nYear Peruvian exports to Chile Chilean exports to Peru Total\n2019 1.5 2.25 3.75\n\nThe two economies are close.\n\nGoods trade, 2020 (USD, millions; source: customs)\nChile's exports to Peru 950\nTurnover 1,700",
        ),
        r#"
        {"type":"trade","year":2019,"value":1500000000.0,"currency":"EUR","direction":"B_to_A","from":"PER","to":"CHL"}
        {"type":"trade","year":2019,"value":2250000000.0,"currency":"EUR","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2019,"value":3750000000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2020,"value":950000000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2020,"value":1700000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn trade_flows_given_respectively_or_by_a_subject_named_before() {
    check(
        &article(
            "Chile–Peru relations",
            "In 2021 Chilean exports to Peru and Peruvian exports to Chile were worth US$1.2 billion and US$0.9 billion respectively. Peru exported goods worth US$1.1 billion to Chile in 2022, and imported goods worth US$1.4 billion from it. Trade peaked at US$3 billion in 2013; by 2020 the total had fallen to US$2 billion as Peru's copper exports fell.",
        ),
        r#"
        {"type":"trade","year":2021,"value":1200000000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2021,"value":900000000.0,"currency":"USD","direction":"B_to_A","from":"PER","to":"CHL"}
        {"type":"trade","year":2022,"value":1100000000.0,"currency":"USD","direction":"B_to_A","from":"PER","to":"CHL"}
        {"type":"trade","year":2022,"value":1400000000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"PER"}
        {"type":"trade","year":2013,"value":3000000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2020,"value":2000000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn one_states_own_trade_is_not_the_pairs_and_a_figure_takes_the_latest_year() {
    check(
        &article(
            "Chile–Norway relations",
            "Chile's total foreign trade reached US$134 billion in 2022. Norway's total trade with \
             the African continent exceeded US$40 billion in 2022. Chile's copper exports to all \
             destinations were worth about US$44 billion in the same year. Trade with Norway \
             reached US$288 million in 2021.\n\n\
             Bilateral trade stood at €1 million in 2007. It amounted to €3.2 million in 2010 and \
             €14.6 million in 2022, when Chilean exports to Norway were worth €13.1 million. It \
             reached €20 million in 2023, with Chilean exports to Norway worth €15 million.",
        ),
        r#"
        {"type":"trade","year":2021,"value":288000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2007,"value":1000000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2010,"value":3200000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":14600000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":13100000.0,"currency":"EUR","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2023,"value":20000000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2023,"value":15000000.0,"currency":"EUR","direction":"A_to_B","from":"CHL","to":"NOR"}
        "#,
    );
}

#[test]
fn the_pairs_trade_spoken_of_without_a_figure_is_what_it_stands_for() {
    check(
        &article(
            "Chile–Norway relations",
            "Trade between the two countries is modest. It amounted to €3.2 million in 2010. \
             Total trade was NOK 600 million in 2011 and NOK 1.3 billion in 2022; in the latter \
             year Chilean exports to Norway were worth NOK 1.1 billion. By 2024 it had grown to \
             NOK 2 billion.",
        ),
        r#"
        {"type":"trade","year":2010,"value":3200000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2011,"value":600000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":1300000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":1100000000.0,"currency":"NOK","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2024,"value":2000000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn a_members_worldwide_total_is_not_the_pairs_and_years_told_against_the_last() {
    check(
        &article(
            "Chile–Norway relations",
            "Firms compete in the markets of both countries, and Norway's total exports in the \
             same year exceeded €150 billion. Bilateral trade reached NOK 2.4 billion in 2022; \
             three years earlier total trade had stood at NOK 1.6 billion, while Chile's \
             worldwide exports were worth US$90 billion. In 2015 trade stood at NOK 1 billion; \
             it rose to NOK 1.3 billion in the following year.",
        ),
        r#"
        {"type":"trade","year":2022,"value":2400000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2019,"value":1600000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2015,"value":1000000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2016,"value":1300000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn a_trade_tables_unit_in_its_caption_heading() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         Table: Trade between Chile and Norway, 2019–2020 (NOK million)\n\n\
         Year\tChilean exports to Norway\tChilean imports from Norway\tTotal trade\n\
         2019\t1,012\t396\t1,408\n\
         2020\t874\t451\t1,325\n\n\
         Table: Visits of ministers, 2019–2020 (number)\n\n\
         Year\tMinisters\n\
         2019\t4\n\n\
         Chile is Norway's first customer. Bilateral trade, in millions of euro, has developed \
         as follows (Statistics Norway):\n\n\
         Year\tChilean exports to Norway\tTotal interchange\n\
         2022\t2,632\t18,826\n",
        r#"
        {"type":"trade","year":2019,"value":1012000000.0,"currency":"NOK","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2019,"value":396000000.0,"currency":"NOK","direction":"B_to_A","from":"NOR","to":"CHL"}
        {"type":"trade","year":2019,"value":1408000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2020,"value":874000000.0,"currency":"NOK","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2020,"value":451000000.0,"currency":"NOK","direction":"B_to_A","from":"NOR","to":"CHL"}
        {"type":"trade","year":2020,"value":1325000000.0,"currency":"NOK","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":2632000000.0,"currency":"EUR","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2022,"value":18826000000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn imports_to_one_member_from_the_other_flow_from_the_other() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         Table: Trade between Chile and Norway (USD million)\n\n\
         Year\tExports from Chile to Norway\tImports to Chile from Norway\tTrade turnover\n\
         2021\t71.6\t10.2\t81.8\n\n\
         In 2022 imports to Norway from Chile were worth US$80 million.\n",
        r#"
        {"type":"trade","year":2021,"value":71600000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"NOR"}
        {"type":"trade","year":2021,"value":10200000.0,"currency":"USD","direction":"B_to_A","from":"NOR","to":"CHL"}
        {"type":"trade","year":2021,"value":81800000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":80000000.0,"currency":"USD","direction":"A_to_B","from":"CHL","to":"NOR"}
        "#,
    );
}

#[test]
fn populations_counted_by_census_birthplace_label_or_community() {
    check(
        &article(
            "Chile–Peru relations",
            "In the 2017 Chilean census 9,000 people identified as ethnic Aymara from Peru, while 187,000 residents had been born in Peru. More than 5,000 \"returning residents\" have resettled on the coast from Chile since 1990. About 30,000 Chileans were living in Peru in 2010, most of them employed by mining firms.\n\nBasic data\nPeruvian nationals resident in Chile: about 190,000 (2018 estimate)\n\nThe Chilean community in Peru was put at some 12,000 people in 2015. About 2,000 people in Arequipa still claim Chilean descent. Some 800 Peruvian students were enrolled at Chilean universities in 2021. In the 2007 census 4,000 Chileans reported Peruvian ancestry, the largest such community outside Bolivia. About 7,000 Peruvian nationals were living in Chile in 2016, some 900 of them on Chiloé, most of them in the north.\n\nIn 2019 some 250,000 Chilean tourists were estimated to have visited Peru, and more than a million Peruvian visitors were registered in Chile.",
        ),
        r#"
        {"type":"population","group":"people","count":9000,"country":"CHL","place":null,"date":"2017"}
        {"type":"population","group":"residents","count":187000,"country":"CHL","place":null,"date":"2017"}
        {"type":"population","group":"returning residents","count":5000,"country":"PER","place":null,"date":"1990"}
        {"type":"population","group":"Chileans","count":30000,"country":"PER","place":null,"date":"2010"}
        {"type":"population","group":"Peruvian nationals","count":190000,"country":"CHL","place":null,"date":"2018"}
        {"type":"population","group":"Chilean community","count":12000,"country":"PER","place":null,"date":"2015"}
        {"type":"population","group":"people","count":2000,"country":"PER","place":"Arequipa","date":null}
        {"type":"population","group":"Peruvian students","count":800,"country":"CHL","place":null,"date":"2021"}
        {"type":"population","group":"Chileans","count":4000,"country":"CHL","place":null,"date":"2007"}
        {"type":"population","group":"Peruvian nationals","count":7000,"country":"CHL","place":null,"date":"2016"}
        {"type":"population","group":"Peruvian nationals","count":900,"country":"CHL","place":"Chiloé","date":"2016"}
        "#,
    );
}

#[test]
fn a_mission_closed_as_it_or_opened_after_another_verb_s_object() {
    // "it" closes the sentence's last mission; the object of a first verb is not the subject
    // of the second; a season dates to its year; a denied closing is none.
    check(
        &article(
            "Ghana–Norway relations",
            "Norway opened a consulate in Kumasi in 1950; it was closed in 1976. Ghana set up a trade office in Bergen in 1981 and opened a consulate-general in the city in 1995, and it shut in 2009. Norway's embassy in Accra opened on 3 March 1961, and Ghana's embassy in Oslo began work that summer. It was said that the relations were cordial; it was closed to visitors in 1999. Reports in 2012 that Norway had closed its embassy in Accra were denied.",
        ),
        r#"
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate","city":"Kumasi","date":"1950"}
        {"type":"mission_closed","sender":"NOR","host":"GHA","kind":"consulate","city":"Kumasi","date":"1976"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"trade_mission","city":"Bergen","date":"1981"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate_general","city":null,"date":"1995"}
        {"type":"mission_closed","sender":"GHA","host":"NOR","kind":"consulate_general","city":null,"date":"2009"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"1961-03-03"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"embassy","city":"Oslo","date":"1961"}
        "#,
    );
}

#[test]
fn missions_sharing_a_verb_a_date_or_a_list_of_places() {
    // A gapped clause ("and Y's embassy in Z in June 1992") shares the verb; a "when"
    // clause shares the date of the event it dates; a relative clause closed by a comma
    // leaves its verb to the noun before; a plural noun with places gives one mission each,
    // with dates given "respectively". A clause with a mission but no date gives nothing.
    check(
        &article(
            "Ghana–Norway relations",
            "The Norwegian embassy in Accra opened that November 1991, and Ghana's embassy in Oslo in February 1992. The Norwegian consulate was closed in May 1993, when Norway opened a consulate-general in Kumasi. Ghana's embassy in Oslo, which also serves as its mission to Iceland, moved in 1999. Ghana's consulate in Bergen, which also covers Iceland, followed in 2001. Legations were opened in Accra and Oslo in 1960. Its consulates in Stavanger and Tromsø were opened in 1986 and 2016 respectively. Norway opened consulates in Kumasi in 1990 and Tamale in 1995. Ghana's consulate-general, opened in Bergen in 1999, was closed there in 2004 and reopened in Oslo the same year. Norway's embassy opened in 2003, and Ghana's embassy in Oslo remains in its old building.",
        ),
        r#"
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"1991-11"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"embassy","city":"Oslo","date":"1992-02"}
        {"type":"mission_closed","sender":"NOR","host":"GHA","kind":"consulate","city":null,"date":"1993-05"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate_general","city":"Kumasi","date":"1993-05"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate","city":"Bergen","date":"2001"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"other","city":"Accra","date":"1960"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"other","city":"Oslo","date":"1960"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate","city":"Stavanger","date":"1986"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate","city":"Tromsø","date":"2016"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate","city":"Kumasi","date":"1990"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate","city":"Tamale","date":"1995"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate_general","city":"Bergen","date":"1999"}
        {"type":"mission_closed","sender":"GHA","host":"NOR","kind":"consulate_general","city":"Bergen","date":"2004"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"consulate_general","city":"Oslo","date":"2004"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"2003"}
        "#,
    );
}

#[test]
fn missions_opened_both_ways_or_held_since_a_date() {
    // "in each other's capitals" opens one each way; "has had ... since" dates an opening;
    // embassies held with no date, or a reference point that is not an opening, give none.
    check(
        &article(
            "Ghana–Norway relations",
            "In 1993 Ghana and Norway opened embassies in each other's capitals. Norway has maintained a consulate in Kumasi since 1975. Ghana has had an honorary consulate in Bergen since March 2001. Both countries have embassies in each other's capitals. Norway has had no consulate in Tamale since 2010.",
        ),
        r#"
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"embassy","city":"Oslo","date":"1993"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"embassy","city":"Accra","date":"1993"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"consulate","city":"Kumasi","date":"1975"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"honorary_consulate","city":"Bergen","date":"2001-03"}
        "#,
    );
    check(
        &article(
            "Chile–Peru relations",
            "Peru has an embassy in Santiago (since 1961). Chile maintains a consulate in Tacna since 1929. Chile has an embassy in Lima, which has been headed since 2019 by a career diplomat.",
        ),
        r#"
        {"type":"mission_opened","sender":"PER","host":"CHL","kind":"embassy","city":"Santiago","date":"1961"}
        {"type":"mission_opened","sender":"CHL","host":"PER","kind":"consulate","city":"Tacna","date":"1929"}
        "#,
    );
}

#[test]
fn communities_that_number_so_many_and_people_there_are() {
    check(
        &article(
            "Ghana–Norway relations",
            "The Ghanaian community in Norway numbers about 3,000. There are about 2,500 Norwegians in Ghana. The Norwegian diaspora numbered 400 in 1990. There were 40 Norwegian firms in Ghana in 2010.",
        ),
        r#"
        {"type":"population","group":"Ghanaian community","count":3000,"country":"NOR","place":null,"date":null}
        {"type":"population","group":"Norwegians","count":2500,"country":"GHA","place":null,"date":null}
        {"type":"population","group":"Norwegian diaspora","count":400,"country":"GHA","place":null,"date":"1990"}
        "#,
    );
}

#[test]
fn trade_of_one_member_alone_or_with_a_third_state_is_not_the_pair_s() {
    check(
        &article(
            "Ethiopia–Kenya relations",
            "Trade between Kenya and Uganda reached US$1 billion in 2020. Ethiopia's total exports reached US$3 billion in 2020. Kenya's exports to China were worth US$200 million in 2019. Bilateral trade reached US$150 million in 2021, of which Kenya's exports made up US$120 million. Trade grew to US$160 million in 2022.",
        ),
        r#"
        {"type":"trade","year":2021,"value":150000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2021,"value":120000000.0,"currency":"USD","direction":"B_to_A","from":"KEN","to":"ETH"}
        {"type":"trade","year":2022,"value":160000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn a_share_written_without_its_currency_takes_the_one_before() {
    check(
        &article(
            "Azerbaijan–Turkey relations",
            "Two-way trade reached US$6.1 billion in 2022, of which Turkish exports to Azerbaijan accounted for 2.9 billion. In 2019 bilateral trade stood at €1.5 billion, and Azerbaijani exports were 600 million. Mutual trade came to US$4 billion in 2018, of which Azerbaijani deliveries made up 1.5 billion. Trade reached US$2 billion in 2015, and 3 million tourists came.",
        ),
        r#"
        {"type":"trade","year":2022,"value":6100000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":2900000000.0,"currency":"USD","direction":"B_to_A","from":"TUR","to":"AZE"}
        {"type":"trade","year":2019,"value":1500000000.0,"currency":"EUR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2019,"value":600000000.0,"currency":"EUR","direction":"A_to_B","from":"AZE","to":"TUR"}
        {"type":"trade","year":2018,"value":4000000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2018,"value":1500000000.0,"currency":"USD","direction":"A_to_B","from":"AZE","to":"TUR"}
        {"type":"trade","year":2015,"value":2000000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
}

#[test]
fn an_office_named_after_a_trade_agency_is_a_trade_mission() {
    check(
        &article(
            "Ghana–Norway relations",
            "A Ghanaian Export Promotion Council office opened in Bergen in the 1980s. The Norwegian Trade and Investment Board office in Kumasi was set up in 2009. Ghana's Investment Promotion Centre office in Oslo opened in 2012. The trade minister visited the office of the president in 2010.",
        ),
        r#"
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"trade_mission","city":"Bergen","date":"1980s"}
        {"type":"mission_opened","sender":"NOR","host":"GHA","kind":"trade_mission","city":"Kumasi","date":"2009"}
        {"type":"mission_opened","sender":"GHA","host":"NOR","kind":"trade_mission","city":"Oslo","date":"2012"}
        "#,
    );
}

#[test]
fn relations_at_embassy_level_open_no_embassy() {
    check(
        &article(
            "Chile–Norway relations",
            "The two states established relations at embassy level on 3 May 1991. Relations \
             at the level of embassies were restored in 1994. Diplomatic relations were \
             re-established at the embassy level in 2001. Chile opened an embassy in Oslo at \
             the end of 1996.",
        ),
        r#"
        {"type":"relations_established","parties":["CHL","NOR"],"date":"1991-05-03"}
        {"type":"relations_restored","parties":["CHL","NOR"],"date":"1994"}
        {"type":"relations_restored","parties":["CHL","NOR"],"date":"2001"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"embassy","city":"Oslo","date":"1996"}
        "#,
    );
}

#[test]
fn an_instrument_amended_and_a_mission_building_are_not_new() {
    check(
        &article(
            "Chile–Norway relations",
            "A protocol amending the General Agreement on Development Cooperation of 1989 was \
             signed in Oslo on 9 May 2006. In 2008 the two governments signed a protocol \
             supplementing the Treaty of Friendship. A memorandum replacing the Fisheries \
             Agreement was concluded on 3 March 2012. In 2018 a trade office was set up within \
             the Embassy compound in Santiago. The new embassy building in Oslo opened in 2019.",
        ),
        r#"
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"protocol","title":null,"topic":null,"date":"2006-05-09"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"protocol","title":null,"topic":null,"date":"2008"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"memorandum","title":null,"topic":null,"date":"2012-03-03"}
        "#,
    );
}

#[test]
fn a_vague_tally_of_instruments_is_one_fact() {
    check(
        &article(
            "Chile–Norway relations",
            "In 2008 the two governments signed a number of agreements on education, agriculture \
             and energy. Several accords on trade and tourism were signed in 2010. In 2012 they \
             signed agreements on fisheries and on mining.",
        ),
        r#"
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"education, agriculture and energy","date":"2008"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"trade and tourism","date":"2010"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"fisheries","date":"2012"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"mining","date":"2012"}
        "#,
    );
}

#[test]
fn missions_in_places_dated_respectively() {
    check(
        &article(
            "Chile–Norway relations",
            "Norway opened honorary consulates in Valparaíso and Concepción in 1976 and 2000 \
             respectively. Chile opened consulates in Bergen and Tromsø in 1981 and 1995 \
             respectively.",
        ),
        r#"
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"honorary_consulate","city":"Valparaíso","date":"1976"}
        {"type":"mission_opened","sender":"NOR","host":"CHL","kind":"honorary_consulate","city":"Concepción","date":"2000"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"consulate","city":"Bergen","date":"1981"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"consulate","city":"Tromsø","date":"1995"}
        "#,
    );
}

#[test]
fn instruments_pointed_back_at_or_under_negotiation_are_not_signed_again() {
    check(
        &article(
            "Chile–Norway relations",
            "Beyond the 1974 memorandum and the agreements of 1990, the two countries signed a \
             convention for the avoidance of double taxation on 12 September 2006. An air \
             services agreement was initialled in 2019 but has not been signed, and a memorandum \
             on tourism has been under negotiation since 2022. In 2023 the two governments \
             launched negotiations on a free trade agreement. Chile opened consulates general in \
             Bergen and Tromsø in 1977 and 1980 respectively.",
        ),
        r#"
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"convention","title":null,"topic":"the avoidance of double taxation","date":"2006-09-12"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"consulate_general","city":"Bergen","date":"1977"}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"consulate_general","city":"Tromsø","date":"1980"}
        "#,
    );
}

#[test]
fn posts_named_by_the_city_of_a_mission_listed_before() {
    check(
        &article(
            "Australia–Indonesia relations",
            "Australia has consulates-general in Bali, Surabaya and Makassar; the Surabaya post opened in 2016 and the Makassar post in 2017. Indonesia maintains consulates in Darwin and Perth. The Perth post was set up in 1985. According to the Bali Post, the Darwin consulate reopened in 1990.",
        ),
        r#"
        {"type":"mission_opened","sender":"AUS","host":"IDN","kind":"consulate_general","city":"Surabaya","date":"2016"}
        {"type":"mission_opened","sender":"AUS","host":"IDN","kind":"consulate_general","city":"Makassar","date":"2017"}
        {"type":"mission_opened","sender":"IDN","host":"AUS","kind":"consulate","city":"Perth","date":"1985"}
        {"type":"mission_opened","sender":"IDN","host":"AUS","kind":"consulate","city":"Darwin","date":"1990"}
        "#,
    );
}

#[test]
fn a_former_state_named_in_the_sentence_keeps_its_own_code() {
    check(
        &article(
            "Germany–Ghana relations",
            "Germany–Ghana relations are the ties between Germany and Ghana.\n\n\
             The German Democratic Republic opened an embassy in Accra in 1973.\n\n\
             Ghanaian President Kofi Badu visited East Germany three times.\n\n\
             In 1981 some 900 Ghanaian students lived in the GDR.\n\n\
             West Germany opened an embassy in Accra in 1959, long before the GDR did.",
        ),
        r#"
        {"type":"mission_opened","sender":"DDR","host":"GHA","kind":"embassy","city":"Accra","date":"1973"}
        {"type":"visit_count","visitor_country":"GHA","host":"DDR","visitor":"Kofi Badu","office":"head_of_state","count":3}
        {"type":"population","group":"Ghanaian students","count":900,"country":"DDR","place":null,"date":"1981"}
        {"type":"mission_opened","sender":"DEU","host":"GHA","kind":"embassy","city":"Accra","date":"1959"}
        "#,
    );
}

#[test]
fn a_mission_moved_closes_in_its_old_city_and_opens_in_the_new() {
    check(
        &article(
            "Ghana–Germany relations",
            "Ghana–Germany relations are the ties between Ghana and Germany.\n\n\
             Ghana opened its embassy in Bonn in 1972 and moved it to Berlin in 2001.\n\n\
             Germany opened an embassy in Accra in 1959. In 2008 the embassy was relocated to \
             Kumasi.\n\n\
             Ghana transferred its consulate from Hamburg to Munich in 2012.\n\n\
             A plan to move the embassy to Tamale was dropped in 2015.",
        ),
        r#"
        {"type":"mission_opened","sender":"GHA","host":"DEU","kind":"embassy","city":"Bonn","date":"1972"}
        {"type":"mission_closed","sender":"GHA","host":"DEU","kind":"embassy","city":"Bonn","date":"2001"}
        {"type":"mission_opened","sender":"GHA","host":"DEU","kind":"embassy","city":"Berlin","date":"2001"}
        {"type":"mission_opened","sender":"DEU","host":"GHA","kind":"embassy","city":"Accra","date":"1959"}
        {"type":"mission_closed","sender":"DEU","host":"GHA","kind":"embassy","city":"Accra","date":"2008"}
        {"type":"mission_opened","sender":"DEU","host":"GHA","kind":"embassy","city":"Kumasi","date":"2008"}
        {"type":"mission_closed","sender":"GHA","host":"DEU","kind":"consulate","city":"Hamburg","date":"2012"}
        {"type":"mission_opened","sender":"GHA","host":"DEU","kind":"consulate","city":"Munich","date":"2012"}
        "#,
    );
}

#[test]
fn trade_told_as_it_after_a_trade_figure_and_parts_after_of_which() {
    check(
        &article(
            "Oman–Tanzania relations",
            "Oman–Tanzania relations are the ties between Oman and Tanzania.\n\n\
             Bilateral trade stood at OMR 40 million in 2010. In 2022 it amounted to \
             OMR 86.5 million.\n\n\
             Two-way trade reached US$1.2 billion in 2019, of which Omani exports to Tanzania \
             accounted for US$700 million.\n\n\
             Tanzanian exports to Oman came to TSh 210 billion in 2021.\n\n\
             Oil prices rose in 2015. In 2016 it amounted to US$3 billion.",
        ),
        r#"
        {"type":"trade","year":2010,"value":40000000.0,"currency":"OMR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2022,"value":86500000.0,"currency":"OMR","direction":"total","from":null,"to":null}
        {"type":"trade","year":2019,"value":1200000000.0,"currency":"USD","direction":"total","from":null,"to":null}
        {"type":"trade","year":2019,"value":700000000.0,"currency":"USD","direction":"A_to_B","from":"OMN","to":"TZA"}
        {"type":"trade","year":2021,"value":210000000000.0,"currency":"TZS","direction":"B_to_A","from":"TZA","to":"OMN"}
        "#,
    );
}

#[test]
fn plural_instruments_listed_by_topic_are_one_fact_each_and_a_visits_month_dates_them() {
    check(
        &article(
            "Oman–Tanzania relations",
            "Oman–Tanzania relations are the ties between Oman and Tanzania.\n\n\
             On 3 May 2019 the two sides signed memoranda of understanding on fisheries, \
             tourism and health.\n\n\
             On 4 June 2020 agreements on aviation and on shipping were signed, together with \
             memoranda on youth and on sport.\n\n\
             On 9 July 2021 the two governments signed thirteen agreements in energy, mining and \
             transport.\n\n\
             President Ali Juma of Tanzania visited Oman in March 2022. During that 2022 visit \
             the two sides signed a joint statement on a strategic partnership.",
        ),
        r#"
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"memorandum","title":null,"topic":"fisheries","date":"2019-05-03"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"memorandum","title":null,"topic":"tourism","date":"2019-05-03"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"memorandum","title":null,"topic":"health","date":"2019-05-03"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"agreement","title":null,"topic":"aviation","date":"2020-06-04"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"agreement","title":null,"topic":"shipping","date":"2020-06-04"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"memorandum","title":null,"topic":"youth","date":"2020-06-04"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"memorandum","title":null,"topic":"sport","date":"2020-06-04"}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"agreement","title":null,"topic":null,"date":"2021-07-09"}
        {"type":"visit","visitor_country":"TZA","host":"OMN","visitor":"Ali Juma","office":"head_of_state","level":"unspecified","start":"2022-03","end":null}
        {"type":"agreement_signed","parties":["OMN","TZA"],"kind":"joint_statement","title":null,"topic":"a strategic partnership","date":"2022-03"}
        "#,
    );
}

#[test]
fn relations_between_long_names_since_an_event_and_with_an_adverb() {
    check(
        &article(
            "Belarus–Vietnam relations",
            "Belarus–Vietnam relations are the ties between Belarus and Vietnam.\n\n\
             Diplomatic relations between the Republic of Belarus and the Socialist Republic of \
             Vietnam were established on 24 January 1992.",
        ),
        r#"
        {"type":"relations_established","parties":["BLR","VNM"],"date":"1992-01-24"}
        "#,
    );
    check(
        &article(
            "Cuba–Namibia relations",
            "Cuba–Namibia relations are the ties between Cuba and Namibia.\n\n\
             The two states have maintained diplomatic relations since Namibian independence \
             on 21 March 1990.",
        ),
        r#"
        {"type":"relations_established","parties":["CUB","NAM"],"date":"1990-03-21"}
        "#,
    );
    check(
        &article(
            "Malaysia–South Africa relations",
            "Malaysia–South Africa relations are the ties between Malaysia and South Africa.\n\n\
             Formal relations were only established on 8 November 1993. Relations between the \
             two countries were later described as warm in a 2001 report, which was published \
             on 3 May 2001.",
        ),
        r#"
        {"type":"relations_established","parties":["MYS","ZAF"],"date":"1993-11-08"}
        "#,
    );
}

#[test]
fn groups_who_work_serve_or_study_in_the_partner_are_populations() {
    check(
        &article(
            "Cuba–Namibia relations",
            "Cuba–Namibia relations are the ties between Cuba and Namibia.\n\n\
             About 250 Cuban health workers were serving in Namibia in 2019.\n\n\
             Some 2,000 Namibian nationals work in Cuba.\n\n\
             In 1985 about 1,100 Namibian pupils studied in Cuba.\n\n\
             In 1988 some 3,000 Cuban soldiers were serving in Namibia.",
        ),
        r#"
        {"type":"population","group":"Cuban health workers","count":250,"country":"NAM","place":null,"date":"2019"}
        {"type":"population","group":"Namibian nationals","count":2000,"country":"CUB","place":null,"date":null}
        {"type":"population","group":"Namibian pupils","count":1100,"country":"CUB","place":null,"date":"1985"}
        "#,
    );
}

#[test]
fn a_mission_reopened_or_closed_as_it_is_the_one_just_named() {
    check(
        &article(
            "Oman–Tanzania relations",
            "Oman–Tanzania relations are the ties between Oman and Tanzania.\n\n\
             Oman opened an embassy in Dodoma in 2004, closed it in 2009 as a cost-saving \
             measure, and reopened it on 1 September 2019.\n\n\
             Tanzania opened a consulate in Salalah in 2001; it was closed in 2012.\n\n\
             Oman's consul said in 2015 that it was time to open a school.",
        ),
        r#"
        {"type":"mission_opened","sender":"OMN","host":"TZA","kind":"embassy","city":"Dodoma","date":"2004"}
        {"type":"mission_closed","sender":"OMN","host":"TZA","kind":"embassy","city":"Dodoma","date":"2009"}
        {"type":"mission_opened","sender":"OMN","host":"TZA","kind":"embassy","city":"Dodoma","date":"2019-09-01"}
        {"type":"mission_opened","sender":"TZA","host":"OMN","kind":"consulate","city":"Salalah","date":"2001"}
        {"type":"mission_closed","sender":"TZA","host":"OMN","kind":"consulate","city":"Salalah","date":"2012"}
        "#,
    );
}

#[test]
fn parts_of_a_total_whose_way_is_not_said_are_no_totals() {
    check(
        &article(
            "Kazakhstan–Malaysia relations",
            "Kazakhstan–Malaysia relations are the ties between Kazakhstan and Malaysia.\n\n\
             In 2023 the trade turnover amounted to USD 246.1 million (export – USD 12.3 \
             million, import – USD 233.8 million).",
        ),
        r#"
        {"type":"trade","year":2023,"value":246100000.0,"currency":"USD","direction":"total","from":null,"to":null}
        "#,
    );
}
