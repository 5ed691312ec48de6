package pdf

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkEngineStart measures starting an engine: compiling the embedded
// PDFium WebAssembly and instantiating the first module. Shared does this
// once per process; the benchmark starts fresh engines with startEngine.
func BenchmarkEngineStart(b *testing.B) {
	for b.Loop() {
		e, err := startEngine()
		if err != nil {
			b.Fatal(err)
		}
		if err := e.close(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPages is the length of the generated document BenchmarkRead reads.
const benchPages = 500

// BenchmarkRead measures Read on a ~500-page Chinese PDF, generated with
// LibreOffice; it is skipped when LibreOffice is not installed.
func BenchmarkRead(b *testing.B) {
	data := generateLongPDF(b, benchPages)
	e, err := Shared()
	if err != nil {
		b.Fatal(err)
	}
	passages, _, err := e.Read(data, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	pages := passages[len(passages)-1].Page
	if pages < benchPages*9/10 {
		b.Fatalf("generated PDF has %d pages with text, want about %d", pages, benchPages)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := e.Read(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}

// generateLongPDF writes an HTML document of n Chinese pages (page breaks
// between them) and converts it to PDF with LibreOffice in a temporary
// directory.
func generateLongPDF(b *testing.B, n int) []byte {
	b.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("LibreOffice (soffice) is not installed; it is needed to generate the 500-page benchmark PDF (apt-get install -y libreoffice-writer fonts-noto-cjk)")
	}
	dir := b.TempDir()
	var h strings.Builder
	h.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>星河对话 算法机制机理说明</title></head><body>`)
	for p := 1; p <= n; p++ {
		style := ""
		if p > 1 {
			style = ` style="page-break-before: always"`
		}
		fmt.Fprintf(&h, "<h2%s>第 %d 节 星河对话算法说明</h2>\n", style, p)
		for i := 1; i <= 8; i++ {
			fmt.Fprintf(&h, "<p>第 %d.%d 段：星河智算科技有限公司的星河对话服务基于星河基座大模型 XH-Base v2，备案号：Beijing-XingheChat-20240315。本段说明训练数据、模型架构、安全机制与生成内容标识的第 %d 项要求。</p>\n", p, i, i)
		}
	}
	h.WriteString("</body></html>\n")
	src := filepath.Join(dir, "long.html")
	if err := os.WriteFile(src, []byte(h.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--writer", "--convert-to", "pdf", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("LibreOffice could not convert the benchmark document: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "long.pdf"))
	if err != nil {
		b.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	return data
}
