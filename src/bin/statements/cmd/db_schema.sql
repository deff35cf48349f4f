-- The schema `statements db` writes (created when missing; a file made by this version is
-- added to as it is). One row per story, per speaker of a story, per statement, per event,
-- per party of an event and per date expression, as in the JSON records; `speakers` holds
-- each speaker once across stories, by key. Rows of a story go when the story is replaced
-- (ON DELETE CASCADE), and its statements leave the full-text index with them (a trigger).
-- Statements enter the full-text index once per batch, in one statement written by `statements
-- db` (a trigger per row made SQLite write the index to disk at every row: 60 % of the run).
-- The tables of links are WITHOUT ROWID: their key is their only index.
-- The REFERENCES clauses document the links and cascade for a connection that turns
-- `PRAGMA foreign_keys` on; `statements db` itself deletes a replaced story's rows table by
-- table, as checking every link of every row inserted cost a tenth of its run.

CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
  story INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,        -- the path, `id:` and the --jsonl id, or `-` (stdin)
  path TEXT,
  story_id TEXT,
  content_sha256 TEXT NOT NULL,       -- of the input bytes (a --jsonl line: the line)
  agency TEXT, place TEXT, date TEXT, headline TEXT, byline TEXT, doc_type TEXT, issuer TEXT,
  speakers INTEGER NOT NULL, quotes INTEGER NOT NULL, events INTEGER NOT NULL,
  dates INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_date ON stories(date);
CREATE INDEX IF NOT EXISTS stories_agency ON stories(agency);

CREATE TABLE IF NOT EXISTS speakers (
  key TEXT PRIMARY KEY,               -- the speaker across stories (README: speaker keys)
  name TEXT NOT NULL,                 -- the fullest name given
  kind TEXT NOT NULL,
  country TEXT
);

CREATE TABLE IF NOT EXISTS story_speakers (
  story INTEGER NOT NULL REFERENCES stories(story) ON DELETE CASCADE,
  speaker_id TEXT NOT NULL,           -- `s1` in its story
  speaker_key TEXT NOT NULL REFERENCES speakers(key),
  name TEXT NOT NULL, kind TEXT NOT NULL, title TEXT, country TEXT,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (story, speaker_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_speakers_key ON story_speakers(speaker_key);

CREATE TABLE IF NOT EXISTS quotes (
  quote INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(story) ON DELETE CASCADE,
  quote_id TEXT NOT NULL,             -- `q1` in its story
  kind TEXT NOT NULL, role TEXT,
  speaker_id TEXT, speaker_key TEXT REFERENCES speakers(key), speaker_name TEXT,
  speaker_mention TEXT, cue TEXT, reply_to TEXT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (story, quote_id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
  text, content='quotes', content_rowid='quote'
);
-- Files written before the index was filled per batch had a trigger per row.
DROP TRIGGER IF EXISTS quotes_fts_insert;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.quote, old.text);
END;

CREATE TABLE IF NOT EXISTS events (
  event INTEGER PRIMARY KEY,
  story INTEGER NOT NULL REFERENCES stories(story) ON DELETE CASCADE,
  event_no INTEGER NOT NULL,          -- its place in its story's `events`, from 1
  date TEXT, date_text TEXT, date_precision TEXT NOT NULL,
  date_source TEXT,                   -- `text`, `story` (an undated act dated by its story) or NULL
  event_type TEXT, mode TEXT, cameo TEXT, goldstein REAL,
  status TEXT NOT NULL, place TEXT, joint INTEGER NOT NULL,
  trigger TEXT, quote_id TEXT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (story, event_no)
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type);

CREATE TABLE IF NOT EXISTS event_parties (
  event INTEGER NOT NULL REFERENCES events(event) ON DELETE CASCADE,
  role TEXT NOT NULL,                 -- `actor` or `recipient`
  position INTEGER NOT NULL,          -- from 1, in the event's list
  name TEXT NOT NULL,
  speaker_id TEXT, key TEXT,          -- its speaker in the story; its key across stories
  country TEXT, sector TEXT,
  PRIMARY KEY (event, role, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_parties_key ON event_parties(key);

CREATE TABLE IF NOT EXISTS event_participants (
  event INTEGER NOT NULL REFERENCES events(event) ON DELETE CASCADE,
  speaker_id TEXT NOT NULL,
  speaker_key TEXT REFERENCES speakers(key),
  PRIMARY KEY (event, speaker_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_participants_key ON event_participants(speaker_key);

CREATE TABLE IF NOT EXISTS dates (
  story INTEGER NOT NULL REFERENCES stories(story) ON DELETE CASCADE,
  date_no INTEGER NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  value TEXT NOT NULL, type TEXT NOT NULL,
  PRIMARY KEY (story, date_no)
) WITHOUT ROWID;

CREATE VIEW IF NOT EXISTS speaker_stats AS
  SELECT s.key, s.name, s.kind, s.country,
    (SELECT count(*) FROM quotes q WHERE q.speaker_key = s.key) AS statements,
    count(DISTINCT ss.story) AS stories,
    min(CASE WHEN st.date GLOB '[0-9]*' THEN st.date END) AS first_date,
    max(CASE WHEN st.date GLOB '[0-9]*' THEN st.date END) AS last_date
  FROM speakers s
  JOIN story_speakers ss ON ss.speaker_key = s.key
  JOIN stories st ON st.story = ss.story
  GROUP BY s.key;
