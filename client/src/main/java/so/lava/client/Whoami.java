package so.lava.client;

/** Who a secret key is, as {@code GET /v1/auth/whoami} says. */
public record Whoami(
    String secretKeyId,
    String name,
    String merchantId,
    String walletId,
    String accountEmail,
    String createdAt) {}
