/// One setting as `wt config`, `wt help config`, the man page wt(5) and
/// validation see it: key, kind, default as stored, help and legal source.
/// The entries are not written here: each comes from its typed declaration in
/// Settings.swift (`Setting<Value>`), so the code's reads and this untyped
/// view cannot disagree. It lives in Services, not Domain, because its
/// defaults are stored JSON values.
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
