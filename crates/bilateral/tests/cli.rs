//! The command line as users meet it: bad input gets one clear line and a non-zero exit, the
//! citation linter reports exactly what the seed's answer key lists, and extraction on the
//! seed and dev sets stays above its accuracy floors.

use std::path::Path;
use std::process::{Command, Output};

fn bilateral(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .output()
        .expect("the bilateral binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn bad_input_gets_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"", "empty file"),
        (
            "binary.txt",
            b"\x7fELF\x02\x01\x00\x00binary",
            "binary data",
        ),
        (
            "latin1.txt",
            b"Caf\xe9 relations",
            "invalid UTF-8 at byte 3",
        ),
        (
            "plain.txt",
            b"A recipe\n\nMix the flour and the water, then rest the dough.\n",
            "no dyad",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for command in ["read", "extract"] {
            let output = bilateral(&[command, path.to_str().unwrap()]);
            let message = stderr(&output);
            assert!(!output.status.success(), "{command} {name} succeeded");
            assert_eq!(message.lines().count(), 1, "{command} {name}: {message}");
            assert!(
                message.contains(name) && message.contains(expected),
                "{command} {name}: {message}"
            );
        }
    }
}

#[test]
fn the_dyad_comes_from_the_file_name_or_from_dyad() {
    let dir = tempfile::tempdir().unwrap();
    let text = "A note on friendship\n\nThe two governments meet every year.\n";
    let named = dir.path().join("chile-norway-relations.txt");
    std::fs::write(&named, text).unwrap();
    let output = bilateral(&["read", named.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("CHL–NOR"));

    let unnamed = dir.path().join("note.txt");
    std::fs::write(&unnamed, text).unwrap();
    let output = bilateral(&["read", unnamed.to_str().unwrap()]);
    let message = stderr(&output);
    assert!(!output.status.success());
    for tried in [
        "the title",
        "the file name",
        "the infobox",
        "the lead",
        "--dyad",
    ] {
        assert!(message.contains(tried), "{tried}: {message}");
    }
    let output = bilateral(&["read", unnamed.to_str().unwrap(), "--dyad", "Chile", "NOR"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("CHL–NOR"));
    let output = bilateral(&[
        "extract",
        unnamed.to_str().unwrap(),
        "--dyad",
        "Chile",
        "Atlantis",
    ]);
    assert!(!output.status.success());
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    // 50 MB: reading it whole would take seconds; it is refused at once, naming the limit.
    file.set_len(50 * 1024 * 1024).unwrap();
    for command in ["refs", "read", "extract"] {
        let started = std::time::Instant::now();
        let output = bilateral(&[command, path.to_str().unwrap()]);
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("larger than the 16777216-byte limit"),
            "{command}: {}",
            stderr(&output)
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}

#[test]
fn refs_reports_exactly_the_seed_keys_problems() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let seed = shared.join("seed/japan-kazakhstan-relations.txt");
    let output = bilateral(&["refs", seed.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "problems found means exit 1");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines.sort();
    let key: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("eval/seed/japan-kazakhstan-relations.gold.json"))
            .unwrap(),
    )
    .unwrap();
    let mut expected: Vec<String> = Vec::new();
    for citation in key["citations"].as_array().unwrap() {
        for problem in citation["problems"].as_array().unwrap() {
            expected.push(format!(
                "ref {}: {}",
                citation["n"],
                problem.as_str().unwrap()
            ));
        }
    }
    expected.sort();
    assert_eq!(lines.len(), expected.len(), "{stdout}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(line.contains(want.as_str()), "{line} should report {want}");
    }
    assert!(
        stdout.contains("ISBN 9965-27-753-2 valid, → 9789965277535"),
        "{stdout}"
    );
}

#[test]
fn refs_json_gives_every_key_field_in_the_shape_of_a_reference() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let seed = shared.join("seed/japan-kazakhstan-relations.txt");
    let output = bilateral(&["refs", "--json", seed.to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let citations = value[0]["citations"].as_array().unwrap();
    assert_eq!(citations.len(), 4);
    for field in [
        "document",
        "kind",
        "title",
        "language",
        "date",
        "isbn",
        "retrieved",
        "archived",
        "problems",
    ] {
        assert!(
            citations
                .iter()
                .all(|citation| citation.get(field).is_some()),
            "missing {field}"
        );
    }
    assert_eq!(
        citations[3]["isbn"],
        serde_json::json!({"printed": "9965-27-753-2", "isbn13": "9789965277535", "valid": true})
    );
}

/// Runs `bilateral eval DIR --json` and returns (micro F1, micro precision, lowest per-type F1).
fn evaluate(dir: &Path) -> (f64, f64, f64) {
    let output = bilateral(&["eval", "--json", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let micro = &report["micro"];
    let lowest = report["by_type"]
        .as_array()
        .map(|types| {
            types
                .iter()
                .filter(|entry| entry["expected"].as_u64().unwrap_or(0) > 0)
                .filter_map(|entry| entry["f1"].as_f64())
                .fold(1.0, f64::min)
        })
        .unwrap_or(0.0);
    (
        micro["f1"].as_f64().unwrap(),
        micro["precision"].as_f64().unwrap(),
        lowest,
    )
}

#[test]
fn extraction_stays_above_its_accuracy_floors() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let (seed_f1, _, _) = evaluate(&shared.join("eval/seed"));
    // Floors a little under the figures of 2026-12-07 (seed 1.0; dev F1 0.980, precision
    // 1.000, lowest type 0.909): a change that costs more than a fact or two here is a
    // regression to look at.
    assert!(seed_f1 >= 0.99, "seed F1 {seed_f1}");
    let (dev_f1, dev_precision, lowest) = evaluate(&shared.join("eval/dev"));
    assert!(dev_f1 >= 0.95, "dev F1 {dev_f1}");
    assert!(dev_precision >= 0.97, "dev precision {dev_precision}");
    assert!(lowest >= 0.85, "a fact type fell to F1 {lowest}");
    // Our own example articles ship with the binary: F1 0.985 on 2026-12-07.
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let (examples_f1, _, _) = evaluate(&examples);
    assert!(examples_f1 >= 0.95, "examples F1 {examples_f1}");
}

#[test]
fn bench_measures_every_stage_and_each_format() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let output = bilateral(&[
        "bench",
        examples.to_str().unwrap(),
        "--seconds",
        "0.1",
        "--by-format",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for row in [
        "baseline: UTF-8 check + line count",
        "read → extract, 1 thread",
        "read → extract, all cores",
        "text only, 1 thread",
        "wikitext only, 1 thread",
        "HTML only, 1 thread",
    ] {
        let line = stdout
            .lines()
            .map(str::trim_start)
            .find(|line| line.starts_with(row))
            .unwrap_or_else(|| panic!("no {row} row in:\n{stdout}"));
        let figures: Vec<f64> = line[row.len()..]
            .split_whitespace()
            .filter_map(|field| field.parse().ok())
            .collect();
        // Every row gives MB/s, articles/s and its ratio to the baseline, which no stage
        // outruns. (The figures themselves may round to 0 in a debug build on a busy machine.)
        let [speed, articles_per_second, ratio] = figures[..] else {
            panic!("no MB/s, articles/s and ratio in {line}");
        };
        assert!(speed >= 0.0 && articles_per_second >= 0.0, "{line}");
        assert!((0.0..=1.0).contains(&ratio), "{line}");
    }
    assert!(stdout.contains("facts from one pass over the 5 articles"));
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn every_command_prints_one_json_array_or_json_lines() {
    let examples = examples();
    let files = [
        examples.join("japan-mongolia-relations.txt"),
        examples.join("australia-japan-relations.wiki"),
    ];
    let files: Vec<&str> = files.iter().map(|path| path.to_str().unwrap()).collect();
    let commands: [&[&str]; 4] = [
        &["extract"],
        &["extract", "--format", "gold"],
        &["read", "--json"],
        &["refs", "--json"],
    ];
    for command in commands {
        let args: Vec<&str> = command.iter().chain(&files).copied().collect();
        let output = bilateral(&args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let array: Vec<serde_json::Value> = serde_json::from_str(&stdout)
            .unwrap_or_else(|error| panic!("{command:?}: {error}\n{stdout}"));
        assert_eq!(array.len(), 2, "{command:?}");
        assert!(
            array.iter().all(serde_json::Value::is_object),
            "{command:?}"
        );

        // The same objects, one a line, with --jsonl in place of --json.
        let mut args: Vec<&str> = command
            .iter()
            .filter(|arg| **arg != "--json")
            .copied()
            .collect();
        args.push("--jsonl");
        args.extend(&files);
        let output = bilateral(&args);
        assert!(
            output.status.code() != Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines, array, "{args:?}");
    }
}

#[test]
fn references_carry_the_number_of_their_files_object() {
    let examples = examples();
    let files = [
        examples.join("japan-mongolia-relations.txt"),
        examples.join("missing.txt"),
        examples.join("australia-japan-relations.wiki"),
    ];
    let files: Vec<&str> = files.iter().map(|path| path.to_str().unwrap()).collect();
    for (command, references) in [("read", "references"), ("refs", "citations")] {
        for format in ["--json", "--jsonl"] {
            let args: Vec<&str> = [command, format].iter().chain(&files).copied().collect();
            let output = bilateral(&args);
            let stdout = String::from_utf8_lossy(&output.stdout);
            let objects: Vec<serde_json::Value> = if format == "--json" {
                serde_json::from_str(&stdout).unwrap()
            } else {
                stdout
                    .lines()
                    .map(|line| serde_json::from_str(line).unwrap())
                    .collect()
            };
            // The missing file prints nothing, so the third file's object is the second.
            assert_eq!(objects.len(), 2, "{args:?}");
            for (number, object) in (1..).zip(&objects) {
                let listed = object[references].as_array().unwrap();
                assert!(!listed.is_empty(), "{args:?}");
                assert!(
                    listed
                        .iter()
                        .all(|reference| reference["document"] == number),
                    "{args:?}: {object}"
                );
            }
        }
    }
}

#[test]
fn jsonl_text_keeps_the_given_title() {
    let line = serde_json::json!({
        "title": "Chile–Norway relations",
        "text": "Chile and Norway established diplomatic relations on 4 May 1920.\n\n\
                 Norway opened an embassy in Santiago in 1962.",
        "format": "text",
    });
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["extract", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, format!("{line}\n").as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["title"], "Chile–Norway relations");
    assert_eq!(value["dyad"], serde_json::json!(["CHL", "NOR"]));
    assert!(!value["facts"].as_array().unwrap().is_empty(), "{value}");
}

#[test]
fn a_closed_pipe_ends_bench_quietly_from_any_folder() {
    let elsewhere = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["bench", "--seconds", "0.1"])
        .current_dir(elsewhere.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    // The reader is gone (as with `| head -1`); the next line meets a closed pipe.
    let output = child.wait_with_output().unwrap();
    assert!(first.contains("from the shipped examples"), "{first}");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}
