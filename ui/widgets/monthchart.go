// Package widgets holds reusable Fyne widgets of the workbench: they take
// data in, draw it, and report what the user does through On… callbacks,
// without knowing the workspace.
package widgets

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChartSeries is one stacked category of a MonthChart.
type ChartSeries struct {
	Name  string
	Color color.Color
}

// ChartBar is one bar of a MonthChart, a month say: its label and one
// value per series, in the series' order.
type ChartBar struct {
	Label  string
	Values []int
}

// Total is the height of the bar: the sum of its values.
func (b ChartBar) Total() int {
	n := 0
	for _, v := range b.Values {
		n += v
	}
	return n
}

// MonthChart draws bars of stacked values side by side — incidents per
// month by category — with a legend below. Hovering a bar shows its label
// and total; tapping one calls OnTapped with its index.
type MonthChart struct {
	widget.BaseWidget

	// Series and Bars are the data; call Refresh (or SetData) after
	// changing them.
	Series []ChartSeries
	Bars   []ChartBar
	// Empty is shown when there are no bars.
	Empty string
	// Describe words a hovered bar ("2024-03: 12"); nil shows the label
	// and the total.
	Describe func(bar int) string
	// OnTapped is called with the index of a tapped bar.
	OnTapped func(bar int)

	hovered int // index of the bar under the pointer, -1 for none
}

var (
	_ fyne.Tappable     = (*MonthChart)(nil)
	_ desktop.Hoverable = (*MonthChart)(nil)
)

// NewMonthChart returns a chart of bars stacked by series.
func NewMonthChart(series []ChartSeries, bars []ChartBar) *MonthChart {
	c := &MonthChart{Series: series, Bars: bars, hovered: -1}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces the series and bars and redraws the chart.
func (c *MonthChart) SetData(series []ChartSeries, bars []ChartBar) {
	c.Series, c.Bars, c.hovered = series, bars, -1
	c.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (c *MonthChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.rebuild()
	return r
}

// Tapped is part of fyne.Tappable.
func (c *MonthChart) Tapped(ev *fyne.PointEvent) {
	if i := c.barAt(ev.Position); i >= 0 && c.OnTapped != nil {
		c.OnTapped(i)
	}
}

// MouseIn is part of desktop.Hoverable.
func (c *MonthChart) MouseIn(ev *desktop.MouseEvent) { c.hover(c.barAt(ev.Position)) }

// MouseMoved is part of desktop.Hoverable.
func (c *MonthChart) MouseMoved(ev *desktop.MouseEvent) { c.hover(c.barAt(ev.Position)) }

// MouseOut is part of desktop.Hoverable.
func (c *MonthChart) MouseOut() { c.hover(-1) }

func (c *MonthChart) hover(i int) {
	if i != c.hovered {
		c.hovered = i
		c.Refresh()
	}
}

// Hovered is the index of the bar under the pointer, -1 for none.
func (c *MonthChart) Hovered() int { return c.hovered }

// barAt is the index of the bar whose column holds p, -1 for none.
func (c *MonthChart) barAt(p fyne.Position) int {
	g := c.geometry(c.Size())
	if len(c.Bars) == 0 || p.X < g.plot.X || p.X >= g.plot.X+g.slot*float32(len(c.Bars)) || p.Y < 0 || p.Y > g.plot.Y+g.plotH+g.labelH {
		return -1
	}
	return min(int((p.X-g.plot.X)/g.slot), len(c.Bars)-1)
}

// geometry is where the parts of the chart go in a given size.
type geometry struct {
	plot    fyne.Position // top left of the plot area
	plotH   float32
	slot    float32 // width given to each bar
	axisW   float32 // width of the value labels left of the plot
	labelH  float32 // height of the bar labels below the plot
	legendY float32
	max     int // the value the top of the plot stands for
}

func (c *MonthChart) textSize() float32 { return theme.CaptionTextSize() }

func (c *MonthChart) geometry(size fyne.Size) geometry {
	ts := c.textSize()
	most := 0
	for _, b := range c.Bars {
		most = max(most, b.Total())
	}
	g := geometry{max: niceCeil(most)}
	g.axisW = fyne.MeasureText(strconv.Itoa(g.max), ts, fyne.TextStyle{}).Width + theme.Padding()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	g.labelH = line + theme.Padding()
	legendH := c.legendHeight(size.Width)
	g.plot = fyne.NewPos(g.axisW+theme.Padding(), line/2+theme.Padding())
	g.plotH = max(size.Height-g.plot.Y-g.labelH-legendH-theme.Padding(), 10)
	g.legendY = g.plot.Y + g.plotH + g.labelH + theme.Padding()
	if n := len(c.Bars); n > 0 {
		g.slot = max(size.Width-g.plot.X-theme.Padding(), 1) / float32(n)
	}
	return g
}

// legendItems lays out the legend's swatches and names in rows no wider
// than width, returning each item's position and the rows' height.
func (c *MonthChart) legendItems(width float32) ([]fyne.Position, float32) {
	ts := c.textSize()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	pos := make([]fyne.Position, len(c.Series))
	x, y := float32(0), float32(0)
	for i, s := range c.Series {
		w := line + theme.Padding() + fyne.MeasureText(s.Name, ts, fyne.TextStyle{}).Width + 2*theme.Padding()
		if x > 0 && x+w > width {
			x, y = 0, y+line+theme.Padding()
		}
		pos[i] = fyne.NewPos(x, y)
		x += w
	}
	if len(c.Series) == 0 {
		return pos, 0
	}
	return pos, y + line
}

func (c *MonthChart) legendHeight(width float32) float32 {
	_, h := c.legendItems(width)
	return h
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten.
func niceCeil(n int) int {
	if n <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(float64(n))))
	for _, m := range []float64{1, 2, 5, 10} {
		if v := int(m * p); v >= n {
			return v
		}
	}
	return n
}

type chartRenderer struct {
	c       *MonthChart
	objects []fyne.CanvasObject

	// The parts, rebuilt on Refresh.
	axis     *canvas.Line
	base     *canvas.Line
	top      *canvas.Text
	zero     *canvas.Text
	empty    *canvas.Text
	hover    *canvas.Text
	hoverBox *canvas.Rectangle
	segs     [][]*canvas.Rectangle // per bar, per series
	labels   []*canvas.Text        // per bar; hidden where they would crowd
	swatches []*canvas.Rectangle
	names    []*canvas.Text
}

func (r *chartRenderer) rebuild() {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	ts := c.textSize()
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.base = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.top = canvas.NewText("", fg)
	r.zero = canvas.NewText("0", fg)
	r.empty = canvas.NewText(c.Empty, theme.Color(theme.ColorNamePlaceHolder))
	r.hover = canvas.NewText("", fg)
	r.hover.TextStyle.Bold = true
	r.hoverBox = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	for _, t := range []*canvas.Text{r.top, r.zero, r.empty, r.hover} {
		t.TextSize = ts
	}
	r.top.Alignment, r.zero.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	r.objects = []fyne.CanvasObject{r.hoverBox, r.axis, r.base, r.top, r.zero, r.empty}
	r.segs = make([][]*canvas.Rectangle, len(c.Bars))
	r.labels = make([]*canvas.Text, len(c.Bars))
	for i, b := range c.Bars {
		r.segs[i] = make([]*canvas.Rectangle, len(c.Series))
		for j, s := range c.Series {
			if j < len(b.Values) && b.Values[j] > 0 {
				rect := canvas.NewRectangle(s.Color)
				r.segs[i][j] = rect
				r.objects = append(r.objects, rect)
			}
		}
		l := canvas.NewText(b.Label, fg)
		l.TextSize = ts
		l.Alignment = fyne.TextAlignCenter
		r.labels[i] = l
		r.objects = append(r.objects, l)
	}
	r.swatches = make([]*canvas.Rectangle, len(c.Series))
	r.names = make([]*canvas.Text, len(c.Series))
	for i, s := range c.Series {
		r.swatches[i] = canvas.NewRectangle(s.Color)
		r.names[i] = canvas.NewText(s.Name, fg)
		r.names[i].TextSize = ts
		r.objects = append(r.objects, r.swatches[i], r.names[i])
	}
	r.objects = append(r.objects, r.hover)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	g := c.geometry(size)
	ts := c.textSize()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	bottom := g.plot.Y + g.plotH
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(g.plot.X, g.plot.Y), fyne.NewPos(g.plot.X, bottom)
	r.base.Position1, r.base.Position2 = fyne.NewPos(g.plot.X, bottom), fyne.NewPos(size.Width-theme.Padding(), bottom)
	r.top.Text = strconv.Itoa(g.max)
	r.top.Move(fyne.NewPos(0, g.plot.Y-line/2))
	r.top.Resize(fyne.NewSize(g.axisW, line))
	r.zero.Move(fyne.NewPos(0, bottom-line/2))
	r.zero.Resize(fyne.NewSize(g.axisW, line))
	r.empty.Text = c.Empty
	r.empty.Hidden = len(c.Bars) > 0
	r.empty.Move(fyne.NewPos(g.plot.X+theme.Padding(), g.plot.Y+g.plotH/2-line/2))
	r.top.Hidden = len(c.Bars) == 0
	gap := max(min(g.slot*0.2, 4), 1)
	if g.slot < 3 {
		gap = 0
	}
	for i, b := range c.Bars {
		x := g.plot.X + float32(i)*g.slot + gap/2
		y := bottom
		for j, rect := range r.segs[i] {
			if rect == nil {
				continue
			}
			h := float32(b.Values[j]) / float32(g.max) * g.plotH
			y -= h
			rect.Move(fyne.NewPos(x, y))
			rect.Resize(fyne.NewSize(max(g.slot-gap, 1), h))
		}
	}
	// Label every k-th bar so that labels keep apart.
	widest := float32(0)
	for _, l := range r.labels {
		widest = max(widest, fyne.MeasureText(l.Text, ts, fyne.TextStyle{}).Width)
	}
	every := 1
	if g.slot > 0 {
		every = max(int(math.Ceil(float64((widest+2*theme.Padding())/g.slot))), 1)
	}
	for i, l := range r.labels {
		l.Hidden = i%every != 0
		l.Move(fyne.NewPos(g.plot.X+float32(i)*g.slot+g.slot/2-widest/2, bottom+theme.Padding()/2))
		l.Resize(fyne.NewSize(widest, line))
	}
	pos, _ := c.legendItems(size.Width - g.plot.X)
	for i := range c.Series {
		p := pos[i].Add(fyne.NewPos(g.plot.X, g.legendY))
		r.swatches[i].Move(p.Add(fyne.NewPos(0, line*0.15)))
		r.swatches[i].Resize(fyne.NewSquareSize(line * 0.7))
		r.names[i].Move(p.Add(fyne.NewPos(line+theme.Padding()/2, 0)))
	}
	r.hover.Hidden, r.hoverBox.Hidden = true, true
	if h := c.hovered; h >= 0 && h < len(c.Bars) {
		text := c.Bars[h].Label + ": " + strconv.Itoa(c.Bars[h].Total())
		if c.Describe != nil {
			text = c.Describe(h)
		}
		r.hover.Text = text
		r.hover.Hidden, r.hoverBox.Hidden = false, false
		r.hoverBox.Move(fyne.NewPos(g.plot.X+float32(h)*g.slot, g.plot.Y))
		r.hoverBox.Resize(fyne.NewSize(g.slot, g.plotH))
		w := fyne.MeasureText(text, ts, fyne.TextStyle{Bold: true}).Width
		x := min(max(g.plot.X+float32(h)*g.slot+g.slot/2-w/2, g.plot.X), size.Width-w)
		r.hover.Move(fyne.NewPos(x, 0))
	}
}

// MinSize is room for the legend and a plot 160 high, with at least two
// pixels per bar.
func (r *chartRenderer) MinSize() fyne.Size {
	c := r.c
	ts := c.textSize()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	width := float32(240)
	g := c.geometry(fyne.NewSize(width, 0))
	width = max(width, g.plot.X+float32(len(c.Bars))*2+theme.Padding())
	return fyne.NewSize(width, g.plot.Y+160+line+theme.Padding()+c.legendHeight(width)+theme.Padding())
}

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}
