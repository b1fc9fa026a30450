/// The RFC 4180 state machine: bytes in, records out. Quotes, doubled quotes, CR/LF/CRLF line ends and line
/// ends inside quoted fields; lenient about what real exports get wrong (a stray quote is read literally and
/// noted, a NUL byte is dropped and noted). Streams: a record may span any number of chunks.
struct CSVParser {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let delimiter: UInt8
    private var state = State.fieldStart
    /// The record being read: the bytes of all its fields back to back, and where each field ends.
    private(set) var fieldBytes: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    /// The physical line the parser is on, and where the current record began.
    private(set) var line = 1
    private(set) var recordLine = 1
    private var lastWasCR = false
    private(set) var recordHasNul = false
    private(set) var recordHasStrayQuote = false

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        fieldBytes.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    /// Whether the parser is inside a quoted field (at the end of the file: an unterminated quote).
    var isInQuotes: Bool { state == .quoted }
    var hasPendingRecord: Bool { !fieldBytes.isEmpty || !fieldEnds.isEmpty || state != .fieldStart }

    /// Parses `chunk`, calling `emit` after each complete record; `emit` returns false to stop.
    /// Returns false if stopped.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, emit: (inout CSVParser) throws -> Bool) rethrows
        -> Bool
    {
        let quote = UInt8(ascii: "\"")
        let count = chunk.count
        var index = 0
        while index < count {
            let byte = chunk[index]
            // A LF right after a CR ends nothing new: CRLF is one line end.
            if lastWasCR {
                lastWasCR = false
                if byte == 0x0A {
                    if state == .quoted { fieldBytes.append(byte) }
                    index += 1
                    continue
                }
            }
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    index += 1
                    continue
                }
                state = .unquoted
                fallthrough
            case .unquoted:
                // The common case: copy a run of ordinary bytes at once.
                var end = index
                while end < count {
                    let b = chunk[end]
                    if b == delimiter || b == 0x0A || b == 0x0D || b == quote || b == 0 { break }
                    end += 1
                }
                if end > index {
                    fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[index..<end]))
                    index = end
                    continue
                }
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0A || byte == 0x0D {
                    if try !endRecord(lineEnd: byte, emit: emit) { return false }
                } else if byte == quote {
                    recordHasStrayQuote = true
                    fieldBytes.append(byte)
                } else {
                    recordHasNul = true
                }
                index += 1
            case .quoted:
                var end = index
                while end < count {
                    let b = chunk[end]
                    if b == quote || b == 0x0A || b == 0x0D || b == 0 { break }
                    end += 1
                }
                if end > index {
                    fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[index..<end]))
                    index = end
                    continue
                }
                if byte == quote {
                    state = .quoteInQuoted
                } else if byte == 0 {
                    recordHasNul = true
                } else {
                    // A line end inside quotes is part of the value; the physical line still advances.
                    fieldBytes.append(byte)
                    line += 1
                    lastWasCR = byte == 0x0D
                }
                index += 1
            case .quoteInQuoted:
                if byte == quote {
                    fieldBytes.append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0A || byte == 0x0D {
                    if try !endRecord(lineEnd: byte, emit: emit) { return false }
                } else {
                    // Text after a closing quote: keep it, as most spreadsheet programs do.
                    recordHasStrayQuote = true
                    if byte != 0 { fieldBytes.append(byte) } else { recordHasNul = true }
                    state = .unquoted
                }
                index += 1
            }
        }
        return true
    }

    /// At the end of the input: emits a last record without a line end. An open quote is left for the caller
    /// to report (`isInQuotes`).
    mutating func finish(emit: (inout CSVParser) throws -> Bool) rethrows {
        guard hasPendingRecord, state != .quoted else { return }
        endField()
        if !isBlankRecord { _ = try emit(&self) }
        resetRecord()
    }

    private mutating func endField() { fieldEnds.append(fieldBytes.count) }

    private var isBlankRecord: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 }

    private mutating func endRecord(lineEnd: UInt8, emit: (inout CSVParser) throws -> Bool) rethrows -> Bool {
        endField()
        line += 1
        lastWasCR = lineEnd == 0x0D
        state = .fieldStart
        // Blank lines are skipped: they carry no record.
        let keepGoing = isBlankRecord ? true : try emit(&self)
        resetRecord()
        return keepGoing
    }

    private mutating func resetRecord() {
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordLine = line
        recordHasNul = false
        recordHasStrayQuote = false
        state = .fieldStart
    }

    /// The fields of the record just completed, as strings.
    func fields() -> [String] {
        var result: [String] = []
        result.reserveCapacity(fieldEnds.count)
        fieldBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in fieldEnds {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
        }
        return result
    }
}
