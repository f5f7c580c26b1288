package dev.podsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.search.LuceneSearchService;
import dev.podsearch.search.SearchService;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser, end to end: headless Chromium against the real app over a real Lucene index of
 * the fixture episodes. Screenshots land in {@code target/screenshots/}.
 */
class SearchPageBrowserTest {
  @TempDir static Path indexDir;
  static SearchService service;
  static Javalin app;
  static ChromeDriver driver;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    driver = Chromium.start(); // first: skips (or fails under CI) before any work when there is no browser
    PageFixtures.writeIndex(indexDir);
    service = LuceneSearchService.open(indexDir);
    app = WebApp.create(service, WebOptions.defaults()).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void desktopWindow() {
    Chromium.desktop(driver);
  }

  @AfterEach
  void noPolicyViolations() {
    List<String> violations =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
            .toList();
    assertThat(violations).as("CSP violations and uncaught errors in the console").isEmpty();
  }

  @Test
  void typingAQueryShowsHighlightedResultsAndPutsTheQueryInTheUrl() {
    open("/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("jamming");

    waitFor(d -> d.getCurrentUrl().contains("q=jamming") && firstTitle().equals(PageFixtures.JAMMING_TITLE));
    WebElement first = driver.findElements(By.cssSelector("#results .hit")).get(0);
    assertThat(first.findElements(By.tagName("mark"))).extracting(WebElement::getText).anyMatch(t -> t.equalsIgnoreCase("jamming"));
    assertThat(first.findElement(By.cssSelector(".hit-meta")).getText()).contains("Chain Talk").contains("12 Mar 2024");
    assertThat(first.findElements(By.cssSelector(".tag-pill"))).extracting(WebElement::getText).contains("lightning", "privacy");
    assertThat(first.getText()).contains("Ada Host").contains("Clara Guest");
    assertThat(text("#results-heading")).isEqualTo("Results for \u201cjamming\u201d");
    driver.executeScript("document.activeElement.blur()"); // closes the typeahead list, which would hide the heading
    waitFor(d -> !d.findElement(By.id("suggestions")).isDisplayed());
    Chromium.screenshot(driver, "results");
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    Chromium.screenshot(driver, "results-dark");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
  }

  @Test
  void enterSearchesSlashFocusesTheBoxAndArrowsWalkTheResults() {
    open("/?q=taproot");
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "lightning", Keys.ENTER);
    waitFor(d -> d.getCurrentUrl().contains("q=lightning") && hitCount() >= 2);

    List<WebElement> titles = driver.findElements(By.cssSelector("#results .hit-link"));
    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(driver.switchTo().activeElement()).isEqualTo(titles.get(0));
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertThat(driver.switchTo().activeElement()).isEqualTo(titles.get(1));
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
  }

  @Test
  void tickingATagNarrowsTheListAndBackRestoresIt() {
    open("/");
    String allTotal = total();
    int allHits = hitCount();
    String chainTalkBefore = facetCount("podcast", "Chain Talk");
    assertThat(allTotal).isEqualTo("14");

    driver.findElement(By.cssSelector("label[for='" + checkboxId("tag", "lightning") + "']")).click();

    waitFor(d -> d.getCurrentUrl().contains("tag=lightning") && text("#status").startsWith("4 episodes"));
    assertThat(hitCount()).isEqualTo(4);
    for (WebElement hit : driver.findElements(By.cssSelector("#results .hit"))) {
      assertThat(hit.findElements(By.cssSelector(".tag-pill"))).extracting(WebElement::getText).contains("lightning");
    }
    assertThat(checkbox("tag", "lightning").isSelected()).isTrue();
    assertThat(chainTalkBefore).startsWith("5");
    assertThat(facetCount("podcast", "Chain Talk")).startsWith("3");
    assertThat(driver.findElements(By.cssSelector("#chips .chip"))).extracting(WebElement::getText)
        .singleElement().asString().contains("lightning");
    Chromium.screenshot(driver, "results-tag-filter");

    driver.navigate().back();

    waitFor(d -> !d.getCurrentUrl().contains("tag=") && total().equals(allTotal));
    assertThat(hitCount()).isEqualTo(allHits);
    assertThat(checkbox("tag", "lightning").isSelected()).isFalse();
    assertThat(driver.findElement(By.id("chips")).isDisplayed()).isFalse();

    driver.navigate().forward();
    waitFor(d -> d.getCurrentUrl().contains("tag=lightning") && text("#status").startsWith("4 episodes"));
  }

  @Test
  void sortingAndPagingAreInTheUrl() {
    open("/?q=lightning");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort"))).selectByValue("date");
    waitFor(d -> d.getCurrentUrl().contains("sort=date"));

    open("/");
    assertThat(driver.findElement(By.id("pagination")).isDisplayed()).isTrue();
    String firstPageTitle = firstTitle();
    Chromium.screenshot(driver, "results-latest");
    driver.findElement(By.cssSelector("#pagination a[rel='next']")).click();
    waitFor(d -> d.getCurrentUrl().contains("page=2") && !firstTitle().equals(firstPageTitle));
    assertThat(hitCount()).isEqualTo(4);
    assertThat(text("#status")).contains("page 2 of 2");
  }

  @Test
  void openingAnEpisodeShowsItsDetailsAndTimedLinks() {
    open("/?q=jamming");
    driver.findElement(By.linkText(PageFixtures.JAMMING_TITLE)).click();

    waitFor(d -> d.getCurrentUrl().contains("episode=" + PageFixtures.JAMMING_ID) && textOrEmpty("#episode-title").equals(PageFixtures.JAMMING_TITLE));
    assertThat(text(".eyebrow")).containsIgnoringCase("Chain Talk").containsIgnoringCase("Season 2, Episode 14");
    assertThat(text(".section-people")).contains("Ada Host").containsIgnoringCase("host").contains("Clara Guest").containsIgnoringCase("guest");
    assertThat(driver.findElements(By.cssSelector(".section-tags a"))).extracting(WebElement::getText).containsExactly("lightning", "privacy");
    assertThat(text(".section-about")).contains("reputation");
    assertThat(driver.findElement(By.cssSelector(".episode-actions a.button-primary")).getAttribute("href")).isEqualTo(PageFixtures.JAMMING_AUDIO);
    assertThat(driver.findElements(By.cssSelector(".section-chapters .chapter"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector(".section-chapters a.timestamp"))).extracting(a -> a.getAttribute("href"))
        .contains(PageFixtures.JAMMING_AUDIO + "#t=60");
    assertThat(driver.findElements(By.cssSelector(".section-transcript a.timestamp"))).extracting(a -> a.getAttribute("href"))
        .contains(PageFixtures.JAMMING_AUDIO + "#t=37");
    assertThat(driver.findElements(By.cssSelector(".section-moments .moment, .section-moments .cue"))).isNotEmpty();
    Chromium.screenshot(driver, "episode");

    driver.findElement(By.cssSelector(".section-tags a")).click();
    waitFor(d -> d.getCurrentUrl().contains("tag=lightning") && !d.getCurrentUrl().contains("episode=") && total().equals("4"));

    WebElement oldTitle = driver.findElement(By.id("episode-title"));
    driver.navigate().back();
    waitFor(ExpectedConditions.stalenessOf(oldTitle)); // drawn anew, not the hidden view from before
    waitFor(d -> textOrEmpty("#episode-title").equals(PageFixtures.JAMMING_TITLE));
    driver.findElement(By.cssSelector(".back-link")).click();
    waitFor(d -> d.getCurrentUrl().contains("q=jamming") && !d.getCurrentUrl().contains("episode=") && firstTitle().equals(PageFixtures.JAMMING_TITLE));
  }

  @Test
  void aHostileEpisodeShowsItsMarkupAsTextAndRunsNothing() {
    open("/?q=hostile");
    waitFor(d -> firstTitle().equals(PageFixtures.HOSTILE_TITLE));
    assertThat(text("#results")).contains("<b>Evil</b> Radio").contains("hostile");
    assertNothingRan();

    driver.findElement(By.cssSelector("#results .hit-link")).click();
    waitFor(d -> textOrEmpty("#episode-title").equals(PageFixtures.HOSTILE_TITLE));
    assertThat(text(".section-about")).contains(PageFixtures.HOSTILE_IMG);
    assertThat(text(".section-notes")).contains("<script>window.__pwned=1</script>");
    assertThat(text(".section-transcript")).contains("<b>Eve</b>").contains(PageFixtures.HOSTILE_IMG);
    assertThat(text(".section-people")).contains("<i>Mallory</i>");
    assertThat(driver.findElements(By.cssSelector("#episode-view img, #episode-view script, #episode-view b, #episode-view i"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("a[href^='javascript:' i]"))).isEmpty();
    assertNothingRan();
    Chromium.screenshot(driver, "episode-hostile");
  }

  @Test
  void theTagsPageListsEveryTagAndOpensItsEpisodes() {
    open("/?view=tags");
    waitFor(d -> !d.findElements(By.cssSelector("#tag-list .tag-tile")).isEmpty());
    WebElement lightning = driver.findElements(By.cssSelector("#tag-list .tag-tile")).stream()
        .filter(t -> t.findElement(By.className("tag-name")).getText().equals("lightning")).findFirst().orElseThrow();
    assertThat(lightning.findElement(By.className("tag-count")).getAttribute("textContent")).isEqualTo(", 4 episodes");
    Chromium.screenshot(driver, "tags");

    lightning.click();
    waitFor(d -> d.getCurrentUrl().contains("tag=lightning") && text("#status").startsWith("4 episodes"));

    open("/#/tags"); // the other spelling of the tags page
    waitFor(d -> d.findElement(By.id("tags-view")).isDisplayed() && !d.findElements(By.cssSelector("#tag-list .tag-tile")).isEmpty());
  }

  @Test
  void typeaheadSuggestionsArePickedWithTheKeyboard() {
    open("/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("watchto");
    waitFor(d -> d.findElement(By.id("suggestions")).isDisplayed());
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElements(By.cssSelector("#suggestions [role=option]"))).extracting(WebElement::getText)
        .anyMatch(t -> t.contains("Watchtowers keep Lightning channels safe"));

    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("suggestion-0");
    box.sendKeys(Keys.ENTER);

    waitFor(d -> firstTitle().equals("Watchtowers keep Lightning channels safe"));
    assertThat(driver.findElement(By.id("suggestions")).isDisplayed()).isFalse();
  }

  @Test
  void aMisspelledQueryOffersTheCorrection() {
    open("/?q=jaming");
    waitFor(d -> d.findElement(By.id("did-you-mean")).isDisplayed());
    driver.findElement(By.cssSelector("#did-you-mean a")).click();
    waitFor(d -> d.getCurrentUrl().contains("q=jamming") && firstTitle().equals(PageFixtures.JAMMING_TITLE));
  }

  @Test
  void everyControlHasANameAndTheLandmarksAreThere() {
    open("/?q=jamming");
    Object unnamed = driver.executeScript(
        "return [...document.querySelectorAll('a, button, input, select')]"
            + ".filter(e => e.offsetParent !== null)"
            + ".filter(e => !(e.getAttribute('aria-label') || (e.labels && e.labels.length) || e.textContent.trim()))"
            + ".map(e => e.outerHTML)");
    assertThat((List<?>) unnamed).isEmpty();
    assertThat(driver.findElements(By.cssSelector("header.masthead, main, footer, [role=search], nav"))).hasSizeGreaterThanOrEqualTo(5);
    assertThat(driver.findElement(By.cssSelector("label[for=q]")).getAttribute("textContent")).isEqualTo("Search episodes");
  }

  @Test
  void snippetsKeepOnlyMarkElementsAndLinksOnlyHttp() {
    open("/");
    Object checks = driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import('/dom.js').then(m => {"
            + "  const box = document.createElement('p');"
            + "  box.append(m.markedText('a &lt;b&gt; <mark>jam</mark> <img src=x onerror=\\\"window.__pwned=5\\\"><script>window.__pwned=6</script> &amp;&#39;'));"
            + "  done({"
            + "    tags: [...box.querySelectorAll('*')].map(e => e.tagName).join(','),"
            + "    text: box.textContent,"
            + "    js: m.safeHref(' JaVaScRiPt:window.__pwned=7'), data: m.safeHref('data:text/html,x'),"
            + "    relative: m.safeHref('/api/x'), https: m.safeHref('https://example.org/a b'),"
            + "    audio: m.audioAt('https://example.org/a.mp3#t=5', 61.9)"
            + "  });"
            + "}, e => done({error: String(e)}));");
    assertThat(checks).isInstanceOf(Map.class);
    Map<?, ?> result = (Map<?, ?>) checks;
    assertThat(result.get("error")).isNull();
    assertThat(result.get("tags")).isEqualTo("MARK");
    assertThat(result.get("text")).isEqualTo("a <b> jam <img src=x onerror=\"window.__pwned=5\"><script>window.__pwned=6</script> &'");
    assertThat(result.get("js")).isNull();
    assertThat(result.get("data")).isNull();
    assertThat(result.get("relative")).isNull();
    assertThat(result.get("https")).isEqualTo("https://example.org/a%20b");
    assertThat(result.get("audio")).isEqualTo("https://example.org/a.mp3#t=61");
    assertNothingRan();
  }

  @Test
  void errorsAppearInlineInsteadOfABlankPage() {
    open("/?episode=no-such-episode");
    waitFor(d -> d.findElement(By.id("error")).isDisplayed());
    assertThat(text("#error")).contains("Episode not found").contains("no-such-episode");
    assertThat(driver.findElement(By.cssSelector("#error button")).getText()).isEqualTo("Try again");
    assertThat(driver.findElement(By.id("q")).isDisplayed()).isTrue();
  }

  @Test
  void aPhoneSizedWindowShowsEverythingWithoutSidewaysScrolling() {
    Chromium.phone(driver);
    open("/?q=jamming");
    waitFor(d -> firstTitle().equals(PageFixtures.JAMMING_TITLE));
    assertThat(pageWidth()).isLessThanOrEqualTo(390);
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
    driver.findElement(By.cssSelector(".filter-toggle")).click();
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isTrue();
    Chromium.screenshot(driver, "phone-results");

    open("/?episode=" + PageFixtures.JAMMING_ID + "&q=jamming");
    waitFor(d -> textOrEmpty("#episode-title").equals(PageFixtures.JAMMING_TITLE));
    assertThat(pageWidth()).isLessThanOrEqualTo(390);
    Chromium.screenshot(driver, "phone-episode");

    driver.manage().window().setSize(new Dimension(360, 740)); // the narrowest phones still in use
    assertThat(pageWidth()).isLessThanOrEqualTo(360);
    open("/?q=jamming&tag=lightning");
    waitFor(d -> firstTitle().equals(PageFixtures.JAMMING_TITLE));
    assertThat(pageWidth()).isLessThanOrEqualTo(360);
  }

  // --- helpers ---

  private void open(String path) {
    driver.get(base + path);
    waitFor(d -> !"loading".equals(d.findElement(By.tagName("body")).getAttribute("data-render"))
        && d.findElement(By.tagName("body")).getAttribute("data-render") != null);
  }

  private static <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(5))
        .ignoring(RuntimeException.class)
        .withMessage(() -> "page at " + driver.getCurrentUrl() + " shows: " + textOrEmpty("main"))
        .until(condition::apply);
  }

  private static String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  private static String textOrEmpty(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private static String firstTitle() {
    return textOrEmpty("#results .hit-title");
  }

  /** The number of matching episodes the status line reports ("14 episodes · page 1 of 2 · 3 ms"). */
  private static String total() {
    return textOrEmpty("#status").split(" ")[0];
  }

  private static int hitCount() {
    return driver.findElements(By.cssSelector("#results .hit")).size();
  }

  private static String checkboxId(String dimension, String value) {
    return checkbox(dimension, value).getAttribute("id");
  }

  private static WebElement checkbox(String dimension, String value) {
    return driver.findElement(By.cssSelector("input[data-facet-key='" + dimension + ":" + value + "']"));
  }

  private static String facetCount(String dimension, String value) {
    return checkbox(dimension, value).findElement(By.xpath("..")).findElement(By.className("facet-count")).getAttribute("textContent").replace(", ", "");
  }

  private static long pageWidth() {
    return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
  }

  private static void assertNothingRan() {
    Object pwned = ((JavascriptExecutor) driver).executeScript("return typeof window.__pwned");
    assertThat(pwned).as("a script from an episode ran").isEqualTo("undefined");
  }

}
