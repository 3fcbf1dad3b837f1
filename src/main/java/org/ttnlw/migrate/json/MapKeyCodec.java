package org.ttnlw.migrate.json;

/** Map keys, which JSON writes as object member names. */
interface MapKeyCodec {
  String toKey(Object key);

  /** Parses a member name, throwing {@link TtsJsonException} if it is not a key of this type. */
  Object fromKey(String key);

  /** Orders keys, so that maps are written the same way every time. */
  int compare(Object a, Object b);
}
