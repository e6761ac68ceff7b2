import SurveyModel

/// Scores every area and All areas of one wave, suppression applied (SPEC §5, §9).
struct WaveScorer {
    let config: PipelineConfig
    let employee: GroupTotals
    let customer: GroupTotals

    func score(wave: Int) -> [AreaResult] {
        let areas = config.areas
        let names = areas.map(\.name) + [Method.allAreas]
        func figures(_ totals: GroupTotals, _ form: SurveyForm) -> [GroupFigures] {
            (0...areas.count).map { area in
                let slice = area < areas.count ? totals.group(wave: wave, area: area) : totals.allAreas(wave: wave)
                return GroupFigures(slice, layout: totals.layout, form: form,
                                    minDriverN: max(config.scoring.minDriverN, config.privacy.minGroupSize))
            }
        }
        var employees = figures(employee, config.instrument.employee)
        var customers = figures(customer, config.instrument.customer)
        suppress(&employees, names: names)
        suppress(&customers, names: names)
        return names.indices.map { group in
            result(name: names[group], isTotal: group == areas.count, employee: employees[group],
                   customer: customers[group],
                   headcount: group < areas.count ? areas[group].headcount : totalHeadcount)
        }
    }

    private var totalHeadcount: Int? {
        config.areas.reduce(Optional(0)) { sum, area in sum.flatMap { s in area.headcount.map { s + $0 } } }
    }

    /// Hides, per figure, the groups SPEC §9 says to hide; the last group is the total.
    private func suppress(_ groups: inout [GroupFigures], names: [String]) {
        let minimum = config.privacy.minGroupSize
        let areaNames = Array(names.dropLast())
        func hide(_ ns: [Int]) -> [Bool] {
            let total = ns.last ?? 0
            return Suppression.hidden(ns: Array(ns.dropLast()), names: areaNames, totalN: total, minimum: minimum)
                + [total > 0 && total < minimum]
        }
        guard let first = groups.first else { return }
        for c in first.constructs.indices {
            for (g, hidden) in hide(groups.map { $0.constructs[c].n }).enumerated() where hidden {
                Suppression.apply(&groups[g].constructs[c])
            }
        }
        for i in first.items.indices {
            for (g, hidden) in hide(groups.map { $0.items[i].n }).enumerated() where hidden {
                Suppression.apply(&groups[g].items[i])
            }
        }
        for (g, hidden) in hide(groups.map { $0.recommend.n }).enumerated() where hidden {
            Suppression.apply(&groups[g].recommend)
        }
    }

    private func result(name: String, isTotal: Bool, employee: GroupFigures, customer: GroupFigures,
                        headcount: Int?) -> AreaResult {
        var constructs: [(name: String, result: ConstructResult)] = []
        for construct in config.instrument.constructs {
            let (figures, layout) = construct.survey == .employee ? (employee, self.employee.layout)
                                                                  : (customer, self.customer.layout)
            if let index = layout.constructs.firstIndex(where: { $0.name == construct.name }) {
                constructs.append((construct.name, figures.constructs[index]))
            }
        }
        let shown: (String) -> Double? = { key in
            guard let figure = constructs.first(where: { $0.name == key })?.result, figure.n > 0 else { return nil }
            return figure.shownMean
        }
        let indices = Indices(shown: shown, instrument: config.instrument, scoring: config.scoring)
        let itemKeys = { (form: SurveyForm) in form.items.filter { $0.key != form.recommendItem }.map(\.key) }
        let items = zip(itemKeys(config.instrument.employee), employee.items).map { (key: $0, result: $1) }
            + zip(itemKeys(config.instrument.customer), customer.items).map { (key: $0, result: $1) }
        var ranked: [Driver]?
        // Drivers show each item's n and mean; a group whose driver item is hidden has no
        // drivers, or the hidden item could be solved back out of All areas minus the others.
        let hiddenItems = Set(items.filter { $0.result.suppressed }.map(\.key))
        if let employeeLife = config.scoring.roles[.employeeLife], shown(employeeLife) != nil, let drivers = employee.drivers,
           !drivers.contains(where: { hiddenItems.contains($0.item) }) {
            ranked = drivers.sorted { ($1.priority, $0.item) < ($0.priority, $1.item) }
        }
        return AreaResult(
            area: name, isTotal: isTotal, employeeN: employee.rows, customerN: customer.rows, headcount: headcount,
            responseRate: headcount.map { Double(employee.rows) / Double($0) }, constructs: constructs, items: items,
            enps: employee.recommend, nps: customer.recommend, lmi: indices.lmi, quadrant: indices.quadrant,
            readiness: indices.readiness, band: indices.band, missingComponents: indices.missingComponents,
            differenceGap: indices.differenceGap, drivers: ranked.map { Array($0.prefix(3)) }, allDrivers: ranked)
    }
}
