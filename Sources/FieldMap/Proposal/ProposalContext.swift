import AllegoryExport
import ExportUnderstanding
import TwentyModel

/// What every object's proposal may consult: the targets, the export's field dictionary, its stages, and which Twenty
/// object each source object becomes (for references between them).
struct ProposalContext {
    let catalog: TargetCatalog
    /// custom_fields.csv, by object (lower-cased).
    let definitions: [String: [FieldDefinition]]
    let stages: StageList
    /// Source object -> Twenty `nameSingular`, for every object the map writes.
    var targets: [String: String]
    /// What the snapshot understood of the export, when the proposal reads a project's ledger.
    var understanding: ExportUnderstanding? = nil

    func definition(object: String, column: String) -> FieldDefinition? {
        definitions[object.lowercased()]?.first {
            HeaderName.normalize($0.name) == HeaderName.normalize(column)
                || HeaderName.normalize($0.label) == HeaderName.normalize(column)
        }
    }
}

/// The stages of stages.csv in pipeline order, with which are won and which closed without a win.
struct StageList {
    var names: [String] = []
    var won: Set<String> = []
    var lost: Set<String> = []

    init() {}

    init(sample: SourceSample?) {
        guard let sample, let stage = sample.column(named: "Stage") else { return }
        let pipeline = sample.column(named: "Pipeline")
        let order = sample.column(named: "Order")
        let isWon = sample.column(named: "Is Won")
        let isClosed = sample.column(named: "Is Closed")
        func cell(_ row: [String], _ index: Int?) -> String {
            index.flatMap { $0 < row.count ? row[$0].trimmingWhitespace : nil } ?? ""
        }
        func yes(_ text: String) -> Bool { ["true", "yes", "1", "y"].contains(text.lowercased()) }
        var pipelines: [String] = []
        for row in sample.rows where !pipelines.contains(cell(row, pipeline)) { pipelines.append(cell(row, pipeline)) }
        let sorted = sample.rows.enumerated().sorted { a, b in
            let (pa, pb) = (
                pipelines.firstIndex(of: cell(a.element, pipeline)) ?? 0,
                pipelines.firstIndex(of: cell(b.element, pipeline)) ?? 0
            )
            if pa != pb { return pa < pb }
            let (oa, ob) = (
                Double(cell(a.element, order)) ?? Double(a.offset), Double(cell(b.element, order)) ?? Double(b.offset)
            )
            return oa != ob ? oa < ob : a.offset < b.offset
        }
        for (_, row) in sorted {
            let name = cell(row, stage)
            guard !name.isEmpty, !names.contains(name) else { continue }
            names.append(name)
            if yes(cell(row, isWon)) { won.insert(name) } else if yes(cell(row, isClosed)) { lost.insert(name) }
        }
    }
}
