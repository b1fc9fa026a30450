import Foundation

/// Decides the legacy encoding of a file that is not UTF-8: decodes the sample's lines that hold non-ASCII bytes
/// with every candidate, drops those that meet an invalid sequence or a control character, and scores the rest by
/// `TextPlausibility`. Decides only when one reading is clearly more plausible than every other; otherwise it
/// says which candidates remain, so the reader can refuse rather than decode into garbage.
enum EncodingDetection {
    enum Verdict: Equatable {
        /// `characters`: how many non-ASCII characters the decision rests on; `runnerUp`: the next best reading.
        case decided(TextEncoding, characters: Int, runnerUp: TextEncoding?)
        /// Several readings are about as plausible (best first).
        case uncertain([TextEncoding], line: Int)
        /// No candidate reads the bytes as plausible text.
        case noneFits(line: Int)
    }

    /// At most this many bytes of lines holding non-ASCII bytes are decoded per candidate.
    static let evidenceLimit = 1 << 14
    /// A reading wins when its log-likelihood beats the next one's by this much (a likelihood ratio of e² ≈ 7).
    static let requiredMargin = 2.0
    /// Below this geometric-mean plausibility, even the best reading is garbage.
    static let minimumPlausibility = 0.3

    /// Log prior odds: Windows-1252 is the legacy encoding exports come in most (ALLEGORY_EXPORT.md names it), and
    /// ISO-8859-1/-15 read the same bytes the same way unless the text says otherwise; the others need evidence.
    /// The prior alone stays below `requiredMargin`: two readings equally plausible letter for letter are refused,
    /// and any letter more plausible in Windows-1252 then decides for it.
    static func prior(_ encoding: TextEncoding) -> Double {
        switch encoding {
        case .windows1252: return 0
        case .latin1, .latin9: return -0.3
        default: return -1.9
        }
    }

    /// `sample`: the file's first bytes; `isWholeFile`: whether it is all of it (else its last line may be cut).
    static func decide(_ sample: ArraySlice<UInt8>, isWholeFile: Bool) -> Verdict {
        let (evidence, firstLine) = evidenceLines(sample, isWholeFile: isWholeFile)
        var readings: [(encoding: TextEncoding, text: String, score: TextPlausibility, total: Double)] = []
        for encoding in TextEncoding.legacy {
            guard let text = LegacyDecoder.decodeStrictly(evidence, as: encoding) else { continue }
            let score = TextPlausibility(text, script: TextPlausibility.Script(encoding))
            guard !score.ruledOut else { continue }
            // Two encodings that read the bytes identically are one reading: the one listed first stands for both.
            if readings.contains(where: { $0.text == text }) { continue }
            readings.append((encoding, text, score, score.logLikelihood + prior(encoding)))
        }
        readings.sort { $0.total > $1.total }
        guard let best = readings.first, best.score.meanPlausibility >= minimumPlausibility else {
            return .noneFits(line: firstLine)
        }
        let close = readings.dropFirst().filter { best.total - $0.total < requiredMargin }
        if !close.isEmpty { return .uncertain([best.encoding] + close.map(\.encoding), line: firstLine) }
        return .decided(
            best.encoding, characters: best.score.characters, runnerUp: readings.dropFirst().first?.encoding)
    }

    /// The sample's lines that hold a byte ≥ 0x80 (the rest read the same in every candidate), up to
    /// `evidenceLimit` bytes, and the physical line of the first of them.
    static func evidenceLines(_ sample: ArraySlice<UInt8>, isWholeFile: Bool) -> (ArraySlice<UInt8>, line: Int) {
        var evidence: [UInt8] = []
        var firstLine = 0
        var line = 1
        var start = sample.startIndex
        while start < sample.endIndex && evidence.count < evidenceLimit {
            guard let newline = sample[start...].firstIndex(of: 0x0A) else {
                // The last line: whole if the sample is the whole file, else only up to a safe cut.
                let end = isWholeFile ? sample.endIndex : LegacyDecoder.safeCut(sample[start...]) ?? start
                if evidence.isEmpty || sample[start..<end].contains(where: { $0 >= 0x80 }) {
                    if firstLine == 0 { firstLine = line }
                    evidence += sample[start..<end]
                }
                break
            }
            let lineBytes = sample[start...newline]
            if lineBytes.contains(where: { $0 >= 0x80 }) {
                if firstLine == 0 { firstLine = line }
                evidence += lineBytes
            }
            line += 1
            start = newline + 1
        }
        return (evidence[...], max(firstLine, 1))
    }
}
