#!/usr/bin/env python3
"""Recompute a crm-migrate ledger's hash chain with Python's standard library only.

Usage: verify-ledger.py PROJECT_DIR/ledger.sqlite
Exit 0 when the chain is intact (prints the head), 1 naming the first bad sequence number.
The rules are in Ledger/EVENTS.md, "How an event is hashed"; this script is their second implementation.
"""
import hashlib
import json
import sqlite3
import sys


def text(value):
    # Canonical strings escape only ", \ and control characters; json.dumps(ensure_ascii=False) does exactly that.
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def main(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    previous, expected = "0" * 64, 1
    rows = db.execute(
        "SELECT seq, recorded_at, run_id, type, object, source_id, twenty_id, payload, prev_hash, hash"
        " FROM events ORDER BY seq")
    for seq, at, run, kind, obj, source, twenty, payload, prev_hash, stored in rows:
        if seq != expected:
            print(f"FAILED at event {expected}: sequence jumps to {seq}")
            return 1
        if prev_hash != previous:
            print(f"FAILED at event {seq}: prev_hash does not match event {seq - 1}")
            return 1
        envelope = (
            f'{{"object":{text(obj)},"payload":{payload},"recorded_at":{text(at)},"run_id":{text(run)},'
            f'"seq":{seq},"source_id":{text(source)},"twenty_id":{text(twenty)},"type":{text(kind)}}}')
        if hashlib.sha256((previous + envelope).encode("utf-8")).hexdigest() != stored:
            print(f"FAILED at event {seq}: content does not match its hash")
            return 1
        previous, expected = stored, expected + 1
    print(f"OK {expected - 1} events, head {previous}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
