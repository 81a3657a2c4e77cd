import ArgumentParser
import Foundation
import ConcordSimilarity

/// What `concord cluster` groups: copies (shared wording) or events (reports of one event,
/// however worded).
enum ClusterMode: String, ExpressibleByArgument, CaseIterable {
    case copies, events
}

/// The knobs of events mode (`cluster --mode events`): they make one `EventSettings` value.
struct EventOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        copies: reports that share their wording (republished, edited, contained). events: reports \
        of one event, however worded (independent write-ups), with the copies nested inside.
        """, valueName: "mode"))
    var mode: ClusterMode = .copies

    @Option(name: .customLong("date-window"), parsing: .unconditional, help: ArgumentHelp("""
        Events mode: reports dated more than this many days apart are never one event (dates from \
        the date field, ISO 8601; reports without one are compared with all). (default: \(EventSettings().dateWindow ?? 0))
        """, valueName: "days"))
    var dateWindow: Int?

    @Option(name: .customLong("event-threshold"), parsing: .unconditional, help: ArgumentHelp("""
        Events mode: the average probability (over all pairs of two groups) at which groups merge \
        into one event; higher gives smaller, surer events. (default: \(EventSettings().threshold))
        """, valueName: "p"))
    var eventThreshold: Double?

    @Option(name: .customLong("pair-features"), help: ArgumentHelp("""
        Events mode: also write every candidate pair with its features and probability, one JSON \
        object per line (what Scripts/fit-event-model.py refits the model from).
        """, valueName: "file"))
    var pairFeatures: String?

    @Option(name: .customLong("event-model"), help: ArgumentHelp("""
        Events mode: the pair model to use instead of the built-in one, as JSON (what \
        Scripts/fit-event-model.py writes after fitting on your own labelled events).
        """, valueName: "file"))
    var eventModel: String?

    /// The model: the built-in one, or the one `--event-model` names.
    func model() throws -> EventPairModel {
        guard let eventModel else { return .fitted }
        guard let data = FileManager.default.contents(atPath: eventModel) else {
            throw CommandError("cannot read the events model \(eventModel)")
        }
        do {
            return try EventPairModel(json: Array(data))
        } catch {
            throw CommandError("\(eventModel): \(error)")
        }
    }

    func validate() throws {
        if let dateWindow, !(0...36_500).contains(dateWindow) {
            throw ValidationError("--date-window must be 0 to 36500 days (--date-field none ignores dates).")
        }
        if let eventThreshold, !(eventThreshold > 0 && eventThreshold < 1) {
            throw ValidationError("--event-threshold must be in (0, 1).")
        }
        guard mode != .events else { return }
        let given = [("--date-window", dateWindow != nil), ("--event-threshold", eventThreshold != nil),
                     ("--pair-features", pairFeatures != nil), ("--event-model", eventModel != nil)]
        if let (option, _) = given.first(where: \.1) { throw ValidationError("\(option) needs --mode events.") }
    }

    /// The settings these options describe; `readsDates` false ignores dates.
    func settings(readsDates: Bool) -> EventSettings {
        var settings = EventSettings()
        if let eventThreshold { settings.threshold = eventThreshold }
        if let dateWindow { settings.dateWindow = dateWindow }
        if !readsDates { settings.dateWindow = nil }
        return settings
    }
}
