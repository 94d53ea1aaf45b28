package so.lava.auth.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.audit.AuditLog.AuditEvent;

/**
 * Sign up: creates the account, its merchant and wallet in one transaction, signs the person in
 * (with a new session id) and takes them back to where they were going.
 */
@Controller
class SignUpController {

  static final String VIEW = "accounts/signup";

  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final SecurityContextRepository contexts;
  private final RequestCache requestCache;
  private final SignedIn signedIn;
  private final AuditLog audit;

  SignUpController(
      AccountRepository accounts,
      PasswordEncoder passwords,
      SecurityContextRepository contexts,
      RequestCache requestCache,
      SignedIn signedIn,
      AuditLog audit) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.contexts = contexts;
    this.requestCache = requestCache;
    this.signedIn = signedIn;
    this.audit = audit;
  }

  @GetMapping("/signup")
  String signUpForm(
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (signedIn.account(authentication).isPresent()) {
      return "redirect:/dashboard";
    }
    return show(SignUpForm.empty(), Map.of(), request, response, model);
  }

  @PostMapping("/signup")
  String processSignUp(
      @ModelAttribute SignUpForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Map<String, String> problems = form.problems();
    if (problems.isEmpty() && accounts.emailTaken(form.cleanEmail())) {
      problems = Map.of("email", "An account with this e-mail already exists. Sign in instead.");
    }
    if (!problems.isEmpty()) {
      response.setStatus(400);
      return show(form, problems, request, response, model);
    }
    Account account;
    try {
      account =
          accounts.create(
              form.cleanEmail(), passwords.encode(form.password()), form.merchantName());
    } catch (DuplicateKeyException raceWithAnotherSignUp) {
      response.setStatus(400);
      return show(
          form,
          Map.of("email", "An account with this e-mail already exists. Sign in instead."),
          request,
          response,
          model);
    }
    audit.record(
        new AuditEvent(
            AuditLog.ACCOUNT_CREATED,
            account.id(),
            account.merchantId(),
            null,
            null,
            request.getRemoteAddr()));
    signIn(account, request, response);
    SavedRequest saved = requestCache.getRequest(request, response);
    requestCache.removeRequest(request, response);
    return "redirect:" + (saved == null ? "/dashboard" : saved.getRedirectUrl());
  }

  private String show(
      SignUpForm form,
      Map<String, String> problems,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("form", new SignUpForm(form.email(), "", form.business()));
    model.addAttribute("problems", problems);
    model.addAttribute(
        "forLogin", SignInController.isForCommandLineLogin(requestCache, request, response));
    return VIEW;
  }

  /** As a successful sign-in would: a fresh session id, then the context saved in the session. */
  private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            account.id().toString(), null, List.of(new SimpleGrantedAuthority("ROLE_ACCOUNT")));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    contexts.saveContext(context, request, response);
  }
}
