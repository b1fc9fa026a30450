import ValueRules

/// Email addresses by ValueRules' EmailRule (the profiler's and the audit's rule too): trimmed, lower-cased and
/// unwrapped from `Name <...>` and `mailto:`, or refused as invalid-email.
public enum Emails {
    public static func normalize(_ raw: String) -> Result<String, ValueRejection> {
        guard let email = EmailRule.normalize(raw) else {
            return .failure(ValueRejection(.invalidEmail, "\(Text.quoted(raw)) is not an email address"))
        }
        return .success(email)
    }

    /// The emails of a list column (`a@x.com; b@y.com`), normalised, without repeats and without `primary`.
    /// The first invalid item refuses the whole list: writing part of it would silently lose the rest.
    public static func list(_ raw: String, separator: String?, excluding primary: String?) -> Result<
        [String], ValueRejection
    > {
        var seen = Set<String>()
        if let primary { seen.insert(primary) }
        var result: [String] = []
        for item in items(raw, separator: separator) {
            switch normalize(item) {
            case .success(let email): if seen.insert(email).inserted { result.append(email) }
            case .failure(let rejection): return .failure(rejection)
            }
        }
        return .success(result)
    }

    /// List items split on `separator`, or on `;` and `,` when the map gives none.
    static func items(_ raw: String, separator: String?) -> [String] {
        let parts: [Substring]
        if let separator, !separator.isEmpty {
            parts = raw.split(separator: separator)
        } else {
            parts = raw.split(whereSeparator: { $0 == ";" || $0 == "," })
        }
        return parts.map { Text.trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}
