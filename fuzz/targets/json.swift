// Fuzz target: the JSON parser of the store and of `--format json`.
//
// Invariants: no trap (also for deep nesting and huge numbers); a refusal is a
// JSONParseError with a reason and an offset inside the input; a parsed value
// serializes (compact and pretty) to text that parses back to the same value.

@testable import WTKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkJSON(inputBytes(data, size))
    return 0
}

func checkJSON(_ bytes: [UInt8]) {
    let value: JSON
    do {
        value = try JSON.parse(bytes)
    } catch let e as JSONParseError {
        require(!e.reason.isEmpty, "empty reason for \(bytes)")
        require((0...bytes.count).contains(e.offset), "offset \(e.offset) outside 0...\(bytes.count)")
        return
    } catch {
        require(false, "JSON.parse threw \(type(of: error)): \(error)")
        return
    }
    let compact = value.serialized()
    require((try? JSON.parse(compact)) == value, "parse(serialized(x)) != x for \(compact)")
    let pretty = value.pretty()
    require((try? JSON.parse(pretty)) == value, "parse(pretty(x)) != x for \(pretty)")
    require((try? JSON.parse(compact))?.serialized() == compact, "serialized form not stable: \(compact)")
}
