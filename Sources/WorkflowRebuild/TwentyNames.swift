import AllegoryExport
import ExportUnderstanding
import FieldMap

/// The Twenty names of what a workflow touches, from the field map: the confirmed one when there is one, else the
/// proposal (said to be unconfirmed), else only the object the vocabulary expects (fields stay in source words).
public struct TwentyNames: Sendable {
    public enum MapState: String, Sendable {
        case confirmed
        case proposed = "proposed, not confirmed"
        case none = "no map yet"
    }

    public let state: MapState
    let map: FieldMap?
    let understanding: ExportUnderstanding

    public init(map: FieldMap?, state: MapState, understanding: ExportUnderstanding) {
        self.map = state == .none ? nil : map
        self.state = state
        self.understanding = understanding
    }

    /// A source object or field and its name in Twenty; `twenty` nil when nothing maps it.
    public struct Name: Sendable, Equatable, Hashable {
        public var source: String
        public var twenty: String?
        /// Why there is no Twenty name, when there is none.
        public var note: String?
    }

    /// The export file a workflow's object names: by the file's object name, else by the kind of record the name
    /// stands for (`Opportunity`, `Kontakte` and `deals` all name the deals file when that is the only one).
    public func file(for said: String) -> FileUnderstanding? {
        let wanted = HeaderName.normalize(said)
        guard !wanted.isEmpty else { return nil }
        if let exact = understanding.files.first(where: { HeaderName.normalize($0.object) == wanted }) { return exact }
        let stem = HeaderWords.stem(wanted)
        for role in ObjectRole.allCases
        where ObjectVocabulary.nameStems(role).contains(stem)
            || HeaderWords.stem(HeaderName.normalize(role.rawValue)) == stem
        {
            let files = understanding.files(role)
            if files.count == 1 { return files[0] }
        }
        for role in ObjectRole.allCases
        where ObjectVocabulary.of(role)?.twentyObject.map(HeaderName.normalize) == wanted {
            let files = understanding.files(role)
            if files.count == 1 { return files[0] }
        }
        return nil
    }

    public func object(_ said: String) -> Name {
        guard let file = file(for: said) else {
            return Name(source: said, twenty: nil, note: "no file of the export holds \"\(said)\"")
        }
        if let map {
            guard let objectMap = map.object(source: file.object) else {
                return Name(source: said, twenty: nil, note: "the map does not migrate \(file.object)")
            }
            if case .skip = objectMap.disposition {
                return Name(source: said, twenty: nil, note: "the map skips \(file.object)")
            }
            return Name(source: said, twenty: objectMap.target, note: nil)
        }
        return Name(source: said, twenty: ObjectVocabulary.of(file.role)?.twentyObject, note: nil)
    }

    /// A field a workflow names, on the workflow's object: by header, or by the standard column the header is.
    /// `Owner` also answers for the file's owner column under any name (`Owner Email`, `Account Owner`), since an
    /// assignment names the role, not the column.
    public func field(_ said: String, object: String) -> Name {
        guard let file = file(for: object) else { return Name(source: said, twenty: nil, note: "object unknown") }
        let wanted = HeaderName.normalize(said)
        let header =
            file.columns.first { HeaderName.normalize($0.name) == wanted }?.name
            ?? file.columns.first { $0.standard.map(HeaderName.normalize) == wanted }?.name
            ?? (wanted == "owner"
                ? file.columns.first { ($0.standard ?? $0.name).lowercased().contains("owner") }?.name : nil)
        guard let header else {
            return Name(source: said, twenty: nil, note: "no column of \(file.path) is called that")
        }
        guard let map else { return Name(source: said, twenty: nil, note: "no map yet") }
        guard let mapping = map.object(source: file.object)?.fields.first(where: { $0.column == header }) else {
            return Name(source: said, twenty: nil, note: "the map does not list \(header)")
        }
        guard let target = mapping.target else {
            return Name(source: said, twenty: nil, note: "\(header) is not migrated")
        }
        return Name(source: said, twenty: target, note: nil)
    }
}
