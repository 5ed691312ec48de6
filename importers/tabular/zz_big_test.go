package tabular

import (
	"bytes"
	"encoding/csv"
	"io"
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZBig(t *testing.T) {
	data := []byte(makeCSV(1000000))
	t.Logf("%d MB", len(data)>>20)
	for i := 0; i < 3; i++ {
		w, c := time.Now(), cpuTime()
		tab, _, err := OpenCSV(bytes.NewReader(data), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			_, err := tab.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		t.Logf("ours: rows %d wall %v cpu %v", n, time.Since(w), cpuTime()-c)
		w, c = time.Now(), cpuTime()
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		cr.ReuseRecord = true
		for {
			_, err := cr.Read()
			if err != nil {
				break
			}
		}
		t.Logf("base: wall %v cpu %v", time.Since(w), cpuTime()-c)
	}
}
