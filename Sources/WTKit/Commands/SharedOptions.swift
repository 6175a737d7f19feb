/// Value parses that several nouns' options share, written once. Each throws
/// the bare message; `ValueOption` puts `--name: ` before it.
enum SharedOptions {
    /// A calendar date, YYYY-MM-DD.
    @Sendable static func date(_ raw: String) throws -> CalendarDate {
        do { return try CalendarDate.parse(raw) } catch let e as WTError {
            throw WTError(e.kind, e.message, hint: "dates are written YYYY-MM-DD")
        }
    }

    /// A value checked by the rule of `setting` (the option sets or shares
    /// that setting), without the key's own `key: ` prefix: the option names
    /// itself.
    static func setting<Value>(_ setting: Setting<Value>) -> @Sendable (String) throws -> JSON {
        let entry = setting.entry
        return { raw in
            do { return try entry.parse(raw) } catch let e as WTError {
                let key = entry.key
                let own = "\(key): "
                throw e.message.hasPrefix(own) ? WTError(e.kind, String(e.message.dropFirst(own.count)), hint: e.hint) : e
            }
        }
    }
}
