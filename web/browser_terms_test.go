package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowser_TellingWords: the results page shows telling words (its
// script fills them in; without it, a link opens the page with them);
// clicking one adds it to the query (scripts off: they are links), and the page
// that follows finds the articles with both. The panel, the lifted
// filters and the download link pass axe-core's WCAG 2.2 A and AA rules.
func TestBrowser_TellingWords(t *testing.T) {
	ctx := browser(t, 1280, 1000)
	ts := startRealServer(t, Config{Searcher: seedIndex(t, tellingArticles(240))}, nil)
	run(t, ctx, "turn scripts off", emulation.SetScriptExecutionDisabled(true))
	// Without scripts, the placeholder's link opens the page with them.
	run(t, ctx, "search Kosovo", chromedp.Navigate(ts.URL+"/?q=Kosovo"), chromedp.WaitVisible(".telling a.telling-show"))
	run(t, ctx, "show the telling words", chromedp.Click(".telling a.telling-show", chromedp.NodeVisible), chromedp.WaitVisible(".telling a.tw"))
	if first := text(t, ctx, ".telling li:first-child a.tw"); first != "demarcation" {
		t.Fatalf("first telling word %q; want demarcation", first)
	}
	var lang string
	run(t, ctx, "read its language", chromedp.AttributeValue(".telling li:first-child a.tw", "lang", &lang, nil))
	if lang != "en" {
		t.Errorf("telling word lang=%q; want en", lang)
	}
	run(t, ctx, "click it", chromedp.Click(`.telling a.tw[data-word="demarcation"]`, chromedp.NodeVisible),
		waitURL("demarcation"), chromedp.WaitVisible(".summary .count"))
	var box string
	run(t, ctx, "read the search box", chromedp.Value("#q", &box))
	if box != "Kosovo demarcation" {
		t.Errorf("search box after the click: %q; want %q", box, "Kosovo demarcation")
	}
	if n := text(t, ctx, ".summary .count strong"); n != "20" {
		t.Errorf("Kosovo demarcation: %s results; want the 20 English articles about Kosovo", n)
	}

	// The download link is there, and downloads this search.
	var href, download string
	var hasDownload bool
	run(t, ctx, "read the download link",
		chromedp.AttributeValue(".research a.r-export", "href", &href, nil),
		chromedp.AttributeValue(".research a.r-export", "download", &download, &hasDownload))
	u, err := url.Parse(href)
	if err != nil || u.Path != "/api/export" || u.Query().Get("q") != "Kosovo demarcation" || u.Query().Get("format") != "csv" || !hasDownload {
		t.Errorf("download link %q (download attribute %v)", href, hasDownload)
	}
	run(t, ctx, "turn scripts on", emulation.SetScriptExecutionDisabled(false))
	status, csv := fetchText(t, ctx, ".research a.r-export")
	if !strings.HasPrefix(status, "200 text/csv") || strings.Count(csv, "\r\n") != 21 {
		t.Errorf("download: %s, %d lines", status, strings.Count(csv, "\r\n"))
	}

	src := axeSource(t)
	for _, ui := range uiLangs {
		run(t, ctx, "open the panel in "+ui, chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape("Kosovo lang:en")+"&ui="+ui), chromedp.WaitVisible(".telling a.tw"), chromedp.WaitVisible(".lifted a"))
		if vs := axeCheck(t, ctx, src); len(vs) > 0 {
			t.Errorf("ui=%s: %d accessibility violations: %+v", ui, len(vs), vs)
		}
	}
}
