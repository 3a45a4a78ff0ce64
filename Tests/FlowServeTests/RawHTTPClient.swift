import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny blocking HTTP/1.1 client over POSIX sockets, for talking to the preview server on
/// loopback without a client library.
///
/// Blocking calls run on their own threads (``onThread(_:)``), never on the cooperative pool
/// the server's handlers need.
enum RawHTTPClient {
    /// A parsed response.
    struct Response: Sendable {
        var status: Int
        /// Header fields, names lowercased.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case socket(String)
        case malformed(String)
        var description: String {
            switch self {
            case .socket(let message): "socket: \(message)"
            case .malformed(let message): "malformed response: \(message)"
            }
        }
    }

    /// Runs `work` on a new thread and waits for it without blocking a Swift concurrency thread.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }

    /// Sends one request and reads the response to the end (`Connection: close`).
    static func request(
        port: Int,
        method: String = "GET",
        path: String,
        headers: [String: String] = [:]
    ) async throws -> Response {
        try await onThread {
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, requestText(method: method, path: path, headers: headers))
            return try parse(readAll(socket), method: method)
        }
    }

    /// The text of a request with `Host` and `Connection: close`.
    static func requestText(method: String, path: String, headers: [String: String] = [:]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    /// A connected TCP socket to `127.0.0.1:port`, with a receive timeout.
    static func connect(port: Int, timeoutSeconds: Int = 20) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure.socket("socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure.socket("connect() to port \(port) failed: errno \(errno)")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure.socket("send() failed: errno \(errno)") }
            sent += count
        }
    }

    /// Reads until the server closes the connection.
    static func readAll(_ socket: Int32) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return data }
            guard count > 0 else { throw Failure.socket("recv() failed or timed out: errno \(errno)") }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Reads until the bytes received contain `marker`, or the timeout passes.
    static func read(_ socket: Int32, until marker: String) throws -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: data, as: UTF8.self).contains(marker) {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                throw Failure.socket("no '\(marker)' before the stream ended: \(String(decoding: data, as: UTF8.self))")
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses a whole response; a chunked body is de-chunked.
    static func parse(_ data: Data, method: String = "GET") throws -> Response {
        let bytes = [UInt8](data)
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(bytes.count - 3, 0)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure.malformed("no end of header in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(head[0]) }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces
            )
        }
        var body = Data(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: method == "HEAD" ? Data() : body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var bytes = [UInt8](data)[...]
        var out = Data()
        while let lineEnd = bytes.indices.first(where: { bytes[$0] == 10 }) {
            let sizeText = String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd + 1
            guard start + size <= bytes.endIndex else { break }
            out.append(contentsOf: bytes[start..<start + size])
            bytes = bytes[min(start + size + 2, bytes.endIndex)...]
        }
        return out
    }
}
