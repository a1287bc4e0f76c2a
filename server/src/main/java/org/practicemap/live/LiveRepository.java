package org.practicemap.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.common.Coordinates;
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

  /**
   * Where these points and deployments stand now, and where the points' mobile deployments that
   * have not ended stand (the activities held there show their point too): one statement.
   */
  Future<Positions> positions(Collection<Long> pointIds, Collection<Long> deploymentIds) {
    return sql.query(
            "SELECT 'P' AS kind, id, lat, lng FROM point WHERE id = ANY($1)"
                + " UNION ALL SELECT 'D', id, lat, lng FROM deployment WHERE id = ANY($2)"
                + " UNION ALL SELECT 'M', id, lat, lng FROM deployment"
                + "   WHERE point_id = ANY($1) AND ends_at > now()",
            Tuple.tuple()
                .addArrayOfLong(pointIds.toArray(Long[]::new))
                .addArrayOfLong(deploymentIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Positions found = new Positions(new HashMap<>(), new HashMap<>(), new ArrayList<>());
              for (Row row : rows) {
                Coordinates at = new Coordinates(row.getDouble("lat"), row.getDouble("lng"));
                switch (row.getString("kind")) {
                  case "P" -> found.points().put(row.getLong("id"), at);
                  case "D" -> found.deployments().put(row.getLong("id"), at);
                  default -> found.deploymentsOfPoints().add(at);
                }
              }
              return found;
            });
  }

  record Positions(
      Map<Long, Coordinates> points,
      Map<Long, Coordinates> deployments,
      List<Coordinates> deploymentsOfPoints) {}
}
