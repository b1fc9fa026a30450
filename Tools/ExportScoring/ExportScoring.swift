import AllegoryExport
import ExportAudit
import ExportUnderstanding
import FieldMap
import ForeignExport
import Foundation
import Ledger
import SourceSnapshot

/// Scores the tool on an export written by another hand against that export's answer key: the understanding
/// (roles, keys, labels, meanings, relations), the audit (planted defects at their lines, no false findings) and
/// the proposal (targets, and no wrong mapping at high confidence).
public enum ExportScoring {
    /// The finding kinds a writer plants; other findings (readers' notes on encodings, banners) are not scored.
    static let scoredKinds: Set<String> = [
        "duplicate-id", "duplicate-email", "duplicate-domain", "missing-required", "invalid-email", "invalid-phone",
        "orphan-company", "orphan-contact", "orphan-related", "parent-self", "parent-cycle", "unknown-owner",
        "ambiguous-reference",
    ]

    /// - Parameter work: a folder for the scratch ledger (created, and removed afterwards).
    public static func score(export: URL, key: AnswerKey, name: String, work: URL) throws -> Scorecard {
        var card = Scorecard()
        card.name = name
        let layout = try ExportLayout(root: export)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let ledger = try Ledger.create(at: work.appendingPathComponent("ledger.sqlite").path)
        let snapshotter = Snapshotter(ledger: ledger, layout: layout)
        _ = try snapshotter.run()
        guard let understanding = snapshotter.understanding else { return card }
        scoreUnderstanding(understanding, key: key, into: &card)
        let report = try Auditor(ledger: ledger).run()
        scoreAudit(report.findings, key: key, into: &card)
        let proposal = try MapProposer(layout: layout, catalog: .builtIn(), understanding: understanding).propose()
        scoreProposal(proposal.map, key: key, into: &card)
        return card
    }

    static func scoreUnderstanding(_ understanding: ExportUnderstanding, key: AnswerKey, into card: inout Scorecard) {
        for truth in key.files {
            guard let file = understanding.file(path: truth.path) else {
                card.roles.check(false, "\(truth.path) was not read")
                continue
            }
            card.roles.check(
                file.role.rawValue == truth.role, "\(truth.path): \(truth.role), understood \(file.role.rawValue)")
            card.keys.check(
                file.keyColumns == truth.keyColumns,
                "\(truth.path): \(truth.keyColumns), understood \(file.keyColumns) (\(file.keyKind.rawValue))")
            card.labels.check(
                file.labelColumn == truth.labelColumn,
                "\(truth.path): \(truth.labelColumn ?? "none"), understood \(file.labelColumn ?? "none")")
            for column in truth.columns where column.standard != nil {
                let understood = file.column(column.name)?.standard
                card.meanings.check(
                    understood == column.standard,
                    "\(truth.path) \(column.name): \(column.standard!), understood \(understood ?? "custom")")
            }
        }
        func object(_ path: String) -> String? { understanding.file(path: path)?.object }
        var expected = Set<String>()
        for truth in key.relations {
            expected.insert("\(truth.file)|\(truth.column)")
            let found = understanding.relations.first {
                object($0.file) != nil && $0.file == truth.file && $0.column == truth.column
            }
            card.relations.check(
                found?.targetFile == truth.targetFile && found?.matchBy.rawValue == truth.by,
                "\(truth.file) \(truth.column) -> \(truth.targetFile) by \(truth.by), understood "
                    + (found.map { "\($0.targetFile) by \($0.matchBy.rawValue)" } ?? "no relation"))
        }
        for relation in understanding.relations where !expected.contains("\(relation.file)|\(relation.column)") {
            card.falseRelations.append(
                "\(relation.file) \(relation.column) -> \(relation.targetFile) by \(relation.matchBy.rawValue)")
        }
        for truth in key.polymorphic {
            let found = understanding.polymorphic.first { $0.file == truth.file && $0.idColumn == truth.idColumn }
            let targets = found.map { pair in pair.targets.mapValues { understanding.file(object: $0)?.path ?? $0 } }
            card.polymorphic.check(
                found?.typeColumn == truth.typeColumn && targets == truth.targets,
                "\(truth.file) \(truth.typeColumn)+\(truth.idColumn) -> \(truth.targets), understood \(targets.map { "\($0)" } ?? "none")"
            )
        }
    }

    static func scoreAudit(_ findings: [AuditFinding], key: AnswerKey, into card: inout Scorecard) {
        let scored = findings.filter { scoredKinds.contains($0.kind) }
        var explained = Set<Int>()
        for defect in key.defects {
            let index = scored.firstIndex { $0.kind == defect.kind && $0.file == defect.file && $0.line == defect.line }
            if let index { explained.insert(index) }
            card.defects.check(
                index != nil, "\(defect.kind) at \(defect.file):\(defect.line) (\(defect.detail)) not found")
        }
        for (index, finding) in scored.enumerated() where !explained.contains(index) {
            card.falseFindings.append(
                "\(finding.kind) at \(finding.file):\(finding.line) \(finding.field ?? ""): \(finding.detail)")
        }
    }

    static func scoreProposal(_ map: FieldMap, key: AnswerKey, into card: inout Scorecard) {
        for truth in key.files {
            guard let object = map.objects.first(where: { $0.file == truth.path }), !object.fields.isEmpty else {
                continue
            }
            for column in truth.columns {
                guard let mapping = object.fields.first(where: { $0.column == column.name }) else {
                    card.mapped.check(false, "\(truth.path) \(column.name): no mapping")
                    continue
                }
                let right: Bool
                switch column.target {
                case nil: right = mapping.target == nil || mapping.transform == .skip
                case "new-field"?: right = mapping.newField != nil && mapping.target != nil
                case let expected? where expected.hasPrefix("taskTarget.") || expected.hasPrefix("noteTarget."):
                    // A target record: a reference with no join column, to the object the key's join column names.
                    let joined = String(expected.split(separator: ".")[1].dropLast(2))
                    right =
                        mapping.target == nil && mapping.transform == .reference
                        && mapping.references.flatMap { map.object(source: $0)?.target } == joined
                case let expected?:
                    right = mapping.target == expected || (expected == "allegoryId" && object.key == column.name)
                }
                let got =
                    "\(mapping.target ?? "not migrated")\(mapping.newField != nil ? " (new field)" : "") at \(mapping.confidence)"
                card.mapped.check(
                    right, "\(truth.path) \(column.name): \(column.target ?? "not migrated"), proposed \(got)")
                if !right, mapping.confidence >= 0.8, column.target != "new-field" || mapping.target != nil {
                    card.confidentlyWrong.append(
                        "\(truth.path) \(column.name): \(column.target ?? "not migrated"), proposed \(got)")
                }
            }
        }
    }
}
