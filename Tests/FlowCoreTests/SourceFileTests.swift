import FlowCore
import Foundation
import Testing

@Suite struct SourceFileTests {
    @Test func givesEveryPathOneFileAndBack() {
        let first = SourceFile("guides/source-file-tests/a.md")
        #expect(SourceFile("guides/source-file-tests/a.md") == first)
        #expect(SourceFile("guides/source-file-tests/b.md") != first)
        #expect(first.path == "guides/source-file-tests/a.md")
        #expect(SourceFile("") == .none)
        #expect(SourceFile.none.path == "")
    }

    @Test func internsTheSamePathOnceWhateverTaskAsks() async {
        let paths = (0..<200).map { "source-file-tests/concurrent/page-\($0).md" }
        let files = await withTaskGroup(of: [SourceFile].self) { group in
            for _ in 0..<8 {
                group.addTask { paths.shuffled().map { ($0, SourceFile($0)) }.sorted { $0.0 < $1.0 }.map(\.1) }
            }
            var all: [[SourceFile]] = []
            for await files in group { all.append(files) }
            return all
        }
        for other in files.dropFirst() { #expect(other == files[0]) }
        #expect(files[0].map(\.path) == paths.sorted())
        #expect(Set(files[0]).count == paths.count)
    }

    @Test func keepsRangesSmallAndTheirPathReadable() {
        // A range is its file (4 bytes) and two locations (8 bytes each), with no reference to count.
        #expect(MemoryLayout<SourceRange>.size == 20)
        var range = SourceRange(file: "x/y.md", line: 2, column: 3)
        #expect(range.file == "x/y.md")
        #expect(range.sourceFile == SourceFile("x/y.md"))
        range.file = "x/z.md"
        #expect(range.sourceFile == SourceFile("x/z.md"))
        #expect(range.description == "x/z.md:2:3")
    }

    @Test func ordersRangesByPathNotByWhenThePathWasFirstSeen() {
        // Interned in the reverse of their order: ranges still sort by path, then position.
        let later = SourceRange(file: "source-file-tests/order/zz.md", line: 1, column: 1)
        let earlier = SourceRange(file: "source-file-tests/order/aa.md", line: 9, column: 9)
        #expect(earlier < later)
        #expect(!(later < earlier))
        let sameFile = SourceRange(file: "source-file-tests/order/zz.md", line: 1, column: 2)
        #expect(later < sameFile)
        #expect([later, sameFile, earlier].sorted() == [earlier, later, sameFile])
    }

    @Test func encodesTheRangesPathAsBefore() throws {
        let range = SourceRange(file: "ab.md", line: 3, column: 7, endLine: 4, endColumn: 1)
        let json = String(decoding: try JSONEncoder().encode(range), as: UTF8.self)
        #expect(json.contains("\"file\":\"ab.md\""))
        #expect(try JSONDecoder().decode(SourceRange.self, from: Data(json.utf8)) == range)
    }
}
