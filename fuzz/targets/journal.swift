// Fuzz target: decoding the redo journal that recovery replays.
//
// Each input is decoded twice: as it is (torn and altered journals), and with a
// correct end mark appended, so mutations get past the checksum and reach the
// operations. Invariants: no trap; a refusal is a `Journal.Invalid` with a reason
// (recovery reports it as exit 8); every accepted path stays inside the store;
// append offsets are not negative; a decoded journal encodes to one that decodes
// to the same operations.

@testable import WTKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = inputBytes(data, size)
    checkJournal(bytes)
    checkJournal(sealed(bytes))
    return 0
}

/// `bytes` with a correct end mark: `E <sha256 of everything before>\n`.
func sealed(_ bytes: [UInt8]) -> [UInt8] {
    bytes + Array("E \(SHA256.hex(bytes))\n".utf8)
}

func checkJournal(_ bytes: [UInt8]) {
    let journal: Journal
    do {
        journal = try Journal.decode(bytes)
    } catch let e as Journal.Invalid {
        require(!e.description.isEmpty, "empty reason")
        return
    } catch {
        require(false, "Journal.decode threw \(type(of: error)): \(error)")
        return
    }
    for op in journal.ops {
        let p = op.path
        require(!p.isEmpty && !p.hasPrefix("/"), "path \(p.debugDescription) is not relative")
        // The C string the file system sees ends at the first NUL.
        let seen = p.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        require(!p.contains("\0"), "path \(p.debugDescription) holds NUL, so the file system sees \(seen.debugDescription)")
        // Components as the file system splits them: at every "/" byte (a Character split
        // would not split "/\u{301}", a slash with a combining mark).
        require(!p.utf8.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual("..".utf8) },
                "path \(p.debugDescription) leaves the store")
        if case .append(_, let offset, _) = op {
            require(offset >= 0, "append at negative offset \(offset) to \(p.debugDescription)")
        }
    }
    let again: Journal
    do { again = try Journal.decode(journal.encoded()) } catch {
        require(false, "a decoded journal does not decode after encoding: \(error)")
        return
    }
    require(again == journal, "decode(encode(j)) != j")
}
