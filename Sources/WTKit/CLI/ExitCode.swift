/// The process exit status, decided in one place from the kind of failure (SPEC §1).
/// The man pages' EXIT STATUS list and the line in `wt help` are written from this table.
public enum ExitCode: Int32, Sendable, CaseIterable {
    case success = 0
    case failure = 1
    case usage = 2
    case notFound = 3
    case conflict = 4
    case denied = 5
    case invalid = 6
    case busy = 7
    case damaged = 8
    case interrupted = 130

    /// The word `wt help` gives it; nil for a status the docs do not list (130: the shell's ^C).
    var short: String? {
        switch self {
        case .success: "ok"
        case .failure: "failure"
        case .usage: "usage"
        case .notFound: "not found"
        case .conflict: "conflict"
        case .denied: "denied"
        case .invalid: "invalid"
        case .busy: "busy"
        case .damaged: "store damaged"
        case .interrupted: nil
        }
    }

    /// What the man pages say of it.
    var meaning: String? {
        switch self {
        case .success: "success, also when there was nothing to do"
        case .failure: "unexpected failure (an I/O error or a bug); the message is on standard error"
        case .usage: "usage: an unknown command or option, a missing or malformed argument"
        case .notFound: "not found: no record with that id, e-mail address or number"
        case .conflict: "conflict: the record's state does not allow it (already approved, a token used or expired, ...)"
        case .denied: "denied: a wrong password, a locked or disabled account, no role or no access to that client"
        case .invalid: "invalid: well-formed but against a rule (the password policy, 25 hours in a day, a week outside the contract, ...)"
        case .busy: "busy: another wt held the store longer than --wait allows"
        case .damaged: "store damaged: a store file cannot be read or fails verification; nothing was written"
        case .interrupted: nil
        }
    }

    /// The statuses the docs list, in order.
    static var documented: [ExitCode] { allCases.filter { $0.meaning != nil } }
}

public extension WTError {
    var exitCode: ExitCode {
        switch kind {
        case .failure: .failure
        case .usage: .usage
        case .notFound: .notFound
        case .conflict: .conflict
        case .denied: .denied
        case .invalid: .invalid
        case .busy: .busy
        case .damaged: .damaged
        case .interrupted: .interrupted
        }
    }

}
