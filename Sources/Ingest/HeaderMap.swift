import CSVParser
import Foundation
import SurveyModel

/// Where each column the instrument needs sits in one file's header (SPEC §3.1):
/// names match case-insensitively after trimming, renames from pipeline.json applied.
/// A class, so the per-row code shares one instance instead of copying its arrays.
public final class HeaderMap: Sendable {
    public let width: Int
    /// Every header cell as written, so a reject can name the offending column.
    public let names: [String]
    public let id: Int
    public let submittedAt: Int
    public let area: Int
    /// One per form item, in form order.
    public let items: [Int]
    /// Reads each form item's answers by its scale, in form order.
    public let answers: AnswerDecoder
    /// One per form breakdown; nil when the file lacks it.
    public let breakdowns: [Int?]
    public let comment: Int?
    /// Header cells the instrument does not use, as written.
    public let unknownColumns: [String]

    /// - Throws: `PipelineError.input` naming every missing required column at once (SPEC §3.1), or a
    ///   repeated one.
    public init(header: CSVRecord, form: SurveyForm, renames: [String: String], file: String) throws(PipelineError) {
        var positions: [String: [Int]] = [:]
        for index in 0..<header.count {
            positions[Self.fold(header.string(index)), default: []].append(index)
        }
        var used = Set<Int>()
        var missing: [String] = []
        func find(_ canonical: String, required: Bool) throws(PipelineError) -> Int? {
            let name = renames[canonical] ?? canonical
            guard let found = positions[Self.fold(name)] else {
                if required {
                    let key = renames[canonical] == nil ? "" : " (inputs.columns.\(form.kind.rawValue).\(canonical))"
                    missing.append("\"\(MessageText.quoted(name))\"" + key)
                }
                return nil
            }
            guard found.count == 1 else {
                throw .input(file: file, line: 1, message: "column \"\(MessageText.quoted(name))\" appears \(found.count) times in the header "
                             + "(columns \(MessageText.list(found.map { String($0 + 1) }))))")
            }
            used.insert(found[0])
            return found[0]
        }
        width = header.count
        let names = (0..<header.count).map { header.string($0) }
        self.names = names
        id = try find(form.idColumn, required: true) ?? 0
        submittedAt = try find("submitted_at", required: true) ?? 0
        area = try find("area", required: true) ?? 0
        var items: [Int] = []
        for item in form.items { items.append(try find(item.key, required: true) ?? 0) }
        self.items = items
        answers = AnswerDecoder(form.items.map(\.scale))
        var breakdowns: [Int?] = []
        for name in form.breakdowns { breakdowns.append(try find(name, required: false)) }
        self.breakdowns = breakdowns
        comment = try find("comment", required: false)
        if !missing.isEmpty { throw Self.missingColumns(missing, header: header, file: file) }
        unknownColumns = (0..<header.count).filter { !used.contains($0) }.map { names[$0] }
    }

    /// One input error for every missing column of a file (SPEC §3.1), the header's first names beside
    /// them: a 10,000-column header stays one short message (SPEC §3.1 "Messages").
    static func missingColumns(_ missing: [String], header: CSVRecord, file: String) -> PipelineError {
        var shown = missing.prefix(MessageText.maxListed).joined(separator: ", ")
        if missing.count > MessageText.maxListed { shown += ", … and \(missing.count - MessageText.maxListed) more" }
        let present = MessageText.list((0..<header.count).map(header.string))
        return .input(file: file, line: 1, message: "missing required column\(missing.count == 1 ? "" : "s") \(shown) "
                      + "(the header has \(header.count) column\(header.count == 1 ? "" : "s"): \(present))")
    }

    /// Column name in its comparison form.
    static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
