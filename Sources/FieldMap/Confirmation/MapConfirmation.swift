import Foundation
import Ledger

/// A map whose exact bytes a person confirmed: what every command that writes to Twenty works from.
public struct ConfirmedMap: Sendable {
    public let map: FieldMap
    public let sha256: String
    public let confirmedBy: String
    /// The ledger sequence number of the `map.confirmed` event.
    public let confirmationSeq: Int64
    public let file: MapFile
}

/// "The tool proposes the map; you confirm before any record moves": confirming records the file's SHA-256 in the
/// ledger, and writers refuse unless the map on disk is the one confirmed last.
public enum MapConfirmation {
    /// The map, if map.yaml is valid and its current bytes are the latest confirmed ones; else an error whose sentence
    /// says what to do. Call it before any write to Twenty.
    public static func requireConfirmed(projectDirectory: URL) throws -> ConfirmedMap {
        let file = try MapFile.load(projectDirectory: projectDirectory)
        let project = try Project.open(at: projectDirectory)
        let ledger = try project.openLedger(.read)
        guard let confirmation = try latest(MapConfirmed.self, in: ledger) else {
            throw MapConfirmationError.neverConfirmed(file.url.path)
        }
        guard confirmation.payload.mapSha256 == file.sha256 else {
            throw MapConfirmationError.changedSinceConfirmation(
                file.url.path, confirmed: confirmation.payload.mapSha256, current: file.sha256,
                by: confirmation.payload.confirmedBy)
        }
        guard file.problems.isEmpty else { throw MapProblems(file.problems) }
        return ConfirmedMap(
            map: file.map, sha256: file.sha256, confirmedBy: confirmation.payload.confirmedBy,
            confirmationSeq: confirmation.seq,
            file: file)
    }

    /// Validates the map and records `map.confirmed`; refuses an invalid map, listing every problem.
    @discardableResult
    public static func confirm(projectDirectory: URL, by person: String) throws -> ConfirmedMap {
        let file = try MapFile.load(projectDirectory: projectDirectory)
        guard file.problems.isEmpty else { throw MapProblems(file.problems) }
        let project = try Project.open(at: projectDirectory)
        let ledger = try project.openLedger(.write)
        let range = try ledger.append([.mapConfirmed(MapConfirmed(mapSha256: file.sha256, confirmedBy: person))])
        return ConfirmedMap(
            map: file.map, sha256: file.sha256, confirmedBy: person, confirmationSeq: range?.upperBound ?? 0, file: file
        )
    }

    /// Records `map.proposed` for a map just written.
    public static func recordProposal(projectDirectory: URL, sha256: String, fields: Int) throws {
        let ledger = try Project.open(at: projectDirectory).openLedger(.write)
        try ledger.append([.mapProposed(MapProposed(mapSha256: sha256, path: MapFile.fileName, fields: fields))])
    }

    /// Where the map stands: proposed, confirmed, or changed since either.
    public struct Status: Sendable {
        public var currentSha256: String?
        public var proposedSha256: String?
        public var confirmedSha256: String?
        public var confirmedBy: String?
        public var confirmedAt: String?

        public var isConfirmed: Bool { currentSha256 != nil && currentSha256 == confirmedSha256 }
        public var isEditedSinceProposal: Bool { currentSha256 != nil && currentSha256 != proposedSha256 }

        public var summary: String {
            guard let current = currentSha256 else { return "no map.yaml: run `crm-migrate map propose`" }
            if isConfirmed {
                return "confirmed by \(confirmedBy ?? "?") at \(confirmedAt ?? "?") (sha256 \(current.prefix(12)))"
            }
            if confirmedSha256 != nil { return "changed since its confirmation: confirm it again before migrating" }
            return isEditedSinceProposal ? "edited since the proposal, not confirmed" : "proposed, not confirmed"
        }
    }

    public static func status(projectDirectory: URL) throws -> Status {
        let ledger = try Project.open(at: projectDirectory).openLedger(.read)
        let data = try? Data(contentsOf: MapFile.url(in: projectDirectory))
        let proposed = try latest(MapProposed.self, in: ledger)
        let confirmed = try latest(MapConfirmed.self, in: ledger)
        return Status(
            currentSha256: data.map(MapFile.digest), proposedSha256: proposed?.payload.mapSha256,
            confirmedSha256: confirmed?.payload.mapSha256, confirmedBy: confirmed?.payload.confirmedBy,
            confirmedAt: confirmed?.recordedAt)
    }

    static func latest<Payload: EventPayload>(_ type: Payload.Type, in ledger: Ledger) throws -> (
        payload: Payload, seq: Int64, recordedAt: String
    )? {
        var found: (Payload, Int64, String)?
        try ledger.events(matching: EventFilter(type: Payload.type.rawValue)) { stored in
            switch try stored.decoded() {
            case .mapConfirmed(let payload as Payload), .mapProposed(let payload as Payload):
                found = (payload, stored.seq, stored.recordedAt)
            default: break
            }
        }
        return found.map { (payload: $0.0, seq: $0.1, recordedAt: $0.2) }
    }
}

public enum MapConfirmationError: Error, CustomStringConvertible, Sendable {
    case neverConfirmed(String)
    case changedSinceConfirmation(String, confirmed: String, current: String, by: String)

    public var description: String {
        switch self {
        case .neverConfirmed(let path):
            "the field map \(path) has not been confirmed; review it (`crm-migrate map review`) and confirm it"
                + " (`crm-migrate map confirm --by NAME`) before any record is written"
        case .changedSinceConfirmation(let path, let confirmed, let current, let by):
            "the field map \(path) changed since \(by) confirmed it (confirmed sha256 \(confirmed.prefix(12)), now"
                + " \(current.prefix(12))); confirm it again (`crm-migrate map confirm --by NAME`) before any record is written"
        }
    }
}
