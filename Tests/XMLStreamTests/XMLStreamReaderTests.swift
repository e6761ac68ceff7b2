import Foundation
import XCTest
import XMLStream

/// The libxml2 wrapper on small documents written here: names, attributes, text with
/// entities, CDATA and white space, subtree skipping, and errors with line and column.
final class XMLStreamReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("xmlstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ text: String) throws -> String {
        let url = folder.appendingPathComponent("doc.xml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testElementsAttributesAndText() throws {
        let path = try write("""
            <?xml version="1.0"?>
            <root xmlns:r="urn:r"><item r:id="rId1" name="a &amp; b"><t>x &lt; y</t><t xml:space="preserve">  </t>\
            <t><![CDATA[<raw>]]>&#233;</t></item><skip><deep><deeper/></deep></skip><last/></root>
            """)
        let reader = try XMLStreamReader(path: path)
        var names: [String] = []
        var more = try reader.read()
        while more {
            if reader.isStartElement, reader.nameIs("item") {
                XCTAssertEqual(reader.depth, 1)
                let texts = try reader.withElement { item -> [String] in
                    XCTAssertEqual(item.attribute("id"), "rId1", "local name, without the r: prefix")
                    XCTAssertEqual(item.attribute("name"), "a & b")
                    XCTAssertNil(item.attribute("missing"))
                    var texts: [String] = []
                    item.forEachChildElement { child in
                        XCTAssertTrue(child.nameIs("t"))
                        texts.append(child.text)
                    }
                    return texts
                }
                XCTAssertEqual(texts, ["x < y", "  ", "<raw>é"])
                names.append("item")
                more = try reader.skipSubtree()
            } else if reader.isStartElement, reader.nameIs("skip") {
                names.append("skip")
                more = try reader.skipSubtree()
            } else {
                if reader.isStartElement {
                    names.append(reader.nameIs("root") ? "root" : reader.nameIs("last") ? "last" : "other")
                }
                more = try reader.read()
            }
        }
        XCTAssertEqual(names, ["root", "item", "skip", "last"], "deep and deeper were skipped")
    }

    func testMismatchedTagReportsLineAndColumn() throws {
        let path = try write("<a>\n  <b>\n  </c>\n</a>\n")
        let reader = try XMLStreamReader(path: path)
        do {
            while try reader.read() {}
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.document, path)
            XCTAssertEqual(error.line, 3)
            XCTAssertNotNil(error.column)
            XCTAssertTrue(error.message.contains("mismatch"), error.message)
            XCTAssertTrue(error.description.hasPrefix("\(path):3:"), error.description)
        }
    }

    func testTruncatedDocumentFails() throws {
        let path = try write("<a><b>text")
        let reader = try XMLStreamReader(path: path)
        XCTAssertThrowsError(try { while try reader.read() {} }())
    }

    func testReadsFromADescriptor() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let document = Array("<a><b>one</b><b>two</b></a>".utf8)
        XCTAssertEqual(Foundation.write(ends[1], document, document.count), document.count)
        close(ends[1])
        defer { close(ends[0]) }
        let reader = try XMLStreamReader(fileDescriptor: ends[0], document: "pipe")
        var texts: [String] = []
        while try reader.read() {
            if reader.isStartElement, reader.nameIs("b") { texts.append(try reader.withElement { $0.text }) }
        }
        XCTAssertEqual(texts, ["one", "two"])
    }
}
