package org.practicemap.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.MappedBatchLoader;

/**
 * DataLoaders built from repository methods that take many keys and answer a map. One statement
 * serves every key asked for in the same execution level: that is how a list of 100 activities with
 * their points costs one query for the points, not a hundred.
 *
 * <p>graphql-java 24 dispatches the loaders once per execution level. A {@code load} issued in the
 * continuation of another asynchronous result (a loader or a query) is never dispatched and the
 * request would hang: give such a field one loader that answers it whole.
 */
public final class Loaders {
  private static final DataLoaderOptions OPTIONS =
      DataLoaderOptions.newOptions().setMaxBatchSize(1000).build();

  private Loaders() {}

  public static <K, V> DataLoader<K, V> mapped(Function<List<K>, Future<Map<K, V>>> batch) {
    MappedBatchLoader<K, V> loader = keys -> batch.apply(new ArrayList<>(keys)).toCompletionStage();
    return DataLoaderFactory.newMappedDataLoader(loader, OPTIONS);
  }

  /** Loads one value through the request's loader of that name. */
  public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, String name, K key) {
    DataLoader<K, V> loader = env.getDataLoader(name);
    if (loader == null) {
      throw new IllegalStateException("No DataLoader registered as " + name);
    }
    return loader.load(key);
  }

  /** Loads many values, in the order of the keys; missing ones are null. */
  public static <K, V> CompletableFuture<List<V>> loadMany(
      DataFetchingEnvironment env, String name, List<K> keys) {
    DataLoader<K, V> loader = env.getDataLoader(name);
    if (loader == null) {
      throw new IllegalStateException("No DataLoader registered as " + name);
    }
    return loader.loadMany(keys);
  }
}
