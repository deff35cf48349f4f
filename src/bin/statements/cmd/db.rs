//! `statements db`: the stories of an archive written into a SQLite file (schema in
//! `db_schema.sql`), one transaction per batch of stories, re-runnable on a grown archive.
//!
//! A story is known by its `source` (its path, `id:` and its `--jsonl` id, or `-`) and the
//! sha256 of its input bytes: a story already in the file with the same hash is skipped, one
//! with another hash (its text changed) is replaced with all its rows, a new one is added.
//! Running the command twice over the same archive therefore adds nothing the second time.

use crate::archive::{summary, Run, Story};
use crate::cli::DbArgs;
use crate::exit::Exit;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use statements::output::archive::identity::{party_key, speaker_key};
use statements::output::archive::rows::{event_rows, speaker_rows};
use statements::output::json::{date_type_name, precision_name};
use statements::Record;

/// The schema, created when missing.
const SCHEMA: &str = include_str!("db_schema.sql");
/// The schema version written in `meta`; a file of another version is refused.
const SCHEMA_VERSION: &str = "2";

/// What the run did to the file.
#[derive(Debug, Default)]
struct Written {
    added: usize,
    replaced: usize,
    unchanged: usize,
    quotes: usize,
    speakers: usize,
    events: usize,
    known: Known,
    /// The rowid of the first statement written and not yet in the full-text index.
    unindexed: Option<i64>,
}

/// Runs `db`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: DbArgs) -> Result<Exit, String> {
    let run = Run::new(&args.input, &args.filter)?.hashed();
    let name = args.output.display().to_string();
    let fail = |e: rusqlite::Error| format!("{name}: {e}");
    let mut conn = Connection::open(&args.output).map_err(fail)?;
    prepare(&conn).map_err(|e| format!("{name}: {e}"))?;
    let batch = args.batch.max(1);
    let mut written = Written::default();
    let mut pending: Vec<Story> = Vec::with_capacity(batch.min(4096));
    let mut error: Option<rusqlite::Error> = None;
    let result = run.each(|story| {
        pending.push(story);
        if pending.len() >= batch {
            if let Err(e) = write_batch(&mut conn, &mut pending, &mut written) {
                error = Some(e);
                return Err(std::io::Error::other("database write failed"));
            }
        }
        Ok(())
    });
    if let Some(e) = error {
        return Err(fail(e));
    }
    let (counts, progress) = result.map_err(|e| format!("cannot read the inputs: {e}"))?;
    write_batch(&mut conn, &mut pending, &mut written).map_err(fail)?;
    if written.replaced > 0 {
        conn.execute(
            "DELETE FROM speakers WHERE key NOT IN (SELECT speaker_key FROM story_speakers)",
            [],
        )
        .map_err(fail)?;
    }
    conn.close().map_err(|(_, e)| fail(e))?;
    let made = format!(
        "{} stories added, {} replaced, {} unchanged; {} quotes, {} speakers, {} events written to {name}",
        written.added, written.replaced, written.unchanged, written.quotes, written.speakers, written.events
    );
    progress.finish_with(&summary(&counts, &made));
    Ok(counts.exit())
}

/// Sets the connection up and creates the schema where it is missing.
fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    // Write-ahead log, synced at checkpoints only: the fastest of the journal modes measured
    // (a rollback journal with a 64 MB cache took more time and twice the memory).
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // 32 MB of page cache instead of SQLite's 2 MB: the indexes' pages stay in memory between
    // batches, and the system time of a run over both shared corpora halves (1.0 -> 0.55 s).
    conn.pragma_update(None, "cache_size", -32768)?;
    // Links are not checked row by row (rusqlite's SQLite checks them by default): that cost a
    // tenth of the run, and every row is written from a story whose rows all go in together;
    // a replaced story's rows are deleted table by table (`delete_story`).
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.execute_batch(SCHEMA)?;
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
            r.get(0)
        })
        .optional()?;
    match version {
        None => {
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?1), ('generator', ?2)",
                params![SCHEMA_VERSION, concat!("statements ", env!("CARGO_PKG_VERSION"))],
            )?;
        }
        Some(v) if v == SCHEMA_VERSION => {}
        Some(v) => {
            return Err(rusqlite::Error::InvalidParameterName(format!(
                "the file has schema version {v}, this statements writes {SCHEMA_VERSION}: write a new file"
            )))
        }
    }
    Ok(())
}

/// Deletes story `id` and the rows that hang from it, table by table: the connection does
/// not enforce the schema's links (see `db_schema.sql`). Its statements leave the full-text
/// index by trigger.
fn delete_story(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    const DELETIONS: [&str; 7] = [
        "DELETE FROM event_parties WHERE event IN (SELECT event FROM events WHERE story = ?1)",
        "DELETE FROM event_participants WHERE event IN (SELECT event FROM events WHERE story = ?1)",
        "DELETE FROM events WHERE story = ?1",
        "DELETE FROM dates WHERE story = ?1",
        "DELETE FROM story_speakers WHERE story = ?1",
        "DELETE FROM quotes WHERE story = ?1",
        "DELETE FROM stories WHERE story = ?1",
    ];
    for sql in DELETIONS {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// Writes the stories waiting in one transaction.
fn write_batch(
    conn: &mut Connection,
    pending: &mut Vec<Story>,
    written: &mut Written,
) -> rusqlite::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for story in pending.drain(..) {
        write_story(&tx, &story, written)?;
    }
    index_quotes(&tx, &mut written.unindexed)?;
    tx.commit()
}

/// Adds the statements written since `from` to the full-text index, in one statement.
///
/// Rows get the next rowid above the largest, so the statements from the first one not yet
/// indexed on are exactly those not indexed, as long as none was deleted meanwhile: this runs
/// before every deletion too. One statement for many rows because FTS5 writes its pending
/// terms to disk at the start of every statement that writes it (SQLite's savepoint): a
/// trigger per row made each row a segment of the index, and merging them took 60 % of the run.
fn index_quotes(tx: &Transaction<'_>, from: &mut Option<i64>) -> rusqlite::Result<()> {
    if let Some(first) = from.take() {
        tx.prepare_cached(
            "INSERT INTO quotes_fts(rowid, text) SELECT quote, text FROM quotes WHERE quote >= ?1",
        )?
        .execute([first])?;
    }
    Ok(())
}

/// The `source` of a story: what identifies it from one run to the next (a story of a file
/// that holds several, a NewsML-G2 item, adds its part: `path#2`).
fn source(r: &Record) -> String {
    let whole = match (&r.path, &r.id) {
        (Some(p), _) => p.clone(),
        (None, Some(id)) => format!("id:{id}"),
        (None, None) => "-".to_string(),
    };
    match r.metadata.part {
        Some(part) => format!("{whole}#{part}"),
        None => whole,
    }
}

/// Lower-case hexadecimal, two digits a byte (a `format!` per byte was 30k instructions a
/// story).
fn hex(hash: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(hash.len() * 2);
    for b in hash {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// Adds, replaces or skips one story.
fn write_story(tx: &Transaction<'_>, story: &Story, written: &mut Written) -> rusqlite::Result<()> {
    let r = &story.record;
    let source = source(r);
    let hash = hex(&story.hash.unwrap_or_default());
    let known: Option<(i64, String)> = tx
        .prepare_cached("SELECT story, content_sha256 FROM stories WHERE source = ?1")?
        .query_row([&source], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    match known {
        Some((_, h)) if h == hash => {
            written.unchanged += 1;
            return Ok(());
        }
        Some((id, _)) => {
            // the deleted story's statements leave the index by trigger: the index must hold
            // every row before (see `index_quotes`)
            index_quotes(tx, &mut written.unindexed)?;
            delete_story(tx, id)?;
            written.replaced += 1;
        }
        None => written.added += 1,
    }
    let m = &r.metadata;
    tx.prepare_cached(
        "INSERT INTO stories (source, path, story_id, content_sha256, agency, place, date, \
         headline, byline, doc_type, issuer, speakers, quotes, events, dates) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        source,
        r.path,
        r.id,
        hash,
        m.agency,
        m.place,
        m.date,
        m.headline,
        m.byline,
        m.doc_type.map(|d| d.name()),
        m.issuer,
        n(r.speakers.len()),
        n(r.quotes.len()),
        n(r.events.len()),
        n(r.dates.len())
    ])?;
    let story_row = tx.last_insert_rowid();
    write_speakers(tx, story_row, r, &mut written.known)?;
    write_quotes(tx, story_row, r, &mut written.unindexed)?;
    write_events(tx, story_row, r)?;
    write_dates(tx, story_row, r)?;
    written.quotes += r.quotes.len();
    written.speakers += r.speakers.len();
    written.events += r.events.len();
    Ok(())
}

/// What the `speakers` table holds of each key, so that a speaker is written again only when
/// a story gives it a longer name or its first country (memory: one entry per distinct
/// speaker).
#[derive(Debug, Default)]
struct Known {
    speakers: std::collections::HashMap<String, (usize, bool)>,
}

impl Known {
    /// True when the row of `key` must be written for `name` and `country`.
    fn changes(&mut self, key: &str, name: &str, country: bool) -> bool {
        match self.speakers.get_mut(key) {
            Some((len, has_country)) => {
                let change = name.len() > *len || (country && !*has_country);
                *len = (*len).max(name.len());
                *has_country |= country;
                change
            }
            None => {
                self.speakers.insert(key.to_string(), (name.len(), country));
                true
            }
        }
    }
}

fn write_speakers(
    tx: &Transaction<'_>,
    story: i64,
    r: &Record,
    known: &mut Known,
) -> rusqlite::Result<()> {
    let mut upsert = tx.prepare_cached(
        "INSERT INTO speakers (key, name, kind, country) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(key) DO UPDATE SET \
           name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END, \
           country = coalesce(country, excluded.country)",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO story_speakers (story, speaker_id, speaker_key, name, kind, title, country, \
         mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for row in speaker_rows(r) {
        if known.changes(&row.speaker_key, row.name, row.country.is_some()) {
            upsert.execute(params![row.speaker_key, row.name, row.kind, row.country])?;
        }
        insert.execute(params![
            story,
            row.speaker_id,
            row.speaker_key,
            row.name,
            row.kind,
            row.title,
            row.country,
            n(row.mentions)
        ])?;
    }
    Ok(())
}

fn write_quotes(
    tx: &Transaction<'_>,
    story: i64,
    r: &Record,
    unindexed: &mut Option<i64>,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO quotes (story, quote_id, kind, role, speaker_id, speaker_key, speaker_name, \
         speaker_mention, cue, reply_to, start, \"end\", text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let story_columns = statements::output::archive::rows::StoryColumns::of(r);
    for q in &r.quotes {
        let row = statements::output::archive::rows::quote_row(r, story_columns, q);
        insert.execute(params![
            story,
            row.quote_id,
            row.kind,
            row.role,
            row.speaker_id,
            row.speaker_key,
            row.speaker_name,
            row.speaker_mention,
            row.cue,
            q.reply_to,
            n(row.start),
            n(row.end),
            row.text
        ])?;
        unindexed.get_or_insert(tx.last_insert_rowid());
    }
    Ok(())
}

fn write_events(tx: &Transaction<'_>, story: i64, r: &Record) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO events (story, event_no, date, date_text, date_precision, date_source, \
         event_type, mode, cameo, goldstein, status, place, joint, trigger, quote_id, start, \
         \"end\", text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut party = tx.prepare_cached(
        "INSERT INTO event_parties (event, role, position, name, speaker_id, key, country, sector) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut participant = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_participants (event, speaker_id, speaker_key) VALUES (?1, ?2, ?3)",
    )?;
    for (row, e) in event_rows(r).zip(&r.events) {
        insert.execute(params![
            story,
            n(row.event_no),
            row.date,
            row.date_text,
            precision_name(e.date_precision),
            e.date_source,
            row.event_type,
            row.mode,
            row.cameo,
            row.goldstein,
            row.status,
            row.place,
            row.joint,
            row.trigger,
            row.quote_id,
            n(row.start),
            n(row.end),
            row.text
        ])?;
        let event = tx.last_insert_rowid();
        let roles = [("actor", &e.actors), ("recipient", &e.recipients)];
        for (role, parties) in roles {
            for (i, p) in parties.iter().enumerate() {
                party.execute(params![
                    event,
                    role,
                    n(i + 1),
                    p.name,
                    p.speaker_id,
                    party_key(r, p),
                    p.country,
                    p.sector
                ])?;
            }
        }
        for id in &e.participants {
            let key = r.speakers.iter().find(|s| &s.id == id).map(speaker_key);
            participant.execute(params![event, id, key])?;
        }
    }
    Ok(())
}

/// A count or offset as SQLite stores it.
fn n(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

fn write_dates(tx: &Transaction<'_>, story: i64, r: &Record) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO dates (story, date_no, text, start, \"end\", value, type) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, d) in r.dates.iter().enumerate() {
        let ty = date_type_name(d.date_type);
        insert.execute(params![
            story,
            n(i + 1),
            d.text,
            n(d.start),
            n(d.end),
            d.value,
            ty
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn hex_writes_two_lower_case_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
        assert_eq!(hex(&[]), "");
    }
}
