/// Hour types and their billing percentage (`normal=100,overtime125=125`).
public enum HourTypes {
    /// Each type with its percentage, in the order written.
    public typealias Table = [(name: String, percent: Int)]

    public static func parse(_ s: String, key: String = "hours.types", requireNormal: Bool = true) throws -> Table {
        var out: [(String, Int)] = []
        for part in s.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard kv.count == 2, !kv[0].isEmpty, kv[0].count <= 30,
                kv[0].allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") && $0.isASCII }),
                let p = Int(kv[1]), (0...1000).contains(p)
            else {
                throw WTError.invalid("\(key): \"\(part)\" is not name=percent (e.g. overtime150=150)")
            }
            guard !out.contains(where: { $0.0 == kv[0] }) else { throw WTError.invalid("\(key): \(kv[0]) is listed twice") }
            out.append((kv[0], p))
        }
        guard !requireNormal || out.contains(where: { $0.0 == "normal" }) else { throw WTError.invalid("\(key): the type normal is required") }
        return out
    }

    public static func format(_ types: Table) -> String {
        types.map { "\($0.name)=\($0.percent)" }.joined(separator: ",")
    }
}

import Foundation
