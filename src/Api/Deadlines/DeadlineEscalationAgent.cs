using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace Funds.Api.Deadlines;

/// <summary>Runs the deadline escalation scan at start-up and every <c>Funds:Deadlines:ScanMinutes</c>, on
/// exactly one node of the cluster: Wolverine assigns this agent to one node and moves it to a survivor
/// when that node dies. Each escalation is exactly-once by itself (see <see cref="EscalateDeadlinesHandler"/>),
/// so a scan that runs twice around a fail-over appends nothing twice.</summary>
public sealed class DeadlineEscalationAgent(DeadlineEscalation escalation, IOptions<DeadlineOptions> options,
    IHostApplicationLifetime lifetime, ILogger<DeadlineEscalationAgent> log) : SingularAgent("deadline-escalation")
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    protected override async Task stopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null || _loop is null) return;
        await _stop.CancelAsync();
        try { await _loop; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        // Escalations run through Wolverine, which takes commands only once the whole host has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(ct);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanMinutes)));
        do
        {
            try
            {
                await escalation.RunOnceAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deadline escalation scan failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
