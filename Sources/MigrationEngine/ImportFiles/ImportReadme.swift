import Ledger

/// `README-import.md`: the files in the order to import them, how, and what Twenty's importer cannot carry, with
/// counts and the records left behind named.
struct ImportReadme {
    let summary: ImportFileSummary

    var text: String {
        var lines: [String] = [
            "# Files for Twenty's CSV import",
            "",
            "Written by `crm-migrate export-csv` from the ledger's transformed records that are not yet in Twenty: the",
            "same payloads `crm-migrate run` would send. Each file holds at most 10,000 rows, Twenty's limit.",
            "",
            "## Import them in this order",
            "",
            "Later files link to records of earlier ones (`Company (ID)` names a company's `Id`), so import each file",
            "only after the ones above it. In Twenty: open the object, choose Import, pick the file; the headers are",
            "Twenty's own field labels, so each column should match its field. Select values are option values.",
            "",
            "| # | file | Twenty object | rows | from |",
            "|---|---|---|---|---|",
        ]
        var number = 0
        for object in summary.objects {
            for file in object.files {
                number += 1
                lines.append(
                    "| \(number) | `\(file.name)` | \(object.target) | \(file.rows) | \(object.sourceObject) |")
            }
        }
        if number == 0 { lines.append("| - | no record is waiting to be written | | | |") }
        lines += [
            "",
            "A company whose parent company is later in the same file is imported without its parent: import that",
            "file twice (the import upserts on `Id`, so the second pass only adds the links).",
            "",
            "Cells that began with `=`, `+`, `-`, `@`, a tab or a carriage return begin with one space, so that no",
            "spreadsheet application runs them as a formula. Numbers, amounts and phone numbers read the same; a text",
            "field keeps the space.",
            "",
            "## What this path cannot carry",
            "",
        ]
        let links = summary.objects.reduce(0) { $0 + $1.links }
        lines.append(
            "- **Task and note targets**: \(links) links from tasks and notes to the records they are about. The tasks"
                + " and notes are in the files; their links are not (`crm-migrate run` writes them).")
        for target in ["attachment", "junction", "link"] {
            for left in summary.leftBehind where kind(left) == target {
                lines.append(
                    "- **\(left.sourceObject)** (\(left.sourceIds.count) records), \(left.reason). Not exported: "
                        + left.sourceIds.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
        }
        if !summary.leftBehind.contains(where: { kind($0) == "attachment" }) {
            lines.append("- **Attachments**: none waiting; a file cannot travel in a CSV file in any case.")
        }
        if !summary.leftBehind.contains(where: { kind($0) == "junction" }) {
            lines.append("- **Many-to-many links**: none waiting; the importer sets many-to-one relations only.")
        }
        let owners = summary.objects.reduce(0) { $0 + $1.owners }
        lines += [
            "- **Original ids**: Twenty gives every record a UUID; the export's own ids cannot be record ids. The `Id`"
                + " column holds the UUID crm-migrate derives from each source id (the one `run` would use, so the two"
                + " paths never duplicate a record), and the source id travels in the field the map writes it to, if"
                + " any.",
            "- **Owners**: \(owners) records name an owner, as the id of a workspace member. Members exist only once"
                + " people accept their invitation; a row whose owner is not a member of the workspace you import"
                + " into is refused or imported without its owner.",
            "",
            "## Records not in these files",
            "",
            "Every transformed record not yet written is in exactly one file above or named in the list above. Per",
            "source object, as the ledger counts the latest snapshot:",
            "",
            "| source object | in files | left behind | already in Twenty | rejected | excluded | not yet transformed |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in summary.conservation {
            let inFiles = summary.objects.filter { $0.sourceObject == row.object }.reduce(0) { $0 + $1.sourceIds.count }
            let left = summary.leftBehind.filter { $0.sourceObject == row.object }.reduce(0) { $0 + $1.sourceIds.count }
            let untransformed = max(0, row.pending - inFiles - left)
            lines.append(
                "| \(row.object) | \(inFiles) | \(left) | \(row.written) | \(row.rejected) | \(row.excluded) | "
                    + "\(untransformed) |")
        }
        lines += [
            "",
            "Records already in Twenty were written by `crm-migrate run` or `sample`; rejected and excluded records",
            "are listed in the audit and the ledger (`crm-migrate ledger log --type record.rejected`).",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    private func kind(_ left: ImportFileSummary.LeftBehind) -> String {
        if left.target == "attachment" { return "attachment" }
        if ImportFileExport.linkObjects.contains(left.target) { return "link" }
        return "junction"
    }
}
