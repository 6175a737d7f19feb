/// `wt workers enable ID`
struct EnableWorker: WorkerAccountChange {
    static let change = Accounts.Change.enable
    static let done = "enabled"
    static let already = "is not disabled"
    static let spec = changeSpec(summary: "enable a disabled worker's account again", example: Example("wt workers enable w-3", "Daan is back"))
}
