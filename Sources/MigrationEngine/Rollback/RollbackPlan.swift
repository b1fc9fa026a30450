import Ledger

/// What a rollback will do, read from the inverse stream before anything is sent: the compensations newest first,
/// grouped into the batches they are carried out in, and counted per object and action for the person who confirms.
public struct RollbackPlan: Sendable {
    /// Compensations of one action on one object that follow each other in the stream, sent together.
    public struct Batch: Sendable {
        public var action: Compensation.Action
        public var object: String
        public var items: [InverseAction]
    }

    /// How many compensations of `action` the plan holds for `object`.
    public struct Count: Sendable, Equatable {
        public var object: String
        public var action: Compensation.Action
        public var count: Int
    }

    public let scope: RollbackScope
    public let batches: [Batch]

    /// Consecutive compensations of the same kind share a call where Twenty has one for many records (destroy,
    /// re-create and restore, up to `batchMaximum`); updates and schema changes go one by one. Keeping the stream's
    /// order between batches keeps dependents undone before what they depend on.
    public init(scope: RollbackScope, stream: [InverseAction], batchMaximum: Int) {
        self.scope = scope
        var batches: [Batch] = []
        for action in stream {
            let compensation = action.compensation
            let size = Self.batchable.contains(compensation.action) ? max(1, batchMaximum) : 1
            if let last = batches.last, last.action == compensation.action, last.object == compensation.object,
                last.items.count < size
            {
                batches[batches.count - 1].items.append(action)
            } else {
                batches.append(Batch(action: compensation.action, object: compensation.object, items: [action]))
            }
        }
        self.batches = batches
    }

    static let batchable: Set<Compensation.Action> = [.destroy, .create, .restore]

    public var isEmpty: Bool { batches.isEmpty }
    public var compensations: Int { batches.reduce(0) { $0 + $1.items.count } }

    /// Counts per object and action, in the order they will be carried out.
    public var counts: [Count] {
        var result: [Count] = []
        for batch in batches {
            if let index = result.firstIndex(where: { $0.object == batch.object && $0.action == batch.action }) {
                result[index].count += batch.items.count
            } else {
                result.append(Count(object: batch.object, action: batch.action, count: batch.items.count))
            }
        }
        return result
    }

    /// The schema changes that undo what `prepare` added, in the order they will be made.
    public var schemaChanges: [SchemaChange] {
        batches.filter { $0.action == .schema }.flatMap { $0.items.compactMap(\.compensation.schema) }
    }
}
