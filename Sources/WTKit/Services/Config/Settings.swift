/// A typed setting: its key, kind (the check `wt config set` applies), default,
/// help and legal source, declared once below. Code reads it as
/// `config[.agencyName]` and gets a `String`, never restating the default;
/// `wt config`, `wt help config` and wt(5) read the same declarations through
/// `ConfigKey.all`.
public struct Setting<Value: Sendable>: Sendable {
    /// The untyped view of this setting (`wt config`, the man page, validation).
    public let entry: ConfigKey
    /// The default as a value of its type.
    let fallback: Value
    /// A stored value as a value of its type; nil when it is not of the key's type.
    let read: @Sendable (JSON) -> Value?

    init(_ entry: ConfigKey, fallback: Value, read: @escaping @Sendable (JSON) -> Value?) {
        self.entry = entry
        self.fallback = fallback
        self.read = read
    }
}

extension Setting where Value == String {
    init(_ key: String, _ kind: ConfigKey.Kind, default value: String, _ help: String) {
        self.init(ConfigKey(key, kind, .string(value), help), fallback: value) { $0.stringValue }
    }
}

extension Setting where Value == String? {
    /// A text setting without a default: nil until set.
    init(_ key: String, _ kind: ConfigKey.Kind, _ help: String) {
        self.init(ConfigKey(key, kind, .null, help), fallback: nil) { $0.stringValue }
    }
}

extension Setting where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of a fixed set of words, the cases of `Value` in their order.
    init(_ key: String, default value: Value, _ help: String) {
        self.init(ConfigKey(key, .choice(Value.allCases.map(\.rawValue)), .string(value.rawValue), help), fallback: value) { json in
            json.stringValue.flatMap(Value.init(rawValue:))
        }
    }
}

extension Setting where Value == Int {
    init(_ key: String, _ range: ClosedRange<Int>, default value: Int, _ help: String, source: ConfigKey.Source? = nil) {
        self.init(ConfigKey(key, .int(range), .int(value), help, source: source), fallback: value) { $0.intValue }
    }
}

extension Setting where Value == Bool {
    init(_ key: String, default value: Bool, _ help: String) {
        self.init(ConfigKey(key, .bool, .bool(value), help), fallback: value) { $0.boolValue }
    }
}

extension Setting where Value == Minutes {
    /// A length of time stored as hours text (`12:00`).
    init(_ key: String, hours range: ClosedRange<Int>, default value: Minutes, _ help: String, source: ConfigKey.Source? = nil) {
        self.init(ConfigKey(key, .hours(range), .string(value.description), help, source: source), fallback: value) { json in
            json.stringValue.flatMap { try? Minutes.parse($0) }
        }
    }
}

extension Setting where Value == Money {
    init(_ key: String, max: Int64, default value: Money, _ help: String) {
        self.init(ConfigKey(key, .amount(max: max), .string(value.description), help), fallback: value) { json in
            json.stringValue.flatMap { try? Money.parse($0) }
        }
    }
}

extension Setting where Value == HourTypes.Table {
    init(_ key: String, default value: HourTypes.Table, _ help: String) {
        self.init(ConfigKey(key, .hourTypes, .string(HourTypes.format(value)), help), fallback: value) { json in
            json.stringValue.flatMap { try? HourTypes.parse($0, key: key) }
        }
    }
}

extension Setting where Value == HourTypes.Table? {
    /// Pay percentages per hour type; `normal` is not required. Nil until set.
    init(_ key: String, _ help: String) {
        self.init(ConfigKey(key, .payTypes, .null, help), fallback: nil) { json in
            json.stringValue.flatMap { try? HourTypes.parse($0, key: key, requireNormal: false) }
        }
    }
}

// MARK: - The settings

// Each setting is declared once, here, grouped by its type (Swift allows
// only computed static members in a generic type's extensions). The order in
// which `wt config list` and wt(5) show them is `ConfigKey.all` at the end;
// ConfigTests fails when a setting declared here is missing from it or is
// listed twice.

public extension Setting where Value == String {
    static var agencyName: Self { Self("agency.name", .text, default: "WerkTalent", "the agency's name, on mails and invoices") }
    static var agencyCountry: Self { Self("agency.country", .country, default: "NL", "country code") }
    static var agencyEmail: Self {
        Self("agency.email", .email, default: "administratie@werktalent.com", "the support address in mails (\"Vragen? Mail naar ...\")")
    }
    static var portalURL: Self {
        Self("portal.url", .url, default: "https://werktalent.helloflex.com", "the portal's address; activation links start with it")
    }
    static var mailSendmailPath: Self { Self("mail.sendmailPath", .path, default: "/usr/sbin/sendmail", "sendmail program (mail.transport sendmail)") }
    static var invoicePrefix: Self { Self("invoice.prefix", .prefix, default: "WT", "invoice number prefix: <prefix><year>-<seq>") }
    static var payrollPrefix: Self { Self("payroll.prefix", .prefix, default: "L", "payroll run number prefix: <prefix><year>-<seq>") }
}

public extension Setting where Value == String? {
    static var agencyStreet: Self { Self("agency.street", .text, "street and number") }
    static var agencyPostcode: Self { Self("agency.postcode", .postcode, "postcode") }
    static var agencyCity: Self { Self("agency.city", .text, "city") }
    static var agencyKvK: Self { Self("agency.kvk", .kvk, "Chamber of Commerce number (8 digits)") }
    static var agencyVatId: Self { Self("agency.vatId", .vatId, "VAT id (NL000000000B00)") }
    static var agencyIBAN: Self { Self("agency.iban", .iban, "the IBAN clients pay to") }
    static var agencyGAccountIBAN: Self { Self("agency.gAccountIban", .gAccountIban, "the G-account IBAN for the G-account share") }
    static var smsCommand: Self { Self("sms.command", .path, "program run with the number and text as arguments (sms.transport command)") }
    static var mailReplyAddress: Self {
        Self("mail.replyAddress", .replyAddress,
            "the address approvers answer digests at; when set, digests carry a Goedkeuren and an Afwijzen link per declaration (wt mail ingest)")
    }
    static var mailAuthservId: Self { Self("mail.authservId", .text, "the authserv-id our own mail server writes in Authentication-Results headers") }
}

/// How mails leave: kept in the outbox only, or also handed to sendmail.
public enum MailTransport: String, CaseIterable, Sendable { case outbox, sendmail }
/// How text messages leave: kept in the outbox only, or also given to `sms.command`.
public enum SMSTransport: String, CaseIterable, Sendable { case outbox, command }

public extension Setting where Value == MailTransport {
    static var mailTransport: Self { Self("mail.transport", default: .outbox, "how mails are sent") }
}

public extension Setting where Value == SMSTransport {
    static var smsTransport: Self { Self("sms.transport", default: .outbox, "how text messages are sent") }
}

public extension Setting where Value == Int {
    static var activationValidDays: Self { Self("activation.validDays", 1...90, default: 7, "days an activation link stays valid") }
    static var passwordMinLength: Self { Self("password.minLength", 6...128, default: 6, "minimum password length") }
    static var passwordHistory: Self {
        Self("password.history", 0...24, default: 0, "how many other passwords must come before one may be reused")
    }
    static var passwordMaxAgeDays: Self { Self("password.maxAgeDays", 1...9999, default: 9999, "days before a password expires") }
    static var loginMaxFailures: Self { Self("login.maxFailures", 1...100, default: 5, "failed logins in a row that lock an account") }
    static var loginLockMinutes: Self { Self("login.lockMinutes", 1...10080, default: 15, "minutes a locked account stays locked") }
    static var smsValidMinutes: Self { Self("sms.validMinutes", 1...60, default: 10, "minutes an SMS signing code stays valid") }
    static var smsMaxAttempts: Self { Self("sms.maxAttempts", 1...20, default: 5, "wrong codes before an SMS code is dead") }
    static var notifyIntervalHours: Self { Self("notify.intervalHours", 1...720, default: 24, "hours between two digest mails to one approver") }
    static var mailApprovalValidDays: Self {
        Self("mail.approvalValidDays", 1...90, default: 7, "days an approve or reject link of a digest stays valid")
    }
    static var invoicePaymentDays: Self { Self("invoice.paymentDays", 0...365, default: 30, "payment term in days") }
    static var vatRate: Self { Self("vat.rate", 0...100, default: 21, "VAT rate in percent") }
    static var phaseWeeksA: Self {
        Self("phase.weeksA", 1...520, default: 52,
            "worked weeks a worker may spend in phase A (ABU) or 1-2 (NBBU); `wt contracts add --phase A|1-2` is refused after them",
            source: ConfigKey.Source("ABU cao voor uitzendkrachten artikel 10 lid 1 (fase A) and NBBU cao voor uitzendkrachten artikel 10 lid 1 (fase 1-2): only weeks worked count, over every client; 78 weeks before", since: "2023-01-02"))
    }
    static var phaseResetWeeks: Self {
        Self("phase.resetWeeks", 1...520, default: 26,
            "more than this many weeks without work restart the phase count",
            source: ConfigKey.Source("ABU and NBBU cao voor uitzendkrachten artikel 10 lid 1: an interruption of more than six months between two assignments restarts the count (kept as whole weeks: 26 weeks are 182 days)", since: "2019-12-30"))
    }
    static var contractsNoticeDays: Self {
        Self("contracts.noticeDays", 0...365, default: 35,
            "days before its end that a fixed-term contract shows in `wt status` (waiting.contractsEnding) and `wt notify` tells the back office",
            source: ConfigKey.Source("Burgerlijk Wetboek artikel 7:668 lid 1 (aanzegging): written notice at least one month before a fixed-term contract of six months or more ends; 35 days leave a week to act", since: "2015-01-01"))
    }
}

public extension Setting where Value == Bool {
    static var passwordRequireLetter: Self { Self("password.requireLetter", default: true, "a password needs a letter") }
    static var passwordRequireDigit: Self { Self("password.requireDigit", default: true, "a password needs a digit") }
    static var passwordRequireSpecial: Self { Self("password.requireSpecial", default: true, "a password needs a special character") }
    static var notifyRemindWorkers: Self {
        Self("notify.remindWorkers", default: false, "remind workers whose declarations of past weeks are not submitted")
    }
    static var mailRequireAuthentication: Self {
        Self("mail.requireAuthentication", default: false,
            "when true, wt mail ingest trusts a message only with dkim=pass or spf=pass for its From domain in an Authentication-Results header of mail.authservId")
    }
    static var worktimeStrict: Self {
        Self("worktime.strict", default: false, "refuse (exit 6) hours that raise a working-time warning, instead of warning on stderr")
    }
}

public extension Setting where Value == Minutes {
    static var worktimeMaxDay: Self {
        Self("worktime.maxDay", hours: 60...(24 * 60), default: Minutes(12 * 60),
            "hours on one date, over all of a worker's contracts, above which a declaration warns (day-over-max)",
            source: ConfigKey.Source("Arbeidstijdenwet artikel 5:7: at most 12 hours per shift", since: "2007-04-01"))
    }
    static var worktimeMaxWeek: Self {
        Self("worktime.maxWeek", hours: 60...(168 * 60), default: Minutes(60 * 60),
            "hours in one ISO week, over all of a worker's contracts, above which a declaration warns (week-over-max)",
            source: ConfigKey.Source("Arbeidstijdenwet artikel 5:7: at most 60 hours per week", since: "2007-04-01"))
    }
    static var worktimeAvg16Week: Self {
        Self("worktime.avg16Week", hours: 60...(168 * 60), default: Minutes(48 * 60),
            "average hours per week over the 16 weeks up to a declaration's week above which it warns (avg16-over-max)",
            source: ConfigKey.Source("Arbeidstijdenwet artikel 5:7: at most 48 hours per week on average over 16 weeks", since: "2007-04-01"))
    }
}

public extension Setting where Value == Money {
    /// Payroll reads only a value that was set (`Config.stored`): unset, the
    /// legal maximum of the declaration's week applies, not this default.
    static var payrollKmRate: Self {
        Self("payroll.kmRate", max: 1000, default: Money(cents: 23),
            "km allowance per km in payroll runs; when not set, the untaxed maximum in force in the declaration's week: " + KmAllowance.summary)
    }
}

public extension Setting where Value == HourTypes.Table {
    static var hoursTypes: Self {
        Self("hours.types", default: [("normal", 100), ("overtime125", 125), ("overtime150", 150), ("overtime200", 200)],
            "hour types and the percentage of the bill rate each is billed at")
    }
}

public extension Setting where Value == HourTypes.Table? {
    static var payrollTypes: Self {
        Self("payroll.types",
            "hour types and the percentage of the pay rate each is paid at; a type not listed is paid at its hours.types percentage")
    }
}

extension ConfigKey {
    /// Every setting in the order `wt config list`, `wt help config` and wt(5)
    /// show them. Swift cannot enumerate static members, so each is named once
    /// more here; ConfigTests checks that none is missing or twice.
    public static let all: [ConfigKey] = [
        e(.agencyName), e(.agencyStreet), e(.agencyPostcode), e(.agencyCity), e(.agencyCountry), e(.agencyKvK), e(.agencyVatId),
        e(.agencyIBAN), e(.agencyGAccountIBAN), e(.agencyEmail), e(.portalURL), e(.activationValidDays),
        e(.passwordMinLength), e(.passwordRequireLetter), e(.passwordRequireDigit), e(.passwordRequireSpecial), e(.passwordHistory),
        e(.passwordMaxAgeDays), e(.loginMaxFailures), e(.loginLockMinutes), e(.smsValidMinutes), e(.smsMaxAttempts),
        e(.smsTransport), e(.smsCommand), e(.notifyIntervalHours), e(.notifyRemindWorkers), e(.mailTransport), e(.mailSendmailPath),
        e(.mailReplyAddress), e(.mailApprovalValidDays), e(.mailRequireAuthentication), e(.mailAuthservId), e(.invoicePrefix),
        e(.invoicePaymentDays), e(.vatRate), e(.hoursTypes), e(.payrollPrefix), e(.payrollKmRate), e(.payrollTypes),
        e(.phaseWeeksA), e(.phaseResetWeeks), e(.contractsNoticeDays), e(.worktimeMaxDay), e(.worktimeMaxWeek), e(.worktimeAvg16Week),
        e(.worktimeStrict),
    ]

    private static func e<Value>(_ setting: Setting<Value>) -> ConfigKey { setting.entry }
}
