/// `wt store verify`: every file parses, every reference resolves, the audit
/// chain holds. Problems are collected, not thrown, so all are reported.
public enum StoreVerifier {
    public struct Report {
        public var problems: [String] = []
        public var files = 0
        public var records = 0
        public var auditEntries = 0
    }

    /// The checks of each kind of record, in order, each with the name its
    /// progress shows; the audit trail comes last.
    static var checks: [(name: String, check: (Store, inout Report) throws -> Void)] {
        [
            ("files", checkFiles), ("settings", checkSettings), ("organisation", checkOrganisation), ("users", UserDirectory.verify),
            ("accounts", Accounts.verify), ("approval links", ApprovalTokens.verify), ("outbox", Outbox.verify),
            ("contracts, documents, declarations and invoices", WorkVerifier.verify), ("contract ends", WorkloadVerifier.verifyEndings),
        ]
    }

    /// Only the back office checks the whole store: it reads every record.
    public static func verify(_ store: Store, actor: Actor, progress: Progress? = nil) throws -> Report {
        try AccessControl.requireBackoffice(actor, toDo: "verify the store")
        return try verify(store, progress: progress)
    }

    public static func verify(_ store: Store, progress: Progress? = nil) throws -> Report {
        var report = Report()
        let stages = checks.count + 1
        for (n, c) in checks.enumerated() {
            progress?.update(n, of: stages, c.name)
            try c.check(store, &report)
        }
        progress?.update(stages - 1, of: stages, "audit trail")
        report.problems += try AuditLog.walk(store: store) { _ in report.auditEntries += 1 }
        progress?.finish()
        return report
    }

    /// Every JSON file parses; no temp files or journal are left over. The
    /// files are checked on every core and not built (`JSON.check`): this is
    /// the one pass over all 430 MB of the large sample.
    static func checkFiles(_ store: Store, _ report: inout Report) throws {
        var json: [String] = []
        func walk(_ rel: String) throws {
            let full = rel.isEmpty ? store.root : store.root + "/" + rel
            for name in FileSystem.list(full) {
                let child = rel.isEmpty ? name : rel + "/" + name
                if FileSystem.isDirectory(store.root + "/" + child) {
                    try walk(child)
                    continue
                }
                report.files += 1
                if name.hasSuffix(".wt-tmp") || child == Store.journalFile || child == Store.journalTemp {
                    report.problems.append("\(store.root)/\(child): left over from an interrupted change")
                } else if name.hasSuffix(".json") {
                    json.append(child)
                }
            }
        }
        try walk("")
        let found = Parallel.map(json) { rel -> String? in
            do {
                guard let bytes = try store.readBytes(rel) else { return nil }
                do { try JSON.check(bytes) } catch { return store.damaged(rel, "\(error)").message }
                return nil
            } catch let e as WTError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        report.problems += found.compactMap { $0 }
    }

    /// Files that parse but must also have their shape: settings, counters, notification times.
    static func checkSettings(_ store: Store, _ report: inout Report) throws {
        attempt(&report) { _ = try Config.load(store) }
        attempt(&report) { _ = try IdAllocator.load(store) }
        attempt(&report) { _ = try Notifications.lastSent(store) }
    }

    static func attempt(_ report: inout Report, _ f: () throws -> Void) {
        do { try f() } catch let e as WTError { report.problems.append(e.message) } catch {
            report.problems.append("\(error)")
        }
    }

    static func checkOrganisation(_ store: Store, _ report: inout Report) throws {
        var clients: [Client] = [], departments: [Department] = [], workers: [Worker] = []
        attempt(&report) { clients = try Organisation.clients(store) }
        attempt(&report) { departments = try Organisation.departments(store) }
        attempt(&report) { workers = try Organisation.workers(store) }
        report.records += clients.count + departments.count + workers.count
        let clientIds = Set(clients.map(\.id))
        for d in departments where !clientIds.contains(d.client) {
            report.problems.append("\(store.root)/\(Organisation.departmentsFile): department \(d.id) names client \(d.client), which does not exist")
        }
        for (file, ids) in [
            (Organisation.clientsFile, clients.map(\.id)), (Organisation.departmentsFile, departments.map(\.id)),
            (Organisation.workersFile, workers.map(\.id)),
        ] where Set(ids).count != ids.count {
            report.problems.append("\(store.root)/\(file): an id is used twice")
        }
    }
}
