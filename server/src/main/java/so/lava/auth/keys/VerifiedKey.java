package so.lava.auth.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * The secret key a request was authenticated with: who calls, for which merchant and wallet.
 * Controllers receive it as the request attribute {@link #ATTRIBUTE}.
 */
public record VerifiedKey(
    UUID secretKeyId,
    String name,
    UUID merchantId,
    UUID walletId,
    UUID accountId,
    String accountEmail,
    Instant createdAt) {

  public static final String ATTRIBUTE = "so.lava.auth.keys.VerifiedKey";
}
