import FieldMap

/// SELECT and MULTI_SELECT values through a field's value map (`values` in map.yaml): a source value becomes the
/// option value the map names. Matching is exact first, then ignoring case and surrounding spaces, since exports
/// are inconsistent about both; a value the map does not list is refused, naming the value and the known ones,
/// because Twenty refuses a value outside the field's options and the whole batch with it.
public struct OptionValues: Sendable {
    private let exact: [String: String]
    private let folded: [String: String]
    private let known: [String]

    public init(_ values: [ValueMapping]) {
        var exact: [String: String] = [:]
        var folded: [String: String] = [:]
        for mapping in values {
            if exact[mapping.source] == nil { exact[mapping.source] = mapping.target }
            let key = Text.trimmed(mapping.source).lowercased()
            if folded[key] == nil { folded[key] = mapping.target }
        }
        self.exact = exact
        self.folded = folded
        known = values.map(\.source)
    }

    public func option(_ raw: String) -> Result<String, ValueRejection> {
        if let target = exact[raw] ?? folded[Text.trimmed(raw).lowercased()] { return .success(target) }
        let list = known.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ") + (known.count > 20 ? ", ..." : "")
        return .failure(
            ValueRejection(
                .unknownOption,
                "\(Text.quoted(raw)) is not in the field's value map (known: \(known.isEmpty ? "none" : list))"))
    }

    /// The options of a list column, split on `separator` (`;` when none), without repeats, in the source's order.
    public func options(_ raw: String, separator: String?) -> Result<[String], ValueRejection> {
        var result: [String] = []
        for item in raw.split(separator: separator.flatMap { $0.isEmpty ? nil : $0 } ?? ";") {
            let trimmed = Text.trimmed(String(item))
            guard !trimmed.isEmpty else { continue }
            switch option(trimmed) {
            case .success(let value): if !result.contains(value) { result.append(value) }
            case .failure(let rejection): return .failure(rejection)
            }
        }
        return .success(result)
    }
}
