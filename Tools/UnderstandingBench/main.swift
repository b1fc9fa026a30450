import ExportScoring
import ForeignExport
import Foundation

// understanding-bench: scores the export understanding, the audit and the proposal against exports written by
// another hand: every style of write-foreign-export (or the folders given, each with its answer-key.json).
//
//     swift run understanding-bench                      # every foreign style, 400 people, seed 7
//     swift run understanding-bench --details DIR...     # given exports, every miss listed

var arguments = Array(CommandLine.arguments.dropFirst())
let details = arguments.contains("--details")
arguments.removeAll { $0 == "--details" }
let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
    "understanding-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }

var exports: [(String, URL)] = arguments.map { ($0, URL(fileURLWithPath: $0)) }
if exports.isEmpty {
    for style in ForeignStyle.allCases {
        let folder = scratch.appendingPathComponent(style.rawValue)
        try ForeignExportWriter(style: style, records: 400, seed: 7).write(to: folder)
        exports.append((style.rawValue, folder))
    }
}
for (name, folder) in exports {
    let data = try Data(contentsOf: folder.appendingPathComponent(ForeignExportWriter.answerKeyName))
    let key = try JSONDecoder().decode(AnswerKey.self, from: data)
    let started = Date()
    let card = try ExportScoring.score(
        export: folder, key: key, name: name, work: scratch.appendingPathComponent("work-\(name)"))
    print(card.summary + String(format: " [%.1f s]", Date().timeIntervalSince(started)))
    if details { for line in card.details { print("    " + line) } }
}
