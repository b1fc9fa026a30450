import FieldMap
import Testing

@testable import RecordTransform

@Suite("Booleans, numbers, options, rich text, owners, ids")
struct ScalarAndOptionTests {
    @Test("booleans read true/false/yes/no/y/n/1/0 in any case")
    func booleans() throws {
        for word in ["TRUE", "yes", "Y", "1", "t"] { #expect(try Scalars.boolean(word).get() == true) }
        for word in ["false", "No", "n", "0", "F"] { #expect(try Scalars.boolean(word).get() == false) }
        #expect(Scalars.boolean("maybe").failureCode == .invalidBoolean)
    }

    @Test("numbers are integers when whole, doubles otherwise; garbage is invalid-number")
    func numbers() throws {
        #expect(try Scalars.number("1,722").get() == .integer(1722))
        #expect(try Scalars.number("2.5").get() == .double(2.5))
        #expect(Scalars.number("twelve").failureCode == .invalidNumber)
    }

    @Test("a value map matches exactly, then ignoring case; an unknown value names the known ones")
    func valueMaps() throws {
        let stages = OptionValues([
            .init(source: "Closed Won", target: "CUSTOMER"), .init(source: "Lead", target: "NEW"),
        ])
        #expect(try stages.option("Closed Won").get() == "CUSTOMER")
        #expect(try stages.option(" closed won ").get() == "CUSTOMER")
        guard case .failure(let rejection) = stages.option("Stalled") else { Issue.record("accepted"); return }
        #expect(rejection.code == .unknownOption)
        #expect(rejection.message.contains("\"Stalled\"") && rejection.message.contains("\"Closed Won\", \"Lead\""))
        #expect(try stages.options("Lead;Closed Won;Lead", separator: ";").get() == ["NEW", "CUSTOMER"])
    }

    @Test("HTML bodies become Markdown")
    func htmlToMarkdown() throws {
        let html =
            "<h2>Call &amp; notes</h2><p>Spoke with the <b>team</b> about <i>renewal</i>.<br>See the <a href=\"https://example.com/pricing\">pricing page</a>.</p><ul><li>one</li><li>two<ol><li>a</li></ol></li></ul><script>alert(1)</script><style>p{}</style>"
        #expect(
            HTMLToMarkdown.markdown(html)
                == "## Call & notes\n\nSpoke with the **team** about *renewal*.  \nSee the [pricing page](https://example.com/pricing).\n\n- one\n- two\n  1. a"
        )
    }

    @Test("plain text bodies pass through untouched")
    func plainText() throws {
        #expect(HTMLToMarkdown.markdown("Said 2 < 3 and *really* meant it.") == "Said 2 < 3 and *really* meant it.")
    }

    @Test("owners go through the owner map to member ids, with the fallback, and an unknown member is unknown-member")
    func owners() throws {
        let directory = MemberDirectory(
            members: ["ada@ours.io": "m-ada", "bob@ours.io": "m-bob"],
            owners: OwnerMap(
                members: [
                    .init(source: "ada@old.io", target: "ada@ours.io"),
                    .init(source: "eve@old.io", target: "eve@ours.io"),
                ], fallback: "bob@ours.io"))
        #expect(try directory.memberId(forOwner: "ADA@old.io").get() == "m-ada")
        #expect(try directory.memberId(forOwner: "bob@ours.io").get() == "m-bob")
        #expect(try directory.memberId(forOwner: "former@old.io").get() == "m-bob")
        #expect(directory.memberId(forOwner: "eve@old.io").failureCode == .unknownMember)
        let noFallback = MemberDirectory(members: ["ada@ours.io": "m-ada"], owners: OwnerMap())
        #expect(try noFallback.memberId(forOwner: "former@old.io").get() == nil)
    }

    @Test("record ids are name-based UUIDs (v5) of project, object and source id")
    func recordIdentity() throws {
        let identity = RecordIdentity(projectId: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        let id = identity.id(object: "contacts", sourceId: "C000001")
        #expect(id == identity.id(object: "contacts", sourceId: "C000001"))
        #expect(id != identity.id(object: "companies", sourceId: "C000001"))
        #expect(
            id
                != RecordIdentity(projectId: "6ba7b811-9dad-11d1-80b4-00c04fd430c8").id(
                    object: "contacts", sourceId: "C000001"))
        let characters = Array(id)
        #expect(characters.count == 36 && characters[14] == "5" && "89ab".contains(characters[19]))
    }
}
