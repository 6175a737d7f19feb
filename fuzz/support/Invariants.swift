// Shared by every fuzz target: how a broken invariant stops the run.
//
// A failed check prints what broke and aborts, so libFuzzer saves the input as a
// crash artefact (with SWIFT_BACKTRACE=enable=no, which scripts/fuzz sets).

@testable import WTKit
#if canImport(Glibc)
import Glibc
#endif

/// The fuzz input as bytes (libFuzzer passes a null pointer for the empty input).
func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The fuzz input as text, invalid UTF-8 repaired the way Swift repairs `CommandLine.arguments`.
func inputText(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func require(_ ok: Bool, _ what: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if ok { return }
    fputs("fuzz invariant broken (\(file):\(line)): \(what())\n", stderr)
    abort()
}

/// A thrown error must be a `WTError` of one of `kinds` with a message. Unless `echoes` (a
/// message that quotes the input as given, made safe when `WT.report` prints it), the message
/// holds no control character a terminal would act on.
func requireWTError(_ error: Error, _ kinds: Set<WTError.Kind>, echoes: Bool = false, _ context: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    guard let e = error as? WTError else {
        require(false, "\(context()): threw \(type(of: error)) \(error), not a WTError", file: file, line: line)
        return
    }
    require(kinds.contains(e.kind), "\(context()): a \(e.kind) error (\(e.message)), expected one of \(kinds)", file: file, line: line)
    require(!e.message.trimmingCharacters(in: .whitespaces).isEmpty, "\(context()): empty error message", file: file, line: line)
    require(echoes || !hasTerminalControl(e.message), "\(context()): control character in the message \(e.message.debugDescription)",
            file: file, line: line)
}

/// C0 controls other than newline, DEL and C1 controls: what could move a cursor or start an escape sequence.
func hasTerminalControl(_ s: String) -> Bool {
    s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
}

import Foundation
