/// The kinds of record a CRM export holds. The raw values are the default layout's object names, which the
/// source profile's column tables and the map's standard rules are keyed by.
public enum ObjectRole: String, Codable, Sendable, Equatable, CaseIterable {
    case companies, contacts, deals, users, stages, tasks, notes, activities, attachments
    case customFields = "custom_fields"
    case workflows
    /// A custom object's records.
    case custom
    /// Many-to-many links between two objects' records.
    case junction
}
