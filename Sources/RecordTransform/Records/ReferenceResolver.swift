import ExportUnderstanding
import FieldMap

/// Resolves references that name their records by name, email or domain instead of id (`Account Name` holding a
/// company's name): the same folding the understanding and the audit use, so a value the audit found is the value
/// resolved here. A value naming no record or several is not guessed: it is a link not written, with its reason.
public struct ReferenceResolver: Sendable {
    public enum Resolution: Sendable, Equatable {
        case record(String)
        case none
        case ambiguous([String])
    }

    /// A target object and how its records are named, with the columns of its file that hold the names.
    public struct Need: Sendable, Hashable {
        public let object: String
        public let matchBy: MatchBy
        /// Joined with a space (first and last name), compared folded.
        public let columns: [String]
    }

    private var tables: [String: [String: [String]]] = [:]

    public init() {}

    /// What the map's references by name, email or domain need from their target objects' records.
    public static func needs(_ map: FieldMap) -> [Need] {
        var result: [Need] = []
        for object in map.objects {
            for field in object.fields where field.transform == .reference {
                guard let raw = field.matchBy, let matchBy = MatchBy(rawValue: raw), matchBy != .id,
                    let referenced = field.references, let target = map.object(source: referenced),
                    let columns = columns(of: target, matchBy: matchBy)
                else { continue }
                let need = Need(object: referenced, matchBy: matchBy, columns: columns)
                if !result.contains(need) { result.append(need) }
            }
        }
        return result
    }

    /// The columns of a target object's file that its records are named by, as its own map writes them.
    static func columns(of target: ObjectMap, matchBy: MatchBy) -> [String]? {
        func column(_ path: String) -> String? { target.fields.first { $0.target == path }?.column }
        switch matchBy {
        case .id: return nil
        case .email: return column("emails.primaryEmail").map { [$0] }
        case .domain: return column("domainName.primaryLinkUrl").map { [$0] }
        case .name:
            if let name = column("name") { return [name] }
            if let first = column("name.firstName"), let last = column("name.lastName") { return [first, last] }
            return nil
        }
    }

    public mutating func add(_ need: Need, sourceId: String, values: [String: String]) {
        let text = need.columns.map { values[$0] ?? "" }.joined(separator: " ")
        let key = ValueFolding.fold(text, by: need.matchBy)
        guard !key.isEmpty else { return }
        tables[Self.table(need.object, need.matchBy), default: [:]][key, default: []].append(sourceId)
    }

    public func resolve(_ value: String, object: String, matchBy: MatchBy) -> Resolution {
        let ids = tables[Self.table(object, matchBy)]?[ValueFolding.fold(value, by: matchBy)] ?? []
        switch ids.count {
        case 0: return .none
        case 1: return .record(ids[0])
        default: return .ambiguous(ids)
        }
    }

    /// Whether the resolver was given the records of `object` to match by `matchBy`.
    public func knows(_ object: String, _ matchBy: MatchBy) -> Bool { tables[Self.table(object, matchBy)] != nil }

    private static func table(_ object: String, _ matchBy: MatchBy) -> String { object + "|" + matchBy.rawValue }
}
