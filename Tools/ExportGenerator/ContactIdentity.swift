/// Who a contact is: the values other files need (email, company), plus the generator that goes on to
/// draw the rest of the contact's row.
struct ContactIdentity {
    let index: Int
    let first: NamePart
    let last: NamePart
    let companyIndex: Int?
    let city: City
    let emailLocalPart: String
    let emailDomain: String
    var rng: SplitMix64

    var email: String { emailLocalPart + "@" + emailDomain }
}
