#if canImport(Glibc)
import Glibc
#endif

// JSON → bytes: sorted keys, compact or indented, deterministic to the byte.

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
        let parts = Parallel.map(Parallel.chunks(items.count, minimumChunk: 64)) { r -> [UInt8] in
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
