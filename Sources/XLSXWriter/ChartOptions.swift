internal import CXLSXWriter

/// The kind of a native chart.
public enum ChartType: Sendable, Hashable {
    case area, areaStacked, areaStackedPercent
    case bar, barStacked, barStackedPercent
    case column, columnStacked, columnStackedPercent
    case doughnut, pie, radar, radarWithMarkers
    case line, lineStacked, lineStackedPercent
    case scatter, scatterStraight, scatterStraightWithMarkers, scatterSmooth, scatterSmoothWithMarkers
}

/// Where a chart's legend goes (`none` hides it).
public enum LegendPosition: Sendable, Hashable {
    case none, right, left, top, bottom, topRight, overlayRight, overlayLeft
}

/// A chart axis: x is the horizontal axis, except in a bar chart where it is the vertical value axis.
public enum ChartAxis: Sendable, Hashable {
    case x, y
}

/// The shape of the markers on a series' points.
public enum MarkerShape: Sendable, Hashable {
    case automatic, none, square, diamond, triangle, x, star, shortDash, longDash, circle, plus
}

/// How a series' line is drawn.
public enum LineDash: Sendable, Hashable {
    case solid, roundDot, squareDot, dash, dashDot, longDash, longDashDot, longDashDotDot
}

/// Where data labels sit relative to their point.
public enum LabelPosition: Sendable, Hashable {
    case center, right, left, above, below, insideBase, insideEnd, outsideEnd, bestFit
}

/// The line of a chart series: colour, width in points and dash; `hidden` draws no line at all.
public struct ChartLine: Sendable, Hashable {
    public var color: Color?
    public var width: Double?
    public var dash: LineDash?
    public var hidden: Bool

    public init(color: Color? = nil, width: Double? = nil, dash: LineDash? = nil, hidden: Bool = false) {
        self.color = color
        self.width = width
        self.dash = dash
        self.hidden = hidden
    }

    /// No line (e.g. a scatter series of markers only).
    public static let none = ChartLine(hidden: true)
}

/// The optional settings of one chart axis; nil leaves Excel's default.
public struct AxisOptions: Sendable, Hashable {
    public var name: String?
    public var min: Double?
    public var max: Double?
    public var numberFormat: String?
    public var majorUnit: Double?
    /// Values run from high to low (categories top to bottom in a bar chart).
    public var reversed: Bool
    /// The other axis crosses this one at its maximum.
    public var crossingAtMax: Bool

    public init(name: String? = nil, min: Double? = nil, max: Double? = nil, numberFormat: String? = nil,
                majorUnit: Double? = nil, reversed: Bool = false, crossingAtMax: Bool = false) {
        self.name = name
        self.min = min
        self.max = max
        self.numberFormat = numberFormat
        self.majorUnit = majorUnit
        self.reversed = reversed
        self.crossingAtMax = crossingAtMax
    }
}

/// Where a chart is placed in a sheet: scale of the default 480 × 288 pixels and offset from the cell's corner.
public struct ChartPlacement: Sendable, Hashable {
    public var xScale: Double
    public var yScale: Double
    public var xOffset: Int
    public var yOffset: Int

    public init(xScale: Double = 1, yScale: Double = 1, xOffset: Int = 0, yOffset: Int = 0) {
        self.xScale = xScale
        self.yScale = yScale
        self.xOffset = xOffset
        self.yOffset = yOffset
    }
}

extension ChartType {
    var library: lxw_chart_type {
        switch self {
        case .area: LXW_CHART_AREA
        case .areaStacked: LXW_CHART_AREA_STACKED
        case .areaStackedPercent: LXW_CHART_AREA_STACKED_PERCENT
        case .bar: LXW_CHART_BAR
        case .barStacked: LXW_CHART_BAR_STACKED
        case .barStackedPercent: LXW_CHART_BAR_STACKED_PERCENT
        case .column: LXW_CHART_COLUMN
        case .columnStacked: LXW_CHART_COLUMN_STACKED
        case .columnStackedPercent: LXW_CHART_COLUMN_STACKED_PERCENT
        case .doughnut: LXW_CHART_DOUGHNUT
        case .pie: LXW_CHART_PIE
        case .radar: LXW_CHART_RADAR
        case .radarWithMarkers: LXW_CHART_RADAR_WITH_MARKERS
        case .line: LXW_CHART_LINE
        case .lineStacked: LXW_CHART_LINE_STACKED
        case .lineStackedPercent: LXW_CHART_LINE_STACKED_PERCENT
        case .scatter: LXW_CHART_SCATTER
        case .scatterStraight: LXW_CHART_SCATTER_STRAIGHT
        case .scatterStraightWithMarkers: LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS
        case .scatterSmooth: LXW_CHART_SCATTER_SMOOTH
        case .scatterSmoothWithMarkers: LXW_CHART_SCATTER_SMOOTH_WITH_MARKERS
        }
    }
}

extension LegendPosition {
    var library: lxw_chart_legend_position {
        switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .right: LXW_CHART_LEGEND_RIGHT
        case .left: LXW_CHART_LEGEND_LEFT
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .topRight: LXW_CHART_LEGEND_TOP_RIGHT
        case .overlayRight: LXW_CHART_LEGEND_OVERLAY_RIGHT
        case .overlayLeft: LXW_CHART_LEGEND_OVERLAY_LEFT
        }
    }
}

extension ChartAxis {
    var library: lxw_chart_axis_type {
        switch self {
        case .x: LXW_CHART_AXIS_TYPE_X
        case .y: LXW_CHART_AXIS_TYPE_Y
        }
    }
}

extension MarkerShape {
    var library: lxw_chart_marker_type {
        switch self {
        case .automatic: LXW_CHART_MARKER_AUTOMATIC
        case .none: LXW_CHART_MARKER_NONE
        case .square: LXW_CHART_MARKER_SQUARE
        case .diamond: LXW_CHART_MARKER_DIAMOND
        case .triangle: LXW_CHART_MARKER_TRIANGLE
        case .x: LXW_CHART_MARKER_X
        case .star: LXW_CHART_MARKER_STAR
        case .shortDash: LXW_CHART_MARKER_SHORT_DASH
        case .longDash: LXW_CHART_MARKER_LONG_DASH
        case .circle: LXW_CHART_MARKER_CIRCLE
        case .plus: LXW_CHART_MARKER_PLUS
        }
    }
}

extension LineDash {
    var library: lxw_chart_line_dash_type {
        switch self {
        case .solid: LXW_CHART_LINE_DASH_SOLID
        case .roundDot: LXW_CHART_LINE_DASH_ROUND_DOT
        case .squareDot: LXW_CHART_LINE_DASH_SQUARE_DOT
        case .dash: LXW_CHART_LINE_DASH_DASH
        case .dashDot: LXW_CHART_LINE_DASH_DASH_DOT
        case .longDash: LXW_CHART_LINE_DASH_LONG_DASH
        case .longDashDot: LXW_CHART_LINE_DASH_LONG_DASH_DOT
        case .longDashDotDot: LXW_CHART_LINE_DASH_LONG_DASH_DOT_DOT
        }
    }
}

extension LabelPosition {
    var library: lxw_chart_label_position {
        switch self {
        case .center: LXW_CHART_LABEL_POSITION_CENTER
        case .right: LXW_CHART_LABEL_POSITION_RIGHT
        case .left: LXW_CHART_LABEL_POSITION_LEFT
        case .above: LXW_CHART_LABEL_POSITION_ABOVE
        case .below: LXW_CHART_LABEL_POSITION_BELOW
        case .insideBase: LXW_CHART_LABEL_POSITION_INSIDE_BASE
        case .insideEnd: LXW_CHART_LABEL_POSITION_INSIDE_END
        case .outsideEnd: LXW_CHART_LABEL_POSITION_OUTSIDE_END
        case .bestFit: LXW_CHART_LABEL_POSITION_BEST_FIT
        }
    }
}
