package so.lava.client;

/** A secret key as lists show it; never the key itself. */
public record SecretKey(String secretKeyId, String name, String hint, String createdAt) {}
