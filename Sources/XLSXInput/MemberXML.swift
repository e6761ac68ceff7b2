import Foundation
import XMLStream

/// One XML member of the workbook, parsed as it is inflated (`MemberStream` feeding an
/// `XMLStreamReader`), with every failure turned into an `XLSXInputError` that names
/// the file and the member.
final class MemberXML {
    let file: String
    let member: String
    private let stream: MemberStream
    private let reader: XMLStreamReader

    init(archive: URL, file: String, member: String) throws(XLSXInputError) {
        self.file = file
        self.member = member
        stream = try MemberStream(archive: archive, member: member, file: file)
        do {
            reader = try XMLStreamReader(fileDescriptor: stream.descriptor, document: "\(file):\(member)")
        } catch {
            throw .malformed(error, file: file, member: member)
        }
    }

    /// Moves to the next node; false at the end of the member (whose checksum is then checked).
    func read() throws(XLSXInputError) -> Bool {
        let more: Bool
        do { more = try reader.read() } catch { throw failure(error) }
        if !more { try stream.finish() }
        return more
    }

    /// Moves past the current node's subtree; false at the end of the member.
    func skipSubtree() throws(XLSXInputError) -> Bool {
        let more: Bool
        do { more = try reader.skipSubtree() } catch { throw failure(error) }
        if !more { try stream.finish() }
        return more
    }

    var isStartElement: Bool { reader.isStartElement }
    var depth: Int { reader.depth }
    func nameIs(_ name: StaticString) -> Bool { reader.nameIs(name) }

    /// Lends the current element, fully parsed, to `body` (see `XMLStreamReader.withElement`).
    func withElement<Result>(_ body: (XMLElement) throws(XLSXInputError) -> Result) throws(XLSXInputError) -> Result {
        do {
            return try reader.withElement(body)
        } catch let error as XLSXInputError {
            throw error
        } catch let error as XMLStreamError {
            throw failure(error)
        } catch {
            throw .malformedXML(file: file, member: member, line: nil, column: nil, message: "\(error)")
        }
    }

    /// Visits every start tag of the member in document order (the whole member is read).
    func forEachStartElement(_ body: (MemberXML) throws(XLSXInputError) -> Void) throws(XLSXInputError) {
        while try read() {
            if isStartElement { try body(self) }
        }
    }

    private func failure(_ error: XMLStreamError) -> XLSXInputError {
        stream.abandon() ?? .malformed(error, file: file, member: member)
    }
}
