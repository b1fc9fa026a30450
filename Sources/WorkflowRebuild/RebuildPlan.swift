/// How one source workflow is rebuilt in Twenty's workflow editor: the trigger, then each step in order, what has
/// no equivalent (with what to do instead), and what the tool did not recognise. Twenty refuses workflow steps to
/// API keys, so this is a reference a person follows, never something the tool builds.
public struct RebuildPlan: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Twenty's trigger type (`DATABASE_EVENT`, `CRON`, `MANUAL`, `WEBHOOK`) or step type (`FILTER`, ...).
        public var type: String
        public var words: String
    }

    public struct Gap: Sendable, Equatable {
        public var what: String
        public var instead: String
    }

    /// nil when the trigger was not recognised: then no step is proposed for it.
    public var trigger: Step?
    public var steps: [Step]
    public var gaps: [Gap]
    /// "not recognised: <what it says>" lines, one per part the tool could not read.
    public var unrecognised: [String]
    public var object: TwentyNames.Name
    public var fields: [TwentyNames.Name]

    /// Rebuilt step for step: every part recognised and each with an equivalent.
    public var isDirect: Bool { trigger != nil && gaps.isEmpty && unrecognised.isEmpty }
}
