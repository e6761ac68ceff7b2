import CSVParser
import RowStorage
import SurveyModel

/// What ingest made of one input file: its accepted rows (before duplicate
/// resolution), its rejected rows, and the facts the reports need.
public struct IngestedFile: Sendable {
    public var path: String
    public var fileIndex: Int
    public var kind: SurveyKind
    public var sha256: String
    /// Records after the header.
    public var rowsRead: Int
    /// The accepted rows, one store per piece of the file read (in spill files when the pipeline runs).
    public var parts: [RowStore]
    public var rejects: [Reject]
    public var unknownColumns: [String]
    /// The format the file was read in and its header rows (SPEC §3.6).
    public var layout: HeaderLayout
    /// What the file was read as (SPEC §3.1), and its delimiter (reading records again needs both).
    public var encoding: SourceEncoding
    public var delimiter: UInt8

    public init(path: String, fileIndex: Int, kind: SurveyKind, sha256: String, rowsRead: Int, parts: [RowStore],
                rejects: [Reject], unknownColumns: [String], layout: HeaderLayout, encoding: SourceEncoding,
                delimiter: UInt8) {
        self.path = path
        self.fileIndex = fileIndex
        self.kind = kind
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.parts = parts
        self.rejects = rejects
        self.unknownColumns = unknownColumns
        self.layout = layout
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
