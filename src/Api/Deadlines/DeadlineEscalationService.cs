using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Wolverine;
using Wolverine.Runtime;

namespace Funds.Api.Deadlines;

public sealed class DeadlineEscalationService(DeadlineEscalation escalation, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    IHostApplicationLifetime lifetime, ILogger<DeadlineEscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wolverine, which runs each escalation, is ready only once the whole host has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanMinutes)));
        do
        {
            try
            {
                await escalation.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deadline escalation scan failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
