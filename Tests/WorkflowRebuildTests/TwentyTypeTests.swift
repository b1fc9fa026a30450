import ExportUnderstanding
import Testing

@testable import WorkflowRebuild

/// Triggers and actions the generator's templates do not use, read from words other writers use.
@Suite("Workflow reference: Twenty's trigger and step types")
struct TwentyTypeTests {
    static let names = TwentyNames(map: nil, state: .none, understanding: ExportUnderstanding(files: []))

    static func plan(trigger: String, actions: String) -> RebuildPlan {
        let workflow = WorkflowReading.workflow(
            sourceId: "W1", file: "rules.json", line: 1,
            values: ["name": "w", "object": "deals", "trigger": trigger, "actions": actions])
        return RebuildPlanner.plan(workflow, names: names)
    }

    @Test(
        "each kind of trigger becomes its Twenty trigger type",
        arguments: [
            ("On Delete", "DATABASE_EVENT"), ("{\"event\":\"recordUpdated\"}", "DATABASE_EVENT"),
            ("manual button", "MANUAL"), ("incoming webhook", "WEBHOOK"), ("{\"type\":\"scheduled\"}", "CRON"),
        ])
    func triggers(said: String, type: String) {
        #expect(Self.plan(trigger: said, actions: "[]").trigger?.type == type)
    }

    @Test("delete, wait, code and text-message actions become DELETE_RECORD, DELAY, CODE and an HTTP_REQUEST")
    func actions() {
        let plan = Self.plan(
            trigger: "record.created",
            actions: #"[{"type":"delete_record"},{"type":"wait","days":2},{"type":"run_script"},{"type":"send_sms"}]"#)
        #expect(plan.steps.map(\.type) == ["DELETE_RECORD", "DELAY", "CODE", "HTTP_REQUEST"])
        #expect(plan.gaps.map(\.what) == ["text messages have no step in Twenty"])
        #expect(plan.trigger?.words.contains("record event created of \"deals\" (no Twenty object)") == true)
    }
}
