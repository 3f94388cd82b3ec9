package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is at the path is respected: links, modes, pipes; a failure changes nothing. */
class AtomicFilesTest {

  @TempDir
  Path dir;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void fileCount(Path dir, long expected) throws IOException {
    try (var files = Files.list(dir)) {
      assertEquals(expected, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aNewFileGetsThePermissionsOfAnyNewFileNotThoseOfATemporaryOne() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain")); // 0666 less the umask
    Path written = dir.resolve("new.csv");
    AtomicFiles.writeText(written, w -> w.write("a\n"));
    assertEquals(mode(plain), mode(written));
    assertEquals("a\n", Files.readString(written));
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Path f = Files.writeString(dir.resolve("old.csv"), "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.writeText(f, w -> w.write("new\n"));
    assertEquals("new\n", Files.readString(f));
    assertEquals("rw-r-----", mode(f));
    fileCount(dir, 1);
  }

  @Test
  void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path real = Files.writeString(sub.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("sub/real.csv"));
    AtomicFiles.writeText(link, w -> w.write("new\n"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(real));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("sub/later.csv"));
    AtomicFiles.writeText(dangling, w -> w.write("made\n"));
    assertTrue(Files.isSymbolicLink(dangling));
    assertEquals("made\n", Files.readString(sub.resolve("later.csv")));
    fileCount(sub, 2);
  }

  @Test
  void aPipeIsWrittenToNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        return e.toString();
      }
    });
    AtomicFiles.writeText(fifo, w -> w.write("through\n"));
    assertEquals("through\n", read.get(10, TimeUnit.SECONDS));
    assertTrue(!Files.isRegularFile(fifo) && Files.exists(fifo), "still a pipe");
    fileCount(dir, 1);
  }

  @Test
  void aFolderIsNotReplaced() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    FileSystemException e = assertThrows(FileSystemException.class,
        () -> AtomicFiles.writeText(folder, w -> w.write("x")));
    assertEquals("is a folder", e.getReason());
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path f = Files.writeString(dir.resolve("keep.csv"), "old\n");
    assertThrows(IOException.class, () -> AtomicFiles.writeText(f, w -> {
      w.write("half");
      throw new IOException("disk full");
    }));
    assertEquals("old\n", Files.readString(f));
    fileCount(dir, 1);
  }
}
