#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a small file with plain open/write/close. Foundation's file writers fsync every file, which for
/// 20,000 attachment files costs more than generating all the CSVs; an export needs no durability guarantee.
enum PlainFile {
    static func save(_ bytes: [UInt8], toPath path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw GenerationError.cannotCreate(path: path) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            guard result > 0 else { throw GenerationError.cannotCreate(path: path) }
            written += result
        }
    }
}
