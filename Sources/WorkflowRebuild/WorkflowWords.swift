import AllegoryExport

/// The words workflow exports use for their parts, in Allegory's vocabulary and in other writers' (snake_case,
/// "when/then", "criteria/steps", German). Recognition is by whole words only: a word not listed here is reported
/// as not recognised rather than guessed at.
enum WorkflowWords {
    /// A member name compared the way headers are: lower-case letters and digits only.
    static func key(_ name: String) -> String { HeaderName.normalize(name) }

    static let name: Set<String> = ["name", "title", "workflow", "workflowname", "rulename", "label", "bezeichnung"]
    static let object: Set<String> = [
        "object", "entity", "module", "recordtype", "objecttype", "appliesto", "table", "objekt", "modul",
    ]
    static let trigger: Set<String> = ["trigger", "when", "event", "on", "ausloser", "auslöser", "triggertype"]
    static let conditions: Set<String> = ["conditions", "criteria", "filters", "filter", "if", "bedingungen"]
    static let actions: Set<String> = ["actions", "steps", "then", "do", "aktionen", "action"]
    static let schedule: Set<String> = ["schedule", "timing", "cron", "zeitplan", "recurrence"]
    static let active: Set<String> = ["active", "enabled", "isactive", "status", "aktiv", "state"]
    /// Inside a trigger, condition or action object, most telling first (`name` may be a step's label).
    static let type = ["type", "kind", "action", "event", "on", "typ", "name"]
    static let field: Set<String> = ["field", "property", "column", "attribute", "feld"]
    static let comparison: Set<String> = ["operator", "op", "comparison", "match", "operator"]
    static let value: Set<String> = ["value", "values", "wert", "equals"]
    static let cron: Set<String> = ["cron", "expression", "cronexpression"]
    static let timeZone: Set<String> = ["timezone", "tz", "zone", "zeitzone"]

    /// Words of free text, lower-case, split at anything not a letter or digit (`record.created`, `On Create`).
    static func words(_ text: String) -> Set<String> {
        Set(
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
                + camelWords(text))
    }

    /// `recordCreated` -> record, created: foreign writers spell types in camel case too.
    private static func camelWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isUppercase, !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
            if character.isLetter {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    static func trigger(_ said: String, field: String?) -> TriggerKind? {
        let w = words(said)
        func any(_ set: Set<String>) -> Bool { !w.isDisjoint(with: set) }
        if any(["schedule", "scheduled", "cron", "daily", "weekly", "hourly", "monthly", "recurring", "timer"]) {
            return .schedule
        }
        if any(["manual", "manually", "button", "ondemand"]) { return .manual }
        if any(["webhook", "incoming", "inbound"]) { return .webhook }
        if any(["deleted", "delete", "removed", "remove", "geloscht", "gelöscht"]) { return .deleted }
        if any(["created", "create", "new", "insert", "inserted", "added", "erstellt", "neu", "angelegt"]) {
            return .created
        }
        let changed = any([
            "changed", "change", "updated", "update", "modified", "edited", "edit", "geandert", "geändert",
        ])
        if changed, any(["field", "property", "feld"]) || field != nil { return .fieldChanged }
        if changed { return .updated }
        return nil
    }

    static func comparison(_ said: String) -> Comparison? {
        let compact = key(said)
        switch said.trimmingCharacters(in: .whitespaces) {
        case "=", "==": return .equals
        case "!=", "<>": return .notEquals
        case ">": return .greaterThan
        case "<": return .lessThan
        default: break
        }
        let table: [String: Comparison] = [
            "equals": .equals, "eq": .equals, "is": .equals, "equal": .equals, "gleich": .equals,
            "notequals": .notEquals, "ne": .notEquals, "isnot": .notEquals, "notequal": .notEquals,
            "greaterthan": .greaterThan, "gt": .greaterThan, "above": .greaterThan, "morethan": .greaterThan,
            "lessthan": .lessThan, "lt": .lessThan, "below": .lessThan,
            "in": .isOneOf, "oneof": .isOneOf, "isoneof": .isOneOf, "anyof": .isOneOf,
            "before": .before, "isbefore": .before, "after": .after, "isafter": .after,
            "contains": .contains, "includes": .contains,
            "isempty": .isEmpty, "empty": .isEmpty, "isnotempty": .isNotEmpty, "notempty": .isNotEmpty,
            "olderthanmonths": .olderThanMonths, "withinnextdays": .withinNextDays,
        ]
        return table[compact]
    }

    static func action(_ said: String) -> ActionKind? {
        let w = words(said)
        func any(_ set: Set<String>) -> Bool { !w.isDisjoint(with: set) }
        let email = any(["email", "mail"])
        if any(["sequence", "drip", "cadence", "nurture", "campaign"]) { return .emailSequence }
        if any(["report", "digest", "export"]) { return .sendReport }
        if any(["task", "todo", "aufgabe"]) && any(["create", "add", "new", "erstellen"]) { return .createTask }
        if any(["assign", "roundrobin", "zuweisen"]) { return .assignOwner }
        if any(["webhook", "http", "request", "url", "callout"]) { return .callWebhook }
        if any(["notify", "notification", "alert", "benachrichtigen"]) { return .notify }
        if any(["slack", "teams", "chat", "channel"]) || (any(["post"]) && any(["message"])) { return .postMessage }
        if any(["sms", "text"]) && !email { return .sendSMS }
        if email { return .sendEmail }
        if any(["wait", "delay", "pause", "warten"]) { return .wait }
        if any(["code", "script", "function"]) { return .runCode }
        if any(["delete", "remove"]) { return .deleteRecord }
        if any(["update", "set", "change"]) { return .updateField }
        if any(["create", "add", "new"]) && any(["record", "entry"]) { return .createRecord }
        return nil
    }

    /// The export's way of saying a workflow is on or off.
    static func active(_ said: String) -> Bool? {
        switch key(said) {
        case "true", "yes", "1", "active", "enabled", "on", "ja", "aktiv": true
        case "false", "no", "0", "inactive", "disabled", "off", "paused", "nein", "inaktiv": false
        default: nil
        }
    }
}
