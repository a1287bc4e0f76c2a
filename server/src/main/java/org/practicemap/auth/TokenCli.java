package org.practicemap.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.practicemap.Config;
import org.practicemap.db.Database;
import org.practicemap.db.Migrations;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.PageRequest;

/**
 * {@code java -jar practice-map.jar token create|list|revoke}: token administration from the
 * server's own machine, with the server's configuration (DATABASE_URL, or the embedded PostgreSQL).
 * The token's text goes alone to standard output, everything else to standard error, so that {@code
 * TOKEN=$(java -jar practice-map.jar token create …)} works. Changes are audited as made by {@code
 * cli:<user>}.
 */
public final class TokenCli {
  public static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar practice-map.jar token create --role KIOSK|STAFF|MANAGER|ADMIN",
          "                 [--point <id>] [--kiosk <kiosk id>] [--days 1-365] [--label <text>]",
          "       java -jar practice-map.jar token list",
          "       java -jar practice-map.jar token revoke <id>",
          "  <id> is a number or a global ID as the API shows it.");

  private final TokenRepository tokens;
  private final Sql sql;
  private final Caller operator;
  private final PrintStream out;
  private final PrintStream err;

  private TokenCli(Sql sql, Caller operator, PrintStream out, PrintStream err) {
    this.sql = sql;
    this.tokens = new TokenRepository(sql);
    this.operator = operator;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code token <args>}; returns the exit status (0 done, 1 failed, 2 bad usage). */
  public static int run(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      err.println(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException | ApiException e) {
      err.println("token: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Config config;
    try {
      config = Config.fromEnv(env);
    } catch (Config.ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    Caller operator =
        new Caller(Role.ADMIN, "cli:" + System.getProperty("user.name", "unknown"), null, null);
    try (Database db = Database.forTool(config)) {
      Migrations.apply(db);
      Vertx vertx = Vertx.vertx();
      try {
        Sql sql = new Sql(db.createPool(vertx, 1));
        return new TokenCli(sql, operator, out, err).execute(command);
      } finally {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    } catch (ApiException e) {
      err.println("token: " + e.getMessage());
      return e.code() == org.practicemap.graphql.ErrorCode.NOT_FOUND ? 1 : 2;
    } catch (Exception e) {
      err.println("token: failed: " + e.getMessage());
      return 1;
    }
  }

  private int execute(Command command) throws Exception {
    switch (command.name()) {
      case "create" -> create(command.spec());
      case "list" -> list();
      default -> revoke(command.id());
    }
    return 0;
  }

  private void create(TokenSpec spec) throws Exception {
    TokenRepository.Issued issued = await(sql.transaction(tx -> tokens.create(tx, spec, operator)));
    ApiToken t = issued.apiToken();
    err.println(
        "Created token "
            + t.id()
            + " ("
            + GlobalId.of("ApiToken", t.id())
            + "): "
            + describe(t)
            + ". Keep it secret; it is shown only now:");
    out.println(issued.token());
  }

  private void list() throws Exception {
    err.println(
        String.format(
            "%6s  %-8s  %-8s  %-12s  %-8s  %-25s  %s",
            "id", "role", "point", "kiosk", "status", "expires", "label"));
    String after = null;
    do {
      Connection<ApiToken> page =
          await(tokens.list(TokenRepository.Filter.NONE, PageRequest.of(100, after)));
      for (Connection.Edge<ApiToken> edge : page.edges()) {
        ApiToken t = edge.node();
        out.println(
            String.format(
                "%6d  %-8s  %-8s  %-12s  %-8s  %-25s  %s",
                t.id(),
                t.role(),
                t.pointId() == null ? "-" : t.pointId(),
                t.kioskId() == null ? "-" : t.kioskId(),
                t.status(),
                t.expiresAt(),
                t.label()));
      }
      after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
    } while (after != null);
  }

  private void revoke(long id) throws Exception {
    ApiToken t = await(sql.transaction(tx -> tokens.revoke(tx, id, operator)));
    err.println("Token " + t.id() + " is revoked (" + describe(t) + ").");
  }

  private static String describe(ApiToken t) {
    String scope = t.pointId() == null ? "" : " of point " + t.pointId();
    String kiosk = t.kioskId() == null ? "" : " for kiosk " + t.kioskId();
    return t.role() + scope + kiosk + ", \"" + t.label() + "\", expires " + t.expiresAt();
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** A parsed command line: {@code create} with its spec, {@code list}, or {@code revoke} an id. */
  record Command(String name, TokenSpec spec, long id) {
    static Command parse(List<String> args) {
      String name = args.get(0);
      List<String> rest = args.subList(1, args.size());
      return switch (name) {
        case "create" -> new Command(name, spec(options(rest)), 0);
        case "list" -> {
          if (!rest.isEmpty()) {
            throw new IllegalArgumentException("list takes no arguments");
          }
          yield new Command(name, null, 0);
        }
        case "revoke" -> {
          if (rest.size() != 1) {
            throw new IllegalArgumentException("revoke takes one token id");
          }
          yield new Command(name, null, id(rest.get(0), "ApiToken"));
        }
        default -> throw new IllegalArgumentException("unknown command \"" + name + "\"");
      };
    }

    private static Map<String, String> options(List<String> args) {
      Map<String, String> options = new HashMap<>();
      List<String> known = List.of("--role", "--point", "--kiosk", "--days", "--label");
      for (int i = 0; i < args.size(); i += 2) {
        String option = args.get(i);
        if (!known.contains(option)) {
          throw new IllegalArgumentException("unknown option \"" + option + "\"");
        }
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        options.put(option, args.get(i + 1));
      }
      return options;
    }

    private static TokenSpec spec(Map<String, String> options) {
      String role = options.get("--role");
      if (role == null) {
        throw new IllegalArgumentException("--role is required");
      }
      Role parsed;
      try {
        parsed = Role.valueOf(role.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--role is KIOSK, STAFF, MANAGER or ADMIN, not " + role);
      }
      String point = options.get("--point");
      return new TokenSpec(
              parsed,
              point == null ? null : id(point, "Point"),
              options.get("--kiosk"),
              options.getOrDefault("--label", "issued on the command line"),
              days(options.getOrDefault("--days", "30")))
          .checked();
    }

    private static int days(String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--days is a whole number of days, not " + value);
      }
    }

    /** A numeric id, or a global ID of {@code type}. */
    private static long id(String value, String type) {
      if (value.matches("[0-9]{1,18}")) {
        return Long.parseLong(value);
      }
      return GlobalId.decodeLong(type.equals("Point") ? "--point" : "id", type, value);
    }
  }
}
