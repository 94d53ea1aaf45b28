package so.lava.auth.keys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a merchant's list of keys (newest first): the creation time and id of the last key
 * of a page. Clients see it as an opaque string and hand it back for the next page; a key created
 * or revoked meanwhile never makes a page skip or repeat another.
 */
public record KeyCursor(Instant createdAt, UUID id) {

  private static final String VERSION = "k1";

  String encode() {
    long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
    String plain = VERSION + ":" + micros + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  static Optional<KeyCursor> decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] parts = plain.split(":", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        return Optional.empty();
      }
      long micros = Long.parseLong(parts[1]);
      Instant at =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
      return Optional.of(new KeyCursor(at, UUID.fromString(parts[2])));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
