package org.practicemap;

import org.practicemap.auth.TokenCli;
import org.practicemap.ops.LogFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar practice-map.jar}: reads the environment and runs the server. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      System.exit(command(args));
      return;
    }
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (Config.ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LogFormats.apply(config.operations().logFormat());
    Server server;
    try {
      server = Server.start(config);
    } catch (RuntimeException e) {
      log.error("Practice Map could not start: {}", rootMessage(e), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
  }

  /** {@code java -jar practice-map.jar token …}; anything else is a usage error. */
  private static int command(String[] args) {
    if (!args[0].equals("token")) {
      System.err.println("Practice Map takes no arguments to run the server.");
      System.err.println(TokenCli.USAGE);
      return 2;
    }
    // Standard output carries only the token, so scripts can capture it.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    return TokenCli.run(
        java.util.Arrays.asList(args).subList(1, args.length),
        System.getenv(),
        System.out,
        System.err);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }
}
