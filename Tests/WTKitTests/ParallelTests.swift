import XCTest

@testable import WTKit

/// Parallel work gives what sequential work gives, in order, errors included.
final class ParallelTests: XCTestCase {
    struct Failure: Error, Equatable { let n: Int }

    func testResultsKeepTheirOrder() throws {
        for count in [0, 1, 2, 3, 200] {
            XCTAssertEqual(Parallel.map(Array(0..<count)) { $0 * 2 }, (0..<count).map { $0 * 2 })
            XCTAssertEqual(try Parallel.chunkedMap(Array(0..<count * 10), minimumChunk: 7) { $0 + 1 }, (0..<count * 10).map { $0 + 1 })
        }
    }

    func testTheFirstErrorInOrderIsThrown() {
        XCTAssertThrowsError(try Parallel.map(Array(0..<100)) { n -> Int in
            if n % 10 == 7 { throw Failure(n: n) }
            return n
        }) { XCTAssertEqual($0 as? Failure, Failure(n: 7)) }
    }

    func testChunksCoverTheRangeOnce() {
        for count in [0, 1, 5, 255, 256, 1000] {
            let chunks = Parallel.chunks(count, minimumChunk: 256)
            XCTAssertEqual(chunks.flatMap { Array($0) }, Array(0..<count))
            XCTAssertLessThanOrEqual(chunks.count, max(1, count / 256))
        }
    }
}
