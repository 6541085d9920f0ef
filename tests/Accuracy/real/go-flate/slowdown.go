package flate

import (
	"os"
	"strconv"
)

// slowRounds is the injected slowdown: extra mixing rounds per matchLen call, from FLATE_SLOW
// (0 = the standard library's code path exactly, apart from one predictable branch).
var slowRounds, _ = strconv.Atoi(os.Getenv("FLATE_SLOW"))

// slowSink keeps the extra work from being optimized away.
var slowSink uint32
