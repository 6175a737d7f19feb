import Foundation

/// One way to run a program from the tests: stdin written and closed, stdout
/// and stderr read at the same time so neither pipe can fill up and block it.
struct ProcessResult {
    var status: Int32
    var killedBySignal: Bool
    var stdout: Data
    var stderr: Data
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// The shell's view: 128 + the signal for a killed process.
    var shellStatus: Int32 { killedBySignal ? 128 + status : status }
}

enum Subprocess {
    /// A program may exit without reading its stdin (a fast, statically
    /// linked wt often does before the test has written it): the write must
    /// then fail with EPIPE, not kill the test runner with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil, cwd: String? = nil
    ) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = inPipe
        Subprocess.ignoreBrokenPipes
        try p.run()
        if let stdin { try? inPipe.fileHandleForWriting.write(contentsOf: stdin) }
        try? inPipe.fileHandleForWriting.close()
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return ProcessResult(
            status: p.terminationStatus, killedBySignal: p.terminationReason == .uncaughtSignal, stdout: out, stderr: errBox.data)
    }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A `wt` reader started with `WT_READ_PAUSE_MS` and left running: the test
/// waits for the line that says it holds its snapshot, acts while it sleeps,
/// then collects what it printed.
final class PinnedReader: @unchecked Sendable {
    private let process = Process()
    private let outBox = DataBox(), errBox = DataBox()
    private let pinned = DispatchSemaphore(value: 0)
    private let drained = DispatchGroup()
    private let lock = NSLock()

    init(_ executable: String, _ arguments: [String], environment: [String: String], cwd: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        drained.enter()
        DispatchQueue.global().async { [self] in
            outBox.data = outPipe.fileHandleForReading.readDataToEndOfFile()
            drained.leave()
        }
        drained.enter()
        DispatchQueue.global().async { [self] in
            var signalled = false
            while true {
                let chunk = errPipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                lock.lock()
                errBox.data.append(chunk)
                let seen = String(decoding: errBox.data, as: UTF8.self).contains("wt: reader pinned\n")
                lock.unlock()
                if seen && !signalled { signalled = true; pinned.signal() }
            }
            if !signalled { pinned.signal() }
            drained.leave()
        }
    }

    /// True once the reader has said it holds its snapshot; false if it ended
    /// or did not say so in time.
    func waitUntilPinned(timeout: TimeInterval) -> Bool {
        guard pinned.wait(timeout: .now() + timeout) == .success else { return false }
        lock.lock(); defer { lock.unlock() }
        return String(decoding: errBox.data, as: UTF8.self).contains("wt: reader pinned\n")
    }

    var isRunning: Bool { process.isRunning }

    func finish() -> ProcessResult {
        drained.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: outBox.data, stderr: errBox.data)
    }
}
