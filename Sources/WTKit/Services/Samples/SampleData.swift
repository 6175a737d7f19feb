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
