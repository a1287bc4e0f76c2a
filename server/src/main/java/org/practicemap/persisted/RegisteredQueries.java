package org.practicemap.persisted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The queries this server knows by heart: every {@code .graphql} file of the web clients (under
 * {@code kiosk/} in the jar, which the pages fetch and send by hash) and of an optional directory
 * of integrators' operations. In allow-list mode they are the only ones a caller without a token
 * may run. Keyed by the SHA-256 of the file's exact text, which is what a client hashes.
 */
public final class RegisteredQueries {
  static final String CLIENTS = "kiosk";

  /** A registered query: where it came from, and its text. */
  public record Query(String source, String text) {}

  private final Map<String, Query> byHash;

  RegisteredQueries(Map<String, Query> byHash) {
    this.byHash = Collections.unmodifiableMap(new TreeMap<>(byHash));
  }

  /** The clients' queries from the classpath, and those in {@code dir} when given. */
  public static RegisteredQueries load(Optional<Path> dir) {
    Map<String, Query> queries = new TreeMap<>();
    readClasspath(queries);
    dir.ifPresent(d -> readDirectory(d, d.toString(), queries));
    return new RegisteredQueries(queries);
  }

  public Optional<Query> get(String hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  public boolean contains(String hash) {
    return byHash.containsKey(hash);
  }

  public Map<String, Query> all() {
    return byHash;
  }

  /**
   * The names of the operations in these queries: a set the server chose, so metrics may label by
   * them without a client being able to grow their number.
   */
  public java.util.Set<String> operationNames() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Query query : byHash.values()) {
      try {
        graphql.parser.Parser.parse(query.text())
            .getDefinitionsOfType(graphql.language.OperationDefinition.class)
            .stream()
            .map(graphql.language.OperationDefinition::getName)
            .filter(java.util.Objects::nonNull)
            .forEach(names::add);
      } catch (graphql.parser.InvalidSyntaxException e) {
        // Such a query fails when it is run, with a message for its sender; it names nothing here.
      }
    }
    return names;
  }

  private static void readClasspath(Map<String, Query> queries) {
    URL root = RegisteredQueries.class.getClassLoader().getResource(CLIENTS);
    if (root == null) {
      return;
    }
    try {
      URI uri = root.toURI();
      if (!uri.getScheme().equals("jar")) {
        readDirectory(Path.of(uri), CLIENTS, queries);
        return;
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        readDirectory(jar.getPath(CLIENTS), CLIENTS, queries);
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("Cannot read the clients' queries from " + root, e);
    }
  }

  private static void readDirectory(Path dir, String label, Map<String, Query> queries) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the queries in " + dir, e);
    }
    for (Path file : files) {
      String text = read(file);
      String source = label + "/" + dir.relativize(file).toString().replace('\\', '/');
      queries.put(Sha256.hex(text), new Query(source, text));
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
