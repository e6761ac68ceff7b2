/// The encoding a CSV file is stored in, as resolved for one file (SPEC §3.1 Encoding):
/// `utf8` is read as it is; the others are transcoded to UTF-8 while streaming (`Transcoder`).
public enum SourceEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// Whether bytes must go through a `Transcoder` before libcsv sees them.
    public var needsTranscoding: Bool { self != .utf8 }

    /// What the first bytes of a file say about its encoding.
    public enum Signature: Sendable, Equatable {
        /// EF BB BF.
        case utf8BOM
        /// FF FE or FE FF.
        case utf16BOM(SourceEncoding)
        /// No byte-order mark, but a NUL in every other byte (UTF-16 saved without a BOM).
        case utf16WithoutBOM
        case none
    }

    /// How many bytes of a file's start `signature(of:)` looks at for the NUL pattern.
    public static let sniffBytes = 4096

    /// Reads the byte-order mark or, failing one, the NUL pattern of UTF-16 text in the first
    /// `sniffBytes` bytes of `prefix` (the ASCII text of a CSV header in UTF-16 has a NUL in every
    /// other byte; UTF-8 text never does).
    public static func signature(of prefix: some Collection<UInt8>) -> Signature {
        let head = Array(prefix.prefix(sniffBytes))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16BOM(.utf16LE) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BOM(.utf16BE) }
        guard head.count >= 4 else { return .none }
        let even = stride(from: 0, to: head.count, by: 2).allSatisfy { head[$0] == 0 }
        let odd = stride(from: 1, to: head.count, by: 2).allSatisfy { head[$0] == 0 }
        return even != odd ? .utf16WithoutBOM : .none
    }
}
