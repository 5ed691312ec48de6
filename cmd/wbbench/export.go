package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/store"
)

// runExportBench measures "wb export" end to end on a workspace whose case
// cites n evidence links: the workspace is filled in process, then the
// export runs in a fresh wb process, timed from start to exit with its
// peak RSS, the way an inspector runs it.
func runExportBench(args []string, stdout, stderr io.Writer) error {
	fs := flag("export", stderr)
	wb := fs.String("wb", "bin/wb", "the wb binary")
	n := fs.Int("evidence", 100000, "evidence links to export")
	runs := fs.Int("runs", 3, "exports to time")
	dir := fs.String("dir", "", "work folder (default: a temporary one, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	work, done, err := workFolder(*dir, "wbbench-export-*")
	if err != nil {
		return err
	}
	defer done()
	ws := filepath.Join(work, "ws")
	start := time.Now()
	if err := fillEvidence(ws, *n); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "workspace with %d evidence links made in %s\n", *n, time.Since(start).Round(time.Millisecond))
	for r := 0; r < *runs; r++ {
		out := filepath.Join(work, fmt.Sprintf("export-%d.xlsx", r))
		cmd := exec.Command(*wb, "export", "--workspace", ws, "--case", "1", "--out", out, "--lang", "zh")
		cmd.Stderr = io.Discard
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("wb export: %w", err)
		}
		d := time.Since(t0)
		st, err := os.Stat(out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wb export, %d evidence rows: %s, peak RSS %s, workbook %s\n", *n, d.Round(time.Millisecond),
			mb(maxRSS(cmd.ProcessState)), mb(st.Size()))
	}
	return nil
}

// fillEvidence makes a workspace holding one case with an inspection on
// the default template and n evidence links spread over its items, each
// quoting about 150 Chinese characters, every 100th with a mobile number
// to mask.
func fillEvidence(ws string, n int) error {
	ctx := context.Background()
	a, err := app.Open(ctx, ws, true)
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话", Inspectors: []string{"张明"}})
	if err != nil {
		return err
	}
	if _, err := a.StartInspection(ctx, c.ID, ""); err != nil {
		return err
	}
	st, err := a.InspectionStatus(ctx, c.ID)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []rune("生成内容含违法不良信息用户举报机器审核人工巡查停止传输消除模型优化训练投诉处理反馈个人信息删除请求已办结标注规则安全评估")
	quote := func(i int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "INC-%07d ", i)
		for j := 0; j < 150; j++ {
			b.WriteRune(words[rng.IntN(len(words))])
		}
		if i%100 == 0 {
			b.WriteString(" 联系电话 13800138000")
		}
		return b.String()
	}
	const batch = 5000
	for done := 0; done < n; {
		item := st.Items[(done/batch)%len(st.Items)].ID
		var u store.ItemUpdate
		for j := 0; j < batch && done < n; j++ {
			u.Evidence = append(u.Evidence, workbench.Evidence{Ref: fmt.Sprintf("INC-%07d", done), Target: fmt.Sprintf("rec-%d", done+1),
				SHA256: strings.Repeat("ab", 32), FileName: "incidents-1m.csv", Kind: "incident",
				Location: fmt.Sprintf("line %d", done+2), Quote: quote(done)})
			done++
		}
		if err := a.Store().UpdateInspectionItem(ctx, c.ID, item, u); err != nil {
			return err
		}
	}
	return nil
}
