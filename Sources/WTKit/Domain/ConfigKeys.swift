/// The agency's settings: each key once, with its type, default and meaning.
/// `wt config`, the man page and validation all read this table.
public struct ConfigKey: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        case email
        case url
        case kvk
        case vatId
        case iban
        case gAccountIban
        case country
        case postcode
        case int(ClosedRange<Int>)
        case bool
        case choice([String])
        case path
        case prefix
        case hourTypes
        /// Hour type → pay percentage (`payroll.types`); `normal` is not required.
        case payTypes
        /// A non-negative amount in euros, at most the bound (`payroll.kmRate`).
        case amount(max: Int64)
        /// A length of time as hours, stored as text (`12:00`): within the range of minutes.
        case hours(ClosedRange<Int>)
        /// An address whose local part leaves room for `+` and a 52-character token (SPEC §15).
        case replyAddress
    }

    /// Where a legal limit comes from and since when it holds: limits change
    /// with the law and the agreements, so each default names its source.
    public struct Source: Sendable {
        public let rule: String
        public let since: String
        public init(_ rule: String, since: String) {
            self.rule = rule
            self.since = since
        }
        public var text: String { "\(rule); this default since \(since)" }
    }

    public let key: String
    public let kind: Kind
    public let defaultValue: JSON
    public let help: String
    public let source: Source?

    init(_ key: String, _ kind: Kind, _ defaultValue: JSON, _ help: String, source: Source? = nil) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
        self.source = source
    }

    /// The help text with its source, for `wt config list`, `wt help config` and wt.5.
    public var description: String { source.map { "\(help) (source: \($0.text))" } ?? help }

    public var typeName: String {
        switch kind {
        case .int(let r): "number \(r.lowerBound)-\(r.upperBound)"
        case .bool: "true|false"
        case .choice(let c): c.joined(separator: "|")
        case .hourTypes, .payTypes: "name=percent,..."
        case .amount: "euros (0.23)"
        case .hours: "H:MM"
        case .replyAddress: "email"
        default: "\(kind)".replacingOccurrences(of: "Kind.", with: "")
        }
    }

    /// Parses and checks a value given on the command line.
    public func parse(_ raw: String) throws -> JSON {
        let v = raw.trimmingSpaces()
        func bad(_ why: String) -> WTError { WTError.invalid("\(key): \"\(RecordKind.printable(raw))\" \(why)") }
        if v.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { throw bad("contains control characters") }
        switch kind {
        case .text:
            guard !v.isEmpty, v.count <= 200 else { throw bad("must be 1 to 200 characters") }
            return .string(v)
        case .email: return .string(try rethrow(key) { try Email.normalize(v) })
        case .url:
            guard (v.hasPrefix("https://") || v.hasPrefix("http://")), v.count > 8, !v.contains(" ") else {
                throw bad("is not an http(s) URL")
            }
            return .string(v.hasSuffix("/") ? String(v.dropLast()) : v)
        case .kvk: return .string(try rethrow(key) { try KvK.normalize(v) })
        case .vatId: return .string(try rethrow(key) { try VATId.normalize(v) })
        case .iban: return .string(try rethrow(key) { try IBAN.normalize(v) })
        case .gAccountIban:
            let iban = try rethrow(key) { try IBAN.normalize(v) }
            guard IBAN.isGAccount(iban) else { throw bad("is not a G-account IBAN (a Dutch IBAN with 099 after the bank code)") }
            return .string(iban)
        case .country:
            guard v.count == 2, v.allSatisfy({ $0.isLetter && $0.isASCII }) else { throw bad("must be a two-letter country code such as NL") }
            return .string(v.uppercased())
        case .postcode: return .string(try rethrow(key) { try Postcode.normalize(v, country: "NL") })
        case .int(let range):
            guard let n = Int(v), range.contains(n) else { throw bad("must be a whole number from \(range.lowerBound) to \(range.upperBound)") }
            return .int(n)
        case .bool:
            switch v.lowercased() {
            case "true", "yes", "on", "1": return .bool(true)
            case "false", "no", "off", "0": return .bool(false)
            default: throw bad("must be true or false")
            }
        case .choice(let options):
            guard options.contains(v) else { throw bad("must be one of \(options.joined(separator: ", "))") }
            return .string(v)
        case .path:
            guard v.hasPrefix("/") else { throw bad("must be an absolute path") }
            return .string(v)
        case .prefix:
            guard (1...10).contains(v.count), v.allSatisfy({ ($0.isLetter || $0.isNumber) && $0.isASCII }) else {
                throw bad("must be 1 to 10 letters or digits")
            }
            return .string(v)
        case .hourTypes:
            let types = try HourTypes.parse(v)
            return .string(HourTypes.format(types))
        case .payTypes:
            return .string(HourTypes.format(try HourTypes.parse(v, key: key, requireNormal: false)))
        case .amount(let max):
            let m = try rethrow(key) { try Money.parse(v) }
            guard m.cents >= 0, m.cents <= max else { throw bad("must be an amount from 0.00 to \(Money(cents: max))") }
            return .string(m.description)
        case .hours(let range):
            guard let m = try? Minutes.parse(v), range.contains(m.value) else {
                throw bad("must be hours from \(Minutes(range.lowerBound)) to \(Minutes(range.upperBound)), e.g. 12:00")
            }
            return .string(Minutes(m.value).description)
        case .replyAddress:
            let address = try rethrow(key) { try Email.normalize(v) }.lowercased()
            let local = address.split(separator: "@").first ?? ""
            // RFC 5321 §4.5.3.1.1: a local part holds at most 64 octets.
            guard !local.contains("+"), local.count + 1 + ApprovalTokens.tokenLength <= 64 else {
                throw bad("needs a local part of at most \(63 - ApprovalTokens.tokenLength) characters without '+', so that +TOKEN fits (e.g. uren@werktalent.example)")
            }
            return .string(address)
        }
    }

    func rethrow<T>(_ key: String, _ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as WTError {
            throw WTError.invalid("\(key): \(e.message)", hint: e.hint)
        }
    }

    public static let all: [ConfigKey] = [
        ConfigKey("agency.name", .text, "WerkTalent", "the agency's name, on mails and invoices"),
        ConfigKey("agency.street", .text, nil, "street and number"),
        ConfigKey("agency.postcode", .postcode, nil, "postcode"),
        ConfigKey("agency.city", .text, nil, "city"),
        ConfigKey("agency.country", .country, "NL", "country code"),
        ConfigKey("agency.kvk", .kvk, nil, "Chamber of Commerce number (8 digits)"),
        ConfigKey("agency.vatId", .vatId, nil, "VAT id (NL000000000B00)"),
        ConfigKey("agency.iban", .iban, nil, "the IBAN clients pay to"),
        ConfigKey("agency.gAccountIban", .gAccountIban, nil, "the G-account IBAN for the G-account share"),
        ConfigKey("agency.email", .email, "administratie@werktalent.com", "the support address in mails (\"Vragen? Mail naar ...\")"),
        ConfigKey("portal.url", .url, "https://werktalent.helloflex.com", "the portal's address; activation links start with it"),
        ConfigKey("activation.validDays", .int(1...90), 7, "days an activation link stays valid"),
        ConfigKey("password.minLength", .int(6...128), 6, "minimum password length"),
        ConfigKey("password.requireLetter", .bool, true, "a password needs a letter"),
        ConfigKey("password.requireDigit", .bool, true, "a password needs a digit"),
        ConfigKey("password.requireSpecial", .bool, true, "a password needs a special character"),
        ConfigKey("password.history", .int(0...24), 0, "how many other passwords must come before one may be reused"),
        ConfigKey("password.maxAgeDays", .int(1...9999), 9999, "days before a password expires"),
        ConfigKey("login.maxFailures", .int(1...100), 5, "failed logins in a row that lock an account"),
        ConfigKey("login.lockMinutes", .int(1...10080), 15, "minutes a locked account stays locked"),
        ConfigKey("sms.validMinutes", .int(1...60), 10, "minutes an SMS signing code stays valid"),
        ConfigKey("sms.maxAttempts", .int(1...20), 5, "wrong codes before an SMS code is dead"),
        ConfigKey("sms.transport", .choice(["outbox", "command"]), "outbox", "how text messages are sent"),
        ConfigKey("sms.command", .path, nil, "program run with the number and text as arguments (sms.transport command)"),
        ConfigKey("notify.intervalHours", .int(1...720), 24, "hours between two digest mails to one approver"),
        ConfigKey("notify.remindWorkers", .bool, false, "remind workers whose declarations of past weeks are not submitted"),
        ConfigKey("mail.transport", .choice(["outbox", "sendmail"]), "outbox", "how mails are sent"),
        ConfigKey("mail.sendmailPath", .path, "/usr/sbin/sendmail", "sendmail program (mail.transport sendmail)"),
        ConfigKey("mail.replyAddress", .replyAddress, nil,
            "the address approvers answer digests at; when set, digests carry a Goedkeuren and an Afwijzen link per declaration (wt mail ingest)"),
        ConfigKey("mail.approvalValidDays", .int(1...90), 7, "days an approve or reject link of a digest stays valid"),
        ConfigKey("mail.requireAuthentication", .bool, false,
            "when true, wt mail ingest trusts a message only with dkim=pass or spf=pass for its From domain in an Authentication-Results header of mail.authservId"),
        ConfigKey("mail.authservId", .text, nil, "the authserv-id our own mail server writes in Authentication-Results headers"),
        ConfigKey("invoice.prefix", .prefix, "WT", "invoice number prefix: <prefix><year>-<seq>"),
        ConfigKey("invoice.paymentDays", .int(0...365), 30, "payment term in days"),
        ConfigKey("vat.rate", .int(0...100), 21, "VAT rate in percent"),
        ConfigKey("hours.types", .hourTypes, "normal=100,overtime125=125,overtime150=150,overtime200=200",
            "hour types and the percentage of the bill rate each is billed at"),
        ConfigKey("payroll.prefix", .prefix, "L", "payroll run number prefix: <prefix><year>-<seq>"),
        ConfigKey("payroll.kmRate", .amount(max: 1000), "0.23",
            "km allowance per km in payroll runs; when not set, the untaxed maximum in force in the declaration's week: "
                + KmAllowance.summary),
        ConfigKey("payroll.types", .payTypes, nil,
            "hour types and the percentage of the pay rate each is paid at; a type not listed is paid at its hours.types percentage"),
        ConfigKey("phase.weeksA", .int(1...520), 52,
            "worked weeks a worker may spend in phase A (ABU) or 1-2 (NBBU); `wt contracts add --phase A|1-2` is refused after them",
            source: Source("ABU cao voor uitzendkrachten artikel 10 lid 1 (fase A) and NBBU cao voor uitzendkrachten artikel 10 lid 1 (fase 1-2): only weeks worked count, over every client; 78 weeks before", since: "2023-01-02")),
        ConfigKey("phase.resetWeeks", .int(1...520), 26,
            "more than this many weeks without work restart the phase count",
            source: Source("ABU and NBBU cao voor uitzendkrachten artikel 10 lid 1: an interruption of more than six months between two assignments restarts the count (kept as whole weeks: 26 weeks are 182 days)", since: "2019-12-30")),
        ConfigKey("contracts.noticeDays", .int(0...365), 35,
            "days before its end that a fixed-term contract shows in `wt status` (waiting.contractsEnding) and `wt notify` tells the back office",
            source: Source("Burgerlijk Wetboek artikel 7:668 lid 1 (aanzegging): written notice at least one month before a fixed-term contract of six months or more ends; 35 days leave a week to act", since: "2015-01-01")),
        ConfigKey("worktime.maxDay", .hours(60...(24 * 60)), "12:00",
            "hours on one date, over all of a worker's contracts, above which a declaration warns (day-over-max)",
            source: Source("Arbeidstijdenwet artikel 5:7: at most 12 hours per shift", since: "2007-04-01")),
        ConfigKey("worktime.maxWeek", .hours(60...(168 * 60)), "60:00",
            "hours in one ISO week, over all of a worker's contracts, above which a declaration warns (week-over-max)",
            source: Source("Arbeidstijdenwet artikel 5:7: at most 60 hours per week", since: "2007-04-01")),
        ConfigKey("worktime.avg16Week", .hours(60...(168 * 60)), "48:00",
            "average hours per week over the 16 weeks up to a declaration's week above which it warns (avg16-over-max)",
            source: Source("Arbeidstijdenwet artikel 5:7: at most 48 hours per week on average over 16 weeks", since: "2007-04-01")),
        ConfigKey("worktime.strict", .bool, false,
            "refuse (exit 6) hours that raise a working-time warning, instead of warning on stderr"),
    ]

    /// The keys whose defaults come from a law or an agreement.
    public static var sourced: [ConfigKey] { all.filter { $0.source != nil } }

    public static func find(_ key: String) throws -> ConfigKey {
        guard let k = all.first(where: { $0.key == key }) else {
            throw WTError.notFound(
                "unknown setting \"\(RecordKind.printable(key))\"",
                hint: suggestion(for: key, among: all.map(\.key)).map { "did you mean \($0)?" } ?? "`wt config list` shows every key")
        }
        return k
    }
}

/// Hour types and their billing percentage (`normal=100,overtime125=125`).
public enum HourTypes {
    public static func parse(_ s: String, key: String = "hours.types", requireNormal: Bool = true) throws -> [(name: String, percent: Int)] {
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

    public static func format(_ types: [(name: String, percent: Int)]) -> String {
        types.map { "\($0.name)=\($0.percent)" }.joined(separator: ",")
    }
}

import Foundation
