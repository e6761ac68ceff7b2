/// One point of a colour scale: a fixed number and the colour it gets.
public struct ScalePoint: Sendable, Hashable {
    public var value: Double
    public var color: Color

    public init(_ value: Double, _ color: Color) {
        self.value = value
        self.color = color
    }
}

/// A conditional-format rule for `XLSXSheet.conditionalFormat`.
public enum ConditionalFormat {
    /// `format` applies where `formula` is true; references are relative to the range's top-left cell.
    case formula(String, format: XLSXFormat)
    /// A three-colour scale anchored at fixed numbers (not the range's minimum and maximum).
    case threeColorScale(low: ScalePoint, mid: ScalePoint, high: ScalePoint)
}
