internal import CLibCSV
internal import FileIO
import Foundation

/// Streams a CSV file through libcsv in fixed-size reads and hands each record
/// to a closure, with the physical line where it starts (SPEC §3.1).
///
/// The file is fed to libcsv one physical line at a time (ended by LF, CRLF or a
/// lone CR), so the line where a record begins is known exactly even when quoted
/// fields span lines.
/// libcsv trims spaces (only spaces, see `init`) around unquoted fields, never the delimiter
/// itself; inside quotes everything arrives as written.
///
/// A field longer than `maxFieldBytes` is cut to that length (at a character boundary) and
/// its record says which field it was (`BorrowedRecord.tooLongField`), so that a huge
/// field costs at most the limit plus one read in memory, not its whole length.
///
/// A file in another encoding than UTF-8 is transcoded while it streams (`Transcoder`, see
/// `CSVStream+Transcoded.swift`); byte offsets and ranges then count bytes of the UTF-8 text.
public final class CSVStream {
    /// Bytes read per `read(2)`.
    public static let chunkSize = 1 << 20

    private var parser = csv_parser()
    let collector = RecordCollector()
    /// The encoding of the files this stream reads; anything but UTF-8 is transcoded.
    public let encoding: SourceEncoding

    /// - Throws: `CSVStreamError` when the linked libcsv is not the supported 3.0.x
    ///   (`LibCSVVersion.check`) or cannot start a parser.
    public init(delimiter: UInt8, encoding: SourceEncoding = .utf8, maxFieldBytes: Int = .max) throws(CSVStreamError) {
        self.encoding = encoding
        do {
            try LibCSVVersion.check()
        } catch {
            throw CSVStreamError(error.description)
        }
        guard csv_init(&parser, UInt8(CSV_APPEND_NULL)) == 0 else { throw CSVStreamError("libcsv could not start") }
        csv_set_delim(&parser, delimiter)
        collector.maxFieldBytes = max(1, maxFieldBytes)
    }

    /// Only the space is trimmed around a field (and skipped after a closing quote): a tab is
    /// kept, as written, like any other character of the cell (SPEC §9.1 takes a comment's digest
    /// over its text as read; §8 neutralizes cells that start with one). libcsv's own test is
    /// "space or tab", so on a span without a tab it answers as ours does for every byte, and
    /// saves a call per byte: `parseSpan` gives libcsv our test only for spans with a tab.
    private static let onlySpaceIsSpace: @convention(c) (UInt8) -> Int32 = { $0 == 0x20 ? 1 : 0 }

    /// Whether libcsv has `onlySpaceIsSpace` now (else its built-in test).
    private var spaceTestSet = false

    deinit { csv_free(&parser) }

    /// Whether the parser stands between two records (not inside a quoted field or a partial
    /// record). It reads libcsv's private `pstate` (0 is ROW_NOT_BEGUN), whose place in the struct
    /// is libcsv 3.0.x's: `init` refused any other version.
    private var betweenRecords: Bool { parser.pstate == 0 }

    /// 3 when `chunk` starts with the UTF-8 byte-order mark, else 0.
    private static func byteOrderMarkLength(_ chunk: UnsafeRawBufferPointer) -> Int {
        chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF ? 3 : 0
    }

    /// Reads `path` (or only the bytes in `range`, which must start at a record) to its end,
    /// calling `onRecord` per record and `onBytes` per chunk read (for hashing). A leading
    /// UTF-8 byte-order mark is skipped. Lines are counted from 1 at the start of the range.
    /// A transcoded file is read from its first byte whatever the range (`onBytes` sees the
    /// file's own bytes, all of them), and `range` counts bytes of its UTF-8 text.
    /// - Returns: what the read saw: the lines it read, and whether it ended between records.
    /// `onRecord` does not escape (the collector holds it only during the read), so what it captures
    /// needs no box and no dynamic exclusivity check per record.
    @discardableResult
    public func read(path: String, range: Range<Int>? = nil, onBytes: (UnsafeRawBufferPointer) -> Void,
                     onRecord: (BorrowedRecord) -> Void) throws(CSVStreamError) -> CSVStreamEnd {
        try withoutActuallyEscaping(onRecord) { (onRecord) throws(CSVStreamError) -> CSVStreamEnd in
            collector.onRecord = onRecord
            defer { collector.onRecord = nil }
            return try read(path: path, range: range, onBytes: onBytes)
        }
    }

    private func read(path: String, range: Range<Int>?,
                      onBytes: (UnsafeRawBufferPointer) -> Void) throws(CSVStreamError) -> CSVStreamEnd {
        let file = try open(path)
        if encoding.needsTranscoding {
            try readTranscoded(file, from: range?.lowerBound ?? 0, to: range?.upperBound ?? Int.max,
                               onBytes: onBytes) { chunk, _ throws(CSVStreamError) in
                try self.feed(chunk)
                return false
            }
            let result = CSVStreamEnd(lines: collector.physicalLine, betweenRecords: betweenRecords)
            try finish()
            return result
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = range?.lowerBound ?? 0
        let end = range?.upperBound ?? Int.max
        var first = position == 0
        while position < end {
            let count = try read(file, into: UnsafeMutableRawBufferPointer(
                rebasing: buffer[0..<min(Self.chunkSize, end - position)]), at: position)
            if count == 0 { break }
            var chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            onBytes(chunk)
            let skipped = first ? Self.byteOrderMarkLength(chunk) : 0
            chunk = UnsafeRawBufferPointer(rebasing: chunk[skipped...])
            collector.chunkOffset = position + skipped
            position += count
            first = false
            _ = try feed(chunk)
        }
        let result = CSVStreamEnd(lines: collector.physicalLine, betweenRecords: betweenRecords)
        try finish()
        return result
    }

    /// The first record of `path` from byte `offset` on (its header at 0, or a record whose
    /// start is known), and the byte offset just past the line that ends it (where the data
    /// starts); nil when no record follows. A byte-order mark is skipped only at 0.
    public func firstRecord(path: String,
                            from offset: Int = 0) throws(CSVStreamError) -> (record: CSVRecord, end: Int, lines: Int)? {
        let file = try open(path)
        var found: CSVRecord?
        collector.onRecord = { record in
            if found == nil { found = record.copy() }
        }
        defer { collector.onRecord = nil }
        if encoding.needsTranscoding {
            var end: Int?
            collector.stopAfterRecord = true
            defer { collector.stopAfterRecord = false }
            let reached = try readTranscoded(file, from: offset, to: Int.max,
                                             onBytes: { _ in }) { chunk, at throws(CSVStreamError) in
                let used = try self.feed(chunk)
                if found != nil { end = at + used }
                return found != nil
            }
            let lines = collector.physicalLine
            try finish()
            return found.map { ($0, end ?? reached, lines) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while true {
            let count = try read(file, into: buffer, at: position)
            if count == 0 { break }
            var chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            let skipped = position == 0 ? Self.byteOrderMarkLength(chunk) : 0
            chunk = UnsafeRawBufferPointer(rebasing: chunk[skipped...])
            collector.chunkOffset = position + skipped
            collector.stopAfterRecord = true
            let used = try feed(chunk)
            collector.stopAfterRecord = false
            if let found {
                let lines = collector.physicalLine
                try finish()
                return (found, position + skipped + used, lines)
            }
            position += count
        }
        let lines = collector.physicalLine
        try finish()
        return found.map { ($0, position, lines) }
    }

    /// Parses an in-memory document (tests, fuzzing). `atFileStart: false` parses a piece
    /// from the middle of a document: a leading byte-order mark is data there.
    @discardableResult
    public func parse(_ data: [UInt8], atFileStart: Bool = true,
                      onRecord: @escaping (CSVRecord) -> Void) throws(CSVStreamError) -> CSVStreamEnd {
        collector.onRecord = { onRecord($0.copy()) }
        defer { collector.onRecord = nil }
        let failure: CSVStreamError? = data.withUnsafeBytes { raw in
            let start = atFileStart ? Self.byteOrderMarkLength(raw) : 0
            collector.chunkOffset = start
            do throws(CSVStreamError) {
                try feed(UnsafeRawBufferPointer(rebasing: raw[start...]))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        let end = CSVStreamEnd(lines: collector.physicalLine, betweenRecords: betweenRecords)
        try finish()
        return end
    }

    /// Feeds one physical line at a time. A line ends with LF, CRLF or a lone CR (libcsv ends a
    /// record at a lone CR too, so it must count as a line for line numbers to stay right).
    /// - Returns: the bytes consumed: all of them, unless `stopAfterRecord` ended the feed after
    ///   the line that completed a record.
    @discardableResult
    func feed(_ chunk: UnsafeRawBufferPointer) throws(CSVStreamError) -> Int {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return 0 }
        var offset = 0
        if collector.pendingCR {
            // The LF of a CRLF split across two reads belongs to the line the CR ended.
            collector.pendingCR = false
            if chunk[0] == 0x0A {
                try parseSpan(base, 1)
                offset = 1
            }
        }
        while offset < chunk.count {
            if collector.atLineStart {
                collector.physicalLine += 1
                if betweenRecords {
                    collector.recordLine = collector.physicalLine
                    collector.recordOffset = collector.chunkOffset + offset
                }
            }
            let start = base + offset, rest = chunk.count - offset
            var length = memchr(start, 0x0A, rest).map { UnsafeRawPointer($0) - start + 1 } ?? rest
            if let cr = memchr(start, 0x0D, length).map({ UnsafeRawPointer($0) - start }),
               cr + 1 == rest || start.load(fromByteOffset: cr + 1, as: UInt8.self) != 0x0A {
                length = cr + 1  // a lone CR, or a CR whose LF may start the next read
                collector.pendingCR = cr + 1 == rest
            }
            let last = start.load(fromByteOffset: length - 1, as: UInt8.self)
            collector.atLineStart = last == 0x0A || last == 0x0D
            try parseSpan(start, length)
            offset += length
            if collector.stopAfterRecord && collector.recordsSeen > 0 { return offset }
        }
        return offset
    }

    func open(_ path: String) throws(CSVStreamError) -> ReadOnlyFile {
        do {
            return try ReadOnlyFile(path: path)
        } catch {
            throw CSVStreamError(error.description)
        }
    }

    func read(_ file: borrowing ReadOnlyFile, into buffer: UnsafeMutableRawBufferPointer,
                      at offset: Int) throws(CSVStreamError) -> Int {
        do {
            return try file.read(into: buffer, at: offset)
        } catch {
            throw CSVStreamError(error.description)
        }
    }

    private func parseSpan(_ start: UnsafeRawPointer, _ length: Int) throws(CSVStreamError) {
        // libcsv reads the test when a parse starts, so it may change between spans.
        let hasTab = memchr(start, 0x09, length) != nil
        if hasTab != spaceTestSet {
            csv_set_space_func(&parser, hasTab ? Self.onlySpaceIsSpace : nil)
            spaceTestSet = hasTab
        }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let parsed = csv_parse(&parser, start, length, fieldCallback, recordCallback, context)
        guard parsed == length else { throw CSVStreamError(String(cString: csv_strerror(csv_error(&parser)))) }
        if parser.entry_pos > collector.maxFieldBytes { cutFieldInProgress() }
    }

    /// libcsv's private field layout was read for this version only (csv.c 3.0.3: states
    /// FIELD_BEGUN = 2 and FIELD_MIGHT_HAVE_ENDED = 3; `spaces` bytes, after a closing quote in
    /// state 3, end `entry_buf` and are dropped when the field ends).
    private static let knowsParserLayout = CSV_MAJOR == 3 && CSV_MINOR == 0 && CSV_RELEASE == 3

    /// The field being parsed has grown past the limit: on a known libcsv it is marked and its
    /// buffer cut back to the limit in place, keeping the quote and spaces that libcsv drops at
    /// the field's end, so parsing goes on exactly as before. (On another version the field
    /// callback still cuts and marks every long field; only the memory bound is lost.)
    /// Trailing spaces that libcsv may still trim do not count until they turn out to be content.
    private func cutFieldInProgress() {
        guard Self.knowsParserLayout, parser.pstate == 2 || parser.pstate == 3,
              let buffer = parser.entry_buf else { return }
        let quote = parser.pstate == 3 ? 1 : 0
        guard parser.entry_pos >= parser.spaces + quote else { return }
        let body = parser.entry_pos - parser.spaces - quote
        var keep = body
        if body > collector.maxFieldBytes {
            collector.markFieldTooLong()
            // Once cut, the field keeps that length: later bytes are beyond the limit too.
            keep = collector.cutLength
                ?? RecordCollector.characterStart(UnsafeRawPointer(buffer), before: collector.maxFieldBytes)
            collector.cutLength = keep
        }
        var spaces = min(parser.spaces, collector.maxFieldBytes - keep)
        if parser.spaces > 0 { spaces = max(spaces, 1) }
        memmove(buffer + keep, buffer + body, quote + spaces)
        parser.entry_pos = keep + quote + spaces
        parser.spaces = spaces
    }

    func finish() throws(CSVStreamError) {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard csv_fini(&parser, fieldCallback, recordCallback, context) == 0 else {
            throw CSVStreamError(String(cString: csv_strerror(csv_error(&parser))))
        }
        collector.physicalLine = 0
        collector.atLineStart = true
        collector.pendingCR = false
        collector.recordsSeen = 0
        collector.tooLongField = nil
        collector.cutLength = nil
    }
}

/// How a read ended: the physical lines it read, and whether the parser stood between two
/// records (not inside a quoted field or a partial record) before the end was flushed.
public struct CSVStreamEnd: Sendable, Equatable {
    public var lines: Int
    public var betweenRecords: Bool

    public init(lines: Int, betweenRecords: Bool) {
        self.lines = lines
        self.betweenRecords = betweenRecords
    }
}

/// A read or libcsv failure, turned into a `PipelineError.input` by the caller who knows the file.
public struct CSVStreamError: Error {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Gathers fields into the current record; libcsv reaches it through the `Unmanaged` context pointer.
final class RecordCollector {
    let record = RecordBuffer()
    /// Fields are cut to this many bytes.
    var maxFieldBytes = Int.max
    /// The first field of the current record that was longer than `maxFieldBytes`.
    var tooLongField: Int?
    var recordLine = 0
    /// Byte offset in the file where the current record starts, and where the chunk being fed starts.
    var recordOffset = 0
    var chunkOffset = 0
    var onRecord: ((BorrowedRecord) -> Void)?
    var physicalLine = 0
    var atLineStart = true
    /// The last read ended with a CR: an LF opening the next read completes a CRLF.
    var pendingCR = false
    /// Records delivered since the stream started (or was last finished).
    var recordsSeen = 0
    /// Ends a feed after the line that completes a record (reading a header alone).
    var stopAfterRecord = false

    /// Marks the field being parsed as too long.
    func markFieldTooLong() {
        if tooLongField == nil { tooLongField = record.count }
    }

    /// Where the field being parsed was cut while parsed (see `CSVStream.cutFieldInProgress`).
    var cutLength: Int?

    /// Adds a field, cut to `maxFieldBytes` at a UTF-8 character boundary when longer.
    @inline(__always)
    func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        if length <= maxFieldBytes, cutLength == nil { return record.appendField(field, length) }
        appendLongField(field, length)
    }

    /// A field at or over the limit, or the rest of one cut while parsed.
    private func appendLongField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        if let cut = cutLength {
            cutLength = nil
            return record.appendField(field, min(length, cut))
        }
        guard length > maxFieldBytes, let field else { return record.appendField(field, length) }
        markFieldTooLong()
        record.appendField(field, Self.characterStart(UnsafeRawPointer(field), before: maxFieldBytes))
    }

    /// `cut`, or up to 3 bytes less so that the bytes before it end with a whole UTF-8
    /// character; `bytes` must hold more than `cut` bytes.
    static func characterStart(_ bytes: UnsafeRawPointer, before cut: Int) -> Int {
        var end = cut
        // A continuation byte (10xxxxxx) at the cut means it falls inside a character.
        while end > 0 && end > cut - 3 && bytes.load(fromByteOffset: end, as: UInt8.self) & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    // Guaranteed reference: the stream keeps the collector alive for the whole csv_parse call,
    // so no retain/release per field.
    Unmanaged<RecordCollector>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.appendField(field, length) }
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    // Guaranteed reference, as in `fieldCallback`.
    Unmanaged<RecordCollector>.fromOpaque(context)._withUnsafeGuaranteedRef { collector in
        collector.recordsSeen += 1
        collector.record.withRecord(line: collector.recordLine, offset: collector.recordOffset,
                                    tooLongField: collector.tooLongField) { collector.onRecord?($0) }
        collector.tooLongField = nil
    }
}
