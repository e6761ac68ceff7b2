/// How a message or log line quotes text the tool did not write — a header name, a cell,
/// a path, a config value (SPEC §3.1 "Messages"): cut at 80 characters with `…`, control
/// characters and the byte-order mark shown escaped (`\u0000`), lists cut after 10 entries
/// with `… and N more`, and no line longer than 4 KB. The one helper for this job: every
/// message that quotes user data goes through it.
public enum MessageText {
    /// Characters of a quoted value before it is cut.
    public static let maxQuoted = 80
    /// Entries of a quoted list before it is cut.
    public static let maxListed = 10
    /// Bytes of one log line, its newline excluded.
    public static let maxLineBytes = 4096

    /// `text` cut at `maxQuoted` characters (with `…`) and escaped.
    public static func quoted(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maxQuoted else { return escaped(text) }
        var cut = String.UnicodeScalarView(scalars.prefix(maxQuoted))
        cut.append("…")
        return escaped(String(cut))
    }

    /// Each entry quoted, joined with `separator`; after `maxListed` entries, `… and N more`.
    public static func list(_ items: [String], separator: String = ", ") -> String {
        var shown = items.prefix(maxListed).map(quoted).joined(separator: separator)
        if items.count > maxListed { shown += "\(separator)… and \(items.count - maxListed) more" }
        return shown
    }

    /// Control characters (C0, DEL, C1) and the byte-order mark as `\u0000`; a backslash
    /// stays as it is, so text that was escaped already is not escaped twice.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u".unicodeScalars)
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: (String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` cut to at most `bytes` UTF-8 bytes at a character boundary, ending in `…` when cut.
    public static func prefix(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        let ellipsis = "…"
        var kept = String.UnicodeScalarView(), used = ellipsis.utf8.count
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            guard used + size <= bytes else { break }
            kept.append(scalar)
            used += size
        }
        return String(kept) + ellipsis
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
    }
}
