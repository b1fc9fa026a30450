/// The small files behind attachments: text, CSV, PNG and PDF-like documents, each different, so every
/// attachment has its own size and hash.
enum AttachmentContent {
    enum FileType: CaseIterable {
        case text, csv, png, pdf

        var mimeType: String {
            switch self {
            case .text: "text/plain"
            case .csv: "text/csv"
            case .png: "image/png"
            case .pdf: "application/pdf"
            }
        }

        var fileExtension: String {
            switch self {
            case .text: ".txt"
            case .csv: ".csv"
            case .png: ".png"
            case .pdf: ".pdf"
            }
        }

        var baseNames: [String] {
            switch self {
            case .text: ["Meeting notes", "Call transcript", "Requirements", "Notizen Kickoff"]
            case .csv: ["Price list", "Seat count", "Usage export"]
            case .png: ["Logo", "Screenshot", "Org chart"]
            case .pdf: ["Proposal", "Signed contract", "Angebot Müller", "Devis signé"]
            }
        }
    }

    static func make(_ type: FileType, id: RecordID, _ rng: inout SplitMix64) -> [UInt8] {
        switch type {
        case .text:
            var lines = ["Notes for \(id.text)", ""]
            for _ in 0..<rng.within(1...6) { lines.append(rng.pick(Texts.textNoteBodies)) }
            return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        case .csv:
            var lines = ["Item,Quantity,Unit Price"]
            for _ in 0..<rng.within(1...12) {
                let price = "\(rng.within(10...999)).\(rng.within(10...99))"
                lines.append("\(rng.pick(Vocabulary.products)),\(rng.within(1...500)),\(price)")
            }
            return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        case .png:
            let (red, green, blue) = (UInt8(rng.below(256)), UInt8(rng.below(256)), UInt8(rng.below(256)))
            return PNG.encode(width: rng.within(1...16), height: rng.within(1...16)) { x, y in
                (red &+ UInt8(x * 8), green &+ UInt8(y * 8), blue)
            }
        case .pdf:
            let text = "(\(rng.pick(type.baseNames)) \(id.text), \(rng.within(1...40)) pages) Tj"
            let stream = "BT /F1 12 Tf 72 720 Td \(text) ET"
            return Array(
                """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
                4 0 obj << /Length \(stream.utf8.count) >>
                stream
                \(stream)
                endstream
                endobj
                trailer << /Root 1 0 R >>
                %%EOF

                """.utf8)
        }
    }
}
