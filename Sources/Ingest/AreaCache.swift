import SurveyModel

/// Remembers how each distinct `area` cell of a file matched, so that a million
/// rows cost a hash and a byte comparison each instead of a Unicode case fold.
struct AreaCache {
    private var entries: [(bytes: [UInt8], area: Int?)] = []
    private var byHash: [UInt64: Int] = [:]
    private static let limit = 4096

    mutating func match(_ cell: ArraySlice<UInt8>, catalog: AreaCatalog) -> Int? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in cell { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let index = byHash[hash], entries[index].bytes.elementsEqual(cell) { return entries[index].area }
        let area = catalog.match(String(decoding: cell, as: UTF8.self))
        if entries.count < Self.limit, byHash[hash] == nil {
            byHash[hash] = entries.count
            entries.append((Array(cell), area))
        }
        return area
    }
}
