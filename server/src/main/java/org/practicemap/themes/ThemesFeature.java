package org.practicemap.themes;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.Localized;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.Results;

/** The eight theme boards and "one month, one theme". */
public final class ThemesFeature implements Feature {
  private static final String BY_CODE = "theme.byCode";
  private static final String OF_POINT = "theme.ofPoint";

  private final ThemeRepository themes;

  public ThemesFeature(Sql sql) {
    this.themes = new ThemeRepository(sql);
  }

  /** The theme board with this code, or null: batched per request. */
  public static CompletableFuture<Theme> load(DataFetchingEnvironment env, String code) {
    return code == null
        ? CompletableFuture.completedFuture(null)
        : Loaders.load(env, BY_CODE, code);
  }

  /** The theme boards of a point, in display order: batched per request. */
  public static CompletableFuture<List<Theme>> ofPoint(DataFetchingEnvironment env, long pointId) {
    return Loaders.load(env, OF_POINT, pointId);
  }

  /**
   * Completes when {@code code} names a theme board; fails with a {@code BAD_USER_INPUT} error on
   * {@code field} otherwise. Null passes (no filter).
   */
  public static CompletableFuture<Void> requireKnown(
      DataFetchingEnvironment env, String field, String code) {
    return load(env, code)
        .thenAccept(
            theme -> {
              if (code != null && theme == null) {
                throw ApiException.badInput(
                    field, "There is no theme board with the code \"" + code + "\".");
              }
            });
  }

  /**
   * Inside a transaction: fails with a {@code BAD_USER_INPUT} error on {@code field} when {@code
   * code} names no theme board. Null passes (no theme).
   */
  public static Future<Void> requireKnown(Sql tx, String code, String field) {
    if (code == null) {
      return Future.succeededFuture();
    }
    return tx.query("SELECT 1 FROM theme WHERE code = $1", Tuple.of(code))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.badInput(
                    field, "There is no theme board with the code \"" + code + "\".");
              }
              return null;
            });
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(BY_CODE, Loaders.mapped(themes::byCodes));
    registry.register(OF_POINT, Loaders.mapped(themes::ofPoints));
  }

  @Override
  public Map<String, Function<String, Future<Object>>> nodeLoaders() {
    return Map.of("Theme", code -> themes.byCodes(List.of(code)).map(m -> m.get(code)));
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("themes", env -> themes.all())
                .dataFetcher(
                    "theme",
                    env -> {
                      String code = env.getArgument("code");
                      return load(env, code)
                          .thenApply(
                              theme ->
                                  Results.orNotFound(
                                      env, theme, "There is no theme board \"" + code + "\"."));
                    })
                .dataFetcher("monthlyThemes", env -> themes.monthlyThemes(year(env))));
    wiring.type(
        "Theme",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("Theme", env.<Theme>getSource().code()))
                .dataFetcher("name", Localized.<Theme>text(Theme::name))
                .dataFetcher("description", Localized.<Theme>text(Theme::description)));
    wiring.type(
        "MonthlyTheme",
        t ->
            t.dataFetcher("title", Localized.<MonthlyTheme>text(MonthlyTheme::title))
                .dataFetcher("description", Localized.<MonthlyTheme>text(MonthlyTheme::description))
                .dataFetcher("theme", env -> load(env, env.<MonthlyTheme>getSource().themeCode())));
  }

  private static int year(DataFetchingEnvironment env) {
    int year = env.<Integer>getArgument("year");
    if (year < 2000 || year > 2100) {
      throw ApiException.badInput("year", "year must be between 2000 and 2100, not " + year + ".");
    }
    return year;
  }
}
