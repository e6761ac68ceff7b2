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

    /// - Throws: `PipelineError.input` naming the missing or repeated column.
    public init(header: CSVRecord, form: SurveyForm, renames: [String: String], file: String) throws(PipelineError) {
        var positions: [String: [Int]] = [:]
        for index in 0..<header.count {
            positions[Self.fold(header.string(index)), default: []].append(index)
        }
        var used = Set<Int>()
        func find(_ canonical: String, required: Bool) throws(PipelineError) -> Int? {
            let name = renames[canonical] ?? canonical
            guard let found = positions[Self.fold(name)] else {
                if !required { return nil }
                // At most 40 names of at most 60 characters: a 10,000-column header stays one short message.
                var present = (0..<min(header.count, 40)).map { index in
                    let cell = header.string(index)
                    return cell.count > 60 ? cell.prefix(60) + "…" : cell
                }.joined(separator: ", ")
                if header.count > 40 { present += ", … (\(header.count) columns)" }
                throw .input(file: file, line: 1,
                             message: "missing required column \"\(name)\" (the header has: \(present))")
            }
            guard found.count == 1 else {
                throw .input(file: file, line: 1, message: "column \"\(name)\" appears \(found.count) times in the header "
                             + "(columns \(found.map { String($0 + 1) }.joined(separator: ", ")))")
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
        unknownColumns = (0..<header.count).filter { !used.contains($0) }.map { names[$0] }
    }

    /// Column name in its comparison form.
    static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
