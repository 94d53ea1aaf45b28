package so.lava.auth.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.accounts.SignedIn;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;
import so.lava.auth.keys.SecretKeyRepository;
import so.lava.auth.keys.SecretKeyRepository.CreatedKey;
import so.lava.auth.keys.SecretKeyRepository.KeySummary;

/**
 * The signed-in person's home: their merchant's secret keys (create, revoke) and their recent
 * command-line logins.
 */
@Controller
class DashboardController {

  static final String VIEW = "dashboard/dashboard";
  static final String KEY_CREATED_VIEW = "dashboard/key-created";
  static final String REVOKE_VIEW = "dashboard/revoke";
  static final int MAX_NAME = 100;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final SignedIn signedIn;
  private final SecretKeyRepository keys;
  private final AuthorizationHistory history;
  private final AuditLog audit;

  DashboardController(
      SignedIn signedIn, SecretKeyRepository keys, AuthorizationHistory history, AuditLog audit) {
    this.signedIn = signedIn;
    this.keys = keys;
    this.history = history;
    this.audit = audit;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/dashboard";
  }

  @GetMapping("/dashboard")
  String showDashboard(Authentication authentication, Model model) {
    return show(signedIn.require(authentication), "", null, model);
  }

  @PostMapping("/dashboard/keys")
  String createKey(
      @RequestParam(name = "name", defaultValue = "") String name,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Account account = signedIn.require(authentication);
    String clean = name.strip();
    if (clean.isEmpty() || clean.length() > MAX_NAME) {
      response.setStatus(400);
      String problem =
          clean.isEmpty()
              ? "Give the key a name, such as the machine or service that will use it."
              : "Use at most " + MAX_NAME + " characters.";
      return show(account, name, problem, model);
    }
    CreatedKey created =
        keys.create(account.merchantId(), account.walletId(), account.id(), clean, "dashboard");
    audit.record(
        new AuditEvent(
            AuditLog.SECRET_KEY_CREATED,
            account.id(),
            account.merchantId(),
            created.summary().id(),
            null,
            request.getRemoteAddr()));
    // Shown here, once, and never stored anywhere but as a hash: no redirect through the session.
    model.addAttribute("account", account);
    model.addAttribute("key", row(created.summary()));
    model.addAttribute("secretKey", created.secretKey());
    return KEY_CREATED_VIEW;
  }

  @GetMapping("/dashboard/keys/{id}/revoke")
  String confirmRevoke(@PathVariable UUID id, Authentication authentication, Model model) {
    Account account = signedIn.require(authentication);
    KeySummary key =
        keys.findActive(id, account.merchantId()).orElseThrow(DashboardController::notFound);
    model.addAttribute("account", account);
    model.addAttribute("key", row(key));
    return REVOKE_VIEW;
  }

  @PostMapping("/dashboard/keys/{id}/revoke")
  String revokeKey(
      @PathVariable UUID id,
      Authentication authentication,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Account account = signedIn.require(authentication);
    KeySummary key =
        keys.findActive(id, account.merchantId()).orElseThrow(DashboardController::notFound);
    if (keys.revoke(id, account.merchantId())) {
      audit.record(
          new AuditEvent(
              AuditLog.SECRET_KEY_REVOKED,
              account.id(),
              account.merchantId(),
              id,
              null,
              request.getRemoteAddr()));
    }
    redirect.addFlashAttribute(
        "notice",
        "Revoked \u201c" + key.name() + "\u201d (" + key.hint() + "). It no longer works.");
    return "redirect:/dashboard";
  }

  private String show(Account account, String name, String problem, Model model) {
    model.addAttribute("account", account);
    model.addAttribute(
        "keys",
        keys.listActive(account.merchantId(), 100).stream().map(DashboardController::row).toList());
    model.addAttribute(
        "authorizations",
        history.recent(account.id(), 20).stream()
            .map(
                a ->
                    new AuthorizationRow(
                        TIME.format(a.at()),
                        a.port().map(p -> "Program on port " + p).orElse("Code pasted by hand"),
                        a.outcome()))
            .toList());
    model.addAttribute("name", name);
    model.addAttribute("problem", problem);
    return VIEW;
  }

  private static KeyRow row(KeySummary key) {
    return new KeyRow(
        key.id(),
        key.name(),
        key.hint(),
        TIME.format(key.createdAt()),
        key.lastUsedAt().map(TIME::format).orElse("Never"),
        switch (key.source()) {
          case "cli_login" -> "Command-line login";
          case "dashboard" -> "Created here";
          default -> "Created through the API";
        });
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  /** A key as the page shows it. */
  public record KeyRow(
      UUID id, String name, String hint, String created, String lastUsed, String origin) {}

  /** A login as the page shows it. */
  public record AuthorizationRow(String at, String program, String outcome) {}
}
