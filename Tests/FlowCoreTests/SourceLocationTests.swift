import FlowCore
import Foundation
import Testing

@Suite struct SourceLocationTests {
    @Test func encodesLineAndColumnUnderTheirNames() throws {
        let range = SourceRange(file: "a.md", line: 3, column: 7, endLine: 4, endColumn: 1)
        let data = try JSONEncoder().encode(range.start)
        #expect(String(decoding: data, as: UTF8.self).contains("\"line\":3"))
        #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == range.start)
        #expect(try JSONDecoder().decode(SourceRange.self, from: JSONEncoder().encode(range)) == range)
    }

    @Test func keepsPositionsBeyondThirtyTwoBitsAsTheLargestOne() {
        var location = SourceLocation(line: Int(Int32.max) + 10, column: 5)
        #expect(location.line == Int(Int32.max))
        location.column = 12
        #expect(location == SourceLocation(line: Int(Int32.max), column: 12))
        #expect(SourceLocation(line: 2, column: 9) < SourceLocation(line: 3, column: 1))
    }
}
