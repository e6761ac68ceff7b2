import Foundation
import ZIPFoundation

/// The workbook's shared strings (`xl/sharedStrings.xml`), read once before the sheet:
/// held in memory as ONE contiguous UTF-8 byte buffer and the end offset of each
/// string, so a table costs its text plus 8 bytes per string (no object per string).
/// For a survey it is the distinct texts of the sheet: headers, answer labels, and
/// every free-text comment once. It is not spilled to disk (SPEC §3.8 allows either);
/// its size is reported by `byteCount` for the caller's logs.
struct SharedStringTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    /// The most reserved up front, whatever the ZIP header claims.
    static let largestReservation: UInt64 = 1 << 30

    var count: Int { ends.count }
    var byteCount: Int { bytes.count + ends.count * MemoryLayout<Int>.size }

    init() {}

    /// Reads the `<si>` items of `member`, streaming (one item expanded at a time).
    init(archive: URL, file: String, member: String) throws(XLSXInputError) {
        // The text is at most the member's size: reserving that (capped) once spares the
        // copies of doubling, and pages never written do not count as resident.
        if let entry = (try? Archive(url: archive, accessMode: .read))?[member] {
            bytes.reserveCapacity(Int(min(entry.uncompressedSize, Self.largestReservation)))
        }
        let xml = try MemberXML(archive: archive, file: file, member: member)
        var more = try xml.read()
        while more {
            if xml.isStartElement, xml.nameIs("si") {
                try xml.withElement { (item) throws(XLSXInputError) in appendStringItem(item, to: &bytes) }
                ends.append(bytes.count)
                more = try xml.skipSubtree()
            } else {
                more = try xml.read()
            }
        }
    }

    /// The bytes of string `index`; the caller has checked `index < count`.
    func withString<Result>(_ index: Int, _ body: (ArraySlice<UInt8>) -> Result) -> Result {
        body(bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }
}
