package so.lava.client;

/**
 * What a login yields: a secret key and whose it is. {@link #toString} never shows the key.
 *
 * @param secretKey the full key ({@code lava_sk_...}); keep it secret
 */
public record Credentials(
    String secretKeyId, String secretKey, String merchantId, String walletId) {

  /** {@code lava_sk_...} and the last four characters: enough to recognise, never to use. */
  public String hint() {
    return hint(secretKey);
  }

  public static String hint(String secretKey) {
    return secretKey.length() < 12
        ? "lava_sk_..."
        : "lava_sk_..." + secretKey.substring(secretKey.length() - 4);
  }

  @Override
  public String toString() {
    return "Credentials[secretKeyId=" + secretKeyId + ", secretKey=" + hint() + "]";
  }
}
