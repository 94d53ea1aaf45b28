package so.lava.auth.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiError.Issue;
import so.lava.auth.api.ApiException;
import so.lava.auth.api.JsonBody;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/auth/callback}: {@code {"code": string}}, and, beyond the
 * specification, an optional {@code code_verifier} for codes bound to a PKCE challenge. Other
 * fields are ignored, so clients may send more than we read.
 *
 * <p>{@link #parse} is the converter: it only turns JSON into this value, or names every problem it
 * finds as an {@link Issue} whose path is the field.
 */
public record ExchangeRequest(String code, Optional<String> codeVerifier) {

  /** Our codes are 32 characters; anything this long is not a code, and not worth hashing. */
  static final int MAX_CODE_LENGTH = 256;

  @Override
  public String toString() {
    return "ExchangeRequest[code=<redacted>]";
  }

  static ExchangeRequest parse(JsonBody request) {
    JsonNode body = JsonBody.requireObject(request, "{\"code\": \"...\"}");
    List<Issue> issues = new ArrayList<>();
    String code = requiredCode(body.get("code"), issues);
    Optional<String> verifier = optionalVerifier(body.get("code_verifier"), issues);
    if (!issues.isEmpty()) {
      throw new ApiException(ApiError.invalid("The request body is not valid.", issues));
    }
    return new ExchangeRequest(code, verifier);
  }

  private static String requiredCode(JsonNode node, List<Issue> issues) {
    if (node == null || node.isNull()) {
      issues.add(Issue.at("code", "Missing required field: code"));
      return null;
    }
    if (!node.isString()) {
      issues.add(Issue.at("code", "code must be a string"));
      return null;
    }
    String code = node.stringValue();
    if (code.isBlank()) {
      issues.add(Issue.at("code", "code must not be empty"));
    } else if (code.length() > MAX_CODE_LENGTH) {
      issues.add(Issue.at("code", "code must be at most " + MAX_CODE_LENGTH + " characters"));
    }
    return code;
  }

  private static Optional<String> optionalVerifier(JsonNode node, List<Issue> issues) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isString() || !Pkce.VERIFIER.matcher(node.stringValue()).matches()) {
      issues.add(
          Issue.at(
              "code_verifier",
              "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' or '~'"
                  + " (RFC 7636)"));
      return Optional.empty();
    }
    return Optional.of(node.stringValue());
  }
}
