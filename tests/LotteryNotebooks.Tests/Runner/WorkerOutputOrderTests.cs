using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>
/// A cell that displays a chart and returns another (notebook 06: latency, then throughput) once lost its return value:
/// the worker's two reporting threads wrote the return value (index 1) before the large display (index 0), and the
/// runner appended the first report it saw, then overwrote it with the display. Outputs now land at their index
/// whatever order the reports arrive in.
/// </summary>
public class WorkerOutputOrderTests
{
    private static JsonObject Output(string name) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = name } };

    private static string[] Names(JsonArray outputs) =>
        outputs.Select(o => o!["data"]!["text/plain"]!.GetValue<string>()).ToArray();

    [Fact]
    public void AReturnValueReportedBeforeTheDisplayBeforeItKeepsBoth()
    {
        var outputs = new JsonArray();
        WorkerProcess.PlaceOutput(outputs, 1, Output("throughput"));
        WorkerProcess.PlaceOutput(outputs, 0, Output("latency"));
        WorkerProcess.DropEmptySlots(outputs);

        Assert.Equal(["latency", "throughput"], Names(outputs));
    }

    [Fact]
    public void AnUpdateReplacesItsOutputInPlace()
    {
        var outputs = new JsonArray();
        WorkerProcess.PlaceOutput(outputs, 0, Output("starting"));
        WorkerProcess.PlaceOutput(outputs, 1, Output("chart"));
        WorkerProcess.PlaceOutput(outputs, 0, Output("done"));

        Assert.Equal(["done", "chart"], Names(outputs));
    }

    [Fact]
    public void SlotsNoReportFilledAreDropped()
    {
        var outputs = new JsonArray();
        WorkerProcess.PlaceOutput(outputs, 2, Output("last"));
        WorkerProcess.DropEmptySlots(outputs);

        Assert.Equal(["last"], Names(outputs));
    }
}
