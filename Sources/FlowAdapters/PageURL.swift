/// Where the generated site puts a flow's page, relative or under a base URL.
///
/// The site writes the page of flow `salesforce/initiate` to `salesforce/initiate.html`, so:
///
/// ```swift
/// PageURL().url(forFlowID: "salesforce/initiate", fragment: "step-2")
/// // "salesforce/initiate.html#step-2"
/// PageURL(baseURL: "https://help.example.com/docs").url(forFlowID: "a")
/// // "https://help.example.com/docs/a.html"
/// ```
public struct PageURL: Sendable, Hashable {
    /// The site's public URL without a trailing slash, or `nil` for relative URLs.
    public var baseURL: String?

    /// Creates page URLs relative to the site root, or absolute under `baseURL`.
    ///
    /// - Parameter baseURL: The URL the site is published at, such as `https://help.example.com/`;
    ///   a trailing slash is ignored.
    public init(baseURL: String? = nil) {
        var base = baseURL
        while let text = base, text.hasSuffix("/") { base = String(text.dropLast()) }
        self.baseURL = base?.isEmpty == true ? nil : base
    }

    /// The URL of the page of flow `id`, with `#fragment` when one is given.
    public func url(forFlowID id: String, fragment: String? = nil) -> String {
        var url = id + ".html"
        if let baseURL { url = baseURL + "/" + url }
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return url
    }
}
