// libFuzzer entry point for the ingest stage (built by scripts/fuzz, not by SwiftPM).
//
// Compiled into one module together with the Ingest files of the per-row checks
// (ValueParser, DateParser, HeaderMap, RowValidator, CellCache, FNV1a) over the
// CSVParser module (CSVRecord, CSVStream), so the internal `RowValidator` is
// reachable. Each input is read the way SurveyFileReader reads a file: the first
// record is the header, every later record goes through the per-row checks of
// SPEC §7, and an accepted row is taken apart the way `ReadState.append` does.
// The input also goes through the transcoders of SPEC §3.1 (Windows-1252, UTF-16 LE
// and BE): whole and cut in two must agree, the output must be valid UTF-8 apart from
// the 0xFF that stands for what the source cannot hold, and it is ingested too.
// Any crash, sanitizer report or broken invariant below (`check`) is a finding.

import CSVParser
import SurveyModel

private let instrument = DefaultInstrument.value
private let areas = AreaCatalog(
    areas: [Area(name: "Operations", aliases: ["Ops", "Operations  Dept"], headcount: 10),
            Area(name: "Customer Service", aliases: ["CS"])],
    catchAllName: nil)

/// The platform patterns of SPEC §3.6, so that the pattern matcher meets every input too.
private let datePatterns = try! DatePatterns(
    compiling: ["%Y/%m/%d %I:%M:%S %p %z", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%d.%m.%Y %H:%M:%S.%f"],
    path: "fuzz")

/// The canonical employee header: a second pass puts it in front of the input so that
/// mutated rows reach the row checks even when the mutation broke the header.
private let employeeHeader: [UInt8] = Array((["respondent_id", "submitted_at", "area", "role"]
    + instrument.employee.items.map(\.key) + ["comment"]).joined(separator: ",").utf8) + [10]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    ingest(bytes, form: instrument.employee, delimiter: UInt8(ascii: ","))
    ingest(bytes, form: instrument.customer, delimiter: UInt8(ascii: ","))
    ingest(employeeHeader + bytes, form: instrument.employee, delimiter: UInt8(ascii: ","))
    if bytes.contains(UInt8(ascii: ";")) { ingest(bytes, form: instrument.employee, delimiter: UInt8(ascii: ";")) }
    checkCut(bytes)
    for encoding in [SourceEncoding.windows1252, .utf16LE, .utf16BE] {
        let text = checkTranscoder(bytes, encoding)
        ingest(text, form: instrument.employee, delimiter: DelimiterSniffer.delimiter(of: text))
    }
    _ = SourceEncoding.signature(of: bytes)
    // The cell parsers on the raw input as one cell.
    _ = DateParser.parse(bytes[...], patterns: datePatterns)
    for scale in [Scale.likert, .frequency, .zeroToTen] { _ = ValueParser.code(bytes[...], scale: scale) }
    return 0
}

/// Reading a document in two pieces (as ingest does for a large file on several jobs):
/// when the stream says the first piece ended between records, the two pieces must give
/// exactly the records of one whole read, with line numbers moved by the first piece's lines
/// and byte offsets by its length.
/// The cut is the line feed nearest the middle, so it also lands inside quoted fields.
private func checkCut(_ bytes: [UInt8]) {
    guard let cut = bytes.indices.dropFirst(bytes.count / 2).first(where: { bytes[$0] == 10 }).map({ $0 + 1 }),
          cut < bytes.count,
          let whole = records(bytes, atFileStart: true),
          let first = records(Array(bytes[..<cut]), atFileStart: true), first.end.betweenRecords,
          let second = records(Array(bytes[cut...]), atFileStart: false) else { return }
    let joined = first.records + second.records.map { record in
        var moved = record
        moved.line += first.end.lines
        moved.offset += cut
        return moved
    }
    check(joined.map(\.line) == whole.records.map(\.line), "cut at \(cut): line numbers differ")
    check(joined.map(\.offset) == whole.records.map(\.offset), "cut at \(cut): record offsets differ")
    check(joined.map(\.bytes) == whole.records.map(\.bytes) && joined.map(\.ends) == whole.records.map(\.ends),
          "cut at \(cut): fields differ")
}

private func records(_ bytes: [UInt8], atFileStart: Bool) -> (records: [CSVRecord], end: CSVStreamEnd)? {
    guard let stream = try? CSVStream(delimiter: UInt8(ascii: ",")) else { return nil }
    var found: [CSVRecord] = []
    guard let end = try? stream.parse(bytes, atFileStart: atFileStart, onRecord: { found.append($0) }) else { return nil }
    return (found, end)
}

/// The transcoder's output for `bytes`, checked: fed in two chunks (cut where the first byte
/// says) it is the same as fed whole; with 0xFF taken out it is valid
/// UTF-8; Windows-1252 turns every byte into a scalar (or 0xFF for the five undefined ones).
private func checkTranscoder(_ bytes: [UInt8], _ encoding: SourceEncoding) -> [UInt8] {
    let whole = Transcoder.transcode(bytes, from: encoding)
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    var transcoder = Transcoder(encoding)
    var pieces: [UInt8] = []
    for part in [Array(bytes[..<cut]), Array(bytes[cut...])] {
        var out = [UInt8](repeating: 0, count: Transcoder.outputCapacity(forInput: part.count))
        let count = out.withUnsafeMutableBytes { out in part.withUnsafeBytes { transcoder.transcode($0, into: out) } }
        pieces += out[..<count]
    }
    var tail = [UInt8](repeating: 0, count: 8)
    let count = tail.withUnsafeMutableBytes { transcoder.finish(into: $0) }
    pieces += tail[..<count]
    check(pieces == whole, "\(encoding): cut at \(cut) differs from the whole")
    let valid = whole.split(separator: Transcoder.invalid, omittingEmptySubsequences: false)
    check(valid.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "\(encoding): invalid UTF-8 besides 0xFF")
    if encoding == .windows1252 {
        let undefined = bytes.filter { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }.count
        check(valid.count - 1 == undefined, "\(encoding): \(valid.count - 1) invalid bytes for \(undefined) undefined")
        check(String(decoding: whole, as: UTF8.self).unicodeScalars.count == bytes.count, "\(encoding): one scalar per byte")
    } else {
        check(whole.count <= Transcoder.outputCapacity(forInput: bytes.count), "\(encoding): output beyond its capacity")
    }
    return whole
}

/// A broken invariant: report it the way a crash is reported.
private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}

private func ingest(_ document: [UInt8], form: SurveyForm, delimiter: UInt8) {
    let body = document.starts(with: [0xEF, 0xBB, 0xBF]) ? document.dropFirst(3) : document[...]
    // Physical lines of the document: LF, CRLF and a lone CR each end one.
    var lines = 1
    var previous: UInt8 = 0
    for byte in body {
        if byte == 10, previous != 13 { lines += 1 }
        if byte == 13 { lines += 1 }
        previous = byte
    }
    let maxFieldBytes = body.count
    var header: HeaderMap?
    var headerFailed = false
    // The first three records decide the platform format and its header rows (SPEC §3.6).
    var opening: [CSVRecord] = []
    var skip = 0
    var cache = CellCache<Int?>()
    var codes = [UInt8](repeating: 0, count: form.items.count)
    var lastLine = 0
    var records = 0
    guard let stream = try? CSVStream(delimiter: delimiter) else { return }
    do throws(CSVStreamError) {
        try stream.parse(document) { record in
            records += 1
            check(record.line > lastLine, "record \(records) starts on line \(record.line) after \(lastLine)")
            check(record.line <= lines, "line \(record.line) beyond the \(lines) physical lines")
            lastLine = record.line
            check(record.count >= 1, "a record without fields")
            var end = 0
            for field in record.ends {
                check(field >= end, "field ends go backwards")
                end = field
            }
            check(end == record.bytes.count && end <= maxFieldBytes, "field bytes do not add up")
            if headerFailed { return }
            guard let map = header else {
                opening.append(record)
                guard opening.count == 3 else { return }
                header = headerMap(opening, form: form, failed: &headerFailed, skip: &skip)
                if let map = header {
                    for early in opening.dropFirst(skip) { row(early, header: map, form: form, cache: &cache, codes: &codes) }
                }
                return
            }
            row(record, header: map, form: form, cache: &cache, codes: &codes)
        }
        if header == nil, !headerFailed, !opening.isEmpty,
           let map = headerMap(opening, form: form, failed: &headerFailed, skip: &skip) {
            for early in opening.dropFirst(skip) { row(early, header: map, form: form, cache: &cache, codes: &codes) }
        }
    } catch {
        check(!error.message.isEmpty, "libcsv failed without a message")
    }
}

/// The header of a file from its first records, found as `auto` finds it; nil (and `failed`)
/// when it is an input or config error, which must stay a short message.
private func headerMap(_ records: [CSVRecord], form: SurveyForm, failed: inout Bool, skip: inout Int) -> HeaderMap? {
    let layout = HeaderLayout.detect(records.map(\.strings), configured: .auto, xlsx: false)
    check((1...3).contains(layout.headerRows) && layout.headerRows <= max(records.count, 1), "header rows \(layout.headerRows)")
    skip = layout.headerRows
    do throws(PipelineError) {
        let map = try HeaderMap(layout: layout, form: form, renames: [:], file: "fuzz.csv")
        check(map.width == records[0].count, "header width")
        return map
    } catch {
        failed = true
        check(error.exitCode == 3 || error.exitCode == 2, "a header problem that is not an input or config error")
        check(error.description.utf8.count < 4096, "header error of \(error.description.utf8.count) bytes")
        return nil
    }
}

/// The per-row checks, then what `ReadState.append` takes from an accepted row.
private func row(_ record: CSVRecord, header: HeaderMap, form: SurveyForm, cache: inout CellCache<Int?>,
                 codes: inout [UInt8]) {
    let outcome = RowValidator.validate(record, header: header, form: form, areas: areas, dates: datePatterns,
                                        cache: &cache, codes: &codes)
    if record.count == header.width {
        // The per-file cache of area cells must agree with the catalog it stands in for.
        if let area = header.area {
            let cached = cache.value(for: record[area]) { areas.match(String(decoding: $0, as: UTF8.self)) }
            check(cached == areas.match(record.string(area)), "area cache disagrees with the catalog")
        }
    }
    switch outcome {
    case .rejected(let reason, _):
        if reason != .fieldCount { check(record.count == header.width, "rejected for \(reason) with a bad width") }
        _ = record.strings
    case .accepted(let valid):
        check(record.count == header.width, "accepted with \(record.count) of \(header.width) fields")
        check(RowValidator.firstInvalidUTF8Field(record) == nil, "accepted with invalid UTF-8")
        if let id = header.id { check(!ValueParser.trimmed(record[id]).isEmpty, "accepted without an id") }
        check(areas.areas.indices.contains(valid.area), "area index \(valid.area)")
        check((1...12).contains(valid.time.month) && (1...31).contains(valid.time.day), "date out of range")
        for (index, item) in form.items.enumerated() {
            check(codes[index] <= item.scale.maxCode, "\(item.key) code \(codes[index])")
        }
        _ = WavePeriod.quarter.label(year: valid.time.year, month: valid.time.month)
        _ = WavePeriod.month.key(year: valid.time.year, month: valid.time.month)
        if let comment = header.comment, !ValueParser.isMissing(record[comment]) {
            _ = String(decoding: ValueParser.trimmed(record[comment]), as: UTF8.self)
        }
        for position in header.breakdowns.compactMap({ $0 }) where !ValueParser.isMissing(record[position]) {
            _ = String(decoding: ValueParser.trimmed(record[position]), as: UTF8.self)
        }
    }
}
