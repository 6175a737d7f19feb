import Foundation

/// `Authentication-Results` (RFC 8601): which server checked the message
/// (the authserv-id) and what each method found, e.g.
///
///     Authentication-Results: mx.werktalent.example;
///        dkim=pass (2048-bit key) header.d=vanhouten.example header.s=s1;
///        spf=pass smtp.mailfrom=j.vanhouten@vanhouten.example
public struct AuthenticationResults: Sendable, Equatable {
    public struct Result: Sendable, Equatable {
        public var method: String
        public var result: String
        /// `ptype.property` (lower case) → value, e.g. `header.d` → `vanhouten.example`.
        public var properties: [String: String]
    }

    public var authservID: String
    public var results: [Result]

    /// Parses one header value; nil when it has no authserv-id.
    public static func parse(_ raw: String) -> AuthenticationResults? {
        let clean = MIMEAddress.stripComments(raw)
        let pieces = MIMEAddress.split(clean, on: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let first = pieces.first else { return nil }
        // authserv-id [ CFWS authres-version ]
        let idWords = first.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard let id = idWords.first.map({ unquoted(String($0)) }), !id.isEmpty, !id.contains("=") else { return nil }
        var results: [Result] = []
        for piece in pieces.dropFirst() where !piece.isEmpty {
            let words = piece.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
            guard let head = words.first, let eq = head.firstIndex(of: "=") else { continue } // `none`, or junk
            let method = head[..<eq].split(separator: "/").first.map { $0.lowercased() } ?? ""
            let result = unquoted(String(head[head.index(after: eq)...])).lowercased()
            var props: [String: String] = [:]
            for w in words.dropFirst() {
                guard let e = w.firstIndex(of: "="), w[..<e].contains(".") else { continue } // `reason=...` and friends
                let key = w[..<e].lowercased()
                if props[key] == nil { props[key] = unquoted(String(w[w.index(after: e)...])) }
            }
            if !method.isEmpty { results.append(Result(method: method, result: result, properties: props)) }
        }
        return AuthenticationResults(authservID: id, results: results)
    }

    static func unquoted(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("\"") && s.hasSuffix("\"") ? MIMEAddress.unquote(String(s.dropFirst().dropLast())) : s
    }

    /// The domain of a property value that may be a whole address (`smtp.mailfrom`, `header.i`).
    static func domain(_ v: String) -> String {
        String(v.split(separator: "@").last ?? "").lowercased()
    }

    /// Whether DKIM passed for a signature of exactly this domain, or SPF passed
    /// for an envelope sender of exactly this domain.
    public func passes(for fromDomain: String) -> Bool {
        let d = fromDomain.lowercased()
        return results.contains { r in
            guard r.result == "pass" else { return false }
            switch r.method {
            case "dkim": return r.properties["header.d"].map(Self.domain) == d || r.properties["header.i"].map(Self.domain) == d
            case "spf": return r.properties["smtp.mailfrom"].map(Self.domain) == d
            default: return false
            }
        }
    }
}
