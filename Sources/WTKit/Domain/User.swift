/// A client's portal user (gebruiker, contactpersoon). Secrets are kept only
/// as hashes, and `publicJSON` never includes them.
public struct User: Equatable, Sendable {
    public typealias Status = AccountStatus
    public typealias Activation = Credentials.Activation

    public var id: String
    public var email: String
    public var name: String
    public var client: String
    public var phone: String?
    public var roles: [Role]
    public var departments: [String]
    /// Status, password hashes, failures and lock, the open activation link: the same
    /// type a worker's account is, so `Accounts` has one set of rules for both.
    public var account = Credentials()
    public var createdAt: String

    public init(id: String, email: String, name: String, client: String, phone: String?, roles: [Role], departments: [String], createdAt: String) {
        self.id = id
        self.email = email
        self.name = name
        self.client = client
        self.phone = phone
        self.roles = roles
        self.departments = departments
        self.createdAt = createdAt
    }

    public var lookupKeys: [String] { [email] }
}
