import Foundation
import XCTest

@testable import WTKit

/// The store's own JSON: what it accepts, what it refuses, and the exact bytes
/// it writes (the store's files and `--format json` depend on them).
final class JSONTests: XCTestCase {
    func parse(_ s: String) throws -> JSON { try JSON.parse(s) }

    func refuses(_ s: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSON.parse(s), "accepted \(s)", file: file, line: line) { e in
            let r = (e as? JSONParseError)?.reason ?? "\(e)"
            XCTAssertTrue(r.contains(reason), "\(s): \(r), expected \(reason)", file: file, line: line)
        }
    }

    func testScalarsAndWhitespace() throws {
        XCTAssertEqual(try parse(" \t\r\n null \n"), .null)
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("false"), .bool(false))
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("-42"), .int(-42))
        XCTAssertEqual(try parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(Int.min))
        XCTAssertEqual(try parse("-0"), .int(0))
        XCTAssertEqual(try parse("\"\""), .string(""))
        XCTAssertEqual(try parse("[]"), .array([]))
        XCTAssertEqual(try parse("{}"), .object([:]))
        XCTAssertEqual(try parse("[ 1 , [ ] , { } ]"), .array([.int(1), .array([]), .object([:])]))
    }

    func testOnlyWholeNumbers() {
        refuses("1.5", "whole numbers")
        refuses("1e3", "whole numbers")
        refuses("2E1", "whole numbers")
        refuses("01", "leading zero")
        refuses("-", "expected digits")
        refuses("+1", "unexpected character")
        refuses("9223372036854775808", "out of range")
        refuses("-9223372036854775809", "out of range")
        refuses("[1,]", "unexpected character")
    }

    func testMalformedDocuments() {
        refuses("", "end of input")
        refuses("[1 2]", "expected ',' or ']'")
        refuses("{\"a\" 1}", "expected ':'")
        refuses("{\"a\":1,}", "expected a key")
        refuses("{a:1}", "expected a key")
        refuses("[1] x", "trailing characters")
        refuses("nul", "invalid literal")
        refuses("tru", "invalid literal")
        refuses("\"abc", "unterminated string")
        refuses("[", "end of input")
        refuses("{\"a\":", "end of input")
    }

    func testDuplicateKeysAreRefused() {
        refuses("{\"a\":1,\"a\":2}", "duplicate key \"a\"")
        refuses("{\"x\":{\"b\":1,\"b\":1}}", "duplicate key \"b\"")
    }

    func testEscapes() throws {
        XCTAssertEqual(try parse(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{08}\u{0C}\n\r\t"))
        XCTAssertEqual(try parse(#""a\u0041\u00e9\u20AC""#), .string("aAé€"))
        XCTAssertEqual(try parse(#""\u0000""#), .string("\u{0}"))
        refuses(#""\x""#, "invalid escape")
        refuses(#""\u12G4""#, "invalid \\u escape")
        refuses(#""\u12""#, "end of input")
        refuses("\"a\u{01}b\"", "control character")
        refuses("\"a\nb\"", "control character")
    }

    func testUnicodeAndSurrogates() throws {
        XCTAssertEqual(try parse("\"Ĳsselmonde – café 😀\""), .string("Ĳsselmonde – café 😀"))
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse(#""x\uD834\uDD1Ey""#), .string("x𝄞y"))
        refuses(#""\ud83d""#, "unpaired surrogate")
        refuses(#""\ud83dx""#, "unpaired surrogate")
        refuses(#""\ud83d\u0041""#, "unpaired surrogate")
        refuses(#""\ude00""#, "unpaired surrogate")
        XCTAssertThrowsError(try JSON.parse([0x22, 0xFF, 0x22]), "invalid UTF-8 is refused")
        XCTAssertThrowsError(try JSON.parse([0x22, 0xC3, 0x22]), "a cut UTF-8 sequence is refused")
        XCTAssertThrowsError(try JSON.parse([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]), "an encoded surrogate is refused")
    }

    func testNesting() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        var v = try parse(deep)
        var depth = 0
        while case .array(let a) = v, let first = a.first {
            v = first
            depth += 1
        }
        XCTAssertEqual(depth, 499)
        refuses(String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "nesting too deep")
        let o = try parse(#"{"a":{"b":[{"c":[1,{"d":null}]}]}}"#)
        XCTAssertEqual(o["a"]?["b"]?.arrayValue?.first?["c"]?.arrayValue?.last?["d"], .null)
    }

    func testSerializedIsCompactSortedAndEscaped() {
        let v: JSON = [
            "b": [1, -20, true, false, nil], "a": "x\"y\\z\n\r\t\u{01}\u{7F}\u{2028}\u{2029}é😀", "C": [:], "aa": [],
        ]
        XCTAssertEqual(
            v.serialized(),
            #"{"C":{},"a":"x\"y\\z\n\r\t\u0001\u007f\u2028\u2029é😀","aa":[],"b":[1,-20,true,false,null]}"#)
        XCTAssertEqual(v.serializedBytes(), Array(v.serialized().utf8))
        XCTAssertEqual(JSON.int(Int.min).serialized(), "-9223372036854775808")
        XCTAssertEqual(JSON.string("/").serialized(), #""/""#, "a slash is not escaped")
    }

    func testPrettyIsIndentedWithTwoSpaces() {
        let v: JSON = ["b": [1, ["c": "d"]], "a": [], "e": [:]]
        XCTAssertEqual(v.pretty(), "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {\n      \"c\": \"d\"\n    }\n  ],\n  \"e\": {}\n}")
    }

    func testRoundTrips() throws {
        let samples: [JSON] = [
            .null, .bool(true), .int(Int.max), .int(Int.min), .string("\u{0}\u{1F}\u{7F}\u{80}\u{FFFF}\u{10FFFF}"),
            ["records": [["id": "d-1", "lines": [["minutes": 480]], "comments": [], "invoice": nil]]],
            .array((0..<300).map { .string(String(repeating: "é\"\\", count: $0 % 7)) }),
        ]
        for v in samples {
            XCTAssertEqual(try JSON.parse(v.serializedBytes()), v)
            XCTAssertEqual(try JSON.parse(v.pretty()), v)
            XCTAssertEqual(try JSON.parse(v.serialized()).serialized(), v.serialized())
        }
        // Every scalar class survives, and agrees with Foundation's reading of our output.
        var text = ""
        for scalar in [0x00, 0x08, 0x1F, 0x20, 0x22, 0x5C, 0x7E, 0x7F, 0xA0, 0x7FF, 0x800, 0x2028, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF] {
            text.unicodeScalars.append(Unicode.Scalar(UInt32(scalar))!)
        }
        let bytes = JSON.array([.string(text)]).serializedBytes()
        XCTAssertEqual(try JSON.parse(bytes), .array([.string(text)]))
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        XCTAssertEqual(foundation, [text])
    }

    func testRandomDocumentsRoundTrip() throws {
        let random = SeededRandomSource(seed: 8)
        func make(_ depth: Int) -> JSON {
            switch random.int(in: 0...(depth > 3 ? 3 : 5)) {
            case 0: return .null
            case 1: return .bool(random.int(in: 0...1) == 1)
            case 2: return .int(random.int(in: -1_000_000...1_000_000))
            case 3:
                var s = ""
                for _ in 0..<random.int(in: 0...12) {
                    s.unicodeScalars.append(Unicode.Scalar(UInt32([0x0A, 0x22, 0x5C, 0x41, 0xE9, 0x1F600, 0x2028][random.int(in: 0...6)]))!)
                }
                return .string(s)
            case 4: return .array((0..<random.int(in: 0...4)).map { _ in make(depth + 1) })
            default:
                var o: [String: JSON] = [:]
                for i in 0..<random.int(in: 0...4) { o["k\(i)\(random.int(in: 0...9))"] = make(depth + 1) }
                return .object(o)
            }
        }
        for _ in 0..<300 {
            let v = make(0)
            XCTAssertEqual(try JSON.parse(v.serializedBytes()), v)
        }
    }

    // MARK: parseRecords: checks the whole file, builds only what matches

    func records(_ s: String, field: String = "id", _ values: Set<String>) throws -> [JSON] {
        try JSON.parseRecords(Array(s.utf8), field: field, in: values)
    }

    func testParseRecordsBuildsOnlyTheMatches() throws {
        let file = #"{"records":[{"id":"w-1","name":"A","tags":[1,{"x":null}]},{"id":"w-2","name":"B\u00e9"},{"name":"no id"},{"id":3},{"id":"w-3","name":"C"}]}"#
        let all = try parse(file)["records"]!.arrayValue!
        XCTAssertEqual(try records(file, ["w-1", "w-3"]), [all[0], all[4]])
        XCTAssertEqual(try records(file, ["w-2"]), [all[1]])
        XCTAssertEqual(try records(file, []), [])
        XCTAssertEqual(try records(file, field: "name", ["Bé"]), [all[1]], "an escaped value matches by its text")
        XCTAssertEqual(try records(#"{"other":[1],"records":[]}"#, ["x"]), [])
        XCTAssertEqual(try records(#"{}"#, ["x"]), [])
        XCTAssertEqual(try records(#"{"records":{"id":"x"}}"#, ["x"]), [], "records that are not an array hold nothing")
        XCTAssertEqual(try records(#"[{"id":"x"}]"#, ["x"]), [], "another shape is parsed whole")
    }

    /// Whatever `parse` refuses, `parseRecords` refuses, also inside records it does not build.
    func testParseRecordsRefusesWhatParseRefuses() {
        let bad = [
            #"{"records":[{"id":"a","id":"b"}]}"#,
            #"{"records":[{"id":"x","n":{"k":1,"k":2}}]}"#,
            #"{"records":[{"id":"x","k":1,"k":2}]}"#,
            "{\"records\":[{\"id\":\"x\",\"K\":1,\"\u{212A}\":2}]}",
            #"{"records":[{"id":"x","n":1.5}]}"#,
            #"{"records":[{"id":"x","n":01}]}"#,
            #"{"records":[{"id":"x","s":"\q"}]}"#,
            #"{"records":[{"id":"x","s":"\ud800"}]}"#,
            "{\"records\":[{\"id\":\"x\",\"s\":\"a\u{01}\"}]}",
            #"{"records":[{"id":"x"},]}"#,
            #"{"records":[{"id":"x"}],"records":[]}"#,
            #"{"records":[{"id":"x"}]} x"#,
            #"{"records":[{"id":"x" "n":1}]}"#,
            #"{"records":[{"id":"x","n":[1 2]}]}"#,
            #"{"records":[{"id":"x","n":tru}]}"#,
            #"{"records":[{"id":"x"}"#,
            #"{"records":[{"id":"x","s":"abc}]}"#,
            "{\"records\":[" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "]}",
        ]
        for text in bad {
            XCTAssertThrowsError(try parse(text), "parse accepts \(text)")
            XCTAssertThrowsError(try records(text, ["y"]), "parseRecords accepts \(text)")
            XCTAssertThrowsError(try records(text, ["x"]), "parseRecords accepts \(text)")
        }
        var invalidUTF8 = Array(#"{"records":[{"id":"x","s":""#.utf8)
        invalidUTF8 += [0xC3, 0x28]
        invalidUTF8 += Array(#""}]}"#.utf8)
        XCTAssertThrowsError(try JSON.parse(invalidUTF8))
        XCTAssertThrowsError(try JSON.parseRecords(invalidUTF8, field: "id", in: ["y"]))
    }

    func testParseRecordsAgreesWithParseOnRandomRecordFiles() throws {
        let random = SeededRandomSource(seed: 11)
        for _ in 0..<100 {
            var records: [JSON] = []
            for n in 0..<random.int(in: 0...20) {
                var o: [String: JSON] = ["id": .string("r-\(random.int(in: 1...10))"), "n": .int(n)]
                if random.int(in: 0...2) == 0 { o["s"] = .string("é\"\\\n😀 \u{2028}") }
                if random.int(in: 0...3) == 0 { o["nested"] = ["a": [1, ["b": nil]], "id": "inner"] }
                records.append(.object(o))
            }
            let file = JSON.object(["records": .array(records)])
            let want: Set<String> = ["r-\(random.int(in: 1...10))", "r-\(random.int(in: 1...10))"]
            for bytes in [file.serializedBytes(), Array(file.pretty().utf8)] {
                XCTAssertEqual(
                    try JSON.parseRecords(bytes, field: "id", in: want),
                    records.filter { want.contains($0["id"]!.stringValue!) })
            }
        }
    }

    // MARK: value(key:) and countRecords: index lookups and counts without building

    func testValueOfOneKeyReadsAnIndexWithoutBuildingIt() throws {
        var big: [String: JSON] = [:]
        for n in 1...5000 { big["d-\(n)"] = .string("cl-\(n % 7)/open") }
        big["nested"] = ["a": [1, 2]]
        let bytes = JSON.object(big).serializedBytes()
        XCTAssertEqual(try JSON.value(bytes, key: "d-4096"), .string("cl-1/open"))
        XCTAssertEqual(try JSON.value(bytes, key: "nested"), ["a": [1, 2]])
        XCTAssertNil(try JSON.value(bytes, key: "d-9999"))
        XCTAssertEqual(try JSON.value(Array(#"{"d\u002d1":"x","e":1}"#.utf8), key: "d-1"), .string("x"), "an escaped key is still found")
        XCTAssertEqual(try JSON.value(Array("{\"caf\u{E9}\":1,\"k\":2}".utf8), key: "k"), .int(2))
        // Only an object has keys: an index that is an array or null is damage, not an absent entry.
        XCTAssertThrowsError(try JSON.value(Array("[1]".utf8), key: "k"))
        XCTAssertThrowsError(try JSON.value(Array("null".utf8), key: "k"))
        // Whatever parse refuses, the lookup refuses, in a big object too.
        var dup = bytes
        dup.removeLast()
        dup += Array(#","d-17":"x"}"#.utf8)
        XCTAssertThrowsError(try JSON.parse(dup))
        XCTAssertThrowsError(try JSON.value(dup, key: "d-1"))
        XCTAssertThrowsError(try JSON.value(Array(#"{"a":1,"b":01}"#.utf8), key: "a"))
        XCTAssertThrowsError(try JSON.value(Array(#"{"a":1} 2"#.utf8), key: "a"))
        XCTAssertThrowsError(try JSON.value(Array("{\"K\":1,\"\u{212A}\":2}".utf8), key: "x"))
    }

    func testCountRecords() throws {
        let file = Array(#"{"records":[{"client":"cl-1"},{"client":"cl-2"},{"client":"cl-1","x":[{}]},{"id":1}]}"#.utf8)
        XCTAssertEqual(try JSON.countRecords(file, field: "client", in: nil), 4)
        XCTAssertEqual(try JSON.countRecords(file, field: "client", in: ["cl-1"]), 2)
        XCTAssertEqual(try JSON.countRecords(file, field: "client", in: ["cl-3"]), 0)
        XCTAssertEqual(try JSON.countRecords(Array(#"{"records":[{"cl\u0069ent":"cl-1"}]}"#.utf8), field: "client", in: ["cl-1"]), 1)
        XCTAssertThrowsError(try JSON.countRecords(Array(#"{"records":[{"client":"cl-1","client":"cl-1"}]}"#.utf8), field: "client", in: nil))
    }

    // MARK: the eight-bytes-at-a-time scans (strings, escapes) at every alignment

    /// Every character that stops a scan, at every offset of strings around
    /// the eight-byte word: written, read back, and scanned past in records
    /// that are not built, all agree.
    func testStringsWithSpecialCharactersAtEveryOffset() throws {
        let specials: [Unicode.Scalar] = ["\"", "\\", "\u{01}", "\n", "\u{7F}", "é", "\u{2028}", "\u{2029}", "\u{2030}", "😀"]
        for special in specials {
            for offset in 0..<18 {
                for length in [offset + 1, offset + 9, 24] {
                    var text = String(repeating: "a", count: offset)
                    text.unicodeScalars.append(special)
                    text += String(repeating: "b", count: max(0, length - offset - 1))
                    let record: JSON = ["id": "x", "s": .string(text), "z": .string(text)]
                    let file = JSON.object(["records": [record, ["id": "y", "s": .string(text)]]])
                    let bytes = file.serializedBytes()
                    XCTAssertEqual(try JSON.parse(bytes), file, "offset \(offset), \(special.value)")
                    XCTAssertEqual(try JSON.parseRecords(bytes, field: "id", in: ["x"]), [record])
                    XCTAssertEqual(try JSON.parseRecords(bytes, field: "s", in: [text]).count, 2, "matched by its text")
                    XCTAssertEqual(try JSON.parse(file.pretty()), file)
                }
            }
        }
    }

    /// A control character or invalid UTF-8 is refused wherever it stands,
    /// also in a record that is only scanned.
    func testBadBytesAreRefusedAtEveryOffset() {
        for offset in 0..<18 {
            for bad: [UInt8] in [[0x01], [0x1F], [0xC3, 0x28], [0xFF], [0xE2, 0x80]] {
                var file = Array(#"{"records":[{"id":"y","s":""#.utf8)
                file += Array(repeating: UInt8(ascii: "a"), count: offset) + bad + Array(repeating: UInt8(ascii: "b"), count: 9)
                file += Array(#""}]}"#.utf8)
                XCTAssertThrowsError(try JSON.parse(file), "offset \(offset) \(bad)")
                XCTAssertThrowsError(try JSON.parseRecords(file, field: "id", in: ["x"]), "offset \(offset) \(bad)")
            }
        }
    }

    /// Duplicate keys are found in scanned records whatever the object's size
    /// and nesting (the scanner keeps every open object's keys on one stack).
    func testDuplicateKeysInScannedRecordsOfEverySize() throws {
        for size in [2, 15, 16, 17, 40] {
            let keys = (0..<size).map { "k\($0)" }
            let plain = keys.map { "\"\($0)\":{\"id\":1,\"\($0)\":[{\"k1\":2,\"id\":3}]}" }.joined(separator: ",")
            let ok = #"{"records":[{"id":"y","# + plain + "}]}"
            XCTAssertEqual(try JSON.parseRecords(Array(ok.utf8), field: "id", in: ["x"]), [], "the same keys in nested objects are no duplicates")
            XCTAssertEqual(try JSON.parseRecords(Array(ok.utf8), field: "id", in: ["y"]).count, 1)
            for dup in [keys.first!, keys.last!, "id"] {
                let bad = #"{"records":[{"id":"y","# + plain + ",\"\(dup)\":0}]}"
                XCTAssertThrowsError(try JSON.parse(bad), "\(size) keys, \(dup) twice")
                XCTAssertThrowsError(try JSON.parseRecords(Array(bad.utf8), field: "id", in: ["x"]), "\(size) keys, \(dup) twice")
            }
            let nestedDup = #"{"records":[{"id":"y","# + plain + #","n":{"a":1,"b":2,"a":3}}]}"#
            XCTAssertThrowsError(try JSON.parseRecords(Array(nestedDup.utf8), field: "id", in: ["x"]))
        }
    }

    /// Records built with only some keys refuse a repeated key wherever it
    /// is, sorted keys or not (the parser skips the comparison only while
    /// every key is greater than the one before).
    func testDuplicateKeysInRecordsBuiltWithSomeKeys() throws {
        let keep: Set<String> = ["id", "c"]
        for (text, ok) in [
            (#"{"records":[{"a":1,"c":2,"id":"x"}]}"#, true),
            (#"{"records":[{"c":1,"a":2,"id":"x"}]}"#, true),
            (#"{"records":[{"c":1,"a":2,"c":3}]}"#, false),
            (#"{"records":[{"a":1,"c":2,"c":3}]}"#, false),
            (#"{"records":[{"id":"x","b":1,"a":2,"id":"y"}]}"#, false),
            (#"{"records":[{"b":1,"a":2,"b":3,"id":"x"}]}"#, false),
        ] {
            let records = { try JSON.parseRecords(Array(text.utf8), field: "id", in: nil, keeping: keep) }
            if ok {
                XCTAssertEqual(try records().first?["c"], .int(text.contains(#""c":1"#) ? 1 : 2), text)
            } else {
                XCTAssertThrowsError(try records(), text)
                XCTAssertThrowsError(try JSON.parse(text), text)
            }
        }
    }

    /// The cheap test before a scan says "no" only when no string of the document can be the one asked for.
    func testMayHoldStringIsNoOnlyWhenNoStringCanBeIt() throws {
        let week = "2026-W40"
        for (text, may) in [
            (#"{"records":[{"week":"2026-W40"}]}"#, true),
            (#"{"records":[{"week": "2026-W40" }]}"#, true),
            (#"{"records":[{"week":"2026-W41"}]}"#, false),
            (#"{"records":[{"week":"2026-W4"}],"x":"2026-W400"}"#, false),
            (#"{"records":[{"week":"2026-\u005740"}]}"#, true),
            (#"{"records":[{"note":"\u00e9"}]}"#, true),
            (#"{"records":[]}"#, false),
        ] {
            XCTAssertEqual(JSON.mayHoldString(Array(text.utf8), week), may, text)
            // Whenever it says no, a parse agrees.
            if !may {
                let strings = try collectStrings(JSON.parse(text))
                XCTAssertFalse(strings.contains(week), text)
            }
        }
    }

    func collectStrings(_ v: JSON) -> [String] {
        switch v {
        case .string(let s): return [s]
        case .array(let a): return a.flatMap(collectStrings)
        case .object(let o): return o.keys.map { $0 } + o.values.flatMap(collectStrings)
        default: return []
        }
    }

    func testIntegersAreWrittenExactly() throws {
        for i in [0, 9, 10, 99, 100, 480, -1, -10, -480, Int.max, Int.min, 1_000_000_007] {
            XCTAssertEqual(JSON.int(i).serialized(), String(i))
            XCTAssertEqual(try JSON.parse(JSON.int(i).serialized()), .int(i))
        }
    }

    // MARK: long lists are written in parallel chunks, byte for byte as one

    func testPrettyArrayIsPrettyOfTheArrayAtEverySize() throws {
        let random = SeededRandomSource(seed: 21)
        for count in [0, 1, 2, 255, 256, 257, 511, 512, 513, 1001] {
            let items: [JSON] = (0..<count).map { n in
                ["id": .string("d-\(n)"), "n": .int(random.int(in: -500...500)), "s": "é\"\n\u{2028}",
                 "lines": [["date": "2026-11-30", "minutes": 480]], "empty": [:], "none": []]
            }
            XCTAssertEqual(JSON.prettyArray(items), JSON.array(items).pretty(), "\(count) items")
        }
    }

    func testJSONLinesListIsOneSerializedRecordPerLine() throws {
        let rows: [JSON] = (0..<700).map { ["id": .string("d-\($0)"), "minutes": .int($0)] }
        let schema = Schema([Field("id"), Field("minutes", .minutes)])
        var g = GlobalOptions()
        g.format = .jsonl
        let text = try Renderer.list(rows, schema: schema, options: g, colour: false)
        XCTAssertEqual(text, rows.map { $0.serialized() + "\n" }.joined())
    }
}
