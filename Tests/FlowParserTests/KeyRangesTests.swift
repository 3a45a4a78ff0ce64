import FlowCore
import FlowModel
import Foundation
import Testing

/// ``KeyRanges``: a sorted array that must behave as the dictionary it replaced.
@Suite struct KeyRangesTests {
    func range(_ line: Int) -> SourceRange { SourceRange(file: "p.md", line: line, column: 1) }

    @Test func setsReplacesAndRemovesInAnyOrder() {
        var ranges = KeyRanges()
        for (line, key) in ["title", "id", "tags", "draft", "id"].enumerated() { ranges[key] = range(line + 1) }
        #expect(ranges.map(\.key) == ["draft", "id", "tags", "title"])
        #expect(ranges["id"] == range(5))
        #expect(ranges["title"] == range(1))
        #expect(ranges["missing"] == nil)
        ranges["tags"] = nil
        ranges["missing"] = nil
        #expect(ranges.map(\.key) == ["draft", "id", "title"])
        #expect(ranges.count == 3)
        #expect(KeyRanges().isEmpty)
    }

    @Test func equalsWhateverTheOrderTheKeysCameIn() {
        let forward: KeyRanges = ["a": range(1), "b": range(2)]
        var backward = KeyRanges()
        backward["b"] = range(2)
        backward["a"] = range(1)
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
    }

    @Test func encodesAsTheDictionaryDid() throws {
        let ranges: KeyRanges = ["title": range(2), "id": range(3)]
        let dictionary = ["title": range(2), "id": range(3)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(ranges) == encoder.encode(dictionary))
        let decoded = try JSONDecoder().decode(KeyRanges.self, from: encoder.encode(dictionary))
        #expect(decoded == ranges)
    }
}
