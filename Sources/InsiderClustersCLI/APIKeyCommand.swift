import ArgumentParser
import Foundation
import InsiderAPI
import TradeStore

/// `insider-clusters api-key`: create, list and revoke the API's keys.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key",
        abstract: "Manage the Insider Trading API's keys (stored as SHA-256 hashes in the trade store).",
        subcommands: [APIKeyCreateCommand.self, APIKeyListCommand.self, APIKeyRevokeCommand.self])
}

/// `api-key create --tier pro|free [--name NAME]`: prints the new key alone on the first line.
struct APIKeyCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a key and print it once, alone on the first line of stdout (it cannot be shown again).",
        discussion: "Example: KEY=$(insider-clusters api-key create --tier pro --name research | head -n 1)")

    @Option(name: .long, help: ArgumentHelp("pro (full bodies) or free (preview envelope). Example: --tier pro", valueName: "tier"))
    var tier: String

    @Option(name: .long, help: ArgumentHelp("A label for the key, shown by `api-key list`. Example: --name research-team", valueName: "name"))
    var name: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard APITier(rawValue: tier.lowercased()) != nil else { throw ValidationError("--tier: \"\(tier)\" is not one of pro, free") }
        if let name, name.count > 100 { throw ValidationError("--name: at most 100 characters (got \(name.count))") }
    }

    func run() async throws {
        let (key, record) = APIKeyIssuer.issue(tier: APITier(rawValue: tier.lowercased())!, name: name)   // validate() checked the tier
        try await store.openStore().createAPIKey(record)
        print(key)
        print("id \(record.id), tier \(record.tier.rawValue)\(record.name.map { ", name \($0)" } ?? ""); store the key now, it is not shown again")
    }
}

/// `api-key list`: every key's id, name, tier and dates; never the key or its hash.
struct APIKeyListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys: id, name, tier, created, last used, revoked.",
                                                    discussion: "Example: insider-clusters api-key list")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let keys = try await store.openStore().apiKeys()
        print(APIKeyTable.render(keys))
    }
}

/// `api-key revoke ID`: the key stops working at once (401).
struct APIKeyRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key by its id (see `api-key list`).",
                                                    discussion: "Example: insider-clusters api-key revoke key_3f9a0c12d4e5")

    @Argument(help: ArgumentHelp("The key's id. Example: key_3f9a0c12d4e5", valueName: "id"))
    var id: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard try await store.openStore().revokeAPIKey(id: id, at: Date()) else {
            printError("api-key revoke: no key with id \(id) (see `insider-clusters api-key list`)")
            throw ExitCode(2)
        }
        print("revoked \(id)")
    }
}
