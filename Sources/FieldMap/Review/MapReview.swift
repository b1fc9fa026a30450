import Foundation

/// The map side by side with sample source values and what the transforms make of them, lowest confidence first:
/// where a person's attention pays most.
public struct MapReview: Sendable {
    /// How a value becomes a Twenty value under a mapping; the CLI supplies RecordTransform's when it exists.
    public typealias ValueTransformer = @Sendable (SampledValue) -> String

    /// One sampled value to show transformed, with what its transform may consult besides the value itself: its
    /// object's map and the other values of its record (a phone number is read in the record's country).
    public struct SampledValue: Sendable {
        public var object: ObjectMap
        public var field: FieldMapping
        public var value: String
        /// The record's values by column, this one included.
        public var record: [String: String]

        public init(object: ObjectMap, field: FieldMapping, value: String, record: [String: String]) {
            self.object = object
            self.field = field
            self.value = value
            self.record = record
        }
    }

    public struct Row: Sendable {
        public var object: String
        public var column: String
        public var target: String
        public var transform: String
        public var confidence: Double
        public var reasons: [String]
        public var samples: [(source: String, transformed: String)]
    }

    public var rows: [Row]
    /// Each migrated object's `onCollision` policy, in map order: what happens to records already in the workspace.
    public var collisions: [(object: String, target: String, policy: CollisionPolicy)]
    /// Says how transformed values were computed (or that they were not).
    public var transformNote: String

    public init(
        map: FieldMap, samples: [String: SourceSample], samplesPerField: Int = 3, transformNote: String,
        transformer: ValueTransformer
    ) {
        var rows: [Row] = []
        for object in map.objects {
            guard object.createdObject != nil || !object.target.isEmpty else { continue }
            let sample = samples[object.source]
            for field in object.fields {
                var values: [(String, String)] = []
                if let sample, let index = sample.header.firstIndex(of: field.column) {
                    var seen = Set<String>()
                    for row in sample.rows {
                        let value = index < row.count ? row[index] : ""
                        guard !value.isEmpty, seen.insert(value).inserted else { continue }
                        // The first header wins a repeated name, as the reader keeps the first column of that name.
                        let record = Dictionary(zip(sample.header, row), uniquingKeysWith: { first, _ in first })
                        values.append(
                            (
                                value,
                                transformer(SampledValue(object: object, field: field, value: value, record: record))
                            ))
                        if values.count == samplesPerField { break }
                    }
                }
                rows.append(
                    Row(
                        object: object.source, column: field.column,
                        target: field.target.map { object.target + "." + $0 }
                            ?? field.parentTypeColumn.map { "\(object.target) parent, of the object named in \($0)" }
                            ?? "(not migrated)",
                        transform: field.transform.rawValue, confidence: field.confidence, reasons: field.reasons,
                        samples: values))
            }
        }
        self.rows = rows.enumerated().sorted {
            $0.element.confidence != $1.element.confidence
                ? $0.element.confidence < $1.element.confidence : $0.offset < $1.offset
        }.map(\.element)
        self.transformNote = transformNote
        collisions = map.objects.filter { $0.disposition != .skip && !$0.target.isEmpty }.map {
            ($0.source, $0.target, $0.onCollision)
        }
    }

    /// One line per object: what a collision with a record already in the workspace does.
    static func collisionLine(_ object: String, _ target: String, _ policy: CollisionPolicy) -> String {
        let effect =
            switch policy {
            case .merge: "merged into the existing \(target) (the fields we send; before-image recorded)"
            case .skip: "excluded; the existing \(target) is left as it is and children link to it"
            case .fail: "refused, naming the existing \(target) and the value"
            }
        return "\(object) onCollision \(policy.rawValue): a record colliding with one in the workspace is \(effect)"
    }

    /// What a reviewer sees when no transform engine is available: the raw value and the transform that will apply.
    public static let untransformed: ValueTransformer = { sampled in
        sampled.field.transform == .skip ? "(skipped)" : "\(sampled.field.transform.rawValue)(\(sampled.value))"
    }

    public var text: String {
        var lines = [transformNote, ""]
        for (object, target, policy) in collisions { lines.append(Self.collisionLine(object, target, policy)) }
        if !collisions.isEmpty {
            lines.append("A soft-deleted record in the workspace always refuses ours, whatever the policy.\n")
        }
        for row in rows {
            lines.append(
                String(format: "%.2f  ", row.confidence)
                    + "\(row.object).\(row.column) -> \(row.target) [\(row.transform)]")
            for sample in row.samples {
                lines.append("        \(sample.source.prefix(50))  =>  \(sample.transformed.prefix(60))")
            }
            if let reason = row.reasons.first { lines.append("        why: \(reason)") }
        }
        return lines.joined(separator: "\n")
    }
}
