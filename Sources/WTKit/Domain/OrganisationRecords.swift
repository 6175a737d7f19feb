/// A client company (inlener).
public struct Client: Equatable, Sendable {
    public var id: String
    public var name: String
    public var kvk: String?
    public var vatId: String?
    public var email: String?
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var country: String
    /// The share of each invoice (including VAT) paid to the G-account, whole percent; 0 for none.
    public var gAccountPercent: Int
    /// Payment term in days; nil means the agency's `invoice.paymentDays`.
    public var paymentDays: Int?
    public var createdAt: String

    public init(
        id: String, name: String, kvk: String? = nil, vatId: String? = nil, email: String? = nil,
        street: String? = nil, postcode: String? = nil, city: String? = nil, country: String = "NL",
        gAccountPercent: Int = 0, paymentDays: Int? = nil, createdAt: String
    ) {
        self.id = id
        self.name = name
        self.kvk = kvk
        self.vatId = vatId
        self.email = email
        self.street = street
        self.postcode = postcode
        self.city = city
        self.country = country
        self.gAccountPercent = gAccountPercent
        self.paymentDays = paymentDays
        self.createdAt = createdAt
    }

}

/// A department of a client that hires workers (the portal's "opdrachtgever").
public struct Department: Equatable, Sendable {
    public var id: String
    public var client: String
    public var name: String
    public var costCenter: String?
    public var createdAt: String

    public init(id: String, client: String, name: String, costCenter: String? = nil, createdAt: String) {
        self.id = id
        self.client = client
        self.name = name
        self.costCenter = costCenter
        self.createdAt = createdAt
    }

}

/// A flex worker (medewerker, flexkracht). With `account`, the worker has a
/// portal account of their own (SPEC §11), logging in with `email`; the
/// account's secrets are stored only as hashes, and `publicJSON` never holds them.
public struct Worker: Equatable, Sendable {
    public var id: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var iban: String?
    public var createdAt: String
    public var account: Credentials?

    public init(id: String, name: String, email: String? = nil, phone: String? = nil, iban: String? = nil, createdAt: String) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.iban = iban
        self.createdAt = createdAt
    }

    /// The login of the account: the e-mail address in lower case, as users' are.
    public var accountEmail: String? { email?.lowercased() }

    /// `none`, `invited`, `active`, `locked` or `disabled`.
    public func accountStatus(now: String) -> String { account?.effectiveStatus(now: now) ?? "none" }

}
