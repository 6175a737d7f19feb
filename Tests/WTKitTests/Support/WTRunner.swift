import Foundation
import XCTest

/// Runs the built `wt` binary against a temporary store, the way a user or a
/// cron job does, and captures stdout, stderr and the exit status.
struct WTResult {
    var code: Int32
    var out: String
    var err: String
}

enum WTBinary {
    /// The debug build next to the test bundle, or `WT_TEST_BINARY` (CI runs
    /// the end-to-end tests a second time against the installed build).
    static let path: String = {
        if let given = ProcessInfo.processInfo.environment["WT_TEST_BINARY"], !given.isEmpty { return given }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [runner, runner.deletingLastPathComponent()] {
            let p = dir.appendingPathComponent("wt").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/wt").path
    }()
}

class WTTestCase: XCTestCase {
    var tmp: String = ""
    var store: String { tmp + "/store" }
    /// The clock every command sees unless a test moves it.
    var now = "2026-11-30T09:15:00Z"
    var baseEnv: [String: String] = [:]

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "wt-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: WTBinary.path), "wt binary not built at \(WTBinary.path)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func environment(_ env: [String: String]) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": tmp, "USER": "tester", "WT_STORE": store, "WT_NOW": now,
            "NO_COLOR": "1", "SWIFT_BACKTRACE": "enable=no",
        ]
        for (k, v) in baseEnv { environment[k] = v }
        for (k, v) in env { environment[k] = v }
        return environment
    }

    @discardableResult
    func wt(_ args: [String], stdin: String? = nil, env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        do {
            let r = try Subprocess.run(WTBinary.path, args, stdin: stdin.map { Data($0.utf8) }, environment: environment(env), cwd: tmp)
            return WTResult(code: r.shellStatus, out: r.out, err: r.err)
        } catch {
            XCTFail("cannot run wt: \(error)", file: file, line: line)
            return WTResult(code: -1, out: "", err: "")
        }
    }

    @discardableResult
    func wt(_ args: String..., stdin: String? = nil, env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        wt(args, stdin: stdin, env: env, file: file, line: line)
    }

    /// Runs and asserts the exit status; returns the result for more checks.
    @discardableResult
    func expect(_ code: Int32, _ args: String..., stdin: String? = nil, env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        expect(code, args, stdin: stdin, env: env, file: file, line: line)
    }

    /// `expect` for an argument array: the one every suite uses.
    @discardableResult
    func expect(_ code: Int32, _ args: [String], stdin: String? = nil, env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        let r = wt(args, stdin: stdin, env: env, file: file, line: line)
        XCTAssertEqual(r.code, code, "wt \(args.joined(separator: " ")) exited \(r.code)\nstdout: \(r.out)\nstderr: \(r.err)", file: file, line: line)
        return r
    }

    func json(_ r: WTResult, file: StaticString = #filePath, line: UInt = #line) -> Any? {
        do { return try JSONSerialization.jsonObject(with: Data(r.out.utf8), options: [.fragmentsAllowed]) } catch {
            XCTFail("not JSON: \(r.out)\n\(error)", file: file, line: line)
            return nil
        }
    }

    func jsonObject(_ r: WTResult, file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        (json(r, file: file, line: line) as? [String: Any]) ?? [:]
    }

    func jsonArray(_ r: WTResult, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        (json(r, file: file, line: line) as? [[String: Any]]) ?? []
    }

    func initStore(sample: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        var args = ["init"]
        if let sample { args += ["--sample", sample] }
        let r = wt(args)
        XCTAssertEqual(r.code, 0, r.err, file: file, line: line)
    }

    /// Every file of the store with its bytes, to prove a command changed nothing.
    func snapshot(_ dir: String? = nil) -> [String: Data] {
        let root = dir ?? store
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir)
            if !isDir.boolValue { out[rel] = FileManager.default.contents(atPath: root + "/" + rel) }
        }
        return out
    }

    func readFile(_ rel: String) -> String {
        String(decoding: FileManager.default.contents(atPath: store + "/" + rel) ?? Data(), as: UTF8.self)
    }

    func writeFile(_ rel: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: store + "/" + rel, contents: Data(text.utf8))
    }
}
