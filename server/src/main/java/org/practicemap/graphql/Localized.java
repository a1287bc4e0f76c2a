package org.practicemap.graphql;

import graphql.schema.DataFetcher;
import java.util.function.Function;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;

/** Data fetchers for text fields with a {@code lang} argument. */
public final class Localized {
  private Localized() {}

  /** Picks the text in the asked language from the source object's {@link LocalizedText}. */
  public static <T> DataFetcher<String> text(Function<T, LocalizedText> field) {
    return env -> {
      LocalizedText text = field.apply(env.getSource());
      return text == null ? null : text.in(Lang.of(env.getArgument("lang")));
    };
  }
}
