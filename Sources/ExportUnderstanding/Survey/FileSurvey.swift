import AllegoryExport

/// One pass over one file of the export: its header, record count, a survey of every column, and its first rows
/// (for decisions that need values side by side, such as a type column next to an id column).
struct FileSurvey {
    static let sampleRowLimit = 2_000

    let file: ExportLayout.SourceFile
    private(set) var header: [String] = []
    private(set) var columns: [ColumnSurvey] = []
    private(set) var records = 0
    private(set) var rows: [[String]] = []

    init(file: ExportLayout.SourceFile) { self.file = file }

    /// Reads every record of `file` in `layout`.
    static func read(_ file: ExportLayout.SourceFile, in layout: ExportLayout) throws -> FileSurvey {
        // A zipped export's file is extracted alone for the reader, and removed once read.
        try layout.withLocalFile(of: file) { path in try read(file, at: path, encoding: layout.encoding(for: file)) }
    }

    private static func read(_ file: ExportLayout.SourceFile, at path: String, encoding: TextEncoding?) throws
        -> FileSurvey
    {
        var survey = FileSurvey(file: file)
        switch file.format {
        case .csv:
            let reader = try CSVReader(path: path, fileName: file.path, encoding: encoding)
            survey.header = reader.header
            survey.columns = reader.header.map { ColumnSurvey(name: $0) }
            try reader.read { row in
                survey.add((0..<reader.header.count).map { row[$0] })
                return true
            }
        case .json:
            let reader = JSONRecordReader(path: path, fileName: file.path, encoding: encoding)
            var index: [String: Int] = [:]
            try reader.read { record in
                var values = [String](repeating: "", count: survey.header.count)
                for field in record.fields {
                    if let position = index[field.name] {
                        values[position] = field.value
                    } else {
                        // A key first met in a later record: earlier records had it empty.
                        index[field.name] = survey.header.count
                        survey.header.append(field.name)
                        var column = ColumnSurvey(name: field.name)
                        for _ in 0..<survey.records { column.add("") }
                        survey.columns.append(column)
                        for row in survey.rows.indices { survey.rows[row].append("") }
                        values.append(field.value)
                    }
                }
                survey.add(values)
                return true
            }
        }
        for index in survey.columns.indices { survey.columns[index].finish() }
        return survey
    }

    private mutating func add(_ values: [String]) {
        records += 1
        for (index, value) in values.enumerated() { columns[index].add(value) }
        if rows.count < Self.sampleRowLimit { rows.append(values) }
    }

    func column(_ name: String) -> ColumnSurvey? { columns.first { $0.name == name } }
    func index(of name: String) -> Int? { header.firstIndex(of: name) }
}
