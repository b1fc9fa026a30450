import AllegoryExport
import CanonicalJSON
import ExportUnderstanding
import Foundation
import Ledger
import SourceSnapshot

/// Audits the project's latest snapshot: the readers' findings and the data-quality checks, the inventory of
/// custom fields and pick-lists, attachments, workflows, exclusions, and the plan of the migration.
public struct Auditor {
    public struct Options: Sendable {
        /// Exclusion rules to apply (`stale-contacts`).
        public var exclude: [String] = []
        /// Requests per window and window length, for the duration estimate (Twenty's default: 100 per 60 s).
        public var requestsPerWindow = 100
        public var windowSeconds = 60.0
        /// Records per batch request (Twenty's documented safe size: 60).
        public var batchSize = 60

        public init() {}
    }

    public static let exclusionRules = ["stale-contacts": "contacts with no activity for 24 months or more"]
    /// The ledger's page cache while the audit reads it: SQLite's own default (2 MB) rather than the writer's
    /// 64 MiB. The checks stream every record once per pass, so a larger cache only holds pages read once, and at
    /// a million contacts those 64 MiB were a fifth of the audit's peak memory.
    public static let pageCacheKibibytes = 2048

    let ledger: Ledger
    let options: Options

    public init(ledger: Ledger, options: Options = Options()) {
        self.ledger = ledger
        self.options = options
    }

    public func run() throws -> AuditReport {
        try ledger.withPageCache(kibibytes: Self.pageCacheKibibytes) { try audit() }
    }

    private func audit() throws -> AuditReport {
        let snapshot = try ledger.latestSnapshot()
        guard snapshot > 0 else { throw AuditError.noSnapshot }
        let exportPath = try ledger.latestSnapshotExportPath()
        let folder = exportPath.map { URL(fileURLWithPath: $0) }
        let objects = try snapshotObjects(snapshot)
        guard let understanding = try UnderstandingRecord.latestComplete(in: ledger) else {
            throw AuditError.notUnderstood
        }
        // Staleness is measured from the export's own date (its manifest, else its newest timestamp), not today.
        let exportedAt =
            understanding.exportDate.flatMap(ExportDay.day(iso:)) ?? folder.flatMap(Self.exportedAt) ?? Date()
        let checks = try RecordChecks(
            ledger: ledger, understanding: understanding, exportedAt: exportedAt, exportFolder: folder)
        var findings = try readerFindings(snapshot)
        findings += checks.findings
        findings.sort { ($0.file, $0.line, $0.kind) < ($1.file, $1.line, $1.kind) }

        let excluded = try applyExclusions(staleContacts: checks.staleContacts)
        let roles = Dictionary(
            understanding.files.map { ($0.object, $0.role) }, uniquingKeysWith: { first, _ in first })
        let inventory = Inventory(checks: checks, roles: roles, folder: folder)
        let plan = MigrationPlan(checks: checks, roles: roles, excluded: excluded, options: options)
        return AuditReport(
            snapshot: snapshot, exportPath: exportPath ?? "", exportedAt: CanonicalJSON.format(exportedAt),
            files: objects, findings: findings, inventory: inventory, exclusions: excluded, plan: plan)
    }

    /// The files of the snapshot with their object and record count, in the snapshot's order.
    private func snapshotObjects(_ snapshot: Int) throws -> [AuditReport.File] {
        var taken: [SnapshotFile] = []
        var counts: [String: Int] = [:]
        try ledger.events(matching: EventFilter(type: EventType.snapshotTaken.rawValue)) { event in
            if case .snapshotTaken(let e) = try event.decoded(), e.snapshot == snapshot { taken = e.files }
        }
        try ledger.events(matching: EventFilter(type: EventType.snapshotCompleted.rawValue)) { event in
            if case .snapshotCompleted(let e) = try event.decoded(), e.snapshot == snapshot {
                for file in e.files { counts[file.path] = file.records }
            }
        }
        return taken.map {
            AuditReport.File(path: $0.path, object: $0.object, records: counts[$0.path] ?? 0, bytes: $0.bytes)
        }
    }

    private func readerFindings(_ snapshot: Int) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        try ledger.events(matching: EventFilter(type: EventType.sourceFinding.rawValue)) { event in
            guard case .sourceFinding(let f) = try event.decoded(), f.snapshot == snapshot else { return }
            findings.append(
                AuditFinding(
                    kind: f.kind, object: f.object ?? "", file: f.file, line: f.line, sourceId: nil, field: nil,
                    detail: f.detail))
        }
        return findings
    }

    /// Records `record.excluded` for each record a requested rule excludes, once per record and rule.
    private func applyExclusions(staleContacts: [(object: String, sourceId: String)]) throws -> [AuditReport.Exclusion]
    {
        var result: [AuditReport.Exclusion] = []
        for rule in options.exclude {
            guard rule == "stale-contacts" else { throw AuditError.unknownRule(rule) }
            for object in Set(staleContacts.map(\.object)).sorted() {
                var already = Set<String>()
                try ledger.events(matching: EventFilter(type: EventType.recordExcluded.rawValue, object: object)) {
                    event in
                    if case .recordExcluded(let e) = try event.decoded(), e.rule == rule, let id = e.sourceId {
                        already.insert(id)
                    }
                }
                let ids = staleContacts.filter { $0.object == object }.map(\.sourceId)
                let new = ids.filter { !already.contains($0) }
                if ledger.access == .write && !new.isEmpty {
                    try ledger.append(
                        new.map { .recordExcluded(RecordExcluded(object: object, sourceId: $0, rule: rule)) })
                }
                result.append(
                    AuditReport.Exclusion(
                        rule: rule, description: Self.exclusionRules[rule] ?? rule, object: object, sourceIds: ids))
            }
        }
        return result
    }

    /// `exportedAt` of the export's manifest.json, when there is one.
    static func exportedAt(_ folder: URL) -> Date? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
            let text = (try? JSONParser.parse(Array(data)))?["exportedAt"]?.stringValue
        else { return nil }
        return ISO8601DateFormatter().date(from: text)
    }
}

public enum AuditError: Error, CustomStringConvertible {
    case noSnapshot
    case notUnderstood
    case unknownRule(String)

    public var description: String {
        switch self {
        case .noSnapshot:
            return
                "the project has no snapshot yet; run `crm-migrate audit --export EXPORT_DIR` (or `crm-migrate snapshot`) first"
        case .notUnderstood:
            return
                "the latest snapshot was taken before crm-migrate understood exports; take a new one with `crm-migrate snapshot --export EXPORT_DIR`"
        case .unknownRule(let rule):
            return
                "there is no exclusion rule \"\(rule)\"; known rules: \(Auditor.exclusionRules.keys.sorted().joined(separator: ", "))"
        }
    }
}
