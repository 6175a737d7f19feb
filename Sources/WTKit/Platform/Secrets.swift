import Foundation

/// A source of random bytes. Production code uses `SystemRandomSource`; tests and sample
/// data use `SeededRandomSource` so that their output is reproducible.
///
/// The requirements are non-mutating so that one source can be passed around as
/// `any RandomSource` (including across concurrency domains) without `inout` plumbing.
public protocol RandomSource: Sendable {
    /// `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
    /// 64 random bits. The default assembles them from `bytes(8)`; sources that produce
    /// words natively override it, which keeps `uniform`/`int(in:)` cheap.
    func nextUInt64() -> UInt64
}

public extension RandomSource {
    func nextUInt64() -> UInt64 {
        bytes(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }

    /// A uniformly distributed value in `0..<upperBound`, without modulo bias
    /// (Lemire's multiply-and-reject; rejection is rare, so usually one draw).
    func uniform(_ upperBound: UInt64) -> UInt64 {
        precondition(upperBound > 0, "uniform(_:) needs a positive upper bound")
        var product = nextUInt64().multipliedFullWidth(by: upperBound)
        if product.low < upperBound {
            // Values of `low` below 2^64 mod upperBound would over-represent some results.
            let threshold = (0 &- upperBound) % upperBound
            while product.low < threshold {
                product = nextUInt64().multipliedFullWidth(by: upperBound)
            }
        }
        return product.high
    }

    /// A uniformly distributed integer in `range` (both ends included).
    func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        // width wraps to 0 only when the range covers every Int.
        let offset = width == 0 ? nextUInt64() : uniform(width)
        return Int(bitPattern: UInt(bitPattern: range.lowerBound) &+ UInt(offset))
    }
}

/// The operating system's CSPRNG (getrandom(2) on Linux), via `SystemRandomNumberGenerator`.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "byte count must not be negative")
        var generator = SystemRandomNumberGenerator()
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { buf in
            var offset = 0
            while offset < count {
                var word = generator.next()
                let n = min(8, count - offset)
                withUnsafeBytes(of: &word) { w in
                    buf.baseAddress!.advanced(by: offset).copyMemory(from: w.baseAddress!, byteCount: n)
                }
                offset += n
            }
        }
        return out
    }

    public func nextUInt64() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// A deterministic generator (xoshiro256**, seeded through splitmix64) for tests and
/// sample data. Not for secrets.
///
/// Why a class box: `RandomSource` methods are non-mutating (see there), yet a
/// generator must advance its state on every draw. The state therefore lives in a
/// private final class guarded by a lock, which is what makes the struct honestly
/// `Sendable`. Consequence: copies of a `SeededRandomSource` share one stream; create
/// a new source with the same seed to replay it.
public struct SeededRandomSource: RandomSource, RandomNumberGenerator {
    public let seed: UInt64
    private let box: StateBox

    public init(seed: UInt64) {
        self.seed = seed
        self.box = StateBox(seed: seed)
    }

    public func nextUInt64() -> UInt64 {
        box.next()
    }

    /// The same stream for the standard library's `random(in:using:)`.
    public mutating func next() -> UInt64 { box.next() }

    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "byte count must not be negative")
        return box.bytes(count)
    }

    /// Mutable xoshiro256** state. `@unchecked Sendable` is sound because every access
    /// to the state goes through `lock`.
    private final class StateBox: @unchecked Sendable {
        private let lock = NSLock()
        private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

        init(seed: UInt64) {
            // splitmix64 spreads any seed (even 0) into a non-zero 256-bit state.
            var x = seed
            func splitmix() -> UInt64 {
                x &+= 0x9E37_79B9_7F4A_7C15
                var z = x
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
        }

        /// One xoshiro256** step; the caller holds the lock.
        @inline(__always)
        private func step() -> UInt64 {
            let result = rotl(s1 &* 5, 7) &* 9
            let t = s1 << 17
            s2 ^= s0
            s3 ^= s1
            s1 ^= s2
            s0 ^= s3
            s2 ^= t
            s3 = rotl(s3, 45)
            return result
        }

        @inline(__always)
        private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
            (x << k) | (x >> (64 - k))
        }

        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            return step()
        }

        func bytes(_ count: Int) -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            var out = [UInt8]()
            out.reserveCapacity(count)
            while out.count < count {
                var word = step()
                for _ in 0..<min(8, count - out.count) {
                    out.append(UInt8(truncatingIfNeeded: word))
                    word >>= 8
                }
            }
            return out
        }
    }
}

/// Secret values: session tokens, SMS codes, and the helpers to store and compare them.
public enum Secrets {
    /// Bytes of entropy in a token.
    public static let tokenByteCount = 32

    /// A fresh bearer token: 32 random bytes (256 bits) as unpadded lower-case
    /// base32 (RFC 4648 §6 alphabet `a-z 2-7`, 52 characters). Not base64url:
    /// a token that starts with `-` (1 in 64 did) reads as an option when pasted
    /// after `wt account activate`. This alphabet has no `-`, `_`, `+`, `/` or
    /// `.`, so a token is also safe in a URL path, a shell word, a file name
    /// and the local part of an e-mail address, whatever the case.
    public static func token(_ r: any RandomSource) -> String {
        base32(r.bytes(tokenByteCount))
    }

    static let base32Alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    static let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// RFC 4648 §6 base32 in lower case, without `=` padding.
    public static func base32(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for b in bytes {
            buffer = buffer << 8 | UInt32(b)
            bits += 8
            while bits >= 5 {
                out.append(base32Alphabet[Int(buffer >> UInt32(bits - 5) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(base32Alphabet[Int(buffer << UInt32(5 - bits) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The token as it was issued, or nil for something that is no token: a
    /// base32 token (52 characters, any case: a mail client or a person may
    /// change it) in lower case, or a base64url token of 43 characters as
    /// issued before, exactly as given (tokens are found by the hash of this).
    public static func canonicalToken(_ given: String) -> String? {
        if given.utf8.count == 52 {
            let lower = given.lowercased()
            return lower.utf8.allSatisfy({ base32Alphabet.contains($0) }) ? lower : nil
        }
        if given.count == 43, given.allSatisfy({ base64URLAlphabet.contains($0) }) { return given }
        return nil
    }

    /// A numeric one-time code of `digits` digits (1...19), uniform over all
    /// 10^digits values by rejection sampling; leading zeros are kept.
    public static func smsCode(_ r: any RandomSource, digits: Int = 6) -> String {
        precondition((1...19).contains(digits), "an SMS code has 1...19 digits")
        var bound: UInt64 = 1
        for _ in 0..<digits { bound *= 10 }
        let value = String(r.uniform(bound))
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// Whether `a` and `b` hold the same bytes. The time taken depends only on the
    /// lengths, never on where the contents first differ. (Lengths are not secret.)
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count {
            difference |= a[i] ^ b[i]
        }
        return difference == 0
    }

    /// RFC 4648 §5 base64url (alphabet `A-Z a-z 0-9 - _`), without `=` padding.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        // Kept for the tokens issued before base32 (`canonicalToken`) and for tests.
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        switch bytes.count - i {
        case 1:
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
        case 2:
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What is stored for a token: the lowercase SHA-256 hex of its UTF-8, so a leaked
    /// database does not hand out usable tokens.
    public static func tokenHash(_ token: String) -> String {
        SHA256.hex(token)
    }
}
