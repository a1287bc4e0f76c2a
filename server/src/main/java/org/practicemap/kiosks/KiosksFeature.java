package org.practicemap.kiosks;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.auth.TokenAuthenticator;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.Localized;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.Results;
import org.practicemap.points.PointsFeature;
import org.practicemap.themes.ThemesFeature;

/**
 * The kiosk registry: a kiosk's public configuration ({@code kiosk}), the managers' list with who
 * is heard from ({@code kiosks}), registering and configuring kiosks, and their heartbeats. The
 * live {@code kioskUpdated} subscription is in {@code live/}.
 */
public final class KiosksFeature implements Feature {
  private static final String BY_ID = "kiosk.byId";

  private final KioskRepository kiosks;
  private final KioskMutations mutations;
  private final KioskHeartbeats heartbeats;

  public KiosksFeature(Sql sql, TokenAuthenticator tokens) {
    this.kiosks = new KioskRepository(sql);
    this.mutations = new KioskMutations(sql, tokens);
    this.heartbeats = new KioskHeartbeats(sql);
  }

  /** The kiosk with this id, or null: batched per request. */
  public static CompletableFuture<Kiosk> load(DataFetchingEnvironment env, String id) {
    return Loaders.load(env, BY_ID, id);
  }

  /** A kiosk id argument, checked: a malformed one is a {@code BAD_USER_INPUT} on {@code field}. */
  public static String requireId(String field, String id) {
    return KioskInput.id(field, id);
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    registry.register(BY_ID, Loaders.mapped(kiosks::byIds));
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        t -> t.dataFetcher("kiosk", KiosksFeature::kiosk).dataFetcher("kiosks", this::list));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("registerKiosk", this::register)
                .dataFetcher("updateKiosk", this::update)
                .dataFetcher(
                    "removeKiosk",
                    env ->
                        mutations.remove(caller(env), KioskInput.id("id", env.getArgument("id"))))
                .dataFetcher(
                    "kioskHeartbeat",
                    env ->
                        heartbeats
                            .beat(caller(env), env.getArgument("input"))
                            .map(
                                kiosk ->
                                    Map.of(
                                        "kiosk",
                                        kiosk,
                                        "serverTime",
                                        OffsetDateTime.now(LocalZone.ID)))));
    wiring.type(
        "Kiosk",
        t ->
            t.dataFetcher("name", Localized.<Kiosk>text(k -> k.settings().name()))
                .dataFetcher(
                    "point",
                    env -> PointsFeature.load(env, env.<Kiosk>getSource().settings().pointId()))
                .dataFetcher("locationOverride", setting(KioskSettings::locationOverride))
                .dataFetcher("defaultLang", setting(KioskSettings::defaultLang))
                .dataFetcher("bilingual", setting(KioskSettings::bilingual))
                .dataFetcher("themeCodes", setting(KioskSettings::themeCodes))
                .dataFetcher("orientation", setting(KioskSettings::orientation))
                .dataFetcher("radiusMeters", setting(KioskSettings::radiusMeters))
                .dataFetcher("tileUrl", setting(KioskSettings::tileUrl))
                .dataFetcher("idleSeconds", setting(KioskSettings::idleSeconds))
                .dataFetcher("lastSeenAt", seen(Kiosk.Seen::lastSeenAt))
                .dataFetcher("appVersion", seen(Kiosk.Seen::appVersion))
                .dataFetcher("runningVersion", seen(Kiosk.Seen::runningVersion))
                .dataFetcher("screenWidth", seen(Kiosk.Seen::screenWidth))
                .dataFetcher("screenHeight", seen(Kiosk.Seen::screenHeight))
                .dataFetcher(
                    "status", env -> mayOperate(env) ? env.<Kiosk>getSource().status() : null));
  }

  private static DataFetcher<Object> setting(Function<KioskSettings, Object> field) {
    return env -> field.apply(env.<Kiosk>getSource().settings());
  }

  /** An operational field: null for callers other than the kiosk itself and its managers. */
  private static DataFetcher<Object> seen(Function<Kiosk.Seen, Object> field) {
    return env -> {
      Kiosk.Seen seen = env.<Kiosk>getSource().seen();
      return seen != null && mayOperate(env) ? field.apply(seen) : null;
    };
  }

  /**
   * Whether the caller sees how a kiosk is doing: its own KIOSK token, or a MANAGER or ADMIN of its
   * point. Where a screen stands is public; whether it is switched off tells strangers too much.
   */
  static boolean mayOperate(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    Kiosk kiosk = env.getSource();
    return switch (caller.role()) {
      case KIOSK -> kiosk.id().equals(caller.kioskId());
      case MANAGER, ADMIN -> caller.covers(kiosk.pointPath());
      default -> false;
    };
  }

  private static Object kiosk(DataFetchingEnvironment env) {
    String id = KioskInput.id("id", env.getArgument("id"));
    return load(env, id)
        .thenApply(
            k -> Results.orNotFound(env, k, "There is no kiosk with the ID \"" + id + "\"."));
  }

  private Object list(DataFetchingEnvironment env) {
    Caller caller = caller(env);
    caller.requireRole(Role.MANAGER);
    Map<String, Object> filter = env.getArgument("filter");
    PageRequest page = PageRequest.from(env);
    Object status = filter == null ? null : filter.get("status");
    KioskStatus wanted = status == null ? null : KioskStatus.valueOf(status.toString());
    String pointId = filter == null ? null : (String) filter.get("pointId");
    CompletableFuture<String> subtree =
        pointId == null
            ? CompletableFuture.completedFuture(
                caller.role() == Role.ADMIN ? null : caller.scopePath())
            : PointsFeature.require(env, "filter.pointId", pointId)
                .thenApply(
                    point -> {
                      caller.require(Role.MANAGER, point.path());
                      return point.path();
                    });
    return subtree.thenCompose(
        path -> kiosks.list(new KioskRepository.Filter(path, wanted), page).toCompletionStage());
  }

  private Object register(DataFetchingEnvironment env) {
    caller(env).requireRole(Role.MANAGER); // who may ask comes before what they asked
    Map<String, Object> input = env.getArgument("input");
    KioskInput.Registration registration = KioskInput.registration(input);
    return themesKnown(env, registration.settings().themeCodes())
        .thenCompose(
            ok ->
                mutations
                    .register(caller(env), registration)
                    .map(this::payload)
                    .toCompletionStage());
  }

  private Object update(DataFetchingEnvironment env) {
    caller(env).requireRole(Role.MANAGER);
    Map<String, Object> input = env.getArgument("input");
    KioskInput.Update update = KioskInput.update(input);
    List<String> themes = KioskInput.themeCodes(input);
    return themesKnown(env, themes == null ? List.of() : themes)
        .thenCompose(
            ok -> mutations.update(caller(env), update).map(this::payload).toCompletionStage());
  }

  private Map<String, Object> payload(Kiosk kiosk) {
    return Map.of("kiosk", kiosk);
  }

  /** Every code names a theme board: one batched lookup for all of them. */
  private static CompletableFuture<Void> themesKnown(
      DataFetchingEnvironment env, List<String> codes) {
    return CompletableFuture.allOf(
        codes.stream()
            .map(code -> ThemesFeature.requireKnown(env, "input.themeCodes", code))
            .toArray(CompletableFuture[]::new));
  }

  private static Caller caller(DataFetchingEnvironment env) {
    return RequestContext.of(env).caller();
  }
}
