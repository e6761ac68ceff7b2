/// Reads the `instrument` section of pipeline.json: the survey forms (either may be left out,
/// SPEC §3.7) and the constructs.
extension ConfigLoader {
    static func readInstrument(_ reader: ConfigReader) throws(PipelineError) -> Instrument {
        try reader.allowOnly(["employee", "customer", "constructs", "scales", "comment_themes"])
        let scales = try readScales(reader)
        let employee = try reader.object("employee"), customer = try reader.object("customer")
        guard employee != nil || customer != nil else {
            throw .config(path: reader.child("employee"), message: "the instrument needs an employee or a customer form")
        }
        // SPEC §3.7: an absent survey's form may be left out; it is then the default one (§3.2, §3.3).
        var forms = (DefaultInstrument.value.employee, DefaultInstrument.value.customer)
        if let employee { forms.0 = try readForm(employee, kind: .employee, scales: scales) }
        if let customer { forms.1 = try readForm(customer, kind: .customer, scales: scales) }
        guard let elements = try reader.array("constructs"), !elements.isEmpty else {
            throw .config(path: reader.child("constructs"), message: "expected a non-empty list of constructs")
        }
        var constructs: [Construct] = []
        for element in elements {
            let entry = try ConfigReader(element.value, path: element.path)
            try entry.allowOnly(["name", "label", "survey", "items"])
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw .config(path: entry.child("name"), message: "expected a construct name")
            }
            guard let kindText = try entry.string("survey"), let kind = SurveyKind(rawValue: kindText) else {
                throw .config(path: entry.child("survey"), message: "expected \"employee\" or \"customer\"")
            }
            let form = kind == .employee ? forms.0 : forms.1
            let items = try entry.strings("items") ?? []
            if items.isEmpty { throw .config(path: entry.child("items"), message: "expected at least one item") }
            for (offset, key) in items.enumerated() {
                guard form.items.contains(where: { $0.key == key }), key != form.recommendItem else {
                    throw .config(path: "\(entry.child("items"))[\(offset)]",
                                  message: "\"\(MessageText.quoted(key))\" is not an answer item of the \(kind.rawValue) survey "
                                      + "(the recommend item cannot be in a construct)")
                }
            }
            let ranges = items.compactMap { key in form.items.first { $0.key == key }?.scale.range }
            if ConstructUnits(ranges: ranges) == nil {
                throw .config(path: entry.child("items"),
                              message: "too many items or too many different scale ranges to keep exact totals "
                                  + "(the lcm of the ranges times lcm(1…k) must be at most \(ConstructUnits.limit))")
            }
            if constructs.contains(where: { $0.name == name }) {
                throw .config(path: entry.child("name"), message: "construct \"\(MessageText.quoted(name))\" is listed twice")
            }
            constructs.append(Construct(name: name, label: try entry.string("label") ?? name, survey: kind, items: items))
        }
        return Instrument(employee: forms.0, customer: forms.1, constructs: constructs,
                          commentThemes: try readCommentThemes(reader))
    }

    private static func readForm(_ reader: ConfigReader, kind: SurveyKind,
                                 scales: [String: Scale]) throws(PipelineError) -> SurveyForm {
        try reader.allowOnly(["id_column", "items", "recommend_item", "breakdowns"])
        // `"id_column": null` is a form without ids: each row its own respondent (SPEC §3.6).
        let idColumn = try reader.string("id_column")
        if idColumn == nil, reader.raw("id_column") != .null {
            throw .config(path: reader.child("id_column"), message: "expected the id column's name, or null")
        }
        guard let elements = try reader.array("items"), !elements.isEmpty else {
            throw .config(path: reader.child("items"), message: "expected a non-empty list of items")
        }
        var items: [Item] = []
        for element in elements {
            let entry = try ConfigReader(element.value, path: element.path)
            try entry.allowOnly(["key", "text", "scale", "reverse", "action"])
            guard let key = try entry.string("key"), !key.isEmpty else {
                throw .config(path: entry.child("key"), message: "expected the item's column name")
            }
            let scaleText = try entry.string("scale") ?? "likert"
            guard let scale = scales[scaleText] else {
                let names = scales.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                throw .config(path: entry.child("scale"),
                              message: "unknown scale \"\(MessageText.quoted(scaleText))\" (expected one of: \(names); define others in instrument.scales)")
            }
            if items.contains(where: { $0.key == key }) {
                throw .config(path: entry.child("key"), message: "item \"\(MessageText.quoted(key))\" is listed twice")
            }
            items.append(Item(key: key, text: try entry.string("text") ?? key, scale: scale,
                              reversed: try entry.bool("reverse") ?? false, action: try entry.string("action")))
        }
        let recommend = try reader.string("recommend_item")
        if let recommend {
            guard let index = items.firstIndex(where: { $0.key == recommend && $0.scale.name == Scale.zeroToTen.name }) else {
                throw .config(path: reader.child("recommend_item"), message: "expected the key of a 0-10 item of this form")
            }
            items.append(items.remove(at: index))
        } else if reader.raw("recommend_item") != .null {
            throw .config(path: reader.child("recommend_item"),
                          message: "expected the key of a 0-10 item of this form, or null for a form without one")
        }
        return SurveyForm(kind: kind, idColumn: idColumn, items: items, recommendItem: recommend,
                          breakdowns: try reader.strings("breakdowns") ?? [])
    }
}
