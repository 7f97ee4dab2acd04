package net.sf.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Compile-only declaration of Jenkins' {@code JSONObject}; see jenkins-api/README.md. */
@SuppressWarnings("rawtypes") // json-lib implements the raw Comparable
public final class JSONObject extends AbstractJSON
    implements JSON, Map<String, Object>, Comparable {

  private JSONObject() {}

  // Not in the reference: a concrete Map and Comparable must implement these, as json-lib's does.

  @Override
  public int size() {
    throw unsupported("size");
  }

  @Override
  public boolean isEmpty() {
    throw unsupported("isEmpty");
  }

  @Override
  public boolean containsKey(Object key) {
    throw unsupported("containsKey");
  }

  @Override
  public boolean containsValue(Object value) {
    throw unsupported("containsValue");
  }

  @Override
  public Object get(Object key) {
    throw unsupported("get");
  }

  @Override
  public Object put(String key, Object value) {
    throw unsupported("put");
  }

  @Override
  public Object remove(Object key) {
    throw unsupported("remove");
  }

  @Override
  public void putAll(Map<? extends String, ?> map) {
    throw unsupported("putAll");
  }

  @Override
  public void clear() {
    throw unsupported("clear");
  }

  @Override
  public Set<String> keySet() {
    throw unsupported("keySet");
  }

  @Override
  public Collection<Object> values() {
    throw unsupported("values");
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    throw unsupported("entrySet");
  }

  @Override
  public int compareTo(Object obj) {
    throw unsupported("compareTo");
  }

  private static UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException("JSONObject." + method + " runs only inside Jenkins");
  }
}
