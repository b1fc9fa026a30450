import Foundation
import Testing

@testable import WorkflowRebuild

/// Workflow files another CRM might write: other member names, other words, and things no tool could know.
@Suite("Workflow reference: foreign and hostile files")
struct ForeignWorkflowTests {
    static let foreign = """
        {"automations": [
          {"rule_id": "R-1", "title": "Neue Web-Leads begrüßen", "entity": "Kontakte", "when": "On Create",
           "criteria": [{"property": "Lead Source", "op": "=", "value": "Web"}],
           "then": [{"kind": "email", "recipient": "{{Email}}"}, {"kind": "wait", "days": 3},
                    {"kind": "drip_sequence", "label": "Onboarding"}],
           "enabled": "no"},
          {"rule_id": "R-2", "title": "Teleport deals", "entity": "deals", "when": "at full moon",
           "criteria": [{"property": "Stage", "op": "resembles", "value": "Proposal"}],
           "then": [{"kind": "summon_unicorn"}], "enabled": "yes"}
        ]}
        """

    @Test("a second writer's member names and words are read: trigger, conditions, actions, active")
    func foreignNaming() throws {
        let export = try WorkflowExport(.file(name: "automations.json", json: Self.foreign))
        let reference = try export.reference()
        #expect(reference.entries.count == 2)
        let welcome = try #require(reference.entries.first { $0.workflow.name == "Neue Web-Leads begrüßen" })
        #expect(welcome.workflow.active == false)
        #expect(welcome.workflow.trigger.kind == .created)
        #expect(welcome.plan.object.twenty == "person")
        #expect(welcome.plan.trigger?.type == "DATABASE_EVENT")
        #expect(welcome.plan.steps.map(\.type) == ["FILTER", "SEND_EMAIL", "DELAY", "HTTP_REQUEST"])
        #expect(welcome.plan.gaps.contains { $0.what.contains("multi-step email sequence") })
        #expect(welcome.plan.unrecognised == [])
    }

    @Test("what a second writer says in unknown words is reported as not recognised, never guessed")
    func unknownWordsReported() throws {
        let export = try WorkflowExport(.file(name: "automations.json", json: Self.foreign))
        let reference = try export.reference()
        let teleport = try #require(reference.entries.first { $0.workflow.name == "Teleport deals" })
        #expect(teleport.plan.trigger == nil)
        #expect(
            teleport.plan.unrecognised == [
                "not recognised: condition \"Stage resembles Proposal\"", "not recognised: trigger \"at full moon\"",
                "not recognised: action \"summon_unicorn\"",
            ])
        #expect(teleport.plan.steps == [])
        #expect(reference.counts.unrecognised == 3)
        #expect(reference.summary.lost.first?.hasPrefix("3 parts of workflows were not recognised") == true)
        #expect(reference.markdown(projectName: "p").contains("not recognised: trigger \"at full moon\""))
    }

    static let hostile = """
        [{"id": "WF-1", "name": "<img src=x onerror=alert(1)> | *bold* `tick` [link](http://e.vil)\\u202Eexe.jpg",
          "object": "contacts", "trigger": {"type": "record.created"},
          "conditions": [{"field": "Lead Source", "operator": "equals", "value": "</code><script>x</script>"}],
          "actions": [{"type": "webhook", "method": "POST", "url": "https://e.vil/`x`|y\\ue001<b>"}],
          "active": true}]
        """

    @Test("hostile values are escaped in the page and cannot break the Markdown's structure")
    func hostileValuesEscaped() throws {
        let export = try WorkflowExport(.file(name: "workflows.json", json: Self.hostile))
        let reference = try export.reference()
        #expect(reference.entries.count == 1)
        let html = reference.html(projectName: "<p>")
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("y<b>") && html.contains("y&lt;b&gt;"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.components(separatedBy: "<code>").count == html.components(separatedBy: "</code>").count)

        let markdown = reference.markdown(projectName: "<p>")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("### ") }.count == 1)
        #expect(!markdown.contains("\u{E001}"))
        // No raw HTML: every angle bracket from the source is escaped.
        for line in lines { #expect(Self.unescaped("<", in: line) == 0, "\(line)") }
        // Outside code spans every backtick, pipe and bracket from the source is escaped.
        let heading = try #require(lines.first { $0.hasPrefix("### ") })
        #expect(heading.contains("\\<img src=x onerror=alert(1)\\> \\| \\*bold\\* \\`tick\\` \\[link\\](http://e.vil)"))
        for line in lines where line.hasPrefix("|") {
            #expect(Self.unescapedPipes(line) == 3, "\(line)")
        }
        // Each line's code spans are balanced: an even number of unescaped backticks.
        for line in lines { #expect(Self.unescaped("`", in: line) % 2 == 0, "\(line)") }
    }

    static func unescapedPipes(_ line: Substring) -> Int { unescaped("|", in: line) }

    static func unescaped(_ mark: Character, in line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == mark {
                count += 1
            }
        }
        return count
    }
}
