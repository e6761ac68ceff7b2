/// Why the generator could not produce its files.
public enum SyntheticDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field of the `GeneratorSpec` is out of range.
    case invalidSpec(String)
    /// The output folder does not exist and could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A CSV file could not be created or opened for writing.
    case cannotCreateFile(path: String)
    /// Writing or closing a CSV file failed part-way (disk full, permissions, …).
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSpec(let message):
            return "invalid generator spec: \(message)"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create output folder \(path): \(reason)"
        case .cannotCreateFile(let path):
            return "cannot create \(path) for writing"
        case .writeFailed(let path, let reason):
            return "writing \(path) failed: \(reason)"
        }
    }
}
