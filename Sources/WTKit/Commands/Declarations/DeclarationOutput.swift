/// What the declarations verbs print, written once: the printed record, the
/// working-time warnings of a change, and a change's line or records.
enum DeclarationOutput {
    /// The record as printed: the stored fields plus the worker's name and
    /// the payroll run that last paid it (from the payroll index, not the
    /// declaration: a run never rewrites declarations; `payroll: false` skips
    /// the lookup where the output does not show it). The worker file is read
    /// only for declarations that do not carry their worker's name (written
    /// before they did).
    static func rows(_ ds: [Declaration], _ r: StoreReader, payroll: Bool = true) throws -> [JSON] {
        let unnamed = Set(ds.filter { $0.workerName == nil }.map(\.worker))
        let names = unnamed.isEmpty ? [:] : try Organisation.workerNames(unnamed, r)
        let paid = payroll ? try PayrollFiles.paidBy(ds.map(\.id), r) : [:]
        return try Parallel.chunkedMap(ds, minimumChunk: 256) { d in
            guard case .object(var o) = d.stored else { return d.stored }
            if d.workerName == nil { o["workerName"] = JSON(names[d.worker]) }
            if payroll { o["payroll"] = JSON(paid[d.id]?.last) }
            return .object(o)
        }
    }

    static func listIds(_ ds: [Declaration]) -> String {
        ds.count <= 8 ? ds.map(\.id).joined(separator: ", ") : ds.prefix(8).map(\.id).joined(separator: ", ") + ", ..."
    }

    /// The working-time warnings a committed change raised (`WorkTimeGuard`
    /// ran inside its unit of work: in strict mode it refused there instead).
    static func warn(_ env: CommandEnv, _ raised: [String]) {
        for line in raised { env.err("warning: \(line)\n") }
    }

    /// Prints a change: its line in table format, the changed records read
    /// through the change's transaction otherwise.
    static func done(_ env: CommandEnv, _ changed: [Declaration], read r: StoreReader, message: String, many: Bool) throws {
        // A table prints only the message: do not read worker names for nothing.
        let records = env.globals.format == .table ? [] : try rows(changed, r)
        try env.done(message, records: records, schema: Declaration.schema, many: many)
    }
}
