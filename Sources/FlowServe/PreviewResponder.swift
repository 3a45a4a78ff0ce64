import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers the preview server's requests: the site's files, with the preview script and problem
/// panel injected into HTML, and the event stream that tells open pages to reload.
///
/// Only `GET` and `HEAD` are allowed. Every response carries `Cache-Control: no-cache`, and every
/// file a strong `ETag`, computed over the bytes actually sent, so `If-None-Match` gives `304`.
/// A path that does not name a file inside the site gives `404` with the site's `404.html`.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var resolver: SitePathResolver
    var state: PreviewState
    var hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let response: Response
        if request.uri.path == LiveReloadScript.eventsPath {
            response = events()
        } else {
            response = file(at: request.uri.path, ifNoneMatch: request.headers[.ifNoneMatch])
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    // MARK: Files

    private func file(at path: String, ifNoneMatch: String?) -> Response {
        switch resolver.resolve(path) {
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            return Response(status: .movedPermanently, headers: headers)
        case .notFound:
            return notFound()
        case .file(let url, let relativePath):
            guard var data = try? Data(contentsOf: url) else { return notFound() }
            if MediaTypes.isHTML(url.pathExtension) {
                let html = String(decoding: data, as: UTF8.self)
                data = Data(HTMLInjector.inject(state.injection(forPage: relativePath), into: html).utf8)
            }
            return send(
                data,
                status: .ok,
                contentType: MediaTypes.contentType(forExtension: url.pathExtension),
                ifNoneMatch: ifNoneMatch
            )
        }
    }

    /// The site's `404.html`, with `<base href="/">` so its relative links work at any depth;
    /// a plain page (with the problem panel) when the site has none yet.
    private func notFound() -> Response {
        let html: String
        if case .file(let url, _) = resolver.resolve("/404.html"), let data = try? Data(contentsOf: url) {
            html = String(decoding: data, as: UTF8.self)
        } else {
            html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Not found</title></head>
                <body><main><h1>Page not found</h1><p>The site has not been built yet, or has no such page.</p></main></body>
                </html>

                """
        }
        let page = HTMLInjector.inject(state.injection(forPage: nil), into: html, baseHref: "/")
        return send(
            Data(page.utf8),
            status: .notFound,
            contentType: MediaTypes.contentType(forExtension: "html"),
            ifNoneMatch: nil
        )
    }

    private func send(_ data: Data, status: HTTPResponse.Status, contentType: String, ifNoneMatch: String?) -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        let tag = ETag.make(for: data)
        if status == .ok { headers[.eTag] = tag }
        if status == .ok, let ifNoneMatch, ETag.matches(ifNoneMatch: ifNoneMatch, tag: tag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: Events

    /// The event stream of `/__flowdoc/events`.
    ///
    /// A `hello` event naming the current build, then one `reload` event per rebuild. The
    /// stream ends when the client goes away or the server stops.
    private func events() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let hub = hub
        let state = state
        let body = ResponseBody { writer in
            let (id, events) = hub.subscribe()
            defer { hub.finish(id) }
            try await withTaskCancellationOrGracefulShutdownHandler {
                let hello = "retry: 1000\n" + ReloadHub.event("hello", data: state.token)
                try await writer.write(ByteBuffer(string: hello))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event))
                }
            } onCancelOrGracefulShutdown: {
                hub.finish(id)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
