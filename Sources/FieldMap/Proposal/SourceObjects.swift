import AllegoryExport
import ExportUnderstanding
import TwentyModel

/// Which Twenty object each file of the export becomes, and why: read from the one table of standard CRM objects
/// (ExportUnderstanding's `ObjectVocabulary`), keyed by the default layout's object names.
enum SourceObjects {
    /// The export's standard objects and their Twenty objects; `profile` names the column rules that apply.
    static let standard: [String: (target: String, reason: String)] = Dictionary(
        uniqueKeysWithValues: ObjectVocabulary.all.compactMap { vocabulary in
            vocabulary.twentyObject.map { (vocabulary.role.rawValue, ($0, vocabulary.reason)) }
        })

    /// Objects that describe the export rather than hold records to write.
    static let notMigrated: [String: String] = Dictionary(
        uniqueKeysWithValues: ObjectVocabulary.all.compactMap { vocabulary in
            vocabulary.notMigratedReason.map { (vocabulary.role.rawValue, $0) }
        })

    /// Other names of the standard objects' files, for exports whose files are named otherwise.
    static let synonyms: [String: [String]] = Dictionary(
        uniqueKeysWithValues: ObjectVocabulary.all.map { ($0.role.rawValue, $0.fileNames) })

    /// The standard file an unknown file name stands for, if any, with how sure.
    static func standardObject(like name: String) -> (object: String, score: Double)? {
        var best: (String, Double)?
        for (object, names) in synonyms {
            for candidate in [object] + names {
                let score =
                    HeaderName.normalize(candidate) == HeaderName.normalize(name)
                    ? 1 : HeaderSimilarity.score(name, candidate)
                if score > (best?.1 ?? 0) { best = (object, score) }
            }
        }
        guard let best, best.1 >= 0.8 else { return nil }
        return (best.0, best.1)
    }

    /// `projects` -> `project`.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("xes") { return String(name.dropLast(2)) }
        if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
        return name
    }

    /// `project_phase` -> `Project Phase`.
    static func label(_ name: String) -> String {
        HeaderWords.split(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

extension NewObject {
    /// The fields Twenty gives every custom object when it is created: the system fields and a `name`.
    public var impliedFields: [FieldDescription] {
        StandardObjects.systemFields + [FieldDescription(name: "name", label: "Name", type: .text)]
    }
}
