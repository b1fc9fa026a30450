import CanonicalJSON

/// The records in an answer of Twenty's that lists them under one key named after the operation
/// (`{"data":{"createCompanies":[...]}}`, `{"data":{"deleteCompanies":[{"id":...}]}}`): read without spelling the
/// key, whose plural and casing vary by object and version.
enum AnswerRecords {
    static func all(in answer: JSONValue) -> [JSONValue] {
        guard case .object(let data) = answer["data"] ?? .null else { return [] }
        return data.values.flatMap { $0.arrayValue ?? [] }
    }
}
