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

// ---------------------------------------------------------------------------------------
// The store: `dyad ingest`, the queries, and what happens when ingest is killed.
// ---------------------------------------------------------------------------------------

/// A JSON Lines file of `n` small articles with distinct texts, written here.
fn synthetic_jsonl(n: usize) -> String {
    const WORDS: [&str; 24] = [
        "council",
        "budget",
        "river",
        "minister",
        "harbour",
        "talks",
        "village",
        "school",
        "road",
        "election",
        "market",
        "bridge",
        "court",
        "farmers",
        "delegation",
        "treaty",
        "border",
        "province",
        "union",
        "railway",
        "hospital",
        "mayor",
        "strike",
        "festival",
    ];
    let mut out = String::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..n {
        let mut pick = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            WORDS[(seed % WORDS.len() as u64) as usize]
        };
        let text = format!(
            "Officials said the {} and the {} of district {i} would meet on Monday. \
             The {} was discussed with the {} and the {}, they said, after a week of \
             talks about the {} near the {}.",
            pick(),
            pick(),
            pick(),
            pick(),
            pick(),
            pick(),
            pick()
        );
        let line = serde_json::json!({
            "id": i, "title": format!("Report {i}"), "text": text,
            "published": format!("2025-10-{:02}", 1 + i % 28), "source": "Test Wire"
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn stored_count(db: &Path) -> u64 {
    dyad_store::Store::open_read_only(db)
        .and_then(|s| s.article_count())
        .unwrap_or(0)
}

fn stored_ids(db: &Path) -> Vec<String> {
    let store = dyad_store::Store::open_read_only(db).unwrap();
    let mut ids: Vec<String> = store.ids().unwrap().into_iter().collect();
    ids.sort();
    ids
}

/// Rows of the child tables whose article is not stored, and FTS rows without an article.
fn orphans(db: &Path) -> i64 {
    let store = dyad_store::Store::open(db).unwrap();
    let conn = store.connection();
    let mut n = 0;
    for table in [
        "entities",
        "mentions",
        "events",
        "quotes",
        "locations",
        "location_mentions",
        "counts",
        "article_bands",
    ] {
        n += conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE article NOT IN (SELECT rowid FROM articles)"
                ),
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
    }
    // Every article has its band keys and its full-text row.
    n += conn
        .query_row(
            "SELECT count(*) FROM articles WHERE rowid NOT IN (SELECT article FROM article_bands)",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    conn.execute_batch(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
    )
    .expect("the full-text index matches the articles");
    n
}

#[test]
fn ingest_stores_once_and_queries_answer() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let examples = repo_root().join("examples/articles");
    let examples = examples.to_str().unwrap();
    let out = dyad(d, &["ingest", examples]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        d.join("dyad.db").exists(),
        "the default database is dyad.db"
    );
    let first = stored_count(&d.join("dyad.db"));
    assert!(first >= 3, "{first}");
    assert!(stderr(&out).contains("articles coded"), "{}", stderr(&out));
    // The same inputs again: nothing new, everything skipped before coding.
    let again = dyad(d, &["ingest", examples]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("0 articles coded, 0 stored"),
        "{}",
        stderr(&again)
    );
    assert_eq!(stored_count(&d.join("dyad.db")), first);
    // Full-text search finds a word of the Mali example, with a snippet.
    let hits = dyad(d, &["search", "ecowas", "--limit", "3"]);
    assert!(hits.status.success(), "{}", stderr(&hits));
    assert!(stdout(&hits).contains("[ECOWAS]"), "{}", stdout(&hits));
    // No events are coded yet by the pipeline: the queries answer with nothing.
    let events = dyad(d, &["events", "--actor", "SYR", "--format", "csv"]);
    assert!(events.status.success(), "{}", stderr(&events));
    assert_eq!(stdout(&events).lines().count(), 1, "only the header");
    let timeline = dyad(d, &["timeline", "TUR", "IRQ", "--by", "week"]);
    assert!(timeline.status.success(), "{}", stderr(&timeline));
    // A stored article comes back exactly as `dyad code` wrote it.
    let coded = dyad(d, &["code", &format!("{examples}/sahel-talks.txt")]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&coded)).unwrap();
    let store = dyad_store::Store::open_read_only(&d.join("dyad.db")).unwrap();
    let id = v["article"]["id"].as_str().unwrap();
    assert_eq!(store.article_json(id).unwrap().as_ref(), Some(&v));
    // Re-coding keeps the articles.
    let recode = dyad(d, &["recode"]);
    assert!(recode.status.success(), "{}", stderr(&recode));
    assert_eq!(stored_count(&d.join("dyad.db")), first);
}

#[test]
fn queries_without_a_database_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(dir.path(), &["events", "--db", "none.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("none.db: no database"),
        "{}",
        stderr(&out)
    );
}

/// One WARC record.
fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2025-10-15T08:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
}

#[test]
fn ingest_reads_warc_and_names_a_truncated_record() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let page = |title: &str, body: &str| {
        format!(
            "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
        )
    };
    let mut warc = warc_record("warcinfo", "", b"software: test\r\n");
    warc.extend(warc_record(
        "request",
        "https://news.example.org/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example.org/a",
        &http(
            "200 OK",
            "text/html; charset=utf-8",
            &page(
                "Ministers meet on water",
                "The ministers met in Baghdad on Tuesday to discuss the sharing of river water.",
            ),
        ),
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example.org/b",
        &http("404 Not Found", "text/html", "<p>gone</p>"),
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example.org/c.pdf",
        &http("200 OK", "application/pdf", "%PDF"),
    ));
    warc.extend(warc_record(
        "response",
        "https://other.example.net/d",
        &http(
            "200 OK",
            "text/html",
            &page("Port reopens", "The port reopened on Wednesday after a strike of three weeks, the harbour authority said."),
        ),
    ));
    // Compressed as Common Crawl does: one gzip member per record (here: one for all).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&warc).unwrap();
    write(d, "news.warc.gz", &gz.finish().unwrap());
    let truncated_at = warc.len();
    let mut broken = warc.clone();
    broken.extend(warc_record(
        "response",
        "https://news.example.org/e",
        &http(
            "200 OK",
            "text/html",
            &page("Cut", "This record is cut short by the end of the file."),
        ),
    ));
    broken.truncate(broken.len() - 20);
    write(d, "cut.warc", &broken);

    let out = dyad(d, &["ingest", "news.warc.gz", "--db", "w.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("2 coded"), "{err}");
    for skipped in [
        "1 skipped (WARC warcinfo record)",
        "1 skipped (WARC request record)",
        "1 skipped (HTTP status 404)",
        "1 skipped (not HTML (application/pdf))",
    ] {
        assert!(err.contains(skipped), "{skipped}: {err}");
    }
    let store = dyad_store::Store::open_read_only(&d.join("w.db")).unwrap();
    let (url, source, published): (String, String, String) = store
        .connection()
        .query_row(
            "SELECT url, source, published FROM articles WHERE url LIKE '%/d'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(url, "https://other.example.net/d");
    assert_eq!(source, "other.example.net");
    assert_eq!(
        published, "2025-10-15",
        "the WARC-Date is the fallback date"
    );
    drop(store);

    // The truncated file: the records before the cut are stored,
    // and the error names the file and the record's offset.
    let out = dyad(d, &["ingest", "cut.warc", "--db", "w2.db"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "cut.warc: malformed input: WARC record at byte {truncated_at}: truncated"
        )),
        "{err}"
    );
    assert_eq!(stored_count(&d.join("w2.db")), 2);
}

#[test]
fn ingest_killed_at_five_points_loses_and_duplicates_nothing() {
    const TOTAL: u64 = 3000;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "articles.jsonl",
        synthetic_jsonl(TOTAL as usize).as_bytes(),
    );
    let args = |db: &str| -> Vec<String> {
        [
            "ingest",
            "articles.jsonl",
            "--quiet",
            "--jobs",
            "2",
            "--batch-size",
            "20",
            "--db",
            db,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };

    // The reference: one uninterrupted run.
    let reference = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(d)
        .args(args("reference.db"))
        .output()
        .unwrap();
    assert!(reference.status.success(), "{}", stderr(&reference));
    assert_eq!(stored_count(&d.join("reference.db")), TOTAL);

    // Five runs killed with SIGKILL once the stored count passes 1/6, 2/6 … 5/6 of the total.
    let killed = d.join("killed.db");
    let mut at = Vec::new();
    for point in 1..=5u64 {
        let target = TOTAL * point / 6;
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .current_dir(d)
            .args(args("killed.db"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        loop {
            if stored_count(&killed) >= target {
                child.kill().unwrap(); // SIGKILL
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "ingest finished before it could be killed at {target}"
            );
            assert!(started.elapsed().as_secs() < 60, "ingest made no progress");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        child.wait().unwrap();
        let count = stored_count(&killed);
        assert!(count > 0 && count < TOTAL, "killed at {count}");
        at.push(count);
        assert_eq!(orphans(&killed), 0, "orphan rows after the kill at {count}");
    }
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "each run got further: {at:?}"
    );

    // The rerun finishes the job: the same articles as the uninterrupted run, nothing more.
    let rerun = dyad(
        d,
        &args("killed.db")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(stored_ids(&killed), stored_ids(&d.join("reference.db")));
    assert_eq!(orphans(&killed), 0);
    eprintln!(
        "killed at stored counts {at:?} of {TOTAL}; the rerun completed the same {TOTAL} ids"
    );
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

#[test]
fn parse_writes_entity_tags_in_the_misc_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.txt",
        "Irina Petrov met Syrian officials in Damascus.\n".as_bytes(),
    );
    let out = dyad(d, &["parse", "a.txt", "--format", "conllu"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let misc: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(
        misc,
        [
            "NER=B-PER",
            "NER=I-PER",
            "_",
            "NER=B-MISC",
            "_",
            "_",
            "NER=B-LOC",
            "_"
        ],
        "{text}"
    );
}

#[test]
fn ingesting_a_folder_skips_its_own_database() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"Envoys meet\n\nThe envoys met in Geneva on Monday.\n",
    );
    for _ in 0..2 {
        let out = dyad(dir.path(), &["ingest", ".", "--quiet"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!stderr(&out).contains("dyad.db"), "{}", stderr(&out));
    }
}

/// Splits one CSV line into fields (quoted fields may hold commas and doubled quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// Every file under `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap();
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// A database of our example articles, and the number of events `dyad events` lists.
fn example_database(d: &Path) -> usize {
    let examples = repo_root().join("examples/articles");
    let out = dyad(d, &["ingest", examples.to_str().unwrap(), "--db", "ex.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = dyad(d, &["events", "--db", "ex.db", "--format", "csv"]);
    assert!(events.status.success(), "{}", stderr(&events));
    stdout(&events).lines().count() - 1
}

#[test]
fn exports_read_back_in_every_format() {
    use dyad_store::export::{gdelt, plover, table};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let n = example_database(d);
    assert!(n > 0, "the examples code some events");

    // GDELT: 61 columns per event, 16 per report, every report pointing at an event.
    let out = dyad(
        d,
        &["export", "--db", "ex.db", "--format", "gdelt", "--out", "g"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let events = std::fs::read_to_string(d.join("g/events.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), n);
    let col = |name: &str| {
        gdelt::EVENT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let mut ids = std::collections::HashSet::new();
    let mut mentions_total = 0;
    for row in &rows {
        assert_eq!(row.len(), 61, "{row:?}");
        ids.insert(row[0].parse::<i64>().unwrap());
        assert!(row[col("SQLDATE")].len() == 8 && row[col("SQLDATE")].parse::<u32>().is_ok());
        assert!(row[col("FractionDate")].parse::<f64>().is_ok());
        assert!(row[col("EventRootCode")].len() == 2);
        assert!((1..=4).contains(&row[col("QuadClass")].parse::<u8>().unwrap()));
        assert!(row[col("GoldsteinScale")].parse::<f64>().is_ok());
        mentions_total += row[col("NumMentions")].parse::<usize>().unwrap();
        for geo in ["Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"] {
            assert!((0..=5).contains(&row[col(geo)].parse::<u8>().unwrap()));
        }
        assert_eq!(row[col("DATEADDED")].len(), 14);
    }
    let mentions = std::fs::read_to_string(d.join("g/mentions.tsv")).unwrap();
    assert_eq!(mentions.lines().count(), mentions_total);
    for line in mentions.lines() {
        let m: Vec<&str> = line.split('\t').collect();
        assert_eq!(m.len(), gdelt::MENTION_COLUMNS.len());
        assert!(ids.contains(&m[0].parse::<i64>().unwrap()));
        assert!(m[9].parse::<i64>().unwrap() >= 0, "the trigger's offset");
    }

    // CSV: the header, then n rows of typed columns.
    let out = dyad(d, &["export", "--db", "ex.db", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let mut lines = csv.lines();
    let header = csv_fields(lines.next().unwrap());
    let names: Vec<&str> = table::COLUMNS.iter().map(|(n, _)| *n).collect();
    assert_eq!(header, names);
    let body: Vec<Vec<String>> = lines.map(csv_fields).collect();
    assert_eq!(body.len(), n);
    for row in &body {
        assert_eq!(row.len(), names.len());
        for ((name, ty), value) in table::COLUMNS.iter().zip(row) {
            let ok = value.is_empty()
                || match ty {
                    table::ColumnType::Int => value.parse::<i64>().is_ok(),
                    table::ColumnType::Float => value.parse::<f64>().is_ok(),
                    table::ColumnType::Text => true,
                };
            assert!(ok, "{name} = {value:?}");
        }
    }

    // JSON Lines: the flat columns and the members.
    let out = dyad(
        d,
        &[
            "export", "--db", "ex.db", "--format", "jsonl", "--out", "e.jsonl",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let jsonl = std::fs::read_to_string(d.join("e.jsonl")).unwrap();
    let mut members = 0;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys[..names.len()], names[..]);
        assert_eq!(keys[names.len()..], ["members"]);
        members += v["members"].as_array().unwrap().len();
        assert_eq!(v["members"].as_array().unwrap().len() as u64, v["mentions"]);
    }
    assert_eq!(jsonl.lines().count(), n);
    assert_eq!(members, mentions_total);

    // PLOVER: only the manual's field names (and dyad's listed extras).
    let out = dyad(d, &["export", "--db", "ex.db", "--format", "plover"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), n);
    for r in &records {
        for key in r.as_object().unwrap().keys() {
            assert!(
                plover::FIELDS.contains(&key.as_str())
                    || plover::EXTRA_FIELDS.contains(&key.as_str()),
                "{key}"
            );
        }
        for key in plover::FIELDS.iter().filter(|k| **k != "coded_date") {
            assert!(r.get(*key).is_some(), "{key} missing");
        }
        for e in r["actor"]
            .as_array()
            .unwrap()
            .iter()
            .chain(r["recipient"].as_array().unwrap())
        {
            for key in e.as_object().unwrap().keys() {
                assert!(plover::ENTITY_FIELDS.contains(&key.as_str()), "{key}");
            }
        }
        assert!(r["id"].as_str().unwrap().starts_with("dyad-"));
    }

    // Parquet: Hive partitions whose files hold n rows with the flat table's columns.
    let out = dyad(
        d,
        &[
            "export", "--db", "ex.db", "--format", "parquet", "--out", "pq",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = files_under(&d.join("pq"));
    assert!(!files.is_empty());
    let mut rows = 0;
    for file in &files {
        let parts: Vec<&str> = file.split('/').collect();
        assert_eq!(parts.len(), 3, "{file}");
        assert!(
            parts[0].starts_with("year=") && parts[1].starts_with("month="),
            "{file}"
        );
        assert!(parts[2].starts_with("part-") && parts[2].ends_with(".parquet"));
        use parquet::file::reader::FileReader;
        let reader = parquet::file::reader::SerializedFileReader::new(
            std::fs::File::open(d.join("pq").join(file)).unwrap(),
        )
        .unwrap();
        let meta = reader.metadata().file_metadata();
        rows += meta.num_rows() as usize;
        let columns: Vec<&str> = meta
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name())
            .collect();
        assert_eq!(columns, names);
    }
    assert_eq!(rows, n);
    // A second export into the same folder is refused rather than mixed in.
    let again = dyad(
        d,
        &[
            "export", "--db", "ex.db", "--format", "parquet", "--out", "pq",
        ],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already holds"),
        "{}",
        stderr(&again)
    );
    // Filters: nothing is dated before the year 1000.
    let none = dyad(
        d,
        &["export", "--db", "ex.db", "--format", "csv", "--to", "0999"],
    );
    assert_eq!(stdout(&none).lines().count(), 1, "only the header");

    // DuckDB or pyarrow, when the Python at $DYAD_PYTHON (or python3) has one, counts the
    // same rows in the partitioned folder.
    let python = std::env::var("DYAD_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = "import sys\n\
        try:\n    import duckdb\n    print(duckdb.sql(\"SELECT count(*) FROM read_parquet('\" + sys.argv[1] + \"/*/*/*.parquet', hive_partitioning=true)\").fetchall()[0][0])\n\
        except ImportError:\n    try:\n        import pyarrow.dataset as ds\n        import pyarrow as pa\n        part = ds.partitioning(pa.schema([('year', pa.int32()), ('month', pa.int32())]), flavor='hive')\n        print(ds.dataset(sys.argv[1], format='parquet', partitioning=part).count_rows())\n    except ImportError:\n        print('skip')\n";
    match Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(d.join("pq"))
        .output()
    {
        Ok(o) if stdout(&o).trim() == "skip" => {
            eprintln!("skipping the DuckDB/pyarrow read: neither is installed for {python}")
        }
        Ok(o) => assert_eq!(stdout(&o).trim(), n.to_string(), "{}", stderr(&o)),
        Err(_) => eprintln!("skipping the DuckDB/pyarrow read: no {python}"),
    }
}

#[test]
fn export_without_a_database_or_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(dir.path(), &["export", "--format", "csv"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no database"), "{}", stderr(&out));
    let examples = repo_root().join("examples/articles/sahel-talks.txt");
    dyad(
        dir.path(),
        &["ingest", examples.to_str().unwrap(), "--quiet"],
    );
    let out = dyad(dir.path(), &["export", "--format", "gdelt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--out DIR"), "{}", stderr(&out));
}

#[test]
fn code_jobs_keeps_input_order_in_a_stream() {
    let mut input = String::new();
    for i in 0..60 {
        match i {
            17 => input.push_str("{\"text\": broken\n"),
            31 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\": \"s{i}\", \"text\": \"Story {i}: the ministers of Chad and Niger met in N'Djamena on Monday.\"}}\n"
            )),
        }
    }
    let run = |jobs: &str| {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .current_dir(dir.path())
            .args(["code", "-", "--format", "jsonl", "--jobs", jobs])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        child.wait_with_output().unwrap()
    };
    let one = run("1");
    let three = run("3");
    for out in [&one, &three] {
        assert_eq!(out.status.code(), Some(1), "the broken line fails");
        assert!(stderr(out).contains("-:18"), "{}", stderr(out));
        let ids: Vec<String> = stdout(out)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["article"]["input_id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let expected: Vec<String> = (0..60)
            .filter(|i| *i != 17 && *i != 31)
            .map(|i| format!("s{i}"))
            .collect();
        assert_eq!(ids, expected);
    }
    assert_eq!(stdout(&one), stdout(&three), "threads change nothing");
    // An empty partition of a distributed job is an empty stream, not an error.
    let dir = tempfile::tempdir().unwrap();
    let empty = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(dir.path())
        .args(["code", "-", "--input-format", "jsonl", "--format", "jsonl"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert!(empty.stdout.is_empty());
}

#[test]
fn user_actor_files_are_read_after_the_embedded_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.txt",
        b"Harbour talks\n\nOskar Vellan met Vladimir Putin in Moscow on Monday.\n",
    );
    write(
        d,
        "mine.txt",
        b"# Our own people.\nperson Oskar Vellan\n  term SWEGOV 2020-01-01 - ; minister\n  source our notes\n",
    );
    write(
        d,
        "later.txt",
        b"person Oskar Vellan\n  term SWEOPP 2020-01-01 - ; opposition leader\n  source our later notes\n",
    );
    let code_of = |out: &Output, name: &str| -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .and_then(|e| e["code"].as_str().map(str::to_string))
    };
    let base = ["code", "a.txt", "--published", "2025-03-03"];
    let out = dyad(d, &base);
    assert!(out.status.success(), "{}", stderr(&out));
    // Without the user's file, an unknown person has only the article's country.
    assert_eq!(code_of(&out, "Oskar Vellan").as_deref(), Some("RUS"));
    let out = dyad(d, &[&base[..], &["--actors", "mine.txt"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(code_of(&out, "Oskar Vellan").as_deref(), Some("SWEGOV"));
    assert_eq!(code_of(&out, "Vladimir Putin").as_deref(), Some("RUSGOV"));
    let both = [
        &base[..],
        &["--actors", "mine.txt", "--actors", "later.txt"],
    ]
    .concat();
    let out = dyad(d, &both);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(code_of(&out, "Oskar Vellan").as_deref(), Some("SWEOPP"));

    write(
        d,
        "bad.txt",
        b"person Oskar Vellan\n  term SWEGOV 2020-13-01 -\n  source our notes\n",
    );
    for command in [&base[..], &["eval", "gold", "none.json"]] {
        let out = dyad(d, &[command, &["--actors", "bad.txt"]].concat());
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(err.contains("bad.txt:2"), "{err}");
    }
}

#[test]
fn eval_quotes_scores_the_first_annotator_and_checks_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("dev");
    std::fs::create_dir_all(split.join("text")).unwrap();
    std::fs::create_dir_all(split.join("attributions")).unwrap();
    let text = "Budget vote\n\n\u{201c}We will win the vote,\u{201d} said Ann Lee. \u{201c}It will be soon.\u{201d}\n";
    std::fs::write(split.join("text/paper_2016-01-01_vote.txt"), text).unwrap();
    let good = "T1\tContent 13 36;51 69\t\u{201c}We will win the vote,\u{201d} \u{201c}It will be soon.\u{201d}\n\
                T2\tSource 42 49\tAnn Lee\nT3\tCue 37 41\tsaid\n\
                E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n";
    std::fs::write(
        split.join("attributions/paper_2016-01-01_vote_a1.ann"),
        good,
    )
    .unwrap();
    // A second annotator's file, malformed: read, it would fail the command.
    std::fs::write(
        split.join("attributions/paper_2016-01-01_vote_b2.ann"),
        "E1\tAttribution:T9 Content:T8\n",
    )
    .unwrap();
    let out = dyad(
        dir.path(),
        &[
            "eval",
            "quotes",
            "dev",
            "--min-direct-precision",
            "0.99",
            "--min-direct-recall",
            "0.99",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("1 articles"), "{}", stdout(&out));
    let out = dyad(
        dir.path(),
        &["eval", "quotes", "dev", "--min-reported-recall", "0.5"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("reported content+source recall"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn eval_ud_scores_gold_tokens_and_raw_text_and_refuses_an_empty_treebank() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.conllu", b"");
    let out = dyad(dir.path(), &["eval", "ud", "empty.conllu", "--raw"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("empty.conllu: no sentence to score"),
        "{}",
        stderr(&out)
    );
    // Our own sentence, its gold tree written by hand; the models' figures vary, the lines
    // and the thresholds' effect do not.
    let gold = "# newdoc id = d1\n# text = The envoys met in Geneva.\n\
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\
        2\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n\
        3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n\
        5\tGeneva\tGeneva\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n\
        6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
    write(dir.path(), "g.conllu", gold.as_bytes());
    let out = dyad(dir.path(), &["eval", "ud", "g.conllu", "--raw"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        "UAS",
        "from raw text (1 documents), F1:",
        "tokens",
        "sentences",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    let out = dyad(
        dir.path(),
        &[
            "eval",
            "ud",
            "g.conllu",
            "--raw",
            "--min-raw-las-f1",
            "100.1",
        ],
    );
    assert!(!out.status.success(), "{}", stdout(&out));
}

#[test]
fn eval_plover_development_scores_odd_halves_and_never_the_even_records() {
    let dir = tempfile::tempdir().unwrap();
    let record = |n: u32, text: &str| {
        format!(
            r#"{{"id": "PLOVER-TEST-AGREE-{n:04}", "event": "AGREE", "source": [{{"code": "EGY"}}], "target": [{{"code": "JPN"}}], "text": "{text}", "date": "2020-01-01"}}"#
        )
    };
    let records = [
        record(1, "Egypt signed a trade agreement with Japan."),
        record(2, "Egypt agreed to lower tariffs on Japanese goods."),
        record(3, "The weather was mild in Cairo."),
        record(5, "Egypt accepted Japan's offer of talks."),
    ];
    std::fs::write(
        dir.path().join("gsr.json"),
        format!("[{}]", records.join(",")),
    )
    .unwrap();
    let out = dyad(dir.path(), &["eval", "plover", "gsr.json", "--development"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("1 mod 4 (develop)  records   2"), "{text}");
    assert!(text.contains("3 mod 4 (check)    records   1"), "{text}");
    assert!(!text.contains("even (measurement)"), "{text}");
    let out = dyad(dir.path(), &["eval", "plover", "gsr.json"]);
    assert!(stdout(&out).contains("even (measurement)   records   1"));
}

/// A verb dictionary we wrote in PETRARCH-2's syntax (no line of it is PETRARCH's), with a
/// malformed line.
const OUR_PETRARCH_VERBS: &str = "\
&GOODS
+SUPPLY

---  HASTEN   [---]  ---
RUSH
- * {MEDICAL &GOODS} (TO +)        [073]
- * &UNDEFINED                     [070]
";

#[test]
fn petrarch_verbs_add_events_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "verbs.txt", OUR_PETRARCH_VERBS.as_bytes());
    write(
        dir.path(),
        "a.txt",
        b"France rushed medical supplies to Chad on Monday.\n",
    );
    let without = dyad(dir.path(), &["code", "a.txt", "--published", "2025-01-01"]);
    assert!(without.status.success(), "{}", stderr(&without));
    assert!(!stdout(&without).contains("petrarch("));
    let with = dyad(
        dir.path(),
        &[
            "code",
            "a.txt",
            "--published",
            "2025-01-01",
            "--petrarch-verbs",
            "verbs.txt",
        ],
    );
    assert!(with.status.success(), "{}", stderr(&with));
    let err = stderr(&with);
    assert!(
        err.contains("verbs.txt:7: the synonym set &UNDEFINED is not defined"),
        "{err}"
    );
    assert!(
        err.contains("verbs.txt: 1 verb blocks (1 verbs), 1 patterns loaded"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&with)).unwrap();
    let events = json["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["cameo"] == "073"
            && e["rule"]
                .as_str()
                .unwrap()
                .starts_with("petrarch(verbs.txt:6 HASTEN * {MEDICAL &GOODS} (TO +)): ")),
        "{events:?}"
    );
    // `dyad explain` shows the pattern that fired.
    let out = dyad(
        dir.path(),
        &[
            "explain",
            "a.txt",
            "--sentence",
            "0",
            "--petrarch-verbs",
            "verbs.txt",
        ],
    );
    assert!(
        stdout(&out).contains("FIRED  FRA 073 TCD"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_or_non_utf8_petrarch_dictionary_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"France met Germany.\n");
    write(dir.path(), "latin1.txt", b"---  X [040] ---\nCAF\xc9\n");
    for (file, why) in [
        (
            "nothere.txt",
            "nothere.txt: cannot read the PETRARCH verb dictionary",
        ),
        (
            "latin1.txt",
            "latin1.txt: the PETRARCH verb dictionary is not UTF-8",
        ),
    ] {
        let out = dyad(dir.path(), &["code", "a.txt", "--petrarch-verbs", file]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(why), "{}", stderr(&out));
    }
}

#[test]
fn petrarchs_own_verb_dictionary_loads_when_shared_is_there() {
    let shared = repo_root().join("../shared");
    let file = shared.join("peers/petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt");
    if !file.exists() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"France met Germany.\n");
    let out = dyad(
        dir.path(),
        &["code", "a.txt", "--petrarch-verbs", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let summary = err.lines().last().unwrap_or("");
    // Most of the dictionary translates: more patterns loaded than lines skipped.
    let number = |before: &str| -> usize {
        summary
            .split(before)
            .next()
            .and_then(|s| s.split_whitespace().last())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let loaded = number(" patterns loaded");
    let malformed = number(" malformed lines");
    assert!(loaded > 10 * (malformed + 1), "{summary}");
}

#[test]
fn petrarch_actors_code_what_dyad_leaves_open_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.txt",
        "Envoy visits\n\nOdalric Fenwick flew from Washington to London on Monday. \
         Fenwick met officials there.\n"
            .as_bytes(),
    );
    // An actor file in PETRARCH's syntax, written for this test (the person is invented).
    write(
        d,
        "fenwick.actors.txt",
        b"# Invented for this test.\nODALRIC_FENWICK_\n\t[USALEG 20010101-20091231]\n\
          BROKEN_NAME_ [USAGOV 20100101-20090101]\n",
    );
    let base = ["code", "a.txt", "--published", "2005-03-16"];
    let code_of = |out: &Output| -> (Option<String>, Option<String>) {
        let json: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
        let e = json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"].as_str().is_some_and(|n| n.contains("Fenwick")))
            .cloned()
            .unwrap_or_default();
        (
            e["code"].as_str().map(str::to_string),
            e["basis"].as_str().map(str::to_string),
        )
    };
    let out = dyad(
        d,
        &[&base[..], &["--petrarch-actors", "fenwick.actors.txt"]].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (code, basis) = code_of(&out);
    assert_eq!(code.as_deref(), Some("USALEG"), "{}", stdout(&out));
    assert_eq!(basis.as_deref(), Some("petrarch(fenwick.actors.txt:2)"));
    let err = stderr(&out);
    assert!(
        err.contains("fenwick.actors.txt:4: the end date 2009-01-01 is before the start date"),
        "{err}"
    );
    assert!(
        err.contains("petrarch actors: 1 actors (1 names) loaded"),
        "{err}"
    );
    // Without the flag, the layer is not consulted.
    let out = dyad(d, &base);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, basis) = code_of(&out);
    assert!(!basis.unwrap_or_default().starts_with("petrarch"));
    // A missing file and a file that is not UTF-8 are errors that name it.
    write(d, "latin1.actors.txt", b"CAF\xc9_ [FRAGOV]\n");
    for (file, why) in [
        ("missing.actors.txt", "cannot read"),
        ("latin1.actors.txt", "not UTF-8"),
    ] {
        let out = dyad(d, &[&base[..], &["--petrarch-actors", file]].concat());
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains(&format!("{file}: ")),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(why), "{}", stderr(&out));
    }
}

#[test]
fn petrarch_phoenix_actor_files_load_when_shared_data_is_present() {
    let shared = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    let folder = shared.join("peers/petrarch2/petrarch2/data/dictionaries");
    let files: Vec<PathBuf> = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]
    .iter()
    .map(|f| folder.join(f))
    .collect();
    if !files.iter().all(|f| f.is_file()) {
        eprintln!(
            "skipping: PETRARCH's Phoenix actor files are not in {}",
            folder.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Talks\n\nThe envoys met in Geneva on Monday.\n".as_bytes(),
    );
    let mut args: Vec<String> = ["code", "a.txt", "--published", "2005-03-16"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for f in &files {
        args.push("--petrarch-actors".into());
        args.push(f.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dyad(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let summary = err
        .lines()
        .find(|l| l.starts_with("petrarch actors: "))
        .unwrap_or_else(|| panic!("no summary line: {err}"));
    let loaded: usize = summary
        .trim_start_matches("petrarch actors: ")
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(loaded > 20_000, "{summary}");
    // Every skipped line names its file and line.
    for line in err.lines().filter(|l| !l.starts_with("petrarch actors: ")) {
        let mut parts = line.splitn(3, ':');
        let (file, number) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        assert!(file.ends_with(".actors.txt"), "{line}");
        assert!(number.parse::<usize>().is_ok(), "{line}");
    }
}

#[test]
fn eval_actors_scores_lists_hides_misses_and_names_bad_lines() {
    let fixtures = repo_root().join("crates/dyad-cli/tests/fixtures/eval-actors");
    let corpora = fixtures.join("corpora");
    let corpora = corpora.to_str().unwrap();
    let out = dyad(
        &fixtures,
        &["eval", "actors", "list.txt", "--corpora", corpora],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "news/budget-row.txt 2/4\nre3d:C0FFEE00 2/2\nlist list.txt 4/6 (66.7 %)\ntotal 4/6 (66.7 %)\n"
    );
    let out = dyad(
        &fixtures,
        &[
            "eval",
            "actors",
            "list.txt",
            "--corpora",
            corpora,
            "--show-misses",
            "--min-accuracy",
            "0.7",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.contains(
            "    Michael Howard (GBRGOV): wrong code GBROPP, entity \"Michael Howard\"\n"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("    budget (GBRGOV): uncovered\n"),
        "{shown}"
    );
    assert!(
        stderr(&out).contains("actor accuracy 0.6667 is below the threshold 0.7"),
        "{}",
        stderr(&out)
    );
    // Every bad line is named with its line; the rest is scored; the command fails.
    let out = dyad(
        &fixtures,
        &["eval", "actors", "bad-list.txt", "--corpora", corpora],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    for (line, why) in [
        (
            1,
            "actor 2: name 1 of 1 is not in the text of news/budget-row.txt",
        ),
        (2, "cannot read the article"),
        (3, "re3d:DEADBEEF: no re3d document"),
        (4, "malformed input: no `|`"),
    ] {
        assert!(
            err.lines().any(
                |l| l.starts_with(&format!("dyad: error: bad-list.txt:{line}: "))
                    && l.contains(why)
            ),
            "line {line}: {err}"
        );
    }
    assert!(err.contains("4 error(s)"), "{err}");
    assert!(
        !stdout(&out).contains("Charles Kennedy"),
        "misses stay hidden"
    );
    assert!(
        stdout(&out).ends_with("total 1/2 (50.0 %)\n"),
        "{}",
        stdout(&out)
    );
    // A list that is not UTF-8, and one that is missing, are errors naming the file; the
    // other lists are still scored.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"news/budget-row.txt 2005-03-16 | Caf\xe9 (GBR)\n",
    )
    .unwrap();
    let list = fixtures.join("list.txt");
    let out = dyad(
        dir.path(),
        &[
            "eval",
            "actors",
            "latin1.txt",
            "missing.txt",
            list.to_str().unwrap(),
            "--corpora",
            corpora,
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt: the actor list is not UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: cannot read the actor list"),
        "{err}"
    );
    assert!(
        stdout(&out).ends_with("total 4/6 (66.7 %)\n"),
        "{}",
        stdout(&out)
    );
}
