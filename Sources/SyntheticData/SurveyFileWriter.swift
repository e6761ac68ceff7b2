import SurveyModel

/// The id numbers of one group of respondents (an area's employees, or all
/// customers): each wave takes a different slice of a fixed population, so ids
/// are unique within a wave and the same people recur across waves.
struct IdBlock {
    let base: Int
    let size: Int
    let stride: Int

    init(base: Int, size: Int) {
        self.base = base
        self.size = max(size, 1)
        var stride = max(self.size * 618 / 1000, 1)
        while Self.gcd(stride, self.size) != 1 { stride += 1 }
        self.stride = stride
    }

    /// The id of the k-th respondent of a wave (k < size), for that wave's `offset`.
    func id(_ k: Int, offset: Int) -> Int {
        base + (k * stride + offset) % size
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}

/// Generates one survey's CSV: the header, then each wave's rows with the
/// areas interleaved at random and each area getting exactly its share.
struct SurveyFileWriter {
    let spec: GeneratorSpec
    let form: SurveyForm
    let plans: [ItemPlan]
    let profiles: [AreaProfile]
    let areaCells: [AreaCells]
    let total: Int
    let weights: [Double]
    let blocks: [IdBlock]
    let blockOfArea: [Int]
    let idPrefix: UInt8
    let seed: UInt64
    /// The fixed answers of the `phrases` comment model, CSV-encoded.
    let phrases: [[UInt8]]
    /// The sentences of the `realistic` comment model.
    let commentVocabulary: CommentVocabulary
    private let breakdowns: [BreakdownColumn]
    private let vocabulary = CellVocabulary()

    /// Share of rows whose answers are patchy; they miss `patchyMissing` of their cells, the rest `steadyMissing`.
    private static let patchyRows = 0.15
    private static let patchyMissing = 0.18
    private static let steadyMissing = 0.015
    /// Share of Likert and frequency cells written as a label instead of a number.
    private static let labelRate = 0.03
    /// Share of rows that leave an optional breakdown cell empty.
    private static let blankBreakdown = 0.01

    init(spec: GeneratorSpec, form: SurveyForm, instrument: Instrument, areas: [Area], total: Int,
         weights: [Double], blocks: [IdBlock], blockOfArea: [Int], idPrefix: Character, phrases: [String],
         commentVocabulary: CommentVocabulary) {
        self.spec = spec
        self.form = form
        plans = ItemPlan.plans(for: form, constructs: instrument.constructs)
        profiles = AreaProfile.catalog(count: areas.count)
        areaCells = areas.map(AreaCells.init)
        self.total = total
        self.weights = weights
        self.blocks = blocks
        self.blockOfArea = blockOfArea
        self.idPrefix = idPrefix.asciiValue ?? UInt8(ascii: "R")
        seed = spec.seed ^ (form.kind == .employee ? 0x454D_504C_4F59_4545 : 0x4355_5354_4F4D_4552)
        self.phrases = phrases.map(CSVField.encode)
        self.commentVocabulary = commentVocabulary
        breakdowns = form.breakdowns.map(BreakdownColumn.named)
    }

    var columns: [String] {
        [form.idColumn ?? "respondent_id", "submitted_at", "area"] + form.breakdowns + form.items.map(\.key) + ["comment"]
    }

    /// Writes the whole file at `path`.
    func write(to path: String) throws {
        var writer = try CSVLineWriter(path: path)
        do {
            try writeRows(into: &writer)
            try writer.close()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Each area's latent means in `wave`, on the 1–5 answer scale.
    private func areaMeans(wave: Int) -> [[Double]] {
        let used = form.kind == .employee
            ? [Latent.leadership, Latent.management, Latent.employeeLife, Latent.lowWaste]
            : [Latent.cx, Latent.customerLife]
        return profiles.map { profile in
            let means = (0..<Latent.general).map { 1 + 4 * profile.mean($0, wave: wave, waves: spec.waves) / 100 }
            return means + [used.map { means[$0] }.reduce(0, +) / Double(used.count)]
        }
    }

    private func writeRows(into writer: inout CSVLineWriter) throws {
        var rng = Xoshiro256(seed: seed)
        writer.append(CSVField.header(columns))
        try writer.endRow()
        var model = LatentModel(kind: form.kind)
        let none = [Double](repeating: 0, count: Latent.count)
        let breakdownWeights = breakdowns.map(\.cumulative)
        var effects = breakdowns.map { _ in none }
        for wave in 0..<spec.waves {
            let (year, quarter) = spec.quarter(of: wave)
            let means = areaMeans(wave: wave)
            let rows = spec.rows(total: total, wave: wave)
            var remaining = apportion(rows, weights: weights)
            var left = rows
            var counters = [Int](repeating: 0, count: blocks.count)
            let offsets = blocks.map { rng.below($0.size) }
            var unpaired = [[Double]?](repeating: nil, count: profiles.count)
            while left > 0 {
                var draw = rng.below(left)
                var area = 0
                while draw >= remaining[area] {
                    draw -= remaining[area]
                    area += 1
                }
                remaining[area] -= 1
                left -= 1
                let block = blockOfArea[area]
                writer.append(byte: idPrefix)
                writer.appendPadded(blocks[block].id(counters[block], offset: offsets[block]), width: 7)
                counters[block] += 1
                writer.comma()
                DateStamp.write(into: &writer, rng: &rng, year: year, quarter: quarter)
                writer.comma()
                writer.append(areaCells[area].variants[rng.pick(cumulative: areaCells[area].cumulative)])
                for (index, column) in breakdowns.enumerated() {
                    writer.comma()
                    if rng.chance(Self.blankBreakdown) {
                        effects[index] = none
                    } else {
                        let value = rng.pick(cumulative: breakdownWeights[index])
                        writer.append(column.values[value])
                        effects[index] = column.effects[value]
                    }
                }
                if let partner = unpaired[area] {
                    model.drawMirror(of: partner, areaMeans: means[area], effects: effects)
                    unpaired[area] = nil
                } else {
                    model.draw(areaMeans: means[area], effects: effects, rng: &rng)
                    unpaired[area] = model.devs
                }
                let missingRate = rng.chance(Self.patchyRows) ? Self.patchyMissing : Self.steadyMissing
                let fading = profiles[area].story == .fading
                for plan in plans {
                    writer.comma()
                    writeAnswer(model.answer(plan, fading: fading, rng: &rng), scale: plan.scale,
                                missingRate: missingRate, into: &writer, rng: &rng)
                }
                writer.comma()
                writeComment(into: &writer, rng: &rng)
                try writer.endRow()
            }
        }
    }

    /// The comment cell, empty for rows without a comment. The `phrases` branch draws from
    /// the stream exactly as the first releases did, so their files come out byte-identical.
    @inline(__always)
    private func writeComment(into writer: inout CSVLineWriter, rng: inout Xoshiro256) {
        switch spec.comments {
        case .phrases:
            if rng.chance(Comments.rate), !phrases.isEmpty {
                writer.append(phrases[rng.below(phrases.count)])
            }
        case .realistic:
            if rng.chance(CommentVocabulary.rate) {
                writer.append(CSVField.encode(commentVocabulary.compose(rng: &rng)))
            }
        }
    }

    /// One answer cell: a missing token, a label (1–5 scales only) or the number.
    @inline(__always)
    private func writeAnswer(_ value: Int, scale: Scale, missingRate: Double, into writer: inout CSVLineWriter,
                             rng: inout Xoshiro256) {
        let roll = rng.unit()
        if roll < missingRate {
            writer.append(vocabulary.missing[rng.pick(cumulative: vocabulary.missingWeights)])
        } else if scale != .zeroToTen, roll < missingRate + Self.labelRate {
            let labels = vocabulary.labels(value, scale: scale)
            writer.append(labels[rng.below(labels.count)])
        } else {
            writer.append(vocabulary.digits[value])
        }
    }
}
