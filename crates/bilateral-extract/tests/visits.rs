//! Visits and meetings told in ways the sentence rules alone miss: rows of a list under a
//! heading that gives their direction, people named by their role ("the President", "his
//! counterpart"), and dates that span a tenure rather than a trip.

mod support;

use support::{article, check, check_html, check_wikitext};

#[test]
fn list_rows_under_a_direction_heading_are_one_visit_per_year() {
    check_wikitext(
        "'''Chile–Norway relations''' are the ties between Chile and Norway.\n\n\
         == Visits ==\n\
         '''From Chile to Norway'''\n\
         * President [[Ana Soto]] (1994, 2001)\n\
         * Prime Minister [[Rui Vidal]] (2008)\n\n\
         '''From Norway to Chile'''\n\
         * Prime Minister [[Eva Lund]] (1999)\n",
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1994","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2001","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_government","level":"unspecified","start":"2008","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"1999","end":null}
        "#,
    );
}

#[test]
fn year_led_rows_take_their_day_and_level_from_the_brackets() {
    check_wikitext(
        "'''Ghana–Peru relations''' are the ties between Ghana and Peru.\n\n\
         == High-level exchanges ==\n\
         '''(a) Visits to Peru'''\n\
         * 2004 Vice President (official visit)\n\
         * 2012 President [[Kofi Mensah]] (state visit, 3-5 May)\n\
         * 2020 Prime Minister (working visit) - cancelled because of the pandemic\n",
        r#"
        {"type":"visit","visitor_country":"GHA","host":"PER","visitor":null,"office":"other","level":"official","start":"2004","end":null}
        {"type":"visit","visitor_country":"GHA","host":"PER","visitor":"Kofi Mensah","office":"head_of_state","level":"state","start":"2012-05-03","end":"2012-05-05"}
        "#,
    );
}

#[test]
fn a_row_names_its_destination_and_repeats_a_trip_told_in_prose() {
    check_wikitext(
        "'''Chile–Norway relations''' are the ties between Chile and Norway.\n\n\
         Prime Minister Eva Lund visited Chile in March 1999.\n\n\
         == High-level visits ==\n\
         * 1999 – Prime Minister [[Eva Lund]] to Chile\n\
         * 2003 – President [[Ana Soto]] to Norway (Bergen)\n",
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"1999-03","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2003","end":null}
        "#,
    );
}

#[test]
fn rows_outside_a_list_of_trips_are_no_visits() {
    // A heading about trade, and a section that is no list of visits.
    check_wikitext(
        "'''Chile–Norway relations''' are the ties between Chile and Norway.\n\n\
         == Trade ==\n\
         '''From Chile to Norway'''\n\
         * Salmon feed (1994, 2001)\n\n\
         == Leaders ==\n\
         * President [[Ana Soto]] (1994, 2001)\n",
        "",
    );
}

#[test]
fn the_president_and_his_counterpart_stand_for_people_named_before() {
    check(
        &article(
            "Chile–Norway relations",
            "Prime Minister Eva Lund of Norway visited Chile in 1990 and met President Ana Soto. The President returned the visit in April 1992, holding talks with his Norwegian counterpart in Bergen on 3 April.",
        ),
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"1990","end":null}
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1990","place":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1992-04","end":null}
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1992-04-03","place":"Bergen"}
        "#,
    );
}

#[test]
fn a_named_counterpart_and_a_title_with_a_name_are_not_roles() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto of Chile met Prime Minister Eva Lund in Oslo in May 1995. In 1997 she and her Norwegian counterpart Per Berg held talks in Lima. The President of the Commission was not present.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1995-05","place":"Oslo"}
        {"type":"meeting","participants":["Ana Soto","Per Berg"],"date":"1997","place":"Lima"}
        "#,
    );
}

#[test]
fn a_tenure_does_not_date_a_trip() {
    check(
        &article(
            "Chile–Norway relations",
            "Ana Soto visited Norway during her second presidency (1994–2002). Eva Lund came to Chile three times between 2001 and 2009, most recently in March 2009.",
        ),
        r#"
        {"type":"visit_count","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"other","count":3}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"other","level":"unspecified","start":"2009-03","end":null}
        "#,
    );
}

#[test]
fn a_city_of_the_pair_is_a_destination_and_a_meeting_place() {
    check(
        &article(
            "Australia–Indonesia relations",
            "Prime Minister Tom Barker visited Surabaya on 4 May 2011 and held talks with President Adi Wirawan in Malang. Adi Wirawan went to Townsville in June 2012. Tom Barker visited Lyon in 2013.",
        ),
        r#"
        {"type":"visit","visitor_country":"AUS","host":"IDN","visitor":"Tom Barker","office":"head_of_government","level":"unspecified","start":"2011-05-04","end":null}
        {"type":"meeting","participants":["Tom Barker","Adi Wirawan"],"date":"2011-05-04","place":"Malang"}
        {"type":"visit","visitor_country":"IDN","host":"AUS","visitor":"Adi Wirawan","office":"head_of_state","level":"unspecified","start":"2012-06","end":null}
        "#,
    );
}

#[test]
fn talks_in_the_hosts_city_are_the_guests_trip_when_both_states_are_known() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto of Chile and Prime Minister Eva Lund of Norway met in Oslo in March 1995. In May 1998 Soto held talks in Bergen with Lund. Soto and Lund met again in Geneva in 2001.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1995-03","place":"Oslo"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1995-03","end":null}
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1998-05","place":"Bergen"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1998-05","end":null}
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"2001","place":null}
        "#,
    );
}

#[test]
fn a_name_in_the_possessive_and_the_two_men_in_meetings() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto of Chile visited Norway in 1999. Soto's successor, Rui Vidal, held talks with Prime Minister Eva Lund of Norway in Geneva in 2003. The two men met again in Rome in 2005.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1999","end":null}
        {"type":"meeting","participants":["Rui Vidal","Eva Lund"],"date":"2003","place":null}
        {"type":"meeting","participants":["Rui Vidal","Eva Lund"],"date":"2005","place":"Rome"}
        "#,
    );
}

#[test]
fn a_name_in_the_possessive_points_to_the_traveller() {
    check(
        &article(
            "Chile–Norway relations",
            "Soto's successor, Rui Vidal, went to Oslo on 3 May 2004. \
             In 2006 Vidal's foreign minister, Marta Ruiz, travelled to Bergen. \
             Lund's deputy, Per Holm, paid a visit to Chile in March 2009. \
             Vidal's second visit to Norway, in June 2010, was brief.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"other","level":"unspecified","start":"2004-05-03","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Marta Ruiz","office":"foreign_minister","level":"unspecified","start":"2006","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Per Holm","office":"other","level":"unspecified","start":"2009-03","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"other","level":"unspecified","start":"2010-06","end":null}
        "#,
    );
}

#[test]
fn places_and_dates_shared_out_respectively() {
    check(
        &article(
            "Azerbaijan–Turkey relations",
            "Foreign ministers Ali Demir and Elnur Mammadov visited Baku and Ankara in March and May 2016 respectively.",
        ),
        r#"
        {"type":"visit","visitor_country":"TUR","host":"AZE","visitor":"Ali Demir","office":"foreign_minister","level":"unspecified","start":"2016-03","end":null}
        {"type":"visit","visitor_country":"AZE","host":"TUR","visitor":"Elnur Mammadov","office":"foreign_minister","level":"unspecified","start":"2016-05","end":null}
        "#,
    );
    check(
        &article(
            "Chile–Spain relations",
            "Three Chilean presidents – Ana Soto, Rui Vidal and Eva Lund – paid official visits to Madrid, in 1991, 2003 and 2015 respectively.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"ESP","visitor":"Ana Soto","office":"head_of_state","level":"official","start":"1991","end":null}
        {"type":"visit","visitor_country":"CHL","host":"ESP","visitor":"Rui Vidal","office":"head_of_state","level":"official","start":"2003","end":null}
        {"type":"visit","visitor_country":"CHL","host":"ESP","visitor":"Eva Lund","office":"head_of_state","level":"official","start":"2015","end":null}
        "#,
    );
    // Two dates for three travellers cannot be shared out: no dates are guessed.
    check(
        &article(
            "Chile–Spain relations",
            "Ana Soto, Rui Vidal and Eva Lund visited Madrid in 1991 and 2003 respectively.",
        ),
        "",
    );
}

#[test]
fn a_destination_chosen_before_the_trip_and_a_trip_in_the_possessive() {
    check(
        &article(
            "Ethiopia–Kenya relations",
            "Daniel Mwangi chose Ethiopia for a state visit in January 1980, his first abroad as president. Abebe Tadesse made Kenya one of his first foreign destinations after becoming prime minister in May 2018. Emperor Haile Tekle visited Kenya twice; on his state visit of June 1970 he held talks in Nairobi.",
        ),
        r#"
        {"type":"visit","visitor_country":"KEN","host":"ETH","visitor":"Daniel Mwangi","office":"head_of_state","level":"state","start":"1980-01","end":null}
        {"type":"visit","visitor_country":"ETH","host":"KEN","visitor":"Abebe Tadesse","office":"head_of_government","level":"unspecified","start":"2018-05","end":null}
        {"type":"visit_count","visitor_country":"ETH","host":"KEN","visitor":"Haile Tekle","office":"head_of_state","count":2}
        {"type":"visit","visitor_country":"ETH","host":"KEN","visitor":"Haile Tekle","office":"head_of_state","level":"state","start":"1970-06","end":null}
        "#,
    );
}

#[test]
fn a_leader_named_by_demonym_and_a_host_by_possessive() {
    check(
        &article(
            "Azerbaijan–Turkey relations",
            "President Elnur Mammadov of Azerbaijan received President Ali Demir of Turkey in Baku in May 2019. On 10 December 2020 the Turkish leader travelled to Baku. On 25 September 2023 Demir visited Ganja, where he and his host held talks.",
        ),
        r#"
        {"type":"meeting","participants":["Elnur Mammadov","Ali Demir"],"date":"2019-05","place":"Baku"}
        {"type":"visit","visitor_country":"TUR","host":"AZE","visitor":"Ali Demir","office":"head_of_state","level":"unspecified","start":"2019-05","end":null}
        {"type":"visit","visitor_country":"TUR","host":"AZE","visitor":"Ali Demir","office":"head_of_state","level":"unspecified","start":"2020-12-10","end":null}
        {"type":"visit","visitor_country":"TUR","host":"AZE","visitor":"Ali Demir","office":"head_of_state","level":"unspecified","start":"2023-09-25","end":null}
        {"type":"meeting","participants":["Ali Demir","Elnur Mammadov"],"date":"2023-09-25","place":"Ganja"}
        "#,
    );
}

#[test]
fn dated_rows_under_a_sentence_that_introduces_one_travellers_trips() {
    check(
        &article(
            "Chile–Norway relations",
            "King Harald Olsen visited Chile three times:\n\n1967 – 12–15 March, on a tour of South America\n1978 – late April\n1991 – October, to open a research station\n\nThe Chilean embassy in Oslo opened in 1999.",
        ),
        r#"
        {"type":"visit_count","visitor_country":"NOR","host":"CHL","visitor":"Harald Olsen","office":"head_of_state","count":3}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald Olsen","office":"head_of_state","level":"unspecified","start":"1967-03-12","end":"1967-03-15"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald Olsen","office":"head_of_state","level":"unspecified","start":"1978-04","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald Olsen","office":"head_of_state","level":"unspecified","start":"1991-10","end":null}
        {"type":"mission_opened","sender":"CHL","host":"NOR","kind":"embassy","city":"Oslo","date":"1999"}
        "#,
    );
    // Without the introducing colon, dated lines are not trips.
    check(
        &article(
            "Chile–Norway relations",
            "King Harald Olsen visited Chile in 1967.\n\n1978 – late April\n1991 – October, by sea",
        ),
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald Olsen","office":"head_of_state","level":"unspecified","start":"1967","end":null}
        "#,
    );
}

#[test]
fn one_of_the_trips_just_counted_and_the_rows_of_his_trips() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto travelled to Norway four times as president. On the third of these trips, from 9 to 11 March 2010, she addressed the Storting.\n\nPrime Minister Eva Lund has visited Chile often. Her dated trips include:\n\n* 20–23 July 2011 – state visit\n* 2015 – October\n\nThe embassy opened in 2016.",
        ),
        r#"
        {"type":"visit_count","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","count":4}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2010-03-09","end":"2010-03-11"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"state","start":"2011-07-20","end":"2011-07-23"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2015-10","end":null}
        "#,
    );
}

#[test]
fn a_trip_abroad_and_the_capacity_it_was_made_in() {
    check(
        &article(
            "Australia–Indonesia relations",
            "Tom Barker, sworn in as prime minister in 2013, chose Jakarta for his first overseas visit, on 30 September – 1 October 2013. President Adi Wirawan, who had made an official visit to Canberra as defence minister in August 2019, was elected president in 2024.",
        ),
        r#"
        {"type":"visit","visitor_country":"AUS","host":"IDN","visitor":"Tom Barker","office":"head_of_government","level":"unspecified","start":"2013-09-30","end":"2013-10-01"}
        {"type":"visit","visitor_country":"IDN","host":"AUS","visitor":"Adi Wirawan","office":"minister","level":"official","start":"2019-08","end":null}
        "#,
    );
}

#[test]
fn a_table_of_trips_is_read_by_its_header() {
    check_wikitext(
        "'''Ghana–Peru relations''' are the ties between Ghana and Peru.\n\n\
         == Visits ==\n\
         {| class=\"wikitable\"\n\
         ! Date !! Visitor !! Office !! Host country\n\
         |-\n\
         | 2004-05-03 – 2004-05-05 || [[Kofi Mensah]] || President || Peru\n\
         |-\n\
         | 2011-09 || [[Rosa Quispe]] || Foreign Minister || Ghana\n\
         |}\n\n\
         == Summits ==\n\
         {| class=\"wikitable\"\n\
         ! Session !! Date !! Venue !! Visiting leader\n\
         |-\n\
         | 1st || 2 December 2015 || Lima || [[Kofi Mensah]]\n\
         |-\n\
         | 2nd || 9 March 2017 || Geneva || [[Rosa Quispe]]\n\
         |}\n",
        r#"
        {"type":"visit","visitor_country":"GHA","host":"PER","visitor":"Kofi Mensah","office":"head_of_state","level":"unspecified","start":"2004-05-03","end":"2004-05-05"}
        {"type":"visit","visitor_country":"PER","host":"GHA","visitor":"Rosa Quispe","office":"foreign_minister","level":"unspecified","start":"2011-09","end":null}
        {"type":"visit","visitor_country":"GHA","host":"PER","visitor":"Kofi Mensah","office":"head_of_state","level":"unspecified","start":"2015-12-02","end":null}
        "#,
    );
}

#[test]
fn a_table_with_no_host_goes_the_way_its_heading_directs() {
    check(
        &article(
            "Chile–Norway relations",
            "Chile and Norway are old partners.\n\n\
             3. High-Level Visits\n\
             (1) From Chile to Norway\n\
             Year | Name\n\
             1994 | President Ana Soto\n\
             2008 | Prime Minister Rui Vidal\n\
             (2) Chile and Norway\n\
             Year | Name\n\
             1999 | Prime Minister Eva Lund\n",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1994","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_government","level":"unspecified","start":"2008","end":null}
        "#,
    );
}

#[test]
fn the_emir_is_the_ruler_named_before_and_a_meeting_keeps_its_own_date() {
    check(
        &article(
            "Qatar–Turkey relations",
            "After Khalid bin Saud Al Thani succeeded his father in June 2013, ties deepened. President Ali Demir flew to Doha on 2 December 2014; the same day he held talks with the Emir, and a committee was set up, renamed the Joint Council in 2016.",
        ),
        r#"
        {"type":"visit","visitor_country":"TUR","host":"QAT","visitor":"Ali Demir","office":"head_of_state","level":"unspecified","start":"2014-12-02","end":null}
        {"type":"meeting","participants":["Ali Demir","Khalid bin Saud Al Thani"],"date":"2014-12-02","place":null}
        "#,
    );
    // "The President" is never the person who spoke of him in the same sentence.
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto of Chile visited Norway in May 2001. Prime Minister Eva Lund of Norway later said she had met the President in Geneva.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2001-05","end":null}
        {"type":"meeting","participants":["Eva Lund","Ana Soto"],"date":"2001-05","place":null}
        "#,
    );
}

#[test]
fn a_demonym_role_finds_the_one_whose_state_was_never_given() {
    check(
        &article(
            "Argentina–Poland relations",
            "President Luis Romero chose Warsaw for his first trip to Europe in January 1996, where he held talks with President Tomasz Nowak. The Polish president returned the visit the following year. Foreign Minister Ana Paz received her Polish counterpart, Piotr Lis, in Buenos Aires on 4 June 2012.",
        ),
        r#"
        {"type":"visit","visitor_country":"ARG","host":"POL","visitor":"Luis Romero","office":"head_of_state","level":"unspecified","start":"1996-01","end":null}
        {"type":"meeting","participants":["Luis Romero","Tomasz Nowak"],"date":"1996-01","place":null}
        {"type":"visit","visitor_country":"POL","host":"ARG","visitor":"Tomasz Nowak","office":"head_of_state","level":"unspecified","start":"1997","end":null}
        {"type":"meeting","participants":["Ana Paz","Piotr Lis"],"date":"2012-06-04","place":"Buenos Aires"}
        {"type":"visit","visitor_country":"POL","host":"ARG","visitor":"Piotr Lis","office":"foreign_minister","level":"unspecified","start":"2012-06-04","end":null}
        "#,
    );
}

#[test]
fn paraphrases_of_a_heading_that_directs_its_rows() {
    for heading in [
        "'''From Chile to Norway'''",
        "'''(b) From Chile to Norway'''",
        "'''Visits to Norway'''",
        "'''Visits by Chilean leaders to Norway'''",
        "'''From the Republic of Chile to the Kingdom of Norway'''",
        "'''From the Republic of Chile'''",
    ] {
        check_wikitext(
            &format!(
                "'''Chile–Norway relations''' are the ties between Chile and Norway.\n\n\
                 == High-level visits ==\n{heading}\n* President [[Ana Soto]] (1994)\n"
            ),
            r#"{"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1994","end":null}"#,
        );
    }
    // Near miss: a heading that names the states but no direction of travel.
    check_wikitext(
        "'''Chile–Norway relations''' are the ties between Chile and Norway.\n\n\
         == High-level visits ==\n'''Chile and Norway'''\n* President [[Ana Soto]] (1994)\n",
        "",
    );
}

#[test]
fn paraphrases_of_a_trip_pointed_back_at() {
    for phrase in [
        "On the second of these trips",
        "On the second of those visits",
        "On the second of her trips",
    ] {
        check(
            &article(
                "Chile–Norway relations",
                &format!(
                    "President Ana Soto travelled to Norway three times. {phrase}, from 9 to 11 March 2010, she opened a trade fair."
                ),
            ),
            r#"
            {"type":"visit_count","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","count":3}
            {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2010-03-09","end":"2010-03-11"}
            "#,
        );
    }
    // Near miss: no trip was told before, so "these trips" points at nothing.
    check(
        &article(
            "Chile–Norway relations",
            "Trade grew. On the second of these trips, from 9 to 11 March 2010, a fair opened.",
        ),
        "",
    );
}

#[test]
fn paraphrases_of_a_ruler_named_by_title() {
    for (title, ruler) in [
        ("the King", "King"),
        ("the Emir", "Emir"),
        ("the Sultan", "Sultan"),
    ] {
        check(
            &article(
                "Norway–Oman relations",
                &format!(
                    "{ruler} Harald Olsen of Norway reigned from 1991. Prime Minister Said Al Busaidi of Oman visited Oslo on 3 May 2005 and held talks with {title}."
                ),
            ),
            r#"
            {"type":"visit","visitor_country":"OMN","host":"NOR","visitor":"Said Al Busaidi","office":"head_of_government","level":"unspecified","start":"2005-05-03","end":null}
            {"type":"meeting","participants":["Said Al Busaidi","Harald Olsen"],"date":"2005-05-03","place":null}
            "#,
        );
    }
}

#[test]
fn an_office_said_at_the_trip_stays_and_one_left_unsaid_is_settled() {
    check(
        &article(
            "Japan–Mongolia relations",
            "Crown Prince Taro Sato toured Mongolia in July 2007. Kenji Mori visited Mongolia in May 2009. Emperor Taro Sato made a state visit to Mongolia in July 2025. Prime Minister Kenji Mori resigned in 2010.",
        ),
        r#"
        {"type":"visit","visitor_country":"JPN","host":"MNG","visitor":"Taro Sato","office":"other","level":"unspecified","start":"2007-07","end":null}
        {"type":"visit","visitor_country":"JPN","host":"MNG","visitor":"Kenji Mori","office":"head_of_government","level":"unspecified","start":"2009-05","end":null}
        {"type":"visit","visitor_country":"JPN","host":"MNG","visitor":"Taro Sato","office":"head_of_state","level":"state","start":"2025-07","end":null}
        "#,
    );
}

#[test]
fn a_trip_made_or_paid_with_no_destination_goes_to_the_travellers_partner() {
    check(
        &article(
            "Chile–Fiji relations",
            "Chile–Fiji relations are the ties between Chile and Fiji.\n\n\
             Prime Minister Rosa Vial made the first visit by a Chilean head of government since \
             the cyclone on 3–4 May 2012.\n\n\
             Tomás Ibar, the Chilean foreign minister, paid a two-day visit on 8–9 June 2014.\n\n\
             President Aru Naivalu of Fiji undertook a long tour in October 2015.\n\n\
             In 2017 Vial made clear that a further visit was not planned.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_government","level":"unspecified","start":"2012-05-03","end":"2012-05-04"}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"foreign_minister","level":"unspecified","start":"2014-06-08","end":"2014-06-09"}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"head_of_state","level":"unspecified","start":"2015-10","end":null}
        "#,
    );
}

#[test]
fn a_day_inside_a_trip_told_elsewhere_is_the_same_trip() {
    check(
        &article(
            "Chile–Fiji relations",
            "Chile–Fiji relations are the ties between Chile and Fiji.\n\n\
             President Aru Naivalu of Fiji visited Chile from 24 to 26 January 2017.\n\n\
             Naivalu was in Chile on 26 January 2017 for the opening of a port.",
        ),
        r#"
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"head_of_state","level":"unspecified","start":"2017-01-24","end":"2017-01-26"}
        "#,
    );
}

#[test]
fn a_line_naming_the_travellers_and_their_host_directs_the_rows_below() {
    check(
        "Ministry of Foreign Affairs of Chile\n\n\
         Bilateral relations between Chile and Fiji\n\n\
         Relations were established on 3 May 1981.\n\n\
         High-level visits\n\n\
         Visits of Chilean officials to Fiji:\n\
         2006 – President Rosa Vial (official visit)\n\
         2011 – Prime Minister (working visit)\n\n\
         Recent exchanges of Fijian ministers to Chile:\n\
         2010 – Foreign Minister (official visit)\n\
         2020 – Prime Minister (official visit, postponed)\n",
        r#"
        {"type":"relations_established","parties":["CHL","FJI"],"date":"1981-05-03"}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_state","level":"official","start":"2006","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":null,"office":"head_of_government","level":"working","start":"2011","end":null}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":null,"office":"foreign_minister","level":"official","start":"2010","end":null}
        "#,
    );
}

#[test]
fn under_an_undirected_heading_a_row_goes_from_its_travellers_state() {
    check(
        "Ministry of Foreign Affairs of Chile\n\n\
         Bilateral relations between Chile and Fiji\n\n\
         Relations were established on 3 May 1981. President Aru Naivalu of Fiji has \
         called the ties close.\n\n\
         Official visits\n\n\
         2008 – Foreign Minister of Chile Tomás Ibar (official visit)\n\
         2012 – President Aru Naivalu (working visit)\n\
         2015 – Chilean Prime Minister Rosa Vial\n\
         2019 – Minister of Mines of Peru Ana Loyola (working visit)\n",
        r#"
        {"type":"relations_established","parties":["CHL","FJI"],"date":"1981-05-03"}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"foreign_minister","level":"official","start":"2008","end":null}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"head_of_state","level":"working","start":"2012","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_government","level":"unspecified","start":"2015","end":null}
        "#,
    );
}

#[test]
fn an_office_in_brackets_after_a_name_is_the_travellers() {
    check(
        &article(
            "Chile–Fiji relations",
            "Chile–Fiji relations are the ties between Chile and Fiji.\n\n\
             Rosa Vial (president 2006–2010) visited Fiji in May 2008.\n\n\
             Tomás Ibar (prime minister, 2011–2014) travelled to Suva in June 2012.\n\n\
             Aru Naivalu (foreign minister 1999–2004) came to Chile in March 2001.\n\n\
             Ana Loyola (born 1961) went to Fiji in April 2015.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_state","level":"unspecified","start":"2008-05","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"head_of_government","level":"unspecified","start":"2012-06","end":null}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"foreign_minister","level":"unspecified","start":"2001-03","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Ana Loyola","office":"other","level":"unspecified","start":"2015-04","end":null}
        "#,
    );
}

#[test]
fn a_table_takes_its_direction_from_its_caption_and_its_office_from_a_column_title() {
    check_wikitext(
        "'''Chile–Fiji relations''' are the ties between Chile and Fiji.\n\n\
         == Visits ==\n\
         {| class=\"wikitable\"\n\
         |+ Visits by Chilean prime ministers to Fiji since 2001\n\
         ! Date !! Prime Minister !! Notes\n\
         |-\n\
         | 3–4 May 2012 || Rosa Vial || Talks in Suva\n\
         |-\n\
         | June 2016 || Tomás Ibar || Opening of a school\n\
         |-\n\
         | March 2019 || Rui Vidal || Planned for a forum in Suva; cancelled\n\
         |-\n\
         | May 2020 || Eva Soto || Postponed because of the pandemic\n\
         |}\n\n\
         {| class=\"wikitable\"\n\
         |+ Fijian leaders in Chile\n\
         ! Year !! Name !! Notes\n\
         |-\n\
         | 2018 || Aru Naivalu || Fisheries talks\n\
         |}\n\n\
         == Envoys ==\n\
         {| class=\"wikitable\"\n\
         |+ Fijian ambassadors to Chile\n\
         ! Year !! Name\n\
         |-\n\
         | 2009 || Ana Loyola\n\
         |}\n",
        r#"
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_government","level":"unspecified","start":"2012-05-03","end":"2012-05-04"}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"head_of_government","level":"unspecified","start":"2016-06","end":null}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"other","level":"unspecified","start":"2018","end":null}
        "#,
    );
}

#[test]
fn talks_in_the_possessive_name_their_participant() {
    check(
        &article(
            "Ghana–India relations",
            "Ghana–India relations are the ties between Ghana and India.\n\n\
             President Kofi Badu's talks with Ravi Sharma in Mumbai on 19 August 2002 were \
             followed by a dinner.\n\n\
             Foreign Minister Ama Owusu's meeting with Anil Rao on 3 March 2005 was brief.\n\n\
             Sharma's long talks with Badu on 4 May 2009 ended in a communiqué.\n\n\
             Badu's successor, Yaw Mensah, met Rao on 6 June 2012.",
        ),
        r#"
        {"type":"meeting","participants":["Kofi Badu","Ravi Sharma"],"date":"2002-08-19","place":"Mumbai"}
        {"type":"meeting","participants":["Ama Owusu","Anil Rao"],"date":"2005-03-03","place":null}
        {"type":"meeting","participants":["Ravi Sharma","Kofi Badu"],"date":"2009-05-04","place":null}
        {"type":"meeting","participants":["Yaw Mensah","Anil Rao"],"date":"2012-06-06","place":null}
        "#,
    );
}

#[test]
fn a_day_without_its_year_takes_the_year_of_the_sentence_in_the_first_dated_sentence() {
    check(
        &article(
            "Ghana–India relations",
            "Ghana–India relations are the ties between Ghana and India.\n\n\
             Kofi Badu first visited India in September 1956, holding talks with Ravi Sharma \
             on 21 September.",
        ),
        r#"
        {"type":"visit","visitor_country":"GHA","host":"IND","visitor":"Kofi Badu","office":"other","level":"unspecified","start":"1956-09","end":null}
        {"type":"meeting","participants":["Kofi Badu","Ravi Sharma"],"date":"1956-09-21","place":null}
        "#,
    );
}

#[test]
fn a_year_cell_is_made_precise_by_the_rows_remarks() {
    check_wikitext(
        "'''Chile–Fiji relations''' are the ties between Chile and Fiji.\n\n\
         == Visits ==\n\
         {| class=\"wikitable\"\n\
         ! Year !! Guest !! Host country !! Remarks\n\
         |-\n\
         | 1991 || President [[Rosa Vial]] || Fiji || State visit, 14–17 July\n\
         |-\n\
         | 2009 || President [[Aru Naivalu]] || Chile || Official visit, May\n\
         |-\n\
         | 2016 || Prime Minister [[Tomás Ibar]] || Fiji || Talks on fisheries\n\
         |}\n",
        r#"
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_state","level":"state","start":"1991-07-14","end":"1991-07-17"}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"head_of_state","level":"official","start":"2009-05","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"head_of_government","level":"unspecified","start":"2016","end":null}
        "#,
    );
}

#[test]
fn a_row_naming_no_place_is_not_sent_where_the_last_trip_went() {
    check(
        "Chile–Fiji relations\n\n\
         Chile–Fiji relations are the ties between Chile and Fiji.\n\n\
         President Rosa Vial of Chile visited Fiji in May 2001.\n\n\
         Recent visits include:\n\n\
         - President Aru Naivalu – state visit, 2–4 November 2008\n\
         - Prime Minister Tomás Ibar – official visit, October 2013\n",
        r#"
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_state","level":"unspecified","start":"2001-05","end":null}
        "#,
    );
}

#[test]
fn meetings_told_as_bilateral_talks_or_by_meeting_someone() {
    check(
        &article(
            "Ghana–India relations",
            "Ghana–India relations are the ties between Ghana and India.\n\n\
             At a summit in Lagos in May 2003 President Kofi Badu held bilateral talks with \
             Ravi Sharma on 17 May.\n\n\
             In June 2005 Foreign Minister Ama Owusu, in Geneva for a conference, talked trade \
             and later held talks there with Anil Rao on 4 June.\n\n\
             Owusu spent a day in Oslo on 3 March 2008, meeting Rao at a hotel.\n\n\
             The meeting of the commission in Accra on 9 May 2010 was postponed.",
        ),
        r#"
        {"type":"meeting","participants":["Kofi Badu","Ravi Sharma"],"date":"2003-05-17","place":null}
        {"type":"meeting","participants":["Ama Owusu","Anil Rao"],"date":"2005-06-04","place":null}
        {"type":"meeting","participants":["Ama Owusu","Anil Rao"],"date":"2008-03-03","place":null}
        "#,
    );
}

#[test]
fn a_line_introducing_visits_and_the_visit_of_someone_to_a_place() {
    check(
        "Ministry of Foreign Affairs of Romania\n\n\
         Bilateral relations between Romania and Jordan\n\n\
         Political relations\n\n\
         Relations were established on 5 May 1963.\n\n\
         High-level visits after 1989:\n\n\
         2003 – President of Romania (state visit)\n\
         2007 – Prime Minister of Jordan (official visit)\n\n\
         • March 2019: visit of the Prime Minister of Romania, Ana Popa, to Amman.\n\n\
         • 2021: during the visit of Foreign Minister Ion Rusu, a school was opened.\n\n\
         Queen Rania visited Romania three times:\n\n\
         1999 – May\n",
        r#"
        {"type":"relations_established","parties":["JOR","ROU"],"date":"1963-05-05"}
        {"type":"visit","visitor_country":"ROU","host":"JOR","visitor":null,"office":"head_of_state","level":"state","start":"2003","end":null}
        {"type":"visit","visitor_country":"JOR","host":"ROU","visitor":null,"office":"head_of_government","level":"official","start":"2007","end":null}
        {"type":"visit","visitor_country":"ROU","host":"JOR","visitor":"Ana Popa","office":"head_of_government","level":"unspecified","start":"2019-03","end":null}
        {"type":"visit_count","visitor_country":"JOR","host":"ROU","visitor":"Rania","office":"head_of_state","count":3}
        {"type":"visit","visitor_country":"JOR","host":"ROU","visitor":"Rania","office":"head_of_state","level":"unspecified","start":"1999-05","end":null}
        "#,
    );
}

#[test]
fn a_visit_noun_names_its_traveller_after_of_but_not_its_date() {
    check(
        "Ministry of Foreign Affairs of Latvia\n\n\
         Bilateral relations between Latvia and Georgia\n\n\
         Relations were established on 10 July 1992.\n\n\
         Most recent visits:\n\n\
         • 3–4 May 2016 – official visit of the President of Latvia Ilze Berzina to Georgia;\n\
         • 27 February 2019 – working visit of the Prime Minister of Georgia Nino Beridze to \
         Latvia;\n\n\
         On 4 May 2016, during the official visit of President Berzina, a school opened.\n\n\
         Beridze's state visit of June 2021 was the first by a Georgian leader in ten years.\n",
        r#"
        {"type":"relations_established","parties":["GEO","LVA"],"date":"1992-07-10"}
        {"type":"visit","visitor_country":"LVA","host":"GEO","visitor":"Ilze Berzina","office":"head_of_state","level":"official","start":"2016-05-03","end":"2016-05-04"}
        {"type":"visit","visitor_country":"GEO","host":"LVA","visitor":"Nino Beridze","office":"head_of_government","level":"working","start":"2019-02-27","end":null}
        {"type":"visit","visitor_country":"GEO","host":"LVA","visitor":"Nino Beridze","office":"head_of_government","level":"state","start":"2021-06","end":null}
        "#,
    );
}

#[test]
fn a_list_of_recent_visits_is_not_the_last_travellers_own() {
    check(
        "Ministry of Foreign Affairs of Chile\n\n\
         Bilateral relations between Chile and Norway\n\n\
         In 2008 Chilean Prime Minister Rui Vidal travelled to Oslo.\n\n\
         Most recent visits:\n\n\
         • 3–4 May 2016 – official visit of the President of Chile Ana Soto to Norway;\n\
         • 14 November 2023 – visit of the Minister of Foreign Affairs of Norway Per Holm to \
         Santiago;\n\
         • 9 March 2025 – working visit of the Minister for Trade of Chile, Eva Ruiz, to Oslo;\n\
         • 2 June 2025 – political consultations of the two ministries in Oslo.\n",
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_government","level":"unspecified","start":"2008","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"official","start":"2016-05-03","end":"2016-05-04"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Per Holm","office":"foreign_minister","level":"unspecified","start":"2023-11-14","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Eva Ruiz","office":"minister","level":"working","start":"2025-03-09","end":null}
        "#,
    );
}

#[test]
fn rows_of_a_title_and_its_years_after_a_colon_or_dash() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         High-level visits\n\n\
         From Norway:\n\
         – Chairman of the Council of Ministers: 1959, 1963\n\
         – Chairman of the Storting – 1996\n\
         – Minister for Foreign Affairs - 2005 (regional forum)\n\
         – Joint commission: 2004, 2008\n\
         From Chile:\n\
         – President of Chile: 2011\n",
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":null,"office":"head_of_government","level":"unspecified","start":"1959","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":null,"office":"head_of_government","level":"unspecified","start":"1963","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":null,"office":"parliament","level":"unspecified","start":"1996","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":null,"office":"foreign_minister","level":"unspecified","start":"2005","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":null,"office":"head_of_state","level":"unspecified","start":"2011","end":null}
        "#,
    );
}

#[test]
fn a_traveller_received_in_a_capital_or_staying_there() {
    check(
        &article(
            "Chile–Norway relations",
            "Prime Minister Rui Vidal of Chile was received in Oslo on 17–18 September 2018. \
             Prime Minister Eva Lund's stay in Santiago on 17–18 May 2015 was the first by a \
             Norwegian head of government. In 2019 the Chilean foreign minister, Ana Soto, was \
             received in Bergen. During his stay in power, Vidal never went abroad. The \
             delegation were received in the ministry in 2020.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_government","level":"unspecified","start":"2018-09-17","end":"2018-09-18"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2015-05-17","end":"2015-05-18"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"foreign_minister","level":"unspecified","start":"2019","end":null}
        "#,
    );
}

#[test]
fn the_first_visit_by_an_officeholder_gives_the_travellers_office() {
    check(
        &article(
            "Chile–Norway relations",
            "Rui Vidal made the first official visit by a Chilean foreign minister on 11–13 April \
             2015. Eva Lund paid the first visit by a Norwegian head of government to Chile in \
             2018. In 2019 Ana Soto went to Oslo, the first trip there by a Chilean \
             president. In 2021 Lars Holm, on a visit to Chile, was received by the Chilean \
             president in Santiago. Chilean Foreign Minister Marta Ruiz travelled to Oslo in \
             1995, the first visit by a Chilean minister to Europe.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"foreign_minister","level":"official","start":"2015-04-11","end":"2015-04-13"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2018","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2019","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"other","level":"unspecified","start":"2021","end":null}
        {"type":"meeting","participants":["Ana Soto","Lars Holm"],"date":"2021","place":"Santiago"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Marta Ruiz","office":"foreign_minister","level":"unspecified","start":"1995","end":null}
        "#,
    );
}

#[test]
fn the_visit_of_someone_names_the_traveller_whoever_came_before() {
    check(
        &article(
            "Chile–Norway relations",
            "The Treaty of Friendship and Mutual Assistance was signed on 13 April 1993 during \
             the official visit of Rui Vidal, President of Chile, to Oslo. Foreign Minister Eva \
             Lund welcomed the state visit of King Harald to Chile in May 1995. In 1999 \
             Chilean ministers prepared the visit of two days that Lund paid to Santiago. A \
             fisheries agreement was signed in Oslo on 2 June 2003 during a working visit by \
             Chilean Prime Minister Ana Soto. During the visit of Rui Vidal to Oslo on 4–6 May \
             2007, a school opened.",
        ),
        r#"
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"fisheries","date":"2003-06-02"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_government","level":"working","start":"2003-06","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_state","level":"unspecified","start":"2007-05-04","end":"2007-05-06"}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"treaty","title":"Treaty of Friendship and Mutual Assistance","topic":null,"date":"1993-04-13"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_state","level":"official","start":"1993-04","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald","office":"head_of_state","level":"state","start":"1995-05","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"foreign_minister","level":"unspecified","start":"1999","end":null}
        "#,
    );
}

#[test]
fn of_two_tellings_of_a_trip_the_one_dated_more_precisely_stays() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         Prime Minister Eva Lund visited Chile in June 2001.\n\n\
         High-level visits\n\n\
         1975 – President Ana Soto, official visit to Norway (May)\n\
         1989 – King Harald, state visit to Chile (March)\n\
         2001 – Prime Minister Eva Lund, visit to Chile\n",
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2001-06","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"official","start":"1975-05","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Harald","office":"head_of_state","level":"state","start":"1989-03","end":null}
        "#,
    );
}

#[test]
fn a_name_after_at_or_in_is_a_place_not_a_participant() {
    check(
        &article(
            "Chile–Norway relations",
            "On 9 March 1996 President Ana Soto held talks with Prime Minister Eva Lund at \
             Villa Parafen. On 7 April 2015 Lund met Soto at the Presidential Complex in \
             Santiago. In 2018 Rui Vidal met Lars Holm in Los Cabos. In 2019 Vidal held talks \
             in Oslo with Lars Holm.",
        ),
        r#"
        {"type":"meeting","participants":["Ana Soto","Eva Lund"],"date":"1996-03-09","place":null}
        {"type":"meeting","participants":["Eva Lund","Ana Soto"],"date":"2015-04-07","place":"Santiago"}
        {"type":"meeting","participants":["Rui Vidal","Lars Holm"],"date":"2018","place":null}
        {"type":"meeting","participants":["Rui Vidal","Lars Holm"],"date":"2019","place":"Oslo"}
        "#,
    );
}

#[test]
fn a_chair_of_parliament_said_to_be_its_and_an_office_held_for_a_tenure() {
    check(
        &article(
            "Chile–Norway relations",
            "A delegation of the Storting led by its president, Lars Holm, visited Santiago in \
             March 2018. A delegation of the Congress led by its chairman, Rui Vidal, visited Oslo \
             in 2019. The company, led by its president, Ana Soto, visited Oslo in 2020. \
             Relations were warm throughout the presidency of Eva Ruiz (1981–2011), who visited \
             Norway eleven times while in office.",
        ),
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"parliament","level":"unspecified","start":"2018-03","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"parliament","level":"unspecified","start":"2019","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2020","end":null}
        {"type":"visit_count","visitor_country":"CHL","host":"NOR","visitor":"Eva Ruiz","office":"head_of_state","count":11}
        "#,
    );
}

#[test]
fn travelling_to_a_place_and_a_delegation_to_a_forum_elsewhere() {
    check(
        &article(
            "Chile–Norway relations",
            "President Rui Vidal visited Oslo in 2010. Vice President Ana Soto led the Chilean \
             delegation to the United Nations Conference on Oceans, travelling to Bergen in June \
             2012. Foreign Minister Marta Ruiz, traveling to Oslo in May 2014, opened a fair. \
             Vidal led a delegation to the World Economic Forum in 2015.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_state","level":"unspecified","start":"2010","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"other","level":"unspecified","start":"2012-06","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Marta Ruiz","office":"foreign_minister","level":"unspecified","start":"2014-05","end":null}
        "#,
    );
}

#[test]
fn a_date_after_a_perfect_of_its_own_dates_that_verb_not_the_trip() {
    check(
        &article(
            "Chile–Norway relations",
            "In March 2007 Chilean science minister Rui Vidal led a delegation to Oslo to review \
             the agreements the two governments had signed in 2006. In June 2009 Prime Minister \
             Eva Lund travelled to Santiago, which she had first seen in 1990. Foreign Minister \
             Lars Holm visited Santiago on 4 May 2012, a city he had known since 1985.",
        ),
        r#"
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":null,"date":"2006"}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"minister","level":"unspecified","start":"2007-03","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2009-06","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"foreign_minister","level":"unspecified","start":"2012-05-04","end":null}
        "#,
    );
}

#[test]
fn a_listed_traveller_keeps_the_lists_state_for_later_sentences() {
    check(
        &article(
            "Chile–Norway relations",
            "Three Chilean presidents have visited Norway: Ana Soto (1995), Rui Vidal (2004) and \
             Eva Ruiz (2023). During President Ruiz's state visit in June 2023, the two sides \
             signed an agreement on fisheries.",
        ),
        r#"
        {"type":"visit_count","visitor_country":"CHL","host":"NOR","visitor":null,"office":"head_of_state","count":3}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1995","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_state","level":"unspecified","start":"2004","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Eva Ruiz","office":"head_of_state","level":"state","start":"2023-06","end":null}
        {"type":"agreement_signed","parties":["CHL","NOR"],"kind":"agreement","title":null,"topic":"fisheries","date":"2023-06"}
        "#,
    );
}

#[test]
fn a_direction_column_gives_each_row_its_host() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         High-level visits[edit]\n\
         Year\tVisitor\tDirection\n\
         May 1977\tPrime Minister Eva Lund\tNorway → Chile\n\
         October 2004\tPresident Ana Soto (summit, Oslo)\tChile → Norway\n\
         January 2010\tSpeaker of the Storting Lars Holm\tfrom Norway to Chile\n",
        r#"
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"1977-05","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"2004-10","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"parliament","level":"unspecified","start":"2010-01","end":null}
        "#,
    );
}

#[test]
fn a_line_ending_in_a_colon_directs_the_rows_that_name_their_travellers() {
    check(
        "Chile–Norway relations\n\n\
         Chile–Norway relations are the ties between Chile and Norway.\n\n\
         Three Chilean presidents have been to Norway in various capacities:\n\
          - President Ana Soto (1961);\n\
          - President Rui Vidal, for a summit in Bergen (1981);\n\
          - President Eva Ruiz, on a state visit (1997).\n\n\
         Norwegian leaders who visited Chile:\n\
          - Prime Minister Lars Holm (2004)\n",
        r#"
        {"type":"visit_count","visitor_country":"CHL","host":"NOR","visitor":null,"office":"head_of_state","count":3}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1961","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Rui Vidal","office":"head_of_state","level":"unspecified","start":"1981","end":null}
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Eva Ruiz","office":"head_of_state","level":"state","start":"1997","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"head_of_government","level":"unspecified","start":"2004","end":null}
        "#,
    );
}

#[test]
fn a_trip_from_a_member_went_to_the_other() {
    check(
        &article(
            "Chile–Norway relations",
            "President Ana Soto's state visit in February 2019 was the most recent from Chile. \
             Lars Holm paid a visit in 2020, the first from Norway in a decade. In 2021 Rui Vidal \
             paid a visit from Santiago to Lima.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"state","start":"2019-02","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"other","level":"unspecified","start":"2020","end":null}
        "#,
    );
}

#[test]
fn the_possessor_of_a_trip_noun_is_its_traveller() {
    check(
        &article(
            "Chile–Norway relations",
            "In 1976 Prime Minister Eva Lund, who spoke of a special relationship, recalled President \
             Ana Soto's visit to Oslo in 1973. In 1980 Rui Vidal praised Lars Holm's official visit \
             to Santiago.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"unspecified","start":"1973","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"other","level":"official","start":"1980","end":null}
        "#,
    );
}

#[test]
fn holders_of_a_tenure_named_together_hold_its_office() {
    check(
        &article(
            "Chile–Norway relations",
            "The presidencies of Ana Soto (2010–2015) and Lars Holm (2004–2012) marked a high \
             point. Soto paid an official visit to Oslo on 18–19 July 2010; Holm returned the \
             visit on 4 November 2010 by travelling to Santiago. During the premiership of Eva \
             Lund the trade office opened. Lund went to Santiago in 2016.",
        ),
        r#"
        {"type":"visit","visitor_country":"CHL","host":"NOR","visitor":"Ana Soto","office":"head_of_state","level":"official","start":"2010-07-18","end":"2010-07-19"}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Lars Holm","office":"head_of_state","level":"unspecified","start":"2010-11-04","end":null}
        {"type":"visit","visitor_country":"NOR","host":"CHL","visitor":"Eva Lund","office":"head_of_government","level":"unspecified","start":"2016","end":null}
        "#,
    );
}

#[test]
fn a_table_headed_by_visits_holds_trips_whose_dates_stand_in_their_own_cell() {
    check_html(
        "<html><head><title>Chile–Fiji relations</title></head><body>\
         <h1>Chile–Fiji relations</h1>\
         <p>Chile–Fiji relations are the ties between Chile and Fiji.</p>\
         <h2>Political ties</h2><p>Relations were established on 3 May 1981.</p>\
         <p>High-level visits</p><table>\
         <tr><td>From Chile to Fiji</td><td></td></tr>\
         <tr><td>President Rosa Vial</td><td>State visit, December 1997</td></tr>\
         <tr><td>Prime Minister Tomás Ibar</td><td>Official visit, 9–11 March 2012</td></tr>\
         <tr><td>From Fiji to Chile</td><td></td></tr>\
         <tr><td>President Aru Naivalu</td><td>Working visit, 2019</td></tr>\
         </table></body></html>",
        r#"
        {"type":"relations_established","parties":["CHL","FJI"],"date":"1981-05-03"}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Rosa Vial","office":"head_of_state","level":"state","start":"1997-12","end":null}
        {"type":"visit","visitor_country":"CHL","host":"FJI","visitor":"Tomás Ibar","office":"head_of_government","level":"official","start":"2012-03-09","end":"2012-03-11"}
        {"type":"visit","visitor_country":"FJI","host":"CHL","visitor":"Aru Naivalu","office":"head_of_state","level":"working","start":"2019","end":null}
        "#,
    );
}
