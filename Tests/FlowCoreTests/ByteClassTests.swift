import FlowCore
import Testing

/// The first byte of a class is found wherever it stands: in a block of sixteen, across the
/// edge of one, in the bytes after the last whole block, or nowhere.
@Suite struct ByteClassTests {
    /// The JSON writer's class: control characters, `"`, `\`, DEL and 0xE2.
    static let json = ByteClass(below: 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F, 0xE2)

    static func isJSONSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2
    }

    /// The index of the first byte from `start` on for which `isSpecial` holds, one byte at a time.
    static func expected(_ bytes: [UInt8], from start: Int, _ isSpecial: (UInt8) -> Bool) -> Int {
        bytes[start...].firstIndex(where: isSpecial) ?? bytes.count
    }

    static func found(_ bytes: [UInt8], from start: Int, _ byteClass: ByteClass) -> Int {
        bytes.withUnsafeBufferPointer { byteClass.firstIndex(in: $0, from: start) }
    }

    @Test func findsEachByteOfTheClassAtEveryPlace() {
        let plain = UInt8(ascii: "a")
        for special in [0x00, 0x1F, 0x22, 0x5C, 0x7F, 0xE2] as [UInt8] {
            for length in [1, 15, 16, 17, 31, 32, 33, 40] {
                for place in 0..<length {
                    var bytes = [UInt8](repeating: plain, count: length)
                    bytes[place] = special
                    #expect(Self.found(bytes, from: 0, Self.json) == place, "\(special) at \(place) of \(length)")
                    #expect(Self.found(bytes, from: place, Self.json) == place)
                    #expect(Self.found(bytes, from: place + 1, Self.json) == length, "nothing after it")
                }
            }
        }
    }

    @Test func leavesEveryOtherByteAlone() {
        let others = (0...255).map(UInt8.init).filter { !Self.isJSONSpecial($0) }
        #expect(others.count == 256 - 32 - 4)
        #expect(Self.found(others, from: 0, Self.json) == others.count)
        #expect(Self.found([], from: 0, Self.json) == 0)
    }

    @Test func agreesWithALoopOnRandomBytes() {
        // A linear congruential generator (Knuth's constants), so that a failure repeats.
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let script = ByteClass(below: 0x20, above: 0x7E, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"))
        for _ in 0..<500 {
            let count = Int(next() % 80)
            // Mostly letters, now and then any byte.
            let bytes = (0..<count).map { _ in
                next() % 12 == 0 ? UInt8(truncatingIfNeeded: next()) : UInt8(ascii: "m")
            }
            let start = count == 0 ? 0 : Int(next() % UInt64(count))
            #expect(Self.found(bytes, from: start, Self.json) == Self.expected(bytes, from: start, Self.isJSONSpecial))
            #expect(
                Self.found(bytes, from: start, script)
                    == Self.expected(bytes, from: start) { $0 < 0x20 || $0 > 0x7E || "<>&".utf8.contains($0) }
            )
        }
    }

    @Test func aClassOfOnlyARangeHoldsNothingElse() {
        let high = ByteClass(above: 0x7F)
        #expect(Self.found(Array("plain ASCII text, seventeen+".utf8), from: 0, high) == 28)
        #expect(Self.found(Array("plain ASCII text, then é".utf8), from: 0, high) == 23)
        let low = ByteClass(below: 0x09)
        #expect(Self.found([0x41, 0x09, 0x0A, 0x08], from: 0, low) == 3)
    }
}
