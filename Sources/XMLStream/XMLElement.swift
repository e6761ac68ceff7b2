internal import CLibXML2

/// A borrowed view of one fully parsed element (see `XMLStreamReader.withElement`):
/// its local name, attributes, child elements and text. Valid only while the
/// reader has not moved on; it copies nothing until asked to.
public struct XMLElement {
    private let raw: UnsafeMutableRawPointer

    init(node: UnsafeMutableRawPointer) { raw = node }

    private var node: UnsafeMutablePointer<xmlNode> { raw.assumingMemoryBound(to: xmlNode.self) }

    /// Whether the local name (without a namespace prefix) is `name`.
    public func nameIs(_ name: StaticString) -> Bool {
        guard let local = node.pointee.name else { return false }
        return Self.cString(local, equals: name)
    }

    /// Calls `body` with each child element, in document order.
    public func forEachChildElement<Failure: Error>(_ body: (XMLElement) throws(Failure) -> Void) throws(Failure) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { try body(XMLElement(node: UnsafeMutableRawPointer(current))) }
            child = current.pointee.next
        }
    }

    /// Appends the element's own text (its text and CDATA children, not its child
    /// elements') to `bytes`, as UTF-8 with entities and character references resolved.
    public func appendText(to bytes: inout [UInt8]) {
        var child = node.pointee.children
        while let current = child {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
    }

    /// The element's own text as a `String` (see `appendText`).
    public var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lends the value of the attribute whose local name is `name` to `body` (nil when absent).
    /// The common case, an attribute with one text value, is lent without a copy.
    public func withAttribute<Result, Failure: Error>(
        _ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let local = current.pointee.name, Self.cString(local, equals: name) {
                return try Self.withText(of: current.pointee.children, body)
            }
            attribute = current.pointee.next
        }
        return try body(nil)
    }

    /// Lends the element's own text (see `appendText`) to `body`; one text child, the
    /// common case, is lent without a copy.
    public func withText<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try Self.withText(of: node.pointee.children) { (text) throws(Failure) in
            try body(text ?? UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    /// The text of a list of sibling nodes (an element's or an attribute's children).
    private static func withText<Result, Failure: Error>(
        of first: UnsafeMutablePointer<xmlNode>?, _ body: (UnsafeBufferPointer<UInt8>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        if let only = first, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE,
           let content = only.pointee.content {
            return try body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        var bytes: [UInt8] = []
        var part = first
        while let piece = part {
            if piece.pointee.type == XML_TEXT_NODE || piece.pointee.type == XML_CDATA_SECTION_NODE,
               let content = piece.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            part = piece.pointee.next
        }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { copy.deallocate() }
        _ = copy.initialize(from: bytes)
        return try body(UnsafeBufferPointer(copy))
    }

    /// The value of the attribute whose local name is `name`, or nil.
    public func attribute(_ name: StaticString) -> String? {
        withAttribute(name) { value in value.map { String(decoding: $0, as: UTF8.self) } }
    }

    static func cString(_ text: UnsafePointer<xmlChar>, equals name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for index in 0..<count where text[index] != expected[index] { return false }
        return text[count] == 0
    }
}
