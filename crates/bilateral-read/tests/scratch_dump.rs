#[test]
fn dump() {
    for name in std::env::var("DUMP")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let path = format!("/work/shared/eval/dev/{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = if name.ends_with(".html") {
            bilateral_read::read_html(&text)
        } else {
            bilateral_read::read_wikitext(&text, None)
        };
        println!(
            "TITLE {:?}\nCOUNTRIES {:?}",
            doc.title, doc.infobox_countries
        );
        for b in &doc.blocks {
            println!("{:?} [{}] {}", b.kind, b.section, doc.slice(b.span));
        }
        for m in &doc.markers {
            println!("marker {} {:?} at {}", m.label, m.reference, m.at);
        }
        for r in &doc.references {
            println!(
                "ref {} {:?} src={:?}",
                r.n,
                r.body,
                &text[r.source.start..r.source.end.min(r.source.start + 40)]
            );
        }
        for d in &doc.diagnostics {
            println!("diag {:?}", d);
        }
    }
}

#[test]
fn perf() {
    if std::env::var("PERF").is_err() {
        return;
    }
    let mut big = String::new();
    for name in [
        "chile-china-relations.wiki",
        "mexico-spain-relations.wiki",
        "poland-uzbekistan-relations.wiki",
    ] {
        big.push_str(&std::fs::read_to_string(format!("/work/shared/eval/dev/{name}")).unwrap());
    }
    let unit = big.clone();
    while big.len() < 20_000_000 {
        big.push_str(&unit);
    }
    let t = std::time::Instant::now();
    let doc = bilateral_read::read_wikitext(&big, None);
    let s = t.elapsed().as_secs_f64();
    println!(
        "wikitext {} MB in {:.3}s = {:.1} MB/s, {} refs {} blocks",
        big.len() / 1_000_000,
        s,
        big.len() as f64 / 1e6 / s,
        doc.references.len(),
        doc.blocks.len()
    );
    let html = std::fs::read_to_string("/work/shared/eval/dev/argentina-australia-relations.html")
        .unwrap();
    let t = std::time::Instant::now();
    for _ in 0..200 {
        bilateral_read::read_html(&html);
    }
    let s = t.elapsed().as_secs_f64();
    println!("html {:.1} MB/s", html.len() as f64 * 200.0 / 1e6 / s);
    for (label, input) in [
        ("braces", "{{".repeat(500_000)),
        ("links", "[[a\n".repeat(250_000)),
        ("refs", "<ref>".repeat(200_000)),
        ("tmpl", "{{a|".repeat(250_000)),
        ("ext", "[http://a b\n".repeat(90_000)),
    ] {
        let t = std::time::Instant::now();
        bilateral_read::read_wikitext(&input, None);
        println!("{label}: {:.3}s", t.elapsed().as_secs_f64());
    }
}
