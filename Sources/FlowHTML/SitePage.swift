import FlowModel

/// A page as the site's lookups need it: its flow ID and its source path.
///
/// The flow ID names the page's URL; relative links start at the source path. The page being
/// rendered is a ``FlowModel/Flow``; the pages it shows something of are
/// ``FlowModel/PageSummary`` values.
protocol SitePage {
    var id: String { get }
    var source: String { get }
}

extension Flow: SitePage {}
extension PageSummary: SitePage {}
