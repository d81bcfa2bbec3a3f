using System.Text.Json;
using System.Text.Json.Nodes;
using LotteryTickets.Workbook;

namespace LotteryNotebooks.Runner;

/// <summary>
/// One runner at a time per output folder: a run holds an exclusive lock on <c>DIR/.runner.lock</c> from before its first
/// notebook until its summary is written. A second run on the same folder is refused at once, naming the run that holds
/// it (its pages and summary would otherwise interleave with the first's). The operating system releases the lock when
/// the process ends, however it ends, so a crashed run never blocks the next one.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _owner;

    private RunLock(FileStream stream, string owner) => (_lock, _owner) = (stream, owner);

    /// <summary>Takes the folder's lock.</summary>
    /// <exception cref="UsageException">Another run holds it.</exception>
    public static RunLock Acquire(string folder, string command)
    {
        string path = Path.Combine(folder, ".runner.lock"), owner = path + ".owner";
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new UsageException($"another runner ({Describe(owner)}) is writing to {folder}: wait for it to finish, or give this run its own folder with --output DIR.");
        }
        AtomicFile.WriteAllText(owner, new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["started"] = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz"),
            ["command"] = command,
        }.ToJsonString());
        return new RunLock(stream, owner);
    }

    private static string Describe(string owner)
    {
        try
        {
            var info = JsonNode.Parse(File.ReadAllText(owner))!;
            return $"pid {info["pid"]}, started {info["started"]}: {info["command"]}";
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NullReferenceException)
        {
            return "pid unknown";
        }
    }

    public void Dispose()
    {
        try { File.Delete(_owner); } catch (IOException) { }
        _lock.Dispose();
    }
}
