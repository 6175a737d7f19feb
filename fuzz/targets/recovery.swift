// Fuzz target: journal recovery, end to end, on a scratch store in /dev/shm (or $TMPDIR).
//
// Each input, sealed with a correct end mark so that mutations reach the operations,
// is left as `journal` in a fresh store, which is then opened as a command would open
// it. Invariants: no trap; a failure is a `WTError` (damaged or an I/O failure) with a
// message (which may quote a path of the journal: `WT.report` makes it printable); nothing appears outside the store directory; after a replay the journal is
// gone and every file the journal wrote holds what an in-memory replay of its
// operations gives.

@testable import WTKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let sandbox: String = {
    let base = FileSystem.isDirectory("/dev/shm") ? "/dev/shm" : (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
    let dir = "\(base)/wt-fuzz-recovery-\(getpid())"
    FileSystem.removeTree(dir)
    mkdir(dir, 0o700)
    return dir
}()
let removeSandboxAtExit: Void = { atexit { FileSystem.removeTree(sandbox) } }()

let meta = Array(#"{"format":"wt-store","schema":1}"#.utf8) + [0x0A]
let clients = Array(#"{"clients":[]}"#.utf8) + [0x0A]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecovery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = inputBytes(data, size)
    let journalBytes = body + Array("E \(SHA256.hex(body))\n".utf8)
    guard let journal = try? Journal.decode(journalBytes) else { return 0 }
    // A sealed journal is wt's own output; replaying an append at a huge offset would only
    // make a huge sparse file, which the in-memory model below cannot hold.
    for case .append(_, let offset, _) in journal.ops where offset > 1 << 16 { return 0 }

    _ = removeSandboxAtExit
    let root = sandbox + "/store"
    FileSystem.removeTree(root)
    mkdir(root, 0o700)
    try! FileSystem.writeDurably(root + "/wt-store.json", meta)
    try! FileSystem.writeDurably(root + "/clients.json", clients)
    try! FileSystem.writeDurably(root + "/journal", journalBytes)

    var failed: WTError.Kind?
    do {
        _ = try Store(root: root, exclusive: true, wait: 0, failpoint: .none)
    } catch {
        requireWTError(error, [.damaged, .failure], echoes: true, "recovering \(journal.ops)")
        failed = (error as? WTError)?.kind
    }
    require(FileSystem.list(sandbox) == ["store"], "recovery wrote outside the store: \(FileSystem.list(sandbox)) for \(journal.ops)")
    let replayed = !FileSystem.exists(root + "/journal")
    require(replayed || failed != nil, "the journal is still there, yet the store opened")
    guard replayed else { return 0 }
    require(!FileSystem.exists(root + "/journal.tmp"), "journal.tmp left behind")

    // The model: what the operations make of the two files we started with. Only for
    // paths with one spelling per file (no empty or `.` components, no trailing slash) that
    // are not the store's own scratch files (the journal, and the `.wt-tmp` beside a file).
    let plain = journal.ops.allSatisfy { op in
        op.path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." }
            && op.path != "journal" && op.path != "journal.tmp" && !op.path.hasSuffix(".wt-tmp")
    }
    guard plain else { return 0 }
    var files: [String: [UInt8]] = ["wt-store.json": meta, "clients.json": clients]
    for op in journal.ops {
        switch op {
        case .write(let p, let bytes): files[p] = bytes
        case .append(let p, let offset, let bytes):
            var old = files[p] ?? []
            old = Array(old.prefix(offset)) + [UInt8](repeating: 0, count: max(0, offset - old.count))
            files[p] = old + bytes
        case .delete(let p): files[p] = nil
        }
    }
    for op in journal.ops {
        let actual = try? FileSystem.read(root + "/" + op.path)
        require(actual == files[op.path], "after replay \(op.path) holds \(actual.map { "\($0.count) bytes" } ?? "nothing"), expected \(files[op.path].map { "\($0.count) bytes" } ?? "nothing")")
    }
    return 0
}
