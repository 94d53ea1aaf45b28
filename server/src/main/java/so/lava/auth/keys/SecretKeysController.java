package so.lava.auth.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiError.Issue;
import so.lava.auth.api.ApiException;
import so.lava.auth.api.JsonBody;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;
import so.lava.auth.keys.SecretKeyRepository.CreatedKey;
import so.lava.auth.keys.SecretKeyRepository.KeySummary;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/secret_keys}: the calling key's merchant's keys, as existing SDKs call them (list with
 * cursor pages, create, revoke). Every answer is JSON, even the revocation's.
 */
@RestController
class SecretKeysController {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_NAME = 100;
  static final String NOT_FOUND = "secret_key_not_found";

  private final SecretKeyRepository keys;
  private final KeyVerifier verifier;
  private final AuditLog audit;

  SecretKeysController(SecretKeyRepository keys, KeyVerifier verifier, AuditLog audit) {
    this.keys = keys;
    this.verifier = verifier;
    this.audit = audit;
  }

  @GetMapping("/v1/secret_keys")
  ResponseEntity<KeyPage> listKeys(
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey caller) {
    List<Issue> issues = new ArrayList<>();
    int size = parseLimit(limit, issues);
    Optional<KeyCursor> after = parseCursor(cursor, issues);
    if (!issues.isEmpty()) {
      throw new ApiException(ApiError.invalid("The query parameters are not valid.", issues));
    }
    List<KeySummary> rows = keys.page(caller.merchantId(), after, size + 1);
    boolean hasMore = rows.size() > size;
    List<KeySummary> page = hasMore ? rows.subList(0, size) : rows;
    String next =
        hasMore
            ? new KeyCursor(page.get(size - 1).createdAt(), page.get(size - 1).id()).encode()
            : null;
    return json(HttpStatus.OK, new KeyPage(page.stream().map(KeyItem::of).toList(), hasMore, next));
  }

  @PostMapping(path = "/v1/secret_keys", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CreatedKeyItem> createKey(
      @RequestBody JsonBody body,
      @RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey caller,
      HttpServletRequest request) {
    String name = parseName(JsonBody.requireObject(body, "{\"name\": \"billing-worker\"}"));
    CreatedKey created =
        keys.create(caller.merchantId(), caller.walletId(), caller.accountId(), name, "api");
    audit.record(
        new AuditEvent(
            AuditLog.SECRET_KEY_CREATED,
            caller.accountId(),
            caller.merchantId(),
            created.summary().id(),
            null,
            request.getRemoteAddr()));
    return json(HttpStatus.CREATED, CreatedKeyItem.of(created));
  }

  @DeleteMapping("/v1/secret_keys/{id}")
  ResponseEntity<Deleted> revokeKey(
      @PathVariable String id,
      @RequestAttribute(VerifiedKey.ATTRIBUTE) VerifiedKey caller,
      HttpServletRequest request) {
    UUID keyId = parseId(id);
    // Another merchant's key and no key at all look the same: neither exists for this caller.
    if (!keys.revoke(keyId, caller.merchantId())) {
      throw new ApiException(404, NOT_FOUND, "There is no secret key " + id + " to revoke.");
    }
    verifier.forget(keyId);
    audit.record(
        new AuditEvent(
            AuditLog.SECRET_KEY_REVOKED,
            caller.accountId(),
            caller.merchantId(),
            keyId,
            null,
            request.getRemoteAddr()));
    return json(HttpStatus.OK, new Deleted(keyId.toString(), true));
  }

  private static int parseLimit(String limit, List<Issue> issues) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    issues.add(Issue.at("limit", "limit must be a whole number from 1 to " + MAX_LIMIT));
    return DEFAULT_LIMIT;
  }

  private static Optional<KeyCursor> parseCursor(String cursor, List<Issue> issues) {
    if (cursor == null || cursor.isEmpty()) {
      return Optional.empty();
    }
    Optional<KeyCursor> decoded = KeyCursor.decode(cursor);
    if (decoded.isEmpty()) {
      issues.add(
          Issue.at("cursor", "cursor is not valid; pass the next_cursor of the previous page"));
    }
    return decoded;
  }

  private static String parseName(JsonNode body) {
    JsonNode node = body.get("name");
    String problem = null;
    if (node == null || node.isNull()) {
      problem = "Missing required field: name";
    } else if (!node.isString()) {
      problem = "name must be a string";
    } else if (node.stringValue().isBlank()) {
      problem = "name must not be empty";
    } else if (node.stringValue().strip().length() > MAX_NAME) {
      problem = "name must be at most " + MAX_NAME + " characters";
    }
    if (problem != null) {
      throw new ApiException(
          ApiError.invalid("The request body is not valid.", List.of(Issue.at("name", problem))));
    }
    return node.stringValue().strip();
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      throw new ApiException(404, NOT_FOUND, "There is no secret key " + id + " to revoke.");
    }
  }

  private static <T> ResponseEntity<T> json(HttpStatus status, T body) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  /** One key in a list: never the key itself. */
  record KeyItem(
      @JsonProperty("secret_key_id") String secretKeyId,
      @JsonProperty("name") String name,
      @JsonProperty("secret_key_hint") String secretKeyHint,
      @JsonProperty("created_at") String createdAt) {

    static KeyItem of(KeySummary key) {
      return new KeyItem(key.id().toString(), key.name(), key.hint(), key.createdAt().toString());
    }
  }

  /** A page of keys; {@code next_cursor} is absent on the last page. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record KeyPage(
      @JsonProperty("data") List<KeyItem> data,
      @JsonProperty("has_more") boolean hasMore,
      @JsonProperty("next_cursor") String nextCursor) {}

  /** A key just created, with the full key: the only time it is shown. */
  record CreatedKeyItem(
      @JsonProperty("secret_key_id") String secretKeyId,
      @JsonProperty("name") String name,
      @JsonProperty("secret_key_hint") String secretKeyHint,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("secret_key") String secretKey) {

    static CreatedKeyItem of(CreatedKey created) {
      KeyItem item = KeyItem.of(created.summary());
      return new CreatedKeyItem(
          item.secretKeyId(),
          item.name(),
          item.secretKeyHint(),
          item.createdAt(),
          created.secretKey());
    }

    @Override
    public String toString() {
      return "CreatedKeyItem[secretKeyId=" + secretKeyId + "]";
    }
  }

  record Deleted(@JsonProperty("id") String id, @JsonProperty("deleted") boolean deleted) {}
}
