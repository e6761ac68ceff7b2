import Score
import SurveyModel

/// What one cell shows for a figure: a number, the "hidden" marker (suppressed
/// under SPEC §9, or derived from a suppressed figure), or nothing (the figure
/// does not exist).
enum Figure: Equatable {
    case value(Double)
    case hidden
    case none

    /// A number unless suppressed; nil and not suppressed is `.none`.
    init(_ value: Double?, suppressed: Bool) {
        if suppressed {
            self = .hidden
        } else if let value {
            self = .value(value)
        } else {
            self = .none
        }
    }

    /// A derived figure (readiness, LMI, gap): `.hidden` when it is absent because an input was hidden.
    init(derived value: Double?, inputsHidden: Bool) {
        if let value {
            self = .value(value)
        } else {
            self = inputsHidden ? .hidden : .none
        }
    }
}

/// The figures of one `AreaResult` as the Summary shows them, with the
/// derived ones marked hidden when a component behind them was suppressed.
struct AreaFigures {
    let area: AreaResult
    let weights: [String: Double]

    func construct(_ name: String) -> Figure {
        guard let result = area.construct(name) else { return .none }
        return Figure(result.mean, suppressed: result.suppressed)
    }

    private func anyHidden(_ names: [String]) -> Bool {
        names.contains { area.construct($0)?.suppressed == true }
    }

    var readiness: Figure {
        Figure(derived: area.readiness, inputsHidden: anyHidden(weights.keys.sorted()))
    }

    var lmi: Figure { Figure(derived: area.lmi, inputsHidden: anyHidden(["leadership", "management"])) }

    var differenceGap: Figure {
        Figure(derived: area.differenceGap, inputsHidden: anyHidden(["employee_life", "customer_life"]))
    }

    /// Band text, or the marker when readiness is hidden.
    var band: String? {
        if let band = area.band { return band }
        return readiness == .hidden ? WorkbookFormats.hiddenMarker : nil
    }

    /// Quadrant text, or the marker when LMI's inputs are hidden.
    var quadrant: String? {
        if let quadrant = area.quadrant { return quadrant }
        return lmi == .hidden ? WorkbookFormats.hiddenMarker : nil
    }
}
