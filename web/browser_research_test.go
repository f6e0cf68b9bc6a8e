package web

import (
	"context"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// yLabels reads the trends chart's y axis labels.
func yLabels(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var labels []string
	run(t, ctx, "read the y axis", chromedp.Evaluate(`[...document.querySelectorAll("svg.trend-chart .ylabel")].map(e => e.textContent)`, &labels))
	return labels
}

// fetchText fetches a URL from the page, as a click on a download link
// would, and returns its status line and text.
func fetchText(t *testing.T, ctx context.Context, sel string) (string, string) {
	t.Helper()
	var out []string
	run(t, ctx, "fetch "+sel, chromedp.Evaluate(`(async () => { const r = await fetch(document.querySelector(`+jsString(sel)+`).href);
		return [String(r.status) + " " + r.headers.get("content-type") + " " + r.headers.get("content-disposition"), await r.text()]; })()`,
		&out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return out[0], out[1]
}

// TestBrowser_TrendsJourney compares two countries over time as a reader
// would: from the results page to the chart, a second query added, share
// mode, a period's articles opened from the chart, the CSV downloaded.
func TestBrowser_TrendsJourney(t *testing.T) {
	ctx := browser(t, 1280, 1000)
	ts := researchServer(t, 200, Config{})

	run(t, ctx, "search Kazakhstan", chromedp.Navigate(ts.URL+"/?q=Kazakhstan"), chromedp.WaitVisible(".research a.r-trends"))
	status, csv := fetchText(t, ctx, ".research a.r-export")
	if !strings.HasPrefix(status, "200 text/csv; charset=utf-8 attachment;") || !strings.HasPrefix(csv, "id,title,date,lang,countries,orgs,source,url\r\n") {
		t.Errorf("download link: %s, %.80q", status, csv)
	}
	total := text(t, ctx, ".summary .count strong")
	// fetch's text() drops the byte order mark; the Go tests check it.
	if n := strings.Count(csv, "\r\n") - 1; strconv.Itoa(n) != total {
		t.Errorf("downloaded %d rows; the page says %s results", n, total)
	}
	run(t, ctx, "compare over time", chromedp.Click(".research a.r-trends", chromedp.NodeVisible), waitURL("/trends?"), chromedp.WaitVisible("svg.trend-chart"))
	if n := count(t, ctx, "svg.trend-chart path.line"); n != 1 {
		t.Fatalf("the chart of one query draws %d lines", n)
	}
	run(t, ctx, "add Kyrgyzstan",
		chromedp.SendKeys(`.slots input[data-slot="2"]`, "Kyrgyzstan"),
		chromedp.Click(".trends-opts button", chromedp.NodeVisible),
		waitURL("q=Kyrgyzstan"), chromedp.WaitVisible("svg.trend-chart"))
	if n := count(t, ctx, "svg.trend-chart path.line"); n != 2 {
		t.Errorf("two queries draw %d lines; want 2", n)
	}
	if n := count(t, ctx, ".legend li"); n != 2 {
		t.Errorf("the legend has %d entries; want 2", n)
	}
	counts := yLabels(t, ctx)
	for _, l := range counts {
		if strings.HasSuffix(l, "%") {
			t.Errorf("count mode: y label %q is a share", l)
		}
	}
	run(t, ctx, "switch to share", chromedp.Click(`.modes a[data-mode="share"]`, chromedp.NodeVisible), waitURL("mode=share"), chromedp.WaitVisible("svg.trend-chart.share"))
	shares := yLabels(t, ctx)
	if len(shares) < 2 || strings.Join(shares, " ") == strings.Join(counts, " ") {
		t.Errorf("share mode: y axis %q, count mode %q; want them to differ", shares, counts)
	}
	for _, l := range shares {
		if !strings.HasSuffix(l, "%") {
			t.Errorf("share mode: y label %q is not a percentage", l)
		}
	}
	if n := count(t, ctx, "svg.trend-chart path.line"); n != 2 {
		t.Errorf("share mode draws %d lines; want 2", n)
	}
	run(t, ctx, "screenshot the chart", chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
			return err
		}
		p := screenshotPath(t, "trends.png")
		t.Logf("trends page screenshot: %s", p)
		return os.WriteFile(p, buf, 0o644)
	}))

	var chartURL string
	run(t, ctx, "remember the chart", chromedp.Location(&chartURL))

	// A point of the chart opens its period's articles.
	var picked []string
	run(t, ctx, "pick a busy period", chromedp.Evaluate(`(() => {
		const d = [...document.querySelectorAll('g.series[data-series="1"] a.dot')].find(a => a.dataset.value !== "0");
		d.id = "pick"; return [d.querySelector("title").textContent, d.dataset.from]; })()`, &picked))
	title, from := picked[0], picked[1]
	m := regexp.MustCompile(`: (\d+) / \d+ \(`).FindStringSubmatch(title)
	if m == nil {
		t.Fatalf("point title %q does not say its count", title)
	}
	run(t, ctx, "open the period", chromedp.Click("#pick circle:not(.hit)", chromedp.NodeVisible), waitURL("from="+from))
	if got := text(t, ctx, ".summary .count strong"); got != m[1] {
		t.Errorf("the period of %q holds %s results; the chart said %s", title, got, m[1])
	}
	var href string
	run(t, ctx, "read the address", chromedp.Location(&href))
	u, _ := url.Parse(href)
	if u.Query().Get("q") != "Kyrgyzstan" || u.Query().Get("to") == "" {
		t.Errorf("the period link is %s; want the Kyrgyzstan search with from and to", href)
	}

	// The CSV of the chart.
	run(t, ctx, "back to the chart", chromedp.Navigate(chartURL), chromedp.WaitVisible("svg.trend-chart"))
	status, csv = fetchText(t, ctx, ".trends-bar a.csv")
	if !strings.HasPrefix(status, "200 text/csv") || !strings.Contains(csv, "count: Kazakhstan,share: Kazakhstan,count: Kyrgyzstan,share: Kyrgyzstan") {
		t.Errorf("chart CSV: %s, %.120q", status, csv)
	}
}

// TestBrowser_TrendsWithoutScript: the chart, the toggle and the form need
// no JavaScript.
func TestBrowser_TrendsWithoutScript(t *testing.T) {
	ctx := browser(t, 1024, 800)
	ts := researchServer(t, 100, Config{})
	run(t, ctx, "turn scripts off", emulation.SetScriptExecutionDisabled(true))
	var n, lines int
	run(t, ctx, "open the chart",
		chromedp.Navigate(ts.URL+"/trends?q=Kazakhstan&q=NATO&q=Kosovo"),
		chromedp.WaitVisible("svg.trend-chart"),
		chromedp.Click(`.modes a[data-mode="share"]`, chromedp.NodeVisible),
		chromedp.WaitVisible("svg.trend-chart.share"),
		chromedp.Evaluate(`document.querySelectorAll("svg.trend-chart path.line").length`, &lines),
		chromedp.Evaluate(`document.querySelectorAll(".slots input").length`, &n),
	)
	if lines != 3 || n != 4 {
		t.Errorf("without scripts: %d lines, %d query slots; want 3 and 4 (one to add)", lines, n)
	}
}
