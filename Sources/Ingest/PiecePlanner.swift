import FileIO
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
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile(path: path)
        } catch {
            throw failure(path, error)
        }
        var cuts: [Int] = []
        for piece in 1..<pieces {
            let target = data.lowerBound + data.count / pieces * piece
            guard target > (cuts.last ?? data.lowerBound),
                  let cut = try lineStart(after: target, before: data.upperBound, in: file, path: path),
                  cut > (cuts.last ?? data.lowerBound) else { continue }
            cuts.append(cut)
        }
        let starts = [data.lowerBound] + cuts
        let ends = cuts + [Int.max]
        return zip(starts, ends).map { $0..<$1 }
    }

    /// The offset just past the first line feed at or after `offset`, if one comes before `limit`.
    private static func lineStart(after offset: Int, before limit: Int, in file: borrowing ReadOnlyFile,
                                  path: String) throws(PipelineError) -> Int? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while position < limit {
            let count: Int
            do {
                count = try file.read(into: UnsafeMutableRawBufferPointer(
                    rebasing: buffer[0..<min(buffer.count, limit - position)]), at: position)
            } catch {
                throw failure(path, error)
            }
            if count == 0 { return nil }
            if let index = buffer[0..<count].firstIndex(of: 0x0A) { return position + index + 1 }
            position += count
        }
        return nil
    }

    private static func failure(_ path: String, _ error: FileIOError) -> PipelineError {
        .input(file: path, line: nil, message: "cannot read: \(error)")
    }
}
