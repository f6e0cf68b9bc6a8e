package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	b, _ := os.ReadFile("/work/batch4/tr/tr-siyaset-98.txt")
	for _, s := range strings.Split(string(b), ".") {
		c, _ := Mentions(s, "tr")
		for _, m := range c {
			if m.ID == "IQ" {
				fmt.Println(s)
			}
		}
	}
	b, _ = os.ReadFile("/work/batch4/sq/sq-fake-1789.txt")
	for _, s := range strings.Split(string(b), ".") {
		if strings.Contains(strings.ToLower(s), "organiz") || strings.Contains(s, "OBSH") {
			fmt.Println("SQ:", s)
		}
	}
}
