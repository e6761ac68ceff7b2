/// The complete-case item totals of one construct, exact: m, Σu_i and Σu_i·u_j.
/// `scaled(i, j)` is m·Σu_i·u_j − Σu_i·Σu_j = m(m−1)·cov(i, j), so ratios of
/// variances come out without rounding until the last division.
struct CovarianceMatrix {
    let m: Int64
    let k: Int
    let sums: [Int64]
    /// Upper triangle, row-major k × k.
    let cross: [Int64]

    init(_ totals: ArraySlice<Int64>, slot: AggregateLayout.ConstructSlot) {
        let base = totals.startIndex
        m = totals[base + slot.offset + 3]
        k = slot.k
        sums = Array(totals[(base + slot.sumsOffset)..<(base + slot.sumsOffset + k)])
        cross = Array(totals[(base + slot.crossOffset)..<(base + slot.crossOffset + k * k)])
    }

    func scaled(_ i: Int, _ j: Int) -> Double {
        let (a, b) = i <= j ? (i, j) : (j, i)
        return Double(Int128(m) * Int128(cross[a * k + b]) - Int128(sums[i]) * Int128(sums[j]))
    }

    /// Cronbach's alpha over `items` (indices into the construct), nil for fewer than 2 items,
    /// fewer than 3 complete cases, or zero total variance.
    func alpha(_ items: [Int]) -> Double? {
        let count = items.count
        guard count >= 2, m >= 3 else { return nil }
        var itemVariance = 0.0, total = 0.0
        for i in items {
            itemVariance += scaled(i, i)
            for j in items { total += scaled(i, j) }
        }
        guard total > 0 else { return nil }
        return Double(count) / Double(count - 1) * (1 - itemVariance / total)
    }

    func alpha() -> Double? { alpha(Array(0..<k)) }

    /// Corrected item-total correlation: item `i` against the sum of the others.
    func correctedItemTotal(_ i: Int) -> Double? {
        guard m >= 3, k >= 2 else { return nil }
        let others = (0..<k).filter { $0 != i }
        var covariance = 0.0, restVariance = 0.0
        for j in others {
            covariance += scaled(i, j)
            for l in others { restVariance += scaled(j, l) }
        }
        let itemVariance = scaled(i, i)
        guard itemVariance > 0, restVariance > 0 else { return nil }
        return covariance / (itemVariance * restVariance).squareRoot()
    }
}
