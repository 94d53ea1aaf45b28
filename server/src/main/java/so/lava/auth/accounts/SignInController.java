package so.lava.auth.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. Spring Security itself checks the password on {@code POST /signin}. */
@Controller
class SignInController {

  static final String VIEW = "accounts/signin";

  private final RequestCache requestCache;
  private final SignedIn signedIn;

  SignInController(RequestCache requestCache, SignedIn signedIn) {
    this.requestCache = requestCache;
    this.signedIn = signedIn;
  }

  @GetMapping("/signin")
  String signInForm(
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (signedIn.account(authentication).isPresent()) {
      return "redirect:/dashboard";
    }
    model.addAttribute("forLogin", isForCommandLineLogin(requestCache, request, response));
    return VIEW;
  }

  /** Whether the person came here from a command-line program's login page. */
  static boolean isForCommandLineLogin(
      RequestCache requestCache, HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = requestCache.getRequest(request, response);
    return saved != null && saved.getRedirectUrl().contains("/auth/connect");
  }
}
