package org.practicemap.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.practicemap.db.Sql;

/** The little the live filters need to know about points and deployments, many at a time. */
final class LiveRepository {
  private final Sql sql;

  LiveRepository(Sql sql) {
    this.sql = sql;
  }

  /** A point's path and position, or a deployment's position (path null). */
  record Spot(String path, double lat, double lng) {}

  /** Points and deployments by id, in one statement: {@code points} and {@code deployments}. */
  Future<Spots> spots(Collection<Long> pointIds, Collection<Long> deploymentIds) {
    return sql.query(
            "SELECT 'P' AS kind, id, path::text AS path, lat, lng FROM point WHERE id = ANY($1)"
                + " UNION ALL"
                + " SELECT 'D', id, NULL, lat, lng FROM deployment WHERE id = ANY($2)",
            Tuple.tuple()
                .addArrayOfLong(pointIds.toArray(Long[]::new))
                .addArrayOfLong(deploymentIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Spots spots = new Spots(new HashMap<>(), new HashMap<>());
              for (Row row : rows) {
                Spot spot =
                    new Spot(row.getString("path"), row.getDouble("lat"), row.getDouble("lng"));
                (row.getString("kind").equals("P") ? spots.points() : spots.deployments())
                    .put(row.getLong("id"), spot);
              }
              return spots;
            });
  }

  record Spots(Map<Long, Spot> points, Map<Long, Spot> deployments) {}
}
