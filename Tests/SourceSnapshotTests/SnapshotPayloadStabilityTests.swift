import Crypto
import Foundation
import Ledger
import Testing

@testable import SourceSnapshot

/// A project's next snapshot compares each record's content hash with the one its ledger holds, so a change in how
/// a record's payload is written would make every record of every existing project look changed. These payloads were
/// written by the release of 1ea0d3f (before the snapshot wrote canonical JSON straight from a row's bytes), from
/// the files below: quotes, commas and line breaks in cells, non-ASCII and emoji, an empty row, spaces kept, a row
/// with a cell beyond the header, CRLF line ends.
@Suite("Snapshot payloads across versions")
struct SnapshotPayloadStabilityTests {
    static let contacts =
        "Contact ID,First Name,Last Name,Email,Notes,Company ID\r\nC1,Ada,Lovelace,ada@example.com,\"Said \"\"hello\"\", then left\",CO1\r\nC2,Zoë,Ångström,zoe@example.se,\"two\nlines\",CO1\r\nC3,,,,,\r\nC4,José,Núñez,jose@example.es,tab\there,CO2\r\nC5,Ünïcödé,😀 Emoji,e@x.io,\"back\\slash / and </script>\",CO2\r\nC6,Extra,Cells,extra@x.com,note,CO1,surplus\r\nC7,  Spaced  , Out ,SPACED@X.COM,\"  leading and trailing  \",CO1\r\n"
    static let companies = "Company ID,Company Name,Website\nCO1,\"Acme, Inc.\",https://acme.example\nCO2,Ünited,\n"
    /// Source id and SHA-256 of its `record.extracted` payload, in ledger order.
    static let golden: [(String, String)] = [
        ("CO1", "16c94aa924bf589e9d1de00f05c50db9c7d7e77f0034780c750c4257a6c28839"),
        ("CO2", "2f0a46734b3154e0a13d451a76f042b6046bbff0c58d3d872402e51959debdab"),
        ("C1", "0fcf111ea961f0412676fe6aacff118d916b09550c7780cecdaf66c36d85aee1"),
        ("C2", "1774d1062ce1ef8deb39d54ac27ebf98903e1b31b6eaea21fe41ea5a93796f48"),
        ("C3", "6d7bc1041b1153d04d80b150541746cf470885097a4a13bff072e58706e110c0"),
        ("C4", "a564315b6450b822a183712434a406da281b720cf243a7b55bb61332e16a377d"),
        ("C5", "5fc6ac8f56ce6a22c685df6d272f3eb5f42e9ce1dc513e69c66808f151800b8d"),
        ("C6", "fb73b39c35aacc9f4a6735bca0559e87041809fa9afa5e2f9cf108c6f378bc48"),
        ("C7", "6333c4805021cf8892f439b9ecf6ec8dcff16f317ccd8aaea870c22c428f95bd"),
    ]

    @Test("a first snapshot writes record.extracted payloads byte for byte as the earlier version wrote them")
    func payloadsMatchTheEarlierVersion() throws {
        let fixture = try ExportFixture(["contacts.csv": Self.contacts, "companies.csv": Self.companies])
        _ = try fixture.snapshot()
        let written = try fixture.events("record.extracted").map { event in
            (
                event.sourceId ?? "",
                SHA256.hash(data: Data(event.payload.utf8)).map { String(format: "%02x", $0) }.joined()
            )
        }
        #expect(written.map(\.0) == Self.golden.map(\.0))
        for (index, (sourceId, hash)) in Self.golden.enumerated() where index < written.count {
            #expect(written[index].1 == hash, "payload of \(sourceId) differs from the earlier version's")
        }
    }
}
