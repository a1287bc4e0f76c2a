package org.practicemap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar practice-map.jar}: reads the environment and runs the server. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (Config.ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
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

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }
}
