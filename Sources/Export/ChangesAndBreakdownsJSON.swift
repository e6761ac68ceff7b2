import Score

/// The JSON of SPEC §5.2 changes and §5.3 breakdown rows (SPEC §8.1).
extension ResultsJSON {
    static func change(_ change: Change?) -> JSONOutput {
        guard let change else { return .null }
        return .object([("previous_wave", .string(change.previousWave)), ("delta", .number(change.delta)),
                        ("p_value", .number(change.pValue)), ("significant", .bool(change.significant))])
    }

    /// One row per value, then per area (config order, All areas last).
    static func breakdownRows(_ breakdown: Breakdown) -> [JSONOutput] {
        breakdown.values.indices.flatMap { value in
            breakdown.areas.indices.map { area in
                let cell = breakdown.cells[area][value]
                return .object([
                    ("survey", .string(breakdown.survey.rawValue)), ("column", .string(breakdown.column)),
                    ("value", .string(breakdown.values[value])), ("area", .string(breakdown.areas[area])),
                    ("n", .integer(cell.n)),
                    ("constructs", .object(zip(breakdown.constructs, cell.constructs).map { name, figure in
                        (name, .object([("n", .integer(figure.n)), ("mean", .number(figure.value)),
                                        ("suppressed", .bool(figure.suppressed))]))
                    })),
                    (breakdown.recommendKey, .object([("n", .integer(cell.recommend.n)),
                                                      ("score", .number(cell.recommend.value)),
                                                      ("suppressed", .bool(cell.recommend.suppressed))])),
                ])
            }
        }
    }
}
