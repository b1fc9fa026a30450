import Synchronization

/// What happens to one API-key request under the active fault plan.
struct FaultDecision: Sendable, Equatable {
    enum Action: Sendable, Equatable {
        case none
        case throttle
        case dropBeforeEngine
        case error(status: Int)
        case dropAfterCommit
    }

    var action: Action = .none
    var latencyMilliseconds = 0

    static let none = FaultDecision()
}

/// Draws each request's fault from the plan's seeded generator.
///
/// Every request draws the same three numbers whatever it turns out to be, so the n-th request's fault depends only
/// on the seed and n: replaying a seed against the same request sequence replays the faults.
final class FaultInjector: Sendable {
    private struct Active {
        var plan: FaultPlan
        var generator: SplitMix64
        var stormLeft: Int
    }

    private let active = Mutex<Active?>(nil)

    func install(_ plan: FaultPlan?) {
        let fresh = plan.flatMap { plan in
            plan.isInert
                ? nil : Active(plan: plan, generator: SplitMix64(seed: plan.seed), stormLeft: plan.throttleStorm)
        }
        active.withLock { $0 = fresh }
    }

    var plan: FaultPlan? { active.withLock { $0?.plan } }

    func next() -> FaultDecision {
        active.withLock { active -> FaultDecision in
            guard var state = active else { return .none }
            defer { active = state }
            let outcome = state.generator.nextUnit()
            let statusPick = state.generator.next()
            let latencyDraw = state.generator.nextUnit()
            let plan = state.plan
            // Drawn only when storms can start, so a plan without them replays exactly as it did before they existed.
            if plan.throttleStormRate > 0, state.stormLeft == 0, state.generator.nextUnit() < plan.throttleStormRate {
                state.stormLeft = plan.throttleStorm
            }

            var decision = FaultDecision()
            if plan.latencyMilliseconds > 0, latencyDraw < plan.latencyRate {
                decision.latencyMilliseconds = plan.latencyMilliseconds
            }
            if state.stormLeft > 0 {
                state.stormLeft -= 1
                decision.action = .throttle
            } else if outcome < plan.dropBeforeRate {
                decision.action = .dropBeforeEngine
            } else if outcome < plan.dropBeforeRate + plan.errorRate {
                let status = plan.errorStatuses[Int(statusPick % UInt64(plan.errorStatuses.count))]
                decision.action = .error(status: status)
            } else if outcome < plan.dropBeforeRate + plan.errorRate + plan.dropAfterCommitRate {
                decision.action = .dropAfterCommit
            }
            return decision
        }
    }
}
