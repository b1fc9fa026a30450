-- 0002: projection "source-delta": per source record, the history of its content across snapshots of the
-- export (a row where a snapshot extracted it or found it missing), so the delta between any two snapshots is
-- one query.
-- A ledger written before this migration gets the tables empty; opening it folds its events into them.

CREATE TABLE snapshots (
    snapshot      INTEGER PRIMARY KEY,  -- 1, 2, ... as in snapshot.taken
    seq           INTEGER NOT NULL,     -- the snapshot.taken event
    recorded_at   TEXT    NOT NULL,
    export_path   TEXT    NOT NULL,
    files         INTEGER NOT NULL,
    completed_seq INTEGER,              -- the snapshot.completed event, once every record is accounted for
    extracted     INTEGER,
    unchanged     INTEGER,
    missing       INTEGER
);

CREATE TABLE source_versions (
    object       TEXT    NOT NULL,
    source_id    TEXT    NOT NULL,
    snapshot     INTEGER NOT NULL,      -- the snapshot in which the record took this content
    content_hash TEXT,                  -- NULL: the record is absent from this snapshot on (record.missing)
    seq          INTEGER NOT NULL,      -- the event that recorded this version
    PRIMARY KEY (object, source_id, snapshot)
) WITHOUT ROWID;

-- Each source record's latest known content.
CREATE VIEW source_records AS
    SELECT v.object, v.source_id, v.snapshot AS changed_in_snapshot, v.content_hash, v.seq
    FROM source_versions v
    WHERE v.snapshot = (
        SELECT max(w.snapshot) FROM source_versions w WHERE w.object = v.object AND w.source_id = v.source_id);
