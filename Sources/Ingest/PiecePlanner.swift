import Foundation
import SurveyModel

/// Cuts a file's data into byte ranges that can be parsed at once on several
/// threads. Each cut is placed just after a line feed near an even share of the
/// bytes. A line feed may sit inside a quoted field; the reader of the range
/// before a cut reports whether it ended between records (`CSVStreamEnd`), and a
/// file with an unsound cut is read again in one piece, so a cut never changes
/// what is read.
public enum PiecePlanner {
    /// - Parameters:
    ///   - data: the bytes after the header, to the end of the file.
    ///   - pieces: how many ranges to aim for; fewer come back when the data has too few lines.
    /// - Returns: ranges in file order covering `data`; the last one ends at `Int.max` (the end of the
    ///   file, even if it grew).
    public static func ranges(path: String, data: Range<Int>, pieces: Int) throws(PipelineError) -> [Range<Int>] {
        guard pieces > 1, data.count > pieces else { return [data.lowerBound..<Int.max] }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .input(file: path, line: nil, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var cuts: [Int] = []
        for piece in 1..<pieces {
            let target = data.lowerBound + data.count / pieces * piece
            guard target > (cuts.last ?? data.lowerBound),
                  let cut = try lineStart(after: target, before: data.upperBound, descriptor: descriptor, path: path),
                  cut > (cuts.last ?? data.lowerBound) else { continue }
            cuts.append(cut)
        }
        let starts = [data.lowerBound] + cuts
        let ends = cuts + [Int.max]
        return zip(starts, ends).map { $0..<$1 }
    }

    /// The offset just past the first line feed at or after `offset`, if one comes before `limit`.
    private static func lineStart(after offset: Int, before limit: Int, descriptor: Int32,
                                  path: String) throws(PipelineError) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        while position < limit {
            let count = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, min($0.count, limit - position), off_t(position))
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                throw .input(file: path, line: nil, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return nil }
            if let index = buffer[0..<count].firstIndex(of: 0x0A) { return position + index + 1 }
            position += count
        }
        return nil
    }
}
