/// The synthetic CRM an export describes: its size, its planted defects, and the identity of every company
/// and contact, recomputed from the seed and the record's index. Files refer to each other through these
/// functions instead of through stored records, so memory does not grow with the number of contacts.
struct SyntheticCRM: Sendable {
    let seed: UInt64
    let shape: ExportShape
    let plan: DefectPlan

    init(contacts: Int, seed: UInt64, clean: Bool, companies: Int? = nil, deals: Int? = nil) {
        self.seed = seed
        shape = ExportShape(contacts: contacts, clean: clean, companies: companies, deals: deals)
        plan = DefectPlan(shape: shape, seed: seed)
    }

    func company(_ index: Int) -> CompanyIdentity {
        CompanyIdentity(index: index, rng: SplitMix64(seed: seed, stream: .companies, index: index))
    }

    func contact(_ index: Int) -> ContactIdentity {
        var rng = SplitMix64(seed: seed, stream: .contacts, index: index)
        let first = rng.pick(firstNames)
        let last = rng.pick(lastNames)
        var companyIndex: Int?
        var city = rng.pick(cities)
        var domain = rng.pick(freeMailDomains)
        if rng.chance(85) {
            let company = company(referencableCompany(&rng))
            companyIndex = company.index
            domain = company.domain
            if rng.chance(80) { city = company.city }
        }
        let local = EmailAddresses.localPart(first: first, last: last, number: index + 1, percentile: rng.below(100))
        return ContactIdentity(
            index: index, first: first, last: last, companyIndex: companyIndex, city: city, emailLocalPart: local,
            emailDomain: domain, rng: rng)
    }

    /// A random contact that other records may refer to (not one planted with a defect).
    func referencableContact(_ rng: inout SplitMix64) -> Int {
        pick(below: shape.contacts, excluding: plan.unreferencedContacts, &rng)
    }

    func referencableCompany(_ rng: inout SplitMix64) -> Int {
        pick(below: shape.companies, excluding: plan.unreferencedCompanies, &rng)
    }

    func referencableDeal(_ rng: inout SplitMix64) -> Int {
        pick(below: shape.deals, excluding: plan.unreferencedDeals, &rng)
    }

    /// A record for a task, note, activity or attachment to hang on, with the given percentages of
    /// contacts, companies and deals (the rest are projects).
    func randomRelated(
        contacts: Int, companies: Int, deals: Int, _ rng: inout SplitMix64
    ) -> RelatedRecord {
        let roll = rng.below(100)
        if roll < contacts {
            return RelatedRecord(type: .contact, id: RecordID(.contact, index: referencableContact(&rng)))
        }
        if roll < contacts + companies {
            return RelatedRecord(type: .company, id: RecordID(.company, index: referencableCompany(&rng)))
        }
        if roll < contacts + companies + deals {
            return RelatedRecord(type: .deal, id: RecordID(.deal, index: referencableDeal(&rng)))
        }
        return RelatedRecord(type: .project, id: RecordID(.project, index: rng.below(shape.projects)))
    }

    private func pick(below count: Int, excluding excluded: Set<Int>, _ rng: inout SplitMix64) -> Int {
        while true {
            let index = rng.below(count)
            if excluded.isEmpty || !excluded.contains(index) { return index }
        }
    }
}
