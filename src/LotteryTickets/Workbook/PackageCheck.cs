using System.Reflection;

namespace LotteryTickets.Workbook;

/// <summary>One pinned package and the version this process actually loaded.</summary>
/// <param name="Package">NuGet package id as pinned in environment.json.</param>
/// <param name="Pinned">The version environment.json pins.</param>
/// <param name="Loaded">The loaded assembly's informational version, or "not loaded".</param>
/// <param name="Agrees">True when the loaded version starts with the pinned one (or the package is not loaded here).</param>
public sealed record PackageCheck(string Package, string Pinned, string Loaded, bool Agrees);
