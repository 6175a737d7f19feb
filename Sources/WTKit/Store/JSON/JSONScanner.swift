#if canImport(Glibc)
import Glibc
#endif

// Scanning without building: records, spans and keys of a document, checked but not made into values.

extension JSONParser {
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
