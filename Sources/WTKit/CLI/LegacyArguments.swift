/// Options read back by name: the shape verbs had before they were typed
/// (`Verb`). Only verbs not yet converted use these; a verb type reads its
/// declared options instead.
extension CommandEnv {
    public var positionals: [String] { line.positionals }

    public func arg(_ i: Int) -> String? { i < line.positionals.count ? line.positionals[i] : nil }

    public func value(_ name: String) -> String? { line.values[name]?.last }

    /// A list option: every value given, comma lists split, blanks refused.
    public func list(_ name: String) throws -> [String] {
        let vs = line.values[name] ?? []
        if vs.contains(where: { $0.trimmingSpaces().isEmpty }) {
            throw WTError.usage("--\(name) has an empty value")
        }
        return vs.map { $0.trimmingSpaces() }
    }

    public func flag(_ name: String) -> Bool { line.flags.contains(name) }

    public func required(_ name: String) throws -> String {
        guard let v = value(name) else {
            let spec = command.options.first { $0.name == name }
            throw WTError.usage(
                "`wt \(command.path)` needs --\(name)\(spec?.value.map { " \($0)" } ?? "")", hint: "usage: \(command.synopsis)")
        }
        return v
    }

    public func ids(from start: Int = 0) throws -> [String] { ids(Array(line.positionals.dropFirst(start))) }
}
