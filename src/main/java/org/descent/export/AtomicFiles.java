package org.descent.export;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
import java.util.regex.Pattern;

/**
 * Writes a file so that a failed, cancelled or killed export never leaves a half-written file
 * behind: under a temporary name in the same folder, renamed over the target when complete
 * (and deleted by a shutdown hook if the program stops first, see {@link Leftovers}). What is at
 * the path is respected:
 *
 * <ul>
 *   <li>a symbolic link is followed, and the file it points to is replaced (the link stays);
 *   <li>a regular file is replaced atomically and keeps its permissions (and, where allowed,
 *       its owner and group);
 *   <li>a new file gets the permissions of any new file, from the user's umask (the temporary
 *       file is created like any other, not with the 0600 of {@code Files.createTempFile});
 *   <li>a special file (a pipe, a terminal, /dev/null) and an open descriptor (/dev/stdout,
 *       /dev/fd/N, /proc/self/fd/N, whatever it leads to) are written through: they cannot be
 *       replaced, replacing /dev/null by a regular file would break the system, and what
 *       /dev/stdout leads to was opened by the shell as the user asked. A format that seeks
 *       back (an MP4's index) is staged whole first ({@link #stageSeekable}), then streamed.
 * </ul>
 */
public final class AtomicFiles {

  /** Symbolic links followed before giving up (as the kernel's limit on a path). */
  private static final int MAX_LINKS = 40;

  /**
   * Links to an open descriptor: the kernel opens what the descriptor is open on (a pipe, a
   * terminal, the file a shell redirected to), which reading the link does not name.
   */
  private static final Pattern DESCRIPTOR = Pattern.compile(
      "/dev/(stdin|stdout|stderr|fd/\\d+)|/proc/(self|thread-self|\\d+)/fd/\\d+");

  /** What a path leads to, for writing. */
  public enum Kind {
    /** Nothing yet: the file is created. */
    ABSENT,
    /** A regular file: replaced. */
    FILE,
    /** A folder: not written. */
    FOLDER,
    /** A pipe, a device or an open descriptor: written through, never "exists". */
    THROUGH
  }

  /** What writes the content at a path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /** What writes the content as a stream of bytes. */
  @FunctionalInterface
  public interface StreamContent {
    void writeTo(OutputStream out) throws IOException;
  }

  /** What writes text content. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code content}, which writes a whole file at the path it is
   * given: always a regular file (next to the target; for a special target, a temporary file
   * streamed to it when complete), so any writer may seek.
   *
   * @throws IOException when the folder cannot be written, the target is a folder, or writing
   *     fails (then the target is unchanged and no temporary file is left)
   */
  public static void write(Path target, Content content) throws IOException {
    Staged staged = stageSeekable(target);
    try {
      content.writeTo(staged.path());
      staged.commit();
    } finally {
      staged.discard();
    }
  }

  /** Writes {@code target} as a stream, like {@link #write}; a special target gets it as made. */
  public static void writeStream(Path target, StreamContent content) throws IOException {
    Staged staged = stage(target);
    try {
      try (OutputStream out = new BufferedOutputStream(staged.open(), 1 << 16)) {
        content.writeTo(out);
      }
      staged.commit();
    } finally {
      staged.discard();
    }
  }

  /** Writes text as UTF-8, like {@link #writeStream}. */
  public static void writeText(Path target, TextContent content) throws IOException {
    writeStream(target, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      // content may close the writer (a CSV printer closes what it prints to): that only
      // flushes, the file is closed and committed here
      content.writeTo(new FilterWriter(w) {
        @Override
        public void close() throws IOException {
          flush();
        }
      });
      w.flush();
    });
  }

  /**
   * A file being written over time (an animation, frame by frame): write at {@link #path()} or
   * into {@link #open()}, {@link #commit()} makes it the target, {@link #discard()} (always
   * safe, also after a commit) removes what was written if it was not committed.
   */
  public interface Staged {
    /** Where to write: the temporary file, or the special file itself. */
    Path path();

    /**
     * Opens {@link #path()} for writing. A temporary file is opened without CREATE: if the
     * program is stopping and it was deleted, it is not made again.
     */
    OutputStream open() throws IOException;

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
   * Prepares to write {@code target} as {@link #writeStream} does, for content written over
   * time; a special file is written through as the content is made.
   *
   * @throws IOException when the target is a folder or its folder cannot be written
   */
  public static Staged stage(Path target) throws IOException {
    Path real = followLinks(target.toAbsolutePath());
    return switch (kindOf(real)) {
      case FOLDER -> throw new FileSystemException(target.toString(), null, "is a folder");
      case THROUGH -> new Through(real);
      case FILE -> new Replacing(target, real, true);
      case ABSENT -> new Replacing(target, real, false);
    };
  }

  /**
   * Prepares to write {@code target} with a writer that seeks (an MP4 muxer that fills in its
   * index at the end): {@link Staged#path()} is always a regular file. For a special target it
   * is a temporary file in the system's temporary folder, streamed to the target on commit.
   */
  public static Staged stageSeekable(Path target) throws IOException {
    Path real = followLinks(target.toAbsolutePath());
    if (kindOf(real) == Kind.THROUGH) {
      return new Buffered(real);
    }
    return stage(target);
  }

  /** What {@code target} leads to, its symbolic links followed. */
  public static Kind kind(Path target) {
    try {
      return kindOf(followLinks(target.toAbsolutePath()));
    } catch (IOException e) {
      return Kind.ABSENT; // a loop of links: writing it says so
    }
  }

  private static Kind kindOf(Path real) {
    if (isDescriptor(real)) {
      return Kind.THROUGH;
    }
    BasicFileAttributes a = attributes(real);
    if (a == null) {
      return Kind.ABSENT;
    }
    return a.isDirectory() ? Kind.FOLDER : a.isRegularFile() ? Kind.FILE : Kind.THROUGH;
  }

  /**
   * Why {@code target} cannot be written, found before writing: "is a folder", "out/f is a
   * file, not a folder" (a folder on the way is a file), "permission denied"; null when nothing
   * stands in the way that can be seen beforehand.
   */
  public static String problem(Path target) {
    Path real;
    try {
      real = followLinks(target.toAbsolutePath());
    } catch (IOException e) {
      return e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
          : String.valueOf(e.getMessage());
    }
    Kind k = kindOf(real);
    if (k == Kind.FOLDER) {
      return "is a folder";
    }
    if (k == Kind.THROUGH) {
      return isDescriptor(real) || Files.isWritable(real) ? null : "permission denied";
    }
    // A new file and a replaced one are made in the folder: it, or the first folder on the
    // way that exists (the missing ones are created), must be a writable folder. Named as
    // the user wrote it, unless a link led elsewhere.
    Path shown = Files.isSymbolicLink(target) ? real : target;
    Path folder = shown.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    Path dir = folder == null ? Path.of("").toAbsolutePath() : folder;
    if (!Files.isDirectory(dir)) {
      return dir + " is a file, not a folder";
    }
    return Files.isWritable(dir) ? null : "permission denied";
  }

  /**
   * The path with every symbolic link resolved, also a dangling one (to what it names), up to
   * an open descriptor's link (/dev/stdout), which only the kernel can follow.
   */
  static Path followLinks(Path path) throws IOException {
    Path p = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (isDescriptor(p) || !Files.isSymbolicLink(p)) {
        return p;
      }
      Path link = Files.readSymbolicLink(p);
      Path parent = p.getParent();
      p = parent == null ? link : parent.resolve(link);
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }

  private static boolean isDescriptor(Path p) {
    return DESCRIPTOR.matcher(p.normalize().toString()).matches();
  }

  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null; // absent, or unreadable: then creating the temporary file says why
    }
  }

  /**
   * Opens a special file or a descriptor for writing: never created, never truncated. A
   * regular file behind a descriptor (a shell's {@code > file} or {@code >> file}) is appended
   * to, as the shell's own writes would be.
   */
  private static OutputStream openThrough(Path real) throws IOException {
    return Files.isRegularFile(real)
        ? Files.newOutputStream(real, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
        : Files.newOutputStream(real, StandardOpenOption.WRITE);
  }

  /** A temporary file next to the target, renamed over it on commit. */
  private static final class Replacing implements Staged {
    private final Path real;
    private final boolean replaces;
    private final Path temp;
    private boolean done;

    Replacing(Path target, Path real, boolean replaces) throws IOException {
      this.real = real;
      this.replaces = replaces;
      Path dir = real.getParent();
      if (dir != null) {
        createFolders(target, dir);
      }
      this.temp = Leftovers.create(() -> createTemporary(dir, real.getFileName().toString()));
    }

    @Override
    public Path path() {
      return temp;
    }

    @Override
    public OutputStream open() throws IOException {
      return Files.newOutputStream(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void commit() throws IOException {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true); // on disk before the rename makes it the file
      }
      if (replaces) {
        copyPermissions(real, temp);
      }
      Leftovers.rename(temp, () -> {
        try {
          return Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          return Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
        }
      });
      done = true;
    }

    @Override
    public void discard() throws IOException {
      if (!done) {
        Leftovers.delete(temp);
      }
    }
  }

  /** A pipe, a device or a descriptor, written as the content is made. */
  private record Through(Path real) implements Staged {
    @Override
    public Path path() {
      return real;
    }

    @Override
    public OutputStream open() throws IOException {
      return openThrough(real);
    }

    @Override
    public void commit() {
    }

    @Override
    public void discard() {
    }
  }

  /** A special target written by a writer that seeks: staged whole, then streamed to it. */
  private static final class Buffered implements Staged {
    private final Path real;
    private final Path temp;

    Buffered(Path real) throws IOException {
      this.real = real;
      Path dir = Path.of(System.getProperty("java.io.tmpdir"));
      this.temp = Leftovers.create(() -> createTemporary(dir, "descent-"
          + real.getFileName()));
    }

    @Override
    public Path path() {
      return temp;
    }

    @Override
    public OutputStream open() throws IOException {
      return Files.newOutputStream(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void commit() throws IOException {
      Leftovers.refuseWhenStopping();
      try (InputStream in = Files.newInputStream(temp); OutputStream out = openThrough(real)) {
        in.transferTo(out);
      }
      Leftovers.delete(temp);
    }

    @Override
    public void discard() throws IOException {
      Leftovers.delete(temp);
    }
  }

  /**
   * Creates the missing folders of the path; a file where a folder should be is named as the
   * user wrote it ("out/f is a file, not a folder"), not as the JDK reports it (the bare path).
   */
  private static void createFolders(Path target, Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      String why = problem(target);
      throw new FileSystemException(target.toString(), null, why != null ? why
          : dir + " is a file, not a folder");
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
