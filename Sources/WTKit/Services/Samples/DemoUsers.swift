/// The demo client's two portal users (the manual's menu shows "2 Gebruikers"),
/// invited and activated through the same service as `wt users invite` and
/// `wt account activate`, both with the password documented in the README.
enum DemoUsers {
    static let approver = "j.vanhouten@vanhouten.example"
    static let signer = approver
    static let viewer = "m.bos@vanhouten.example"
    static let password = "Welkom01!"

    static func add(client: Client, department: Department, in tx: Transaction, env: ServiceEnv) throws {
        let backoffice = Actor.backoffice(tx.actor)
        let people: [(email: String, name: String, phone: String?, roles: [Role])] = [
            (approver, "Jan van Houten", "+31612345678", [.approver, .signer]),
            (viewer, "Marieke Bos", nil, [.viewer]),
        ]
        for p in people {
            let invitation = try Accounts.invite(
                email: p.email, name: p.name, client: client.id, phone: p.phone, roles: p.roles, departments: [], in: tx, env: env,
                actor: backoffice)
            _ = try Accounts.activate(token: invitation.token, password: password, in: tx, env: env)
        }
    }

    /// The worker who reports their own hours in the demo: Daan Bakker, with a
    /// rejected week to correct and this week to report.
    static let worker = "daan@mail.example"

    /// Every demo worker gets an account (an activation mail); Daan's is
    /// activated with the same password as the users'.
    static func addWorkers(_ workers: [Worker], in tx: Transaction, env: ServiceEnv) throws {
        let backoffice = Actor.backoffice(tx.actor)
        for w in workers {
            let invitation = try Accounts.inviteWorker(w.id, in: tx, env: env, actor: backoffice)
            if invitation.account.email == worker {
                _ = try Accounts.activate(token: invitation.token, password: password, in: tx, env: env)
            }
        }
    }
}
