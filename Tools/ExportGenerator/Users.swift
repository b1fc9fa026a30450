import Foundation

/// The CRM's own users: the owners and assignees every other file refers to by email. One has left the
/// company and is inactive, yet still owns records, as in every real CRM.
struct User: Sendable {
    let id: RecordID
    let name: String
    let email: String
    let isActive: Bool
}

enum Users {
    static let path = "users.csv"
    static let header = ["User ID", "Name", "Email", "Active"]
    /// The domain of the company that runs the CRM.
    static let domain = "meridian.io"

    static let all: [User] = [
        ("Sofía", "Martínez", "sofia"), ("Daniel", "Okonkwo", "daniel"),
        ("Hannah", "Schäfer", "hannah"), ("Marcus", "Reid", "marcus"), ("Priya", "Natarajan", "priya"),
        ("Tomás", "Ferreira", "tomas"), ("Emily", "Clarke", "emily"), ("Jonas", "Lindqvist", "jonas"),
        ("Aisha", "Bello", "aisha"), ("Chen", "Wei", "chen"), ("Laura", "van Houten", "laura"),
        ("Patrick", "O'Neill", "patrick"), ("Claire", "Dubois", "claire"), ("Mateusz", "Wójcik", "mateusz"),
    ].enumerated().map { index, person in
        User(
            id: RecordID(.user, index: index), name: "\(person.0) \(person.1)", email: "\(person.2)@\(domain)",
            isActive: index != inactiveIndex)
    }

    static let inactiveIndex = 8

    /// Record owners: mostly the active users, a few records still with the one who left.
    static func randomOwner(_ rng: inout SplitMix64) -> String {
        if rng.chance(3) { return all[inactiveIndex].email }
        while true {
            let user = rng.pick(all)
            if user.isActive { return user.email }
        }
    }

    static func write(to directory: URL) throws -> GenerationSummary.File {
        var writer = try CSVWriter(directory: directory, path: path, header: header)
        for user in all {
            writer.idCell(user.id)
            writer.cell(user.name)
            writer.cell(user.email)
            writer.cell(user.isActive ? "true" : "false")
            try writer.endRow()
        }
        return try writer.close()
    }
}
