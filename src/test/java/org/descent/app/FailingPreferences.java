package org.descent.app;

import java.util.prefs.AbstractPreferences;
import java.util.prefs.BackingStoreException;

/**
 * A store that cannot be used at all: every read fails, every write is refused and every
 * operation that may say so throws BackingStoreException (as an unreadable ~/.java would).
 */
final class FailingPreferences extends AbstractPreferences {

  FailingPreferences() {
    super(null, "");
  }

  private FailingPreferences(FailingPreferences parent, String name) {
    super(parent, name);
  }

  @Override
  protected void putSpi(String key, String value) {
    throw new SecurityException("the store refuses writes");
  }

  @Override
  protected String getSpi(String key) {
    throw new IllegalStateException("the store cannot be read");
  }

  @Override
  protected void removeSpi(String key) {
    throw new SecurityException("the store refuses writes");
  }

  @Override
  protected void removeNodeSpi() throws BackingStoreException {
    throw new BackingStoreException("the store is broken");
  }

  @Override
  protected String[] keysSpi() throws BackingStoreException {
    throw new BackingStoreException("the store is broken");
  }

  @Override
  protected String[] childrenNamesSpi() throws BackingStoreException {
    throw new BackingStoreException("the store is broken");
  }

  @Override
  protected AbstractPreferences childSpi(String name) {
    return new FailingPreferences(this, name);
  }

  @Override
  protected void syncSpi() throws BackingStoreException {
    throw new BackingStoreException("the store is broken");
  }

  @Override
  protected void flushSpi() throws BackingStoreException {
    throw new BackingStoreException("the store is broken");
  }
}
