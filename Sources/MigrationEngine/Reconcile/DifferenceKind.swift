import CanonicalJSON

/// Whether a field Twenty holds differently from what the ledger says we wrote is our fault or someone's edit.
///
/// The rule, from the record's `updatedAt` as Twenty holds it now (Twenty sets it on every write):
/// - it is still the `updatedAt` we sent (the source's date, kept on create): nobody wrote the record after us, so
///   Twenty did not keep what we sent: a **defect**;
/// - it is later than the ledger time of our last write's outcome (recorded once Twenty had answered, so after
///   Twenty dated our own write): someone changed the record in Twenty after us: **drift**, shown, not an error;
/// - otherwise (earlier or equal, or no `updatedAt` at all): a **defect**.
/// A server clock running ahead of this machine's by more than a write's round trip would make our own write look
/// like drift; the reason given with each difference names both times so a person can see it.
public enum DifferenceKind: String, Sendable, Codable {
    case defect, drift

    /// The kind of a difference on a record Twenty holds as `held`, that the ledger says was written as `written`
    /// with its outcome recorded at `writtenAt` (ledger time), and why.
    static func of(held: JSONValue, written: JSONValue, writtenAt: String) -> (kind: DifferenceKind, reason: String) {
        let heldText = held["updatedAt"]?.stringValue ?? ""
        guard let heldAt = SampleValue.instant(heldText) else {
            return (.defect, "Twenty states no updatedAt for the record")
        }
        if let sent = written["updatedAt"]?.stringValue, SampleValue.instant(sent) == heldAt {
            return (.defect, "not changed in Twenty since our write (updatedAt is still \(heldText), as sent)")
        }
        guard let ours = SampleValue.instant(writtenAt), milliseconds(heldAt) > milliseconds(ours) else {
            return (.defect, "not changed in Twenty since our write at \(writtenAt) (updatedAt \(heldText))")
        }
        return (.drift, "changed in Twenty at \(heldText), after our write at \(writtenAt)")
    }

    /// `SampleValue.instant`'s `@<ms>` as a number.
    private static func milliseconds(_ instant: String) -> Int64 { Int64(instant.dropFirst()) ?? 0 }
}
