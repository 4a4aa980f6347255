//! Integration tests of the `dyad` command: each test gets its own temporary directory and
//! runs the real binary, as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("dyad runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn codes_a_plain_text_article_as_json() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Envoys meet\n\nThe envoys met in Geneva. They talked.\n".as_bytes(),
    );
    let out = dyad(dir.path(), &["code", "a.txt", "--published", "2026-01-05"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["schema"], "dyad.article/1");
    assert_eq!(v["article"]["title"], "Envoys meet");
    assert_eq!(v["article"]["published"], "2026-01-05");
    assert_eq!(v["blocks"][0]["kind"], "title");
    assert_eq!(
        v["text"],
        "Envoys meet\n\nThe envoys met in Geneva. They talked."
    );
    for key in ["entities", "events", "quotes", "locations", "counts"] {
        assert!(v[key].is_array(), "{key}");
    }
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_coded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", b"Talks end\n\nThe talks ended on Monday.\n");
    write(d, "empty.txt", b"");
    write(d, "junk.bin", &[0u8, 159, 146, 150, 1, 2, 3, 0, 0, 7]);
    let mut bad_utf8 = "Caf\u{e9} talks \u{2014} ".as_bytes().to_vec();
    bad_utf8.extend_from_slice(&[0xff, 0xfe, b'x']);
    write(d, "bad-utf8.txt", &bad_utf8);
    let gz = {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(
            "The talks went on for a long time, and nobody left early.\n"
                .repeat(50)
                .as_bytes(),
        )
        .unwrap();
        e.finish().unwrap()
    };
    write(d, "cut.txt.gz", &gz[..gz.len() / 2]);
    write(
        d,
        "feed.jsonl",
        b"{\"text\": \"First story.\"}\n{\"text\": broken\n{\"html\": \"<p>Third story.</p>\"}\n",
    );
    let out = dyad(
        d,
        &[
            "code",
            "good.txt",
            "missing.txt",
            "empty.txt",
            "junk.bin",
            "bad-utf8.txt",
            "cut.txt.gz",
            "feed.jsonl",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for needle in [
        "missing.txt: no such file",
        "empty.txt: empty input",
        "junk.bin: binary data",
        "bad-utf8.txt: malformed input: invalid UTF-8",
        "cut.txt.gz: corrupt or truncated",
        "feed.jsonl:2: bad JSONL record",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: Vec<&str> = lines.iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "Talks end\n\nThe talks ended on Monday.",
            "First story.",
            "Third story."
        ]
    );
}

#[test]
fn jsonl_on_stdin_keeps_order_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(dir.path())
        .args(["code", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..20 {
            writeln!(
                stdin,
                "{{\"id\": \"n{i}\", \"text\": \"Story number {i}.\"}}"
            )
            .unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]["input_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, (0..20).map(|i| format!("n{i}")).collect::<Vec<_>>());
}

#[test]
fn a_bad_published_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Text.");
    let out = dyad(
        dir.path(),
        &["code", "a.txt", "--published", "last Tuesday"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--published \"last Tuesday\" is not a date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn non_english_input_is_flagged_not_coded() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fr.txt",
        "Le ministre des affaires étrangères a rencontré son homologue à Paris mardi pour discuter de la crise.".as_bytes(),
    );
    let out = dyad(dir.path(), &["code", "fr.txt", "--diagnostics"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["article"]["language"], "fr");
    assert_eq!(v["sentences"], serde_json::json!([]));
    assert!(
        v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not English")
    );
}

#[test]
fn licenses_credit_what_is_shipped() {
    let out = dyad(&repo_root(), &["--licenses"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("MIT OR Apache-2.0"));
    assert!(text.contains("whatlang"));
    assert!(text.contains("CC BY-SA 4.0"));
}

#[test]
fn the_bundled_examples_code() {
    let out = dyad(
        &repo_root(),
        &["code", "examples/articles", "--format", "jsonl"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 4);
}

#[test]
fn eval_gold_reports_a_missing_document_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "g.json",
        br#"{"format": "dyad-gold/1", "document": "nowhere/x.txt", "events": []}"#,
    );
    let out = dyad(dir.path(), &["eval", "gold", "g.json", "--shared", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("g.json: cannot read its document"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn codebook_shows_a_code_with_its_plover_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(dir.path(), &["codebook", "1411"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("1411  Demonstrate for leadership change\n"),
        "{text}"
    );
    assert!(text.contains("Goldstein   -6.5"), "{text}");
    assert!(text.contains("quad class  3 (verbal conflict)"), "{text}");
    assert!(
        text.contains("parent      141  Demonstrate or rally"),
        "{text}"
    );
    assert!(
        text.contains("PLOVER      PROTEST, mode demo, context executive"),
        "{text}"
    );
}

#[test]
fn codebook_lists_roots_searches_and_refuses_bad_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(dir.path(), &["codebook"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("01           0.0  MAKE PUBLIC STATEMENT  [1 (verbal cooperation)]"),
        "{text}"
    );
    assert!(
        text.contains(
            "20         -10.0  USE UNCONVENTIONAL MASS VIOLENCE  [4 (material conflict)]"
        ),
        "{text}"
    );

    let out = dyad(dir.path(), &["codebook", "--search", "HUNGER", "--plover"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 5);
    assert!(stdout(&out).contains("PROTEST, mode hunger"));

    let out = dyad(dir.path(), &["codebook", "FIGHT"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("the current type is ASSAULT"));

    let out = dyad(dir.path(), &["codebook", "--plover"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.contains(" (verbal ") || l.contains(" (material "))
            .count(),
        16
    );

    let out = dyad(dir.path(), &["codebook", "21"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("invalid CAMEO code"),
        "{}",
        stderr(&out)
    );
}

/// Snapshots of the readable view of our own example articles: a change in extraction or
/// segmentation shows up here as a diff to review (`cargo insta review`).
#[test]
fn example_tables_snapshot() {
    for name in ["ankara-baghdad.html", "sahel-talks.txt", "feed.jsonl"] {
        let out = dyad(
            &repo_root(),
            &[
                "code",
                &format!("examples/articles/{name}"),
                "--format",
                "table",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        insta::assert_snapshot!(name, stdout(&out));
    }
}

/// A small IOB2 file of our own sentences, in UNER's layout.
const OWN_IOB2: &str = "# sent_id = t-1\n1\tIrina\tB-PER\n2\tPetrov\tI-PER\n3\tflew\tO\n4\tto\tO\n5\tLagos\tB-LOC\n6\ton\tO\n7\tMonday\tO\n8\t.\tO\n\n# sent_id = t-2\n1\tShe\tO\n2\tworks\tO\n3\tfor\tO\n4\tAcme\tB-ORG\n5\tHoldings\tI-ORG\n6\t.\tO\n\n# sent_id = t-3\n1\tMaria\tB-PER\n2\tLopez\tI-PER\n3\tvisited\tO\n4\tQuito\tB-LOC\n5\t.\tO\n\n";

#[test]
fn train_ner_is_deterministic_and_its_model_evaluates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "own.iob2", OWN_IOB2.as_bytes());
    for name in ["a.bin", "b.bin"] {
        let out = dyad(
            d,
            &[
                "train", "ner", "--train", "own.iob2", "--epochs", "3", "-o", name,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (a, b) = (
        std::fs::read(d.join("a.bin")).unwrap(),
        std::fs::read(d.join("b.bin")).unwrap(),
    );
    assert_eq!(a, b, "two trainings gave different models");
    let out = dyad(d, &["eval", "ner", "own.iob2", "--model", "a.bin"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("overall"), "{text}");
    // A threshold nobody can meet fails the command, after printing the figures.
    let out = dyad(
        d,
        &[
            "eval", "ner", "own.iob2", "--model", "a.bin", "--min-f1", "1.01",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("below the threshold"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_corrupt_ner_model_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "own.iob2", OWN_IOB2.as_bytes());
    write(d, "broken.bin", b"DYADNER\x01 but not really a model");
    let out = dyad(d, &["eval", "ner", "own.iob2", "--model", "broken.bin"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("broken.bin") && err.contains("NER model"),
        "{err}"
    );
}
