public import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The live preview behind `flowdoc serve`: builds the site, serves it over HTTP, rebuilds when
/// a watched file changes and tells open pages to reload.
///
/// ```swift
/// let server = PreviewServer(configuration: .init(siteRoot: site, watchedPaths: [content], build: build))
/// try await server.run()   // until SIGINT or SIGTERM
/// ```
///
/// The server serves whatever is in ``Configuration/siteRoot``. When a rebuild fails (the
/// content has errors), the build leaves the previous site in place, so the last good version
/// stays on screen, with a panel that names the problems.
public struct PreviewServer: Sendable {
    /// What to serve, where, and how to rebuild.
    public struct Configuration: Sendable {
        /// The interface to listen on; loopback by default.
        public var host: String
        /// The port; 0 lets the system choose one (see ``run(onReady:)``).
        public var port: Int
        /// The folder the build writes the site to and the server serves.
        public var siteRoot: URL
        /// Folders and files whose changes trigger a rebuild (content, `flowdoc.yml`, theme).
        public var watchedPaths: [URL]
        /// How often the watched files are polled.
        public var pollInterval: Duration
        /// Put before content-relative paths in the problem panel (`content/`).
        public var sourcePrefix: String
        /// Runs one build.
        public var build: SiteBuild
        /// Receives the server's messages for the terminal, one line each, without newline.
        public var log: @Sendable (String) -> Void

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - host: The interface to listen on.
        ///   - port: The port, 0 for any free one.
        ///   - siteRoot: The folder served.
        ///   - watchedPaths: What to watch for changes.
        ///   - pollInterval: How often to look for changes.
        ///   - sourcePrefix: The content folder as the user named it, with a trailing `/`.
        ///   - build: Builds the site into `siteRoot`.
        ///   - log: Where messages go.
        public init(
            host: String = "127.0.0.1",
            port: Int = 8000,
            siteRoot: URL,
            watchedPaths: [URL],
            pollInterval: Duration = .milliseconds(300),
            sourcePrefix: String = "",
            build: @escaping SiteBuild,
            log: @escaping @Sendable (String) -> Void = { _ in }
        ) {
            self.host = host
            self.port = port
            self.siteRoot = siteRoot
            self.watchedPaths = watchedPaths
            self.pollInterval = pollInterval
            self.sourcePrefix = sourcePrefix
            self.build = build
            self.log = log
        }
    }

    public var configuration: Configuration

    /// Creates a server; nothing happens until ``run(onReady:)``.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Builds the site, then serves it and rebuilds on change until asked to stop.
    ///
    /// The server stops on a graceful shutdown (SIGINT or SIGTERM with `handlesSignals`, or an
    /// enclosing `ServiceGroup`) or when the task is cancelled. On a graceful shutdown open event
    /// streams are closed and requests in flight finish.
    ///
    /// - Parameters:
    ///   - handlesSignals: Whether SIGINT and SIGTERM stop the server gracefully.
    ///   - onReady: Called once the server listens, with the port it listens on.
    /// - Throws: The error of a server that can't start (the port is taken, the host is unknown).
    public func run(handlesSignals: Bool = false, onReady: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let state = PreviewState(sourcePrefix: configuration.sourcePrefix)
        let hub = ReloadHub()
        let site = configuration.siteRoot.standardizedFileURL
        let staging = site.deletingLastPathComponent().path + "/." + site.lastPathComponent + "."
        let watcher = FileWatcher(paths: configuration.watchedPaths, ignoredPrefixes: [site.path, staging])
        let initialSnapshot = watcher.snapshot()
        state.update(with: await configuration.build())

        var logger = Logger(label: "flowdoc.serve")
        logger.logLevel = .error
        let responder = PreviewResponder(
            resolver: SitePathResolver(root: configuration.siteRoot),
            state: state,
            hub: hub
        )
        let rebuilder = Rebuilder(
            watcher: watcher,
            snapshot: initialSnapshot,
            interval: configuration.pollInterval,
            build: configuration.build,
            state: state,
            hub: hub,
            log: configuration.log
        )
        let configuration = configuration
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: [rebuilder],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                configuration.log("Serving the site at http://\(host):\(port)/ (press Ctrl-C to stop)")
                await onReady(port)
            },
            logger: logger
        )
        defer { hub.finishAll() }
        let group = ServiceGroup(
            configuration: .init(
                services: [app],
                gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [],
                logger: logger
            )
        )
        try await group.run()
    }
}

/// The watch loop: polls the watched files and, after a change, rebuilds and sends `reload`.
struct Rebuilder: Service {
    var watcher: FileWatcher
    var snapshot: FileWatcher.Snapshot
    var interval: Duration
    var build: SiteBuild
    var state: PreviewState
    var hub: ReloadHub
    var log: @Sendable (String) -> Void

    func run() async throws {
        var last = snapshot
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            var current = watcher.snapshot()
            var changed = FileWatcher.changes(from: last, to: current)
            guard !changed.isEmpty else { continue }
            // Let an editor finish writing (save-as-rename, several files) before building.
            while true {
                try? await Task.sleep(for: .milliseconds(120))
                let settled = watcher.snapshot()
                if settled == current { break }
                changed += FileWatcher.changes(from: current, to: settled)
                current = settled
            }
            last = current
            let names = Set(changed.map { URL(fileURLWithPath: $0).lastPathComponent }).sorted()
            log("Changed: \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", …" : ""); rebuilding")
            let started = ContinuousClock.now
            let report = await build()
            let token = state.update(with: report)
            hub.send("reload", data: token)
            let elapsed = ContinuousClock.now - started
            let milliseconds = Int(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            )
            let outcome =
                report.didWrite ? "Rebuilt in \(milliseconds) ms" : "Build stopped; still serving the last good version"
            log("\(outcome); reloading \(hub.subscriberCount) open page\(hub.subscriberCount == 1 ? "" : "s")")
        }
    }
}
