import Ledger

/// Why a value or a record cannot be written to Twenty. The raw value is the stable code counted in reports and
/// stored in `record.rejected` reasons; never renamed once released.
public enum RejectionCode: String, Sendable, CaseIterable, Hashable {
    case invalidEmail = "invalid-email"
    case invalidPhone = "invalid-phone"
    case invalidURL = "invalid-url"
    case invalidAmount = "invalid-amount"
    case amountOutOfRange = "amount-out-of-range"
    case unknownCurrency = "unknown-currency"
    case invalidDate = "invalid-date"
    case ambiguousDate = "ambiguous-date"
    case invalidBoolean = "invalid-boolean"
    case invalidNumber = "invalid-number"
    case unknownOption = "unknown-option"
    case invalidJSON = "invalid-json"
    case unknownMember = "unknown-member"
    case missingRequired = "missing-required"
    case duplicateId = "duplicate-id"
    case duplicateEmail = "duplicate-email"
    case duplicateDomain = "duplicate-domain"
    case missingParent = "missing-parent"
    case rejectedParent = "rejected-parent"
    case parentCycle = "parent-cycle"
    /// A reference by name (or email, or domain) that matches several records: which one is meant is unclear.
    case ambiguousReference = "ambiguous-reference"
}

/// A value refused by a transform: the code and one sentence naming the value.
public struct ValueRejection: Error, Sendable, Equatable {
    public let code: RejectionCode
    public let message: String

    public init(_ code: RejectionCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A source record that will not be written, with every reason found and where the record was read.
public struct RecordRejection: Sendable, Equatable {
    public let object: String
    public let sourceId: String
    public let file: String
    public let line: Int
    public var reasons: [Reason]

    /// One reason, tied to the source column (or Twenty field) it is about.
    public struct Reason: Sendable, Equatable {
        public let field: String?
        public let code: RejectionCode
        public let message: String

        public init(field: String?, code: RejectionCode, message: String) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    public init(object: String, sourceId: String, file: String, line: Int, reasons: [Reason]) {
        self.object = object
        self.sourceId = sourceId
        self.file = file
        self.line = line
        self.reasons = reasons
    }

    /// The `record.rejected` event; each reason's message names the file and line so it reads on its own.
    public var event: RecordRejected {
        RecordRejected(
            object: object, sourceId: sourceId, file: file, line: line,
            reasons: reasons.map {
                RejectionReason(
                    field: $0.field, code: $0.code.rawValue, message: "\(file):\(line) \(sourceId): \($0.message)")
            })
    }
}
