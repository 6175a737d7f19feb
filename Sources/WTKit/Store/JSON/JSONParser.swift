#if canImport(Glibc)
import Glibc
#endif

// The byte-level parser: builds a value, or part of a record (a list with --fields).

/// The keys of one object as byte ranges of the buffer being scanned, in an
/// open-addressing table: finding a duplicate among an index's thousands of
/// keys without making a String or a Set of them. Each slot keeps 32 bits of
/// its key's hash, which place it, decide most comparisons without touching
/// the bytes, and let the table grow without hashing a key again.
struct KeyTable {
    let b: UnsafeBufferPointer<UInt8>
    /// 0 when empty; else the hash's tag in the high 32 bits, the key's index + 1 in the low 32.
    var slots: [UInt64]
    var filled = 0

    init(_ b: UnsafeBufferPointer<UInt8>, capacity: Int) {
        self.b = b
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    /// A multiply-xorshift hash, eight bytes at a time; the high 32 bits are the tag.
    func tag(_ r: (Int, Int)) -> UInt64 {
        let base = UnsafeRawPointer(b.baseAddress!)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(r.1 - r.0 + 1)
        var i = r.0
        while i + 8 <= r.1 {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < r.1 {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return h >> 32
    }

    /// Adds key `k` of `ranges` (the object's key ranges so far, indexed as in
    /// the parser's key stack); false when an equal key is already in the table.
    mutating func insert(_ k: Int, _ ranges: ArraySlice<(Int, Int)>) -> Bool {
        if filled * 2 >= slots.count { grow() }
        let r = ranges[k]
        let t = tag(r)
        let mask = slots.count - 1
        var i = Int(t) & mask
        while slots[i] != 0 {
            if slots[i] >> 32 == t {
                let o = ranges[Int(slots[i] & 0xFFFF_FFFF) - 1]
                if o.1 - o.0 == r.1 - r.0 && memcmp(b.baseAddress! + o.0, b.baseAddress! + r.0, r.1 - r.0) == 0 { return false }
            }
            i = (i + 1) & mask
        }
        slots[i] = t << 32 | UInt64(k + 1)
        filled += 1
        return true
    }

    /// Four times the room, each slot placed again by its kept tag.
    mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 4)
        let mask = slots.count - 1
        for s in old where s != 0 {
            var i = Int(s >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}

struct JSONParser {
    let b: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// Set when the object scanned with a `capture` had a key with escapes or
    /// non-ASCII bytes, which a byte comparison cannot match: the caller then
    /// builds that object to be sure.
    var uncertainCapture = false
    /// The key ranges of the objects `skip` is inside, innermost last.
    var keyStack: [(Int, Int)] = []
    /// When set, `recordArray` notes every record's bytes and its `field`.
    var spans: [(String?, Range<Int>)]?
    /// When set, records are built with only these keys (the rest checked, not built).
    var keep: Set<String>?
    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        keyStack.reserveCapacity(64)
    }

    /// The first position from `from` that holds `"`, `\\`, a control
    /// character or (unless `highToo` is false) a byte of a multi-byte UTF-8
    /// sequence: eight bytes at a time, as strings are most of a store file.
    func plainRun(from: Int, highToo: Bool = true) -> Int {
        var i = from
        let n = b.count
        let base = UnsafeRawPointer(b.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let highMask = highToo ? highs : 0
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let q = w ^ (ones &* 0x22)
            let s = w ^ (ones &* 0x5C)
            // Nonzero exactly when some byte is zero (after the xor), or below 0x20.
            let special = ((q &- ones) & ~q) | ((s &- ones) & ~s) | ((w &- ones &* 0x20) & ~w)
            if (special & highs) | (w & highMask) != 0 { break }
            i += 8
        }
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || (highToo && c >= 0x80) { return i }
            i += 1
        }
        return n
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: pos, reason: reason) }

    /// The whole input as one value.
    mutating func document() throws -> JSON {
        skipSpace()
        let v = try value(depth: 0)
        skipSpace()
        guard pos == b.count else { throw fail("trailing characters") }
        return v
    }

    mutating func skipSpace() {
        while pos < b.count {
            switch b[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSON {
        guard depth < 512 else { throw fail("nesting too deep") }
        guard pos < b.count else { throw fail("unexpected end of input") }
        switch b[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var o: [String: JSON] = [:]
            skipSpace()
            if pos < b.count, b[pos] == UInt8(ascii: "}") { pos += 1; return .object(o) }
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                pos += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                guard o.updateValue(v, forKey: key) == nil else { throw fail("duplicate key \"\(key)\"") }
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; return .object(o) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            pos += 1
            var a: [JSON] = []
            skipSpace()
            if pos < b.count, b[pos] == UInt8(ascii: "]") { pos += 1; return .array(a) }
            while true {
                skipSpace()
                a.append(try value(depth: depth + 1))
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; return .array(a) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .int(try integer())
        default:
            throw fail("unexpected character")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= b.count, memcmp(word.utf8Start, b.baseAddress! + pos, n) == 0 else { throw fail("invalid literal") }
        pos += n
    }

    mutating func integer() throws -> Int {
        var negative = false
        if b[pos] == UInt8(ascii: "-") { negative = true; pos += 1 }
        let start = pos
        var v = 0
        // Accumulated with the number's own sign, so Int.min parses too.
        let sign = negative ? -1 : 1
        while pos < b.count, b[pos] >= 0x30, b[pos] <= 0x39 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(sign * Int(b[pos] - 0x30))
            guard !o1, !o2 else { throw fail("number out of range") }
            v = s
            pos += 1
        }
        guard pos > start else { throw fail("expected digits") }
        if pos - start > 1, b[start] == 0x30 { throw fail("leading zero") }
        if pos < b.count, b[pos] == UInt8(ascii: ".") || b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E") {
            throw fail("only whole numbers are allowed")
        }
        return v
    }

    mutating func string() throws -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes.
        while pos < b.count {
            pos = plainRun(from: pos, highToo: false)
            guard pos < b.count else { break }
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                let s = try decodeUTF8(start, pos)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("control character in string") }
            pos += 1
        }
        var bytes = Array(b[start..<pos])
        while pos < b.count {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: bytes, as: UTF8.self) else { throw fail("invalid UTF-8") }
                return s
            }
            if c < 0x20 { throw fail("control character in string") }
            if c != UInt8(ascii: "\\") { bytes.append(c); pos += 1; continue }
            pos += 1
            guard pos < b.count else { break }
            let e = b[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard pos + 1 < b.count, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate")
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("unpaired surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid escape") }
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape")
            }
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= b.count else { throw fail("unexpected end of input") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    // MARK: Building part of a record (a list with --fields)

    /// An object with only the keys in `keep` built; the other values are
    /// checked as `skip` checks them (a record's history is not built for a
    /// list that prints its id and minutes). Anything but an object is built whole.
    mutating func object(keeping keep: Set<String>, depth: Int) throws -> JSON {
        guard depth < 512 else { throw fail("nesting too deep") }
        guard pos < b.count, b[pos] == UInt8(ascii: "{") else { return try value(depth: depth) }
        pos += 1
        var out: [String: JSON] = [:]
        out.reserveCapacity(keep.count)
        var seen: [String] = []
        var ascending = true
        skipSpace()
        if pos < b.count, b[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(out)
        }
        while true {
            skipSpace()
            guard pos < b.count, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            // The store writes keys sorted: while each key is greater than the
            // one before, none can repeat, and nothing needs comparing further.
            if ascending, let last = seen.last, !(last < key) { ascending = false }
            if !ascending, seen.contains(key) { throw fail("duplicate key \"\(key)\"") }
            seen.append(key)
            skipSpace()
            guard pos < b.count, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            pos += 1
            skipSpace()
            if keep.contains(key) { out[key] = try value(depth: depth + 1) } else { try skip(depth: depth + 1) }
            skipSpace()
            guard pos < b.count else { throw fail("unexpected end of input") }
            if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if b[pos] == UInt8(ascii: "}") { pos += 1; return .object(out) }
            throw fail("expected ',' or '}'")
        }
    }

    /// A JSON array of values (`[...]`), objects built with only `keep` when given.
    mutating func array(keeping keep: Set<String>?) throws -> [JSON] {
        skipSpace()
        guard pos < b.count, b[pos] == UInt8(ascii: "[") else { throw fail("expected '['") }
        pos += 1
        var out: [JSON] = []
        skipSpace()
        if pos < b.count, b[pos] == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                skipSpace()
                out.append(try keep.map { try object(keeping: $0, depth: 1) } ?? value(depth: 1))
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; break }
                throw fail("expected ',' or ']'")
            }
        }
        skipSpace()
        guard pos == b.count else { throw fail("trailing characters") }
        return out
    }

}
