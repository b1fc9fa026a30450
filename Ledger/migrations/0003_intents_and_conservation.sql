-- 0003: projection "intents": every write-ahead intent (write.requested, schema.change.requested) and how far it
-- got, so "what is in doubt" is a query and resuming never scans the log; projection "conservation": each source
-- record's latest disposition, so "extracted = written + rejected + excluded + pending" is a query per object.
-- A ledger written before this migration gets the tables empty; opening it for writing folds its events into them.

CREATE TABLE intents (
    seq           INTEGER PRIMARY KEY,  -- the intent's event
    kind          TEXT    NOT NULL,     -- write | schema
    intent_id     TEXT    NOT NULL,     -- batchId or changeId
    run_id        TEXT    NOT NULL,
    object        TEXT    NOT NULL,     -- the Twenty object
    source_object TEXT,                 -- the source object of a write's items, when recorded
    op            TEXT    NOT NULL,     -- create, update, destroy, ... or createField, updateField, ...
    items         INTEGER NOT NULL,     -- records in the batch (1 for a schema change)
    settled       INTEGER NOT NULL DEFAULT 0,  -- items with an outcome event
    state         TEXT    NOT NULL,     -- pending | applied | failed | resolved
    outcome_seq   INTEGER               -- the event that moved it out of pending
);

CREATE INDEX intents_by_id ON intents (kind, intent_id);

-- The intents a crash may have left half-done: called, perhaps applied, outcome not recorded.
CREATE VIEW intents_in_doubt AS
    SELECT seq, kind, intent_id, run_id, object, source_object, op, items, settled
    FROM intents
    WHERE state = 'pending'
    ORDER BY seq;

CREATE TABLE source_dispositions (
    object      TEXT    NOT NULL,  -- the source object
    source_id   TEXT    NOT NULL,
    disposition TEXT    NOT NULL,  -- transformed | rejected | excluded | written | refused
    twenty_id   TEXT,              -- for written records
    seq         INTEGER NOT NULL,  -- the event that decided it
    PRIMARY KEY (object, source_id)
) WITHOUT ROWID;

CREATE INDEX source_dispositions_by_twenty_id ON source_dispositions (twenty_id) WHERE twenty_id IS NOT NULL;

-- Per source object: every record of the latest snapshot counted once, in exactly one column. `pending` holds
-- records not yet transformed, transformed but not written, or whose write failed and may be retried;
-- `rejected` counts the transform's rejections and the records Twenty refused for good.
CREATE VIEW conservation AS
    SELECT r.object,
           count(*)                                                            AS extracted,
           sum(coalesce(d.disposition = 'written', 0))                         AS written,
           sum(coalesce(d.disposition IN ('rejected', 'refused'), 0))          AS rejected,
           sum(coalesce(d.disposition = 'excluded', 0))                        AS excluded,
           sum(d.disposition IS NULL OR d.disposition = 'transformed')         AS pending
    FROM source_records r
    LEFT JOIN source_dispositions d ON d.object = r.object AND d.source_id = r.source_id
    WHERE r.content_hash IS NOT NULL
    GROUP BY r.object;
