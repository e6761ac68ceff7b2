/// Reads the `instrument` section of pipeline.json: both survey forms and the constructs.
extension ConfigLoader {
    static func readInstrument(_ reader: ConfigReader) throws(PipelineError) -> Instrument {
        try reader.allowOnly(["employee", "customer", "constructs"])
        guard let employee = try reader.object("employee"), let customer = try reader.object("customer") else {
            throw .config(path: reader.child("employee"), message: "the instrument needs an employee and a customer form")
        }
        let forms = (try readForm(employee, kind: .employee), try readForm(customer, kind: .customer))
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
                guard let item = form.items.first(where: { $0.key == key }), item.scale != .zeroToTen else {
                    throw .config(path: "\(entry.child("items"))[\(offset)]",
                                  message: "\"\(key)\" is not a 1–5 item of the \(kind.rawValue) survey")
                }
            }
            if constructs.contains(where: { $0.name == name }) {
                throw .config(path: entry.child("name"), message: "construct \"\(name)\" is listed twice")
            }
            constructs.append(Construct(name: name, label: try entry.string("label") ?? name, survey: kind, items: items))
        }
        return Instrument(employee: forms.0, customer: forms.1, constructs: constructs)
    }

    private static func readForm(_ reader: ConfigReader, kind: SurveyKind) throws(PipelineError) -> SurveyForm {
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
            guard let scale = Scale(rawValue: scaleText) else {
                throw .config(path: entry.child("scale"), message: "expected \"likert\", \"frequency\" or \"0-10\"")
            }
            if items.contains(where: { $0.key == key }) {
                throw .config(path: entry.child("key"), message: "item \"\(key)\" is listed twice")
            }
            items.append(Item(key: key, text: try entry.string("text") ?? key, scale: scale,
                              reversed: try entry.bool("reverse") ?? false, action: try entry.string("action")))
        }
        let recommend = try reader.string("recommend_item")
        if let recommend {
            guard let index = items.firstIndex(where: { $0.key == recommend && $0.scale == .zeroToTen }) else {
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
