#if canImport(Glibc)
import Glibc
#endif

/// A JSON value. The store's files and `--format json` are written from it, with
/// sorted keys and no insignificant whitespace choices left to chance, so output
/// is byte-for-byte deterministic.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? { if case .int(let i) = self { return i }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [String: JSON]? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { self == .null }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral v: String) { self = .string(v) }
    public init(integerLiteral v: Int) { self = .int(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(arrayLiteral v: JSON...) { self = .array(v) }
    public init(dictionaryLiteral v: (String, JSON)...) { self = .object(Dictionary(v, uniquingKeysWith: { $1 })) }
    public init(nilLiteral: ()) { self = .null }
}

public extension JSON {
    /// `nil` becomes `null`, so optional fields are always present in output.
    init(_ s: String?) { self = s.map { .string($0) } ?? .null }
    init(_ i: Int?) { self = i.map { .int($0) } ?? .null }
    init(_ strings: [String]) { self = .array(strings.map { .string($0) }) }
}

// MARK: - Serialising

public extension JSON {
    /// Compact, sorted keys: the form of the store's files and of `jsonl`.
    func serialized() -> String { String(decoding: serializedBytes(), as: UTF8.self) }

    /// `serialized()` as UTF-8 bytes, without a detour through `String`: what
    /// the store writes.
    func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented with two spaces and sorted keys: the form of `--format json`.
    func pretty() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, indent: 2, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// `JSON.array(items).pretty()`, with long lists written in one chunk
    /// per core: a store-wide list prints megabytes.
    static func prettyArray(_ items: [JSON]) -> String {
        if items.isEmpty { return "[]" }
        let parts = Parallel.map(Parallel.chunks(items.count, minimumChunk: 256)) { r -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(r.count * 512)
            for k in r {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, 2)
                items[k].write(into: &out, indent: 2, level: 1)
            }
            return out
        }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(parts.reduce(2) { $0 + $1.count })
        for p in parts { out.append(contentsOf: p) }
        out.append(0x0A)
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    // Bytes are appended to one array: appending to a `String` through its
    // `unicodeScalars` view copied the whole string each time (quadratic).
    private func write(into out: inout [UInt8], indent: Int?, level: Int) {
        switch self {
        case .null: JSON.append("null", to: &out)
        case .bool(let b): JSON.append(b ? "true" : "false", to: &out)
        case .int(let i): JSON.appendInt(i, to: &out)
        case .string(let s): JSON.writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { JSON.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            for (n, v) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { JSON.newline(&out, indent * (level + 1)) }
                v.write(into: &out, indent: indent, level: level + 1)
            }
            if let indent { JSON.newline(&out, indent * level) }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { JSON.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            // Sorting the dictionary's positions, not copies of its entries,
            // and reading each entry by position: no rehashing, no copying.
            var order = Array(o.indices)
            order.sort { o[$0].key < o[$1].key }
            for (n, i) in order.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { JSON.newline(&out, indent * (level + 1)) }
                JSON.writeString(o[i].key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                o[i].value.write(into: &out, indent: indent, level: level + 1)
            }
            if let indent { JSON.newline(&out, indent * level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func newline(_ out: inout [UInt8], _ count: Int) {
        out.append(0x0A)
        var left = count
        while left > 0 {
            let n = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            left -= n
        }
    }

    private static func appendInt(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        if i < 0 { out.append(UInt8(ascii: "-")) }
        // Digits are written least significant first, then reversed in place.
        let start = out.count
        var m = i.magnitude
        while m > 0 {
            out.append(0x30 + UInt8(m % 10))
            m /= 10
        }
        out[start...].reverse()
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The first position from `from` whose byte may need escaping (`"`,
    /// `\\`, a control character, DEL, or 0xE2, which starts U+2028 and
    /// U+2029): eight bytes at a time, as most text needs none.
    private static func escapeRun(_ u: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        let n = u.count
        let base = UnsafeRawPointer(u.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let q = w ^ (ones &* 0x22), s = w ^ (ones &* 0x5C), d = w ^ (ones &* 0x7F), e = w ^ (ones &* 0xE2)
            let special = ((w &- ones &* 0x20) & ~w) | ((q &- ones) & ~q) | ((s &- ones) & ~s) | ((d &- ones) & ~d) | ((e &- ones) & ~e)
            if special & highs != 0 { break }
            i += 8
        }
        while i < n {
            let c = u[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || c == 0x7F || c == 0xE2 { return i }
            i += 1
        }
        return n
    }

    /// Escapes `"`, `\\`, control characters, DEL and U+2028/U+2029 (which
    /// break JavaScript and some line-oriented tools); everything else is UTF-8 as is.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var plain = 0
            var i = 0
            let n = u.count
            while i < n {
                i = escapeRun(u, from: i)
                guard i < n else { break }
                let c = u[i]
                var escape: StaticString?
                var hex: UInt8?
                var width = 1
                switch c {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    escape = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    if c < 0x20 || c == 0x7F { hex = c }
                }
                if escape == nil && hex == nil {
                    i += 1
                    continue
                }
                if plain < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[plain..<i])) }
                if let escape {
                    append(escape, to: &out)
                } else if let h = hex {
                    append("\\u00", to: &out)
                    out.append(hexDigits[Int(h >> 4)])
                    out.append(hexDigits[Int(h & 0xF)])
                }
                i += width
                plain = i
            }
            if plain < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[plain..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - Parsing

public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

public extension JSON {
    /// Parses RFC 8259 JSON. Numbers must be integers (the store keeps money as
    /// strings and hours as minutes); anything else is a parse error, which the
    /// store reports as damage rather than guessing.
    static func parse(_ bytes: [UInt8]) throws -> JSON {
        try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            return try p.document()
        }
    }

    static func parse(_ string: String) throws -> JSON { try parse(Array(string.utf8)) }

    /// How many records of a record file have `field` in `values` (every
    /// record when nil), checking the file as `parseRecords` does, building none.
    static func countRecords(_ bytes: [UInt8], field: String, in values: Set<String>?) throws -> Int {
        let counted: [JSON]? = try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            return try p.records(field: Array(field.utf8), values: values, build: false)
        }
        if let counted { return counted.count }
        guard case .array(let all)? = try parse(bytes)["records"] else { return 0 }
        return values.map { v in all.filter { $0[field]?.stringValue.map(v.contains) ?? false }.count } ?? all.count
    }

    /// The value of one key of a top-level object (an index file), checking
    /// the document as `parse` does but building only that value.
    static func value(_ bytes: [UInt8], key: String) throws -> JSON? {
        guard key.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else {
            return try parse(bytes)[key]
        }
        return try bytes.withUnsafeBufferPointer { buf -> JSON? in
            var p = JSONParser(buf)
            p.skipSpace()
            guard p.pos < buf.count, buf[p.pos] == UInt8(ascii: "{") else {
                // Only an object has keys: anything else here is damage, not an absent entry.
                p.pos = 0
                guard case .object(let o) = try p.document() else { throw p.fail("expected an object") }
                return o[key]
            }
            let found = try p.skip(depth: 0, capture: Array(key.utf8), anyValue: true)
            p.skipSpace()
            guard p.pos == buf.count else { throw p.fail("trailing characters") }
            guard let at = found else {
                if p.uncertainCapture {
                    p.pos = 0
                    return try p.document()[key]
                }
                return nil
            }
            p.pos = at
            return try p.value(depth: 1)
        }
    }

    /// Where each record of a record file lies, with its string `field` (nil
    /// when it has none), checking the file exactly as `parse` does and
    /// building nothing: what a change to one record needs to build that one
    /// and copy the others byte for byte. Nil when the file is not one
    /// object holding only a `records` array (it is then read the usual way).
    static func recordSpans(_ bytes: [UInt8], field: String) throws -> [(key: String?, range: Range<Int>)]? {
        try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            p.spans = []
            guard let all = try p.records(field: Array(field.utf8), values: nil, build: false), all.count == p.spans!.count else { return nil }
            // Only {"records":[...]} can be written back from its records alone.
            p.pos = 0
            p.skipSpace()
            let prefix = Array("{\"records\":[".utf8)
            guard buf.count >= p.pos + prefix.count, Array(buf[p.pos..<(p.pos + prefix.count)]) == prefix else { return nil }
            var end = buf.count
            while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(buf[end - 1]) { end -= 1 }
            guard end >= 2, buf[end - 2] == UInt8(ascii: "]"), buf[end - 1] == UInt8(ascii: "}") else { return nil }
            if let last = p.spans!.last, last.1.upperBound != end - 2 { return nil }
            return p.spans!.map { (key: $0.0, range: $0.1) }
        }
    }

    /// The records of a record file (`{"records": [...]}`) whose string field
    /// `field` is one of `values`, in file order. The whole file is checked
    /// exactly as `parse` checks it (syntax, UTF-8, escapes, duplicate keys,
    /// whole numbers, nesting), but the records that do not match are only
    /// scanned, not built: a command that needs 20 of 2,000 workers, or the
    /// submitted declarations of a hot set, pays for reading bytes rather than
    /// for building dictionaries. A file of another shape is parsed whole and
    /// its records array filtered the same way.
    /// Checks a document exactly as `parse` does, building nothing (`store verify`).
    static func check(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            p.skipSpace()
            try p.skip(depth: 0)
            p.skipSpace()
            guard p.pos == buf.count else { throw p.fail("trailing characters") }
        }
    }

    /// `parseRecords`, building each match with only the keys in `keep`.
    static func parseRecords(_ bytes: [UInt8], field: String, in values: Set<String>?, keeping keep: Set<String>?) throws -> [JSON] {
        let kept: [JSON]? = try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            p.keep = keep
            return try p.records(field: Array(field.utf8), values: values)
        }
        if let kept { return kept }
        guard case .array(let all)? = try parse(bytes)["records"] else { return [] }
        let matching = values.map { v in all.filter { $0[field]?.stringValue.map(v.contains) ?? false } } ?? all
        guard let keep else { return matching }
        return matching.map { r in r.objectValue.map { .object($0.filter { keep.contains($0.key) }) } ?? r }
    }

    /// The values of a JSON array text (`[...]`: a run of records cut from a
    /// record file, in brackets), objects built with only `keep` when given.
    static func parseArray(_ bytes: [UInt8], keeping keep: Set<String>?) throws -> [JSON] {
        try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            return try p.array(keeping: keep)
        }
    }

    static func parseRecords(_ bytes: [UInt8], field: String, in values: Set<String>) throws -> [JSON] {
        let kept: [JSON]? = try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            return try p.records(field: Array(field.utf8), values: values)
        }
        if let kept { return kept }
        return records(of: try parse(bytes), field: field, in: values)
    }
}

/// The keys of one object as byte ranges of the buffer being scanned, in an
/// open-addressing table: finding a duplicate among an index's thousands of
/// keys without making a String or a Set of them. Each slot keeps 32 bits of
/// its key's hash, which place it, decide most comparisons without touching
/// the bytes, and let the table grow without hashing a key again.
private struct KeyTable {
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

private struct JSONParser {
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
        var seen: [String] = []
        skipSpace()
        if pos < b.count, b[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(out)
        }
        while true {
            skipSpace()
            guard pos < b.count, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            if seen.contains(key) { throw fail("duplicate key \"\(key)\"") }
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

    // MARK: Scanning without building (parseRecords)

    /// nil when the document is not an object with a `records` array.
    mutating func records(field: [UInt8], values: Set<String>?, build: Bool = true) throws -> [JSON]? {
        skipSpace()
        guard pos < b.count, b[pos] == UInt8(ascii: "{") else { return nil }
        pos += 1
        var kept: [JSON]?
        var keys: [String] = []
        skipSpace()
        if pos < b.count, b[pos] == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                if keys.contains(key) { throw fail("duplicate key \"\(key)\"") }
                keys.append(key)
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                pos += 1
                skipSpace()
                if key == "records" && pos < b.count && b[pos] == UInt8(ascii: "[") {
                    kept = try recordArray(field: field, values: values, build: build)
                } else {
                    try skip(depth: 1)
                }
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; break }
                throw fail("expected ',' or '}'")
            }
        }
        skipSpace()
        guard pos == b.count else { throw fail("trailing characters") }
        return kept ?? (keys.contains("records") ? nil : [])
    }

    /// With `build` false the matches are counted, as `.null`s, not built;
    /// `values` nil matches every record.
    mutating func recordArray(field: [UInt8], values: Set<String>?, build: Bool) throws -> [JSON] {
        pos += 1
        var kept: [JSON] = []
        let wanted = (values ?? []).map { Array($0.utf8) }
        skipSpace()
        if pos < b.count, b[pos] == UInt8(ascii: "]") { pos += 1; return kept }
        while true {
            skipSpace()
            let start = pos
            uncertainCapture = false
            let at = try skip(depth: 2, capture: field)
            if spans != nil {
                var key: String?
                if let at {
                    let end = pos
                    pos = at
                    key = try string()
                    pos = end
                } else if uncertainCapture {
                    let end = pos
                    pos = start
                    key = try value(depth: 2)[String(decoding: field, as: UTF8.self)]?.stringValue
                    pos = end
                }
                spans!.append((key, start..<pos))
            }
            if at == nil && uncertainCapture && values != nil {
                let end = pos
                pos = start
                let record = try value(depth: 2)
                pos = end
                if let v = record[String(decoding: field, as: UTF8.self)]?.stringValue, values!.contains(v) {
                    kept.append(build ? record : .null)
                }
            } else if values == nil || at.map({ capturedValue(at: $0, isOneOf: values!, wanted) }) == true {
                if build {
                    pos = start
                    kept.append(try keep.map { try object(keeping: $0, depth: 2) } ?? value(depth: 2))
                } else {
                    kept.append(.null)
                }
            }
            skipSpace()
            guard pos < b.count else { throw fail("unexpected end of input") }
            if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if b[pos] == UInt8(ascii: "]") { pos += 1; return kept }
            throw fail("expected ',' or ']'")
        }
    }

    /// Whether the string that starts at `at` (already checked) is one of
    /// `values`: compared as bytes when it is plain ASCII, which a record's
    /// status or id always is, so no String is made or hashed per record.
    func capturedValue(at: Int, isOneOf values: Set<String>, _ wanted: [[UInt8]]) -> Bool {
        let start = at + 1
        let end = plainRun(from: start)
        guard end < b.count, b[end] == UInt8(ascii: "\"") else {
            var p = self
            p.pos = at
            return (try? p.string()).map(values.contains) ?? false
        }
        let n = end - start
        for w in wanted where w.count == n {
            if w.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress! + start, n) == 0 }) { return true }
        }
        return false
    }

    /// Checks one value as `value(depth:)` would, without building it. With
    /// `capture`, returns the string value of that key when the value is an
    /// object that has it.
    @discardableResult
    mutating func skip(depth: Int, capture: [UInt8]? = nil, anyValue: Bool = false) throws -> Int? {
        guard depth < 512 else { throw fail("nesting too deep") }
        guard pos < b.count else { throw fail("unexpected end of input") }
        switch b[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var captured: Int?
            // Key byte ranges on the parser's one stack (no array per object),
            // compared as bytes while every key is plain ASCII (pairwise for a
            // record's dozen keys, hashed for an index's thousands); otherwise
            // as Strings, as a Dictionary tells keys apart.
            let base = keyStack.count
            defer { keyStack.removeLast(keyStack.count - base) }
            var table: KeyTable?
            var special = false
            // The store writes keys sorted: while each key is greater than the
            // one before, none can repeat, and nothing needs comparing further.
            var ascending = true
            skipSpace()
            if pos < b.count, b[pos] == UInt8(ascii: "}") { pos += 1; return nil }
            while true {
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let keyStart = pos
                let plain = try skipString()
                let range = (keyStart + 1, pos - 1)
                if !plain {
                    special = true
                    if capture != nil { uncertainCapture = true }
                }
                keyStack.append(range)
                if ascending, keyStack.count - base > 1 {
                    let p = keyStack[keyStack.count - 2]
                    let c = memcmp(b.baseAddress! + p.0, b.baseAddress! + range.0, min(p.1 - p.0, range.1 - range.0))
                    ascending = c < 0 || (c == 0 && p.1 - p.0 < range.1 - range.0)
                }
                if !special && !ascending {
                    var duplicate = false
                    let count = keyStack.count - base
                    if count <= 16 {
                        for k in base..<(keyStack.count - 1) {
                            let r = keyStack[k]
                            if r.1 - r.0 == range.1 - range.0 && memcmp(b.baseAddress! + r.0, b.baseAddress! + range.0, range.1 - range.0) == 0 {
                                duplicate = true
                                break
                            }
                        }
                    } else {
                        if table == nil {
                            table = KeyTable(b, capacity: 64)
                            for k in base..<(keyStack.count - 1) { _ = table!.insert(k, keyStack[base...]) }
                        }
                        duplicate = !table!.insert(keyStack.count - 1, keyStack[base...])
                    }
                    if duplicate {
                        pos = keyStart
                        throw fail("duplicate key \"\(String(decoding: UnsafeBufferPointer(rebasing: b[range.0..<range.1]), as: UTF8.self))\"")
                    }
                }
                skipSpace()
                guard pos < b.count, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                pos += 1
                skipSpace()
                if let capture, plain, range.1 - range.0 == capture.count, pos < b.count, anyValue || b[pos] == UInt8(ascii: "\""),
                    capture.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress! + range.0, capture.count) == 0 })
                {
                    captured = pos
                }
                try skip(depth: depth + 1)
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "}") { pos += 1; break }
                throw fail("expected ',' or '}'")
            }
            if special {
                let end = pos
                var seen = Set<String>()
                for k in base..<keyStack.count {
                    pos = keyStack[k].0 - 1
                    let key = try string()
                    guard seen.insert(key).inserted else { pos = end; throw fail("duplicate key \"\(key)\"") }
                }
                pos = end
            }
            return captured
        case UInt8(ascii: "["):
            pos += 1
            skipSpace()
            if pos < b.count, b[pos] == UInt8(ascii: "]") { pos += 1; return nil }
            while true {
                skipSpace()
                try skip(depth: depth + 1)
                skipSpace()
                guard pos < b.count else { throw fail("unexpected end of input") }
                if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if b[pos] == UInt8(ascii: "]") { pos += 1; return nil }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try integer()
        default:
            throw fail("unexpected character")
        }
        return nil
    }

    /// Checks a string as `string()` would; true when it is plain ASCII
    /// without escapes (so its bytes are its characters).
    @discardableResult
    mutating func skipString() throws -> Bool {
        let quote = pos
        pos += 1
        let segment = pos
        var nonASCII = false
        var plain = true
        func checkSegment(_ end: Int) throws {
            if nonASCII {
                guard String(validating: UnsafeBufferPointer(rebasing: b[segment..<end]), as: UTF8.self) != nil else {
                    throw fail("invalid UTF-8")
                }
            }
        }
        while pos < b.count {
            pos = plainRun(from: pos, highToo: !nonASCII)
            guard pos < b.count else { break }
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                try checkSegment(pos)
                pos += 1
                return plain && !nonASCII
            }
            if c == UInt8(ascii: "\\") {
                // Escapes are rare: check them the way string() does.
                try checkSegment(pos)
                plain = false
                pos = quote
                _ = try string()
                return false
            }
            if c < 0x20 { throw fail("control character in string") }
            if c >= 0x80 { nonASCII = true }
            pos += 1
        }
        throw fail("unterminated string")
    }

    func decodeUTF8(_ from: Int, _ to: Int) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: b[from..<to])
        var ascii = true
        for c in slice where c >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else { throw fail("invalid UTF-8") }
        return s
    }
}

// MARK: - Reading fields of stored records

/// Typed access to a stored record's fields; a missing or mistyped field is a
/// `JSONParseError` that the store turns into "store damaged" (exit 8).
public struct JSONReader {
    public let object: [String: JSON]
    public let what: String

    public init(_ json: JSON, what: String) throws {
        guard case .object(let o) = json else { throw JSONParseError(offset: 0, reason: "\(what): expected an object") }
        object = o
        self.what = what
    }

    func bad(_ key: String, _ expected: String) -> JSONParseError {
        JSONParseError(offset: 0, reason: "\(what): field \"\(key)\" must be \(expected)")
    }

    public func string(_ key: String) throws -> String {
        guard case .string(let s)? = object[key] else { throw bad(key, "a string") }
        return s
    }
    public func optString(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw bad(key, "a string or null")
        }
    }
    public func int(_ key: String) throws -> Int {
        guard case .int(let i)? = object[key] else { throw bad(key, "a whole number") }
        return i
    }
    public func optInt(_ key: String) throws -> Int? {
        switch object[key] {
        case nil, .null?: return nil
        case .int(let i)?: return i
        default: throw bad(key, "a whole number or null")
        }
    }
    public func bool(_ key: String, default d: Bool? = nil) throws -> Bool {
        switch object[key] {
        case .bool(let b)?: return b
        case nil where d != nil: return d!
        default: throw bad(key, "true or false")
        }
    }
    public func array(_ key: String) throws -> [JSON] {
        switch object[key] {
        case .array(let a)?: return a
        case nil: return []
        default: throw bad(key, "an array")
        }
    }
    public func strings(_ key: String) throws -> [String] {
        try array(key).map {
            guard case .string(let s) = $0 else { throw bad(key, "an array of strings") }
            return s
        }
    }
    public func object(_ key: String) throws -> [String: JSON] {
        switch object[key] {
        case .object(let o)?: return o
        case nil: return [:]
        default: throw bad(key, "an object")
        }
    }
    /// Parses a string field with a domain parser, reporting its failure as damage.
    public func parsed<T>(_ key: String, _ parse: (String) throws -> T) throws -> T {
        let s = try string(key)
        do { return try parse(s) } catch { throw bad(key, "valid (\(error))") }
    }
    public func optParsed<T>(_ key: String, _ parse: (String) throws -> T) throws -> T? {
        guard let s = try optString(key) else { return nil }
        do { return try parse(s) } catch { throw bad(key, "valid (\(error))") }
    }
}
