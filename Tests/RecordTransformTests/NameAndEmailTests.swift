import Testing

@testable import RecordTransform

@Suite("Names and emails")
struct NameAndEmailTests {
    @Test(
        "particles stay with the last name",
        arguments: [
            ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
            ("Juan de la Cruz", "Juan", "de la Cruz"),
            ("Patrick O'Brien", "Patrick", "O'Brien"),
            ("Mary Ann Smith", "Mary Ann", "Smith"),
            ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
            ("Dr. Ada Lovelace", "Ada", "Lovelace"),
            ("Beethoven, Ludwig van", "Ludwig van", "Beethoven"),
            ("Cher", "Cher", ""),
        ])
    func particles(full: String, first: String, last: String) throws {
        #expect(PersonNames.split(full) == .init(firstName: first, lastName: last))
    }

    @Test("emails are trimmed, lower-cased and unwrapped from Name <...> and mailto:")
    func normalised() throws {
        #expect(try Emails.normalize("  Ada.Lovelace@Example.COM ").get() == "ada.lovelace@example.com")
        #expect(try Emails.normalize("Ada <ada@example.com>").get() == "ada@example.com")
        #expect(try Emails.normalize("mailto:ada@example.com").get() == "ada@example.com")
    }

    @Test(
        "malformed emails are refused as invalid-email",
        arguments: [
            "ada@", "ada@example", "ada@@example.com", "ada example@x.com", "a..b@x.com", ".a@x.com", "ada@-x.com",
            "n/a",
        ])
    func invalid(value: String) throws { #expect(Emails.normalize(value).failureCode == .invalidEmail) }

    @Test("a list column gives additional emails without repeats and without the primary")
    func list() throws {
        #expect(
            try Emails.list("A@x.com; b@y.com;a@x.com ; c@z.com", separator: ";", excluding: "c@z.com").get() == [
                "a@x.com", "b@y.com",
            ])
        #expect(Emails.list("a@x.com; nope", separator: ";", excluding: nil).failureCode == .invalidEmail)
    }
}
