package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kerko/internal/fixture"
)

// The browser tests drive a real headless Chromium against a real server
// with the seed index, as a reader would: type, pick, click, read.

// chromium finds a Chromium binary, or "" when this machine has none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a tab
// context bounded by timeout.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	bin := chromium()
	if bin == "" {
		// CI sets KERKO_REQUIRE_BROWSER: there a missing browser is a failure,
		// not a reason to pass without the tests.
		if os.Getenv("KERKO_REQUIRE_BROWSER") != "" {
			t.Fatal("no chromium binary on PATH and KERKO_REQUIRE_BROWSER is set")
		}
		t.Skip("no chromium binary on PATH: browser tests skipped (apt-get install chromium)")
	}
	// Not t.TempDir: Chromium's helpers may still be writing to the profile
	// when the test's cleanup runs, so it is removed after they are gone.
	profile, err := os.MkdirTemp("", "kerko-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", bin, err)
	}
	return ctx
}

// run runs browser actions, failing the test with what was being done.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitURL waits until the page's address contains s and the new page has
// loaded. It asks again while a navigation replaces the page under it.
func waitURL(s string) chromedp.Action {
	return waitFor(`location.href.includes(` + jsString(s) + `)`)
}

// waitFor waits until the JavaScript condition holds on a loaded page.
func waitFor(cond string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var last error
		for {
			var ok bool
			err := chromedp.Evaluate(`(`+cond+`) && document.readyState === "complete"`, &ok).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if err != nil {
				last = err
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w (last error: %v)", cond, ctx.Err(), last)
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// screenshotPath is where a screenshot named name is saved: under
// $KERKO_SCREENSHOTS when set, else in the test's temp dir.
func screenshotPath(t *testing.T, name string) string {
	dir := os.Getenv("KERKO_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	return filepath.Join(dir, name)
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var s string
	run(t, ctx, "read "+sel, chromedp.WaitVisible(sel), chromedp.TextContent(sel, &s))
	return strings.Join(strings.Fields(s), " ")
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	var n int
	run(t, ctx, "count "+sel, chromedp.Evaluate(`document.querySelectorAll(`+jsString(sel)+`).length`, &n))
	return n
}

func TestBrowser_SearchJourney(t *testing.T) {
	ctx := browser(t, 1280, 900)
	ts := seedServer(t)

	// Type a prefix; the dropdown offers the country under its names.
	run(t, ctx, "open the search page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "kaz"),
		chromedp.WaitVisible("#suggest li.s-country"),
	)
	if got := text(t, ctx, "#suggest li.s-country .s-text"); got != "Kazakhstan" {
		t.Fatalf("first country suggestion for kaz = %q; want Kazakhstan", got)
	}
	run(t, ctx, "pick the suggestion", chromedp.Click("#suggest li.s-country", chromedp.NodeVisible), waitURL("q=Kazakhstan"))
	if got := text(t, ctx, ".summary .count"); !strings.HasPrefix(got, "5 results") {
		t.Errorf("Kazakhstan: count reads %q; want 5 results (in every language)", got)
	}
	if got := text(t, ctx, ".also"); got != "Also matching articles about Kazakhstan in all languages" {
		t.Errorf("cross-language note = %q", got)
	}
	if n := count(t, ctx, ".hit .lang-tr"); n != 2 {
		t.Errorf("Kazakhstan finds %d Turkish articles; want 2", n)
	}
	run(t, ctx, "screenshot the results",
		chromedp.Evaluate(`document.activeElement.blur()`, nil),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			// The viewport, not the full page: what a reader first sees.
			if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
				return err
			}
			p := screenshotPath(t, "results.png")
			t.Logf("results page screenshot: %s", p)
			return os.WriteFile(p, buf, 0o644)
		}),
	)

	// Two country facets: OR within the group.
	run(t, ctx, "click Kyrgyzstan", chromedp.Click(`.facet[data-group=country] a[data-value=KG]`, chromedp.NodeVisible), waitURL("country=KG"))
	if got := text(t, ctx, ".summary .count strong"); got != "1" {
		t.Errorf("Kazakhstan in Kyrgyzstan: %s hits; want 1", got)
	}
	run(t, ctx, "click Iraq too", chromedp.Click(`.facet[data-group=country] a[data-value=IQ]`, chromedp.NodeVisible), waitURL("country=IQ"))
	if got := text(t, ctx, ".summary .count strong"); got != "2" {
		t.Errorf("Kyrgyzstan or Iraq: %s hits; want 2", got)
	}
	if n := count(t, ctx, ".facet[data-group=country] a.selected"); n != 2 {
		t.Errorf("%d countries shown selected; want 2", n)
	}

	// Sort both ways.
	run(t, ctx, "sort oldest first", chromedp.Click(`.sort a[href*="sort=oldest"]`, chromedp.NodeVisible), waitURL("sort=oldest"))
	if got := text(t, ctx, ".hit:first-child time"); got != "2025-08-22" {
		t.Errorf("oldest first starts at %q; want 2025-08-22", got)
	}
	run(t, ctx, "sort newest first", chromedp.Click(`.sort a[href*="sort=newest"]`, chromedp.NodeVisible), waitURL("sort=newest"))
	if got := text(t, ctx, ".hit:first-child time"); got != "2026-02-02" {
		t.Errorf("newest first starts at %q; want 2026-02-02", got)
	}

	// A timeline bar filters to its month and stays on the chart.
	run(t, ctx, "click the February 2026 bar", chromedp.Click(`svg a.bar[data-from="2026-02-01"]`, chromedp.NodeVisible), waitURL("from=2026-02-01"))
	if got := text(t, ctx, ".summary .count strong"); got != "1" {
		t.Errorf("February 2026: %s hits; want 1", got)
	}
	if n := count(t, ctx, "svg a.bar.sel"); n != 1 {
		t.Errorf("%d bars selected; want 1", n)
	}
	if n := count(t, ctx, "svg a.bar.dim"); n != 1 {
		t.Errorf("%d bars dimmed; want the other month, 1", n)
	}
	if n := count(t, ctx, ".facet[data-group=country] a.selected"); n != 2 {
		t.Errorf("the date kept %d countries selected; want 2", n)
	}

	// Open the article, then one related to it.
	var title string
	run(t, ctx, "open the hit",
		chromedp.Text(".hit h3 a", &title, chromedp.NodeVisible),
		chromedp.Click(".hit h3 a", chromedp.NodeVisible),
		waitURL("/articles/"+fixture.SeedSqTurqiKZ),
	)
	if got := text(t, ctx, "article h1"); !strings.HasPrefix(got, "Ministri i Jashtëm i Turqisë") {
		t.Errorf("article title = %q", got)
	}
	if n := count(t, ctx, ".related .rel"); n != 4 {
		t.Errorf("%d related articles; want 4", n)
	}
	run(t, ctx, "screenshot the article", chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.FullScreenshot(&buf, 100).Do(ctx); err != nil {
			return err
		}
		return os.WriteFile(screenshotPath(t, "article.png"), buf, 0o644)
	}))
	why := text(t, ctx, ".related .rel:first-child .why")
	if !strings.Contains(why, "Kazakhstan") || !strings.Contains(why, "words:") {
		t.Errorf("why related = %q; want shared countries and words", why)
	}
	var relTitle string
	run(t, ctx, "open the related article",
		chromedp.Text(".related .rel:first-child > a", &relTitle, chromedp.NodeVisible),
		chromedp.Click(".related .rel:first-child > a", chromedp.NodeVisible),
		waitFor(`!location.href.includes("`+fixture.SeedSqTurqiKZ+`")`),
	)
	if got := text(t, ctx, "article h1"); got != strings.Join(strings.Fields(relTitle), " ") {
		t.Errorf("related article page title = %q; want %q", got, relTitle)
	}
	if n := count(t, ctx, ".related .rel"); n == 0 {
		t.Errorf("the related article has no related articles")
	}
}

// A phone-width screen gets one column, the search box on its own line,
// and "/" still focuses the box.
func TestBrowser_PhoneAndKeyboard(t *testing.T) {
	ctx := browser(t, 390, 844)
	ts := seedServer(t)
	var boxW, pageW float64
	var focused bool
	run(t, ctx, "open on a phone",
		// Headless windows are never narrower than 500px: emulate the phone.
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(ts.URL+"/?q=Kazakistan&ui=tr"),
		chromedp.WaitVisible(".timeline"),
		chromedp.Evaluate(`document.activeElement.blur()`, nil),
		chromedp.Evaluate(`document.getElementById("q").getBoundingClientRect().width`, &boxW),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &pageW),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var buf []byte
			if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
				return err
			}
			p := screenshotPath(t, "phone.png")
			t.Logf("phone screenshot: %s", p)
			return os.WriteFile(p, buf, 0o644)
		}),
		chromedp.KeyEvent("/"),
		chromedp.Evaluate(`document.activeElement && document.activeElement.id === "q"`, &focused),
	)
	if !focused {
		t.Errorf(`"/" did not focus the search box`)
	}

	// The keyboard picks a suggestion too.
	run(t, ctx, "pick a suggestion with the keyboard",
		chromedp.Evaluate(`document.getElementById("q").value = ""`, nil),
		chromedp.SendKeys("#q", "kirg"),
		chromedp.WaitVisible("#suggest li.s-country"),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.Enter),
		waitURL("q=K%C4%B1rg%C4%B1zistan"),
	)
	if got := text(t, ctx, ".also"); got != "Tüm dillerde Kırgızistan hakkındaki haberler de eşleşiyor" {
		t.Errorf("after picking Kırgızistan: note = %q", got)
	}
	if pageW > 390 {
		t.Errorf("page is %.0fpx wide on a 390px screen: it scrolls sideways", pageW)
	}
	if boxW < 200 {
		t.Errorf("search box is %.0fpx wide on a phone; want most of the width", boxW)
	}
	if got := text(t, ctx, ".timeline h2"); !strings.HasPrefix(got, "Zaman çizelgesi") {
		t.Errorf("timeline heading in Turkish = %q", got)
	}
}
