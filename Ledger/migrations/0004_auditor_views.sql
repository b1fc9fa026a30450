-- 0004: views that answer an auditor's three questions from `sqlite3 ledger.sqlite` (see AUDITING.md):
-- what happened to record X (`record_history`), what did run R write (`run_writes`), what is still in doubt
-- (`in_doubt`); and `record_ids`, which Twenty record each source record became.
-- They read the events and the intents projection only, through indexes; nothing here is folded on append.

-- Run starts and reconciliations are a handful of events among a million: partial indexes find them without adding
-- an index entry for any of the record events that make up the bulk of a ledger. (One index per type: SQLite uses
-- a partial index only when the query's own condition is the index's condition.)
CREATE INDEX events_run_starts ON events (run_id) WHERE type = 'run.started';
CREATE INDEX events_reconciliations ON events (seq) WHERE type = 'reconciliation.computed';

-- Each source record and the Twenty record(s) it became: the id its transform decided (deterministic, so it is
-- known before the write), and the existing record a merge (`onCollision: merge`) updated instead.
-- (The views are DISTINCT over UNION ALL arms, not UNIONs: SQLite pushes a query's WHERE into each arm of a UNION ALL
-- and so reads through the indexes, where a UNION would be computed whole first. CROSS JOIN fixes the order of a
-- join where reading the record's few events first is the fast way round.)
CREATE VIEW record_ids AS
    SELECT DISTINCT source_object, source_id, target_object, twenty_id FROM (
        SELECT t.object                                  AS source_object,
               t.source_id                               AS source_id,
               json_extract(t.payload, '$.targetObject') AS target_object,
               json_extract(t.payload, '$.values.id')    AS twenty_id
        FROM events t
        WHERE t.type = 'record.transformed' AND t.source_id IS NOT NULL
        UNION ALL
        SELECT t.object, t.source_id, m.object, m.twenty_id
        FROM events t
        JOIN events m ON m.object = json_extract(t.payload, '$.targetObject') AND m.source_id = t.source_id
            AND m.type = 'record.updated' AND m.twenty_id IS NOT NULL
        WHERE t.type = 'record.transformed' AND t.source_id IS NOT NULL);

-- Every event that touched one source record, from extraction to rollback. Query it by both columns of the
-- record's identity (a source id is unique within its object only), so every arm reads through an index:
--     SELECT seq, recorded_at, type, run_mode FROM record_history
--     WHERE source_object = 'contacts' AND source_id = 'C-0042' ORDER BY seq;
CREATE VIEW record_history AS
    SELECT DISTINCT h.source_object, h.source_id, h.twenty_id, h.seq, h.recorded_at, h.run_id,
           (SELECT json_extract(s.payload, '$.mode') FROM events s
            WHERE s.type = 'run.started' AND s.run_id = h.run_id) AS run_mode,
           h.type, h.object, h.payload
    FROM (
        -- The source side: extraction, transform, rejection, exclusion, unresolved links, file uploads.
        SELECT e.object AS source_object, e.source_id, e.twenty_id, e.seq, e.recorded_at, e.run_id, e.type,
               e.object, e.payload
        FROM events e
        WHERE e.source_id IS NOT NULL AND e.type NOT IN ('record.created', 'record.updated', 'record.deleted')
        UNION ALL
        -- The Twenty side, by Twenty id: writes, deletes, compensations, kept records, failed compensations.
        SELECT r.source_object, r.source_id, r.twenty_id, e.seq, e.recorded_at, e.run_id, e.type, e.object,
               e.payload
        FROM record_ids r
        JOIN events e ON e.twenty_id = r.twenty_id
        UNION ALL
        -- The write-ahead intent of each write, through the outcome's batch id.
        SELECT r.source_object, r.source_id, r.twenty_id, w.seq, w.recorded_at, w.run_id, w.type, w.object,
               w.payload
        FROM record_ids r
        CROSS JOIN events o ON o.twenty_id = r.twenty_id
            AND o.type IN ('record.created', 'record.updated', 'record.deleted')
        CROSS JOIN intents i ON i.kind = 'write' AND i.intent_id = json_extract(o.payload, '$.batchId')
            AND i.seq < o.seq
        JOIN events w ON w.seq = i.seq
        UNION ALL
        -- The intent of each rollback step, through the compensation's batch id.
        SELECT r.source_object, r.source_id, r.twenty_id, q.seq, q.recorded_at, q.run_id, q.type, q.object,
               q.payload
        FROM record_ids r
        CROSS JOIN events c ON c.twenty_id = r.twenty_id
            AND c.type IN ('rollback.compensated', 'compensation.failed')
        CROSS JOIN intents i ON i.kind = 'compensation' AND i.intent_id = json_extract(c.payload, '$.batchId')
            AND i.seq < c.seq
        JOIN events q ON q.seq = i.seq
        UNION ALL
        -- Write intents that never had an outcome for the record (refused, in doubt, settled by a read-back), and
        -- the event that settled them. Only intents not applied are opened, and those are few.
        SELECT r.source_object, r.source_id, r.twenty_id, x.seq, x.recorded_at, x.run_id, x.type, x.object,
               x.payload
        FROM record_ids r
        JOIN intents i ON i.kind = 'write' AND i.state <> 'applied' AND i.object = r.target_object
        JOIN events w ON w.seq = i.seq
        JOIN events x ON x.seq IN (i.seq, i.outcome_seq)
        WHERE EXISTS (
            SELECT 1 FROM json_each(w.payload, '$.items') item
            WHERE json_extract(item.value, '$.twentyId') = r.twenty_id)
        UNION ALL
        -- Reconciliations after Twenty first held the record: each compared it (its object's figures are in the
        -- payload's summary).
        SELECT r.source_object, r.source_id, r.twenty_id, x.seq, x.recorded_at, x.run_id, x.type, x.object,
               x.payload
        FROM record_ids r
        JOIN events x ON x.type = 'reconciliation.computed'
            AND x.seq > (SELECT min(o.seq) FROM events o WHERE o.twenty_id = r.twenty_id)
    ) h;

-- What each run asked Twenty to write, item by item, and what came of it: the outcome event (possibly recorded by
-- a later run that resolved a doubt), or none when the write was refused or is still in doubt.
--     SELECT op, object, intent_state, count(*) FROM run_writes WHERE run_id = 'run-...' GROUP BY 1, 2, 3;
CREATE VIEW run_writes AS
    SELECT i.run_id, i.seq AS intent_seq, w.recorded_at, i.intent_id AS batch_id, i.op, i.object, i.source_object,
           i.state AS intent_state,
           json_extract(item.value, '$.sourceId') AS source_id,
           json_extract(item.value, '$.twentyId') AS twenty_id,
           (SELECT o.seq FROM events o
            WHERE o.twenty_id = json_extract(item.value, '$.twentyId') AND o.seq > i.seq
                AND o.type IN ('record.created', 'record.updated', 'record.deleted')
                AND json_extract(o.payload, '$.batchId') = i.intent_id
            ORDER BY o.seq LIMIT 1) AS outcome_seq
    FROM intents i
    JOIN events w ON w.seq = i.seq
    JOIN json_each(w.payload, '$.items') item
    WHERE i.kind = 'write';

-- What a crash left in doubt, item by item: called, perhaps applied, no outcome recorded. The next command that
-- writes reads Twenty back for each before anything is sent again. Schema changes show once, without an item.
--     SELECT kind, op, object, source_id, twenty_id FROM in_doubt;
CREATE VIEW in_doubt AS
    SELECT i.seq AS intent_seq, w.recorded_at, i.run_id, i.kind, i.intent_id, i.op, i.object, i.source_object,
           json_extract(item.value, '$.sourceId') AS source_id,
           coalesce(json_extract(item.value, '$.twentyId'), json_extract(item.value, '$.compensation.twentyId'))
               AS twenty_id,
           json_extract(item.value, '$.compensates') AS compensates
    FROM intents i
    JOIN events w ON w.seq = i.seq
    LEFT JOIN json_each(w.payload, '$.items') item
    WHERE i.state = 'pending'
        AND NOT EXISTS (
            SELECT 1 FROM events o
            WHERE o.seq > i.seq
                AND o.twenty_id = coalesce(json_extract(item.value, '$.twentyId'),
                    json_extract(item.value, '$.compensation.twentyId'))
                AND json_extract(o.payload, '$.batchId') = i.intent_id);
