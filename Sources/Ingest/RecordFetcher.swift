/// Reads chosen records of a file again, each from the byte offset where it starts
/// (used to put the raw fields of duplicate rows, which ingest does not keep, into
/// the rejects file): one short read per record, not a pass over the file.
public enum RecordFetcher {
    /// The fields of the record starting at each of `offsets`, keyed by offset.
    public static func fields(path: String, offsets: Set<Int>, delimiter: UInt8) throws(PipelineErrorCSV) -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        for offset in offsets.sorted() {
            do {
                if let record = try CSVStream(delimiter: delimiter).firstRecord(path: path, from: offset) {
                    found[offset] = record.record.strings
                }
            } catch {
                throw PipelineErrorCSV(message: "\(path): \(error.message)")
            }
        }
        return found
    }
}

/// A file could not be read a second time.
public struct PipelineErrorCSV: Error {
    public let message: String
}
