package org.practicemap.db;

/** The PostgreSQL SQLSTATE codes the server reacts to, by name. */
public final class SqlState {
  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String CHECK_VIOLATION = "23514";
  public static final String NOT_NULL_VIOLATION = "23502";
  public static final String EXCLUSION_VIOLATION = "23P01";
  public static final String SERIALIZATION_FAILURE = "40001";
  public static final String DEADLOCK_DETECTED = "40P01";
  public static final String LOCK_NOT_AVAILABLE = "55P03";
  public static final String QUERY_CANCELED = "57014";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  private SqlState() {}
}
