import Foundation

/// The file-name slug of an area (SPEC §10): `<report>.<slug>.xlsx` names that area's
/// workbook. NFKD, then every non-ASCII scalar dropped (`Zürich Süd` → `Zurich Sud`), lower
/// case, each run of characters outside `[a-z0-9]` one `-`, trimmed of `-`; a name that
/// leaves nothing is `area`.
public enum AreaSlug {
    public static func slug(_ name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.decomposedStringWithCompatibilityMapping.unicodeScalars where scalar.isASCII {
            let byte = UInt8(scalar.value)
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            if (97...122).contains(lower) || (48...57).contains(lower) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(Unicode.Scalar(lower))
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "area" : slug
    }

    /// One slug per name, in the order given (config order): a slug already taken by an
    /// earlier name gets `-2`, `-3`, … (the first suffix not taken).
    public static func unique(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            let base = slug(name)
            var candidate = base, suffix = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            return candidate
        }
    }
}
