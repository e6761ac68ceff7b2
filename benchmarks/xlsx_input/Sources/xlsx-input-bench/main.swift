import Foundation
import XLSXInput

// Reads the first worksheet of the workbook given as the argument to its end, turning
// the cells of column `dateColumn` that are numbers into date texts (what Ingest does
// for submitted_at), and prints one JSON line: rows, cells, seconds, rows/s, peak RSS.

func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
    return 0
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: xlsx-input-bench FILE.xlsx [DATE_COLUMN]\n".utf8))
    exit(2)
}
let dateColumn = arguments.count >= 3 ? Int(arguments[2]) ?? 2 : 2
let start = Date()
do {
    let reader = try XLSXSheetReader(path: arguments[1])
    let opened = Date().timeIntervalSince(start)
    var record = XLSXRecord()
    var rows = 0
    var cells = 0
    var bytes = 0
    var dates = 0
    while try reader.next(into: &record) {
        rows += 1
        cells += record.count
        bytes += record.bytes.count
        if record.kind(dateColumn).isNumber,
           ExcelSerialDate.text(serialText: record[dateColumn], system: reader.dateSystem) != nil {
            dates += 1
        }
    }
    let seconds = Date().timeIntervalSince(start)
    let fields: [String] = [
        "\"rows\": \(rows)", "\"cells\": \(cells)", "\"cell_bytes\": \(bytes)", "\"dates\": \(dates)",
        "\"shared_strings\": \(reader.sharedStringCount)",
        "\"shared_string_mb\": \(String(format: "%.1f", Double(reader.sharedStringBytes) / 1_048_576))",
        "\"open_seconds\": \(String(format: "%.3f", opened))", "\"seconds\": \(String(format: "%.3f", seconds))",
        "\"rows_per_second\": \(Int(Double(rows) / seconds))",
        "\"peak_rss_mb\": \(String(format: "%.1f", Double(status("VmHWM")) / 1_048_576))",
    ]
    print("{" + fields.joined(separator: ", ") + "}")
} catch {
    FileHandle.standardError.write(Data("xlsx-input-bench: \(error)\n".utf8))
    exit(1)
}
