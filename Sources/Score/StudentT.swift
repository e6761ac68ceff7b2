import Foundation
import Synchronization

/// Student's t distribution, for the 95% confidence intervals of SPEC §5.
public enum StudentT {
    /// The two-sided 95% critical value t(0.975, df), computed once per df per process.
    public static func critical975(df: Int) -> Double {
        if df >= 100 { return cornishFisher975(df: Double(df)) }
        if let known = cache.withLock({ $0[df] }) { return known }
        let value = quantile(0.975, df: Double(df))
        cache.withLock { $0[df] = value }
        return value
    }

    private static let cache = Mutex<[Int: Double]>([:])

    /// The Cornish–Fisher expansion of t(0.975, df) (Abramowitz & Stegun 26.7.5): within 1e-10
    /// of the exact value from df = 100 on, and far cheaper than inverting the beta function.
    static func cornishFisher975(df: Double) -> Double {
        let z = 1.959963984540054
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
    }

    /// The p-quantile (p > 0.5) of Student's t with `df` degrees of freedom, by bisection
    /// on the regularized incomplete beta function: P(T > t) = I_x(df/2, 1/2) / 2, x = df / (df + t²).
    public static func quantile(_ p: Double, df: Double) -> Double {
        let target = 2 * (1 - p)
        var low = 0.0, high = 1.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if incompleteBeta(mid, a: df / 2, b: 0.5) < target { low = mid } else { high = mid }
            if high - low < 1e-17 { break }
        }
        let x = (low + high) / 2
        return (df * (1 - x) / x).squareRoot()
    }

    /// The regularized incomplete beta function I_x(a, b) (continued fraction, modified Lentz).
    public static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - incompleteBeta(1 - x, a: b, b: a) }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        return front * continuedFraction(x, a: a, b: b) / a
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...500 {
            let m = Double(m)
            var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return result
    }
}
