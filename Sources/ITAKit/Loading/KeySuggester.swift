/// Finds the known key nearest to a misspelt one, for "did you mean" hints.
public enum KeySuggester {
    /// The candidate closest to `key` by edit distance, if it is close enough to be a likely typo.
    public static func nearest(to key: String, in candidates: [String]) -> String? {
        let k = key.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(k, c.lowercased())
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        let limit = max(2, min(k.count, candidate.count) / 3)
        return d <= limit ? candidate : nil
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
