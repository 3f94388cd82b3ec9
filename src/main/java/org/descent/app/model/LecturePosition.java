package org.descent.app.model;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.descent.scenario.Playlist;

/**
 * Where the open lecture is: its playlist and the demo of it last shown, held as one value so
 * that a view never sees the new lecture with the old index. The views (the indicator, the
 * window title) observe it; only the lecture's navigation sets it, once a demo has opened.
 * Use on the JavaFX thread only.
 */
public final class LecturePosition {

  /** A lecture and the 0-based index of its demo shown, in {@link Playlist#entries()}. */
  public record At(Playlist playlist, int index) {
    public At {
      if (index < 0 || index >= playlist.size()) {
        throw new IllegalArgumentException("no demo " + index + " in " + playlist.source());
      }
    }

    public boolean isFirst() {
      return index == 0;
    }

    public boolean isLast() {
      return index == playlist.size() - 1;
    }

    public Playlist.Entry entry() {
      return playlist.entries().get(index);
    }
  }

  private final ReadOnlyObjectWrapper<At> at = new ReadOnlyObjectWrapper<>(this, "at");

  /** The lecture's position, or null while no lecture is open. */
  public ReadOnlyObjectProperty<At> atProperty() {
    return at.getReadOnlyProperty();
  }

  public At at() {
    return at.get();
  }

  /** The lecture now shows its demo {@code index}. */
  public void moveTo(Playlist playlist, int index) {
    at.set(new At(playlist, index));
  }

  /** "Ill-conditioning · 3 / 12", or "" while no lecture is open. */
  public StringBinding text() {
    return Bindings.createStringBinding(() -> at.get() == null ? ""
        : at.get().playlist().position(at.get().index()), at);
  }
}
