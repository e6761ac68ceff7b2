import Foundation
import ZIPFoundation

/// Where the parts of a workbook are, found the way Excel finds them: the package's
/// `_rels/.rels` names the workbook part (`xl/workbook.xml` when it says nothing),
/// the workbook lists its sheets in tab order, and the workbook's relationships map
/// each sheet to its member; the first sheet whose relationship is a worksheet (not
/// a chart sheet) is read. Also: the shared-string part, if any, and the date system.
struct WorkbookLayout: Sendable, Equatable {
    var workbookMember: String
    var sheetName: String
    var sheetMember: String
    var sharedStringsMember: String?
    var dateSystem: ExcelDateSystem

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    private struct SheetEntry {
        var name: String
        var relationshipID: String
    }

    static func locate(archive url: URL, file: String) throws(XLSXInputError) -> WorkbookLayout {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAZip(file: file)
        }
        var workbook = "xl/workbook.xml"
        if archive["_rels/.rels"] != nil {
            let packageRelationships = try relationships(archive: url, file: file, member: "_rels/.rels")
            if let office = packageRelationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbook = resolvePartTarget(office.target, from: "")
            }
        }
        guard archive[workbook] != nil else {
            throw .missingMember(file: file, member: workbook, why: "every .xlsx workbook has one")
        }
        let (sheets, dateSystem) = try readWorkbook(archive: url, file: file, member: workbook)
        let relsMember = relationshipsPart(of: workbook)
        guard archive[relsMember] != nil else {
            throw .missingMember(file: file, member: relsMember, why: "it says where \(workbook)'s sheets are")
        }
        let links = try relationships(archive: url, file: file, member: relsMember)
        let sharedStrings = links.first { $0.type.hasSuffix("/sharedStrings") }
            .map { resolvePartTarget($0.target, from: workbook) }
        for sheet in sheets {
            guard let link = links.first(where: { $0.id == sheet.relationshipID }),
                  link.type.hasSuffix("/worksheet") else { continue }
            let member = resolvePartTarget(link.target, from: workbook)
            guard archive[member] != nil else {
                throw .missingMember(file: file, member: member, why: "sheet \"\(sheet.name)\" is stored there")
            }
            if let sharedStrings, archive[sharedStrings] == nil {
                throw .missingMember(file: file, member: sharedStrings, why: "\(relsMember) names it")
            }
            return WorkbookLayout(workbookMember: workbook, sheetName: sheet.name, sheetMember: member,
                                  sharedStringsMember: sharedStrings, dateSystem: dateSystem)
        }
        throw .noWorksheet(file: file, workbook: workbook)
    }

    /// The `<sheet>` entries of the workbook in tab order, and `workbookPr`'s date system.
    private static func readWorkbook(archive: URL, file: String,
                                     member: String) throws(XLSXInputError) -> ([SheetEntry], ExcelDateSystem) {
        let xml = try MemberXML(archive: archive, file: file, member: member)
        var sheets: [SheetEntry] = []
        var dateSystem = ExcelDateSystem.excel1900
        try xml.forEachStartElement { xml throws(XLSXInputError) in
            if xml.nameIs("workbookPr") {
                let flag = try xml.withElement { $0.attribute("date1904") }
                if flag == "1" || flag?.lowercased() == "true" { dateSystem = .excel1904 }
            } else if xml.nameIs("sheet") {
                let entry = try xml.withElement { element in
                    (element.attribute("name") ?? "", element.attribute("id"))
                }
                if let id = entry.1 { sheets.append(SheetEntry(name: entry.0, relationshipID: id)) }
            }
        }
        return (sheets, dateSystem)
    }

    /// The `<Relationship>` entries of a `.rels` part (external targets left out).
    private static func relationships(archive: URL, file: String,
                                      member: String) throws(XLSXInputError) -> [Relationship] {
        let xml = try MemberXML(archive: archive, file: file, member: member)
        var found: [Relationship] = []
        try xml.forEachStartElement { xml throws(XLSXInputError) in
            guard xml.nameIs("Relationship") else { return }
            let link = try xml.withElement { element -> Relationship? in
                guard element.attribute("TargetMode") != "External",
                      let id = element.attribute("Id"), let type = element.attribute("Type"),
                      let target = element.attribute("Target") else { return nil }
                return Relationship(id: id, type: type, target: target)
            }
            if let link { found.append(link) }
        }
        return found
    }
}
