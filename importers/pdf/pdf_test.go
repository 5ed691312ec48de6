package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
)

// pdfiumCode matches PDFium's numbered error codes as go-pdfium words them
// ("3: incorrect format"), which no message should show.
var pdfiumCode = regexp.MustCompile(`\b[0-6]: (success|unknown error|unable to read file|incorrect format|invalid password|invalid encryption|incorrect page)`)

// promptly is how long one Read of a small or malformed file may take before
// the test calls it a hang; generous because -race slows wazero down.
const promptly = 60 * time.Second

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func theEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := Shared()
	if err != nil {
		t.Fatalf("Shared: %v", err)
	}
	return e
}

type result struct {
	passages []document.Passage
	warnings []workbench.Warning
	err      error
}

// readPromptly runs Read and fails the test if it does not return in time.
func readPromptly(t *testing.T, e *Engine, data []byte, lim Limits) result {
	t.Helper()
	done := make(chan result, 1)
	go func() {
		p, w, err := e.Read(data, lim)
		done <- result{p, w, err}
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(promptly):
		t.Fatalf("Read did not return within %v", promptly)
		return result{}
	}
}

func TestReadChinese(t *testing.T) {
	e := theEngine(t)
	r := readPromptly(t, e, readFixture(t, "algorithm-zh.pdf"), DefaultLimits())
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if len(r.warnings) != 0 {
		t.Errorf("warnings = %v, want none", r.warnings)
	}
	if len(r.passages) != 4 {
		t.Fatalf("got %d passages, want 4 (one per page)", len(r.passages))
	}
	for i, p := range r.passages {
		if p.Seq != i+1 || p.Page != i+1 {
			t.Errorf("passage %d: Seq %d Page %d, want %d %d", i, p.Seq, p.Page, i+1, i+1)
		}
	}
	want := map[int][]string{
		1: {"星河对话 算法机制机理说明", "提供者：星河智算科技有限公司", "备案号：Beijing-XingheChat-20240315", "基础模型：星河基座大模型 XH-Base v2", "1 概述"},
		2: {"2 训练数据", "预训练语料共计约 2.1 万亿词元", "过滤比例"},
		3: {"3 模型架构", "星河基座大模型 XH-Base v2 采用仅解码器的 Transformer 架构", "参数规模约 700 亿"},
		4: {"4 安全机制", "7×24 小时值守", "5 生成内容标识", "“内容由人工智能生成”"},
	}
	for _, p := range r.passages {
		for _, s := range want[p.Page] {
			if !strings.Contains(p.Text, s) {
				t.Errorf("page %d lacks %q; text:\n%s", p.Page, s, p.Text)
			}
		}
		// Each section is on its own page only.
		for page, ss := range want {
			if page != p.Page && strings.Contains(p.Text, ss[0]) {
				t.Errorf("page %d has %q, which belongs on page %d", p.Page, ss[0], page)
			}
		}
		if strings.Contains(p.Text, "\r") || strings.Contains(p.Text, "\n\n\n") || strings.Contains(p.Text, " \n") {
			t.Errorf("page %d: whitespace not tidied: %q", p.Page, p.Text)
		}
		if !strings.Contains(p.Text, "\n") {
			t.Errorf("page %d: line breaks lost: %q", p.Page, p.Text)
		}
	}
	if !strings.HasPrefix(r.passages[0].Text, "星河对话 算法机制机理说明\n提供者：星河智算科技有限公司\n") {
		t.Errorf("page 1 does not start with the title and provider lines in reading order:\n%s", r.passages[0].Text)
	}
}

func TestReadScanned(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "scanned.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if len(r.passages) != 0 {
		t.Errorf("got %d passages from a scanned PDF, want 0: %v", len(r.passages), r.passages)
	}
	want := []workbench.Warning{
		{Location: "page 1", Message: "no text layer (scanned page?); not searchable — no OCR", Reason: workbench.ReasonPageNoText},
		{Location: "page 2", Message: "no text layer (scanned page?); not searchable — no OCR", Reason: workbench.ReasonPageNoText},
	}
	if fmt.Sprint(r.warnings) != fmt.Sprint(want) {
		t.Errorf("warnings = %v, want %v", r.warnings, want)
	}
}

func TestReadEncrypted(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "encrypted.pdf"), Limits{})
	if !errors.Is(r.err, ErrEncrypted) {
		t.Fatalf("err = %v, want ErrEncrypted", r.err)
	}
	if !errors.Is(r.err, pdfiumerrors.ErrPassword) {
		t.Errorf("err = %v, want it to wrap PDFium's ErrPassword", r.err)
	}
	for _, want := range []string{"the PDF is password-protected", "encrypted"} {
		if !strings.Contains(r.err.Error(), want) || pdfiumCode.MatchString(r.err.Error()) {
			t.Errorf("error %q does not say %q in words", r.err, want)
		}
	}
	if r.passages != nil || r.warnings != nil {
		t.Errorf("got passages/warnings with an error: %v %v", r.passages, r.warnings)
	}
}

// An owner-password-only PDF opens without a password; it is read, with a
// warning that its restrictions were not applied.
func TestReadOwnerPasswordOnly(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "owner-only.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if len(r.passages) != 4 || !strings.Contains(r.passages[0].Text, "备案号：Beijing-XingheChat-20240315") {
		t.Errorf("owner-only PDF not read: %v", r.passages)
	}
	if len(r.warnings) != 1 || r.warnings[0].Location != "document" || !strings.Contains(r.warnings[0].Message, "owner password") {
		t.Errorf("warnings = %v, want one document warning about the owner password", r.warnings)
	}
}

func TestReadMalformed(t *testing.T) {
	zh := readFixture(t, "algorithm-zh.pdf")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
	garbage := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("\x00garbage\xff{}<<>>"), 2000)...)
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		wantMsg string
	}{
		{"truncated", zh[:len(zh)/2], pdfiumerrors.ErrFormat, "the file is not a PDF or is damaged"},
		{"png renamed .pdf", png, ErrNotPDF, "PNG"},
		{"garbage after header", garbage, pdfiumerrors.ErrFormat, "the file is not a PDF or is damaged"},
		{"zero bytes", []byte{}, ErrNotPDF, "empty"},
		{"nil", nil, ErrNotPDF, "empty"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrNotPDF, "JPEG"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml word/document.xml"), ErrNotPDF, ".docx"},
		{"ole2 doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrNotPDF, "OLE2"},
		{"plain text", []byte("备案号：Beijing-XingheChat-20240315"), ErrNotPDF, "%PDF-"},
	}
	e := theEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readPromptly(t, e, tt.data, Limits{})
			if !errors.Is(r.err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", r.err, tt.wantErr)
			}
			if !strings.Contains(r.err.Error(), tt.wantMsg) {
				t.Errorf("err %q does not mention %q", r.err, tt.wantMsg)
			}
			if errors.Is(r.err, ErrEncrypted) {
				t.Errorf("malformed input reported as encrypted: %v", r.err)
			}
			if pdfiumCode.MatchString(r.err.Error()) {
				t.Errorf("err %q shows PDFium's numbered code instead of words", r.err)
			}
			if r.passages != nil {
				t.Errorf("passages with an error: %v", r.passages)
			}
		})
	}
}

// Mutated copies of real PDFs — plain text, and forms, annotations and
// XFA, whose reading walks more of PDFium — must neither panic nor hang,
// and the engine must keep working after them.
func TestReadMutated(t *testing.T) {
	zh := readFixture(t, "algorithm-zh.pdf")
	e := theEngine(t)
	rng := rand.New(rand.NewSource(1))
	var seeds [][]byte
	for range 20 {
		seeds = append(seeds, zh)
	}
	for _, name := range []string{"annotations.pdf", "form-lo.pdf", "comments-lo.pdf", "xfa-placeholder.pdf", "bad-page.pdf"} {
		f := readFixture(t, name)
		for range 6 {
			seeds = append(seeds, f)
		}
	}
	for _, seed := range seeds {
		data := bytes.Clone(seed)
		for j := 0; j < 1+rng.Intn(200); j++ {
			data[rng.Intn(len(data))] = byte(rng.Intn(256))
		}
		if rng.Intn(2) == 0 {
			data = data[:rng.Intn(len(data))]
		}
		// Any result but a hang or a panic (which Read recovers into an
		// internal error).
		if r := readPromptly(t, e, data, Limits{}); r.err != nil && strings.Contains(r.err.Error(), "internal error") {
			t.Errorf("panic inside Read: %v", r.err)
		}
	}
	r := readPromptly(t, e, zh, Limits{})
	if r.err != nil || len(r.passages) != 4 {
		t.Fatalf("engine broken after mutated input: %d passages, err %v", len(r.passages), r.err)
	}
}

func TestLimits(t *testing.T) {
	if d := DefaultLimits(); d.MaxBytes != 512<<20 || d.MaxPages != 5000 {
		t.Errorf("DefaultLimits() = %+v", d)
	}
	e := theEngine(t)
	zh := readFixture(t, "algorithm-zh.pdf")

	r := readPromptly(t, e, zh, Limits{MaxPages: 3})
	if r.err == nil || !strings.Contains(r.err.Error(), "has 4 pages") || !strings.Contains(r.err.Error(), "limit of 3") {
		t.Errorf("MaxPages 3: err = %v, want one naming 4 pages and the limit 3", r.err)
	}
	if r := readPromptly(t, e, zh, Limits{MaxPages: 4}); r.err != nil {
		t.Errorf("MaxPages 4: %v", r.err)
	}

	r = readPromptly(t, e, zh, Limits{MaxBytes: 1000})
	if r.err == nil || !strings.Contains(r.err.Error(), fmt.Sprintf("%d bytes", len(zh))) {
		t.Errorf("MaxBytes 1000: err = %v, want one naming the size", r.err)
	}
}

// The engine starts once for many Shared and Read calls, and concurrent
// Reads are safe (run with -race) and give the same result.
func TestSharedConcurrent(t *testing.T) {
	first := theEngine(t)
	starts := engineStarts.Load()
	zh := readFixture(t, "algorithm-zh.pdf")
	want, _, err := first.Read(zh, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	scanned := readFixture(t, "scanned.pdf")

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				e, err := Shared()
				if err != nil || e != first {
					errs <- fmt.Errorf("Shared() = %p, %v; want %p", e, err, first)
					return
				}
				got, _, err := e.Read(zh, Limits{})
				if err != nil {
					errs <- err
					return
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					errs <- fmt.Errorf("concurrent Read differs")
				}
				if _, w, err := e.Read(scanned, Limits{}); err != nil || len(w) != 2 {
					errs <- fmt.Errorf("scanned: %v %v", w, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := engineStarts.Load(); n != starts || n != 1 {
		t.Errorf("engine started %d times, want once", n)
	}
}

func TestTidy(t *testing.T) {
	in := "  \r\n第一行  \r\n第二行\t\r\n\r\n\r\n\r\n第三行 \x02\ufffe\n\n\n"
	want := "第一行\n第二行\n\n第三行"
	if got := tidy(in); got != want {
		t.Errorf("tidy(%q) = %q, want %q", in, got, want)
	}
	if got := tidy(" \r\n\t "); got != "" {
		t.Errorf("tidy of blank = %q", got)
	}
}

// panicPool is a pdfium.Pool whose GetInstance panics.
type panicPool struct{ pdfium.Pool }

func (panicPool) GetInstanceWithContext(context.Context) (pdfium.Pdfium, error) {
	panic("boom")
}

func TestReadRecoversPanic(t *testing.T) {
	e := &Engine{pool: panicPool{}}
	p, w, err := e.Read(readFixture(t, "algorithm-zh.pdf"), Limits{})
	if err == nil || !strings.Contains(err.Error(), "boom") || p != nil || w != nil {
		t.Errorf("Read with panicking pool = %v, %v, %v; want an error", p, w, err)
	}
	var nilEngine *Engine
	if _, _, err := nilEngine.Read([]byte("%PDF-1.7"), Limits{}); err == nil {
		t.Error("nil Engine: no error")
	}
}

// A page PDFium cannot load (here the page tree points at an object that
// does not exist) is skipped with a warning naming it; the pages around it
// are read with their own page numbers.
func TestReadSkipsPageThatFailsToLoad(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "bad-page.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	var got []string
	for _, p := range r.passages {
		got = append(got, fmt.Sprintf("%d p%d %s", p.Seq, p.Page, p.Text))
	}
	want := []string{"1 p1 第一页：训练数据来源说明", "2 p3 第三页：安全评估结论"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("passages = %q, want %q", got, want)
	}
	want1 := workbench.Warning{Location: "page 2", Message: "This page could not be read (the page is missing from the file or damaged) and was skipped; the other pages were imported.",
		Reason: workbench.ReasonPageUnreadable, Args: map[string]any{"Detail": "the page is missing from the file or damaged"}}
	if len(r.warnings) != 1 || fmt.Sprint(r.warnings[0]) != fmt.Sprint(want1) {
		t.Errorf("warnings = %v, want [%v]", r.warnings, want1)
	}
}

// When no page at all can be loaded, the import fails rather than storing
// an empty document.
func TestReadAllPagesFail(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "all-pages-bad.pdf"), Limits{})
	want := "pdf: none of the 2 pages could be read (page 1: the page is missing from the file or damaged)"
	if r.err == nil || r.err.Error() != want {
		t.Fatalf("err = %v, want %q", r.err, want)
	}
	if !errors.Is(r.err, pdfiumerrors.ErrPage) {
		t.Errorf("err %v does not wrap PDFium's ErrPage", r.err)
	}
	if r.passages != nil || r.warnings != nil {
		t.Errorf("got passages/warnings with an error: %v %v", r.passages, r.warnings)
	}
}

// A security handler PDFium does not have (public-key encryption) is
// refused as encrypted, in words.
func TestReadUnsupportedEncryption(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "unsupported-encryption.pdf"), Limits{})
	if !errors.Is(r.err, ErrEncrypted) || !errors.Is(r.err, pdfiumerrors.ErrSecurity) {
		t.Fatalf("err = %v, want ErrEncrypted wrapping PDFium's ErrSecurity", r.err)
	}
	if want := "encrypted in a way this program does not support"; !strings.Contains(r.err.Error(), want) || pdfiumCode.MatchString(r.err.Error()) {
		t.Errorf("error %q does not say %q in words", r.err, want)
	}
}

// Every code of PDFium's FPDF_ERR_* list, bare or wrapped, is put in
// words; other errors keep their own message.
func TestDescribe(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{pdfiumerrors.ErrSuccess, "the PDF reader gave no reason; the file may be damaged"},
		{pdfiumerrors.ErrUnknown, "the PDF reader failed for a reason it does not name; the file may be damaged or use a feature it does not support"},
		{pdfiumerrors.ErrFile, "the file could not be read: it is missing, unreadable or cut short"},
		{pdfiumerrors.ErrFormat, "the file is not a PDF or is damaged"},
		{pdfiumerrors.ErrPassword, "the PDF is password-protected"},
		{pdfiumerrors.ErrSecurity, "the PDF is encrypted in a way this program does not support"},
		{pdfiumerrors.ErrPage, "the page is missing from the file or damaged"},
		{pdfiumerrors.ErrUnexpected, "the PDF reader failed unexpectedly; the file may be damaged"},
		{fmt.Errorf("load page: %w", pdfiumerrors.ErrPage), "the page is missing from the file or damaged"},
		{errors.New("could not load text page"), "could not load text page"},
	}
	for _, tt := range tests {
		if got := describe(tt.err); got != tt.want {
			t.Errorf("describe(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	// Opening: the message is words, errors.Is still finds the code.
	for _, tt := range tests[:8] {
		err := openError(tt.err)
		if !errors.Is(err, tt.err) || pdfiumCode.MatchString(err.Error()) || !strings.HasPrefix(err.Error(), "pdf: ") {
			t.Errorf("openError(%v) = %q", tt.err, err)
		}
	}
}
