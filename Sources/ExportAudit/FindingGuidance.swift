import Reports

/// How serious each kind of audit finding is and what a person does about it: the audit page groups its findings
/// by this, so the first screen says what to fix before migrating and what only to know.
enum FindingGuidance {
    static func of(_ kind: String) -> (severity: Severity, whatToDo: String) {
        table[kind] ?? (.decision, "Read the examples and decide whether the source needs fixing before the migration.")
    }

    private static let table: [String: (severity: Severity, whatToDo: String)] = [
        "missing-required": (
            .blocking, "Fill the value in the source and export again, or accept that these records are rejected."
        ),
        "duplicate-id": (
            .blocking, "Give the later records their own ids in the source; as they are, only the first is migrated."
        ),
        "parent-cycle": (.blocking, "Break the loop: clear one company's parent in the source."),
        "unterminated-quote": (
            .blocking, "Close the quote in the source file and export again: the rest of the file is unreadable."
        ),
        "invalid-json": (.blocking, "Repair or re-export the file: the element is skipped."),
        "invalid-utf8": (.blocking, "Re-export the file as UTF-8, or pass --encoding for it."),
        "ragged-row": (.blocking, "Re-export the file: cells have shifted columns in these rows."),
        "nul-byte": (.blocking, "Remove the NUL bytes in the source: they are dropped otherwise."),
        "attachment-missing-file": (.blocking, "Add the files to files/ or accept these attachments are not migrated."),
        "attachment-size-mismatch": (.blocking, "Re-export the attachments: the file is not the one listed."),
        "attachment-hash-mismatch": (.blocking, "Re-export the attachments: the file is not the one listed."),
        "no-key": (.decision, "Add an id column, or accept that a reordered export will look like new records."),
        "duplicate-email": (.decision, "Merge the contacts in the source, or let the map's duplicate policy decide."),
        "duplicate-domain": (.decision, "Merge the companies in the source, or let the map's duplicate policy decide."),
        "orphan-company": (
            .decision, "Fix the reference or accept the link is dropped (the map's missing-parent policy)."
        ),
        "orphan-contact": (
            .decision, "Fix the reference or accept the link is dropped (the map's missing-parent policy)."
        ),
        "orphan-related": (.decision, "Fix the reference or accept the task, note or attachment loses its link."),
        "ambiguous-reference": (
            .decision, "Reference by id in the source, or rename one of the records sharing the name."
        ),
        "unknown-owner": (
            .decision, "Add the person to the owner map (owners in map.yaml) or let the fallback owner take them."
        ),
        "invalid-phone": (.decision, "Correct the number, or let the map's invalid-phone policy keep it as text."),
        "invalid-email": (.decision, "Correct the address in the source, or accept it is left out."),
        "stale-contact": (.decision, "Keep them, or exclude them with --exclude stale-contacts."),
        "parent-self": (.decision, "Clear the parent: a company cannot be its own parent in Twenty."),
        "duplicate-file": (.decision, "Remove the copy the export should not hold; the one nearest the root is read."),
        "encoding": (.notice, "Nothing, unless accented letters look wrong: then pass --encoding."),
        "banner-line": (.notice, "Nothing: the line before the header is skipped."),
        "empty-file": (.notice, "Nothing, unless the file should hold records: then export again."),
        "duplicate-header": (.notice, "Rename one of the columns if both are wanted: only the first is read."),
        "empty-header": (.notice, "Name the column if its values are wanted."),
        "stray-quote": (.notice, "Nothing: the quote is kept as text."),
    ]
}
