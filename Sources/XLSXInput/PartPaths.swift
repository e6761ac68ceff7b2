/// Resolves a relationship's `Target` against the folder of the part that holds the
/// relationship (OPC part names): `worksheets/sheet1.xml` from `xl/workbook.xml` is
/// `xl/worksheets/sheet1.xml`; a target starting with `/` is from the package root;
/// `..` steps up. Returns the ZIP member name (no leading `/`).
func resolvePartTarget(_ target: String, from source: String) -> String {
    var segments: [Substring]
    if target.hasPrefix("/") {
        segments = []
    } else {
        segments = source.split(separator: "/", omittingEmptySubsequences: true)
        if !segments.isEmpty { segments.removeLast() }
    }
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
        switch segment {
        case ".": continue
        case "..": if !segments.isEmpty { segments.removeLast() }
        default: segments.append(segment)
        }
    }
    return segments.joined(separator: "/")
}

/// The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
func relationshipsPart(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
    return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
}
