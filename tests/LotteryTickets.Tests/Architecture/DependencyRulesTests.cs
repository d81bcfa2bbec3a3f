using System.Reflection;
using LotteryTickets.SubsetSum;
using NetArchTest.Rules;

namespace LotteryTickets.Tests;

/// <summary>
/// The library's layering (docs/architecture.md), checked on the compiled assembly: the mathematics stands alone, networks
/// know nothing of pruning, figures sit above the domains they draw, and only Charts talks to notebook hosts. A rule broken by a new `using` fails
/// here with the offending types named.
/// </summary>
public class DependencyRulesTests
{
    private static readonly Assembly Library = typeof(VectorSubsetSum).Assembly;

    private const string Root = "LotteryTickets.";
    private const string Hosting = "Microsoft.DotNet.Interactive";

    public static TheoryData<string, string[]> Forbidden => new()
    {
        // The mathematics of subset sums and statistics: no networks, no tensors, no charts, no notebook host.
        { "SubsetSum", [Root + "Networks", Root + "Pruning", Root + "Timing", Root + "Learning", Root + "Charts", Root + "Exercises", "TorchSharp", Hosting, Root + "Figures"] },
        { "Statistics", [Root + "SubsetSum", Root + "Networks", Root + "Pruning", Root + "Timing", Root + "Learning", Root + "Charts", Root + "Exercises", "TorchSharp", Hosting, Root + "Figures"] },
        // Networks are the targets and their data; pruning builds on them, never the other way round.
        { "Networks", [Root + "Pruning", Root + "Timing", Root + "Learning", Root + "Charts", Root + "Exercises", Hosting, Root + "Figures"] },
        // The construction uses subset sums and networks; timing and learned masks build on it.
        { "Pruning", [Root + "Timing", Root + "Learning", Root + "Charts", Root + "Exercises", Hosting, Root + "Figures"] },
        { "Timing", [Root + "Learning", Root + "Exercises", Hosting, Root + "Figures"] },
        // Learned masks are compared with the construction and timed like it; nothing below them knows they exist.
        { "Learning", [Root + "Charts", Root + "Exercises", Hosting, Root + "Figures"] },
        // Figures draw the domains' results through Charts; they reach the notebook host only through Charts.
        { "Figures", [Root + "Exercises", "TorchSharp", Hosting] },
        // The workbook's plumbing (environment, files, claim checks, machine facts such as libtorch's thread count) knows
        // no domain; it shows its table through Charts.
        { "Workbook", [Root + "SubsetSum", Root + "Networks", Root + "Pruning", Root + "Timing", Root + "Learning", Root + "Figures", Root + "Exercises", Hosting] },
        // Charts draw data handed to them; they know no domain type.
        { "Charts", [Root + "SubsetSum", Root + "Statistics", Root + "Networks", Root + "Pruning", Root + "Timing", Root + "Learning", Root + "Exercises", "TorchSharp", Root + "Figures"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void EachDomainDependsOnlyOnTheLayersBelowIt(string domain, string[] forbidden)
    {
        var result = Types.InAssembly(Library).That().ResideInNamespace(Root + domain)
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{domain} must not depend on {string.Join(", ", forbidden)}; offending types: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void OnlyChartsTalksToNotebookHosts()
    {
        // What a notebook shows (figures, tables, the checks table, the exercise sheet) derives from a Charts type that
        // carries the host's formatter; nothing else in the library names the host.
        var result = Types.InAssembly(Library).That().DoNotResideInNamespace(Root + "Charts")
            .ShouldNot().HaveDependencyOn(Hosting).GetResult();

        Assert.True(result.IsSuccessful, "Only Charts may use " + Hosting + "; offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void NoLibraryTypeUsesPlotlyDirectly()
    {
        // Plotly.NET needs another FSharp.Core than notebook hosts preload: only LotteryTickets.Plotting, loaded into its
        // own load context by Charts, may touch it.
        var result = Types.InAssembly(Library).ShouldNot().HaveDependencyOnAny("Plotly.NET", "Microsoft.FSharp").GetResult();

        Assert.True(result.IsSuccessful, "offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheLibraryDoesNotParseCommandLines()
    {
        // Command-line parsing belongs to the console programs (src/LotteryTickets.Cli), not to what notebooks load.
        Assert.DoesNotContain(Library.GetReferencedAssemblies(), a => a.Name == "System.CommandLine");
        var result = Types.InAssembly(Library).ShouldNot().HaveDependencyOn("System.CommandLine").GetResult();
        Assert.True(result.IsSuccessful, "offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheRulesSeeTheDependenciesTheyForbid()
    {
        // Guards the rules themselves: the same query finds dependencies that do exist, so a rule cannot pass by
        // matching nothing (a wrong namespace, an empty selection).
        var pruningUsesSubsetSum = Types.InAssembly(Library).That().ResideInNamespace(Root + "Pruning")
            .ShouldNot().HaveDependencyOn(Root + "SubsetSum").GetResult();
        var chartsUseHosting = Types.InAssembly(Library).That().ResideInNamespace(Root + "Charts")
            .ShouldNot().HaveDependencyOn(Hosting).GetResult();

        var workbookUsesCharts = Types.InAssembly(Library).That().ResideInNamespace(Root + "Workbook")
            .ShouldNot().HaveDependencyOn(Root + "Charts").GetResult();

        Assert.False(pruningUsesSubsetSum.IsSuccessful);
        Assert.False(chartsUseHosting.IsSuccessful);
        Assert.False(workbookUsesCharts.IsSuccessful);
    }
}
