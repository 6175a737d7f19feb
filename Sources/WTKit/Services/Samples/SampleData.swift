/// `wt init --sample`: fills a new store through the same services the
/// commands use, so a sample store is as valid as a real one.
public enum SampleData {
    public static func fill(_ store: Store, sample: String, ctx: Context, actor: String) throws {
        switch sample {
        case "demo": try DemoSample.fill(store, ctx: ctx, actor: actor)
        case "large": try LargeSample.fill(store, ctx: ctx, actor: actor)
        default: throw WTError.usage("unknown sample \"\(sample)\"")
        }
    }
}

/// The world of the portal manual: one client with one department
/// (1 Opdrachtgever), its workers and everything that follows from them.
enum DemoSample {
    static let workerNames = [
        "Sanne de Vries", "Mohammed El Amrani", "Lotte Jansen", "Daan Bakker", "Fatima Yilmaz",
        "Joris van Dijk", "Emma Visser", "Bram Smit", "Noor Meijer",
    ]

    static func fill(_ store: Store, ctx: Context, actor: String) throws {
        let tx = store.begin(actor: actor, at: ctx.nowStamp)
        try Config.set("agency.name", "WerkTalent BV", in: tx)
        try Config.set("agency.street", "Stationsplein 12", in: tx)
        try Config.set("agency.postcode", "3511 ED", in: tx)
        try Config.set("agency.city", "Utrecht", in: tx)
        try Config.set("agency.kvk", "12345678", in: tx)
        try Config.set("agency.vatId", "NL123456782B01", in: tx)
        try Config.set("agency.iban", "NL91ABNA0417164300", in: tx)
        try Config.set("agency.gAccountIban", "NL21INGB0990123456", in: tx)
        var f = Organisation.ClientFields()
        f.name = "Bakkerij Van Houten BV"
        f.kvk = "87654321"
        f.vatId = "NL000099998B57"
        f.email = "crediteuren@vanhouten.example"
        f.street = "Industrieweg 8"
        f.postcode = "3542 AD"
        f.city = "Utrecht"
        f.gAccountPercent = 25
        let client = try Organisation.addClient(f, in: tx)
        _ = try Organisation.addDepartment(client: client.id, name: "Productie", costCenter: "4100", in: tx, actor: .backoffice(actor))
        for (i, name) in workerNames.enumerated() {
            let first = name.split(separator: " ").first!.lowercased()
            _ = try Organisation.addWorker(
                name: name, email: "\(first)@mail.example", phone: "+316123456\(String(format: "%02d", i + 10))",
                iban: nil, in: tx)
        }
        try addUsers(client: client.id, in: tx, ctx: ctx)
        try tx.commit()
    }
}

/// A three-year mid-size agency for benchmarks (SPEC §9), deterministic from a fixed seed.
enum LargeSample {
    static func fill(_ store: Store, ctx: Context, actor: String) throws {
        let random = SeededRandomSource(seed: 2026)
        let tx = store.begin(actor: actor, at: ctx.nowStamp)
        var clients: [Client] = [], departments: [Department] = [], workers: [Worker] = []
        let cities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Zwolle"]
        let trades = ["Bouw", "Logistiek", "Techniek", "Zorg", "Horeca", "Productie", "Schoonmaak", "Transport"]
        for n in 1...200 {
            let id = "cl-\(n)"
            clients.append(Client(
                id: id, name: "\(trades[n % trades.count]) \(cities[n % cities.count]) \(n) BV", kvk: String(format: "%08d", 10_000_000 + n),
                city: cities[n % cities.count], gAccountPercent: random.int(in: 0...3) == 0 ? 25 : 0, createdAt: ctx.nowStamp))
            for k in 1...3 {
                departments.append(Department(id: "dep-\(departments.count + 1)", client: id, name: ["Productie", "Magazijn", "Kantoor"][k - 1], createdAt: ctx.nowStamp))
            }
        }
        let first = ["Sanne", "Daan", "Emma", "Noah", "Lotte", "Sem", "Julia", "Lucas", "Fatima", "Mohammed", "Anna", "Bram"]
        let last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "El Amrani"]
        for n in 1...2000 {
            workers.append(Worker(id: "w-\(n)", name: "\(first[n % first.count]) \(last[(n / first.count) % last.count])",
                email: "worker\(n)@mail.example", createdAt: ctx.nowStamp))
        }
        RecordFile.save(clients, to: Organisation.clientsFile, in: tx)
        RecordFile.save(departments, to: Organisation.departmentsFile, in: tx)
        RecordFile.save(workers, to: Organisation.workersFile, in: tx)
        var counters = try tx.read(IdAllocator.file)?.objectValue ?? [:]
        counters["next"] = ["cl": .int(201), "dep": .int(departments.count + 1), "w": .int(2001)]
        tx.write(IdAllocator.file, .object(counters))
        tx.record("sample.large", "store", ["clients": .int(200), "departments": .int(600), "workers": .int(2000)])
        try tx.commit()
    }
}

import Foundation
