/// The role names the indices of SPEC §5 are built from (`scoring.roles` says which construct plays each).
public enum Method {
    public static let leadership = "leadership"
    public static let management = "management"
    public static let employeeLife = "employee_life"
    public static let customerLife = "customer_life"
    /// Slack on threshold comparisons (bands, quadrants, evaporation), so that a figure that is
    /// 75 on paper but 74.99999999999999 after floating-point rounding still counts as 75.
    public static let tolerance = 1e-9
    /// The label of the whole organization's row.
    public static let allAreas = "All areas"
}
