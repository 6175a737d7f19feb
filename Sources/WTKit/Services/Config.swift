/// The agency's settings as stored in `config.json` (only what was set), read
/// with their defaults.
public struct Config {
    public static let file = "config.json"
    public let values: [String: JSON]

    public static func load(_ reader: StoreReader) throws -> Config {
        guard let json = try reader.read(file) else { return Config(values: [:]) }
        guard case .object(let o) = json else { throw RecordFile.damaged(reader, file, "expected an object") }
        return Config(values: o)
    }

    public func value(_ key: String) -> JSON {
        values[key] ?? (ConfigKey.all.first { $0.key == key }?.defaultValue ?? .null)
    }

    public func string(_ key: String) -> String? { value(key).stringValue }
    public func int(_ key: String) -> Int { value(key).intValue ?? ConfigKey.all.first { $0.key == key }?.defaultValue.intValue ?? 0 }
    public func bool(_ key: String) -> Bool { value(key).boolValue ?? false }

    /// A `.hours` setting in minutes.
    public func minutes(_ key: String) -> Int {
        let fallback = ConfigKey.all.first { $0.key == key }?.defaultValue.stringValue
        return (try? Minutes.parse(string(key) ?? fallback ?? "")).map(\.value) ?? (try? Minutes.parse(fallback ?? "")).map(\.value) ?? 0
    }

    public var hourTypes: [(name: String, percent: Int)] {
        (try? HourTypes.parse(string("hours.types") ?? "")) ?? [("normal", 100)]
    }

    public var passwordPolicy: PasswordPolicy {
        var p = PasswordPolicy()
        p.minLength = int("password.minLength")
        p.requireLetter = bool("password.requireLetter")
        p.requireDigit = bool("password.requireDigit")
        p.requireSpecial = bool("password.requireSpecial")
        return p
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
