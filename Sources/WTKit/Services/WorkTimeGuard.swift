/// What `enter` and `import` do with the working-time warnings their hours
/// raise: name them on stderr, or with `worktime.strict` refuse the change.
public enum WorkTimeGuard {
    /// The new warnings as lines for stderr; throws `invalid` (exit 6) with
    /// all of them when the agency is strict, before anything is written.
    public static func check(_ set: DeclarationSet) throws -> [String] {
        let lines = set.newWarnings.map { "\($0.id) \($0.warning.code.rawValue): \($0.warning.message)" }
        guard !lines.isEmpty else { return [] }
        if try Config.load(set.tx)[.worktimeStrict] {
            throw WTError.invalid(
                "these hours break the working-time limits, so nothing was changed:\n  " + lines.joined(separator: "\n  "),
                hint: "correct the hours, or `wt config set worktime.strict false` to record them with a warning")
        }
        return lines
    }
}
