/// Counts that compare better as bars than as digits (records per object, findings per kind), drawn with CSS
/// widths only: the page stays one file with no script and nothing fetched.
public struct BarChart: Sendable, Equatable {
    public var title: String
    public var bars: [Bar]

    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        /// Colours the bar by what the count means (refused records red, written ones green).
        public var tone: Tone

        public init(label: String, value: Int, tone: Tone = .neutral) {
            self.label = label
            self.value = value
            self.tone = tone
        }
    }

    public enum Tone: String, Sendable { case neutral, good, warning, bad }

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    /// The bar's width as a share of the longest one, in whole percent; a non-zero count stays visible.
    public func percent(_ bar: Bar) -> Int {
        let longest = bars.map(\.value).max() ?? 0
        guard longest > 0, bar.value > 0 else { return 0 }
        return max(1, Int((Double(bar.value) / Double(longest) * 100).rounded()))
    }
}
