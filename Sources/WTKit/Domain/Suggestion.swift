// "Did you mean ...?" for a mistyped name: a pure rule on strings, used by the
// command line and by the domain's own parsers alike.

/// Levenshtein distance, for "did you mean".
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

/// The nearest candidate within a small distance, or a unique prefix match.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let byPrefix = candidates.filter { $0.hasPrefix(word) }
    if byPrefix.count == 1 && !word.isEmpty { return byPrefix[0] }
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.sorted { $0.1 < $1.1 }
    guard let best = scored.first else { return nil }
    let limit = max(1, min(3, word.count / 3 + 1))
    return best.1 <= limit ? best.0 : nil
}
