import FlowCore
import Testing

/// The hash is the same in every process, and one changed byte always changes it.
@Suite struct StableHasherTests {
    /// Values a cache written by another process must find again: a change to the hash is a
    /// change to every cache's keys, made on purpose or not at all.
    @Test func givesTheSameValuesInEveryProcess() {
        #expect(StableHasher.digest([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(StableHasher.digest(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c, "FNV-1a for a single byte")
        #expect(StableHasher.digest(Array("index.md plus more than one word".utf8)) == 0x1450_05fc_916a_5dd5)
        var hasher = StableHasher()
        hasher.combine("index.md")
        hasher.combine(UInt64(42))
        #expect(hasher.hex == "64ae26d3430e0d50")
    }

    @Test func everyChangedByteChangesTheDigest() {
        let text = Array("A page of forty bytes, give or take two.".utf8)
        var digests: Set<UInt64> = [StableHasher.digest(text)]
        for index in text.indices {
            for change: UInt8 in [1, 0x80] {
                var changed = text
                changed[index] ^= change
                digests.insert(StableHasher.digest(changed))
            }
        }
        #expect(digests.count == 1 + 2 * text.count)
    }

    @Test func stringsAreSeparated() {
        var first = StableHasher()
        first.combine("ab")
        first.combine("c")
        var second = StableHasher()
        second.combine("a")
        second.combine("bc")
        #expect(first.value != second.value)
    }
}
