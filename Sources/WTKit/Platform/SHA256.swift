import Foundation

/// SHA-256 (FIPS 180-4), written by hand because Foundation on Linux has no digest API
/// and the package takes no dependencies.
///
/// It hashes document files and every audit entry, so the hot path works on 64-byte
/// blocks straight out of the caller's buffer with `UInt32` arithmetic; only a partial
/// trailing block is copied into the internal buffer.
public struct SHA256: Sendable {
    /// Length of a digest in bytes.
    public static let digestByteCount = 32
    /// Length of a block in bytes.
    public static let blockByteCount = 64

    private var state = State()
    /// Bytes of an incomplete block, waiting for the rest of it.
    private var buffer = [UInt8](repeating: 0, count: SHA256.blockByteCount)
    private var bufferCount = 0
    /// Total number of bytes fed in so far.
    private var byteCount: UInt64 = 0

    public init() {}

    /// Feeds raw bytes into the hash.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        byteCount &+= UInt64(remaining)

        // Top up a partial block first.
        if bufferCount > 0 {
            let take = min(remaining, Self.blockByteCount - bufferCount)
            let filled = bufferCount
            buffer.withUnsafeMutableBytes { buf in
                buf.baseAddress!.advanced(by: filled).copyMemory(from: base, byteCount: take)
            }
            bufferCount += take
            base = base.advanced(by: take)
            remaining -= take
            guard bufferCount == Self.blockByteCount else { return }
            buffer.withUnsafeBytes { buf in
                Self.compress(&state, buf.baseAddress!, blocks: 1)
            }
            bufferCount = 0
        }

        // Whole blocks straight from the caller's memory.
        let blocks = remaining / Self.blockByteCount
        if blocks > 0 {
            Self.compress(&state, base, blocks: blocks)
            base = base.advanced(by: blocks * Self.blockByteCount)
            remaining -= blocks * Self.blockByteCount
        }

        // Keep the tail for later.
        if remaining > 0 {
            let tail = remaining
            buffer.withUnsafeMutableBytes { buf in
                buf.baseAddress!.copyMemory(from: base, byteCount: tail)
            }
            bufferCount = remaining
        }
    }

    /// Feeds a byte sequence into the hash. Contiguous collections (`[UInt8]`, `Data`,
    /// native `String.UTF8View`, buffer slices) are hashed in place; anything else is
    /// gathered into 4 KiB chunks first.
    public mutating func update(_ data: some Sequence<UInt8>) {
        if let data = data as? Data {
            data.withUnsafeBytes { update($0) }
            return
        }
        let done: Void? = data.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        if let utf8 = data as? String.UTF8View {
            // Bridged or otherwise non-contiguous strings: hash a native copy.
            var copy = String(decoding: utf8, as: UTF8.self)
            copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
            return
        }
        var chunk = [UInt8]()
        chunk.reserveCapacity(4096)
        for byte in data {
            chunk.append(byte)
            if chunk.count == 4096 {
                chunk.withUnsafeBytes { update($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { chunk.withUnsafeBytes { update($0) } }
    }

    /// The 32-byte digest of everything fed in so far. Does not change `self`, so more
    /// data may be fed afterwards to get the digest of the longer message.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        // Padding: 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
        let padLength = (bufferCount < 56 ? 56 : 120) - bufferCount
        var tail = [UInt8](repeating: 0, count: padLength + 8)
        tail[0] = 0x80
        for i in 0..<8 {
            tail[padLength + i] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * UInt64(i)))
        }
        tail.withUnsafeBytes { copy.update($0) }
        precondition(copy.bufferCount == 0)

        var out = [UInt8](repeating: 0, count: Self.digestByteCount)
        let words = copy.state.words
        for (i, word) in words.enumerated() {
            out[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
            out[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
            out[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
            out[4 * i + 3] = UInt8(truncatingIfNeeded: word)
        }
        return out
    }

    /// The digest of `data` in one call.
    public static func digest(_ data: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalize()
    }

    /// Lowercase hex of the digest of `data`.
    public static func hex(_ data: some Sequence<UInt8>) -> String {
        hexString(digest(data))
    }

    /// Lowercase hex of the digest of the UTF-8 encoding of `string`.
    public static func hex(_ string: String) -> String {
        hexString(digest(string.utf8))
    }

    /// Lowercase hex encoding of arbitrary bytes (two characters per byte).
    public static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Compression

    private struct State: Sendable {
        var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85
        var h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
        var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c
        var h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19

        var words: [UInt32] { [h0, h1, h2, h3, h4, h5, h6, h7] }
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// One SHA-256 round. The caller rotates the roles of the eight working variables
    /// instead of moving values: `d` receives the new `e`, `h` the new `a`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ s0 &+ maj
    }

    /// Runs the compression function over `blocks` consecutive 64-byte blocks at `data`.
    private static func compress(_ state: inout State, _ data: UnsafeRawPointer, blocks: Int) {
        roundConstants.withUnsafeBufferPointer { kBuf in
            let k = kBuf.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { wBuf in
                let w = wBuf.baseAddress!
                var h0 = state.h0, h1 = state.h1, h2 = state.h2, h3 = state.h3
                var h4 = state.h4, h5 = state.h5, h6 = state.h6, h7 = state.h7
                var block = data
                for _ in 0..<blocks {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let w15 = w[t - 15], w2 = w[t - 2]
                        let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
                        let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    // Eight rounds per iteration with the variables renamed instead of
                    // shuffled, so the optimiser keeps everything in registers.
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                        t += 8
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    block = block.advanced(by: blockByteCount)
                }
                state.h0 = h0; state.h1 = h1; state.h2 = h2; state.h3 = h3
                state.h4 = h4; state.h5 = h5; state.h6 = h6; state.h7 = h7
            }
        }
    }
}
