/// The rules a portal password must meet. The defaults are the portal's own: at least
/// 6 characters with a letter, a digit and a special character. Whatever the settings,
/// a password holds no control characters and at most `maxBytes` bytes of UTF-8 (so a
/// pasted file cannot become a password, and hashing stays cheap).
public struct PasswordPolicy: Sendable, Equatable {
    public var minLength: Int
    public var requireLetter: Bool
    public var requireDigit: Bool
    public var requireSpecial: Bool

    public static let maxBytes = 1024

    public init(minLength: Int = 6, requireLetter: Bool = true, requireDigit: Bool = true, requireSpecial: Bool = true) {
        self.minLength = minLength
        self.requireLetter = requireLetter
        self.requireDigit = requireDigit
        self.requireSpecial = requireSpecial
    }

    /// One phrase per broken rule, in a fixed order, empty when the password is acceptable:
    /// `at least 6 characters`, `at least one letter`, `at least one digit`,
    /// `at least one special character (not a letter or digit)`, `no control characters`,
    /// `at most 1024 bytes`. Length counts Characters (what a person sees as one), a digit
    /// is a decimal digit of any script, a letter any Unicode letter.
    public func violations(_ password: String) -> [String] {
        var broken: [String] = []
        if password.count < minLength {
            broken.append("at least \(minLength) character\(minLength == 1 ? "" : "s")")
        }
        if requireLetter && !password.contains(where: Self.isLetter) {
            broken.append("at least one letter")
        }
        if requireDigit && !password.contains(where: Self.isDigit) {
            broken.append("at least one digit")
        }
        if requireSpecial && !password.contains(where: { !Self.isLetter($0) && !Self.isDigit($0) && !Self.isControl($0) }) {
            broken.append("at least one special character (not a letter or digit)")
        }
        if password.contains(where: Self.isControl) {
            broken.append("no control characters")
        }
        if password.utf8.count > Self.maxBytes {
            broken.append("at most \(Self.maxBytes) bytes")
        }
        return broken
    }

    /// Throws an invalid error that lists every broken rule, e.g.
    /// `password does not meet the policy: at least one digit; at least one special character (not a letter or digit)`.
    public func check(_ password: String) throws {
        let broken = violations(password)
        guard broken.isEmpty else {
            throw WTError.invalid("password does not meet the policy: " + broken.joined(separator: "; "))
        }
    }

    private static func isLetter(_ c: Character) -> Bool { c.isLetter }

    private static func isDigit(_ c: Character) -> Bool {
        c.unicodeScalars.first?.properties.numericType == .decimal
    }

    private static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
