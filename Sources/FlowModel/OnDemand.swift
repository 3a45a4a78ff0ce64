import Synchronization

/// A value that a cache's bytes hold, decoded the first time it is read rather than when the
/// cache is read.
///
/// A rebuild reads the summaries of thousands of unchanged pages from the page store and never
/// looks at most of what they hold (their links, anchors and front-matter positions): decoding
/// those made every string and array of every page. The bytes must have been checked when the
/// cache was read (the reader of each such value has a `skim` that walks them without making
/// anything), so decoding them later can't fail; should it, the value is `fallback`.
///
/// Copies share the decoded value; decoding is done once, under a lock, whichever task asks
/// first. Setting or modifying the value lets the bytes go. Equality and hashing are the values'.
@usableFromInline struct OnDemand<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Bytes and how to read them, and the value once read.
    @usableFromInline final class Encoded: Sendable {
        let bytes: ArraySlice<UInt8>
        /// The path of the page the bytes belong to: ranges in the page's own file name it.
        let page: String
        let decode: @Sendable (ArraySlice<UInt8>, String) throws -> Value
        let fallback: Value
        private let decoded = Mutex<Value?>(nil)

        init(
            bytes: ArraySlice<UInt8>,
            page: String,
            fallback: Value,
            decode: @escaping @Sendable (ArraySlice<UInt8>, String) throws -> Value
        ) {
            self.bytes = bytes
            self.page = page
            self.fallback = fallback
            self.decode = decode
        }

        @usableFromInline var value: Value {
            decoded.withLock { decoded in
                if let decoded { return decoded }
                let value = (try? decode(bytes, page)) ?? fallback
                decoded = value
                return value
            }
        }
    }

    /// The value once there (made, set, or modified after it was read); the fallback until then.
    ///
    /// Not optional, so that reading it yields it where it lies: a copy retained and released
    /// each of its fields.
    @usableFromInline var stored: Value
    /// The bytes the value is read from, until it is set or modified.
    @usableFromInline var encoded: Encoded?

    /// A value that is there already.
    @usableFromInline init(_ value: Value) {
        stored = value
    }

    /// The value `decode` reads from `bytes` of `page`, read when first asked for; `bytes`
    /// must be known to decode.
    init(
        encoded bytes: ArraySlice<UInt8>,
        page: String,
        fallback: Value,
        decode: @escaping @Sendable (ArraySlice<UInt8>, String) throws -> Value
    ) {
        stored = fallback
        encoded = Encoded(bytes: bytes, page: page, fallback: fallback, decode: decode)
    }

    @inlinable var value: Value {
        _read {
            if let encoded {
                yield encoded.value
            } else {
                yield stored
            }
        }
        _modify {
            if let encoded {
                stored = encoded.value
                self.encoded = nil
            }
            yield &stored
        }
    }

    /// The bytes the value is still to be read from, unless it was set or modified since: written
    /// again as they are.
    var encodedBytes: ArraySlice<UInt8>? {
        encoded?.bytes
    }

    @usableFromInline static func == (lhs: OnDemand, rhs: OnDemand) -> Bool {
        if let left = lhs.encoded, let right = rhs.encoded, left === right { return true }
        return lhs.value == rhs.value
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }
}
