package dev.baton.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The scoreboard in a real browser, as a sales director uses it: sign in, choose the period and a
 * source, read the funnel, the trend and the SLA off the screen and find the API's figures, switch
 * to months, open a waiting lead, sign out. Then the same with the keyboard alone, on a phone.
 */
@QuarkusTest
@ExtendWith(Chromium.class)
class ScoreboardBrowserTest {

  @TestHTTPResource("/board")
  URL board;

  @Test
  void aDirectorReadsTheApisFiguresOffTheScreen() throws Exception {
    BoardData.Played played = BoardData.play();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(27);
    ChromeDriver browser = Chromium.start(1280, 1000);
    try {
      browser.get(board.toString());
      assertTrue(browser.getCurrentUrl().endsWith("/board/sign-in"), browser.getCurrentUrl());
      Chromium.screenshot(browser, "sign-in");
      browser.findElement(By.id("key")).sendKeys(Api.key(As.SALES_MANAGER));
      load(browser, By.id("sign-in"));
      assertTrue(browser.findElement(By.className("who")).getText().contains("Sales manager"));

      date(browser, "from", first);
      date(browser, "through", today);
      new Select(browser.findElement(By.id("only"))).selectByValue("source");
      browser.findElement(By.id("value")).sendKeys(played.source());
      load(browser, By.id("apply"));

      String query = "?from=" + first + "&to=" + today.plusDays(1) + "&source=" + played.source();
      JsonPath funnel = api("/api/v1/funnel" + query + "&groupBy=week");
      JsonPath sla = api("/api/v1/sla" + query);
      Map<String, String> shown = shown(browser, "[data-figure]:not(tr[data-group] *)");
      assertEquals("9", shown.get("funnel.totals.handedOff"));
      for (Map.Entry<String, String> figure : shown.entrySet()) {
        String name = figure.getKey();
        boolean ofFunnel = name.startsWith("funnel.");
        PageFigures.assertSame(
            name,
            figure.getValue(),
            ofFunnel ? funnel : sla,
            name.substring(name.indexOf('.') + 1));
      }
      List<WebElement> weeks = browser.findElements(By.cssSelector("#trend-table tr[data-group]"));
      assertEquals(
          funnel.getList("groups.key"),
          weeks.stream().map(w -> w.getAttribute("data-group")).toList());
      for (int i = 0; i < weeks.size(); i++) {
        for (WebElement cell : weeks.get(i).findElements(By.cssSelector("[data-figure]"))) {
          String name = cell.getAttribute("data-figure");
          PageFigures.assertSame(name, cell.getText(), funnel, "groups[" + i + "]." + name);
        }
      }
      assertEquals(
          funnel.getList("groups").size() * 4,
          browser.findElements(By.cssSelector("#trend svg.chart use")).size(),
          "a marker per week and series");
      Chromium.screenshot(browser, "scoreboard");

      new Select(browser.findElement(By.id("by"))).selectByValue("month");
      load(browser, By.id("apply"));
      JsonPath months = api("/api/v1/funnel" + query + "&groupBy=month");
      assertEquals(
          months.getList("groups.key"),
          browser.findElements(By.cssSelector("#trend-table tr[data-group]")).stream()
              .map(w -> w.getAttribute("data-group"))
              .toList());
      assertTrue(browser.findElement(By.id("trend-title")).getText().contains("month"));

      load(browser, By.cssSelector("#waiting-leads a[href$='" + played.waiting() + "']"));
      assertEquals(
          "QUALIFIED",
          browser.findElement(By.cssSelector("[data-figure='lead.status']")).getText());
      assertTrue(browser.findElement(By.id("history")).getText().contains("lead.qualified"));
      browser.get(board.toString() + "/leads/" + played.converted());
      assertEquals(
          "CONVERTED",
          browser.findElement(By.cssSelector("[data-figure='lead.status']")).getText());
      Chromium.screenshot(browser, "lead");

      load(browser, By.id("sign-out"));
      assertTrue(browser.getCurrentUrl().contains("/board/sign-in"));
      browser.get(board.toString());
      assertTrue(browser.getCurrentUrl().endsWith("/board/sign-in"), "signed out for good");
    } finally {
      browser.quit();
    }
  }

  @Test
  void onAPhoneWithTheKeyboardAlone() throws Exception {
    ChromeDriver browser = Chromium.start(390, 844);
    try {
      browser.get(board.toString() + "/sign-in");
      browser.findElement(By.id("key")).sendKeys("bk_revoked-or-wrong", Keys.ENTER);
      assertTrue(
          browser
              .findElement(By.id("sign-in-error"))
              .getText()
              .contains("unknown or has been revoked"));
      Chromium.screenshot(browser, "wrong-key");
      WebElement key = browser.findElement(By.id("key"));
      key.clear();
      key.sendKeys(Api.key(As.MARKETING), Keys.ENTER);
      browser.findElement(By.id("apply"));
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      assertEquals("Skip to the figures", browser.switchTo().activeElement().getText());
      Long overflow =
          (Long)
              browser.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px");
      Chromium.screenshot(browser, "phone");
    } finally {
      browser.quit();
    }
  }

  /** Clicks what loads another page, and waits until the browser has left this one. */
  private static void load(ChromeDriver browser, By what) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(what).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> left(page));
  }

  /**
   * Whether the browser left the page of {@code html}: Chrome answers for a node of a page it left
   * that it is stale, or, caught mid-navigation, that it no longer belongs to the document.
   */
  private static boolean left(WebElement html) {
    try {
      html.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private static void date(ChromeDriver browser, String id, LocalDate day) {
    browser.executeScript(
        "document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
  }

  private static JsonPath api(String path) {
    return Api.as(As.SALES_MANAGER).get(path).then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, String> shown(ChromeDriver browser, String css) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (WebElement e : browser.findElements(By.cssSelector(css))) {
      shown.put(e.getAttribute("data-figure"), e.getText().strip());
    }
    return shown;
  }
}
