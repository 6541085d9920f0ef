using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Cli.Tests.Pprof;

/// <summary>
/// The hand-written profile behind <c>samples/profiles/example.pb.gz</c>: five seconds of CPU of a
/// small Go checkout service (JSON parsing, pricing that compiles a regular expression per request,
/// receipt rendering, garbage collection). Regenerate the file with UPDATE_GOLDEN=1.
/// </summary>
internal static class ExampleProfile
{
    public const string RepoPath = "samples/profiles/example.pb.gz";

    private const string Module = "/usr/local/bin/checkout";
    private const long PeriodNanos = 10_000_000;

    /// <summary>Every function with its source position.</summary>
    private static readonly string[] Functions =
    [
        "runtime.goexit runtime/asm_amd64.s:1598",
        "runtime.main runtime/proc.go:250",
        "runtime.mcall runtime/asm_amd64.s:458",
        "runtime.park_m runtime/proc.go:3343",
        "runtime.schedule runtime/proc.go:3187",
        "runtime.findRunnable runtime/proc.go:2868",
        "runtime.netpoll runtime/netpoll_epoll.go:126",
        "runtime.epollwait runtime/sys_linux_amd64.s:689",
        "runtime.mallocgc runtime/malloc.go:1104",
        "runtime.gcBgMarkWorker runtime/mgc.go:1295",
        "runtime.gcDrain runtime/mgcmark.go:1130",
        "runtime.scanobject runtime/mgcmark.go:1339",
        "runtime.markroot runtime/mgcmark.go:159",
        "runtime.mapaccess2_faststr runtime/map_faststr.go:108",
        "main.main checkout/main.go:41",
        "main.loadCatalog checkout/catalog.go:22",
        "net/http.(*conn).serve net/http/server.go:1995",
        "net/http.serverHandler.ServeHTTP net/http/server.go:2936",
        "net/http.HandlerFunc.ServeHTTP net/http/server.go:2109",
        "net/http.(*response).Write net/http/server.go:1637",
        "main.handleCheckout checkout/handler.go:42",
        "main.parseOrder checkout/order.go:27",
        "main.priceCart checkout/pricing.go:58",
        "main.applyDiscounts checkout/discounts.go:19",
        "main.lookupTaxRate checkout/tax.go:33",
        "main.renderReceipt checkout/receipt.go:71",
        "encoding/json.Unmarshal encoding/json/decode.go:107",
        "encoding/json.checkValid encoding/json/scanner.go:32",
        "encoding/json.(*decodeState).object encoding/json/decode.go:782",
        "encoding/json.(*decodeState).literalStore encoding/json/decode.go:953",
        "regexp.MustCompile regexp/regexp.go:317",
        "regexp.compile regexp/regexp.go:176",
        "regexp/syntax.Parse regexp/syntax/parse.go:890",
        "regexp.(*Regexp).MatchString regexp/regexp.go:527",
        "regexp.(*Regexp).doExecute regexp/exec.go:527",
        "regexp.(*Regexp).backtrack regexp/backtrack.go:353",
        "sync.(*Mutex).Lock sync/mutex.go:83",
        "fmt.Fprintf fmt/print.go:225",
        "fmt.(*pp).doPrintf fmt/print.go:1057",
        "bufio.(*Writer).Flush bufio/bufio.go:628",
        "syscall.write syscall/zsyscall_linux_amd64.go:924",
        "syscall.Syscall syscall/syscall_linux.go:90",
    ];

    /// <summary>Stacks, root first, with their sample counts. "HTTP" stands for the request-serving prefix.</summary>
    private static readonly string[] Stacks =
    [
        "HTTP;main.parseOrder;encoding/json.Unmarshal;encoding/json.(*decodeState).object;encoding/json.(*decodeState).literalStore 48",
        "HTTP;main.parseOrder;encoding/json.Unmarshal;encoding/json.checkValid 22",
        "HTTP;main.parseOrder;encoding/json.Unmarshal;encoding/json.(*decodeState).object;runtime.mallocgc 9",
        "HTTP;main.priceCart;main.applyDiscounts;regexp.(*Regexp).MatchString;regexp.(*Regexp).doExecute;regexp.(*Regexp).backtrack 121",
        "HTTP;main.priceCart;main.applyDiscounts;regexp.MustCompile;regexp.compile;regexp/syntax.Parse 64",
        "HTTP;main.priceCart;main.applyDiscounts;regexp.MustCompile;regexp.compile;runtime.mallocgc 17",
        "HTTP;main.priceCart;main.lookupTaxRate;sync.(*Mutex).Lock 14",
        "HTTP;main.priceCart;main.lookupTaxRate;runtime.mapaccess2_faststr 11",
        "HTTP;main.priceCart 5",
        "HTTP;main.renderReceipt;fmt.Fprintf;fmt.(*pp).doPrintf 31",
        "HTTP;main.renderReceipt;fmt.Fprintf;fmt.(*pp).doPrintf;runtime.mallocgc 8",
        "HTTP;main.renderReceipt;net/http.(*response).Write;bufio.(*Writer).Flush;syscall.write;syscall.Syscall 26",
        "runtime.goexit;runtime.gcBgMarkWorker;runtime.gcDrain;runtime.scanobject 45",
        "runtime.goexit;runtime.gcBgMarkWorker;runtime.gcDrain;runtime.markroot 12",
        "runtime.mcall;runtime.park_m;runtime.schedule;runtime.findRunnable;runtime.netpoll;runtime.epollwait 19",
        "runtime.main;main.main;main.loadCatalog;encoding/json.Unmarshal;encoding/json.(*decodeState).object;encoding/json.(*decodeState).literalStore 6",
    ];

    private const string Http = "runtime.goexit;net/http.(*conn).serve;net/http.serverHandler.ServeHTTP;net/http.HandlerFunc.ServeHTTP;main.handleCheckout";

    public static Profile Build()
    {
        var frames = new Dictionary<string, Frame>(StringComparer.Ordinal);
        foreach (var function in Functions)
        {
            var (name, position) = (function[..function.IndexOf(' ')], function[(function.IndexOf(' ') + 1)..]);
            var colon = position.LastIndexOf(':');
            frames.Add(name, new Frame(name, Module, position[..colon], long.Parse(position[(colon + 1)..], CultureInfo.InvariantCulture)));
        }

        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], defaultSampleType: 1)
        {
            Metadata = ProfileMetadata.Empty with
            {
                Producer = "pprof",
                PeriodType = new SampleType("cpu", "nanoseconds"),
                Period = PeriodNanos,
                DurationNanos = 5_000_000_000,
                TimeNanos = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
            },
        };
        foreach (var line in Stacks)
        {
            var space = line.LastIndexOf(' ');
            var count = long.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var names = line[..space].Replace("HTTP", Http, StringComparison.Ordinal).Split(';');
            builder.AddSample(names.Select(n => frames[n]), count, count * PeriodNanos);
        }

        return builder.Build();
    }
}
