/// Entity tags for served bytes: a strong validator computed from the bytes themselves.
enum ETag {
    /// A quoted strong tag: 64-bit FNV-1a of `bytes` and their count, in hexadecimal.
    static func make<Bytes: Sequence>(for bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
            count += 1
        }
        return "\"" + String(hash, radix: 16) + "-" + String(count, radix: 16) + "\""
    }

    /// Whether an `If-None-Match` header value matches `tag` (weak comparison, as RFC 9110
    /// requires for `If-None-Match`): `*`, or a comma-separated list that holds the tag.
    static func matches(ifNoneMatch header: String, tag: String) -> Bool {
        let opaque = strippingWeakPrefix(tag)
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimming(" \t")
            if trimmed == "*" || strippingWeakPrefix(trimmed) == opaque { return true }
        }
        return false
    }

    private static func strippingWeakPrefix(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters of `set` (a small, Foundation-free trim).
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
