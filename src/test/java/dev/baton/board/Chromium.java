package dev.baton.board;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver: never a downloaded browser or
 * driver (Selenium Manager is not asked, the driver's path is given). Where the packages are not
 * installed ({@code .ci/run} installs them), the browser tests are skipped, said in one line.
 */
final class Chromium implements ExecutionCondition {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static volatile boolean told;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String why =
        "Browser tests skipped: no Debian chromium and chromium-driver (apt-get install chromium"
            + " chromium-driver; .ci/run does)";
    if (!told) {
      told = true;
      System.out.println(why);
    }
    return ConditionEvaluationResult.disabled(why);
  }

  /**
   * A new headless browser with an empty profile, of the given window size. The profile (a few MB
   * in the temporary directory) is deleted when the test JVM exits, after the browser has quit.
   */
  static ChromeDriver start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("baton-chromium");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(profile)));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    // A form sent with Enter loads its answer after the key press returns: finding an element
    // waits for it.
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    return driver;
  }

  /**
   * Keeps a screenshot in target/screenshots, and in the folder named by {@code board.screenshots}
   * when set (docs/screenshots, to refresh the README's pictures).
   */
  static void screenshot(ChromeDriver driver, String name) throws IOException {
    Dimension window = driver.manage().window().getSize();
    long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 120));
    File shot = driver.getScreenshotAs(OutputType.FILE);
    driver.manage().window().setSize(window);
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.copy(
        shot.toPath(),
        target.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("board.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(
          shot.toPath(),
          Path.of(docs, name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A profile left behind is only a few MB of the temporary directory.
    }
  }
}
