import AllegoryExport
import TwentyModel

/// Source values of a pick-list column to the options of a SELECT field, one by one. What has no counterpart becomes
/// a new option (`isNew`), in the source's order, rather than being forced into a wrong one.
enum ValueMapProposer {
    /// Source words (normalised) meaning each of Twenty's standard options.
    static let stageSynonyms: [String: [String]] = [
        "NEW": ["new", "lead", "prospect", "open", "inbound"],
        "SCREENING": ["screening", "qualified", "qualification", "qualifying", "discovery"],
        "MEETING": ["meeting", "demo", "meetingscheduled", "demoscheduled"],
        "PROPOSAL": ["proposal", "quote", "quoted", "proposalsent"],
        "CUSTOMER": ["customer", "closedwon", "won"],
    ]
    static let taskStatusSynonyms: [String: [String]] = [
        "TODO": ["todo", "notstarted", "open", "pending", "new"],
        "IN_PROGRESS": ["inprogress", "started", "ongoing", "working"],
        "DONE": ["done", "completed", "complete", "closed", "finished"],
    ]

    struct Result {
        var values: [ValueMapping]
        var reasons: [String]
    }

    /// - Parameters:
    ///   - won: source values that are won stages (`Is Won` in stages.csv): a won deal made a customer.
    ///   - lost: source values that are closed, not won.
    static func map(
        _ sourceValues: [String], to options: [SelectOption], synonyms: [String: [String]] = [:], won: Set<String> = [],
        lost: Set<String> = []
    ) -> Result {
        var values: [ValueMapping] = []
        var reasons: [String] = []
        var newOptions: [String] = []
        for source in sourceValues {
            let normalized = HeaderName.normalize(source)
            if let option = options.first(where: {
                HeaderName.normalize($0.value) == normalized || HeaderName.normalize($0.label) == normalized
            }) {
                values.append(ValueMapping(source: source, target: option.value))
            } else if let option = options.first(where: { synonyms[$0.value]?.contains(normalized) == true }) {
                values.append(ValueMapping(source: source, target: option.value))
                reasons.append("\(source) -> \(option.value): the same step under another name")
            } else if won.contains(source), options.contains(where: { $0.value == "CUSTOMER" }) {
                values.append(ValueMapping(source: source, target: "CUSTOMER"))
                reasons.append("\(source) -> CUSTOMER: a won deal made the company a customer")
            } else {
                var value = SelectOption.value(forLabel: source)
                while options.contains(where: { $0.value == value }) || newOptions.contains(value) { value += "_" }
                newOptions.append(value)
                values.append(ValueMapping(source: source, target: value, isNew: true))
                if lost.contains(source) {
                    reasons.append(
                        "\(source) -> \(value) (new option): Twenty has no lost stage, and putting lost deals in an open"
                            + " stage would count them as pipeline")
                }
            }
        }
        if !newOptions.isEmpty {
            reasons.append("new options, in the source's order: \(newOptions.joined(separator: ", "))")
        }
        return Result(values: values, reasons: reasons)
    }

    /// A new SELECT field's options, from the source's values in their order.
    static func options(for sourceValues: [String]) -> (options: [SelectOption], values: [ValueMapping]) {
        let palette = ["blue", "green", "orange", "purple", "sky", "turquoise", "yellow", "pink", "red", "gray"]
        var options: [SelectOption] = []
        var values: [ValueMapping] = []
        for source in sourceValues {
            var value = SelectOption.value(forLabel: source)
            if let existing = options.first(where: { $0.label == source }) {
                values.append(ValueMapping(source: source, target: existing.value))
                continue
            }
            while options.contains(where: { $0.value == value }) { value += "_" }
            options.append(
                SelectOption(
                    value: value, label: source, color: palette[options.count % palette.count], position: options.count)
            )
            values.append(ValueMapping(source: source, target: value))
        }
        return (options, values)
    }

    /// MIME types to Twenty's attachment categories.
    static func fileCategory(forMIME mime: String) -> String {
        let lower = mime.lowercased()
        if lower.hasPrefix("image/") { return "IMAGE" }
        if lower.hasPrefix("audio/") { return "AUDIO" }
        if lower.hasPrefix("video/") { return "VIDEO" }
        if ["zip", "tar", "gzip", "x-7z", "rar", "compressed"].contains(where: lower.contains) { return "ARCHIVE" }
        if ["spreadsheet", "excel", "csv"].contains(where: lower.contains) { return "SPREADSHEET" }
        if ["presentation", "powerpoint"].contains(where: lower.contains) { return "PRESENTATION" }
        if lower.hasPrefix("text/")
            || ["pdf", "msword", "wordprocessing", "rtf", "opendocument.text"].contains(where: lower.contains)
        {
            return "TEXT_DOCUMENT"
        }
        return "OTHER"
    }
}
