package org.practicemap.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The one door to PostgreSQL on the request path: parameterised statements on the pool, or on one
 * connection inside {@link #transaction}. It counts the statements it sends, which the tests use to
 * prove that data fetchers batch (no N+1) and the metrics report.
 */
public final class Sql {
  private final Pool pool;
  private final SqlClient client;
  private final LongAdder statements;

  public Sql(Pool pool) {
    this(pool, pool, new LongAdder());
  }

  private Sql(Pool pool, SqlClient client, LongAdder statements) {
    this.pool = pool;
    this.client = client;
    this.statements = statements;
  }

  public Future<RowSet<Row>> query(String sql, Tuple args) {
    statements.increment();
    return client.preparedQuery(sql).execute(args);
  }

  public Future<RowSet<Row>> query(String sql) {
    return query(sql, Tuple.tuple());
  }

  public Future<RowSet<Row>> batch(String sql, List<Tuple> args) {
    statements.increment();
    return client.preparedQuery(sql).executeBatch(args);
  }

  /**
   * Runs {@code work} in one transaction on one connection: committed when its future succeeds,
   * rolled back when it fails. Inside, use only the {@code Sql} handed to it.
   */
  public <T> Future<T> transaction(Function<Sql, Future<T>> work) {
    return pool.withTransaction(conn -> work.apply(new Sql(pool, conn, statements)));
  }

  /** Statements sent since start-up. */
  public long statementCount() {
    return statements.sum();
  }

  public Pool pool() {
    return pool;
  }
}
