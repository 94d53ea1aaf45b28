package so.lava.auth.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The specification's {@code CliAuthCallbackResponse}; every field required. */
record ExchangeResponse(
    @JsonProperty("wallet_id") String walletId,
    @JsonProperty("secret_key_id") String secretKeyId,
    @JsonProperty("secret_key") String secretKey,
    @JsonProperty("merchant_id") String merchantId) {

  static ExchangeResponse of(IssuedKey key) {
    return new ExchangeResponse(
        key.walletId().toString(),
        key.secretKeyId().toString(),
        key.secretKey(),
        key.merchantId().toString());
  }

  @Override
  public String toString() {
    return "ExchangeResponse[secretKeyId=" + secretKeyId + "]";
  }
}
