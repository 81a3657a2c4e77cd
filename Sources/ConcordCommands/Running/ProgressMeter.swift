import ConcordSimilarity

/// One line of progress on standard error, rewritten in place, for long runs on a terminal: silent
/// during the first half second (a quick run shows nothing), then at most twice a second, except
/// that the first line of a new stage shows at once.
final class ProgressMeter {
    private let shown: Bool
    private let created = Stopwatch.now
    private var lastShown = Stopwatch.now
    private var showing = false
    private var lastStage: String?

    /// A meter; with `shown` false (standard error is not a terminal, or --quiet) it never writes.
    init(shown: Bool) { self.shown = shown }

    /// Shows `text` unless a line was shown less than half a second ago; when `stage` differs
    /// from the last call's, as soon as the run is past its first half second. `text` is only
    /// built when it is shown.
    func show(_ text: @autoclosure () -> String, stage: String? = nil) {
        let newStage = stage != lastStage
        lastStage = stage
        guard shown, Stopwatch.now - (newStage ? created : lastShown) > 0.5 else { return }
        showNow(text())
    }

    /// Shows `text` now.
    func showNow(_ text: String) {
        guard shown else { return }
        lastShown = Stopwatch.now
        showing = true
        printErrorInPlace(text)
    }

    /// Clears the line, if one was shown.
    func clear() {
        guard showing else { return }
        showing = false
        printErrorInPlace("")
    }

    /// "45%" for `done` of `total`.
    static func percent(_ done: Int, of total: Int) -> String {
        "\(total > 0 ? 100 * done / total : 0)%"
    }
}
