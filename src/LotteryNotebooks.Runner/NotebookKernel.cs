using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Builds the C# kernel the way the dotnet-interactive tool does for a notebook: <c>#r "nuget: ..."</c>
/// resolves packages and references their assemblies, kernel helpers (<c>display</c>, <c>HTML</c>) are
/// available, values are shared, HTML is the preferred output, and kernel extensions that packages carry
/// under <c>interactive-extensions/dotnet/</c> (for example Plotly.NET.Interactive) are loaded after the
/// cell that added the package.
/// </summary>
internal static class NotebookKernel
{
    public static CompositeKernel Create()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;

        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();

        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    /// <summary>
    /// The <c>display</c> helper, defined once before the notebook's first cell. The kernel's own <c>display(value)</c>
    /// (dotnet-interactive 1.0.0-beta.26120.1) announces the value under one display id and returns a handle with
    /// another, so every <c>handle.Update(...)</c> names a display that no host has seen, and hosts drop it: a progress
    /// line stays at its first text. This definition shows the value exactly as the kernel's does, but through one handle,
    /// so updates reach the output they belong to (and the executed notebook keeps the final text, as Jupyter keeps the
    /// last update of a display).
    /// </summary>
    private const string DisplayHelper = """
        Microsoft.DotNet.Interactive.Formatting.DisplayedValue display(object value, params string[] mimeTypes) =>
            Microsoft.DotNet.Interactive.KernelInvocationContext.Current is { } context
                ? Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.Display(context, value, mimeTypes)
                : System.DisplayExtensions.Display(value, mimeTypes);
        """;

    /// <summary>Prepares a new kernel for a notebook (see <see cref="DisplayHelper"/>); produces no output.</summary>
    public static async Task PrepareAsync(Kernel kernel) => await kernel.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(DisplayHelper));

    /// <summary>Loads the kernel extensions of packages added by the last cell; returns what was loaded.</summary>
    public static async Task<IReadOnlyList<string>> LoadExtensionsAsync(Kernel kernel, IEnumerable<KernelEvent> events, ISet<string> loadedRoots)
    {
        var loaded = new List<string>();
        foreach (var added in events.OfType<PackageAdded>())
        {
            string root = added.PackageReference.PackageRoot;
            if (string.IsNullOrEmpty(root) || !loadedRoots.Add(root)) continue;
            var folder = Path.Combine(root, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder)) continue;
            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
                foreach (var type in SafeTypes(assembly).Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
                {
                    var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    await extension.OnLoadAsync(kernel);
                    loaded.Add(type.FullName!);
                }
            }
        }
        return loaded;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
