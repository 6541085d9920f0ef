"""Summarizes `profgate diff --format json` from stdin: verdict, findings, runs, samples and noise."""
import json
import sys

d = json.load(sys.stdin)
hits = [f for f in d["findings"] if f["kind"] != "notice"]
print(f"  verdict {d['verdict']}; {len(hits)} finding(s)")
for f in hits:
    change = "n/a" if f["change"] is None else f"{f['change'] * 100:+.1f}%"
    low, high = f["interval"] or [None, None]
    interval = "" if low is None else f" [{low * 100:+.1f}%, {high * 100:+.1f}%]"
    print(f"    {f['level']:4} {f['kind']:11} {f['function']} {f['base'] * 100:.2f}% -> {f['head'] * 100:.2f}% "
          f"{change}{interval} p={f['pValue']:.2g}")
for c in d["comparisons"]:
    samples = c["baseSamples"] + c["headSamples"]
    print(f"    [{c['sampleType']}: {c['baseRuns']}+{c['headRuns']} runs, {min(samples):.0f}-{max(samples):.0f} samples/run, "
          f"jitter {c['noise']['jitter'] * 100:.1f}% ({c['noise']['method']})]")
