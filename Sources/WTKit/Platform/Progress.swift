import Dispatch

/// How far long work has come, on one line of stderr that is rewritten in
/// place — only when stderr is a terminal, so pipes, logs and cron mail never
/// get it. Shown from `after` seconds on (a list that ends within a second
/// shows nothing), at most five times a second, and wiped at the end so the
/// terminal holds only the command's own output. Safe to update from
/// `Parallel` workers.
public final class Progress: @unchecked Sendable {
    let label: String
    let stream: OutputStream
    let after: Double
    let started = DispatchTime.now().uptimeNanoseconds
    private let state = Locked((shown: false, last: UInt64(0)))

    /// Nil unless the stream is a terminal.
    init?(_ label: String, to stream: OutputStream, isTerminal: Bool, after: Double = 0) {
        guard isTerminal else { return nil }
        self.label = label
        self.stream = stream
        self.after = after
    }

    public func update(_ done: Int, of total: Int, _ detail: String = "") {
        let now = DispatchTime.now().uptimeNanoseconds
        guard Double(now - started) / 1e9 >= after else { return }
        state.withLock { s in
            guard now - s.last >= 200_000_000 || done == total else { return }
            s.last = now
            s.shown = true
            let percent = total > 0 ? done * 100 / total : 100
            write("\r\(label): \(percent)% (\(done) of \(total)\(detail.isEmpty ? "" : ", " + detail))\u{1B}[K")
        }
    }

    public func finish() {
        state.withLock { s in
            if s.shown { write("\r\u{1B}[K") }
            s.shown = false
        }
    }

    private func write(_ s: String) {
        stream.write(s)
        (stream as? FileDescriptorOutput)?.flush()
    }
}
