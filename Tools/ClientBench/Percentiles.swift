/// Latencies in microseconds, summarised the way the note quotes them.
struct Latencies {
    private let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    /// The nearest-rank percentile: the smallest value at or above `fraction` of the samples.
    func percentile(_ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((Double(sorted.count) * fraction).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
}
