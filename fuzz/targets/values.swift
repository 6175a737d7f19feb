// Fuzz target: the value parsers of the domain layer, all on the same input.
//
// Invariants: no trap; a refusal is a usage or invalid error (exit 2 or 6) whose message
// holds no raw control character; what is accepted prints in a form that parses back to
// the same value; normalizing is idempotent.

@testable import WTKit
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let s = inputText(inputBytes(data, size))
    checkValues(s)
    return 0
}

let refusals: Set<WTError.Kind> = [.usage, .invalid]

/// Parses `s` with `parse`; on success checks `roundTrip`, on failure the error.
func parsed<T>(_ name: String, _ s: String, _ parse: (String) throws -> T, roundTrip: (T) throws -> Void) {
    let value: T
    do { value = try parse(s) } catch {
        requireWTError(error, refusals, "\(name)(\(s.debugDescription))")
        return
    }
    do { try roundTrip(value) } catch {
        require(false, "\(name)(\(s.debugDescription)) = \(value), whose printed form does not parse: \(error)")
    }
}

func checkValues(_ s: String) {
    parsed("Money.parse", s, Money.parse) { m in
        require(try Money.parse(m.description) == m, "Money \(m.description) does not parse back")
        if m.cents.magnitude < 100_000 {  // below € 1.000,00 the Dutch forms have no thousands separator
            require(try Money.parse(m.dutch) == m, "Money \(m.dutch) does not parse back")
            require(try Money.parse(m.euro) == m, "Money \(m.euro) does not parse back")
        }
    }
    parsed("Minutes.parse", s, Minutes.parse) { m in
        require((0...Minutes.parseLimit.value).contains(m.value), "Minutes \(m.value) outside 0...\(Minutes.parseLimit.value)")
        require(try Minutes.parse(m.description) == m, "Minutes \(m) does not parse back")
        if m.value % 3 == 0 {  // whole multiples of 0.05 hour print exactly as decimals
            require(try Minutes.parse(m.decimalHours) == m, "Minutes \(m.decimalHours) does not parse back")
        }
    }
    parsed("Minutes.parseDay", s, Minutes.parseDay) { m in
        require(m <= Minutes.day, "parseDay accepted \(m)")
    }
    parsed("ISOWeek.parse", s, ISOWeek.parse) { w in
        require(try ISOWeek.parse(w.description) == w, "ISOWeek \(w) does not parse back")
        require(ISOWeek(containing: w.monday) == w && ISOWeek(containing: w.sunday) == w, "ISOWeek \(w) does not hold its own days")
        require(w.days.count == 7 && w.sunday - w.monday == 6, "ISOWeek \(w) is not seven days long")
    }
    parsed("CalendarDate.parse", s, CalendarDate.parse) { d in
        require(try CalendarDate.parse(d.description) == d, "CalendarDate \(d) does not parse back")
        require(CalendarDate(daysSinceEpoch: d.daysSinceEpoch) == d, "CalendarDate \(d) day number does not round trip")
        require((1...7).contains(d.weekday), "CalendarDate \(d) weekday \(d.weekday)")
        // `wt audit --since DATE`: the instant that day begins in Amsterdam.
        let start = Timestamp.startOfAmsterdamDay(d)
        guard let instant = Timestamp.parse(start) else {
            require(false, "the start of \(d) in Amsterdam, \(start), does not parse")
            return
        }
        let first = CalendarDate(year: 1, month: 1, day: 1)!
        require(Timestamp.amsterdamDate(instant) == d || d == first, "\(start) is not on \(d) in Amsterdam")
        require(d == first || Timestamp.amsterdamDate(instant.addingTimeInterval(-1)) < d, "\(d) began in Amsterdam before \(start)")
    }
    if let t = Timestamp.parse(s) {
        // What `WT_NOW` and stored timestamps go through: formatting, local time, the local day.
        let stamp = Timestamp.format(t)
        require(Timestamp.parse(stamp) == Date(timeIntervalSince1970: t.timeIntervalSince1970.rounded(.down)),
                "Timestamp \(s.debugDescription) formats as \(stamp), which does not parse back to the whole second")
        require(!Timestamp.local(stamp).isEmpty, "no local time for \(stamp)")
        _ = Timestamp.amsterdamDate(t)
    }
    for (name, normalize) in [
        ("Email.normalize", Email.normalize), ("IBAN.normalize", IBAN.normalize), ("KvK.normalize", KvK.normalize),
        ("VATId.normalize", VATId.normalize), ("Phone.normalize", Phone.normalize),
        ("Postcode.normalize NL", { try Postcode.normalize($0, country: "NL") }),
        ("Postcode.normalize BE", { try Postcode.normalize($0, country: "be") }),
    ] as [(String, (String) throws -> String)] {
        parsed(name, s, normalize) { n in
            require(try normalize(n) == n, "\(name) is not idempotent: \(s.debugDescription) → \(n.debugDescription) → \((try? normalize(n)).debugDescription)")
        }
    }
    _ = IBAN.isGAccount(s)
}
