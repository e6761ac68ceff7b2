/// One organizational area as configured: canonical name, aliases, headcount.
public struct Area: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    public var headcount: Int?

    public init(name: String, aliases: [String] = [], headcount: Int? = nil) {
        self.name = name
        self.aliases = aliases
        self.headcount = headcount
    }
}

/// Matches the free-text `area` cell to a configured area (SPEC §3.5): trims,
/// collapses inner white space and ignores case; falls back to the catch-all.
public struct AreaCatalog: Sendable {
    /// At most this many areas (SPEC §3.9): a row's area index is 16 bits (`ResponseTable.area`).
    public static let maxAreas = Int(UInt16.max)

    public let areas: [Area]
    public let catchAll: Int?
    private let lookup: [String: Int]

    public init(areas: [Area], catchAllName: String? = nil) {
        self.areas = areas
        var lookup: [String: Int] = [:]
        for (index, area) in areas.enumerated() {
            for name in [area.name] + area.aliases { lookup[Self.fold(name)] = index }
        }
        self.lookup = lookup
        self.catchAll = catchAllName.flatMap { lookup[Self.fold($0)] }
    }

    /// The index of the area a cell names, or nil when it matches none and there is no catch-all.
    public func match(_ text: String) -> Int? {
        lookup[Self.fold(text)] ?? catchAll
    }

    /// The comparison form of an area name.
    public static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
