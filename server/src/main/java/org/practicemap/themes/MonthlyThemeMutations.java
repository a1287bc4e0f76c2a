package org.practicemap.themes;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Map;
import org.practicemap.audit.AuditLog;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.Inputs;
import org.practicemap.graphql.RequestContext;

/**
 * "One month, one theme" is set for the whole network, so it takes a MANAGER of a network's root
 * (the CENTER) or an ADMIN; a manager of one institute cannot change it.
 */
public final class MonthlyThemeMutations implements Feature {
  private static final String SNAPSHOT_COLUMNS =
      "month, theme_code, title_zh, title_mn, title_en, description_zh, description_mn,"
          + " description_en";

  private final Sql sql;

  public MonthlyThemeMutations(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("setMonthlyTheme", this::setMonthlyTheme)
                .dataFetcher("removeMonthlyTheme", this::removeMonthlyTheme));
  }

  private static Caller networkManager(DataFetchingEnvironment env) {
    Caller caller = RequestContext.of(env).caller();
    caller.requireRole(Role.MANAGER);
    if (caller.role() != Role.ADMIN
        && (caller.scopePath() == null || caller.scopePath().contains("."))) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Monthly themes are set for the whole network: this needs a manager of the centre.");
    }
    return caller;
  }

  private Future<Map<String, Object>> setMonthlyTheme(DataFetchingEnvironment env) {
    Caller caller = networkManager(env);
    Map<String, Object> input = env.getArgument("input");
    LocalDate month = month((LocalDate) input.get("month"), "input.month");
    String themeCode = (String) input.get("themeCode");
    LocalizedText title = Inputs.text(input, "title", "input.title", 200);
    LocalizedText description = Inputs.text(input, "description", "input.description", 2000);
    LocalizedText about = description == null ? LocalizedText.NONE : description;
    return sql.transaction(
            tx ->
                ThemesFeature.requireKnown(tx, themeCode, "input.themeCode")
                    .compose(ok -> snapshot(tx, month))
                    .compose(
                        before ->
                            tx.query(
                                    "INSERT INTO monthly_theme AS m ("
                                        + SNAPSHOT_COLUMNS
                                        + ")"
                                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                                        + " ON CONFLICT (month) DO UPDATE SET"
                                        + " theme_code = excluded.theme_code,"
                                        + " title_zh = excluded.title_zh, title_mn = excluded.title_mn,"
                                        + " title_en = excluded.title_en,"
                                        + " description_zh = excluded.description_zh,"
                                        + " description_mn = excluded.description_mn,"
                                        + " description_en = excluded.description_en"
                                        + " RETURNING "
                                        + SNAPSHOT_COLUMNS
                                        + ", to_jsonb(m) AS json",
                                    Tuple.tuple()
                                        .addValue(month)
                                        .addValue(themeCode)
                                        .addValue(title.zh())
                                        .addValue(title.mn())
                                        .addValue(title.en())
                                        .addValue(about.zh())
                                        .addValue(about.mn())
                                        .addValue(about.en()))
                                .compose(
                                    rows -> {
                                      var row = rows.iterator().next();
                                      return AuditLog.record(
                                              tx,
                                              caller,
                                              "setMonthlyTheme",
                                              "MonthlyTheme",
                                              month.toString(),
                                              before,
                                              row.getJsonObject("json"))
                                          .map(v -> MonthlyTheme.from(row));
                                    })))
        .map(theme -> Map.of("monthlyTheme", theme));
  }

  private Future<Map<String, Object>> removeMonthlyTheme(DataFetchingEnvironment env) {
    Caller caller = networkManager(env);
    LocalDate month = month(env.getArgument("month"), "month");
    return sql.transaction(
            tx ->
                tx.query(
                        "DELETE FROM monthly_theme m WHERE month = $1 RETURNING to_jsonb(m) AS json",
                        Tuple.of(month))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return Future.succeededFuture(false);
                          }
                          JsonObject before = rows.iterator().next().getJsonObject("json");
                          return AuditLog.record(
                                  tx,
                                  caller,
                                  "removeMonthlyTheme",
                                  "MonthlyTheme",
                                  month.toString(),
                                  before,
                                  null)
                              .map(v -> true);
                        }))
        .map(removed -> Map.of("month", month, "removed", removed));
  }

  private static Future<JsonObject> snapshot(Sql tx, LocalDate month) {
    return tx.query(
            "SELECT to_jsonb(m) AS json FROM monthly_theme m WHERE month = $1", Tuple.of(month))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getJsonObject("json"));
  }

  private static LocalDate month(LocalDate day, String field) {
    if (day.getDayOfMonth() != 1) {
      throw ApiException.badInput(
          field, "A month is given by its first day, e.g. " + day.withDayOfMonth(1) + ".");
    }
    if (day.getYear() < 2000 || day.getYear() > 2100) {
      throw ApiException.badInput(field, "The year must be between 2000 and 2100.");
    }
    return day;
  }
}
