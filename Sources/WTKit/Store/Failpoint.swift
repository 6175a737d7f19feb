#if canImport(Glibc)
import Glibc
#endif

/// Counts the I/O steps of a commit so tests can kill the process at each one
/// (`WT_CRASH_AT=n`), the way SQLite and bbolt prove their recovery. Unset, it
/// only counts. `WT_CRASH_TRACE=1` names each step on stderr so a sweep knows
/// how many there are. `WT_UNSAFE_NO_JOURNAL=1` commits without the journal: it
/// exists only as the negative control that shows the crash sweep can fail.
public final class Failpoint {
    let crashAt: Int?
    let trace: Bool
    public let skipJournal: Bool
    /// `WT_READ_PAUSE_MS=n`: a reader sleeps n ms once it holds its snapshot
    /// and has let go of the lock, standing in for a long export in the tests
    /// that prove writers pass it. It says so on stderr first, so a test
    /// starts its write when the snapshot is taken, not after a guessed delay.
    let readPause: Int?
    public private(set) var step = 0

    public init(environment: [String: String]) {
        crashAt = environment["WT_CRASH_AT"].flatMap { Int($0) }
        trace = environment["WT_CRASH_TRACE"] == "1"
        skipJournal = environment["WT_UNSAFE_NO_JOURNAL"] == "1"
        readPause = environment["WT_READ_PAUSE_MS"].flatMap { Int($0) }
    }

    public static var none: Failpoint { Failpoint(environment: [:]) }

    /// Called before each I/O step of a commit.
    public func reach(_ what: @autoclosure () -> String) {
        step += 1
        if trace {
            let line = "wt: io-step \(step) \(what())\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
        if step == crashAt { kill(getpid(), SIGKILL) }
    }

    func pauseReader() {
        guard let ms = readPause, ms > 0 else { return }
        let line = "wt: reader pinned\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        usleep(useconds_t(min(ms, 60_000)) * 1000)
    }
}
