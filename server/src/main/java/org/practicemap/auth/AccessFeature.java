package org.practicemap.auth;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;
import org.practicemap.points.Point;
import org.practicemap.points.PointsFeature;

/** Who is calling ({@code viewer}) and the ADMIN's management of API tokens. */
public final class AccessFeature implements Feature {
  private final Sql sql;
  private final TokenRepository tokens;
  private final TokenAuthenticator authenticator;

  /** The caller of a request, as the {@code Viewer} type shows it. */
  record Viewer(Caller caller) {}

  public AccessFeature(Sql sql, TokenAuthenticator authenticator) {
    this.sql = sql;
    this.tokens = new TokenRepository(sql);
    this.authenticator = authenticator;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t ->
            t.dataFetcher("viewer", env -> new Viewer(caller(env)))
                .dataFetcher("apiTokens", this::apiTokens));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("createApiToken", this::createApiToken)
                .dataFetcher("revokeApiToken", this::revokeApiToken));
    wiring.type(
        "Viewer",
        t ->
            t.dataFetcher("role", env -> env.<Viewer>getSource().caller().role().name())
                .dataFetcher("point", env -> scopePoint(env, env.<Viewer>getSource().caller()))
                .dataFetcher("kioskId", env -> env.<Viewer>getSource().caller().kioskId())
                .dataFetcher("expiresAt", this::expiresAt));
    wiring.type(
        "ApiToken",
        t ->
            t.dataFetcher("id", env -> GlobalId.of("ApiToken", env.<ApiToken>getSource().id()))
                .dataFetcher("status", env -> env.<ApiToken>getSource().status())
                .dataFetcher(
                    "point",
                    env -> {
                      Long pointId = env.<ApiToken>getSource().pointId();
                      return pointId == null ? null : PointsFeature.load(env, pointId);
                    }));
  }

  private static Caller caller(DataFetchingEnvironment env) {
    return RequestContext.of(env).caller();
  }

  /** The point a scope path ends in: its last label is the point's id. */
  private static CompletableFuture<Point> scopePoint(DataFetchingEnvironment env, Caller caller) {
    String path = caller.scopePath();
    if (path == null) {
      return CompletableFuture.completedFuture(null);
    }
    return PointsFeature.load(env, Long.parseLong(path.substring(path.lastIndexOf('.') + 1)));
  }

  private Future<OffsetDateTime> expiresAt(DataFetchingEnvironment env) {
    Long id = env.<Viewer>getSource().caller().tokenId();
    if (id == null) {
      return Future.succeededFuture(null);
    }
    return tokens.byId(id).map(token -> token == null ? null : token.expiresAt());
  }

  private Future<Connection<ApiToken>> apiTokens(DataFetchingEnvironment env) {
    caller(env).requireRole(Role.ADMIN);
    Map<String, Object> input = env.getArgument("filter");
    TokenRepository.Filter filter = TokenRepository.Filter.NONE;
    if (input != null) {
      String pointId = (String) input.get("pointId");
      filter =
          new TokenRepository.Filter(
              input.get("role") == null ? null : Role.valueOf((String) input.get("role")),
              (String) input.get("status"),
              pointId == null ? null : GlobalId.decodeLong("filter.pointId", "Point", pointId));
    }
    return tokens.list(filter, PageRequest.from(env));
  }

  private Future<Map<String, Object>> createApiToken(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    caller.requireRole(Role.ADMIN);
    Map<String, Object> input = env.getArgument("input");
    String pointId = (String) input.get("pointId");
    TokenSpec spec =
        new TokenSpec(
                Role.valueOf((String) input.get("role")),
                pointId == null ? null : GlobalId.decodeLong("input.pointId", "Point", pointId),
                (String) input.get("kioskId"),
                (String) input.get("label"),
                input.get("days") == null ? 30 : (Integer) input.get("days"))
            .checked();
    return sql.transaction(tx -> tokens.create(tx, spec, caller))
        .map(issued -> Map.of("token", issued.token(), "apiToken", issued.apiToken()));
  }

  private Future<Map<String, Object>> revokeApiToken(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    caller.requireRole(Role.ADMIN);
    long id = GlobalId.decodeLong("id", "ApiToken", env.getArgument("id"));
    return sql.transaction(tx -> tokens.revoke(tx, id, caller))
        .map(
            token -> {
              authenticator.forget(token.id());
              return Map.<String, Object>of("apiToken", token);
            });
  }
}
