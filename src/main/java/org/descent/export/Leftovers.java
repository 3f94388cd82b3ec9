package org.descent.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The temporary files of writes in progress, deleted by a shutdown hook when the program stops
 * (Ctrl-C, SIGTERM, System.exit), so a killed export leaves no hidden {@code .part} file.
 *
 * <p>One lock orders the hook against creating, renaming and deleting a temporary file: a
 * rename in progress finishes before the hook runs (the new file is whole and nothing is left),
 * and after the hook no temporary file is created or renamed (the target keeps its old
 * content). A writer still writing into a file the hook deleted writes into nothing: the
 * staged file is opened without CREATE (see {@link AtomicFiles.Staged#open}), so it is not
 * made again either.
 */
final class Leftovers {

  /** An action on a file. */
  @FunctionalInterface
  interface FileAction<T> {
    T run() throws IOException;
  }

  private static final Object LOCK = new Object();
  private static final Set<Path> PENDING = new LinkedHashSet<>();
  private static boolean stopping;
  private static boolean hooked;

  private Leftovers() {}

  /** Creates a temporary file with {@code create} and keeps it until released. */
  static Path create(FileAction<Path> create) throws IOException {
    synchronized (LOCK) {
      refuseWhenStopping();
      if (!hooked) {
        try {
          Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::deleteAll,
              "descent-delete-temporary-files"));
        } catch (IllegalStateException e) {
          throw stopped(); // the program is already stopping
        }
        hooked = true;
      }
      Path temp = create.run();
      PENDING.add(temp);
      return temp;
    }
  }

  /** Renames {@code temp} into place with {@code move}, unless the program is stopping. */
  static void rename(Path temp, FileAction<?> move) throws IOException {
    synchronized (LOCK) {
      refuseWhenStopping();
      move.run();
      PENDING.remove(temp);
    }
  }

  /** Deletes {@code temp} if it is there; it stays on the list when it cannot be deleted. */
  static void delete(Path temp) throws IOException {
    synchronized (LOCK) {
      Files.deleteIfExists(temp);
      PENDING.remove(temp);
    }
  }

  /** Throws when the program is stopping: a file staged now would outlive it. */
  static void refuseWhenStopping() throws IOException {
    synchronized (LOCK) {
      if (stopping) {
        throw stopped();
      }
    }
  }

  private static IOException stopped() {
    return new IOException("the program is stopping");
  }

  private static void deleteAll() {
    synchronized (LOCK) {
      stopping = true;
      for (Path p : PENDING) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // nothing more can be done while the program stops
        }
      }
      PENDING.clear();
    }
  }
}
