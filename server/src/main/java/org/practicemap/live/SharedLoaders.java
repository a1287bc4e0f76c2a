package org.practicemap.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.CacheMap;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * DataLoader caches shared by the subscriptions of one event loop for the length of one batch of
 * changes. A subscriber's selection runs once per event; with caches of its own, each of ten
 * thousand subscribers selecting {@code activity { point { name } }} would query the point itself.
 * Shared, the first subscriber's load serves every other one: one statement per row and loader per
 * batch, whatever the number of subscribers. A new batch starts with empty caches, so nothing is
 * older than the change that caused the event.
 *
 * <p>Caches are also kept apart per caller: what a loader returns may depend on who asks (masked
 * personal data), and a staff member's answer must never reach the public.
 */
final class SharedLoaders {
  /**
   * By event-loop thread: every connection has a context of its own, its loop's thread is shared.
   */
  private final Map<Thread, Map<Object, Map<Object, CompletableFuture<Object>>>> loops =
      new ConcurrentHashMap<>();

  /** Starts a new batch on this event loop: what was loaded for the previous one is dropped. */
  void newBatch() {
    Map<Object, Map<Object, CompletableFuture<Object>>> caches = loops.get(Thread.currentThread());
    if (caches != null) {
      caches.clear();
    }
  }

  /**
   * Gives every loader of a subscription's registry the shared cache of its name, for {@code
   * caller} on the event loop running on {@code loop}. Call before the first event.
   */
  void share(DataLoaderRegistry registry, Object caller, Thread loop) {
    Map<Object, Map<Object, CompletableFuture<Object>>> caches =
        loops.computeIfAbsent(loop, t -> new ConcurrentHashMap<>());
    Map<String, DataLoader<?, ?>> loaders = new HashMap<>(registry.getDataLoadersMap());
    loaders.forEach(
        (name, loader) -> {
          CacheMap<Object, Object> shared = new Shared(caches, new CacheKey(caller, name));
          registry.register(
              name,
              loader.transform(
                  b -> b.options(loader.getOptions().transform(o -> o.setCacheMap(shared)))));
        });
  }

  private record CacheKey(Object caller, String loader) {}

  /** One loader's view of the shared caches: looked up on every call, so a new batch is seen. */
  private record Shared(Map<Object, Map<Object, CompletableFuture<Object>>> caches, CacheKey key)
      implements CacheMap<Object, Object> {

    private Map<Object, CompletableFuture<Object>> map() {
      return caches.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    }

    @Override
    public boolean containsKey(Object key) {
      return map().containsKey(key);
    }

    @Override
    public CompletableFuture<Object> get(Object key) {
      return map().get(key);
    }

    @Override
    public Collection<CompletableFuture<Object>> getAll() {
      return map().values();
    }

    @Override
    public CacheMap<Object, Object> set(Object key, CompletableFuture<Object> value) {
      map().put(key, value);
      return this;
    }

    @Override
    public CacheMap<Object, Object> delete(Object key) {
      map().remove(key);
      return this;
    }

    @Override
    public CacheMap<Object, Object> clear() {
      map().clear();
      return this;
    }
  }
}
