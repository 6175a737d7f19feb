import Foundation
import XCTest
@testable import WTKit

final class DomainValueTests: XCTestCase {
    // MARK: Helpers

    /// Asserts that `body` throws a WTError of `kind` whose message contains every fragment.
    private func assertError<T>(
        _ kind: WTError.Kind, _ fragments: [String] = [], file: StaticString = #filePath, line: UInt = #line,
        _ body: () throws -> T
    ) {
        do {
            let value = try body()
            XCTFail("expected a \(kind) error, got \(value)", file: file, line: line)
        } catch let error as WTError {
            XCTAssertEqual(error.kind, kind, "\(error.message)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(error.message.contains(fragment), "\"\(error.message)\" lacks \"\(fragment)\"", file: file, line: line)
            }
        } catch {
            XCTFail("expected WTError, got \(error)", file: file, line: line)
        }
    }

    private func utcCalendar(_ identifier: Calendar.Identifier) -> Calendar {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    private func date(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }
    private func week(_ s: String) -> ISOWeek { try! ISOWeek.parse(s) }

    // MARK: Money

    func testMoneyParsesTheFormsPeopleType() throws {
        let cases: [(String, Int64)] = [
            ("12", 1200), ("12.5", 1250), ("12.50", 1250), ("12,50", 1250), ("12,5", 1250),
            ("-3.10", -310), ("+4", 400), ("0", 0), ("0.01", 1), ("-0,01", -1), ("007", 700),
            (".5", 50), (",05", 5), ("€ 12,50", 1250), ("€12,50", 1250), ("EUR 12.50", 1250),
            ("eur 12.50", 1250), ("€ -3,10", -310), ("-€ 3,10", -310), ("  12.50\t", 1250),
            ("1234.56", 123_456), ("92233720368547758.07", Int64.max), ("-92233720368547758.07", -Int64.max),
        ]
        for (text, cents) in cases {
            XCTAssertEqual(try Money.parse(text), Money(cents: cents), text)
        }
    }

    func testMoneyRefusesMalformedAmounts() {
        for text in ["", "   ", "abc", "12a", "12.", "€", "EUR", "-", ".", "--3", "+-3", "1e3", "12,50 EUR", "€ €12", "١٢", "12\u{7}"] {
            assertError(.usage, ["amount"]) { try Money.parse(text) }
        }
        assertError(.usage, ["amount \"\"", "empty"]) { try Money.parse("") }
        assertError(.usage, ["amount \"12\\u{7}\""]) { try Money.parse("12\u{7}") }
    }

    func testMoneyRefusesThousandsSeparatorsAndSaysSo() {
        assertError(.usage, ["\"1.234,50\"", "thousands separators", "write 1234,50"]) { try Money.parse("1.234,50") }
        assertError(.usage, ["thousands separators", "write 1234.50"]) { try Money.parse("1,234.50") }
        assertError(.usage, ["thousands separators", "write 1234567"]) { try Money.parse("1.234.567") }
        assertError(.usage, ["thousands separators", "write 1234,50"]) { try Money.parse("1 234,50") }
        assertError(.usage, ["thousands separators", "write 1234.50"]) { try Money.parse("€ 1'234.50") }
    }

    func testMoneyRefusesMoreThanTwoDecimalsAndOverflow() {
        assertError(.invalid, ["\"12.345\"", "more than 2 decimals", "leave it out: 12345"]) { try Money.parse("12.345") }
        assertError(.invalid, ["more than 2 decimals"]) { try Money.parse("0,001") }
        assertError(.invalid, ["more than 2 decimals"]) { try Money.parse("1234.5678") }
        assertError(.invalid, ["too large", "92233720368547758.07"]) { try Money.parse("92233720368547758.08") }
        assertError(.invalid, ["too large"]) { try Money.parse("-99999999999999999999") }
    }

    func testMoneyFormats() {
        let cases: [(Int64, String, String, String)] = [
            (0, "0.00", "0,00", "€ 0,00"),
            (5, "0.05", "0,05", "€ 0,05"),
            (-5, "-0.05", "-0,05", "€ -0,05"),
            (123_450, "1234.50", "1.234,50", "€ 1.234,50"),
            (-123_456_789, "-1234567.89", "-1.234.567,89", "€ -1.234.567,89"),
            (100_000, "1000.00", "1.000,00", "€ 1.000,00"),
            (99_999, "999.99", "999,99", "€ 999,99"),
            (Int64.max, "92233720368547758.07", "92.233.720.368.547.758,07", "€ 92.233.720.368.547.758,07"),
            (Int64.min, "-92233720368547758.08", "-92.233.720.368.547.758,08", "€ -92.233.720.368.547.758,08"),
        ]
        for (cents, plain, dutch, euro) in cases {
            let money = Money(cents: cents)
            XCTAssertEqual(money.description, plain)
            XCTAssertEqual("\(money)", plain)
            XCTAssertEqual(money.dutch, dutch)
            XCTAssertEqual(money.euro, euro)
        }
    }

    func testMoneyDescriptionRoundTripsThroughParse() throws {
        var rng = SeededRandomSource(seed: 1)
        for _ in 0..<5000 {
            let money = Money(cents: Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng))
            XCTAssertEqual(try Money.parse(money.description), money)
            XCTAssertEqual(try Money.parse(money.description.replacingOccurrences(of: ".", with: ",")), money)
        }
        for cents in Int64(-1000)...1000 {
            let money = Money(cents: cents)
            XCTAssertEqual(try Money.parse(money.euro), money, money.euro)
        }
    }

    func testMoneyCodableIsTheTwoDecimalString() throws {
        XCTAssertEqual(try json(["total": Money(cents: 123_450)]), #"{"total":"1234.50"}"#)
        XCTAssertEqual(try json([Money(cents: -5)]), #"["-0.05"]"#)
        XCTAssertEqual(try decode([Money].self, #"["1234.50", "€ 12,50", "7", "-3,1"]"#),
                       [Money(cents: 123_450), Money(cents: 1250), Money(cents: 700), Money(cents: -310)])
        XCTAssertThrowsError(try decode([Money].self, #"["1.234,50"]"#)) { XCTAssertTrue($0 is DecodingError) }
        XCTAssertThrowsError(try decode([Money].self, #"[12.5]"#)) { XCTAssertTrue($0 is DecodingError) }
        XCTAssertThrowsError(try decode([Money].self, #"["12.345"]"#)) { XCTAssertTrue($0 is DecodingError) }
        let values = (0..<50).map { Money(cents: Int64($0 * $0 * 997 - 20_000)) }
        XCTAssertEqual(try decode([Money].self, try json(values)), values)
    }

    func testMoneyArithmeticAndOrder() {
        let a = Money(cents: 1050), b = Money(cents: 250)
        XCTAssertEqual(a + b, Money(cents: 1300))
        XCTAssertEqual(a - b, Money(cents: 800))
        XCTAssertEqual(b - a, Money(cents: -800))
        XCTAssertEqual(-a, Money(cents: -1050))
        XCTAssertEqual(-Money.zero, .zero)
        var c = a
        c += b
        c -= Money(cents: 50)
        XCTAssertEqual(c, Money(cents: 1250))
        XCTAssertTrue(b < a)
        XCTAssertTrue(-a < b)
        XCTAssertEqual([a, -a, b, .zero].sorted(), [-a, .zero, b, a])
        XCTAssertEqual(Money.zero.cents, 0)
        XCTAssertEqual(a.times(3), Money(cents: 3150))
        XCTAssertEqual(a.times(-2), Money(cents: -2100))
        XCTAssertEqual(a.times(0), .zero)
        XCTAssertEqual(Set([a, Money(cents: 1050), b]).count, 2)
    }

    func testMoneyAmountExamples() {
        let rate = Money(cents: 2500)
        XCTAssertEqual(Money.amount(minutes: 450, rate: rate, percent: 100), Money(cents: 18750))
        XCTAssertEqual(Money.amount(minutes: 450, rate: rate, percent: 125), Money(cents: 23438)) // 234.375
        XCTAssertEqual(Money.amount(minutes: 90, rate: Money(cents: 1234), percent: 125), Money(cents: 2314)) // 23.1375
        XCTAssertEqual(Money.amount(minutes: 0, rate: rate, percent: 200), .zero)
        XCTAssertEqual(Money.amount(minutes: 60, rate: rate, percent: 0), .zero)
        XCTAssertEqual(Money.amount(minutes: 2400, rate: Money(cents: 1999), percent: 150), Money(cents: 119_940))
    }

    func testMoneyAmountRoundsHalfAwayFromZeroBothSigns() {
        // 1 minute at 0.30 = 0.5 cent exactly; 0.29 = 0.483; 0.31 = 0.517.
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: 30), percent: 100), Money(cents: 1))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: -30), percent: 100), Money(cents: -1))
        XCTAssertEqual(Money.amount(minutes: -1, rate: Money(cents: 30), percent: 100), Money(cents: -1))
        XCTAssertEqual(Money.amount(minutes: -1, rate: Money(cents: -30), percent: 100), Money(cents: 1))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: 29), percent: 100), .zero)
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: -29), percent: 100), .zero)
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: 31), percent: 100), Money(cents: 1))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: -31), percent: 100), Money(cents: -1))
        // 1 minute at 0.20 × 150% = 0.5 cent; at 0.90 × 100% = 1.5 cents; 3 minutes at 0.50 = 2.5 cents.
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: 20), percent: 150), Money(cents: 1))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: -20), percent: 150), Money(cents: -1))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: 90), percent: 100), Money(cents: 2))
        XCTAssertEqual(Money.amount(minutes: 1, rate: Money(cents: -90), percent: 100), Money(cents: -2))
        XCTAssertEqual(Money.amount(minutes: 3, rate: Money(cents: 50), percent: 100), Money(cents: 3))
        XCTAssertEqual(Money.amount(minutes: 3, rate: Money(cents: -50), percent: 100), Money(cents: -3))
    }

    func testMoneyAmountAgreesWithDecimalArithmetic() {
        var rng = SeededRandomSource(seed: 7)
        for _ in 0..<20000 {
            let minutes = Int.random(in: -3000...3000, using: &rng)
            let cents = Int64.random(in: -1_000_000...1_000_000, using: &rng)
            let percent = [0, 50, 100, 125, 150, 200, 33, 1].randomElement(using: &rng)!
            let got = Money.amount(minutes: minutes, rate: Money(cents: cents), percent: percent)
            let want = Self.decimalReference(Int64(minutes) * Int64(percent), cents, 6000)
            XCTAssertEqual(got.cents, want, "\(minutes) min × \(cents) c × \(percent)%")
        }
    }

    func testMoneyAmountUsesA128BitProduct() {
        // cents × minutes × percent overflows 64 bits although the result fits.
        let big = Money(cents: Int64.max / 200)
        XCTAssertEqual(Money.amount(minutes: 60, rate: big, percent: 100), big)
        XCTAssertEqual(Money.amount(minutes: 120, rate: big, percent: 100), big.times(2))
        XCTAssertEqual(Money.amount(minutes: 60, rate: -big, percent: 100), -big)
        XCTAssertEqual(big.percent(basisPoints: 10000), big)
        XCTAssertEqual(Money(cents: Int64.max).percent(basisPoints: 5000), Money(cents: Int64.max / 2 + 1))
    }

    func testMoneyPercentInBasisPoints() {
        XCTAssertEqual(Money(cents: 100_000).percent(basisPoints: 2100), Money(cents: 21000))
        XCTAssertEqual(Money(cents: 50).percent(basisPoints: 2100), Money(cents: 11)) // 10.5
        XCTAssertEqual(Money(cents: -50).percent(basisPoints: 2100), Money(cents: -11))
        XCTAssertEqual(Money(cents: 2).percent(basisPoints: 2500), Money(cents: 1)) // 0.5
        XCTAssertEqual(Money(cents: -2).percent(basisPoints: 2500), Money(cents: -1))
        XCTAssertEqual(Money(cents: 1).percent(basisPoints: 4999), .zero) // 0.4999
        XCTAssertEqual(Money(cents: -1).percent(basisPoints: 4999), .zero)
        XCTAssertEqual(Money(cents: 1).percent(basisPoints: 5000), Money(cents: 1))
        XCTAssertEqual(Money(cents: 12345).percent(basisPoints: 0), .zero)
        XCTAssertEqual(Money(cents: 12345).percent(basisPoints: -2100), Money(cents: -2592)) // -25.9245
        var rng = SeededRandomSource(seed: 11)
        for _ in 0..<20000 {
            let cents = Int64.random(in: -100_000_000...100_000_000, using: &rng)
            let bp = Int.random(in: -10000...30000, using: &rng)
            XCTAssertEqual(Money(cents: cents).percent(basisPoints: bp).cents, Self.decimalReference(Int64(bp), cents, 10000))
        }
    }

    /// round(a × b / d) half away from zero, by Foundation's Decimal on magnitudes.
    private static func decimalReference(_ a: Int64, _ b: Int64, _ d: Int64) -> Int64 {
        var exact = Decimal(a.magnitude) * Decimal(b.magnitude) / Decimal(d)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        let magnitude = NSDecimalNumber(decimal: rounded).int64Value
        return (a < 0) != (b < 0) ? -magnitude : magnitude
    }

    // MARK: Minutes

    func testMinutesParsesTheFormsPeopleType() throws {
        let cases: [(String, Int)] = [
            ("8", 480), ("7.5", 450), ("7,5", 450), ("7:30", 450), ("0:45", 45), (".5", 30), (",25", 15),
            ("0", 0), ("0:00", 0), ("7.75", 465), ("7.50", 450), ("7.500", 450), ("0.05", 3), ("08:05", 485),
            ("999", 59940), (" 7:30 ", 450), ("24:00", 1440), ("7.0", 420), ("12,25", 735), ("999:00", 59940),
        ]
        for (text, minutes) in cases {
            XCTAssertEqual(try Minutes.parse(text), Minutes(minutes), text)
        }
    }

    func testMinutesRefusesBadHours() {
        for text in ["", " ", "abc", "7h", "7.5.1", "1,2,3", "7:5", "7:300", ":30", "7:", ".", "7.", "7:3.5", "+7", "-abc", "7 30", "７"] {
            assertError(.usage, ["hours"]) { try Minutes.parse(text) }
        }
        assertError(.invalid, ["\"-1\"", "negative"]) { try Minutes.parse("-1") }
        assertError(.invalid, ["negative"]) { try Minutes.parse("-0:30") }
        assertError(.invalid, ["\"7:60\"", "00 to 59"]) { try Minutes.parse("7:60") }
        assertError(.invalid, ["more than 999 hours"]) { try Minutes.parse("1000") }
        assertError(.invalid, ["more than 999 hours"]) { try Minutes.parse("999:01") }
        assertError(.invalid, ["more than 999 hours"]) { try Minutes.parse("99999999999999999999999") }
        assertError(.invalid, ["more than 999 hours"]) { try Minutes.parse("999.5") }
        assertError(.invalid, ["not a whole number of minutes"]) { try Minutes.parse("0.01") }
        assertError(.invalid, ["use 7:20 or 7.35"]) { try Minutes.parse("7.333") }
        assertError(.invalid, ["use 8:00 or 8.00"]) { try Minutes.parse("7.9999") }
        do {
            _ = try Minutes.parse("7.77")
            XCTFail("7.77 accepted")
        } catch let error as WTError {
            XCTAssertEqual(error, WTError.invalid(#"hours "7.77": not a whole number of minutes; use 7:46 or 7.75"#))
        } catch {
            XCTFail("\(error)")
        }
    }

    func testMinutesFormatAndParseRoundTripForEveryMinuteOfADay() throws {
        for value in 0...1440 {
            let minutes = Minutes(value)
            XCTAssertEqual(try Minutes.parse(minutes.description), minutes)
            XCTAssertEqual(minutes.description, "\(value / 60):" + String(format: "%02d", value % 60))
            let decimal = minutes.decimalHours
            XCTAssertEqual(Double(decimal)!, Double(value) / 60, accuracy: 0.005)
            if value % 3 == 0 {
                // Whole multiples of 0.05 hour are exact in two decimals.
                XCTAssertEqual(try Minutes.parse(decimal), minutes, decimal)
                XCTAssertEqual(try Minutes.parse(decimal.replacingOccurrences(of: ".", with: ",")), minutes)
            } else {
                assertError(.invalid, ["not a whole number of minutes"]) { try Minutes.parse(decimal) }
            }
        }
    }

    func testMinutesFormats() {
        XCTAssertEqual(Minutes(0).description, "0:00")
        XCTAssertEqual(Minutes(5).description, "0:05")
        XCTAssertEqual(Minutes(450).description, "7:30")
        XCTAssertEqual(Minutes(1440).description, "24:00")
        XCTAssertEqual(Minutes(59940).description, "999:00")
        XCTAssertEqual(Minutes(-65).description, "-1:05")
        XCTAssertEqual(Minutes(450).decimalHours, "7.50")
        XCTAssertEqual(Minutes(440).decimalHours, "7.33")
        XCTAssertEqual(Minutes(1).decimalHours, "0.02")
        XCTAssertEqual(Minutes(0).decimalHours, "0.00")
        XCTAssertEqual(Minutes(-90).decimalHours, "-1.50")
    }

    func testMinutesDayRule() throws {
        XCTAssertEqual(try Minutes.parseDay("24:00"), Minutes.day)
        XCTAssertEqual(try Minutes.parseDay("8"), Minutes(480))
        XCTAssertEqual(try Minutes(0).checkDay(), .zero)
        assertError(.invalid, ["hours 24:01 in one day", "at most 24:00"]) { try Minutes.parseDay("24:01") }
        assertError(.invalid, ["25:00"]) { try Minutes.parseDay("25") }
        assertError(.invalid, ["negative"]) { try Minutes(-1).checkDay() }
        XCTAssertEqual(try Minutes.parse("25"), Minutes(1500), "parse alone allows more than a day")
    }

    func testMinutesCodableAndArithmetic() throws {
        XCTAssertEqual(try json(["minutes": Minutes(450)]), #"{"minutes":450}"#)
        XCTAssertEqual(try decode([Minutes].self, "[0, 450, 1440]"), [Minutes(0), Minutes(450), Minutes(1440)])
        XCTAssertThrowsError(try decode([Minutes].self, #"["7:30"]"#))
        var total = Minutes.zero
        for m in [Minutes(450), Minutes(30), Minutes(15)] { total += m }
        XCTAssertEqual(total, Minutes(495))
        total -= Minutes(95)
        XCTAssertEqual(total, Minutes(400))
        XCTAssertEqual(Minutes(60) + Minutes(30), Minutes(90))
        XCTAssertEqual(Minutes(60) - Minutes(90), Minutes(-30))
        XCTAssertTrue(Minutes(59) < Minutes(60))
        XCTAssertEqual([Minutes(3), Minutes(1), Minutes(2)].sorted(), [Minutes(1), Minutes(2), Minutes(3)])
    }

    // MARK: CalendarDate

    func testEveryDateFrom1900To2100RoundTripsAndAgreesWithFoundation() {
        let gregorian = utcCalendar(.gregorian)
        let first = CalendarDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        let last = CalendarDate(year: 2100, month: 12, day: 31)!.daysSinceEpoch
        XCTAssertEqual(last - first + 1, 201 * 365 + 49) // leap years 1904 … 2096; 1900 and 2100 are not
        var previous: CalendarDate?
        for n in first...last {
            let d = CalendarDate(daysSinceEpoch: n)
            XCTAssertEqual(d.daysSinceEpoch, n)
            XCTAssertEqual(CalendarDate(year: d.year, month: d.month, day: d.day), d)
            XCTAssertEqual(try CalendarDate.parse(d.description), d)
            if let previous {
                XCTAssertTrue(previous < d)
                XCTAssertEqual(d - previous, 1)
                XCTAssertEqual(previous.adding(days: 1), d)
                XCTAssertEqual(d.weekday, previous.weekday % 7 + 1)
            }
            previous = d
            if n % 7 == 0 || d.day == 1 || d.day >= 28 {
                let c = gregorian.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(n) * 86400))
                XCTAssertEqual([d.year, d.month, d.day], [c.year!, c.month!, c.day!])
                XCTAssertEqual(d.weekday, (c.weekday! + 5) % 7 + 1) // Foundation: Sunday 1 … Saturday 7
            }
        }
    }

    func testCalendarDateValidation() {
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 1900, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2100, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2026, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2024, month: 2, day: 30))
        XCTAssertNil(CalendarDate(year: 2026, month: 4, day: 31))
        XCTAssertNil(CalendarDate(year: 2026, month: 0, day: 1))
        XCTAssertNil(CalendarDate(year: 2026, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2026, month: 1, day: 0))
        XCTAssertNil(CalendarDate(year: 2026, month: 1, day: 32))
        XCTAssertNil(CalendarDate(year: 0, month: 1, day: 1))
        XCTAssertNil(CalendarDate(year: 10000, month: 1, day: 1))
        for year in [1900, 2000, 2023, 2024, 2100] {
            var count = 0
            for month in -1...14 {
                for day in -1...33 where CalendarDate(year: year, month: month, day: day) != nil { count += 1 }
            }
            XCTAssertEqual(count, CalendarDate.isLeapYear(year) ? 366 : 365, "\(year)")
        }
    }

    func testCalendarDateEpochWeekdaysAndBounds() {
        let epoch = date("1970-01-01")
        XCTAssertEqual(epoch.daysSinceEpoch, 0)
        XCTAssertEqual(CalendarDate(daysSinceEpoch: 0), epoch)
        XCTAssertEqual(epoch.weekday, 4)
        XCTAssertEqual(date("1969-12-31").daysSinceEpoch, -1)
        XCTAssertEqual(date("2000-03-01").daysSinceEpoch, 11017)
        XCTAssertEqual(date("2026-11-30").weekday, 1)
        XCTAssertEqual(date("2027-01-03").weekday, 7)
        XCTAssertEqual(date("2026-12-31") - date("2026-12-24"), 7)
        XCTAssertEqual(date("2026-12-24") - date("2026-12-31"), -7)
        XCTAssertEqual(date("2026-12-31").adding(days: 1), date("2027-01-01"))
        XCTAssertEqual(date("2024-03-01").adding(days: -1), date("2024-02-29"))
        XCTAssertEqual(date("2026-01-01").adding(days: 365), date("2027-01-01"))
        XCTAssertEqual(date("2026-12-31").dayOfYear, 365)
        XCTAssertEqual(date("2024-12-31").dayOfYear, 366)
        let first = date("0001-01-01"), last = date("9999-12-31")
        XCTAssertEqual(first.daysSinceEpoch, -719_162)
        XCTAssertEqual(last.daysSinceEpoch, 2_932_896)
        XCTAssertEqual(CalendarDate(daysSinceEpoch: -719_162), first)
        XCTAssertEqual(CalendarDate(daysSinceEpoch: 2_932_896), last)
        XCTAssertEqual(first.weekday, 1)
        XCTAssertEqual(first.description, "0001-01-01")
        XCTAssertEqual(CalendarDate(year: 987, month: 6, day: 5)!.description, "0987-06-05")
    }

    func testCalendarDateParseIsStrict() {
        XCTAssertEqual(try CalendarDate.parse("2026-11-30"), CalendarDate(year: 2026, month: 11, day: 30))
        for text in ["", "2026-1-05", "2026/01/05", " 2026-01-05", "2026-01-05 ", "20260105", "2026-01-05T00:00",
                     "26-01-05", "02026-01-05", "2026-0a-05", "２０２６-01-05", "2026–01–05", "+2026-01-05"] {
            assertError(.usage, ["expected YYYY-MM-DD"]) { try CalendarDate.parse(text) }
        }
        assertError(.invalid, ["\"2026-02-29\" does not exist", "February 2026 has 28 days"]) { try CalendarDate.parse("2026-02-29") }
        assertError(.invalid, ["April 2026 has 30 days"]) { try CalendarDate.parse("2026-04-31") }
        assertError(.invalid, ["months run from 01 to 12"]) { try CalendarDate.parse("2026-13-01") }
        assertError(.invalid, ["months run from 01 to 12"]) { try CalendarDate.parse("2026-00-01") }
        assertError(.invalid, ["January 2026 has 31 days"]) { try CalendarDate.parse("2026-01-00") }
        assertError(.invalid, ["years run from 0001 to 9999"]) { try CalendarDate.parse("0000-01-01") }
    }

    func testCalendarDateCodableAndOrder() throws {
        XCTAssertEqual(try json(["start": date("2026-01-05")]), #"{"start":"2026-01-05"}"#)
        XCTAssertEqual(try decode([CalendarDate].self, #"["2026-12-28"]"#), [date("2026-12-28")])
        XCTAssertThrowsError(try decode([CalendarDate].self, #"["2026-02-30"]"#)) { XCTAssertTrue($0 is DecodingError) }
        XCTAssertThrowsError(try decode([CalendarDate].self, #"["28-12-2026"]"#)) { XCTAssertTrue($0 is DecodingError) }
        XCTAssertTrue(date("2026-01-31") < date("2026-02-01"))
        XCTAssertTrue(date("2025-12-31") < date("2026-01-01"))
        XCTAssertFalse(date("2026-01-01") < date("2026-01-01"))
    }

    // MARK: ISOWeek

    func testISOWeekOfEveryDayAgreesWithFoundation() {
        let iso = utcCalendar(.iso8601)
        for year in [1990, 1998, 2004, 2009, 2015, 2020, 2021, 2024, 2025, 2026, 2027, 2032, 2037] {
            let start = CalendarDate(year: year, month: 1, day: 1)!
            let end = CalendarDate(year: year, month: 12, day: 31)!
            for n in start.daysSinceEpoch...end.daysSinceEpoch {
                let d = CalendarDate(daysSinceEpoch: n)
                let w = ISOWeek(containing: d)
                let c = iso.dateComponents([.weekOfYear, .yearForWeekOfYear], from: Date(timeIntervalSince1970: Double(n) * 86400))
                XCTAssertEqual(w.year, c.yearForWeekOfYear!, "\(d)")
                XCTAssertEqual(w.week, c.weekOfYear!, "\(d)")
                let monday = w.monday
                XCTAssertEqual(monday.weekday, 1)
                XCTAssertEqual(monday, d.adding(days: 1 - d.weekday), "\(d)")
                XCTAssertEqual(w.sunday, monday.adding(days: 6))
                XCTAssertTrue(w.contains(d))
                XCTAssertFalse(w.contains(monday.adding(days: -1)))
                XCTAssertFalse(w.contains(monday.adding(days: 7)))
                XCTAssertEqual(w.days, (0..<7).map { monday.adding(days: $0) })
                XCTAssertEqual(w.days[d.weekday - 1], d)
            }
        }
    }

    func testWeeksInYearFollowsTheThursdayRule() {
        for year in 2000...2040 {
            let jan1 = CalendarDate(year: year, month: 1, day: 1)!.weekday
            let has53 = jan1 == 4 || (CalendarDate.isLeapYear(year) && jan1 == 3)
            XCTAssertEqual(ISOWeek.weeksInYear(year), has53 ? 53 : 52, "\(year)")
            // 28 December always lies in the last week.
            XCTAssertEqual(ISOWeek(containing: CalendarDate(year: year, month: 12, day: 28)!), ISOWeek(year: year, week: ISOWeek.weeksInYear(year)))
            XCTAssertNil(ISOWeek(year: year, week: ISOWeek.weeksInYear(year) + 1))
        }
        XCTAssertEqual(ISOWeek.weeksInYear(2026), 53)
        XCTAssertEqual(ISOWeek.weeksInYear(2020), 53)
        XCTAssertEqual(ISOWeek.weeksInYear(2015), 53)
        XCTAssertEqual(ISOWeek.weeksInYear(2025), 52)
        XCTAssertEqual(ISOWeek.weeksInYear(2027), 52)
        // Defined for any year, by the 400-year cycle.
        XCTAssertEqual(ISOWeek.weeksInYear(2026 + 400 * 1000), 53)
        XCTAssertEqual(ISOWeek.weeksInYear(2026 - 400 * 1000), 53)
        XCTAssertTrue([52, 53].contains(ISOWeek.weeksInYear(Int.min)))
        XCTAssertTrue([52, 53].contains(ISOWeek.weeksInYear(Int.max)))
    }

    func testISOWeek53Of2026() {
        let w53 = week("2026-W53")
        XCTAssertEqual(w53.monday, date("2026-12-28"))
        XCTAssertEqual(w53.sunday, date("2027-01-03"))
        XCTAssertEqual(w53.days.map(\.description), ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
                                                     "2027-01-01", "2027-01-02", "2027-01-03"])
        XCTAssertEqual(ISOWeek(containing: date("2027-01-03")), w53)
        XCTAssertEqual(w53.next, week("2027-W01"))
        XCTAssertEqual(week("2027-W01").monday, date("2027-01-04"))
        XCTAssertEqual(week("2027-W01").previous, w53)
        XCTAssertEqual(week("2026-W01").monday, date("2025-12-29"))
        XCTAssertEqual(ISOWeek(containing: date("2025-12-29")), week("2026-W01"))
        XCTAssertEqual(week("2026-W48").monday, date("2026-11-23"))
        XCTAssertEqual(week("2020-W53").sunday, date("2021-01-03"))
    }

    func testISOWeekParse() {
        for text in ["2026-W48", "2026W48", "2026-w48", "2026w48", " 2026-W48 "] {
            XCTAssertEqual(try ISOWeek.parse(text), ISOWeek(year: 2026, week: 48), text)
        }
        XCTAssertEqual(week("2026-W5").description, "2026-W05")
        XCTAssertEqual(week("2026-W05").description, "2026-W05")
        XCTAssertEqual(week("0987-W01").description, "0987-W01")
        for text in ["", "2026-48", "2026W", "2026-W", "26-W48", "2026-W123", "W48", "2026--W48", "2026-X48",
                     "2026-W4a", "2026-W-4", "２０２６-W48", "2026 W48"] {
            assertError(.usage, ["expected YYYY-Www"]) { try ISOWeek.parse(text) }
        }
        do {
            _ = try ISOWeek.parse("2025-W53")
            XCTFail("2025-W53 accepted")
        } catch let error as WTError {
            XCTAssertEqual(error, WTError.invalid("week 2025-W53 does not exist: 2025 has 52 ISO weeks"))
        } catch {
            XCTFail("\(error)")
        }
        assertError(.invalid, ["week 2026-W00 does not exist"]) { try ISOWeek.parse("2026-W00") }
        assertError(.invalid, ["week 2026-W54 does not exist: 2026 has 53 ISO weeks"]) { try ISOWeek.parse("2026-W54") }
        assertError(.invalid, ["0000-W01 does not exist"]) { try ISOWeek.parse("0000-W01") }
        assertError(.invalid, ["9999-W52", "out of range"]) { try ISOWeek.parse("9999-W52") }
        XCTAssertEqual(week("9999-W51").sunday, date("9999-12-26"))
        XCTAssertEqual(week("0001-W01").monday, date("0001-01-01"))
        XCTAssertEqual(ISOWeek.latest, week("9999-W51"))
        // The store's own form takes a short cut; it must agree with the general path on every week.
        for year in [1, 2004, 2015, 2020, 2025, 2026, 9998, 9999] {
            for w in 0...54 {
                let text = String(format: "%04d-W%02d", year, w)
                let general = ISOWeek(year: year, week: w)
                XCTAssertEqual(ISOWeek.canonical(text), general, text)
                XCTAssertEqual(try? ISOWeek.parse(text), general, text)
            }
        }
        for text in ["2026-w48", "2026W048", " 2026-W4", "2026-W4 ", "2026+W48"] { XCTAssertNil(ISOWeek.canonical(text), text) }
    }

    func testISOWeekStepsAndRanges() {
        var w = week("2019-W40")
        for step in 1...500 {
            let next = w.next
            XCTAssertEqual(next.monday - w.monday, 7)
            XCTAssertEqual(next.previous, w)
            XCTAssertTrue(w < next)
            XCTAssertEqual(week("2019-W40").adding(weeks: step), next)
            XCTAssertEqual(next.adding(weeks: -step), week("2019-W40"))
            w = next
        }
        XCTAssertEqual(week("2026-W10").adding(weeks: 0), week("2026-W10"))
        XCTAssertEqual(ISOWeek.range(from: week("2026-W52"), to: week("2027-W02")).map(\.description),
                       ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
        XCTAssertEqual(ISOWeek.range(from: week("2026-W10"), to: week("2026-W10")), [week("2026-W10")])
        XCTAssertEqual(ISOWeek.range(from: week("2026-W11"), to: week("2026-W10")), [])
        XCTAssertEqual(ISOWeek.range(from: week("2020-W01"), to: week("2029-W52")).count,
                       (2020...2029).map(ISOWeek.weeksInYear).reduce(0, +))
        XCTAssertTrue(week("2026-W53") < week("2027-W01"))
        XCTAssertTrue(week("2026-W09") < week("2026-W10"))
    }

    func testISOWeekCodable() throws {
        XCTAssertEqual(try json(["week": week("2026-W5")]), #"{"week":"2026-W05"}"#)
        XCTAssertEqual(try decode([ISOWeek].self, #"["2026-W53", "2027w01"]"#), [week("2026-W53"), week("2027-W01")])
        XCTAssertThrowsError(try decode([ISOWeek].self, #"["2025-W53"]"#)) { XCTAssertTrue($0 is DecodingError) }
    }

    // MARK: IBAN

    func testValidIBANs() throws {
        let cases: [(String, String)] = [
            ("NL91ABNA0417164300", "NL91ABNA0417164300"),
            ("nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
            (" NL20 INGB 0001 2345 67 ", "NL20INGB0001234567"),
            ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
            ("BE68 5390 0754 7034", "BE68539007547034"),
            ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
            ("GB29NWBK60161331926819", "GB29NWBK60161331926819"),
            ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
            ("NO93 8601 1117 947", "NO9386011117947"),
        ]
        for (input, normalized) in cases {
            XCTAssertEqual(try IBAN.normalize(input), normalized, input)
        }
        XCTAssertEqual(IBAN.formatted("NL91ABNA0417164300"), "NL91 ABNA 0417 1643 00")
        XCTAssertEqual(IBAN.formatted("BE68539007547034"), "BE68 5390 0754 7034")
    }

    func testInvalidIBANsSayWhichCheckFailed() {
        for bad in ["NL91ABNA0417164301", "NL19ABNA0417164300", "DE89370400440532013001", "BE68539007547035",
                    "GB82WEST12345698765433", "GB82WEST12345698765423"] {
            assertError(.invalid, ["mod 97"]) { try IBAN.normalize(bad) }
        }
        assertError(.invalid, ["NL IBANs have 18 characters, this one has 17"]) { try IBAN.normalize("NL91ABNA041716430") }
        assertError(.invalid, ["DE IBANs have 22 characters, this one has 23"]) { try IBAN.normalize("DE893704004405320130000") }
        assertError(.invalid, ["unknown country code XX"]) { try IBAN.normalize("XX91ABNA0417164300") }
        assertError(.invalid, ["4-letter bank code"]) { try IBAN.normalize("NL251BNA0417164300") } // mod 97 holds
        assertError(.invalid, ["4-letter bank code"]) { try IBAN.normalize("NL92ABNA04171643AB") } // mod 97 holds
        assertError(.usage, ["only letters, digits and spaces"]) { try IBAN.normalize("NL91-ABNA-0417-1643-00") }
        assertError(.usage, ["empty"]) { try IBAN.normalize("  ") }
        assertError(.usage, ["control character"]) { try IBAN.normalize("NL91ABNA0417164300\n") }
        assertError(.usage, ["control character"]) { try IBAN.normalize("NL91\tABNA0417164300") }
        assertError(.usage, ["country code, two check digits"]) { try IBAN.normalize("NLX1ABNA0417164300") }
        assertError(.usage, ["country code, two check digits"]) { try IBAN.normalize("1291ABNA0417164300") }
        assertError(.usage, ["only letters, digits and spaces"]) { try IBAN.normalize("NL91ÄBNA0417164300") }
    }

    func testGAccountIBANs() {
        XCTAssertTrue(IBAN.isGAccount("NL21INGB0990123456"))
        XCTAssertTrue(IBAN.isGAccount("nl21 ingb 0990 1234 56"))
        XCTAssertTrue(IBAN.isGAccount("NL50RABO0990001234"))
        XCTAssertFalse(IBAN.isGAccount("NL59ABNA0099012345"), "099 not right after the bank code")
        XCTAssertFalse(IBAN.isGAccount("NL29INGB0099012345"))
        XCTAssertFalse(IBAN.isGAccount("NL91ABNA0417164300"))
        XCTAssertFalse(IBAN.isGAccount("NL22INGB0990123456"), "checksum fails")
        XCTAssertFalse(IBAN.isGAccount("DE89370400440532013000"))
        XCTAssertFalse(IBAN.isGAccount(""))
    }

    // MARK: KvK and VAT id

    func testKvK() throws {
        XCTAssertEqual(try KvK.normalize("12345678"), "12345678")
        XCTAssertEqual(try KvK.normalize("1234 5678"), "12345678")
        XCTAssertEqual(try KvK.normalize(" 12 34 56 78 "), "12345678")
        XCTAssertEqual(try KvK.normalize("01234567"), "01234567")
        assertError(.invalid, ["has 7 digits", "8"]) { try KvK.normalize("1234567") }
        assertError(.invalid, ["has 9 digits"]) { try KvK.normalize("123456789") }
        assertError(.usage, ["only digits"]) { try KvK.normalize("1234567a") }
        assertError(.usage, ["only digits"]) { try KvK.normalize("1234-5678") }
        assertError(.usage, ["empty"]) { try KvK.normalize("") }
        assertError(.usage, ["control character"]) { try KvK.normalize("12345678\t") }
    }

    func testVATIdBothForms() throws {
        // Old form: the eleven test on the 9 digits (1×9+2×8+…+8×2 = 156, 156 − 2 = 154 = 14×11).
        XCTAssertEqual(try VATId.normalize("NL123456782B01"), "NL123456782B01")
        XCTAssertEqual(try VATId.normalize("nl 1234 56782 b01"), "NL123456782B01")
        XCTAssertEqual(try VATId.normalize("NL810433941B01"), "NL810433941B01")
        XCTAssertEqual(try VATId.normalize("NL004495445B01"), "NL004495445B01")
        // New form (2020): mod 97 over "NL000099998B57" read as 2321000099998 11 57 leaves 1.
        XCTAssertEqual(try VATId.normalize("NL000099998B57"), "NL000099998B57")
        XCTAssertEqual(try VATId.normalize("NL002455799B11"), "NL002455799B11")
        XCTAssertEqual(try VATId.normalize("NL123456789B13"), "NL123456789B13")
        XCTAssertFalse(VATId.passesElevenTest(ArraySlice("000099998".utf8)), "new-form example passes by mod 97 alone")
        XCTAssertFalse(VATId.passesElevenTest(ArraySlice("123456789".utf8)))
        XCTAssertTrue(VATId.passesElevenTest(ArraySlice("123456782".utf8)))
        XCTAssertEqual(DomainText.mod97("NL123456782B01".utf8), 23, "old-form example passes by the eleven test alone")
        for bad in ["NL123456789B01", "NL000099998B58", "NL123456783B01", "NL002455799B12"] {
            assertError(.invalid, ["neither the eleven test nor mod 97"]) { try VATId.normalize(bad) }
        }
        for bad in ["", "BE0123456789", "NL12345678B01", "NL1234567820B01", "NL123456782C01", "NL123456782B1",
                    "NL123456782B012", "123456782B01", "NL12345678XB01"] {
            assertError(.usage, ["expected a Dutch VAT id"]) { try VATId.normalize(bad) }
        }
        assertError(.usage, ["control character"]) { try VATId.normalize("NL123456782B01\r") }
    }

    // MARK: E-mail, phone, postcode

    func testEmail() throws {
        XCTAssertEqual(try Email.normalize("  Jan.Jansen@Example.NL "), "Jan.Jansen@example.nl")
        XCTAssertEqual(try Email.normalize("a+tag@sub.example.com"), "a+tag@sub.example.com")
        XCTAssertEqual(try Email.normalize("o'brien@bouw-bedrijf.nl"), "o'brien@bouw-bedrijf.nl")
        XCTAssertEqual(try Email.normalize("anne@bücher.de"), "anne@bücher.de")
        for bad in ["", "jan", "jan@@x.nl", "jan@x@y.nl", "@x.nl", "jan@", "jan @x.nl", "jan@x .nl", "jan@x..nl",
                    ".jan@x.nl", "jan.@x.nl", "ja..n@x.nl", "jan@-x.nl", "jan@x-.nl", "jan@.x.nl", "jan@x.nl.",
                    "<jan>@x.nl", "jan,piet@x.nl", "jan@x_y.nl", "jan\u{200B}@x.nl"] {
            assertError(.usage, ["e-mail address"]) { try Email.normalize(bad) }
        }
        for bad in ["jan@x.nl\n", "jan\n@x.nl", "\tjan@x.nl", "jan@x.nl\u{0}"] {
            assertError(.usage, ["control character"]) { try Email.normalize(bad) }
        }
        assertError(.invalid, ["no dot"]) { try Email.normalize("jan@localhost") }
        let local64 = String(repeating: "a", count: 64)
        XCTAssertNoThrow(try Email.normalize(local64 + "@x.nl"))
        assertError(.invalid, ["longer than 64"]) { try Email.normalize(local64 + "a@x.nl") }
        // 64 + 1 + 189 = 254 bytes: the most allowed.
        let domain = String(repeating: "d", count: 60) + "." + [String](repeating: String(repeating: "d", count: 62), count: 2).joined(separator: ".") + ".nl"
        XCTAssertEqual(domain.count, 189)
        XCTAssertEqual((local64 + "@" + domain).utf8.count, 254)
        XCTAssertNoThrow(try Email.normalize(local64 + "@" + domain))
        assertError(.invalid, ["longer than 254"]) { try Email.normalize(local64 + "@d" + domain) }
        assertError(.invalid, ["longer than 63"]) { try Email.normalize("a@" + String(repeating: "d", count: 64) + ".nl") }
    }

    func testPhoneToE164() throws {
        let cases: [(String, String)] = [
            ("06 12345678", "+31612345678"), ("06-12345678", "+31612345678"), ("0612345678", "+31612345678"),
            ("+31 6 12345678", "+31612345678"), ("+31 (0)6 12345678", "+31612345678"), ("0031 6 1234 5678", "+31612345678"),
            ("+31612345678", "+31612345678"), ("020 123 4567", "+31201234567"), ("(020) 123.45.67", "+31201234567"),
            ("+49 30 1234567", "+49301234567"), ("0049 30 1234567", "+49301234567"), ("+32 2 123 45 67", "+3221234567"),
            (" 06 12345678 ", "+31612345678"),
        ]
        for (input, e164) in cases {
            XCTAssertEqual(try Phone.normalize(input), e164, input)
        }
        for bad in ["", "612345678", "06-1234abcd", "+31 6 1234 567x", "06+12345678", "phone"] {
            assertError(.usage, ["phone number"]) { try Phone.normalize(bad) }
        }
        assertError(.invalid, ["9 digits after 0 or +31, this one has 8"]) { try Phone.normalize("06 1234567") }
        assertError(.invalid, ["this one has 10"]) { try Phone.normalize("06 123456789") }
        assertError(.invalid, ["this one has 5"]) { try Phone.normalize("+31 6 1234") }
        assertError(.invalid, ["this one has 0"]) { try Phone.normalize("0") }
        assertError(.invalid, ["does not start with 0"]) { try Phone.normalize("+0 123 456 789") }
        assertError(.invalid, ["has 7 digits"]) { try Phone.normalize("+1234567") }
        assertError(.invalid, ["has 16 digits"]) { try Phone.normalize("+1234567890123456") }
        assertError(.invalid, ["has 0 digits"]) { try Phone.normalize("+") }
        assertError(.usage, ["control character"]) { try Phone.normalize("06 12345678\n") }
    }

    func testPostcode() throws {
        XCTAssertEqual(try Postcode.normalize("1234 AB", country: "NL"), "1234 AB")
        XCTAssertEqual(try Postcode.normalize("1234ab", country: "NL"), "1234 AB")
        XCTAssertEqual(try Postcode.normalize(" 1234  ab ", country: "nl"), "1234 AB")
        XCTAssertEqual(try Postcode.normalize("9999ZZ", country: " NL "), "9999 ZZ")
        for bad in ["123 AB", "12345 AB", "1234 A1", "1234 ABC", "ABCD 12", "1234-AB", "1234 ÄB"] {
            assertError(.usage, ["Dutch postcode"]) { try Postcode.normalize(bad, country: "NL") }
        }
        assertError(.invalid, ["do not start with 0"]) { try Postcode.normalize("0123 AB", country: "NL") }
        assertError(.usage, ["empty"]) { try Postcode.normalize("  ", country: "NL") }
        assertError(.usage, ["control character"]) { try Postcode.normalize("1234 AB\n", country: "NL") }
        XCTAssertEqual(try Postcode.normalize("1000", country: "BE"), "1000")
        XCTAssertEqual(try Postcode.normalize(" 10115 ", country: "DE"), "10115")
        XCTAssertEqual(try Postcode.normalize("SW1A 1AA", country: "GB"), "SW1A 1AA")
        XCTAssertEqual(try Postcode.normalize("12345", country: "NLD"), "12345", "only NL gets the Dutch rule")
        assertError(.usage, ["empty"]) { try Postcode.normalize("", country: "BE") }
        assertError(.usage, ["control character"]) { try Postcode.normalize("10\u{1B}[2J115", country: "DE") }
    }

    // MARK: PasswordPolicy

    func testPasswordPolicyListsEveryBrokenRule() throws {
        let policy = PasswordPolicy()
        XCTAssertEqual(policy, PasswordPolicy(minLength: 6, requireLetter: true, requireDigit: true, requireSpecial: true))
        XCTAssertEqual(policy.violations("abc1!x"), [])
        XCTAssertEqual(policy.violations("Wachtw00rd!"), [])
        XCTAssertEqual(policy.violations(""), ["at least 6 characters", "at least one letter", "at least one digit",
                                               "at least one special character (not a letter or digit)"])
        XCTAssertEqual(policy.violations("abcdef"), ["at least one digit", "at least one special character (not a letter or digit)"])
        XCTAssertEqual(policy.violations("123456"), ["at least one letter", "at least one special character (not a letter or digit)"])
        XCTAssertEqual(policy.violations("!!!!!!"), ["at least one letter", "at least one digit"])
        XCTAssertEqual(policy.violations("ab1!"), ["at least 6 characters"])
        XCTAssertEqual(policy.violations("éüñ1 ß"), [], "Unicode letters count; a space is special")
        XCTAssertEqual(policy.violations("abcde٣!"), [], "a decimal digit of another script is a digit")
        XCTAssertEqual(policy.violations("abc½!x"), ["at least one digit"], "½ is a number, not a digit")
        // Length counts Characters: e + combining acute is one; a skin-toned thumb is one.
        XCTAssertEqual(policy.violations("e\u{301}e\u{301}1!a"), ["at least 6 characters"])
        XCTAssertEqual(policy.violations("👍🏽👍🏽1!ab"), [])
        XCTAssertEqual(policy.violations("👍🏽1!ab"), ["at least 6 characters"])
    }

    func testPasswordPolicyControlCharactersAndSize() throws {
        let policy = PasswordPolicy()
        XCTAssertEqual(policy.violations("abc1!x\u{7}"), ["no control characters"])
        XCTAssertEqual(policy.violations("abc1\tx"), ["at least one special character (not a letter or digit)", "no control characters"])
        XCTAssertEqual(policy.violations("abc1!x\n"), ["no control characters"])
        let exactly1024 = String(repeating: "a", count: 1022) + "1!"
        XCTAssertEqual(exactly1024.utf8.count, 1024)
        XCTAssertEqual(policy.violations(exactly1024), [])
        XCTAssertEqual(policy.violations(exactly1024 + "x"), ["at most 1024 bytes"])
        let wide = String(repeating: "é", count: 512) + "1!" // 514 characters, 1026 bytes
        XCTAssertEqual(policy.violations(wide), ["at most 1024 bytes"])
        XCTAssertEqual(PasswordPolicy(minLength: 0, requireLetter: false, requireDigit: false, requireSpecial: false)
            .violations("\u{0}"), ["no control characters"])
    }

    func testPasswordPolicySettings() throws {
        let strict = PasswordPolicy(minLength: 12, requireSpecial: false)
        XCTAssertEqual(strict.violations("abc1"), ["at least 12 characters"])
        XCTAssertEqual(strict.violations("abcdefghijk1"), [])
        let loose = PasswordPolicy(minLength: 1, requireLetter: false, requireDigit: false, requireSpecial: false)
        XCTAssertEqual(loose.violations(""), ["at least 1 character"])
        XCTAssertEqual(loose.violations("x"), [])
        XCTAssertNoThrow(try PasswordPolicy().check("abc1!x"))
        do {
            try PasswordPolicy().check("abcdef")
            XCTFail("accepted")
        } catch let error as WTError {
            XCTAssertEqual(error, WTError.invalid("password does not meet the policy: at least one digit; at least one special character (not a letter or digit)"))
        }
    }

    // MARK: Phase

    func testPhases() throws {
        let expected: [(String, Phase, CAO, Bool)] = [
            ("A", .A, .abu, false), ("B", .B, .abu, true), ("C", .C, .abu, false),
            ("1-2", .p12, .nbbu, false), ("3", .p3, .nbbu, true), ("4", .p4, .nbbu, false),
        ]
        for (text, phase, cao, fixed) in expected {
            XCTAssertEqual(try Phase.parse(text, cao: nil), phase)
            XCTAssertEqual(try Phase.parse(text, cao: cao), phase)
            XCTAssertEqual(phase.rawValue, text)
            XCTAssertEqual(phase.cao, cao)
            XCTAssertEqual(phase.isFixedTerm, fixed)
            XCTAssertTrue(phase.summary.contains("(\(cao.name))"))
            XCTAssertFalse(phase.summary.contains("\n"))
        }
        XCTAssertEqual(try Phase.parse(" b "), .B)
        XCTAssertEqual(try Phase.parse("fase C"), .C)
        XCTAssertEqual(try Phase.parse("Fase 1-2"), .p12)
        XCTAssertEqual(try Phase.parse("1/2", cao: .nbbu), .p12)
        XCTAssertEqual(Phase.allCases.filter(\.isFixedTerm), [.B, .p3])
        XCTAssertEqual(CAO.abu.phases, [.A, .B, .C])
        XCTAssertEqual(CAO.nbbu.phases, [.p12, .p3, .p4])
        for bad in ["", "D", "5", "1-3", "AB", "fase"] {
            assertError(.usage, ["expected A, B, C (ABU) or 1-2, 3, 4 (NBBU)"]) { try Phase.parse(bad, cao: nil) }
        }
        do {
            _ = try Phase.parse("3", cao: .abu)
            XCTFail("accepted")
        } catch let error as WTError {
            XCTAssertEqual(error, WTError.invalid(#"phase "3" is an NBBU phase; ABU phases are A, B, C"#))
        }
        assertError(.invalid, [#"phase "A" is an ABU phase; NBBU phases are 1-2, 3, 4"#]) { try Phase.parse("a", cao: .nbbu) }
        XCTAssertEqual(try json([Phase.p12, .A]), #"["1-2","A"]"#)
        XCTAssertEqual(try decode([Phase].self, #"["3","C"]"#), [.p3, .C])
        XCTAssertEqual(try CAO.parse("NBBU"), .nbbu)
        XCTAssertEqual(try CAO.parse("abu"), .abu)
        assertError(.usage, ["expected abu or nbbu"]) { try CAO.parse("sna") }
    }

    // MARK: DeclarationStatus

    func testDeclarationStatusLabelsAndParse() throws {
        XCTAssertEqual(DeclarationStatus.allCases.map(\.label), ["Rapporteer", "Ingediend", "Goedgekeurd", "Afgewezen", "Afgerond"])
        XCTAssertEqual(DeclarationStatus.allCases.map(\.rawValue), ["report", "submitted", "approved", "rejected", "closed"])
        for status in DeclarationStatus.allCases {
            XCTAssertEqual(try DeclarationStatus.parse(status.rawValue), status)
            XCTAssertEqual(try DeclarationStatus.parse(status.rawValue.uppercased()), status)
            XCTAssertEqual(try DeclarationStatus.parse(status.label), status)
            XCTAssertEqual(try DeclarationStatus.parse(status.label.lowercased()), status)
            XCTAssertEqual(try DeclarationStatus.parse(" \(status.label.uppercased()) "), status)
        }
        for bad in ["", "done", "approve", "goedgekeurd!"] {
            assertError(.usage, ["expected one of report, submitted, approved, rejected, closed"]) { try DeclarationStatus.parse(bad) }
        }
        XCTAssertEqual(try json([DeclarationStatus.approved]), #"["approved"]"#)
        XCTAssertEqual(try decode([DeclarationStatus].self, #"["closed"]"#), [.closed])
    }

    func testEveryDeclarationTransition() {
        typealias S = DeclarationStatus
        let legal: [S: [DeclarationAction: S]] = [
            .report: [.enterHours: .report, .submit: .submitted, .comment: .report],
            .submitted: [.approve: .approved, .reject: .rejected, .comment: .submitted],
            .approved: [.close: .closed, .comment: .approved],
            .rejected: [.enterHours: .rejected, .submit: .submitted, .comment: .rejected],
            .closed: [.reopenAfterCredit: .report],
        ]
        var legalCount = 0, illegalCount = 0
        for status in S.allCases {
            for action in DeclarationAction.allCases {
                if let target = legal[status]![action] {
                    XCTAssertEqual(try status.apply(action), target, "\(status) \(action)")
                    XCTAssertTrue(status.allows(action))
                    legalCount += 1
                } else {
                    XCTAssertFalse(status.allows(action))
                    assertError(.conflict, ["is \(status.label), not "]) { try status.apply(action) }
                    do {
                        _ = try status.apply(action)
                    } catch let error as WTError {
                        XCTAssertTrue(error.message.hasPrefix("is \(status.label), not "), error.message)
                    } catch {
                        XCTFail("\(error)")
                    }
                    illegalCount += 1
                }
            }
            XCTAssertEqual(Set(status.allowedActions), Set(legal[status]!.keys))
        }
        XCTAssertEqual(legalCount, 12)
        XCTAssertEqual(illegalCount, 23)
    }

    func testDeclarationTransitionMessages() {
        func message(_ status: DeclarationStatus, _ action: DeclarationAction) -> String {
            do {
                _ = try status.apply(action)
                return "allowed"
            } catch {
                return (error as? WTError)?.message ?? "\(error)"
            }
        }
        XCTAssertEqual("declaration d-1042 " + message(.approved, .reject),
                       "declaration d-1042 is Goedgekeurd, not Ingediend: only submitted declarations can be rejected")
        XCTAssertEqual(message(.approved, .approve), "is Goedgekeurd, not Ingediend: only submitted declarations can be approved")
        XCTAssertEqual(message(.submitted, .submit), "is Ingediend, not Rapporteer or Afgewezen: only declarations to report or rejected ones can be submitted")
        XCTAssertEqual(message(.closed, .enterHours), "is Afgerond, not Rapporteer or Afgewezen: hours can only be entered while a declaration is to report or rejected")
        XCTAssertEqual(message(.submitted, .close), "is Ingediend, not Goedgekeurd: only approved declarations can be closed")
        XCTAssertEqual(message(.closed, .comment), "is Afgerond, not Rapporteer, Ingediend, Goedgekeurd or Afgewezen: closed declarations take no more comments")
        XCTAssertEqual(message(.approved, .reopenAfterCredit), "is Goedgekeurd, not Afgerond: only closed declarations are reopened by a credit note")
    }

    func testTheDeclarationLifeCycle() throws {
        var status = DeclarationStatus.report
        for action: DeclarationAction in [.enterHours, .submit, .comment, .reject, .enterHours, .submit, .approve, .close,
                                          .reopenAfterCredit, .enterHours, .submit, .approve, .close] {
            status = try status.apply(action)
        }
        XCTAssertEqual(status, .closed)
    }

    // MARK: Arbitrary input

    func testParsersAnswerArbitraryInputWithAValueOrAWTError() {
        let alphabet = Array("0123456789012345678901234567890.,:;-+ WwBNLEURÉ€é\t\n\u{0}\u{301}👍🏽@ab_'/()")
        var rng = SeededRandomSource(seed: 42)
        func check<T>(_ input: String, _ parse: (String) throws -> T, _ roundTrip: (T) throws -> Void = { _ in }) {
            do {
                try roundTrip(try parse(input))
            } catch is WTError {
            } catch {
                XCTFail("\(DomainText.quote(input)): \(error)")
            }
        }
        for _ in 0..<20000 {
            let input = String((0..<Int.random(in: 0...16, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            check(input, Money.parse) { XCTAssertEqual(try Money.parse($0.description), $0) }
            check(input, Minutes.parse) { XCTAssertEqual(try Minutes.parse($0.description), $0) }
            check(input, CalendarDate.parse) { XCTAssertEqual($0.description, input) }
            check(input, ISOWeek.parse) { XCTAssertEqual(try ISOWeek.parse($0.description), $0); XCTAssertEqual($0.days.count, 7) }
            check(input, IBAN.normalize) { XCTAssertEqual(try IBAN.normalize($0), $0) }
            check(input, KvK.normalize) { XCTAssertEqual(try KvK.normalize($0), $0) }
            check(input, VATId.normalize) { XCTAssertEqual(try VATId.normalize($0), $0) }
            check(input, Email.normalize) { XCTAssertEqual(try Email.normalize($0), $0) }
            check(input, Phone.normalize) { XCTAssertEqual(try Phone.normalize($0), $0) }
            check(input, { try Postcode.normalize($0, country: "NL") }) { XCTAssertEqual(try Postcode.normalize($0, country: "NL"), $0) }
            check(input, { try Phase.parse($0) })
            check(input, DeclarationStatus.parse)
            _ = PasswordPolicy().violations(input)
        }
    }
}
