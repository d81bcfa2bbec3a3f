namespace LotteryTickets.Workbook;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler at once, on the reporting thread, at most
/// every <c>minInterval</c> (the last report always goes through when <see cref="Flush"/> is
/// called). Notebooks pass one that updates a displayed value:
/// <code>var status = display("starting"); var progress = new SyncProgress&lt;string&gt;(s =&gt; status.Update(s));</code>
/// Unlike <see cref="Progress{T}"/> it needs no synchronization context, so it works in every notebook host.
/// </summary>
public sealed class SyncProgress<T>(Action<T> handler, TimeSpan? minInterval = null) : IProgress<T>
{
    private readonly TimeSpan _minInterval = minInterval ?? TimeSpan.FromMilliseconds(200);
    private readonly Lock _gate = new();
    private long _lastTicks = long.MinValue;
    private T? _pending;
    private bool _hasPending;

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate)
        {
            long now = Environment.TickCount64;
            if (_lastTicks != long.MinValue && now - _lastTicks < _minInterval.TotalMilliseconds)
            {
                _pending = value;
                _hasPending = true;
                return;
            }
            _lastTicks = now;
            _hasPending = false;
            handler(value);
        }
    }

    /// <summary>Delivers the last report that was held back by the rate limit, if any.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_hasPending) return;
            _hasPending = false;
            handler(_pending!);
        }
    }
}
