using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>environment.json, Directory.Packages.props, the tool manifest and the notebooks agree.</summary>
public partial class EnvironmentAgreementTests
{
    private static IReadOnlyDictionary<string, string> CentralVersions() =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> NotebookPaths() =>
        Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal);

    private static IEnumerable<(string Notebook, string Source)> CodeCells() =>
        from path in NotebookPaths()
        from cell in NotebookDocument.Load(path).Cells.OfType<JsonObject>()
        where cell["cell_type"]!.GetValue<string>() == "code"
        select (Path.GetFileName(path), NotebookDocument.SourceOf(cell));

    [Fact]
    public void EveryPinnedPackageHasTheSameVersionInDirectoryPackagesProps()
    {
        var central = CentralVersions();
        foreach (var (package, version) in Repository.Environment.Packages)
        {
            Assert.True(central.TryGetValue(package, out var propsVersion), $"environment.json pins {package} but Directory.Packages.props does not list it.");
            Assert.True(version == propsVersion, $"{package}: environment.json pins {version}, Directory.Packages.props has {propsVersion}.");
        }
    }

    [Fact]
    public void ToolManifestPinsTheToolsOfEnvironmentJson()
    {
        string manifest = Path.Combine(Repository.Root, ".config", "dotnet-tools.json");
        Assert.True(File.Exists(manifest), $"{manifest} is missing: it pins the notebook kernel (dotnet-interactive).");
        var tools = JsonNode.Parse(File.ReadAllText(manifest))!["tools"]!.AsObject();
        foreach (var (tool, version) in Repository.Environment.Tools)
        {
            var entry = tools.FirstOrDefault(t => string.Equals(t.Key, tool, StringComparison.OrdinalIgnoreCase)).Value;
            Assert.True(entry is not null, $"environment.json pins the tool {tool}, the manifest does not.");
            Assert.Equal(version, entry!["version"]!.GetValue<string>());
        }
    }

    [Fact]
    public void NotebookNugetDirectivesUseThePinnedVersions()
    {
        var pinned = Repository.Environment.Packages;
        foreach (var (notebook, source) in CodeCells())
            foreach (Match m in NugetDirective().Matches(source))
            {
                string package = m.Groups["package"].Value, version = m.Groups["version"].Value;
                Assert.True(pinned.TryGetValue(package, out var pin), $"{notebook}: #r \"nuget: {package}\" is not pinned in environment.json.");
                Assert.True(version == pin, $"{notebook}: #r \"nuget: {package}, {version}\" but environment.json pins {pin}.");
            }
    }

    [Fact]
    public void NotebooksReferenceTheBuiltLibraryFolder()
    {
        string libraryFolder = Path.GetDirectoryName(Repository.Environment.Library)!.Replace('\\', '/') + "/";
        foreach (var notebook in NotebookPaths().Select(Path.GetFileName))
        {
            var paths = CodeCells().Where(c => c.Notebook == notebook).SelectMany(c => PathDirective().Matches(c.Source)).Select(m => m.Groups["path"].Value).ToArray();
            Assert.True(paths.Contains(Repository.Environment.Library), $"{notebook} does not reference the library as #r \"{Repository.Environment.Library}\".");
            foreach (var path in paths)
                Assert.True(path.StartsWith(libraryFolder, StringComparison.Ordinal), $"{notebook}: #r \"{path}\" is not from the library's build folder {libraryFolder}.");
        }
    }

    [Fact]
    public void NotebookOrderInEnvironmentJsonMatchesTheNotebooksFolder()
    {
        var onDisk = NotebookPaths().Select(p => Path.GetFileName(p)).Where(n => NumberedName().IsMatch(n)).ToArray();
        Assert.Equal(onDisk, Repository.Environment.Notebooks);
    }

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<package>[^,""\s]+)\s*,\s*(?<version>[^""\s]+)\s*""")]
    private static partial Regex NugetDirective();

    [GeneratedRegex(@"#r\s+""(?!nuget:)(?<path>[^""]+)""")]
    private static partial Regex PathDirective();

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+\.ipynb$")]
    private static partial Regex NumberedName();
}
