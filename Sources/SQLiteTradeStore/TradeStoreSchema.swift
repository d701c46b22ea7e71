import GRDB

/// The schema in versioned migrations. The SQL is kept portable (plain types, no SQLite-only
/// syntax) so the PostgreSQL store can apply the same statements.
enum TradeStoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            for statement in TradeStoreSchema.v1 { try db.execute(sql: statement) }
        }
        return m
    }

    static let v1: [String] = []
}
