-- 0001: the append-only event log, its guards, and the first projections.
-- Released; never edited. Later changes are new files, applied in name order.

-- The log. `seq` is gap-free from 1; `hash` = SHA-256 over `prev_hash` and the event's canonical bytes
-- (see EVENTS.md, "How an event is hashed"); `prev_hash` of event 1 is 64 zeros.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT    NOT NULL,   -- ISO 8601 UTC with milliseconds, fixed width: text order is time order
    run_id      TEXT    NOT NULL,   -- the command invocation (writer session) that appended the event
    type        TEXT    NOT NULL,   -- one of the types in EVENTS.md
    object      TEXT,               -- source or Twenty object the event is about, copied from the payload
    source_id   TEXT,               -- source record id, copied from the payload
    twenty_id   TEXT,               -- Twenty record id, copied from the payload
    payload     TEXT    NOT NULL,   -- canonical JSON
    prev_hash   TEXT    NOT NULL,   -- lower-case hex
    hash        TEXT    NOT NULL    -- lower-case hex
);

CREATE INDEX events_by_source_record ON events (object, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX events_by_twenty_record ON events (twenty_id) WHERE twenty_id IS NOT NULL;

-- Append-only, enforced by the database itself for every connection, including a raw sqlite3 shell.
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: events cannot be updated');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: events cannot be deleted');
END;

-- Appends continue the chain: event N must name event N-1's hash (event 1: 64 zeros). With the primary key and
-- the refusal of deletes, that leaves the next sequence number as the only place an event can go.
CREATE TRIGGER events_append_in_order BEFORE INSERT ON events
WHEN NOT (
    (NEW.seq = 1 AND NEW.prev_hash = hex(zeroblob(32)))
    OR EXISTS (SELECT 1 FROM events WHERE seq = NEW.seq - 1 AND hash = NEW.prev_hash))
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: an event must take the next sequence number and chain to the last hash');
END;

-- Each projection records the last sequence number it has folded, in the same transaction as the events.
CREATE TABLE projection_cursors (
    projection TEXT PRIMARY KEY,
    last_seq   INTEGER NOT NULL
) WITHOUT ROWID;

-- Projection "twenty-state": what the tool believes Twenty holds for every record it wrote.
CREATE TABLE twenty_records (
    object       TEXT    NOT NULL,  -- Twenty object (singular name)
    twenty_id    TEXT    NOT NULL,
    source_id    TEXT,              -- null for records the tool did not create from a source record
    "values"     TEXT    NOT NULL,  -- canonical JSON of the fields last written
    soft_deleted INTEGER NOT NULL DEFAULT 0,
    last_seq     INTEGER NOT NULL,  -- the event that last changed this row
    PRIMARY KEY (object, twenty_id)
) WITHOUT ROWID;

CREATE INDEX twenty_records_by_source ON twenty_records (object, source_id);

-- Projection "inverse-stream": for every mutation, what undoes it; rollback replays the rows not yet
-- compensated, newest first, appending a rollback.compensated event per step.
CREATE TABLE inverse_actions (
    seq            INTEGER PRIMARY KEY,  -- the mutation's event
    run_id         TEXT    NOT NULL,
    object         TEXT    NOT NULL,
    twenty_id      TEXT,
    compensation   TEXT    NOT NULL,     -- canonical JSON: {action, object, twentyId, values | schema}
    compensated_by INTEGER               -- the rollback.compensated event, once undone
);

-- Views for auditors.
CREATE VIEW inverse_stream AS
    SELECT seq, run_id, object, twenty_id, compensation
    FROM inverse_actions
    WHERE compensated_by IS NULL
    ORDER BY seq DESC;

CREATE VIEW runs AS
    SELECT run_id,
           min(recorded_at) AS started_at,
           max(recorded_at) AS last_event_at,
           min(seq)         AS first_seq,
           max(seq)         AS last_seq,
           count(*)         AS events
    FROM events
    GROUP BY run_id;

CREATE VIEW rejections AS
    SELECT seq, recorded_at, run_id, object, source_id,
           json_extract(payload, '$.file')    AS file,
           json_extract(payload, '$.line')    AS line,
           json_extract(payload, '$.reasons') AS reasons
    FROM events
    WHERE type = 'record.rejected';
