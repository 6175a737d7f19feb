// Fuzz target: the CSV hours import (`wt declarations import FILE.csv`).
//
// Invariants: no trap; a refusal is an invalid error (exit 6) with a message that holds
// no raw control character; accepted rows carry ascending line numbers within the file,
// trimmed fields and 3 or 4 columns' worth of values; and writing the rows back as CSV
// (every field quoted) and importing that gives the same rows.

@testable import WTKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkCSV(inputBytes(data, size))
    return 0
}

func checkCSV(_ bytes: [UInt8]) {
    let rows: [HoursImport.Row]
    do {
        rows = try HoursImport.parse(bytes)
    } catch {
        requireWTError(error, [.invalid], "HoursImport.parse(\(inputText(bytes).debugDescription))")
        return
    }
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    var previous = 0
    for row in rows {
        require(row.line > previous && row.line <= lines, "row line \(row.line) after \(previous), file has at most \(lines) lines")
        previous = row.line
        for field in [row.contract, row.date, row.hours, row.type ?? "x"] {
            require(field == field.trimmingCharacters(in: .whitespaces), "untrimmed field \(field.debugDescription)")
        }
        require(row.type != "", "an empty type is no type")
        require(!(row.contract + row.date + row.hours).trimmingCharacters(in: .whitespaces).isEmpty || row.type != nil,
                "a blank row was kept at line \(row.line)")
    }
    // Doubling quotes on Unicode scalars: `"` followed by a combining mark is one Character.
    func quoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for c in s.unicodeScalars {
            if c == "\"" { out.append("\"") }
            out.append(c)
        }
        out.append("\"")
        return String(out)
    }
    let written = rows.map { r in
        ([r.contract, r.date, r.hours] + (r.type.map { [$0] } ?? [])).map(quoted).joined(separator: ",")
    }.joined(separator: "\r\n")
    let again: [HoursImport.Row]
    do { again = try HoursImport.parse(Array(written.utf8)) } catch {
        require(false, "rows written back as CSV do not import: \(error)\n\(written.debugDescription)")
        return
    }
    let strip = { (rs: [HoursImport.Row]) in rs.map { [$0.contract, $0.date, $0.hours, $0.type ?? "-"] } }
    require(strip(again) == strip(rows), "CSV round trip changed the rows: \(strip(rows)) → \(strip(again))")
}
