import AllegoryExport
import CanonicalJSON

/// Reads one workflow record (its members as text, nested objects and arrays as JSON) into a `SourceWorkflow`,
/// whichever words the export uses for its members.
enum WorkflowReading {
    static func workflow(sourceId: String, file: String, line: Int, values: [String: String]) -> SourceWorkflow {
        // The code-span marks are the reports' own; source text never carries them.
        let members = values.map { (name: CodeSpan.clean($0.key), value: CodeSpan.clean($0.value)) }.sorted {
            $0.name < $1.name
        }
        func member(_ keys: Set<String>) -> String? {
            members.first { keys.contains(WorkflowWords.key($0.name)) }?.value
        }
        let scheduleText = member(WorkflowWords.schedule)
        let schedule = scheduleText.flatMap(Self.schedule)
        return SourceWorkflow(
            sourceId: sourceId, file: file, line: line,
            name: member(WorkflowWords.name) ?? sourceId,
            object: member(WorkflowWords.object) ?? "",
            active: member(WorkflowWords.active).flatMap(WorkflowWords.active),
            trigger: trigger(member(WorkflowWords.trigger) ?? ""),
            conditions: list(member(WorkflowWords.conditions)).map(condition),
            actions: list(member(WorkflowWords.actions)).map(action),
            schedule: schedule)
    }

    /// A member's text as parsed JSON when it is an object or array, else as a string.
    static func parsed(_ text: String) -> JSONValue {
        let trimmed = text.trimmingWhitespace
        guard let first = trimmed.first, first == "{" || first == "[",
            let value = try? JSONParser.parse(Array(trimmed.utf8))
        else { return .string(trimmed) }
        return value
    }

    /// The elements of a list member; a single object or a sentence counts as a list of one, nothing as none.
    static func list(_ text: String?) -> [JSONValue] {
        guard let text, !text.trimmingWhitespace.isEmpty else { return [] }
        switch parsed(text) {
        case .array(let items): return items
        case .null: return []
        case let other: return [other]
        }
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .array(let items): items.map(text).joined(separator: ", ")
        case .object: value.canonicalText
        }
    }

    /// An object's member under the first of `keys` it has (in the keys' order of preference).
    static func member(_ object: [String: JSONValue], _ keys: [String]) -> (name: String, value: JSONValue)? {
        for key in keys {
            if let found = object.first(where: { WorkflowWords.key($0.key) == key }) { return (found.key, found.value) }
        }
        return nil
    }

    static func member(_ object: [String: JSONValue], _ keys: Set<String>) -> (name: String, value: JSONValue)? {
        object.sorted { $0.key < $1.key }.first { keys.contains(WorkflowWords.key($0.key)) }.map { ($0.key, $0.value) }
    }

    static func trigger(_ text: String) -> SourceWorkflow.Trigger {
        switch parsed(text) {
        case .object(let object):
            let type = member(object, WorkflowWords.type).map { Self.text($0.value) } ?? ""
            let field = member(object, WorkflowWords.field).map { Self.text($0.value) }
            return SourceWorkflow.Trigger(
                kind: WorkflowWords.trigger(type, field: field), said: type.isEmpty ? text : type, field: field)
        case let value:
            let said = Self.text(value)
            return SourceWorkflow.Trigger(kind: WorkflowWords.trigger(said, field: nil), said: said, field: nil)
        }
    }

    static func condition(_ value: JSONValue) -> SourceWorkflow.Condition {
        guard case .object(let object) = value else {
            // A condition written as a sentence: kept whole, its comparison not recognised.
            let said = text(value)
            return SourceWorkflow.Condition(field: "", comparison: nil, saidComparison: said, value: "")
        }
        let said = member(object, WorkflowWords.comparison).map { text($0.value) } ?? ""
        return SourceWorkflow.Condition(
            field: member(object, WorkflowWords.field).map { text($0.value) } ?? "",
            comparison: WorkflowWords.comparison(said), saidComparison: said,
            value: member(object, WorkflowWords.value).map { text($0.value) } ?? "")
    }

    static func action(_ value: JSONValue) -> SourceWorkflow.Action {
        guard case .object(let object) = value else {
            let said = text(value)
            return SourceWorkflow.Action(kind: WorkflowWords.action(said), said: said, parameters: [])
        }
        let type = member(object, WorkflowWords.type)
        let said = type.map { text($0.value) } ?? value.canonicalText
        let parameters = object.filter { $0.key != type?.name }.sorted { $0.key < $1.key }.map {
            SourceWorkflow.Parameter(name: $0.key, value: text($0.value))
        }
        return SourceWorkflow.Action(
            kind: type == nil ? nil : WorkflowWords.action(said), said: said, parameters: parameters)
    }

    static func schedule(_ text: String) -> SourceWorkflow.Schedule? {
        switch parsed(text) {
        case .null: return nil
        case .string(let s):
            // Only five or six space-separated fields are a cron expression; "weekly" is said, not guessed at.
            let isCron = (5...6).contains(s.split(separator: " ").count)
            return s.isEmpty ? nil : SourceWorkflow.Schedule(cron: isCron ? s : nil, timeZone: nil, said: s)
        case .object(let object):
            return SourceWorkflow.Schedule(
                cron: member(object, WorkflowWords.cron).map { Self.text($0.value) },
                timeZone: member(object, WorkflowWords.timeZone).map { Self.text($0.value) }, said: text)
        case let other:
            return SourceWorkflow.Schedule(cron: nil, timeZone: nil, said: Self.text(other))
        }
    }
}
