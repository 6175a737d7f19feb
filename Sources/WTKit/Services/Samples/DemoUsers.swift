/// The demo client's two portal users (the manual's menu shows "2 Gebruikers"),
/// invited and activated through the same service as `wt users invite` and
/// `wt account activate`, both with the password in `demoPassword`.
extension DemoSample {
    /// Documented in the README: the password of the demo users.
    static let demoPassword = "Welkom01!"

    static func addUsers(client: String, in tx: Transaction, ctx: Context) throws {
        let backoffice = Actor.backoffice(tx.actor)
        let people: [(email: String, name: String, phone: String?, roles: [Role])] = [
            ("peter@vanhouten.example", "Peter van Houten", "+31 6 12345678", [.approver, .signer]),
            ("ingrid@vanhouten.example", "Ingrid Bos", nil, [.viewer]),
        ]
        for p in people {
            let invitation = try Accounts.invite(
                email: p.email, name: p.name, client: client, phone: try p.phone.map { try Phone.normalize($0) }, roles: p.roles,
                departments: [], in: tx, ctx: ctx, actor: backoffice)
            _ = try Accounts.activate(token: invitation.token, password: demoPassword, in: tx, ctx: ctx)
        }
    }
}
