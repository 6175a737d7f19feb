import CCrypt
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns passwords into storable one-way hashes and checks passwords against them.
public protocol PasswordHasher: Sendable {
    /// A fresh salted hash of `password`, suitable for storage.
    func hash(_ password: String) throws -> String
    /// Whether `password` matches `stored`. Never throws: anything unusable is `false`.
    func verify(_ password: String, against stored: String) -> Bool
}

/// yescrypt through libxcrypt, producing the same `$y$…` strings as /etc/shadow, so an
/// administrator can check them with standard tools.
public struct YescryptHasher: PasswordHasher {
    /// libxcrypt's cost parameter for yescrypt (`1...11`); `0` picks the library default.
    public let cost: UInt

    /// - Parameter cost: `0` (the default) uses libxcrypt's recommended cost. Lower values
    ///   are only sensible for tests.
    public init(cost: UInt = 0) {
        self.cost = cost
    }

    /// Bytes of salt drawn from the system CSPRNG for each hash.
    static let saltByteCount = 16

    public func hash(_ password: String) throws -> String {
        guard !password.utf8.contains(0) else {
            throw WTError(.invalid, "password must not contain a NUL character")
        }
        guard password.utf8.count < Int(CRYPT_MAX_PASSPHRASE_SIZE) else {
            throw WTError(.invalid, "password is too long (at most \(Int(CRYPT_MAX_PASSPHRASE_SIZE) - 1) bytes)")
        }
        let salt = SystemRandomSource().bytes(Self.saltByteCount)
        let setting = try Self.gensalt(cost: cost, salt: salt)
        guard let hashed = Self.crypt(password, setting: setting), hashed.hasPrefix("$y$") else {
            throw WTError(.failure, "yescrypt hashing failed", hint: "is libxcrypt built with yescrypt support?")
        }
        return hashed
    }

    /// Recomputes the hash with `stored` as the setting and compares the results in
    /// constant time. Any stored string libxcrypt accepts is checked (so hashes imported
    /// from /etc/shadow in another format still verify); garbage yields `false`.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard !stored.isEmpty, !stored.hasPrefix("*"),
              !password.utf8.contains(0), !stored.utf8.contains(0),
              let recomputed = Self.crypt(password, setting: stored)
        else { return false }
        return Secrets.constantTimeEquals(Array(recomputed.utf8), Array(stored.utf8))
    }

    // MARK: - libxcrypt

    private static func gensalt(cost: UInt, salt: [UInt8]) throws -> String {
        let outputSize = Int(CRYPT_GENSALT_OUTPUT_SIZE)
        var output = [CChar](repeating: 0, count: outputSize)
        let ok = salt.withUnsafeBufferPointer { rbytes in
            rbytes.withMemoryRebound(to: CChar.self) { rchars in
                crypt_gensalt_rn("$y$", cost, rchars.baseAddress, Int32(rchars.count),
                                 &output, Int32(outputSize)) != nil
            }
        }
        guard ok else {
            throw WTError(.failure, "cannot generate a yescrypt setting (cost \(cost))",
                          hint: "use a cost of 0 (default) or 1...11")
        }
        let bytes = output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `crypt_rn` on a zeroed, heap-allocated `crypt_data` (about 32 KB — too big for
    /// a thread's stack to take lightly). Returns nil when libxcrypt reports failure.
    private static func crypt(_ phrase: String, setting: String) -> String? {
        let size = MemoryLayout<crypt_data>.size
        let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer {
            // The area holds the passphrase-derived output; wipe it before returning it.
            explicit_bzero(raw, size)
            raw.deallocate()
        }
        guard let result = crypt_rn(phrase, setting, raw, Int32(size)) else { return nil }
        let hashed = String(cString: result)
        // crypt_rn signals failure with NULL, but be defensive about "*0"/"*1" too.
        guard !hashed.isEmpty, !hashed.hasPrefix("*") else { return nil }
        return hashed
    }
}
