import Testing

@testable import FieldMap

@Suite("Review")
struct ReviewTests {
    static let sample = SourceSample(
        file: "tasks.csv", object: "tasks", header: ["Task ID", "Phone", "Country", "Related Type", "Related ID"],
        rows: [
            ["T1", "91 717 86 87", "Spain", "companies", "CO1"],
            ["T2", "91 717 86 87", "United States", "contacts", "C7"],
            ["T3", "030 1234567", "Germany", "contacts", "C8"],
        ], isWholeFile: true)

    static let map = FieldMap(
        twenty: TwentyTarget(),
        objects: [
            ObjectMap(
                source: "tasks", file: "tasks.csv", key: "Task ID", target: "task", confidence: 1, reasons: [],
                fields: [
                    FieldMapping(
                        column: "Phone", target: "phone.primaryPhoneNumber", transform: .phone, confidence: 0.9,
                        reasons: []),
                    FieldMapping(
                        column: "Related ID", target: nil, transform: .reference, confidence: 0.95, reasons: [],
                        references: "Related Type"),
                ])
        ])

    @Test("each sampled value reaches the transformer with the rest of its record, once per distinct value")
    func transformerSeesTheRecord() {
        let review = MapReview(map: Self.map, samples: ["tasks": Self.sample], transformNote: "") { sampled in
            "\(sampled.object.source) \(sampled.value) in \(sampled.record["Country"] ?? "?")"
        }
        let phone = review.rows.first { $0.column == "Phone" }
        #expect(phone?.samples.map(\.transformed) == ["tasks 91 717 86 87 in Spain", "tasks 030 1234567 in Germany"])
    }

    @Test("a polymorphic parent is shown as linked through its type column, not as left out")
    func polymorphicParentTarget() {
        let review = MapReview(
            map: Self.map, samples: ["tasks": Self.sample], transformNote: "", transformer: MapReview.untransformed)
        #expect(Self.map.objects[0].fields[1].isPolymorphicParent)
        #expect(
            review.rows.first { $0.column == "Related ID" }?.target
                == "task parent, of the object named in Related Type")
    }
}
