package web

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Browser tests of navigation, the phone layout and accessibility.

// TestBrowser_EscapeKeepsTheQuery: Escape closes the suggestions; what was
// typed stays (a search box's own Escape would wipe it).
func TestBrowser_EscapeKeepsTheQuery(t *testing.T) {
	ctx := browser(t, 1280, 900)
	ts := seedServer(t)
	var value string
	var hidden bool
	run(t, ctx, "type and press Escape",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "kaz"),
		chromedp.WaitVisible("#suggest li"),
		chromedp.KeyEvent(kb.Escape),
		chromedp.Evaluate(`document.getElementById("suggest").hidden`, &hidden),
		chromedp.Value("#q", &value),
	)
	if !hidden || value != "kaz" {
		t.Errorf("after Escape: suggestions hidden %v, box %q; want hidden and kaz", hidden, value)
	}
	// Escape again, with nothing open, still keeps the text.
	run(t, ctx, "Escape again", chromedp.KeyEvent(kb.Escape), chromedp.Value("#q", &value))
	if value != "kaz" {
		t.Errorf("second Escape left %q in the box; want kaz", value)
	}
}

// TestBrowser_BackLinkRestoresTheSearch: filter, sort, open an article;
// its search box holds the query, and its back link returns to the same
// search with the same filters.
func TestBrowser_BackLinkRestoresTheSearch(t *testing.T) {
	ctx := browser(t, 1280, 900)
	ts := seedServer(t)
	run(t, ctx, "search, filter and sort",
		chromedp.Navigate(ts.URL+"/?q=Kazakistan"),
		chromedp.WaitVisible(".hit"),
		chromedp.Click(`.facet[data-group=lang] a[data-value=tr]`, chromedp.NodeVisible), waitURL("lang=tr"),
		chromedp.Click(`.sort a[href*="sort=oldest"]`, chromedp.NodeVisible), waitURL("sort=oldest"),
	)
	var searchURL string
	run(t, ctx, "open the first hit",
		chromedp.Location(&searchURL),
		chromedp.Click(".hit h3 a", chromedp.NodeVisible),
		waitURL("/articles/"),
	)
	var box string
	run(t, ctx, "read the search box", chromedp.Value("#q", &box))
	if box != "Kazakistan" {
		t.Errorf("article page search box = %q; want Kazakistan", box)
	}
	var back string
	run(t, ctx, "go back",
		chromedp.Click("a.back", chromedp.NodeVisible),
		waitFor(`location.pathname === "/"`),
		chromedp.Location(&back),
	)
	got, _ := url.Parse(back)
	want, _ := url.Parse(searchURL)
	if got.Query().Encode() != want.Query().Encode() {
		t.Errorf("back link led to %s; want %s", back, searchURL)
	}
	if n := count(t, ctx, `.facet[data-group=lang] a.selected[data-value=tr]`); n != 1 {
		t.Errorf("back on the search, Turkish is not selected")
	}
	if got := text(t, ctx, ".sort a.active"); got != "Oldest" {
		t.Errorf("back on the search, sort is %q; want Oldest", got)
	}
}

// TestBrowser_PhoneFilters: on a phone the facets wait behind a Filters
// button at the top, which opens them above the results; the timeline's
// labels are readable.
func TestBrowser_PhoneFilters(t *testing.T) {
	ctx := browser(t, 390, 844)
	ts := seedServer(t)
	var btnVisible, facetsVisible bool
	var btnTop, firstHitTop float64
	run(t, ctx, "open on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(ts.URL+"/?q=Kazakistan"),
		chromedp.WaitVisible(".hit"),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".filters-btn")).display !== "none"`, &btnVisible),
		chromedp.Evaluate(`document.querySelector(".facets").offsetParent !== null`, &facetsVisible),
		chromedp.Evaluate(`document.querySelector(".filters-btn").getBoundingClientRect().top`, &btnTop),
		chromedp.Evaluate(`document.querySelector(".hit").getBoundingClientRect().top`, &firstHitTop),
	)
	if !btnVisible || facetsVisible {
		t.Fatalf("phone: Filters button shown %v, facets shown %v; want the button and no facets", btnVisible, facetsVisible)
	}
	if btnTop > firstHitTop || btnTop > 300 {
		t.Errorf("Filters button at %.0fpx, first hit at %.0fpx; want the button at the top", btnTop, firstHitTop)
	}
	var facetsTop float64
	run(t, ctx, "open the filters",
		chromedp.Click(".filters-btn", chromedp.NodeVisible),
		chromedp.WaitVisible(".facets"),
		chromedp.Evaluate(`document.querySelector(".facets").getBoundingClientRect().top`, &facetsTop),
		chromedp.Evaluate(`document.querySelector(".hit").getBoundingClientRect().top`, &firstHitTop),
	)
	if facetsTop > firstHitTop {
		t.Errorf("opened facets at %.0fpx are below the first hit at %.0fpx", facetsTop, firstHitTop)
	}
	run(t, ctx, "screenshot with the filters open", chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
			return err
		}
		return os.WriteFile(screenshotPath(t, "phone-filters.png"), buf, 0o644)
	}))
	run(t, ctx, "pick a language", chromedp.Click(`.facet[data-group=lang] a[data-value=tr]`, chromedp.NodeVisible), waitURL("lang=tr"))
	if got := text(t, ctx, ".filters-btn"); !strings.Contains(got, "(1)") {
		t.Errorf("Filters button reads %q; want the number of filters in use", got)
	}

	// Timeline labels: at least 12px high as drawn.
	var minH float64
	run(t, ctx, "measure the timeline labels",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(".tl-chart"),
		chromedp.Evaluate(`Math.min(...[...document.querySelectorAll(".tl-label")].filter(e => getComputedStyle(e).display !== "none").map(e => e.getBoundingClientRect().height))`, &minH),
	)
	if minH < 12 {
		t.Errorf("timeline labels %.1fpx high on a phone; want at least 12", minH)
	}
}

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe-core's axe.min.js: from $KERKO_AXE, or installed
// with npm into a temp dir once per test run. With neither the tests are
// skipped, unless KERKO_REQUIRE_BROWSER says they must run (CI).
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		p := os.Getenv("KERKO_AXE")
		if p == "" {
			npm, err := exec.LookPath("npm")
			if err != nil {
				axeErr = fmt.Errorf("KERKO_AXE is not set and npm is not on PATH")
				return
			}
			dir, err := os.MkdirTemp("", "kerko-axe-")
			if err != nil {
				axeErr = err
				return
			}
			defer os.RemoveAll(dir) // the script is read into memory below
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			out, err := exec.CommandContext(ctx, npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir, "axe-core").CombinedOutput()
			if err != nil {
				axeErr = fmt.Errorf("npm install axe-core: %v: %s", err, out)
				return
			}
			p = filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		}
		b, err := os.ReadFile(p)
		if err != nil {
			axeErr = fmt.Errorf("read axe-core: %w", err)
			return
		}
		axeJS = string(b)
	})
	if axeErr != nil {
		if os.Getenv("KERKO_REQUIRE_BROWSER") != "" {
			t.Fatalf("axe-core unavailable and KERKO_REQUIRE_BROWSER is set: %v", axeErr)
		}
		t.Skipf("axe-core unavailable: %v (set KERKO_AXE to axe.min.js of npm's axe-core)", axeErr)
	}
	return axeJS
}

// axeTags are the rule sets of WCAG 2.2 level AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// axeCheck runs axe-core on the loaded page and returns its WCAG A/AA
// violations.
func axeCheck(t *testing.T, ctx context.Context, src string) []axeViolation {
	t.Helper()
	tags, _ := json.Marshal(axeTags)
	var raw string
	run(t, ctx, "run axe-core",
		chromedp.Evaluate(src, nil),
		chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})
			.then(r => JSON.stringify(r.violations.map(v => ({ID: v.id, Impact: v.impact, Help: v.help,
				Nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " "))}))))`,
			&raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe result: %v: %.300s", err, raw)
	}
	return vs
}

// TestBrowser_Accessibility runs axe-core's WCAG 2.2 A and AA rules on
// every page type in every interface language, and on a phone with the
// filters open: no violations.
func TestBrowser_Accessibility(t *testing.T) {
	src := axeSource(t)
	ctx := browser(t, 1280, 900)
	ts := seedServer(t)
	pages := []struct{ name, path string }{
		{"start", "/"},
		{"results", "/?q=Kazakistan"},
		{"results filtered", "/?q=Kazakistan&country=KG&from=2025-01-01&to=2025-12-31"},
		{"empty", "/?q=Kazakhstan&lang=tr&from=2022-05-01&to=2022-05-31"},
		{"did you mean", "/?q=Kazakistn"},
		{"article", "/articles/" + seedSq + "?q=Kazakistan"},
		{"article undated", "/articles/" + seedEnUndated},
		{"error 400", "/?q=Kazakhstan&from=2026-02-02&to=2025-01-01"},
		{"error 404", "/articles/nope"},
		{"trends", "/trends?q=Kazakistan&q=Kyrgyzstan"},
		{"trends form", "/trends"},
		{"syntax help", "/help"},
	}
	for _, ui := range uiLangs {
		for _, p := range pages {
			sep := "?"
			if strings.Contains(p.path, "?") {
				sep = "&"
			}
			run(t, ctx, "open "+p.name, chromedp.Navigate(ts.URL+p.path+sep+"ui="+ui), chromedp.WaitVisible("#main", chromedp.ByQuery))
			for _, v := range axeCheck(t, ctx, src) {
				t.Errorf("%s (ui=%s): %s [%s] %s: %s", p.name, ui, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
			}
		}
	}
	// A phone with the facets open.
	run(t, ctx, "phone with the filters open",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(ts.URL+"/?q=Kazakistan&ui=tr"),
		chromedp.Click(".filters-btn", chromedp.NodeVisible),
		chromedp.WaitVisible(".facets"),
	)
	for _, v := range axeCheck(t, ctx, src) {
		t.Errorf("phone: %s [%s] %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
	}
}

// TestBrowser_ControlsAreVisible: the search box shows a solid focus ring,
// and the borders of the search box, the date inputs and the facet
// checkboxes stand out at 3:1 or more from what is behind them (WCAG
// 1.4.11), which axe-core does not measure.
func TestBrowser_ControlsAreVisible(t *testing.T) {
	ctx := browser(t, 1280, 900)
	ts := seedServer(t)
	var ring struct {
		Style, Width, Color string
	}
	var borders []struct{ Sel, Border, Back string }
	run(t, ctx, "measure the controls",
		chromedp.Navigate(ts.URL+"/?q=Kazakistan"),
		chromedp.WaitVisible("#q"),
		chromedp.Evaluate(`document.activeElement.blur()`, nil),
		chromedp.Evaluate(`(() => {
			// The first ancestor with a background colour is what a border shows against.
			const back = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (c !== "rgba(0, 0, 0, 0)") return c; } return "rgb(255, 255, 255)"; };
			return ["#q", ".daterange input", ".facet .check"].map(sel => { const e = document.querySelector(sel);
				return {Sel: sel, Border: getComputedStyle(e).borderTopColor, Back: back(e.parentElement)}; });
		})()`, &borders),
		// A headless window never has the focus: without this, :focus
		// would never match.
		emulation.SetFocusEmulationEnabled(true),
		chromedp.Focus("#q"),
		chromedp.Evaluate(`(() => { const s = getComputedStyle(document.getElementById("q")); return {Style: s.outlineStyle, Width: s.outlineWidth, Color: s.outlineColor}; })()`, &ring),
	)
	if ring.Style == "none" || parsePx(ring.Width) < 2 {
		t.Errorf("search box focus ring: %+v; want a solid ring of 2px or more", ring)
	}
	if c := contrast(ring.Color, "rgb(255, 255, 255)"); c < 3 {
		t.Errorf("focus ring colour %s: contrast %.2f against white; want 3 or more", ring.Color, c)
	}
	for _, b := range borders {
		if c := contrast(b.Border, b.Back); c < 3 {
			t.Errorf("%s: border %s on %s, contrast %.2f; want 3 or more", b.Sel, b.Border, b.Back, c)
		}
	}
}

func parsePx(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64)
	return f
}

// contrast is the WCAG contrast ratio of two CSS rgb() colours.
func contrast(a, b string) float64 {
	lum := func(s string) float64 {
		var r, g, bl float64
		fmt.Sscanf(strings.TrimPrefix(strings.TrimPrefix(s, "rgba("), "rgb("), "%f, %f, %f", &r, &g, &bl)
		ch := func(c float64) float64 {
			c /= 255
			if c <= 0.03928 {
				return c / 12.92
			}
			return math.Pow((c+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
