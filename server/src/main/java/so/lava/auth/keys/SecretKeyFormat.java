package so.lava.auth.keys;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import so.lava.auth.system.Secrets;

/**
 * The shape of a secret key: {@code lava_sk_}, 43 random base62 characters (256 bits from {@link
 * java.security.SecureRandom}), then a 6-character base62 CRC-32 of everything before it.
 *
 * <p>The checksum works as in GitHub's token format: a mistyped or truncated key is refused without
 * a database query, and secret scanners can tell a real key from a look-alike.
 */
public final class SecretKeyFormat {

  public static final String PREFIX = "lava_sk_";
  static final int RANDOM_LENGTH = 43;
  static final int CHECKSUM_LENGTH = 6;
  public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

  private SecretKeyFormat() {}

  /** A new key. Show it once; store only {@link Secrets#sha256(String)} of it. */
  public static String generate() {
    String body = PREFIX + Secrets.randomBase62(RANDOM_LENGTH);
    return body + checksum(body);
  }

  /** Whether {@code key} has the right prefix, length, alphabet and checksum. */
  public static boolean isWellFormed(String key) {
    if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < LENGTH; i++) {
      if (Secrets.BASE62.indexOf(key.charAt(i)) < 0) {
        return false;
      }
    }
    String body = key.substring(0, LENGTH - CHECKSUM_LENGTH);
    return checksum(body).equals(key.substring(LENGTH - CHECKSUM_LENGTH));
  }

  /** What people see in lists: the prefix and the last four characters, never enough to use. */
  public static String hint(String key) {
    return PREFIX + "..." + key.substring(key.length() - 4);
  }

  static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return Secrets.base62(crc.getValue(), CHECKSUM_LENGTH);
  }
}
