import CanonicalJSON

/// What `POST /_sandbox/faults` asks the server to do to API-key requests, as JSON (every key optional):
///
///     {
///       "seed": 42,                      // replay: the same seed and request sequence give the same faults
///       "error_rate": 0.1,               // answered with a status from error_statuses, the engine not called
///       "error_statuses": [500, 502, 503],
///       "drop_before_rate": 0.05,        // connection closed before the request reaches the engine
///       "drop_after_commit_rate": 0.05,  // engine commits, then the connection closes with no response
///       "latency_ms": 200,               // added before the engine is called...
///       "latency_rate": 1.0,             // ...to this fraction of requests
///       "throttle_storm": 5,             // the next N requests get 429, whatever the buckets hold...
///       "throttle_storm_rate": 0.02      // ...and each later request starts another such storm at this rate
///     }
///
/// The three rates are exclusive outcomes of one draw, so their sum must not exceed 1; a storm starting takes
/// precedence over them. A storm's 429s read as the server's `--rate-limit-style` has them (bare, or with headers). `/_sandbox/*` requests are
/// never faulted. An empty body, `{}` with nothing to do, or `DELETE /_sandbox/faults` clears the plan.
public struct FaultPlan: Sendable, Equatable {
    public var seed: UInt64 = 0
    public var errorRate: Double = 0
    public var errorStatuses: [Int] = [500, 502, 503]
    public var dropBeforeRate: Double = 0
    public var dropAfterCommitRate: Double = 0
    public var latencyMilliseconds: Int = 0
    public var latencyRate: Double = 1
    public var throttleStorm: Int = 0
    /// The chance that a request outside a storm starts one of `throttleStorm` 429s (itself the first).
    public var throttleStormRate: Double = 0

    public init() {}

    /// True when the plan would never change a request.
    public var isInert: Bool {
        errorRate == 0 && dropBeforeRate == 0 && dropAfterCommitRate == 0
            && (latencyMilliseconds == 0 || latencyRate == 0) && throttleStorm == 0
    }

    /// Parses a request body; `nil` for an empty body.
    public static func parse(_ body: [UInt8]) throws(FaultPlanError) -> FaultPlan? {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
        let members: [String: JSONValue]
        do {
            guard let object = try JSONValue(parsing: body).objectValue else {
                throw FaultPlanError("the fault plan must be a JSON object")
            }
            members = object
        } catch let error as FaultPlanError {
            throw error
        } catch {
            throw FaultPlanError("the fault plan is not valid JSON: \(error)")
        }
        var plan = FaultPlan()
        for (key, value) in members {
            switch key {
            case "seed": plan.seed = UInt64(try integer(value, key, in: 0...Int.max))
            case "error_rate": plan.errorRate = try fraction(value, key)
            case "error_statuses":
                guard case .array(let list) = value, !list.isEmpty else {
                    throw FaultPlanError("error_statuses must be a non-empty list of 5xx statuses")
                }
                plan.errorStatuses = try list.map { (status) throws(FaultPlanError) in
                    try integer(status, key, in: 500...599)
                }
            case "drop_before_rate": plan.dropBeforeRate = try fraction(value, key)
            case "drop_after_commit_rate": plan.dropAfterCommitRate = try fraction(value, key)
            case "latency_ms": plan.latencyMilliseconds = try integer(value, key, in: 0...600_000)
            case "latency_rate": plan.latencyRate = try fraction(value, key)
            case "throttle_storm": plan.throttleStorm = try integer(value, key, in: 0...Int(Int32.max))
            case "throttle_storm_rate": plan.throttleStormRate = try fraction(value, key)
            default:
                // A misspelt key would silently inject nothing; refuse it instead.
                throw FaultPlanError(
                    "unknown fault \"\(key)\"; known: seed, error_rate, error_statuses, drop_before_rate, "
                        + "drop_after_commit_rate, latency_ms, latency_rate, throttle_storm, throttle_storm_rate")
            }
        }
        guard plan.errorRate + plan.dropBeforeRate + plan.dropAfterCommitRate <= 1 + 1e-9 else {
            throw FaultPlanError("error_rate + drop_before_rate + drop_after_commit_rate must not exceed 1")
        }
        guard plan.throttleStormRate == 0 || plan.throttleStorm > 0 else {
            throw FaultPlanError("throttle_storm_rate needs throttle_storm, the number of 429s in each storm")
        }
        return plan
    }

    /// The plan as `GET /_sandbox/faults` shows it.
    var json: JSONValue {
        .object([
            "seed": .integer(Int64(bitPattern: seed)), "error_rate": .number(errorRate),
            "error_statuses": .array(errorStatuses.map { .integer(Int64($0)) }),
            "drop_before_rate": .number(dropBeforeRate), "drop_after_commit_rate": .number(dropAfterCommitRate),
            "latency_ms": .integer(Int64(latencyMilliseconds)), "latency_rate": .number(latencyRate),
            "throttle_storm": .integer(Int64(throttleStorm)), "throttle_storm_rate": .number(throttleStormRate),
        ])
    }

    private static func fraction(_ value: JSONValue, _ key: String) throws(FaultPlanError) -> Double {
        let number: Double
        switch value {
        case .integer(let integer): number = Double(integer)
        case .number(let double): number = double
        default: throw FaultPlanError("\(key) must be a number from 0 to 1")
        }
        guard (0...1).contains(number) else { throw FaultPlanError("\(key) must be a number from 0 to 1") }
        return number
    }

    private static func integer(_ value: JSONValue, _ key: String, in range: ClosedRange<Int>) throws(FaultPlanError)
        -> Int
    {
        let candidate: Int?
        switch value {
        case .integer(let integer): candidate = Int(exactly: integer)
        case .number(let double): candidate = Int(exactly: double)
        default: candidate = nil
        }
        guard let candidate, range.contains(candidate) else {
            throw FaultPlanError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return candidate
    }
}

public struct FaultPlanError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
