namespace LotteryNotebooks.Tests.Hosts;

/// <summary>The repository pins the notebook host that readers and the host tests use.</summary>
public sealed class ToolManifestTests
{
    [Fact]
    public void Tool_manifest_pins_the_dotnet_interactive_version_of_environment_json()
    {
        string root = Repository.Root();
        string pinned = ToolManifest.PinnedVersion(root, "microsoft.dotnet-interactive");
        string? expected = Repository.Environment(root)["tools"]?["Microsoft.dotnet-interactive"]?.GetValue<string>();
        Assert.True(expected is not null, "environment.json names no tools.Microsoft.dotnet-interactive version.");
        Assert.True(pinned == expected,
            $".config/dotnet-tools.json pins dotnet-interactive {pinned} but environment.json says {expected}; keep them equal.");
    }
}
