/// `wt users disable EMAIL`
struct DisableUser: UserAccountChange {
    typealias Options = UserAccountChangeOptions
    static let change = Accounts.Change.disable
    static let done = "disabled"
    static let already = "is already disabled"
    static let spec = changeSpec(summary: "disable an account: the user can no longer log in or act", example: Example("wt users disable k.smit@bakkerij.nl", "Kees left the company"))
}
