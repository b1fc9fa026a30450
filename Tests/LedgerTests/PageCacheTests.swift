import Foundation
import Testing

@testable import Ledger

@Suite("A pass over the ledger can read with a small page cache")
struct PageCacheTests {
    @Test("a writer opens with a 64 MiB page cache")
    func writerCache() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 3, in: dir)
        #expect(try ledger.pageCacheKibibytes == 65_536)
    }

    @Test("the limit holds inside the pass and the writer's cache returns after it")
    func limitedThenRestored() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 30, in: dir)
        let inside = try ledger.withPageCache(kibibytes: 2048) {
            var seen = 0
            try ledger.events(matching: EventFilter()) { _ in seen += 1 }
            #expect(seen == 30)
            return try ledger.pageCacheKibibytes
        }
        #expect(inside == 2048)
        #expect(try ledger.pageCacheKibibytes == 65_536)
    }

    @Test("the writer's cache returns when the pass throws")
    func restoredOnError() throws {
        struct Stop: Error {}
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 5, in: dir)
        #expect(throws: Stop.self) { try ledger.withPageCache(kibibytes: 512) { throw Stop() } }
        #expect(try ledger.pageCacheKibibytes == 65_536)
    }

    @Test("a ledger appended to inside the pass keeps its events")
    func appendsInside() throws {
        let dir = TemporaryDirectory()
        let ledger = try makeLedger(events: 5, in: dir)
        var generator = EventGenerator(seed: 9)
        try ledger.withPageCache(kibibytes: 64) { try ledger.append((0..<40).map { _ in generator.next() }) }
        #expect(ledger.head.seq == 45)
        #expect(try ledger.verify().isIntact)
    }
}
