import CanonicalJSON

/// Reads records from a JSON file: a top-level array of objects, or NDJSON (one object per line), streaming with
/// constant memory; or a single object holding one array of objects (`{"workflows": [...]}`), read whole.
///
/// Each record's values are given as text, as a CSV cell would be: strings as they are, numbers and booleans as
/// written, null as empty, nested objects and arrays as compact JSON. An element that is not valid JSON, or not
/// an object, is a finding with its line, and reading goes on with the next one.
public final class JSONRecordReader {
    public enum Layout: String, Sendable { case array, ndjson, wrappedArray = "object holding an array", empty }

    public let path: String
    public let fileName: String
    public private(set) var layout: Layout = .empty
    public private(set) var findings: [ReadFinding] = []
    public private(set) var recordCount = 0
    private let chunkSize: Int
    private let givenEncoding: TextEncoding?
    /// The encoding the file was read in, once `read` has opened it.
    public private(set) var encoding: TextEncoding?

    /// `encoding`: read the file in this encoding instead of detecting it (`--encoding`).
    public convenience init(path: String, fileName: String? = nil, encoding: TextEncoding? = nil) {
        self.init(path: path, fileName: fileName, encoding: encoding, chunkSize: DecodedByteStream.chunkSize)
    }

    init(path: String, fileName: String?, encoding: TextEncoding? = nil, chunkSize: Int) {
        self.path = path
        self.fileName = fileName ?? String(path.split(separator: "/").last ?? "")
        self.chunkSize = chunkSize
        givenEncoding = encoding
    }

    /// One record: its members in the order written, values as text.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [(name: String, value: String)]
        /// The element as parsed, for readers that want structure (workflows, schemas).
        public let json: JSONValue
    }

    /// Calls `body` with each record in file order; `body` returns false to stop.
    public func read(_ body: (Record) throws -> Bool) throws {
        let stream = try DecodedByteStream(
            path: path, fileName: fileName, encoding: givenEncoding, chunkSize: chunkSize)
        encoding = stream.encoding
        if ![.utf8, .utf8WithBOM].contains(stream.encoding) {
            findings.append(
                ReadFinding(
                    kind: .encoding, file: fileName, line: 1,
                    detail: "read as \(stream.encoding.rawValue) (\(stream.encodingNote)), converted to UTF-8"))
        }
        var splitter = ElementSplitter()
        var wrapped: [UInt8] = []
        while let chunk = try stream.next() {
            var keepGoing = true
            try chunk.bytes.withUnsafeBufferPointer { bytes in
                if splitter.layout == .wrappedArray {
                    wrapped.append(contentsOf: bytes)
                    return
                }
                try splitter.consume(bytes) { element, line in
                    keepGoing = try deliver(element, line: line, body)
                    return keepGoing
                }
                if splitter.layout == .wrappedArray { wrapped.append(contentsOf: splitter.takeUnconsumed()) }
            }
            if !keepGoing { return }
        }
        try splitter.finishUndecided { element, line in try deliver(element, line: line, body) }
        if splitter.layout == .wrappedArray { wrapped.append(contentsOf: splitter.takeUnconsumed()) }
        layout = splitter.layout
        switch splitter.layout {
        case .ndjson:
            if let (element, line) = splitter.finishLine() { _ = try deliver(element, line: line, body) }
        case .array where !splitter.closed:
            findings.append(
                ReadFinding(
                    kind: .invalidJSON, file: fileName, line: splitter.line, detail: "the top-level array is not closed"
                ))
        case .wrappedArray:
            try readWrapped(wrapped, body)
        default:
            break
        }
        if splitter.layout == .empty {
            findings.append(ReadFinding(kind: .emptyFile, file: fileName, line: 1, detail: "the file holds no JSON"))
        }
    }

    private func deliver(_ element: ArraySlice<UInt8>, line: Int, _ body: (Record) throws -> Bool) throws -> Bool {
        let value: JSONValue
        do {
            value = try JSONParser.parse(element)
        } catch {
            findings.append(
                ReadFinding(kind: .invalidJSON, file: fileName, line: line, detail: "\(error); the element is skipped"))
            return true
        }
        guard case .object(let members) = value else {
            findings.append(
                ReadFinding(
                    kind: .invalidJSON, file: fileName, line: line,
                    detail: "an element that is not an object is skipped"))
            return true
        }
        recordCount += 1
        let ordered = JSONRecordReader.memberOrder(element).compactMap { name in
            members[name].map { (name, JSONRecordReader.text($0)) }
        }
        return try body(Record(line: line, fields: ordered, json: value))
    }

    private func readWrapped(_ bytes: [UInt8], _ body: (Record) throws -> Bool) throws {
        guard case .object(let members)? = try? JSONParser.parse(bytes) else {
            findings.append(
                ReadFinding(kind: .invalidJSON, file: fileName, line: 1, detail: "the file is not valid JSON"))
            return
        }
        let arrays = members.filter { if case .array = $0.value { return true } else { return false } }
        guard arrays.count == 1, case .array(let items) = arrays.first!.value else {
            findings.append(
                ReadFinding(
                    kind: .invalidJSON, file: fileName, line: 1,
                    detail: "a top-level object must hold exactly one array of records"))
            return
        }
        for item in items {
            guard case .object(let fields) = item else {
                findings.append(
                    ReadFinding(
                        kind: .invalidJSON, file: fileName, line: 1,
                        detail: "an element that is not an object is skipped"))
                continue
            }
            recordCount += 1
            let record = Record(
                line: 1, fields: fields.keys.sorted().map { ($0, JSONRecordReader.text(fields[$0]!)) }, json: item)
            if try !body(record) { return }
        }
    }

    /// A value as the text a CSV cell would hold.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .array, .object: return value.canonicalText
        }
    }

    /// The top-level member names of an object in the order they are written (a parsed dictionary has none).
    static func memberOrder(_ element: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var depth = 0
        var index = element.startIndex
        var expectKey = false
        while index < element.endIndex {
            let byte = element[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectKey = depth == 1 && byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                expectKey = depth == 1
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < element.endIndex, element[index] != UInt8(ascii: "\"") {
                    if element[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                if expectKey, depth == 1,
                    let name = try? JSONParser.parse(element[start...min(index, element.endIndex - 1)]).stringValue
                {
                    names.append(name)
                    expectKey = false
                }
            default:
                break
            }
            index += 1
        }
        return names
    }
}

/// Finds where each top-level element of a JSON array, or each line of NDJSON, begins and ends, across chunks.
private struct ElementSplitter {
    var layout = JSONRecordReader.Layout.empty
    private(set) var line = 1
    private(set) var closed = false
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var current: [UInt8] = []
    private var currentLine = 1
    private var unconsumed: [UInt8] = []
    private var startedArray = false

    mutating func takeUnconsumed() -> [UInt8] {
        defer { unconsumed = [] }
        return unconsumed
    }

    /// Bytes seen before the layout is known: an object may open NDJSON or a wrapper, told apart at the first
    /// line end (or the end of the file).
    private var undecided: [UInt8] = []

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, emit: (ArraySlice<UInt8>, Int) throws -> Bool) rethrows {
        if layout == .empty {
            undecided.append(contentsOf: bytes)
            guard decide(atEnd: false) else { return }
            let pending = undecided
            undecided = []
            if layout == .wrappedArray {
                unconsumed = pending
                return
            }
            try pending.withUnsafeBufferPointer { try scan($0, emit: emit) }
            return
        }
        try scan(bytes, emit: emit)
    }

    /// At the end of the file: decides the layout of a file without a line end, and scans what was held back.
    mutating func finishUndecided(emit: (ArraySlice<UInt8>, Int) throws -> Bool) rethrows {
        guard layout == .empty, decide(atEnd: true) else { return }
        let pending = undecided
        undecided = []
        if layout == .wrappedArray {
            unconsumed = pending
            return
        }
        try pending.withUnsafeBufferPointer { try scan($0, emit: emit) }
    }

    private mutating func decide(atEnd: Bool) -> Bool {
        guard let first = undecided.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
        else {
            return false
        }
        if undecided[first] == UInt8(ascii: "[") {
            layout = .array
            return true
        }
        let rest = undecided[first...]
        if let newline = rest.firstIndex(of: 0x0A) {
            layout = (try? JSONParser.parse(rest[..<newline])) != nil ? .ndjson : .wrappedArray
            return true
        }
        guard atEnd else { return false }
        // One line holding one object: a wrapper if it holds exactly one array of objects, else one record.
        if case .object(let members)? = try? JSONParser.parse(rest),
            members.values.filter({ if case .array = $0 { return true } else { return false } }).count == 1
        {
            layout = .wrappedArray
        } else {
            layout = .ndjson
        }
        return true
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, emit: (ArraySlice<UInt8>, Int) throws -> Bool)
        rethrows
    {
        var index = 0
        if layout == .array && !startedArray {
            while index < bytes.count, bytes[index] != UInt8(ascii: "[") {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            index += 1
            startedArray = true
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A { line += 1 }
            if inString {
                current.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch layout {
            case .ndjson:
                if byte == 0x0A {
                    if let element = finishLine(), try !emit(element.0, element.1) { return }
                    currentLine = line
                    continue
                }
                if current.isEmpty && (byte == 0x20 || byte == 0x09 || byte == 0x0D) { continue }
                if current.isEmpty { currentLine = line }
                if byte == UInt8(ascii: "\"") { inString = true }
                current.append(byte)
            case .array:
                if closed { continue }
                if depth == 0 && current.isEmpty {
                    if byte == UInt8(ascii: ",") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                        continue
                    }
                    if byte == UInt8(ascii: "]") {
                        closed = true
                        continue
                    }
                    currentLine = line
                }
                // A scalar element (an error the reader reports) ends at the next comma or bracket.
                if depth == 0 && !current.isEmpty && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")) {
                    let element = current
                    current.removeAll(keepingCapacity: true)
                    closed = byte == UInt8(ascii: "]")
                    if try !emit(element[...], currentLine) { return }
                    continue
                }
                current.append(byte)
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                if depth == 0 && (byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")) {
                    let element = current
                    current.removeAll(keepingCapacity: true)
                    if try !emit(element[...], currentLine) { return }
                }
            default:
                return
            }
        }
    }

    /// The pending NDJSON line, if it holds anything.
    mutating func finishLine() -> (ArraySlice<UInt8>, Int)? {
        defer { current.removeAll(keepingCapacity: true) }
        let trimmed = current.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard !trimmed.isEmpty else { return nil }
        return (Array(trimmed.reversed())[...], currentLine)
    }
}
