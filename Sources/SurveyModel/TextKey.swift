import Foundation

/// The comparison form of a text (SPEC §3 "Comparing text"): Unicode NFC,
/// white space trimmed at both ends and inner runs collapsed to one space,
/// full Unicode case folding (`STRASSE` and `Straße` fold alike). Used for
/// scale labels, recodes and missing texts; off the hot path (ASCII cells are
/// compared byte by byte, see Ingest's `AnswerDecoder`).
public enum TextKey {
    public static func fold(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }
}
