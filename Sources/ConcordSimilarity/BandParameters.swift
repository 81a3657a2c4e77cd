#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The LSH banding of a signature: `bands` bands of `rows` slots each. Two documents become
/// candidates when all rows of at least one band agree, which happens with probability
/// 1 − (1 − s^r)^b for Jaccard similarity s: an S-curve whose steep part sits near (1/b)^(1/r).
public struct BandParameters: Sendable, Equatable, CustomStringConvertible {
    public var bands: Int
    public var rows: Int

    public init(bands: Int, rows: Int) {
        self.bands = bands
        self.rows = rows
    }

    public var description: String { "\(bands) × \(rows)" }

    /// The probability that two documents of Jaccard similarity `s` become candidates.
    public func candidateProbability(_ s: Double) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }

    /// The bands × rows that minimize the weighted error around `threshold` for `slots` slots, as
    /// datasketch's optimizer does: false positives are the area under the S-curve below the
    /// threshold, false negatives the area above the curve beyond it.
    ///
    /// - Parameters:
    ///   - threshold: the Jaccard similarity the banding should separate at.
    ///   - slots: signature length; bands × rows never exceeds it.
    ///   - falsePositiveWeight: weight of candidates below the threshold (extra verification work).
    ///   - falseNegativeWeight: weight of missed pairs above it (lost recall, never recovered).
    /// - Complexity: O(*k* log *k* · *m*) for *k* slots and *m* integration steps.
    public static func optimal(threshold: Double, slots: Int, falsePositiveWeight: Double = 0.5,
                               falseNegativeWeight: Double = 0.5) -> BandParameters {
        var best = BandParameters(bands: 1, rows: slots)
        var bestError = Double.infinity
        for bands in 1...slots {
            for rows in 1...(slots / bands) {
                let candidate = BandParameters(bands: bands, rows: rows)
                let falsePositive = integrate(0, threshold) { candidate.candidateProbability($0) }
                let falseNegative = integrate(threshold, 1) { 1 - candidate.candidateProbability($0) }
                let error = falsePositive * falsePositiveWeight + falseNegative * falseNegativeWeight
                if error < bestError {
                    bestError = error
                    best = candidate
                }
            }
        }
        return best
    }

    /// Simpson's rule with 64 intervals.
    static func integrate(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let steps = 64
        let h = (b - a) / Double(steps)
        var sum = f(a) + f(b)
        for step in 1..<steps { sum += f(a + Double(step) * h) * (step % 2 == 1 ? 4 : 2) }
        return sum * h / 3
    }
}
