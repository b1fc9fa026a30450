/// planted-defects.json: the generator's answer key. It is not part of an Allegory export (a real export has
/// no such file and the manifest does not list it); tests compare an audit's findings with it.
struct AnswerKey: Encodable {
    static let path = "planted-defects.json"

    let about =
        "Answer key written by generate-export: the defects planted in this synthetic export. "
        + "Not part of an Allegory export."
    let seed: UInt64
    let contacts: Int
    let clean: Bool
    let dateFormats: [String: [String: String]]
    let defects: [PlantedDefect]
}
