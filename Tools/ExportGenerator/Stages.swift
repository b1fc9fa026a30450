import Foundation

/// The deal pipelines and their ordered stages; every deal's Stage and Probability come from here.
struct Stage: Sendable {
    let pipeline: String
    let name: String
    let order: Int
    let probability: Int
    let isClosed: Bool
    let isWon: Bool
}

enum Stages {
    static let path = "stages.csv"
    static let header = ["Pipeline", "Stage", "Order", "Probability", "Is Closed", "Is Won"]

    static let sales: [Stage] = [
        Stage(pipeline: "Sales", name: "Lead", order: 1, probability: 10, isClosed: false, isWon: false),
        Stage(pipeline: "Sales", name: "Qualified", order: 2, probability: 25, isClosed: false, isWon: false),
        Stage(pipeline: "Sales", name: "Proposal", order: 3, probability: 50, isClosed: false, isWon: false),
        Stage(pipeline: "Sales", name: "Negotiation", order: 4, probability: 75, isClosed: false, isWon: false),
        Stage(pipeline: "Sales", name: "Closed Won", order: 5, probability: 100, isClosed: true, isWon: true),
        Stage(pipeline: "Sales", name: "Closed Lost", order: 6, probability: 0, isClosed: true, isWon: false),
    ]
    static let renewals: [Stage] = [
        Stage(pipeline: "Renewals", name: "Renewal Due", order: 1, probability: 60, isClosed: false, isWon: false),
        Stage(pipeline: "Renewals", name: "Renewal Quoted", order: 2, probability: 80, isClosed: false, isWon: false),
        Stage(pipeline: "Renewals", name: "Renewed", order: 3, probability: 100, isClosed: true, isWon: true),
        Stage(pipeline: "Renewals", name: "Churned", order: 4, probability: 0, isClosed: true, isWon: false),
    ]

    static func write(to directory: URL) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for stage in sales + renewals {
            writer.cell(stage.pipeline)
            writer.cell(stage.name)
            writer.cell(stage.order)
            writer.cell(stage.probability)
            writer.cell(stage.isClosed ? "true" : "false")
            writer.cell(stage.isWon ? "true" : "false")
            try writer.endRow()
        }
        return try writer.close()
    }
}
