import Testing

@testable import AllegoryExport

@Suite("Source profile: header matching")
struct SourceProfileTests {
    @Test("headers differing in case, spacing and punctuation, or using a synonym, match the standard column")
    func looseMatching() {
        let header = ["contact id", "FIRST_NAME", "E-mail", "Email Address", "Mobile Phone", "Lead Source", "zip"]
        #expect(
            SourceProfile.match(header: header, object: "contacts") == [
                .standard(column: "Contact ID", exact: true), .standard(column: "First Name", exact: true),
                .standard(column: "Email", exact: true), .custom, .standard(column: "Mobile", exact: false), .custom,
                .standard(column: "Postal Code", exact: false),
            ])
    }

    @Test("an exact name wins its column over a synonym that comes first")
    func exactBeforeSynonym() {
        #expect(
            SourceProfile.match(header: ["Name", "Company Name"], object: "companies") == [
                .custom, .standard(column: "Company Name", exact: true),
            ])
    }

    @Test("every standard column of the default layout matches itself")
    func standardColumnsMatchThemselves() {
        for (object, columns) in SourceProfile.columns {
            let matches = SourceProfile.match(header: columns.map(\.name), object: object)
            #expect(matches == columns.map { .standard(column: $0.name, exact: true) }, "\(object)")
        }
    }

    @Test("files of custom objects have no standard columns")
    func customObject() {
        #expect(SourceProfile.match(header: ["Project ID", "Name"], object: "projects") == [.custom, .custom])
    }
}
