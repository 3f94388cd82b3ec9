package org.descent.app;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;

/**
 * Preferences held in memory only: what a window made by a test remembers, and where Descent
 * keeps its settings for the run when the user's store cannot be opened. Nothing is written
 * anywhere, so a test never touches the user's settings.
 */
final class MemoryPreferences extends AbstractPreferences {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, MemoryPreferences> children = new HashMap<>();

  MemoryPreferences() {
    this(null, "");
  }

  private final MemoryPreferences parent;

  private MemoryPreferences(MemoryPreferences parent, String name) {
    super(parent, name);
    this.parent = parent;
  }

  @Override
  protected void putSpi(String key, String value) {
    values.put(key, value);
  }

  @Override
  protected String getSpi(String key) {
    return values.get(key);
  }

  @Override
  protected void removeSpi(String key) {
    values.remove(key);
  }

  @Override
  protected void removeNodeSpi() {
    values.clear();
    children.clear();
    if (parent != null) {
      parent.children.remove(name());
    }
  }

  @Override
  protected String[] keysSpi() {
    return values.keySet().toArray(String[]::new);
  }

  @Override
  protected String[] childrenNamesSpi() {
    return children.keySet().toArray(String[]::new);
  }

  @Override
  protected AbstractPreferences childSpi(String name) {
    return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
  }

  @Override
  protected void syncSpi() {
    // nothing is stored
  }

  @Override
  protected void flushSpi() {
    // nothing is stored
  }
}
