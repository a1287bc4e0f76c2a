package org.practicemap.points;

import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;
import org.practicemap.common.LocalizedText;

/** A place of the practice network, as stored. */
public record Point(
    long id,
    Long parentId,
    String path,
    String level,
    LocalizedText name,
    LocalizedText description,
    LocalizedText address,
    double lat,
    double lng,
    String phone,
    boolean onMap,
    List<String> facilities) {

  /** The columns {@link #from} reads, for {@code SELECT} lists (table alias {@code p}). */
  static final String COLUMNS =
      "p.id, p.parent_id, p.path::text AS path, p.level, p.name_zh, p.name_mn, p.name_en,"
          + " p.description_zh, p.description_mn, p.description_en, p.address_zh, p.address_mn,"
          + " p.address_en, p.lat, p.lng, p.phone, p.on_map, p.facilities";

  static Point from(Row row) {
    return new Point(
        row.getLong("id"),
        row.getLong("parent_id"),
        row.getString("path"),
        row.getString("level"),
        LocalizedText.from(row, "name"),
        LocalizedText.from(row, "description"),
        LocalizedText.from(row, "address"),
        row.getDouble("lat"),
        row.getDouble("lng"),
        row.getString("phone"),
        row.getBoolean("on_map"),
        List.of(row.getArrayOfStrings("facilities")));
  }

  /** The ids of the points above this one, from the centre down (from the ltree path). */
  public List<Long> ancestorIds() {
    String[] labels = path.split("\\.");
    return Arrays.stream(labels, 0, labels.length - 1).map(Long::valueOf).toList();
  }
}
