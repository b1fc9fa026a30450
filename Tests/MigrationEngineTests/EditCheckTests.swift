import CanonicalJSON
import Testing

@testable import MigrationEngine

@Suite("Edit check before rollback")
struct EditCheckTests {
    let written: JSONValue = [
        "name": ["firstName": "Ada", "lastName": "Lovelace"], "emails": ["primaryEmail": "ada@example.com"],
    ]

    @Test("a record holding what was written, with Twenty's bookkeeping and normalisation, is not edited")
    func unchanged() {
        let held: JSONValue = [
            "name": ["firstName": "Ada", "lastName": "Lovelace"], "emails": ["primaryEmail": "ADA@example.com"],
            "jobTitle": "", "createdAt": "2026-11-30T10:00:00Z", "updatedAt": "2026-11-30T10:00:01Z", "position": 3,
            "companyId": .null,
        ]
        #expect(
            EditCheck.changedFields(written: written, held: held, unsentFilledBy: Reconciliation.filledOnCreate).isEmpty
        )
    }

    @Test("a field the tool never sent that now holds a value is an edit of a record the tool created")
    func unsentFieldFilled() {
        let held: JSONValue = [
            "name": ["firstName": "Ada", "lastName": "Lovelace"], "emails": ["primaryEmail": "ada@example.com"],
            "jobTitle": "Edited by hand", "position": 3,
        ]
        #expect(
            EditCheck.changedFields(written: written, held: held, unsentFilledBy: Reconciliation.filledOnCreate) == [
                "jobTitle"
            ])
        // Restoring an update's before-image compares only the fields it names.
        #expect(EditCheck.changedFields(written: written, held: held).isEmpty)
    }

    @Test("a written value changed in Twenty is an edit, subfield by subfield")
    func writtenValueChanged() {
        let held: JSONValue = [
            "name": ["firstName": "Augusta", "lastName": "Lovelace"], "emails": ["primaryEmail": "ada@example.com"],
        ]
        #expect(EditCheck.changedFields(written: written, held: held) == ["name.firstName"])
    }
}
