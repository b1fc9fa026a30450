import AllegoryExport
import Foundation

/// A copy of an export whose standard files have their columns renamed to names other CRMs use and their order
/// reversed: what the proposal must still map from synonyms, spelling and values.
///
/// Only contacts.csv, companies.csv and deals.csv are rewritten (streamed, whatever their size); every other file is
/// hard-linked, so a million-contact variant costs one pass over three files and no copy of the rest.
enum RenamedExport {
    /// Standard column -> the header the variant gives it, per file. Names from other CRMs' exports, some the
    /// profile lists as synonyms (`E-mail Address`), some it does not (`Organisation`, `Date of Creation`).
    static let renames: [String: [String: String]] = [
        "contacts": [
            "Contact ID": "Person ID", "First Name": "Given Name", "Last Name": "Surname", "Email": "E-mail Address",
            "Other Emails": "Additional Emails", "Phone": "Work Phone", "Mobile": "Mobile Phone",
            "Job Title": "Position",
            "Company ID": "Account ID", "Street": "Street Address", "Postal Code": "ZIP Code",
            "LinkedIn": "LinkedIn URL",
            "Owner Email": "Record Owner", "Created": "Date Created", "Modified": "Last Modified",
            "Last Activity": "Last Contacted",
        ],
        "companies": [
            "Company ID": "Account ID", "Company Name": "Organisation", "Website": "Web Site", "Employees": "Headcount",
            "Annual Revenue": "Yearly Revenue", "Phone": "Telephone", "Street": "Address Line 1",
            "Street 2": "Address Line 2",
            "Postal Code": "Postcode", "Owner Email": "Account Owner", "Created": "Date of Creation",
        ],
        "deals": [
            "Deal ID": "Opportunity ID", "Deal Name": "Opportunity Name", "Amount": "Deal Value",
            "Stage": "Sales Stage",
            "Close Date": "Expected Close Date", "Probability": "Win Probability", "Company ID": "Account ID",
            "Primary Contact ID": "Point of Contact ID", "Owner Email": "Opportunity Owner", "Created": "Created On",
        ],
    ]

    static let rewritten = ["contacts": "contacts.csv", "companies": "companies.csv", "deals": "deals.csv"]

    /// Writes the variant of `source` into `destination` (replaced if it exists).
    static func write(from source: URL, to destination: URL) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: destination)
        try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
        let rewrittenPaths = Set(rewritten.values)
        let sourcePath = source.standardizedFileURL.path
        let enumerator = fileManager.enumerator(at: source, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(sourcePath.count + 1))
            let target = destination.appendingPathComponent(relative)
            if (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
                try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            } else if !rewrittenPaths.contains(relative) {
                // A hard link shares the bytes; another file system needs a copy.
                do { try fileManager.linkItem(at: url, to: target) } catch {
                    try fileManager.copyItem(at: url, to: target)
                }
            }
        }
        for (object, path) in rewritten {
            try rewrite(
                source.appendingPathComponent(path), to: destination.appendingPathComponent(path),
                renames: renames[object] ?? [:])
        }
    }

    /// Streams one CSV file into its variant: renamed header, columns in reverse order, UTF-8, minimal quoting.
    static func rewrite(_ source: URL, to destination: URL, renames: [String: String]) throws {
        let reader = try CSVReader(path: source.path)
        let header = reader.header.map { renames[$0] ?? $0 }
        let order = Array(header.indices.reversed())
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: destination)
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path]) }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func append(_ cells: [String]) {
            for (position, index) in order.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                let cell = index < cells.count ? cells[index] : ""
                if cell.utf8.contains(where: {
                    $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
                }) {
                    buffer.append(UInt8(ascii: "\""))
                    for byte in cell.utf8 {
                        if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                        buffer.append(byte)
                    }
                    buffer.append(UInt8(ascii: "\""))
                } else {
                    buffer.append(contentsOf: cell.utf8)
                }
            }
            buffer.append(0x0A)
        }
        append(header)
        var failure: Error?
        try reader.read { row in
            append(row.values)
            if buffer.count >= 1 << 20 {
                do { try handle.write(contentsOf: buffer) } catch {
                    failure = error
                    return false
                }
                buffer.removeAll(keepingCapacity: true)
            }
            return true
        }
        if let failure { throw failure }
        try handle.write(contentsOf: buffer)
    }
}
