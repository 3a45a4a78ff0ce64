import Testing

@testable import FlowHTML

/// Every file a build writes goes through `SiteStaging.checkRelative`: no path may leave the
/// staging folder, however its bytes are spelled.
@Suite struct SiteStagingPathTests {
    @Test(arguments: ["a.html", "a/b.html", "json/a/b.json", "a//b.html", "a/..b", "a/.b", "a/b./c", "...", "a/b/"])
    func acceptsPathsInsideTheFolder(path: String) {
        #expect(throws: Never.self) { try SiteStaging.checkRelative(path) }
    }

    @Test(arguments: [
        "", "/", "/etc/passwd", "..", ".", "../x", "a/../../x", "a/./b", "a/..", "./a", "//a", "../\u{301}x",
        "a/../\u{301}b/../../x",
    ])
    func refusesPathsThatLeaveOrNameNothing(path: String) {
        #expect(throws: SiteWriterError.self) { try SiteStaging.checkRelative(path) }
    }
}
