/// `wt workers disable ID`
struct DisableWorker: WorkerAccountChange {
    static let change = Accounts.Change.disable
    static let done = "disabled"
    static let already = "is already disabled"
    static let spec = changeSpec(summary: "disable a worker's account: they can no longer log in or act", example: Example("wt workers disable w-3", "Daan left the agency"))
}
