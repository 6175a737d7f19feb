// Invoice's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension InvoiceParty {
    var json: JSON {
        [
            "name": .string(name), "street": JSON(street), "postcode": JSON(postcode), "city": JSON(city),
            "country": .string(country), "kvk": JSON(kvk), "vatId": JSON(vatId), "email": JSON(email),
            "iban": JSON(iban), "gAccountIban": JSON(gAccountIban),
        ]
    }
}

extension Invoice.Line {
    var json: JSON {
        [
            "kind": .string(kind.rawValue), "description": .string(description), "worker": JSON(worker),
            "workerName": JSON(workerName), "week": JSON(week?.description), "hourType": JSON(hourType),
            "minutes": JSON(minutes), "quantity": .string(quantity), "unitPrice": .string(unitPrice.description),
            "percent": .int(percent), "amount": .string(amount.description), "vatRate": .int(vatRate),
            "declarations": JSON(declarations),
        ]
    }
}

extension Invoice.VATAmount {
    var json: JSON {
        ["rate": .int(rate), "base": .string(base.description), "amount": .string(amount.description)]
    }
}

extension Invoice.Period {
    var json: JSON {
        [
            "firstWeek": .string(firstWeek.description), "lastWeek": .string(lastWeek.description),
            "start": .string(start.description), "end": .string(end.description),
        ]
    }
}
