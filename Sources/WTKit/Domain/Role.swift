/// What a portal user may do for their client. Kept with the records (`User.roles`).
public enum Role: String, Sendable, CaseIterable, Equatable {
    case approver, signer, viewer

    public static func parseList(_ values: [String]) throws -> [Role] {
        var roles: [Role] = []
        for v in values {
            guard let r = Role(rawValue: v.lowercased()) else {
                throw WTError.usage(
                    "unknown role \"\(RecordKind.printable(v))\"",
                    hint: (suggestion(for: v, among: Role.allCases.map(\.rawValue)).map { "did you mean \($0)? " } ?? "")
                        + "roles: approver, signer, viewer")
            }
            if !roles.contains(r) { roles.append(r) }
        }
        return roles
    }
}
