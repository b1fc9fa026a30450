// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "crm-migrate",
    products: [
        .executable(name: "crm-migrate", targets: ["crm-migrate"]),
        .executable(name: "ledger-bench", targets: ["ledger-bench"]),
        .executable(name: "reader-bench", targets: ["reader-bench"]),
        .executable(name: "generate-export", targets: ["generate-export"]),
        .executable(name: "write-foreign-export", targets: ["write-foreign-export"]),
        .executable(name: "client-bench", targets: ["client-bench"]),
        .library(name: "Ledger", targets: ["Ledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // 3.x and 4.x are both mirrored; accept either so later dependencies can settle the version.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The system libsqlite3 (libsqlite3-dev), reached through a thin Swift wrapper of our own.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLite", dependencies: ["CSQLite"]),

        // One definition per kind of value (email, website domain, phone, country, currency), for every target
        // that reads, audits, profiles, transforms or (in the sandbox) checks values.
        .target(name: "ValueRules"),

        // JSON as the ledger hashes it (canonical bytes), a parser, and a decoder over parsed values.
        .target(name: "CanonicalJSON"),

        // Ledger/ (the SQL an auditor reads, and EVENTS.md) is embedded into the Ledger target at build time.
        .executableTarget(name: "embed-ledger-files", path: "Plugins/EmbedLedgerFilesTool"),
        .plugin(
            name: "EmbedLedgerFiles", capability: .buildTool(), dependencies: ["embed-ledger-files"],
            path: "Plugins/EmbedLedgerFiles"),
        .target(
            name: "Ledger",
            dependencies: [
                "SQLite", "CanonicalJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedLedgerFiles"]),

        .executableTarget(
            name: "crm-migrate",
            dependencies: [
                "Ledger", "AllegoryExport", "ExportUnderstanding", "SourceSnapshot", "ExportAudit", "TwentyModel",
                "FieldMap", "TwentyClient", "SchemaPreparation", "MigrationEngine", "ExportGenerator",
                "RecordTransform", "TwentySandbox", "TwentySandboxServer", "WorkflowRebuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .executableTarget(
            name: "ledger-bench", dependencies: ["Ledger", "SQLite", "CSQLite"], path: "Tools/LedgerBench"),

        // Reading an Allegory export: streaming CSV / JSON readers, tolerant of what real exports contain.
        // An export arrives as a folder or a .zip, read in place (ZIPFoundation).
        .target(
            name: "AllegoryExport",
            dependencies: [
                "CanonicalJSON", "ValueRules", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),

        // What an export holds, understood once per snapshot from headers and values: each file's object, key and
        // label columns, each column's meaning, and the relations between files.
        .target(name: "ExportUnderstanding", dependencies: ["AllegoryExport", "CanonicalJSON", "ValueRules"]),

        // A snapshot of an export folder into the ledger.
        .target(
            name: "SourceSnapshot",
            dependencies: [
                "AllegoryExport", "ExportUnderstanding", "Ledger", .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The audit of an export's snapshot: data quality, inventory, the migration plan.
        .target(
            name: "ExportAudit",
            dependencies: [
                "AllegoryExport", "ExportUnderstanding", "Ledger", "SourceSnapshot", "ValueRules", "Reports",
            ]),

        // What every HTML report shares: escaping, the opening summary, findings by severity, bar charts.
        .target(name: "Reports"),
        // The workflow rebuild reference: the export's workflows in Twenty's trigger and step vocabulary.
        .target(
            name: "WorkflowRebuild",
            dependencies: [
                "AllegoryExport", "CanonicalJSON", "ExportUnderstanding", "FieldMap", "Ledger", "Reports",
                "SourceSnapshot",
            ]),

        // The generator of realistic exports with planted defects (a library, so tests can generate in-process).
        .target(
            name: "ExportGenerator", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Tools/ExportGenerator"),
        .executableTarget(
            name: "generate-export",
            dependencies: ["ExportGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/GenerateExport"),

        // A second, independent export writer: vendor-shaped exports (Salesforce, German, British, snake_case) with
        // their own answer key. Shares no code or vocabulary with ExportGenerator, so it can check the tool's guesses.
        .target(name: "ForeignExport", path: "Tools/ForeignExport"),
        .executableTarget(
            name: "write-foreign-export",
            dependencies: ["ForeignExport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/WriteForeignExport"),

        .executableTarget(name: "reader-bench", dependencies: ["AllegoryExport"], path: "Tools/ReaderBench"),
        // The first and the unchanged snapshot of one CSV file beside `sqlite3 .import` of the same file.
        .executableTarget(
            name: "snapshot-bench", dependencies: ["AllegoryExport", "Ledger", "SourceSnapshot"],
            path: "Tools/SnapshotBench"),
        // Scores understanding, audit and proposal against an answer key written by another hand.
        .target(
            name: "ExportScoring",
            dependencies: [
                "AllegoryExport", "ExportAudit", "ExportUnderstanding", "FieldMap", "ForeignExport", "Ledger",
                "SourceSnapshot",
            ],
            path: "Tools/ExportScoring"),
        .executableTarget(
            name: "understanding-bench", dependencies: ["ExportScoring", "ForeignExport"],
            path: "Tools/UnderstandingBench"),
        .executableTarget(
            name: "sandbox-bench",
            dependencies: [
                "TwentySandbox", "TwentySandboxServer", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tools/SandboxBench"),
        .executableTarget(
            name: "transform-bench",
            dependencies: [
                "RecordTransform", "FieldMap", "ExportGenerator", "SourceSnapshot", "AllegoryExport", "Ledger",
            ],
            path: "Tools/TransformBench"),
        // The Twenty client's figures (issue 10): its own cost per request, pacing in simulated time, prepare's requests.
        .executableTarget(
            name: "client-bench",
            dependencies: [
                "TwentyClient", "TwentyClientSandbox", "TwentySandbox", "TwentySandboxServer", "SchemaPreparation",
                "FieldMap", "Ledger", "SourceSnapshot", "AllegoryExport", "ExportGenerator", "MigrationEngine",
                "RecordTransform", "CanonicalJSON", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/ClientBench"),
        .executableTarget(
            name: "proposal-bench",
            dependencies: [
                "FieldMap", "ExportGenerator", "AllegoryExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/ProposalBench"),

        // Twenty's data model as a migration sees it: field types, standard objects, metadata naming rules.
        .target(name: "TwentyModel"),

        // A client of a Twenty workspace: transport, pacing, retries, discovery and errors a user can act on.
        .target(
            name: "TwentyClient",
            dependencies: [
                "TwentyModel", "CanonicalJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // SHA-256 of an attachment checked as it is read, before its upload.
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Preparing a workspace for a confirmed map: custom objects, fields, junctions, select options, each change
        // an intent with its undo, then its outcome.
        .target(name: "SchemaPreparation", dependencies: ["FieldMap", "Ledger", "TwentyClient", "TwentyModel"]),
        // The migration run: the only code that joins the ledger to the client for record writes.
        .target(
            name: "MigrationEngine",
            dependencies: [
                "Ledger", "TwentyClient", "FieldMap", "RecordTransform", "AllegoryExport", "CanonicalJSON",
                "TwentyModel", "Reports",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The client's transport over a sandbox engine in this process, so tests and benches need no socket.
        .target(name: "TwentyClientSandbox", dependencies: ["TwentyClient", "TwentySandbox"]),

        // The field map: its model, map.yaml, the proposal, the review and the confirmation.
        .target(
            name: "FieldMap",
            dependencies: [
                "TwentyModel", "AllegoryExport", "ExportUnderstanding", "Ledger", "SourceSnapshot", "CanonicalJSON",
                "TwentyClient",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // Type-aware transforms and validation: each extracted record becomes a Twenty payload or a rejection.
        .target(
            name: "RecordTransform",
            dependencies: [
                "FieldMap", "ExportUnderstanding", "TwentyModel", "TwentyClient", "AllegoryExport", "Ledger",
                "SourceSnapshot", "CanonicalJSON", "ValueRules",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The Twenty sandbox's engine: a workspace in SQLite answering Twenty's REST and metadata API exchanges.
        .target(
            name: "TwentySandbox",
            dependencies: [
                "TwentyModel", "SQLite", "CanonicalJSON", "ValueRules",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The sandbox's HTTP server (Hummingbird 2): authentication, rate limiting, faults, request counts.
        .target(
            name: "TwentySandboxServer",
            dependencies: [
                "TwentySandbox", "CanonicalJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(
            name: "ValueRulesTests", dependencies: ["ValueRules", "AllegoryExport", "ExportAudit", "RecordTransform"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AllegoryExportTests",
            dependencies: ["AllegoryExport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "UnderstandingAccuracyTests",
            dependencies: [
                "ExportScoring", "ForeignExport", "ExportUnderstanding", "SourceSnapshot", "Ledger", "AllegoryExport",
                "FieldMap",
                "RecordTransform",
            ]),
        .testTarget(
            name: "ExportUnderstandingTests",
            dependencies: ["ExportUnderstanding", "AllegoryExport", "ExportGenerator"]),
        .testTarget(
            name: "SourceSnapshotTests",
            dependencies: [
                "SourceSnapshot", "AllegoryExport", "Ledger", "ExportGenerator",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "ExportGeneratorTests", dependencies: ["ExportGenerator"]),
        .testTarget(name: "ForeignExportTests", dependencies: ["ForeignExport"]),
        .testTarget(
            name: "ExportAuditTests",
            dependencies: [
                "ExportAudit", "ExportGenerator", "SourceSnapshot", "AllegoryExport", "Ledger", "Reports",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "CanonicalJSONTests", dependencies: ["CanonicalJSON"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(
            name: "WorkflowRebuildTests",
            dependencies: [
                "WorkflowRebuild", "Reports", "ExportGenerator", "SourceSnapshot", "AllegoryExport", "Ledger",
                "FieldMap", "ExportUnderstanding", "CanonicalJSON",
            ]),
        .testTarget(name: "TwentyModelTests", dependencies: ["TwentyModel"]),
        .testTarget(
            name: "FieldMapTests",
            dependencies: [
                "FieldMap", "TwentyModel", "ExportGenerator", "SourceSnapshot", "AllegoryExport", "Ledger",
                "TwentyClient",
            ]),
        .testTarget(
            name: "RecordTransformTests",
            dependencies: [
                "RecordTransform", "FieldMap", "TwentyModel", "ExportGenerator", "SourceSnapshot", "AllegoryExport",
                "Ledger", "CanonicalJSON", "TwentyClient", "TwentyClientSandbox", "TwentySandbox",
            ]),
        .testTarget(name: "TwentySandboxTests", dependencies: ["TwentySandbox", "TwentyModel", "CanonicalJSON"]),
        .testTarget(
            name: "TwentySandboxServerTests",
            dependencies: [
                "TwentySandboxServer", "TwentySandbox", "CanonicalJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "TwentyClientTests",
            dependencies: [
                "TwentyClient", "TwentyClientSandbox", "TwentySandbox", "TwentySandboxServer", "TwentyModel",
                "CanonicalJSON", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "MigrationEngineTests",
            dependencies: [
                "MigrationEngine", "SchemaPreparation", "FieldMap", "Ledger", "RecordTransform", "SourceSnapshot",
                "AllegoryExport", "ExportGenerator", "TwentyClient", "TwentyClientSandbox", "TwentySandbox",
                "CanonicalJSON", "SQLite", "Reports", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "SchemaPreparationTests",
            dependencies: [
                "SchemaPreparation", "FieldMap", "Ledger", "TwentyClient", "TwentyClientSandbox", "TwentySandbox",
                "TwentyModel", "CanonicalJSON",
            ]),
        .testTarget(
            name: "LedgerTests", dependencies: ["Ledger", "SQLite", "CanonicalJSON"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "crm-migrate", "ledger-bench", "generate-export", "Ledger", "SQLite", "ExportGenerator",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ]
)
