package so.lava.auth.connect;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.accounts.SignedIn;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;
import so.lava.auth.exchange.AuthCodeGrant;
import so.lava.auth.exchange.AuthCodeIssuer;
import so.lava.auth.exchange.IssuedCode;

/**
 * {@code /auth/connect}: the page a command-line program opens. A signed-in person sees who asks
 * for what and approves or denies; approval mints a one-time code and sends the browser back to the
 * program on {@code http://127.0.0.1:{port}/callback}, or, without a port, shows the code to paste.
 */
@Controller
class ConnectController {

  static final String CONSENT_VIEW = "connect/consent";
  static final String INVALID_VIEW = "connect/invalid";
  static final String CODE_VIEW = "connect/code";
  static final String DENIED_VIEW = "connect/denied";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC', d MMMM yyyy").withZone(ZoneOffset.UTC);

  private final SignedIn signedIn;
  private final AuthCodeIssuer issuer;
  private final AuditLog audit;
  private final RequestCache requestCache;

  ConnectController(
      SignedIn signedIn, AuthCodeIssuer issuer, AuditLog audit, RequestCache requestCache) {
    this.signedIn = signedIn;
    this.issuer = issuer;
    this.audit = audit;
    this.requestCache = requestCache;
  }

  @GetMapping("/auth/connect")
  ModelAndView showConsent(
      @RequestParam MultiValueMap<String, String> parameters,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    ConnectRequest.Parsed parsed = ConnectRequest.parse(parameters);
    if (!parsed.valid()) {
      return invalid(parsed.problems());
    }
    Optional<Account> account = signedIn.account(authentication);
    if (account.isEmpty()) {
      // Back here after signing in (or signing up), with the same parameters.
      requestCache.saveRequest(request, response);
      return new ModelAndView("redirect:/signin");
    }
    ModelAndView page = new ModelAndView(CONSENT_VIEW);
    page.addObject("account", account.get());
    page.addObject("login", parsed.request());
    page.addObject("now", TIME.format(Instant.now()));
    return page;
  }

  @PostMapping("/auth/connect")
  ModelAndView decide(
      @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(name = "decision", defaultValue = "") String decision,
      Authentication authentication,
      HttpServletRequest request) {
    ConnectRequest.Parsed parsed = ConnectRequest.parse(parameters);
    if (!parsed.valid()) {
      return invalid(parsed.problems());
    }
    ConnectRequest login = parsed.request();
    Account account = signedIn.require(authentication);
    return switch (decision) {
      case "approve" -> approve(login, account, request.getRemoteAddr());
      case "deny" -> deny(login, account, request.getRemoteAddr());
      default -> invalid(List.of("Choose Approve or Deny."));
    };
  }

  private ModelAndView approve(ConnectRequest login, Account account, String address) {
    IssuedCode code =
        issuer.issue(
            new AuthCodeGrant(
                account.id(),
                account.merchantId(),
                account.walletId(),
                login.port(),
                login.codeChallenge()));
    audit.record(
        new AuditEvent(
            AuditLog.CLI_LOGIN_APPROVED,
            account.id(),
            account.merchantId(),
            null,
            code.id(),
            address,
            details(login)));
    if (login.pasteMode()) {
      ModelAndView page = new ModelAndView(CODE_VIEW);
      page.addObject("account", account);
      page.addObject("code", code.code());
      page.addObject("expiresAt", code.expiresAt().toString());
      page.addObject("expiresAtText", TIME.format(code.expiresAt()));
      page.addObject(
          "secondsLeft",
          Math.max(0, Duration.between(Instant.now(), code.expiresAt()).toSeconds()));
      return page;
    }
    return redirect(login.callback(code.code()).toString());
  }

  private ModelAndView deny(ConnectRequest login, Account account, String address) {
    audit.record(
        new AuditEvent(
            AuditLog.CLI_LOGIN_DENIED,
            account.id(),
            account.merchantId(),
            null,
            null,
            address,
            details(login)));
    if (login.pasteMode()) {
      return new ModelAndView(DENIED_VIEW, "account", account);
    }
    return redirect(login.denial().toString());
  }

  private static ModelAndView invalid(List<String> problems) {
    ModelAndView page = new ModelAndView(INVALID_VIEW, HttpStatus.BAD_REQUEST);
    page.addObject("problems", problems);
    return page;
  }

  private static ModelAndView redirect(String url) {
    RedirectView view = new RedirectView(url);
    view.setExposeModelAttributes(false);
    view.setExpandUriTemplateVariables(false);
    view.setStatusCode(HttpStatus.FOUND);
    return new ModelAndView(view);
  }

  private static Map<String, Object> details(ConnectRequest login) {
    Map<String, Object> details = new HashMap<>();
    details.put("mode", login.pasteMode() ? "paste" : "loopback");
    login.port().ifPresent(port -> details.put("port", port));
    details.put("pkce", login.codeChallenge().isPresent());
    return details;
  }
}
