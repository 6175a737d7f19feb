/// `wt workers unlock ID`
struct UnlockWorker: WorkerAccountChange {
    static let change = Accounts.Change.unlock
    static let done = "unlocked"
    static let already = "is not locked"
    static let spec = changeSpec(summary: "lift a lock after failed logins, and reset the failure count", example: Example("wt workers unlock w-3", "Daan may try again now"))
}
