import AllegoryExport
import Foundation

// reader-bench FILE...: how fast the CSV reader streams each file, once counting cells (the parser alone) and
// once building every cell's String (what a snapshot pays), in MB/s of file bytes.
let files = CommandLine.arguments.dropFirst()
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("usage: reader-bench FILE.csv...\n".utf8))
    exit(2)
}
for path in files {
    let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.doubleValue ?? 0
    for buildStrings in [false, true] {
        let start = DispatchTime.now().uptimeNanoseconds
        let reader = try CSVReader(path: path)
        var cells = 0
        try reader.read { row in
            if buildStrings { cells += row.values.count } else { cells += row.cellCount }
            return true
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(
            String(
                format: "%@  %@  %d records, %d cells, %.2f s, %.0f MB/s", path, buildStrings ? "strings" : "cells  ",
                reader.recordCount, cells, seconds, bytes / seconds / 1e6))
    }
}
