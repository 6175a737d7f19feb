/// `wt users enable EMAIL`
struct EnableUser: UserAccountChange {
    typealias Options = UserAccountChangeOptions
    static let change = Accounts.Change.enable
    static let done = "enabled"
    static let already = "is not disabled"
    static let spec = changeSpec(summary: "enable a disabled account again", example: Example("wt users enable k.smit@bakkerij.nl", "Kees is back"))
}
