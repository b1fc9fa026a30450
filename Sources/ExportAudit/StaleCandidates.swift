import ExportUnderstanding

/// Contacts whose last activity is older than the staleness cutoff, and which of them a task, note or activity
/// names after all: those left are stale.
///
/// Only candidates are remembered, with the emails they hold: tasks, notes and activities are read after every
/// contacts file (write order), so a link to any other contact can be ignored as it is read. The audit used to
/// keep every contact's email and every contact any activity named (at a million contacts, two sets of a million
/// keys) to look up the few candidates at the end.
struct StaleCandidates {
    /// The candidates' files and rows (their last activity kept, for the finding), in the order they were read.
    private(set) var rows: [(file: FileUnderstanding, row: Row)] = []
    private var ids = KeyTally()
    /// Each email a candidate holds, with the last contact read that holds it: a participant's email names that
    /// contact, as it names the last one in a lookup of every contact's email.
    private var holders = KeyTally()
    private var active = KeyTally()

    /// A contact read, in file order: `email` normalised, nil when it has none; `row` a candidate or not.
    mutating func read(_ row: Row, of file: FileUnderstanding, email: String?, isCandidate: Bool) {
        if let email, isCandidate || holders.contains(email) { holders.add(email, name: row.sourceId) }
        guard isCandidate else { return }
        rows.append((file, row.keeping(["Last Activity"])))
        ids.add(row.sourceId)
    }

    /// A task, note or activity links to the contact with this id.
    mutating func named(id: String) {
        if ids.contains(id) { active.add(id) }
    }

    /// A task, note or activity has a participant with this email (normalised).
    mutating func named(email: String) {
        if let id = holders.name(of: email) { named(id: id) }
    }

    /// The candidates no task, note or activity named, in the order they were read.
    var stale: [(file: FileUnderstanding, row: Row)] { rows.filter { !active.contains($0.row.sourceId) } }
}
