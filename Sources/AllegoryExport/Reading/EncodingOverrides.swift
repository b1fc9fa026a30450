/// The encodings a person gave with `--encoding`, for files whose encoding detection cannot decide (or decides
/// wrongly): one for every file (`big5`), or one for a file (`contacts.csv=shift-jis`), matched by its path in the
/// export or by its name alone.
public struct EncodingOverrides: Sendable, Equatable {
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case unknownName(String)

        public var description: String {
            switch self {
            case .unknownName(let value):
                return "--encoding \(value): unknown encoding; use one of \(TextEncoding.acceptedNames), "
                    + "alone for every file or as FILE=NAME for one"
            }
        }
    }

    public private(set) var everyFile: TextEncoding?
    public private(set) var byFile: [String: TextEncoding] = [:]

    public init() {}

    /// `values`: each `NAME` or `FILE=NAME`.
    public init(_ values: [String]) throws {
        for value in values {
            if let equals = value.lastIndex(of: "=") {
                let name = String(value[value.index(after: equals)...])
                guard let encoding = TextEncoding(name: name) else { throw Problem.unknownName(value) }
                byFile[String(value[..<equals])] = encoding
            } else {
                guard let encoding = TextEncoding(name: value) else { throw Problem.unknownName(value) }
                everyFile = encoding
            }
        }
    }

    public var isEmpty: Bool { everyFile == nil && byFile.isEmpty }

    /// The encoding given for the file at `path` (relative to the export, with `/`), if any: its own first, by
    /// its path or a trailing part of it, then the one for every file.
    public func encoding(for path: String) -> TextEncoding? {
        if let exact = byFile[path] { return exact }
        let matching = byFile.filter { path.hasSuffix("/" + $0.key) }
        if let longest = matching.max(by: { $0.key.count < $1.key.count }) { return longest.value }
        return everyFile
    }
}
