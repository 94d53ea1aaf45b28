package so.lava.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import so.lava.client.BrowserLogin;
import so.lava.client.Credentials;
import so.lava.client.LavaClient;
import so.lava.client.PasteLogin;
import so.lava.client.Whoami;

/**
 * {@code lava login}: the browser login, or paste mode where no browser can be shown; then saves
 * the key in the profile.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in through your browser and save a secret key for this computer.",
      "Without a browser (--no-browser, or no display), open the printed URL anywhere and paste the code it shows."
    })
final class LoginCommand implements Callable<Integer> {

  @ParentCommand Lava lava;
  @Mixin ProfileOptions options;

  @Option(
      names = "--no-browser",
      description = "Don't open a browser: print a URL and ask for the code it shows.")
  boolean noBrowser;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "120s",
      description =
          "How long to wait for approval, such as 120s or 5m (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() {
    Context context = lava.context();
    CredentialStore store = new CredentialStore(context.configDirectory());
    String profile = Session.profileName(context, store, options.profile());
    URI baseUrl = Session.baseUrl(context, options.baseUrl(), store.profile(profile));
    LavaClient client = LavaClient.create(baseUrl);

    Credentials credentials =
        noBrowser || !context.hasDisplay()
            ? pasteLogin(context, client)
            : browserLogin(context, client);

    Whoami me = client.withSecretKey(credentials.secretKey()).whoami();
    store.save(
        profile,
        new CredentialStore.Profile(
            client.baseUrl().toString(),
            credentials.secretKeyId(),
            credentials.secretKey(),
            credentials.merchantId(),
            credentials.walletId(),
            me.accountEmail(),
            Instant.now().toString()));
    context
        .err()
        .println("Logged in as " + me.accountEmail() + " (merchant " + me.merchantId() + ").");
    context
        .err()
        .println(
            "Saved key "
                + credentials.hint()
                + " to "
                + store.file()
                + " (profile "
                + profile
                + ").");
    if (context.env("LAVA_SECRET_KEY").isPresent()) {
      context
          .err()
          .println("Note: LAVA_SECRET_KEY is set and overrides the saved key until you unset it.");
    }
    return ExitCodes.OK;
  }

  private Credentials browserLogin(Context context, LavaClient client) {
    Duration wait = parseTimeout(timeout);
    BrowserLogin.Progress progress = new Waiting(context);
    try (BrowserLogin login =
        BrowserLogin.start(client, new BrowserLogin.Options(wait, context.opener(), progress))) {
      // Ctrl-C: stop listening before the JVM goes.
      Thread hook =
          new Thread(
              () -> {
                login.close();
                context.err().println();
                context.err().println("lava: login cancelled; no key was saved");
              },
              "lava-login-cancel");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return login.await();
      } finally {
        progress.approved();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: nothing to remove
        }
      }
    }
  }

  private static Credentials pasteLogin(Context context, LavaClient client) {
    PasteLogin login = new PasteLogin(client);
    context.err().println("Open this URL in a browser on any device, sign in and approve:");
    context.err().println();
    context.err().println("  " + login.url());
    context.err().println();
    context.err().println("Then paste the code the page shows (it works once, for 60 seconds).");
    String code = context.readSecret("Code: ").strip();
    if (code.isEmpty()) {
      throw new CliException(
          ExitCodes.FAILURE, "no code was entered; run `lava login` to try again");
    }
    try {
      return login.exchange(code);
    } catch (so.lava.client.LavaApiException e) {
      String why =
          switch (e.code()) {
            case "auth_code_expired" -> "the code expired (codes live 60 seconds)";
            case "auth_code_used" -> "the code was already used";
            default -> "the code was not accepted";
          };
      throw new CliException(ExitCodes.FAILURE, why + "; run `lava login` to get a new one");
    }
  }

  static Duration parseTimeout(String text) {
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration duration;
      if (value.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        duration = Duration.ofSeconds(Long.parseLong(value));
      }
      if (duration.isNegative()
          || duration.isZero()
          || duration.compareTo(Duration.ofHours(1)) > 0) {
        throw new NumberFormatException();
      }
      return duration;
    } catch (NumberFormatException e) {
      throw new CliException(
          ExitCodes.USAGE, "--timeout takes a duration from 1s to 60m, such as 120s or 5m");
    }
  }

  /** Says what the login waits for, and how long is left: one line, redrawn on a terminal. */
  private static final class Waiting implements BrowserLogin.Progress {

    private final Context context;
    private final boolean redraw;
    private boolean shown;
    private boolean finished;

    Waiting(Context context) {
      this.context = context;
      this.redraw = context.console().isPresent();
    }

    @Override
    public void started(URI url, boolean opened) {
      if (opened) {
        context
            .err()
            .println("Opened your browser to approve this login. If it didn't appear, open:");
      } else {
        context.err().println("Could not open a browser. Open this URL to approve this login:");
      }
      context.err().println();
      context.err().println("  " + url);
      context.err().println();
    }

    @Override
    public synchronized void waiting(Duration left) {
      String line =
          String.format(
              "Waiting for approval in the browser (%d:%02d left; Ctrl-C to cancel)...",
              left.toMinutes(), left.toSecondsPart());
      if (redraw) {
        context.err().print("\r" + line);
        context.err().flush();
        shown = true;
      } else if (!shown) {
        context.err().println(line);
        shown = true;
      }
    }

    @Override
    public synchronized void approved() {
      if (redraw && shown && !finished) {
        context.err().println();
      }
      finished = true;
    }
  }
}
