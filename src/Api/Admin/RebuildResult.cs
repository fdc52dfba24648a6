using Marten.Events.Daemon.Coordination;

namespace Funds.Api.Admin;

public sealed record RebuildResult(IReadOnlyList<string> Projections, double Seconds, IReadOnlyDictionary<string, double>? SecondsPerProjection = null);
