/// `inputs.delimiter: "auto"` (SPEC §3.1): the delimiter is whichever of `,` `;` tab `|`
/// occurs most often outside quotes in the file's first header row; `,` on a tie or when
/// none occurs.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]

    /// - Parameter text: the file's first bytes as UTF-8 (after any byte-order mark); the first
    ///   row ends at a line feed or carriage return outside quotes, or where `text` ends.
    public static func delimiter(of text: some Sequence<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for byte in text {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D { break }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        let most = counts.max() ?? 0
        guard most > 0, counts.filter({ $0 == most }).count == 1, let index = counts.firstIndex(of: most) else {
            return candidates[0]
        }
        return candidates[index]
    }
}
