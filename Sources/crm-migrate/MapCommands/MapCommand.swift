import ArgumentParser

/// `crm-migrate map ...`: the field map the tool proposes and a person confirms before any record moves.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Propose, review and confirm the field map (PROJECT_DIR/map.yaml).",
        discussion: """
            The tool proposes the map from a sample of the export and the workspace's data model; you read it, \
            edit it if needed, and confirm it. Nothing is written to Twenty under a map whose exact bytes were not \
            confirmed: any later edit needs a new confirmation.
            """,
        subcommands: [MapProposeCommand.self, MapReviewCommand.self, MapConfirmCommand.self, MapStatusCommand.self])
}
