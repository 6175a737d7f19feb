#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where output goes. Writes straight to the file descriptor in chunks: stdout is
/// often a pipe into jq or head, and SIGPIPE keeps its default so `| head` ends quietly.
public protocol OutputStream: AnyObject {
    func write(_ s: String)
}

public final class FileDescriptorOutput: OutputStream {
    let fd: Int32
    var buffer: [UInt8] = []

    public init(fd: Int32) { self.fd = fd }
    deinit { flush() }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Bytes as they are (a PDF is not UTF-8 text).
    public func writeBytes(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

public final class CapturedOutput: OutputStream {
    public private(set) var text = ""
    public init() {}
    public func write(_ s: String) { text += s }
}

/// Where input comes from: ids with `-`, passwords with `--password-stdin`, answers to prompts.
public protocol InputSource: AnyObject {
    func readLine() -> String?
    func readAll() -> [UInt8]
    /// Reads a line with echo off (passwords on a terminal).
    func readSecretLine(prompt: String, to: OutputStream) -> String?
}

public final class StandardInput: InputSource {
    public init() {}

    public func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    public func readAll() -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    public func readSecretLine(prompt: String, to: OutputStream) -> String? {
        to.write(prompt)
        (to as? FileDescriptorOutput)?.flush()
        var old = termios()
        let isTTY = tcgetattr(0, &old) == 0
        if isTTY {
            var quiet = old
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        let line = Swift.readLine(strippingNewline: true)
        if isTTY {
            tcsetattr(0, TCSAFLUSH, &old)
            to.write("\n")
            (to as? FileDescriptorOutput)?.flush()
        }
        return line
    }
}

public final class ScriptedInput: InputSource {
    var lines: [String]
    public init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    public func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    public func readAll() -> [UInt8] {
        let all = lines.joined(separator: "\n")
        lines = []
        return Array(all.utf8)
    }
    public func readSecretLine(prompt: String, to: OutputStream) -> String? { readLine() }
}
