/// A finished export in memory: each file's bytes, and the answer key that describes them.
public struct RenderedExport: Sendable {
    public let files: [(path: String, bytes: [UInt8])]
    public let key: AnswerKey
}

extension ExportDraft {
    /// The files and their answer key. Checks first that every reference outside a planted defect resolves to
    /// exactly one record: a writer that cannot keep that promise stops rather than hand out a wrong key.
    func render(seed: UInt64) throws -> RenderedExport {
        let linesByFile = Dictionary(uniqueKeysWithValues: files.map { ($0.path, FileEncoding.lines(of: $0)) })
        func line(_ path: String, _ tag: Int) -> Int { linesByFile[path]![file(path).index(ofTag: tag)!] }

        try checkReferences(line: line)

        let defects = flaws.map { flaw in
            let row = file(flaw.path).rows[file(flaw.path).index(ofTag: flaw.tag)!]
            return DefectTruth(
                kind: flaw.kind.rawValue, file: flaw.path, line: line(flaw.path, flaw.tag),
                recordId: file(flaw.path).recordId(row), field: flaw.field, detail: flaw.detail)
        }
        .sorted { ($0.file, $0.line, $0.kind) < ($1.file, $1.line, $1.kind) }

        let truths = files.map { file in
            FileTruth(
                path: file.path, role: file.role.rawValue, keyColumns: file.keyColumns, keyKind: file.keyKind,
                labelColumn: file.labelColumn, records: file.rows.count,
                columns: file.columns.map { column in
                    ColumnTruth(
                        name: column.name, standard: column.standard, target: column.target, kind: column.kind.rawValue,
                        format: column.format,
                        reference: column.reference.map { ReferenceTruth(file: $0.file, by: $0.by.rawValue) })
                })
        }
        let relations = files.flatMap { file in
            file.columns.compactMap { column in
                column.reference.map {
                    RelationTruth(file: file.path, column: column.name, targetFile: $0.file, by: $0.by.rawValue)
                }
            }
        }
        let key = AnswerKey(
            about: about, writer: "write-foreign-export", style: style, seed: seed, files: truths, relations: relations,
            polymorphic: polymorphs.map {
                PolymorphicTruth(file: $0.path, typeColumn: $0.typeColumn, idColumn: $0.idColumn, targets: $0.targets)
            },
            defects: defects)
        return RenderedExport(files: files.map { ($0.path, FileEncoding.bytes(of: $0)) }, key: key)
    }

    private func checkReferences(line: (String, Int) -> Int) throws {
        let flawed = Set(flaws.map { FlawSpot(tag: $0.tag, field: $0.field) })
        for file in files {
            for column in file.columns {
                guard let reference = column.reference else { continue }
                let target = self.file(reference.file)
                guard let lookup = target.column(for: reference.by) else {
                    throw ForeignExportError.inconsistent(
                        "\(file.path) \(column.name) points at a column \(reference.file) lacks")
                }
                let folds = reference.by == .email || reference.by == .domain
                var counts: [String: Int] = [:]
                for row in target.rows { counts[folds ? row[lookup].lowercased() : row[lookup], default: 0] += 1 }
                for row in file.rows
                where !row[column.name].isEmpty && !flawed.contains(FlawSpot(tag: row.tag, field: column.name)) {
                    let value = folds ? row[column.name].lowercased() : row[column.name]
                    // By id a repeated key is the duplicate-id defect itself; by name or email it must be unique.
                    let found = counts[value] ?? 0
                    if found == 0 || (found > 1 && reference.by != .id) {
                        throw ForeignExportError.inconsistent(
                            "\(file.path):\(line(file.path, row.tag)) \(column.name) \"\(row[column.name])\" matches \(found) records of \(reference.file)"
                        )
                    }
                }
            }
        }
        for polymorph in polymorphs {
            let idsByType = polymorph.targets.mapValues { path in
                Set(self.file(path).rows.map { $0[self.file(path).keyColumns[0]] })
            }
            for row in file(polymorph.path).rows
            where !flawed.contains(FlawSpot(tag: row.tag, field: polymorph.idColumn)) {
                guard !row[polymorph.typeColumn].isEmpty else { continue }
                guard idsByType[row[polymorph.typeColumn]]?.contains(row[polymorph.idColumn]) == true else {
                    throw ForeignExportError.inconsistent(
                        "\(polymorph.path):\(line(polymorph.path, row.tag)) \(row[polymorph.typeColumn]) \(row[polymorph.idColumn]) does not exist"
                    )
                }
            }
        }
    }
}

private struct FlawSpot: Hashable {
    let tag: Int
    let field: String?
}
