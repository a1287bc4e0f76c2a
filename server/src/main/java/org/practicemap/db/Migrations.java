package org.practicemap.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the SQL migrations in {@code db/migration} at start-up (blocking, over JDBC). */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  public static void apply(Database db) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(
                db.jdbcUrl(), db.connectOptions().getUser(), db.connectOptions().getPassword())
            .locations("classpath:db/migration")
            // Features add migrations in parallel branches; a database that already ran a later
            // one must still accept an earlier one that lands afterwards.
            .outOfOrder(true)
            // During a rolling update the first new replica migrates while old ones still run
            // (and may restart): migrations are additive, so an old replica accepts a schema that
            // is ahead of it instead of refusing to start. "missing" as well as "future": versions
            // are numbered by issue, so a new migration (V9_1) can sort below applied ones (V10_1).
            .ignoreMigrationPatterns("*:future", "*:missing")
            .load()
            .migrate();
    log.info(
        "Database schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion,
        result.migrationsExecuted);
  }
}
