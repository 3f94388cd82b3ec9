package org.descent.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a failed or cancelled export never leaves a half-written file behind:
 * under a temporary name in the same folder, renamed over the target when complete. What is at
 * the path is respected:
 *
 * <ul>
 *   <li>a symbolic link is followed, and the file it points to is replaced (the link stays);
 *   <li>a regular file is replaced atomically and keeps its permissions (and, where allowed,
 *       its owner and group);
 *   <li>a new file gets the permissions of any new file, from the user's umask (the temporary
 *       file is created like any other, not with the 0600 of {@code Files.createTempFile});
 *   <li>a special file (a pipe, a terminal, /dev/null) is written to directly: it cannot be
 *       replaced, and replacing /dev/null by a regular file would break the system.
 * </ul>
 */
public final class AtomicFiles {

  /** Symbolic links followed before giving up (as the kernel's limit on a path). */
  private static final int MAX_LINKS = 40;

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** What writes text content. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code content}, which writes a whole file at the path it is
   * given (a temporary file next to the target, or the target itself when that is a special
   * file).
   *
   * @throws IOException when the folder cannot be written, the target is a folder, or writing
   *     fails (then the target is unchanged and no temporary file is left)
   */
  public static void write(Path target, Content content) throws IOException {
    Staged staged = stage(target);
    try {
      content.writeTo(staged.path());
      staged.commit();
    } finally {
      staged.discard();
    }
  }

  /**
   * A file being written over time (an animation, frame by frame): {@link #path()} is where to
   * write, {@link #commit()} makes it the target, {@link #discard()} (always safe, also after
   * a commit) removes what was written if it was not committed.
   */
  public interface Staged {
    Path path();

    void commit() throws IOException;

    void discard() throws IOException;

    /** Discards in an abort, where nothing more can be done about a file that stays. */
    default void discardQuietly() {
      try {
        discard();
      } catch (IOException e) {
        // nothing more can be done about a temporary file that cannot be removed
      }
    }
  }

  /**
   * Prepares to write {@code target} as {@link #write} does, for content written over time.
   *
   * @throws IOException when the target is a folder or its folder cannot be written
   */
  public static Staged stage(Path target) throws IOException {
    Path real = followLinks(target.toAbsolutePath());
    BasicFileAttributes existing = attributes(real);
    if (existing != null && existing.isDirectory()) {
      throw new FileSystemException(target.toString(), null, "is a folder");
    }
    if (existing != null && !existing.isRegularFile()) {
      return new Staged() { // a pipe or a device: written straight through
        @Override
        public Path path() {
          return real;
        }

        @Override
        public void commit() {
        }

        @Override
        public void discard() {
        }
      };
    }
    Path dir = real.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path temp = createTemporary(dir, real.getFileName().toString());
    return new Staged() {
      private boolean done;

      @Override
      public Path path() {
        return temp;
      }

      @Override
      public void commit() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ch.force(true); // on disk before the rename makes it the file
        }
        if (existing != null) {
          copyPermissions(real, temp);
        }
        try {
          Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
      }

      @Override
      public void discard() throws IOException {
        if (!done) {
          Files.deleteIfExists(temp);
        }
      }
    };
  }

  /** Writes text as UTF-8, like {@link #write}. */
  public static void writeText(Path target, TextContent content) throws IOException {
    write(target, path -> {
      try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
    });
  }

  /** The path with every symbolic link resolved, also a dangling one (to what it names). */
  static Path followLinks(Path path) throws IOException {
    Path p = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(p)) {
        return p;
      }
      Path link = Files.readSymbolicLink(p);
      Path parent = p.getParent();
      p = parent == null ? link : parent.resolve(link);
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }

  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null; // absent, or unreadable: then creating the temporary file says why
    }
  }

  /**
   * A new empty file next to the target. CREATE_NEW creates it as any new file (mode 0666 less
   * the umask), unlike {@code Files.createTempFile}, whose 0600 the renamed file would keep.
   */
  private static Path createTemporary(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path temp = (dir == null ? Path.of("") : dir).resolve("." + name + "." + suffix + ".part");
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /** The replaced file's mode, and its owner and group where this user may set them. */
  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from,
        PosixFileAttributeView.class);
    PosixFileAttributeView target = Files.getFileAttributeView(to,
        PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (source == null || target == null) {
      return; // not a POSIX file system (Windows): the new file is as any new file
    }
    PosixFileAttributes a = source.readAttributes();
    target.setPermissions(a.permissions());
    try {
      if (!a.owner().equals(Files.getOwner(to))) {
        target.setOwner(a.owner());
      }
      target.setGroup(a.group());
    } catch (IOException e) {
      // Only root may give a file away; the mode is what matters for who can read it.
    }
  }
}
