/// A client company (inlener).
public struct Client: StoredRecord, Equatable, Sendable {
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

    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        name = try r.string("name")
        kvk = try r.optString("kvk")
        vatId = try r.optString("vatId")
        email = try r.optString("email")
        street = try r.optString("street")
        postcode = try r.optString("postcode")
        city = try r.optString("city")
        country = try r.string("country")
        gAccountPercent = try r.int("gAccountPercent")
        paymentDays = try r.optInt("paymentDays")
        createdAt = try r.string("createdAt")
    }

    public var stored: JSON {
        [
            "id": .string(id), "name": .string(name), "kvk": JSON(kvk), "vatId": JSON(vatId), "email": JSON(email),
            "street": JSON(street), "postcode": JSON(postcode), "city": JSON(city), "country": .string(country),
            "gAccountPercent": .int(gAccountPercent), "paymentDays": JSON(paymentDays), "createdAt": .string(createdAt),
        ]
    }

    public static let schema = Schema([
        Field("id"), Field("name"), Field("kvk"), Field("vatId", table: false), Field("email", table: false),
        Field("street", table: false), Field("postcode", table: false), Field("city"), Field("country", table: false),
        Field("gAccountPercent", table: false), Field("paymentDays", table: false),
        Field("createdAt", .timestamp, table: false),
    ])
}

/// A department of a client that hires workers (the portal's "opdrachtgever").
public struct Department: StoredRecord, Equatable, Sendable {
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

    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        client = try r.string("client")
        name = try r.string("name")
        costCenter = try r.optString("costCenter")
        createdAt = try r.string("createdAt")
    }

    public var stored: JSON {
        [
            "id": .string(id), "client": .string(client), "name": .string(name), "costCenter": JSON(costCenter),
            "createdAt": .string(createdAt),
        ]
    }

    public static let schema = Schema([
        Field("id"), Field("client"), Field("name"), Field("costCenter"), Field("createdAt", .timestamp, table: false),
    ])
}

/// A flex worker (medewerker, flexkracht). With `account`, the worker has a
/// portal account of their own (SPEC §11), logging in with `email`; the
/// account's secrets are stored only as hashes, and `publicJSON` never holds them.
public struct Worker: StoredRecord, Equatable, Sendable {
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

    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        name = try r.string("name")
        email = try r.optString("email")
        phone = try r.optString("phone")
        iban = try r.optString("iban")
        createdAt = try r.string("createdAt")
        // Absent in stores written before workers had accounts: no account.
        let a = try r.object("account")
        if !a.isEmpty { account = try Credentials(stored: JSONReader(.object(a), what: "\(r.what): worker \(id)'s account")) }
    }

    public var stored: JSON {
        var o: [String: JSON] = [
            "id": .string(id), "name": .string(name), "email": JSON(email), "phone": JSON(phone), "iban": JSON(iban),
            "createdAt": .string(createdAt),
        ]
        if let account { o["account"] = .object(account.storedFields) }
        return .object(o)
    }

    /// The login of the account: the e-mail address in lower case, as users' are.
    public var accountEmail: String? { email?.lowercased() }

    /// `none`, `invited`, `active`, `locked` or `disabled`.
    public func accountStatus(now: String) -> String { account?.effectiveStatus(now: now) ?? "none" }

    /// What output shows: the stored fields without secrets, the account as its status.
    public func publicJSON(now: String) -> JSON {
        guard case .object(var o) = stored else { return stored }
        o["account"] = .string(accountStatus(now: now))
        o["activatedAt"] = JSON(account?.activatedAt)
        o["lastLoginAt"] = JSON(account?.lastLoginAt)
        o["lockedUntil"] = account?.isLocked(now: now) == true ? JSON(account?.lockedUntil) : .null
        o["activationExpiresAt"] = account?.status == .invited ? JSON(account?.activation?.expiresAt) : .null
        return .object(o)
    }

    public static let schema = Schema([
        Field("id"), Field("name"), Field("email"), Field("phone"), Field("iban", table: false),
        Field("createdAt", .timestamp, table: false), Field("account", .status),
        Field("activatedAt", .timestamp, table: false), Field("lastLoginAt", .timestamp, table: false),
        Field("lockedUntil", .timestamp, table: false), Field("activationExpiresAt", .timestamp, table: false),
    ])
}
