import Foundation

/// Merges a language model's suggestions into a proposal: a suggestion is adopted when its target is valid for the
/// object, free, and it beats the tool's own confidence or fills a gap (a new custom field, or no target).
public enum AssistMerge {
    public struct Result: Sendable {
        public var map: FieldMap
        public var received: Int
        public var adopted: Int
    }

    public static func apply(
        client: AssistClient, to map: FieldMap, samples: [String: SourceSample], catalog: TargetCatalog
    ) async throws -> Result {
        var questions: [AssistClient.Question] = []
        for object in map.objects where !object.target.isEmpty {
            guard let sample = samples[object.source] else { continue }
            let fields = (catalog.object(object.target)?.writableFields ?? []).map(\.name)
            let columns = object.fields.map { field -> (String, [String]) in
                let index = sample.header.firstIndex(of: field.column)
                let values =
                    index.map { i in
                        Array(
                            Set(sample.values(ofColumn: i).filter { !$0.isEmpty }).sorted().prefix(
                                AssistClient.samplesPerColumn))
                    } ?? []
                return (field.column, values)
            }
            questions.append(.init(object: object.source, target: object.target, fields: fields, columns: columns))
        }
        let suggestions = try await client.suggest(questions)
        return merge(suggestions, into: map, catalog: catalog)
    }

    public static func merge(_ suggestions: [AssistClient.Suggestion], into map: FieldMap, catalog: TargetCatalog)
        -> Result
    {
        var result = map
        var adopted = 0
        let validator = MapValidator(catalog: catalog)
        for suggestion in suggestions {
            guard let objectIndex = result.objects.firstIndex(where: { $0.source == suggestion.object }),
                let fieldIndex = result.objects[objectIndex].fields.firstIndex(where: { $0.column == suggestion.column }
                )
            else { continue }
            let current = result.objects[objectIndex].fields[fieldIndex]
            let fillsGap = current.target == nil || current.newField != nil
            guard fillsGap || suggestion.confidence > current.confidence else { continue }
            if result.objects[objectIndex].fields.contains(where: {
                $0.target == suggestion.target && $0.column != suggestion.column
            }) {
                continue
            }
            var candidate = result
            candidate.objects[objectIndex].fields[fieldIndex] = FieldMapping(
                column: current.column, target: suggestion.target, transform: suggestion.transform,
                confidence: (suggestion.confidence * 100).rounded() / 100,
                reasons: ["language model suggested \(suggestion.target): \(suggestion.reason)"]
                    + current.reasons.map { "the tool's own proposal was \(current.target ?? "none"): \($0)" }.prefix(1),
                format: current.format, separator: suggestion.transform == .emailList ? ";" : nil,
                decimalSeparator: [.number, .currencyAmount].contains(suggestion.transform)
                    ? current.decimalSeparator : nil)
            // Adopt only what validates: the model may name fields the workspace does not have.
            let subject = "\(suggestion.object).\(suggestion.column)"
            let problems = validator.problems(in: candidate).filter { $0.subject.hasPrefix(subject) }
            if problems.isEmpty {
                result = candidate
                adopted += 1
            }
        }
        return Result(map: result, received: suggestions.count, adopted: adopted)
    }
}
