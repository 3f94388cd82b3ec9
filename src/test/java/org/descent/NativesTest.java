package org.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativesTest {

  @Test
  void everyLecturePlatformMapsToItsFolder() {
    assertEquals("win", Natives.platform("Windows 11", "amd64"));
    assertEquals("mac", Natives.platform("Mac OS X", "x86_64"));
    assertEquals("mac-aarch64", Natives.platform("Mac OS X", "aarch64"));
    assertEquals("linux", Natives.platform("Linux", "amd64"));
    assertEquals("linux-aarch64", Natives.platform("Linux", "aarch64"));
  }
}
