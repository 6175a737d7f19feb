import Foundation
import XCTest
@testable import WTKit

final class PlatformCryptoTests: XCTestCase {
    // MARK: - Helpers

    /// Runs an executable and returns its exit status and standard output.
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func makeTemporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("wt-crypto-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    // MARK: - SHA-256: NIST FIPS 180-2 vectors

    func testSHA256EmptyString() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testSHA256ABC() {
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.digest(Array("abc".utf8)).count, 32)
    }

    func testSHA256TwoBlockMessage448Bits() {
        XCTAssertEqual(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testSHA256Message896Bits() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(message.utf8.count, 112)
        XCTAssertEqual(SHA256.hex(message), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testSHA256OneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)), expected)
        // Same message fed 1000 bytes at a time.
        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        XCTAssertEqual(SHA256.hexString(hasher.finalize()), expected)
    }

    // MARK: - SHA-256: API paths

    func testSHA256IncrementalAcrossOddChunkBoundariesEqualsOneShot() {
        let random = SeededRandomSource(seed: 7)
        let message = random.bytes(10_007)
        let expected = SHA256.digest(message)
        for pattern in [[1], [3, 7, 13], [63, 1, 64, 65], [55, 56, 57], [127, 2, 200], [4096]] {
            var hasher = SHA256()
            var offset = 0, i = 0
            while offset < message.count {
                let n = min(pattern[i % pattern.count], message.count - offset)
                hasher.update(message[offset..<offset + n])
                offset += n
                i += 1
            }
            XCTAssertEqual(hasher.finalize(), expected, "chunk pattern \(pattern)")
        }
        // Empty updates in between change nothing.
        var hasher = SHA256()
        hasher.update([UInt8]())
        hasher.update(message[0..<100])
        hasher.update(Data())
        hasher.update(message[100...])
        XCTAssertEqual(hasher.finalize(), expected)
    }

    func testSHA256AllInputKindsAgree() {
        let text = "Grüße, Wörterbuch — ✓ \u{1F600}"
        let bytes = Array(text.utf8)
        let expected = SHA256.digest(bytes)
        XCTAssertEqual(SHA256.digest(text.utf8), expected)
        XCTAssertEqual(SHA256.digest(Data(bytes)), expected)
        XCTAssertEqual(SHA256.digest(bytes[...]), expected)
        XCTAssertEqual(SHA256.digest(bytes.lazy.map { $0 }), expected, "non-contiguous sequence")
        XCTAssertEqual(SHA256.digest(AnySequence(bytes)), expected)
        XCTAssertEqual(SHA256.hex(text), SHA256.hexString(expected))
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update($0) }
        XCTAssertEqual(hasher.finalize(), expected)
        // Non-contiguous input longer than the internal 4 KiB gathering chunk.
        let long = SeededRandomSource(seed: 3).bytes(9_000)
        XCTAssertEqual(SHA256.digest(long.lazy.map { $0 }), SHA256.digest(long))
        // A Data slice with a non-zero start index.
        let data = Data(long)
        XCTAssertEqual(SHA256.digest(data[1000..<5000]), SHA256.digest(long[1000..<5000]))
    }

    func testSHA256FinalizeDoesNotConsumeState() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        XCTAssertEqual(SHA256.hexString(hasher.finalize()), SHA256.hex("ab"))
        XCTAssertEqual(hasher.finalize(), hasher.finalize())
        hasher.update("c".utf8)
        XCTAssertEqual(SHA256.hexString(hasher.finalize()), SHA256.hex("abc"))
    }

    func testHexString() {
        XCTAssertEqual(SHA256.hexString([]), "")
        XCTAssertEqual(SHA256.hexString([0x00, 0x0f, 0xa0, 0xff, 0x12]), "000fa0ff12")
        XCTAssertEqual(SHA256.hex("abc").count, 64)
    }

    func testSHA256AgreesWithSystemSha256sum() throws {
        let dir = try makeTemporaryDirectory()
        let random = SeededRandomSource(seed: 0x5EED)
        var inputs: [[UInt8]] = (0...200).map { random.bytes($0) }
        for edge in [55, 56, 63, 64, 65, 119, 120, 128] { inputs.append(random.bytes(edge)) }
        inputs.append(random.bytes(1 << 20))

        var paths: [String] = []
        for (i, input) in inputs.enumerated() {
            let url = dir.appendingPathComponent("in\(i)")
            try Data(input).write(to: url)
            paths.append(url.path)
        }
        let result = try run("/usr/bin/sha256sum", paths)
        XCTAssertEqual(result.status, 0)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.count, inputs.count)
        for (i, line) in lines.enumerated() where i < inputs.count {
            let systemHex = String(line.prefix(64))
            XCTAssertEqual(SHA256.hex(inputs[i]), systemHex, "input of \(inputs[i].count) bytes")
        }
    }

    // MARK: - yescrypt

    func testYescryptHashAndVerify() throws {
        let hasher = YescryptHasher()
        let stored = try hasher.hash("correct horse battery staple")
        XCTAssertTrue(stored.hasPrefix("$y$"), stored)
        XCTAssertTrue(hasher.verify("correct horse battery staple", against: stored))
        XCTAssertFalse(hasher.verify("correct horse battery stapler", against: stored))
        XCTAssertFalse(hasher.verify("", against: stored))
        XCTAssertFalse(hasher.verify("Correct horse battery staple", against: stored))
    }

    func testYescryptSaltsEveryHash() throws {
        let hasher = YescryptHasher()
        let first = try hasher.hash("same password")
        let second = try hasher.hash("same password")
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(hasher.verify("same password", against: first))
        XCTAssertTrue(hasher.verify("same password", against: second))
    }

    func testYescryptGarbageStoredStringsAreFalse() throws {
        let hasher = YescryptHasher()
        let good = try hasher.hash("pw")
        let garbage = [
            "", "*", "*0", "*1", "!", "!!", "x", "not a hash", "$", "$y$", "$y$$", "$y$garbage",
            "$y$j9T$", "$6$", "$6$salt", "$2b$", "$9$nothing$here",
            String(good.dropLast()), // truncated
            String(good.dropLast()) + (good.last == "A" ? "B" : "A"), // last character changed
            good + "x",
            String(good.prefix(good.count - 44)), // setting only, no hash part
            "!" + good, // a locked account
            good.replacingOccurrences(of: "$y$", with: "$Y$"),
            String(repeating: "$y$", count: 500),
        ]
        for stored in garbage {
            XCTAssertFalse(hasher.verify("pw", against: stored), "accepted \(stored.debugDescription)")
        }
        XCTAssertFalse(hasher.verify("pw", against: "$y$\u{0}" + good))
        XCTAssertFalse(hasher.verify("pw\u{0}", against: good))
        XCTAssertTrue(hasher.verify("pw", against: good))
    }

    func testYescryptRefusesNulAndOverlongPasswords() {
        let hasher = YescryptHasher()
        XCTAssertThrowsError(try hasher.hash("before\u{0}after")) { error in
            XCTAssertEqual((error as? WTError)?.kind, .invalid)
        }
        XCTAssertThrowsError(try hasher.hash(String(repeating: "p", count: 600))) { error in
            XCTAssertEqual((error as? WTError)?.kind, .invalid)
        }
    }

    func testYescryptCostParameter() throws {
        let cheap = YescryptHasher(cost: 1)
        let stored = try cheap.hash("pw")
        XCTAssertTrue(stored.hasPrefix("$y$"))
        XCTAssertTrue(cheap.verify("pw", against: stored))
        // The cost is encoded in the stored string, so any hasher verifies it.
        XCTAssertTrue(YescryptHasher().verify("pw", against: stored))
        // "$y$<params>$<salt>$<hash>": the params field carries the cost.
        let defaultParams = try YescryptHasher().hash("pw").split(separator: "$")[1]
        XCTAssertNotEqual(stored.split(separator: "$")[1], defaultParams)
        XCTAssertThrowsError(try YescryptHasher(cost: 99).hash("pw")) { error in
            XCTAssertEqual((error as? WTError)?.kind, .failure)
        }
    }

    func testYescryptAgreesWithSystemCrypt() throws {
        let hasher = YescryptHasher()
        for password in ["hunter2", "Grüße aus Köln ✓", "with space and $dollar", "x"] {
            let stored = try hasher.hash(password)
            let script = "import crypt,sys; print(crypt.crypt(sys.argv[1], sys.argv[2]) == sys.argv[2])"
            let good = try run("/usr/bin/python3", ["-W", "ignore", "-c", script, password, stored])
            XCTAssertEqual(good.status, 0)
            XCTAssertEqual(good.output.trimmingCharacters(in: .whitespacesAndNewlines), "True", password)
            let bad = try run("/usr/bin/python3", ["-W", "ignore", "-c", script, password + "!", stored])
            XCTAssertEqual(bad.output.trimmingCharacters(in: .whitespacesAndNewlines), "False", password)
        }
        // And the other direction: a hash made by the system's crypt verifies here.
        let make = "import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_SHA512)))"
        let system = try run("/usr/bin/python3", ["-W", "ignore", "-c", make, "s3cret"])
        let systemHash = system.output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(systemHash.hasPrefix("$6$"), systemHash)
        XCTAssertTrue(hasher.verify("s3cret", against: systemHash))
        XCTAssertFalse(hasher.verify("s3cret!", against: systemHash))
    }

    // MARK: - Secrets

    func testTokenShapeAndAlphabet() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz234567")
        let random = SystemRandomSource()
        var seen = Set<String>()
        for _ in 0..<200 {
            let token = Secrets.token(random)
            XCTAssertEqual(token.count, 52, "256 bits in base32")
            XCTAssertFalse(token.hasPrefix("-"), "a token never reads as an option: \(token)")
            XCTAssertEqual(Secrets.canonicalToken(token), token)
            XCTAssertEqual(Secrets.canonicalToken(token.uppercased()), token, "a base32 token survives a change of case")
            XCTAssertTrue(token.allSatisfy { allowed.contains($0) }, token)
            seen.insert(token)
        }
        XCTAssertEqual(seen.count, 200, "system tokens must not repeat")
        XCTAssertEqual(Secrets.token(SeededRandomSource(seed: 1)), Secrets.token(SeededRandomSource(seed: 1)))
    }

    func testBase32IsRFC4648InLowerCaseWithoutPadding() {
        // RFC 4648 §10 test vectors, padding removed, lower case.
        let vectors = ["": "", "f": "my", "fo": "mzxq", "foo": "mzxw6", "foob": "mzxw6yq", "fooba": "mzxw6ytb", "foobar": "mzxw6ytboi"]
        for (input, expected) in vectors { XCTAssertEqual(Secrets.base32(Array(input.utf8)), expected, input) }
        XCTAssertEqual(Secrets.base32([UInt8](repeating: 0xFF, count: 32)), String(repeating: "7", count: 51) + "q")
    }

    func testCanonicalTokenAcceptsOldBase64URLTokensAsGivenAndRefusesOthers() {
        let old = "-Ux" + String(repeating: "a", count: 40)
        XCTAssertEqual(Secrets.canonicalToken(old), old, "links mailed before base32 keep working, case and all")
        XCTAssertNil(Secrets.canonicalToken(String(repeating: "a", count: 51)))
        XCTAssertNil(Secrets.canonicalToken(String(repeating: "1", count: 52)), "1 is not base32")
        XCTAssertNil(Secrets.canonicalToken(String(repeating: "a", count: 42) + "="))
        XCTAssertNil(Secrets.canonicalToken(""))
    }

    func testBase64URLMatchesFoundationWithURLAlphabet() {
        let random = SeededRandomSource(seed: 11)
        for length in 0...70 {
            let bytes = random.bytes(length)
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            XCTAssertEqual(Secrets.base64URL(bytes), expected, "length \(length)")
        }
        XCTAssertEqual(Secrets.base64URL([0xfb, 0xff]), "-_8")
        XCTAssertEqual(Secrets.base64URL(Array("foobar".utf8)), "Zm9vYmFy")
        XCTAssertEqual(Secrets.base64URL(Array("fo".utf8)), "Zm8")
    }

    func testSmsCodeShape() {
        let random = SystemRandomSource()
        for _ in 0..<100 {
            let code = Secrets.smsCode(random)
            XCTAssertEqual(code.count, 6)
            XCTAssertTrue(code.allSatisfy { $0.isASCII && $0.isNumber }, code)
        }
        XCTAssertEqual(Secrets.smsCode(random, digits: 1).count, 1)
        XCTAssertEqual(Secrets.smsCode(random, digits: 8).count, 8)
        XCTAssertEqual(Secrets.smsCode(random, digits: 19).count, 19)
    }

    func testSmsCodeDistributionIsRoughlyUniform() {
        let random = SeededRandomSource(seed: 2024)
        let draws = 20_000
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 6)
        var leadingZero = 0
        for _ in 0..<draws {
            let code = Array(Secrets.smsCode(random).utf8)
            XCTAssertEqual(code.count, 6)
            for (position, digit) in code.enumerated() {
                counts[position][Int(digit - UInt8(ascii: "0"))] += 1
            }
            if code[0] == UInt8(ascii: "0") { leadingZero += 1 }
        }
        let expected = Double(draws) / 10
        for position in 0..<6 {
            for digit in 0..<10 {
                let count = counts[position][digit]
                XCTAssertGreaterThan(count, 0, "digit \(digit) never at position \(position)")
                XCTAssertLessThan(abs(Double(count) - expected), expected * 0.1,
                                  "digit \(digit) at position \(position): \(count)")
            }
        }
        XCTAssertGreaterThan(leadingZero, 0, "leading zeros must be kept")
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(Secrets.constantTimeEquals([], []))
        XCTAssertTrue(Secrets.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(Secrets.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(Secrets.constantTimeEquals([0, 2, 3], [1, 2, 3]))
        XCTAssertFalse(Secrets.constantTimeEquals([1, 2, 3], [1, 2]))
        XCTAssertFalse(Secrets.constantTimeEquals([], [0]))
        XCTAssertFalse(Secrets.constantTimeEquals([0x80], [0x00]))
    }

    func testTokenHashIsSHA256HexOfUTF8() {
        XCTAssertEqual(Secrets.tokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = Secrets.token(SeededRandomSource(seed: 5))
        XCTAssertEqual(Secrets.tokenHash(token), SHA256.hexString(SHA256.digest(Array(token.utf8))))
        XCTAssertNotEqual(Secrets.tokenHash(token), Secrets.tokenHash(token + "x"))
    }

    func testSeededRandomSourceIsDeterministic() {
        // xoshiro256** seeded through splitmix64(42), checked against a reference implementation.
        let reference = SeededRandomSource(seed: 42)
        XCTAssertEqual(reference.nextUInt64(), 0x1578_0b2e_0c2e_c716)
        XCTAssertEqual(reference.nextUInt64(), 0x6104_d986_6d11_3a7e)
        XCTAssertEqual(reference.nextUInt64(), 0xae17_5332_39e4_99a1)

        let a = SeededRandomSource(seed: 99), b = SeededRandomSource(seed: 99)
        XCTAssertEqual(a.bytes(37), b.bytes(37))
        XCTAssertEqual((0..<50).map { _ in a.uniform(1000) }, (0..<50).map { _ in b.uniform(1000) })
        XCTAssertEqual((0..<50).map { _ in a.int(in: -5...5) }, (0..<50).map { _ in b.int(in: -5...5) })
        XCTAssertNotEqual(SeededRandomSource(seed: 1).bytes(32), SeededRandomSource(seed: 2).bytes(32))
        XCTAssertNotEqual(SeededRandomSource(seed: 0).bytes(32), [UInt8](repeating: 0, count: 32))
        // Bytes are the little-endian bytes of the words, so both views follow one stream.
        let words = SeededRandomSource(seed: 42)
        let first = words.bytes(8)
        XCTAssertEqual(first, withUnsafeBytes(of: UInt64(0x1578_0b2e_0c2e_c716).littleEndian) { Array($0) })
    }

    func testSeededRandomSourceIsSafeToShareAcrossThreads() {
        let sequential = SeededRandomSource(seed: 77)
        let expected = Set((0..<4000).map { _ in sequential.nextUInt64() })
        let shared = SeededRandomSource(seed: 77)
        let collected = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var mine: [UInt64] = []
            for _ in 0..<1000 { mine.append(shared.nextUInt64()) }
            collected.append(mine)
        }
        XCTAssertEqual(Set(collected.values), expected, "every value drawn exactly once from the one stream")
        XCTAssertEqual(collected.values.count, 4000)
    }

    func testUniformAndIntInRange() {
        let random = SeededRandomSource(seed: 123)
        XCTAssertEqual(random.uniform(1), 0)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let v = random.int(in: -3...3)
            XCTAssertTrue((-3...3).contains(v))
            seen.insert(v)
            XCTAssertLessThan(random.uniform(7), 7)
            XCTAssertLessThan(random.uniform(UInt64.max), UInt64.max)
        }
        XCTAssertEqual(seen, Set(-3...3), "both ends are reachable")
        XCTAssertEqual(random.int(in: 5...5), 5)
        // Extreme ranges must not overflow.
        _ = random.int(in: Int.min...Int.max)
        let top = random.int(in: (Int.max - 1)...Int.max)
        XCTAssertGreaterThanOrEqual(top, Int.max - 1)
        let bottom = random.int(in: Int.min...(Int.min + 1))
        XCTAssertLessThanOrEqual(bottom, Int.min + 1)
        // A bound just above 2^63 makes rejection likely; results must still be in range.
        let awkward = UInt64(1) << 63 + 1
        for _ in 0..<100 { XCTAssertLessThan(random.uniform(awkward), awkward) }
    }

    func testDefaultNextUInt64UsesBytes() {
        struct Counting: RandomSource {
            func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 + 1) } }
        }
        XCTAssertEqual(Counting().nextUInt64(), 0x0102_0304_0506_0708)
        XCTAssertEqual(Counting().uniform(1 << 8), 0x01, "uses the high bits of the product")
        XCTAssertEqual(SystemRandomSource().bytes(0), [])
        XCTAssertEqual(SystemRandomSource().bytes(13).count, 13)
        XCTAssertNotEqual(SystemRandomSource().bytes(16), SystemRandomSource().bytes(16))
    }
}

/// Collects results from concurrent test workers.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [UInt64] = []

    func append(_ values: [UInt64]) {
        lock.lock()
        storage += values
        lock.unlock()
    }

    var values: [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
