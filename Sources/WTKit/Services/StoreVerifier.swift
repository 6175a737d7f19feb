/// `wt store verify`: every file parses, every reference resolves, the audit
/// chain holds. Problems are collected, not thrown, so all are reported.
public enum StoreVerifier {
    public struct Report {
        public var problems: [String] = []
        public var files = 0
        public var records = 0
        public var auditEntries = 0
    }

    /// The checks of each kind of record, in order.
    static var checks: [(Store, inout Report) throws -> Void] {
        [checkFiles, checkSettings, checkOrganisation, UserDirectory.verify, Accounts.verify, ApprovalTokens.verify, Outbox.verify, WorkVerifier.verify, WorkloadVerifier.verifyEndings]
    }

    public static func verify(_ store: Store) throws -> Report {
        var report = Report()
        for check in checks { try check(store, &report) }
        report.problems += try AuditLog.walk(store: store) { _ in report.auditEntries += 1 }
        return report
    }

    /// Every JSON file parses; no temp files or journal are left over.
    static func checkFiles(_ store: Store, _ report: inout Report) throws {
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
                    do { _ = try store.read(child) } catch let e as WTError { report.problems.append(e.message) }
                    // Parsed to check it, not kept: the store may be larger than memory likes.
                    store.forget(child)
                }
            }
        }
        try walk("")
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
