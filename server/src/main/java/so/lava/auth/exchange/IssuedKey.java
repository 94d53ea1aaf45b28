package so.lava.auth.exchange;

import java.util.UUID;

/** The secret key an exchange created, with the merchant and wallet it acts for. */
public record IssuedKey(UUID secretKeyId, String secretKey, UUID merchantId, UUID walletId) {

  @Override
  public String toString() {
    return "IssuedKey[secretKeyId=" + secretKeyId + ", merchantId=" + merchantId + "]";
  }
}
