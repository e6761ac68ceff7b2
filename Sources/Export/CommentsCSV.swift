import FileIO
import Foundation
import Score
import SurveyModel

/// `<report>.comments.csv` (SPEC §9.1): every comment of a shown group of a configured area,
/// with its area, survey and themes (no id, no time), the groups in area then survey name
/// order (code points), each group's comments in digest order. Cells are neutralized and
/// quoted as in the rejects (`RejectsCSV.cell`). Written streaming: a large survey has a
/// comment for every third respondent.
public enum CommentsCSV {
    public static let header = "area,survey,themes,comment\r\n"

    /// Creates `path` (it must not exist) and writes the comments of `report` to it.
    /// - Throws: `PipelineError.other` naming the file when it cannot be created or written.
    public static func write(_ report: ScoreReport, to path: String) throws(PipelineError) {
        let file = try OutputFile(path: path)
        try file.append { $0.append(contentsOf: header.utf8) }
        var themeCells: [UInt64: [UInt8]] = [:]
        for group in groups(report) {
            var prefix: [UInt8] = []
            RejectsCSV.appendCell(group.area, to: &prefix)
            prefix.append(UInt8(ascii: ","))
            RejectsCSV.appendCell(group.survey.rawValue, to: &prefix)
            prefix.append(UInt8(ascii: ","))
            for index in group.comments.indices {
                let themes = index < group.themes.count ? group.themes[index] : 0
                let themeCell = themeCells[themes] ?? {
                    var cell: [UInt8] = []
                    RejectsCSV.appendCell(report.themes.names(of: themes), to: &cell)
                    cell.append(UInt8(ascii: ","))
                    themeCells[themes] = cell
                    return cell
                }()
                try file.append { bytes in
                    bytes.append(contentsOf: prefix)
                    bytes.append(contentsOf: themeCell)
                    group.comments.withUTF8(index) { RejectsCSV.appendCell(utf8: $0, to: &bytes) }
                    bytes.append(contentsOf: [13, 10])
                }
            }
        }
        try file.flush()
    }

    /// The groups in the file's order: area name, then survey name, by code points.
    static func groups(_ report: ScoreReport) -> [CommentGroup] {
        report.comments.sorted { a, b in
            a.area.unicodeScalars.elementsEqual(b.area.unicodeScalars)
                ? a.survey.rawValue.unicodeScalars.lexicographicallyPrecedes(b.survey.rawValue.unicodeScalars)
                : a.area.unicodeScalars.lexicographicallyPrecedes(b.area.unicodeScalars)
        }
    }
}

/// A file created for writing (never one that exists), written through a 1 MiB buffer and
/// closed when the value goes.
final class OutputFile {
    private let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var offset = 0
    private static let bufferBytes = 1 << 20

    init(path: String) throws(PipelineError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
        buffer.reserveCapacity(Self.bufferBytes)
    }

    deinit { close(descriptor) }

    /// Lets `write` add bytes to the buffer, then writes it out when it is full.
    func append(_ write: (inout [UInt8]) -> Void) throws(PipelineError) {
        write(&buffer)
        if buffer.count >= Self.bufferBytes { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws(PipelineError) {
        let failed = buffer.withUnsafeBytes { bytes -> FileIOError? in
            do throws(FileIOError) {
                try PositionedIO.writeFully(descriptor, bytes, at: offset)
                return nil
            } catch {
                return error
            }
        }
        if let failed { throw Self.failure(path, failed.code == 0 ? EIO : failed.code) }
        offset += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ code: Int32) -> PipelineError {
        .other("cannot write \(MessageText.quoted(path)): \(String(cString: strerror(code)))")
    }
}
