import Foundation
/// The agency's settings as stored in `config.json` (only what was set), read
/// with their defaults: `config[.agencyName]` is a `String`, `config[.agencyKvK]`
/// a `String?` (no default), `config[.vatRate]` an `Int`.
public struct Config {
    public static let file = "config.json"
    public let values: [String: JSON]

    public static func load(_ reader: StoreReader) throws -> Config {
        guard let json = try reader.read(file) else { return Config(values: [:]) }
        guard case .object(let o) = json else { throw RecordFile.damaged(reader, file, "expected an object") }
        return Config(values: o)
    }

    /// A setting's value: the one set, else its default. A set value that is
    /// not of the setting's type (only a hand edit of config.json makes one:
    /// `wt config set` checks every value) reads as the default.
    public subscript<Value>(_ setting: Setting<Value>) -> Value {
        values[setting.entry.key].flatMap(setting.read) ?? setting.fallback
    }

    /// The value set in config.json, nil when unset: for a setting whose
    /// absence means something else than its default (`payroll.kmRate`).
    public func stored<Value>(_ setting: Setting<Value>) -> JSON? { values[setting.entry.key] }

    /// A setting's value as stored JSON, for the untyped table of `wt config`.
    public func value(_ key: String) -> JSON {
        values[key] ?? (ConfigKey.all.first { $0.key == key }?.defaultValue ?? .null)
    }

    public var passwordPolicy: PasswordPolicy {
        PasswordPolicy(
            minLength: self[.passwordMinLength], requireLetter: self[.passwordRequireLetter],
            requireDigit: self[.passwordRequireDigit], requireSpecial: self[.passwordRequireSpecial])
    }

    public var workTimeLimits: WorkTimeLimits {
        WorkTimeLimits(maxDay: self[.worktimeMaxDay].value, maxWeek: self[.worktimeMaxWeek].value, avg16Week: self[.worktimeAvg16Week].value)
    }

    /// `wt config set`: the back office changes one setting (already
    /// validated), with its audit entry.
    public static func change(_ key: String, _ value: JSON, in tx: Transaction, actor: Actor) throws {
        try AccessControl.requireBackoffice(actor, toDo: "change settings")
        try set(key, value, in: tx)
        tx.record("config.set", key, ["value": value])
    }

    /// Sets one key (already validated) in the transaction.
    public static func set(_ key: String, _ value: JSON, in tx: Transaction) throws {
        var o = try load(tx).values
        o[key] = value
        tx.write(file, .object(o))
    }
}
