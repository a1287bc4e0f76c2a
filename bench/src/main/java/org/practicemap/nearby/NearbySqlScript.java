package org.practicemap.nearby;

import org.practicemap.common.Coordinates;

/**
 * Prints a pgbench script that runs exactly the statement the server runs for {@code
 * nearbyActivities} ({@link PgNearbySearch#ACTIVITIES_SQL}, first page, no filter, the default
 * window from now), around a random generated point: the plain-SQL side of the suite's ratio.
 *
 * <pre>java -cp bench/target/practice-map-bench.jar org.practicemap.nearby.NearbySqlScript 3000 \
 *   &gt; nearby.sql
 * pgbench -M prepared -n -f nearby.sql -c 8 -T 20 -D maxid=… "$URL"</pre>
 *
 * <p>The position is picked by one primary-key lookup ({@code \gset}, about 20 µs) because pgbench
 * cannot read a list of coordinates; the server's load scripts read the same kind of positions from
 * a file instead. The filters the server passes as NULL parameters are NULL literals here.
 */
public final class NearbySqlScript {
  private NearbySqlScript() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--raw")) {
      // The statement as the server prepares it, $1..$13 (for EXPLAIN EXECUTE by hand).
      System.out.println(PgNearbySearch.ACTIVITIES_SQL);
      return;
    }
    double radius = args.length > 0 ? Double.parseDouble(args[0]) : 3000;
    int first = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    double box = new Circle(new Coordinates(0, 0), radius).boxRadius();
    String sql =
        PgNearbySearch.ACTIVITIES_SQL
            // Highest first, so that $13 is not read as $1 followed by 3.
            .replace("$13", Integer.toString(first))
            .replace("$12", "0")
            .replace("$11", "'0001-01-01T00:00:00Z'::timestamptz")
            .replace("$10", "-1::float8")
            .replace("$9", "NULL")
            .replace("$8", "NULL")
            .replace("$7", "NULL")
            .replace("$6", "(now() + interval '14 days')")
            .replace("$5", "now()")
            .replace("$4", Double.toString(box))
            .replace("$3", Double.toString(radius))
            .replace("$2", ":lng")
            .replace("$1", ":lat");
    System.out.println("\\set pid random(:minid, :maxid)");
    System.out.println("SELECT lat, lng FROM point WHERE id = :pid \\gset");
    System.out.println(sql + ";");
  }
}
