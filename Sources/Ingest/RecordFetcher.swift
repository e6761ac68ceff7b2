/// Reads chosen records of a file again by their starting line (used to put the
/// raw fields of duplicate rows, which ingest does not keep, into the rejects file).
public enum RecordFetcher {
    public static func fields(path: String, lines: Set<Int>, delimiter: UInt8) throws(PipelineErrorCSV) -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        do {
            let stream = try CSVStream(delimiter: delimiter)
            try stream.read(path: path, onBytes: { _ in }, onRecord: { record in
                if lines.contains(record.line) { found[record.line] = record.strings }
            })
        } catch {
            throw PipelineErrorCSV(message: "\(path): \(error.message)")
        }
        return found
    }
}

/// A file could not be read a second time.
public struct PipelineErrorCSV: Error {
    public let message: String
}
