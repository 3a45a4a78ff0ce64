import FlowHTML
import Foundation

/// How long each step of a build took, for `flowdoc build --verbose`: where a build's time
/// goes, and how much of the content the caches spared it.
struct BuildTimings: Sendable, Equatable {
    /// Listing the content folder, reading the pages and parsing those that changed.
    var load: Duration = .zero
    /// Running the rules.
    var check: Duration = .zero
    /// Writing the site and swapping it in, and the caches for the next build.
    var site: Duration = .zero

    /// The lines `--verbose` prints.
    ///
    /// - Parameters:
    ///   - pages: The pages of the content, drafts included.
    ///   - parsed: The pages parsed while the content was read; the others had not changed
    ///     since the last build.
    ///   - report: What the site's build did; `nil` when errors stopped it.
    func lines(pages: Int, parsed: Int, report: SiteBuilder.Report?) -> [String] {
        let reading =
            parsed == pages ? "all parsed" : "\(parsed) parsed, \(pages - parsed) unchanged since the last build"
        var lines = [
            "Read \(Self.count(pages, "page")) in \(Self.seconds(load)) (\(reading))",
            "Checked them in \(Self.seconds(check))",
        ]
        if let report {
            let rendered = Self.count(report.renderedPages, "page")
            let reused = report.pageCount - report.renderedPages
            lines.append(
                "Built the site in \(Self.seconds(site)) (\(rendered) rendered, \(reused) reused, \(Self.count(report.fileCount, "file")))"
            )
        }
        return lines
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `duration` in seconds with three decimals: `0.056 s`.
    static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f s", duration.seconds)
    }
}

extension Duration {
    /// The duration in seconds, for what a build prints of its time.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
