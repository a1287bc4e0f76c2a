package org.practicemap.graphql;

import graphql.schema.idl.RuntimeWiring;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Function;
import org.dataloader.DataLoaderRegistry;

/**
 * One feature's part of the GraphQL API: its data fetchers, its per-request DataLoaders and the
 * node types it can load by global ID. {@link GraphQLFactory} assembles the features.
 */
public interface Feature {

  /** Adds this feature's data fetchers (and type resolvers) to the wiring. */
  void wire(RuntimeWiring.Builder wiring);

  /** Registers this feature's DataLoaders for one request; called for every request. */
  default void registerLoaders(DataLoaderRegistry registry, RequestContext request) {}

  /**
   * Loaders for {@code node(id:)}: GraphQL type name → a function from the key inside the global ID
   * to the object, or to null when there is none.
   */
  default Map<String, Function<String, Future<Object>>> nodeLoaders() {
    return Map.of();
  }
}
