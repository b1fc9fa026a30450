/// Planting defects in a drafted export without making any others. The rules that keep it exact:
/// - a record is changed at most once (`touched`), so every defect is alone on its record;
/// - a value other records point at (a key, a name, an email) is changed only on a *free* record, one nothing
///   points at, so no reference is orphaned or made ambiguous by accident;
/// - duplicates and namesakes are spare records added to the file, not existing ones renamed.
extension ExportDraft {
    /// The values of `path`'s records that some reference holds, per lookup.
    func referencedValues(of path: String) -> [Lookup: Set<String>] {
        var values: [Lookup: Set<String>] = [:]
        for reference in references(to: path) {
            for row in file(reference.file).rows where !row[reference.column].isEmpty {
                values[reference.by, default: []].insert(row[reference.column])
            }
        }
        for polymorph in polymorphs {
            let types = Set(polymorph.targets.filter { $0.value == path }.keys)
            for row in file(polymorph.path).rows where types.contains(row[polymorph.typeColumn]) {
                values[.id, default: []].insert(row[polymorph.idColumn])
            }
        }
        return values
    }

    /// Indices of untouched records of `path` meeting `condition` whose values in `changing` nothing points at
    /// (a reference by name cares about the name column, not the email column).
    func candidates(in path: String, changing: [String] = [], where condition: (DraftRow) -> Bool = { _ in true })
        -> [Int]
    {
        let file = file(path)
        let referenced = changing.isEmpty ? [:] : referencedValues(of: path)
        let guarded = referenced.compactMap { lookup, values in
            file.column(for: lookup).flatMap { changing.contains($0) ? ($0, values) : nil }
        }
        return file.rows.indices.filter { index in
            let row = file.rows[index]
            guard !touched.contains(row.tag), condition(row) else { return false }
            return guarded.allSatisfy { column, values in !values.contains(row[column]) }
        }
    }

    private mutating func flaw(_ kind: FlawKind, _ path: String, _ tag: Int, field: String?, _ detail: String) {
        flaws.append(Flaw(kind: kind, path: path, tag: tag, field: field, detail: detail))
        touched.insert(tag)
    }

    /// A spare record inserted after an existing one, with that record's id.
    mutating func plantDuplicateId(in path: String, spare: [String: String], _ dice: inout Dice) {
        let index = fileIndex(path)
        let keyColumn = files[index].keyColumns[0]
        let originals = candidates(in: path)
        let original = originals[dice.below(originals.count)]
        var cells = spare
        cells[keyColumn] = files[index].rows[original][keyColumn]
        let row = newRow(cells)
        let position = dice.within((original + 1)...files[index].rows.count)
        files[index].rows.insert(row, at: position)
        touched.insert(files[index].rows[original].tag)
        flaw(
            .duplicateId, path, row.tag, field: nil,
            "\(keyColumn) \(cells[keyColumn] ?? "") is already used on an earlier line")
    }

    /// A spare record given the label of a record others point at by name: their references become ambiguous
    /// (found and reported by `markAmbiguousReferences` once every other defect is planted).
    mutating func plantNamesake(in path: String, spare: [String: String], _ dice: inout Dice) {
        let index = fileIndex(path)
        guard let label = files[index].labelColumn else { preconditionFailure("\(path) has no label column") }
        var counts: [String: Int] = [:]
        for reference in references(to: path) where reference.by == .name {
            for row in file(reference.file).rows { counts[row[reference.column], default: 0] += 1 }
        }
        var pool = candidates(in: path) { (1...3).contains(counts[$0[label]] ?? 0) }
        if pool.isEmpty { pool = candidates(in: path) { !$0[label].isEmpty } }
        let original = pool[dice.below(pool.count)]
        var cells = spare
        cells[label] = files[index].rows[original][label]
        let row = newRow(cells)
        files[index].rows.insert(row, at: dice.within(0...files[index].rows.count))
        touched.insert(row.tag)
        touched.insert(files[index].rows.first { $0[label] == cells[label] && $0.tag != row.tag }!.tag)
        // The records that name it carry the ambiguity; no other defect goes on them.
        for reference in references(to: path) where reference.by == .name {
            for other in file(reference.file).rows where other[reference.column] == cells[label] {
                touched.insert(other.tag)
            }
        }
    }

    /// A later record given an earlier one's value in `column` (written differently by `variant`).
    mutating func plantRepeat(
        _ kind: FlawKind, in path: String, column: String, variant: (String) -> String, _ dice: inout Dice
    ) {
        let pool = candidates(in: path, changing: [column]) { !$0[column].isEmpty }
        var pair = [pool[dice.below(pool.count)], pool[dice.below(pool.count)]]
        while pair[0] == pair[1] { pair[1] = pool[dice.below(pool.count)] }
        pair.sort()
        let index = fileIndex(path)
        let value = files[index].rows[pair[0]][column]
        files[index].rows[pair[1]][column] = variant(value)
        touched.insert(files[index].rows[pair[0]].tag)
        flaw(kind, path, files[index].rows[pair[1]].tag, field: column, "\(value) is already used by an earlier record")
    }

    /// A record with `columns` emptied, so it lacks what Twenty requires: an existing one nothing points at by
    /// those columns, or else `spare` added to the file (a company file where every company has contacts).
    mutating func plantBlank(
        in path: String, columns: [String], field: String, detail: String, spare: [String: String]? = nil,
        _ dice: inout Dice
    ) {
        let index = fileIndex(path)
        let pool = candidates(in: path, changing: columns) { row in columns.allSatisfy { !row[$0].isEmpty } }
        let chosen: Int
        if pool.isEmpty, let spare {
            chosen = dice.within(0...files[index].rows.count)
            files[index].rows.insert(newRow(spare), at: chosen)
        } else {
            chosen = pool[dice.below(pool.count)]
        }
        for column in columns { files[index].rows[chosen][column] = "" }
        flaw(.missingRequired, path, files[index].rows[chosen].tag, field: field, detail)
    }

    /// The same value put into `count` records: each is its own defect of `kind` (three records with one invalid
    /// email are three invalid emails, not duplicates of each other).
    mutating func plantValue(
        _ kind: FlawKind, in path: String, column: String, value: String, count: Int = 1, free: Bool = false,
        detail: String, _ dice: inout Dice, where condition: (DraftRow) -> Bool = { _ in true }
    ) {
        let index = fileIndex(path)
        for _ in 0..<count {
            let pool = candidates(in: path, changing: free ? [column] : []) { !$0[column].isEmpty && condition($0) }
            let chosen = pool[dice.below(pool.count)]
            files[index].rows[chosen][column] = value
            flaw(kind, path, files[index].rows[chosen].tag, field: column, detail)
        }
    }

    /// Untouched records of `path` with no parent that are nobody's parent either.
    private func unrelatedToParents(_ path: String, parentColumn: String, by lookup: Lookup) -> [Int] {
        let file = file(path)
        guard let own = file.column(for: lookup) else { preconditionFailure("\(path) has no \(lookup) column") }
        let parents = Set(file.rows.map { $0[parentColumn] })
        return candidates(in: path) { $0[parentColumn].isEmpty && !$0[own].isEmpty && !parents.contains($0[own]) }
    }

    mutating func plantSelfParent(in path: String, parentColumn: String, by lookup: Lookup, _ dice: inout Dice) {
        let pool = unrelatedToParents(path, parentColumn: parentColumn, by: lookup)
        let index = fileIndex(path)
        let chosen = pool[dice.below(pool.count)]
        let own = files[index].rows[chosen][files[index].column(for: lookup)!]
        files[index].rows[chosen][parentColumn] = own
        flaw(.parentSelf, path, files[index].rows[chosen].tag, field: parentColumn, "\(own) is its own parent")
    }

    /// `size` records made each other's parents in a ring, reported once, at the ring's first line.
    mutating func plantParentLoop(
        in path: String, parentColumn: String, by lookup: Lookup, size: Int, _ dice: inout Dice
    ) {
        var pool = unrelatedToParents(path, parentColumn: parentColumn, by: lookup)
        dice.shuffle(&pool)
        let ring = Array(pool.prefix(size))
        let index = fileIndex(path)
        let own = files[index].column(for: lookup)!
        let values = ring.map { files[index].rows[$0][own] }
        for (position, member) in ring.enumerated() {
            files[index].rows[member][parentColumn] = values[(position + 1) % size]
            touched.insert(files[index].rows[member].tag)
        }
        let first = ring.min()!
        let start = ring.firstIndex(of: first)!
        let loop = (0...size).map { values[(start + $0) % size] }
        flaw(
            .parentCycle, path, files[index].rows[first].tag, field: parentColumn,
            "parent chain loops: \(loop.joined(separator: " -> "))")
    }

    /// Every reference by name or email that matches more than one record of its target: each is a defect.
    mutating func markAmbiguousReferences() {
        for file in files {
            for column in file.columns {
                guard let reference = column.reference, reference.by == .name || reference.by == .email else {
                    continue
                }
                let target = self.file(reference.file)
                guard let lookupColumn = target.column(for: reference.by) else { continue }
                var counts: [String: Int] = [:]
                for row in target.rows {
                    let value = reference.by == .email ? row[lookupColumn].lowercased() : row[lookupColumn]
                    counts[value, default: 0] += 1
                }
                for row in file.rows where !row[column.name].isEmpty {
                    let value = reference.by == .email ? row[column.name].lowercased() : row[column.name]
                    guard let count = counts[value], count > 1 else { continue }
                    flaw(
                        .ambiguousReference, file.path, row.tag, field: column.name,
                        "\"\(row[column.name])\" names \(count) records of \(reference.file)")
                }
            }
        }
    }
}
