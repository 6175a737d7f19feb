/// `wt users unlock EMAIL`
struct UnlockUser: UserAccountChange {
    typealias Options = UserAccountChangeOptions
    static let change = Accounts.Change.unlock
    static let done = "unlocked"
    static let already = "is not locked"
    static let spec = changeSpec(summary: "lift a lock after failed logins, and reset the failure count", example: Example("wt users unlock p.devries@bakkerij.nl", "Petra may try again now"))
}
