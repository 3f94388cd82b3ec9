package org.descent.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a scenario file, read through a bounded stream: a file larger than
 * {@link #MAX_BYTES} is refused after reading one byte more, so a 3 GB file, /dev/zero or a
 * pipe that never ends costs no more than that. The text must be UTF-8; a bad byte is reported
 * with its line.
 */
final class ScenarioText {

  /** The largest scenario file: a lecture demo is a few hundred bytes. */
  static final int MAX_BYTES = 1 << 20;

  private ScenarioText() {}

  static String read(Path file) throws ScenarioException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new ScenarioException(source, 0, "", "is a folder, not a scenario file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(source, 0, "", "no such file");
    } catch (AccessDeniedException e) {
      throw new ScenarioException(source, 0, "", "cannot read the file: permission denied");
    } catch (IOException e) {
      throw new ScenarioException(source, 0, "", "cannot read the file: " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new ScenarioException(source, 0, "", "too large: more than " + MAX_BYTES
          + " bytes; a scenario file is at most 1 MB");
    }
    return decode(bytes, source);
  }

  /** UTF-8 without a byte-order mark; a malformed byte is named by its line. */
  static String decode(byte[] bytes, String source) throws ScenarioException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ScenarioException(source, line, "", String.format(
          "not UTF-8, at line %d: byte 0x%02x is not part of a UTF-8 character; save the file "
              + "as UTF-8", line, bytes[in.position()] & 0xff));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
