import Foundation
import XCTest
@testable import WTKit

/// Typed config reads (`config[.agencyName]`) and the one table they share
/// with `wt config`: defaults, set values, values a hand edit broke, and that
/// every declared setting is listed in `ConfigKey.all` exactly once.
final class ConfigTests: XCTestCase {
    static let settingsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/WTKit/Services/Config/Settings.swift")

    func testUnsetSettingsReadTheirDefaults() {
        let config = Config(values: [:])
        XCTAssertEqual(config[.agencyName], "WerkTalent")
        XCTAssertEqual(config[.agencyCountry], "NL")
        XCTAssertEqual(config[.portalURL], "https://werktalent.helloflex.com")
        XCTAssertEqual(config[.invoicePrefix], "WT")
        XCTAssertEqual(config[.mailTransport], .outbox)
        XCTAssertEqual(config[.smsTransport], .outbox)
        XCTAssertNil(config[.agencyKvK])
        XCTAssertNil(config[.mailReplyAddress])
        XCTAssertEqual(config[.vatRate], 21)
        XCTAssertEqual(config[.passwordHistory], 0)
        XCTAssertTrue(config[.passwordRequireSpecial])
        XCTAssertFalse(config[.worktimeStrict])
        XCTAssertEqual(config[.worktimeMaxDay], Minutes(12 * 60))
        XCTAssertEqual(config.workTimeLimits, WorkTimeLimits(maxDay: 720, maxWeek: 3600, avg16Week: 2880))
        XCTAssertEqual(config[.hoursTypes].map(\.name), ["normal", "overtime125", "overtime150", "overtime200"])
        XCTAssertEqual(config[.payrollKmRate], Money(cents: 23))
        XCTAssertNil(config[.payrollTypes])
        XCTAssertNil(config.stored(.payrollKmRate))
        XCTAssertEqual(config.passwordPolicy, PasswordPolicy(minLength: 6, requireLetter: true, requireDigit: true, requireSpecial: true))
    }

    /// The typed default and the untyped one (`wt config list`, wt(5)) are the same declaration.
    func testTypedDefaultsAreTheTablesDefaults() throws {
        XCTAssertEqual(try ConfigKey.find("agency.name").defaultValue, .string(Config(values: [:])[.agencyName]))
        XCTAssertEqual(try ConfigKey.find("vat.rate").defaultValue, .int(Config(values: [:])[.vatRate]))
        XCTAssertEqual(try ConfigKey.find("worktime.maxWeek").defaultValue, .string("60:00"))
        XCTAssertEqual(try ConfigKey.find("hours.types").defaultValue, .string("normal=100,overtime125=125,overtime150=150,overtime200=200"))
        XCTAssertEqual(try ConfigKey.find("payroll.kmRate").defaultValue, .string("0.23"))
        XCTAssertEqual(Setting.phaseWeeksA.entry.source?.since, "2023-01-02")
    }

    /// Each default passes its own key's check, so `wt config set KEY <default>` stores the default.
    func testEveryDefaultPassesItsOwnCheck() throws {
        for key in ConfigKey.all {
            let raw: String
            switch key.defaultValue {
            case .null: continue
            case .string(let s): raw = s
            case .int(let i): raw = "\(i)"
            case .bool(let b): raw = "\(b)"
            default: return XCTFail("\(key.key): a default of an unexpected kind")
            }
            XCTAssertEqual(try key.parse(raw), key.defaultValue, key.key)
        }
    }

    func testSetValuesAreRead() throws {
        let config = Config(values: [
            "agency.name": "Uitzendbureau Noord", "agency.kvk": "12345678", "vat.rate": 9, "password.requireDigit": false,
            "worktime.maxDay": "10:30", "hours.types": "normal=100,nacht=130", "payroll.types": "nacht=140",
            "payroll.kmRate": "0.19", "mail.transport": "sendmail",
        ])
        XCTAssertEqual(config[.agencyName], "Uitzendbureau Noord")
        XCTAssertEqual(config[.agencyKvK], "12345678")
        XCTAssertEqual(config[.vatRate], 9)
        XCTAssertFalse(config[.passwordRequireDigit])
        XCTAssertFalse(config.passwordPolicy.requireDigit)
        XCTAssertEqual(config[.worktimeMaxDay], Minutes(10 * 60 + 30))
        XCTAssertEqual(config.workTimeLimits.maxDay, 630)
        XCTAssertEqual(config[.hoursTypes].map(\.name), ["normal", "nacht"])
        XCTAssertEqual(config[.hoursTypes].map(\.percent), [100, 130])
        XCTAssertEqual(config[.payrollTypes]?.map(\.percent), [140])
        XCTAssertEqual(config[.payrollKmRate], Money(cents: 19))
        XCTAssertEqual(config.stored(.payrollKmRate), .string("0.19"))
        XCTAssertEqual(config[.mailTransport], .sendmail)
        // The untyped view of `wt config get` sees the same values.
        XCTAssertEqual(config.value("vat.rate"), .int(9))
        XCTAssertEqual(config.value("invoice.prefix"), .string("WT"))
    }

    /// A hand edit of config.json can store a value of the wrong type (`wt
    /// config set` cannot): it reads as the setting's default, never as a
    /// crash or a made-up value.
    func testABadStoredValueReadsAsTheDefault() {
        let config = Config(values: [
            "agency.name": 5, "vat.rate": "21%", "password.requireLetter": "yes", "worktime.maxDay": "lots",
            "hours.types": "normal=abc", "payroll.kmRate": true, "sms.transport": "pigeon", "agency.kvk": .bool(false), "payroll.types": 3,
        ])
        XCTAssertEqual(config[.agencyName], "WerkTalent")
        XCTAssertEqual(config[.vatRate], 21)
        XCTAssertTrue(config[.passwordRequireLetter])
        XCTAssertEqual(config[.worktimeMaxDay], Minutes(12 * 60))
        XCTAssertEqual(config[.hoursTypes].count, 4)
        XCTAssertEqual(config[.payrollKmRate], Money(cents: 23))
        XCTAssertEqual(config[.smsTransport], .outbox)
        XCTAssertNil(config[.agencyKvK])
        XCTAssertNil(config[.payrollTypes])
        // The raw value stays visible to a reader that must refuse it (payroll runs).
        XCTAssertEqual(config.stored(.payrollTypes), .int(3))
    }

    /// The option parse shared with config keys checks by the setting's rule.
    func testSettingOptionParseUsesTheKeysRule() throws {
        XCTAssertEqual(try SharedOptions.setting(.agencyCountry)("nl"), .string("NL"))
        XCTAssertThrowsError(try SharedOptions.setting(.agencyCountry)("Nederland")) { e in
            XCTAssertEqual((e as? WTError)?.message, "\"Nederland\" must be a two-letter country code such as NL")
        }
    }

    // MARK: The list of all settings

    /// The settings declared in Settings.swift (`static var NAME: Self`) and the
    /// names listed in `ConfigKey.all` (`e(.NAME)`): what is declared but not
    /// listed, listed twice, or listed but not declared.
    static func listingProblems(_ source: String) -> [String] {
        func names(_ pattern: String, in text: String) -> [String] {
            let re = try! NSRegularExpression(pattern: pattern)
            let ns = text as NSString
            return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
        }
        guard let start = source.range(of: "public static let all: [ConfigKey] = [") else { return ["no ConfigKey.all list"] }
        let rest = source[start.upperBound...]
        let list = String(rest[..<(rest.range(of: "]")?.lowerBound ?? rest.endIndex)])
        let declared = names(#"static var (\w+): Self\b"#, in: source)
        let listed = names(#"\be\(\.(\w+)\)"#, in: list)
        var problems: [String] = []
        for n in declared where !listed.contains(n) { problems.append("\(n) is declared but missing from ConfigKey.all") }
        for n in Set(listed) where listed.filter({ $0 == n }).count > 1 { problems.append("\(n) is listed twice in ConfigKey.all") }
        for n in Set(listed) where !declared.contains(n) { problems.append("\(n) is listed but not declared") }
        for n in Set(declared) where declared.filter({ $0 == n }).count > 1 { problems.append("\(n) is declared twice") }
        return problems.sorted()
    }

    func testEverySettingIsListedOnce() throws {
        let source = try String(contentsOf: Self.settingsFile, encoding: .utf8)
        XCTAssertEqual(Self.listingProblems(source), [])
        let declared = source.components(separatedBy: "static var ").count - 1
        XCTAssertEqual(ConfigKey.all.count, declared)
        XCTAssertEqual(Set(ConfigKey.all.map(\.key)).count, ConfigKey.all.count, "a key is declared twice")
    }

    /// The listing check can fail: a setting left out of the list, and one listed twice, are each named.
    func testTheListingCheckCatchesAMissingAndADoubleEntry() throws {
        let source = try String(contentsOf: Self.settingsFile, encoding: .utf8)
        let missing = source.replacingOccurrences(of: "e(.vatRate), ", with: "")
        XCTAssertNotEqual(missing, source)
        XCTAssertEqual(Self.listingProblems(missing), ["vatRate is declared but missing from ConfigKey.all"])
        let twice = source.replacingOccurrences(of: "e(.vatRate), ", with: "e(.vatRate), e(.vatRate), ")
        XCTAssertEqual(Self.listingProblems(twice), ["vatRate is listed twice in ConfigKey.all"])
    }

    /// No call site in Sources/WTKit reads a config key by its string.
    func testNoStringKeyedConfigReads() throws {
        let root = Self.settingsFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let reads = try LayerCheck.load(root: root).stringKeyedReads().filter { $0.what.contains("onfig") }
        XCTAssertEqual(reads.map(\.description), [])
    }
}
