/// The redo journal: the full new contents of every file a commit changes.
/// Once it is renamed into place the change is committed; replaying it is
/// idempotent, so a crash at any later step is repaired by the next command.
///
/// Format (binary-safe, so document files can travel in it):
///   `wt-journal 1\n`, then per operation a header line and its bytes:
///   `W <length> <path>\n<bytes>`            replace a file
///   `A <offset> <length> <path>\n<bytes>`   truncate to offset, then append
///   `D 0 <path>\n`                          delete a file
///   and last `E <sha256 of everything before this line>\n`.
struct Journal: Equatable {
    enum Op: Equatable {
        case write(path: String, bytes: [UInt8])
        case append(path: String, offset: Int, bytes: [UInt8])
        case delete(path: String)

        var path: String {
            switch self {
            case .write(let p, _), .append(let p, _, _), .delete(let p): p
            }
        }
    }

    var ops: [Op]

    func encoded() -> [UInt8] {
        var out = Array("wt-journal 1\n".utf8)
        for op in ops {
            switch op {
            case .write(let path, let bytes):
                out += Array("W \(bytes.count) \(path)\n".utf8)
                out += bytes
            case .append(let path, let offset, let bytes):
                out += Array("A \(offset) \(bytes.count) \(path)\n".utf8)
                out += bytes
            case .delete(let path):
                out += Array("D 0 \(path)\n".utf8)
            }
        }
        out += Array("E \(SHA256.hex(out))\n".utf8)
        return out
    }

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// Decodes a journal, refusing anything torn or altered (the checksum covers every byte).
    static func decode(_ bytes: [UInt8]) throws -> Journal {
        let magic = Array("wt-journal 1\n".utf8)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw Invalid(description: "not a wt journal")
        }
        var pos = magic.count
        var ops: [Op] = []
        func line() throws -> [Substring] {
            guard let nl = bytes[pos...].firstIndex(of: 0x0A) else { throw Invalid(description: "truncated header") }
            let text = String(decoding: bytes[pos..<nl], as: UTF8.self)
            pos = nl + 1
            return text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        }
        func take(_ n: Int) throws -> [UInt8] {
            // `n <= count - pos`, not `pos + n <= count`: a damaged length near Int.max must not overflow.
            guard n >= 0, n <= bytes.count - pos else { throw Invalid(description: "truncated contents") }
            defer { pos += n }
            return Array(bytes[pos..<pos + n])
        }
        while pos < bytes.count {
            let start = pos
            let f = try line()
            switch f.first {
            case "W":
                guard f.count == 3, let n = Int(f[1]) else { throw Invalid(description: "bad write header") }
                ops.append(.write(path: try checked(String(f[2])), bytes: try take(n)))
            case "A":
                let rest = f.count == 3 ? f[2].split(separator: " ", maxSplits: 1) : []
                guard rest.count == 2, let off = Int(f[1]), off >= 0, let n = Int(rest[0]) else {
                    throw Invalid(description: "bad append header")
                }
                ops.append(.append(path: try checked(String(rest[1])), offset: off, bytes: try take(n)))
            case "D":
                guard f.count == 3 else { throw Invalid(description: "bad delete header") }
                ops.append(.delete(path: try checked(String(f[2]))))
            case "E":
                guard f.count == 2, String(f[1]) == SHA256.hex(bytes[0..<start]) else {
                    throw Invalid(description: "checksum mismatch")
                }
                guard pos == bytes.count else { throw Invalid(description: "bytes after the end mark") }
                return Journal(ops: ops)
            default:
                throw Invalid(description: "unknown operation")
            }
        }
        throw Invalid(description: "no end mark")
    }

    /// Journal paths are relative and stay inside the store. Checked on the bytes the file
    /// system sees: a Character split misses `../\u{301}x` (the slash and the combining mark
    /// are one Character), and a NUL would end the path early (`a/..\0x` is `a/..`).
    static func checked(_ path: String) throws -> String {
        let bytes = path.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/"), !bytes.contains(0),
              !bytes.split(separator: UInt8(ascii: "/")).contains(where: { $0.elementsEqual("..".utf8) })
        else {
            throw Invalid(description: "path outside the store: \(path)")
        }
        return path
    }
}
