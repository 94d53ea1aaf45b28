package so.lava.auth.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random secrets and their hashes. Codes and keys are drawn here from {@link SecureRandom}, and the
 * database only ever sees their SHA-256.
 */
public final class Secrets {

  /**
   * Letters and digits only, so a double-click selects a whole secret and no encoding mangles it.
   */
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /**
   * {@code length} characters drawn uniformly from {@link #BASE62}: 5.95 bits each. Random bytes
   * are fetched in one call (each call to the system's generator takes a lock) and those of 248 or
   * more are skipped, so that every character is equally likely (248 = 4 × 62).
   */
  public static String randomBase62(int length) {
    char[] chars = new char[length];
    byte[] random = new byte[length + 8];
    int filled = 0;
    while (filled < length) {
      RANDOM.nextBytes(random);
      for (int i = 0; i < random.length && filled < length; i++) {
        int value = random[i] & 0xFF;
        if (value < 248) {
          chars[filled++] = BASE62.charAt(value % 62);
        }
      }
    }
    return new String(chars);
  }

  public static byte[] sha256(String value) {
    return sha256(value.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Equality that takes the same time wherever the first difference is. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** {@code value} in base 62, left-padded with zeros to {@code width} characters. */
  public static String base62(long value, int width) {
    char[] chars = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      chars[i] = BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(chars);
  }
}
