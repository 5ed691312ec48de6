package widgets

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

var (
	red  = color.NRGBA{R: 200, A: 255}
	blue = color.NRGBA{B: 200, A: 255}
)

// rects lists the chart's bar segments of one colour that are drawn (the
// legend's swatch left out).
func rects(c *MonthChart, col color.Color) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	r := test.WidgetRenderer(c).(*chartRenderer)
	for _, o := range r.Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.FillColor == col && r.Size().Width > 0 && r.Size().Height > 1 && !isSwatch(c, r) {
			out = append(out, r)
		}
	}
	return out
}

func isSwatch(c *MonthChart, rect *canvas.Rectangle) bool {
	for _, s := range test.WidgetRenderer(c).(*chartRenderer).swatches {
		if s == rect {
			return true
		}
	}
	return false
}

// visibleTexts lists the chart's texts that are drawn.
func visibleTexts(c *MonthChart) map[string]bool {
	out := map[string]bool{}
	for _, o := range test.WidgetRenderer(c).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			out[t.Text] = true
		}
	}
	return out
}

func series() []ChartSeries { return []ChartSeries{{"违法内容", red}, {"complaint", blue}} }

func TestMonthChartEmpty(t *testing.T) {
	test.NewTempApp(t)
	c := NewMonthChart(series(), nil)
	c.Empty = "No incidents"
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 260))
	if len(rects(c, red))+len(rects(c, blue)) != 0 {
		t.Error("an empty chart draws bars")
	}
	shown := visibleTexts(c)
	if !shown["No incidents"] || !shown["违法内容"] {
		t.Errorf("empty chart shows %v", shown)
	}
	tapped := -1
	c.OnTapped = func(i int) { tapped = i }
	test.TapCanvas(w.Canvas(), fyne.NewPos(250, 100))
	if tapped != -1 {
		t.Errorf("tapping an empty chart reported bar %d", tapped)
	}
}

func TestMonthChartOneMonth(t *testing.T) {
	test.NewTempApp(t)
	c := NewMonthChart(series(), []ChartBar{{Label: "2024-03", Values: []int{3, 1}}})
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 260))
	r, b := rects(c, red), rects(c, blue)
	if len(r) != 1 || len(b) != 1 {
		t.Fatalf("%d red and %d blue segments, want 1 and 1", len(r), len(b))
	}
	// Stacked: the complaint segment sits on the illegal-content one, a
	// third as high; the whole bar reaches the top of the scale (4 → 5).
	if got := r[0].Size().Height / b[0].Size().Height; got < 2.9 || got > 3.1 {
		t.Errorf("segment heights %v and %v", r[0].Size().Height, b[0].Size().Height)
	}
	if b[0].Position().Y+b[0].Size().Height > r[0].Position().Y+0.5 {
		t.Errorf("the second segment is not above the first: %v %v", b[0].Position(), r[0].Position())
	}
	if shown := visibleTexts(c); !shown["2024-03"] || !shown["5"] {
		t.Errorf("one-month chart shows %v", shown)
	}
	if c.MinSize().Width > 400 || c.MinSize().Height > 260 {
		t.Errorf("min size %v", c.MinSize())
	}
}

func TestMonthChartManyMonths(t *testing.T) {
	test.NewTempApp(t)
	var bars []ChartBar
	for i := range 30 {
		bars = append(bars, ChartBar{Label: fmt.Sprintf("%d-%02d", 2024+i/12, i%12+1), Values: []int{i, 30 - i}})
	}
	bars[7].Values = []int{0, 0}
	c := NewMonthChart(series(), bars)
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 260))
	r, b := rects(c, red), rects(c, blue)
	if len(r) != 28 || len(b) != 29 {
		t.Errorf("%d red and %d blue segments, want 28 and 29", len(r), len(b))
	}
	// Bars stand left to right inside the chart, each total the same
	// height (30), under the top of the scale (50).
	for i := 1; i < len(b); i++ {
		if b[i].Position().X <= b[i-1].Position().X {
			t.Errorf("bar %d is not right of bar %d", i, i-1)
		}
	}
	for _, s := range append(r, b...) {
		if s.Position().X < 0 || s.Position().X+s.Size().Width > 600 || s.Position().Y < 0 {
			t.Errorf("a segment outside the chart: %v %v", s.Position(), s.Size())
		}
	}
	// Labels that would crowd each other are left out, the first is kept.
	shown := visibleTexts(c)
	labels := 0
	for _, bar := range bars {
		if shown[bar.Label] {
			labels++
		}
	}
	if !shown["2024-01"] || labels == 0 || labels == len(bars) {
		t.Errorf("%d of %d month labels shown: %v", labels, len(bars), shown)
	}
	// Hover and tap name the bar under the pointer.
	tapped := -1
	c.OnTapped = func(i int) { tapped = i }
	mid := b[9].Position().Add(fyne.NewPos(b[9].Size().Width/2, b[9].Size().Height/2)) // bar 7 has no segments
	test.TapCanvas(w.Canvas(), mid)
	if tapped != 10 {
		t.Errorf("tapping bar 10 reported %d", tapped)
	}
	c.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}})
	if c.Hovered() != 10 || !visibleTexts(c)[bars[10].Label+": 30"] {
		t.Errorf("hovering bar 10: hovered %d, shows %v", c.Hovered(), visibleTexts(c))
	}
	c.MouseOut()
	if c.Hovered() != -1 {
		t.Error("hover stays after the pointer left")
	}
	img := w.Canvas().Capture()
	colored := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 2 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 2 {
			if _, _, bl, _ := img.At(x, y).RGBA(); bl>>8 == 200 {
				colored++
			}
		}
	}
	if colored < 100 {
		t.Errorf("the rendered chart has %d blue pixels", colored)
	}
}
