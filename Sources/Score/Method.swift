/// The construct names the indices of SPEC §5 are built from.
public enum Method {
    public static let leadership = "leadership"
    public static let management = "management"
    public static let employeeLife = "employee_life"
    public static let customerLife = "customer_life"
    /// Constructs whose items are candidate drivers of employee_life (SPEC §5.1).
    public static let driverConstructs: Set<String> = ["leadership", "management", "low_waste"]
    /// Slack on threshold comparisons (bands, quadrants, evaporation), so that a figure that is
    /// 75 on paper but 74.99999999999999 after floating-point rounding still counts as 75.
    public static let tolerance = 1e-9
    /// The label of the whole organization's row.
    public static let allAreas = "All areas"
}
