package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"example.com/realpair/flate"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	seconds, _ := time.ParseDuration(os.Args[3])
	out, _ := os.Create(os.Args[2])
	runtime.SetCPUProfileRate(1000)
	pprof.StartCPUProfile(out)
	deadline := time.Now().Add(seconds)
	var total int
	for time.Now().Before(deadline) {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, 6)
		w.Write(data)
		w.Close()
		r := flate.NewReader(&buf)
		var plain bytes.Buffer
		plain.ReadFrom(r)
		var gz bytes.Buffer
		g := gzip.NewWriter(&gz)
		g.Write(data[:len(data)/4])
		g.Close()
		var v []string
		b, _ := json.Marshal([]string{string(data[:4096]), string(data[4096:8192])})
		json.Unmarshal(b, &v)
		total += buf.Len() + plain.Len() + gz.Len() + len(v)
	}
	pprof.StopCPUProfile()
	out.Close()
	fmt.Fprintln(os.Stderr, "bytes", total)
}
