/// Header names compared the way people write them: case, spaces and punctuation do not matter
/// (`E-mail`, `e mail`, `EMAIL` are the same name).
public enum HeaderName {
    /// Lower-case letters and digits only.
    public static func normalize(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// The index of the first header matching any of `names`, compared normalised.
    public static func find(_ names: [String], in header: [String]) -> Int? {
        let wanted = Set(names.map(normalize))
        return header.firstIndex { wanted.contains(normalize($0)) }
    }
}
