/// The kinds of defect this writer plants, named as the tool's audit names its findings.
public enum FlawKind: String, Sendable, CaseIterable, Comparable {
    case duplicateId = "duplicate-id"
    case duplicateEmail = "duplicate-email"
    case duplicateDomain = "duplicate-domain"
    case missingRequired = "missing-required"
    case invalidEmail = "invalid-email"
    case invalidPhone = "invalid-phone"
    case orphanCompany = "orphan-company"
    case orphanContact = "orphan-contact"
    case orphanRelated = "orphan-related"
    case parentSelf = "parent-self"
    case parentCycle = "parent-cycle"
    case unknownOwner = "unknown-owner"
    /// A reference by name (or email) that matches two records: the tool cannot know which one is meant.
    case ambiguousReference = "ambiguous-reference"

    public static func < (lhs: FlawKind, rhs: FlawKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A planted defect while its record's line is not yet known.
struct Flaw: Sendable {
    let kind: FlawKind
    let path: String
    let tag: Int
    let field: String?
    let detail: String
}

/// A pair of columns naming an object and one of its records' ids.
struct DraftPolymorph: Sendable {
    let path: String
    let typeColumn: String
    let idColumn: String
    let targets: [String: String]
}

/// A whole export while it is drafted: files, the defects planted in them, and the polymorphic pairs. Styles fill
/// it from a `Cast`; `DefectPlanting` changes it; `ExportRendering` writes it and its answer key.
struct ExportDraft: Sendable {
    let style: String
    let about: String
    var files: [DraftFile] = []
    var polymorphs: [DraftPolymorph] = []
    var flaws: [Flaw] = []
    /// Records a defect was planted in (or that one depends on): no second defect is planted there.
    var touched = Set<Int>()
    private var nextTag = 0

    init(style: String, about: String) {
        self.style = style
        self.about = about
    }

    mutating func add(_ file: DraftFile) { files.append(file) }

    mutating func newRow(_ cells: [String: String]) -> DraftRow {
        defer { nextTag += 1 }
        return DraftRow(tag: nextTag, cells: cells)
    }

    /// Appends a record to the file at `path`.
    mutating func append(_ cells: [String: String], to path: String) {
        let row = newRow(cells)
        files[fileIndex(path)].rows.append(row)
    }

    func fileIndex(_ path: String) -> Int {
        guard let index = files.firstIndex(where: { $0.path == path }) else { preconditionFailure("no file \(path)") }
        return index
    }

    func file(_ path: String) -> DraftFile { files[fileIndex(path)] }

    /// Every column of every file that points at `path`, with the lookup it uses.
    func references(to path: String) -> [(file: String, column: String, by: Lookup)] {
        files.flatMap { file in
            file.columns.compactMap { column in
                column.reference.flatMap { $0.file == path ? (file.path, column.name, $0.by) : nil }
            }
        }
    }
}
