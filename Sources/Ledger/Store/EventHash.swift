import CanonicalJSON
import Crypto

/// How an event is hashed (also in `Ledger/EVENTS.md`, so an auditor can recompute the chain elsewhere):
///
///     hash = lower-hex( SHA-256( prev_hash as 64 ASCII hex characters  ||  envelope ) )
///
/// where `envelope` is the canonical JSON object of the event's columns except the hashes:
/// `{"object":…,"payload":<payload text as stored>,"recorded_at":…,"run_id":…,"seq":N,"source_id":…,
/// "twenty_id":…,"type":…}`, keys in that (byte) order, absent columns as `null`. Hashing every column, not
/// only the payload, means a changed type, object, id or sequence number breaks the chain too.
public enum EventHash {
    public static let genesis = String(repeating: "0", count: 64)
    static let genesisBytes = Array(genesis.utf8)

    /// Writes the envelope bytes of one event into `out` (cleared first).
    static func envelope(
        seq: Int64, recordedAt: UnsafeRawBufferPointer, runId: UnsafeRawBufferPointer,
        type: UnsafeRawBufferPointer, object: UnsafeRawBufferPointer?, sourceId: UnsafeRawBufferPointer?,
        twentyId: UnsafeRawBufferPointer?, payload: UnsafeRawBufferPointer, into out: inout [UInt8]
    ) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: keyObject)
        writeOptional(object, into: &out)
        out.append(contentsOf: keyPayload)
        out.append(contentsOf: payload)
        out.append(contentsOf: keyRecordedAt)
        writeText(recordedAt, into: &out)
        out.append(contentsOf: keyRunId)
        writeText(runId, into: &out)
        out.append(contentsOf: keySeq)
        CanonicalJSON.writeInteger(seq, into: &out)
        out.append(contentsOf: keySourceId)
        writeOptional(sourceId, into: &out)
        out.append(contentsOf: keyTwentyId)
        writeOptional(twentyId, into: &out)
        out.append(contentsOf: keyType)
        writeText(type, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The lower-case hex SHA-256 of `prevHash || envelope`, written into `out` (64 bytes).
    static func hash(prevHash: UnsafeRawBufferPointer, envelope: [UInt8], into out: inout [UInt8]) {
        var hasher = SHA256()
        hasher.update(bufferPointer: prevHash)
        envelope.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        out.removeAll(keepingCapacity: true)
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// SHA-256 of arbitrary bytes as lower-case hex (content hashes, file hashes).
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hex(hasher.finalize())
    }

    public static func hex(_ digest: SHA256.Digest) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func writeText(_ text: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        CanonicalJSON.writeString(utf8: text, into: &out)
    }

    private static func writeOptional(_ text: UnsafeRawBufferPointer?, into out: inout [UInt8]) {
        if let text { writeText(text, into: &out) } else { out.append(contentsOf: CanonicalJSON.nullBytes) }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
    private static let keyObject = Array("{\"object\":".utf8)
    private static let keyPayload = Array(",\"payload\":".utf8)
    private static let keyRecordedAt = Array(",\"recorded_at\":".utf8)
    private static let keyRunId = Array(",\"run_id\":".utf8)
    private static let keySeq = Array(",\"seq\":".utf8)
    private static let keySourceId = Array(",\"source_id\":".utf8)
    private static let keyTwentyId = Array(",\"twenty_id\":".utf8)
    private static let keyType = Array(",\"type\":".utf8)
}
