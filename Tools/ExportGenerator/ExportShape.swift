/// How many records of each object an export of N contacts holds, and how many defects of each kind it plants.
struct ExportShape: Sendable {
    let contacts: Int
    let companies: Int
    let deals: Int
    let tasks: Int
    let notes: Int
    let activities: Int
    let attachments: Int
    let projects: Int
    /// About N/2000 of each kind (at least 1); 0 for a clean export.
    let defectsPerKind: Int
    /// For kinds planted in two files, each file gets this many, so the total stays about `defectsPerKind`.
    let defectsPerFileOfTwo: Int
    /// For missing-required, planted in contacts, companies and deals.
    let defectsPerFileOfThree: Int

    /// `companies` and `deals` replace the usual proportions (a tenth and a fifth of the contacts), never going below
    /// what the planted defects need.
    init(contacts: Int, clean: Bool, companies: Int? = nil, deals: Int? = nil) {
        let perKind = clean ? 0 : max(1, contacts / 2000)
        let perFileOfTwo = clean ? 0 : max(1, perKind / 2)
        let perFileOfThree = clean ? 0 : max(1, perKind / 3)
        // With defects, each file keeps some spare records beyond those planted, so the plan always finds
        // distinct records to plant in and enough clean ones remain to be referenced.
        let spare = clean ? 0 : 8
        self.contacts = contacts
        self.companies = max(3, companies ?? contacts / 10, clean ? 0 : 9 * perKind + perFileOfThree + spare)
        self.deals = max(1, deals ?? contacts / 5, perFileOfThree + perKind + perFileOfTwo + spare)
        tasks = max(1, contacts / 2, 2 * perFileOfTwo + spare)
        notes = max(1, contacts / 2, perFileOfTwo + perKind + 1 + spare)
        activities = max(1, contacts, perFileOfTwo + spare)
        attachments = max(3, contacts / 50, 3 * perKind + spare)
        projects = max(2, contacts / 100)
        defectsPerKind = perKind
        defectsPerFileOfTwo = perFileOfTwo
        defectsPerFileOfThree = perFileOfThree
    }
}
