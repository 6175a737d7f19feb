#if canImport(Glibc)
import Glibc
#endif

// Bytes → JSON: the entry points and the typed field reader for stored records.

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

    /// False when no string in the document can be `s`: its quoted bytes do
    /// not occur, and no `\u` escape does, the only other way to write a
    /// string without quotes, backslashes, slashes or control characters
    /// (which `s` must be). A test of a few microseconds before a scan.
    static func mayHoldString(_ bytes: [UInt8], _ s: String) -> Bool {
        precondition(!s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x2F || $0 == 0x5C }, "a plain string")
        func occurs(_ needle: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { hay in
                needle.withUnsafeBytes { glibcMemmem(hay.baseAddress, hay.count, $0.baseAddress, $0.count) != nil }
            }
        }
        return occurs(Array("\"\(s)\"".utf8)) || occurs(Array("\\u".utf8))
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

/// glibc's memmem(3), a GNU extension that Swift's Glibc module does not export.
@_silgen_name("memmem")
private func glibcMemmem(_ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?, _ needleLength: Int) -> UnsafeMutableRawPointer?
