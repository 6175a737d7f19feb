// How OrganisationRecords's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension Client: StoredRecord {
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
}

extension Department: StoredRecord {
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
}

extension Worker: StoredRecord {
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
}
